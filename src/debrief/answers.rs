//! The measured figures that answer each self-assessment question of the reflection, each with a one-line
//! reading aid: what the game saw of working across functions, of adapting to change, and of the boundary
//! spanners. The Reflection tab and the HTML report show the same.

use super::Debrief;
use crate::i18n::{Lang, count, decimal, percent, signed};
use crate::metrics::report::Impact;
use crate::t;

/// What the game measured for one question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The figures, one line each.
    pub figures: Vec<String>,
    /// How to read them, in one line.
    pub aid: String,
}

/// Minutes with one decimal, or a dash.
fn minutes(l: Lang, x: Option<f64>) -> String {
    x.map_or("-".into(), |v| {
        t!(l, "minutes-short", minutes = decimal(l, v, 1))
    })
}

/// The figures answering each question for team `t` in `l` (empty when the team is unknown).
pub fn answers(d: &Debrief, t: usize, l: Lang) -> [Answer; 3] {
    let Some(m) = d.report.factories.get(t).map(|f| &f.totals) else {
        return Default::default();
    };
    let across = Answer {
        figures: vec![
            t!(
                l,
                "answers-across-wait",
                wait = minutes(l, m.cross_unit_wait_per_order_min),
                rework = m.rework_per_order.map_or("-".into(), |v| decimal(l, v, 2))
            ),
            t!(
                l,
                "answers-across-ei",
                ei = signed(l, m.ei_index, 2),
                forced = signed(l, m.ei_forced, 2),
                beyond = signed(l, m.ei_beyond_structure, 2)
            ),
        ],
        aid: t!(l, "answers-aid-across"),
    };
    let impacts: Vec<&Impact> = d
        .disruptions
        .iter()
        .flat_map(|x| x.teams.iter())
        .filter(|x| x.team == t)
        .filter_map(|x| x.impact.as_ref())
        .collect();
    // (Adding 0.0 turns the empty sum's -0 into 0.)
    let total = |f: fn(&Impact) -> f64| impacts.iter().map(|i| f(i)).sum::<f64>() + 0.0;
    let change = Answer {
        figures: vec![
            if impacts.is_empty() {
                t!(l, "answers-change-none")
            } else {
                t!(
                    l,
                    "answers-change-cost",
                    count = impacts.len(),
                    deliveries = count(l, total(|i| i.deliveries_lost)),
                    profit = count(l, total(|i| i.profit_lost)),
                    late = count(l, total(|i| i.late_added))
                )
            },
            t!(
                l,
                "answers-change-settled",
                settled = Impact::mean(impacts.iter().copied()).map_or("-".into(), |i| t!(
                    l,
                    "minutes-short",
                    minutes = count(l, i.settled_min)
                )),
                lost = m.orders_lost
            ),
        ],
        aid: t!(l, "answers-aid-change"),
    };
    let spanners = d.teams.get(t).map_or(0, |x| x.details.spanners.len());
    let spanning = Answer {
        figures: vec![
            t!(
                l,
                "answers-spanners",
                count = spanners,
                minutes = count(l, m.spanning_min),
                load = m.spanner_load.map_or("-".into(), |v| t!(
                    l,
                    "answers-spanner-load",
                    share = percent(l, v, 0)
                ))
            ),
            t!(
                l,
                "answers-questions",
                answered = m.questions_answered,
                asked = m.questions,
                across = m.answered_across_units,
                people = if m.boundary_spanners.is_empty() {
                    "-".to_string()
                } else {
                    m.boundary_spanners
                        .iter()
                        .map(|w| d.say(l, w))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        ],
        aid: t!(l, "answers-aid-spanners"),
    };
    [across, change, spanning]
}
