//! The measured figures that answer each self-assessment question of the reflection, each with a one-line
//! reading aid: what the game saw of working across functions, of adapting to change, and of the boundary
//! spanners. The Reflection tab and the HTML report show the same.

use super::Debrief;
use crate::metrics::report::Impact;

/// What the game measured for one question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The figures, one line each.
    pub figures: Vec<String>,
    /// How to read them, in one line.
    pub aid: &'static str,
}

/// How to read the figures of each question (in the order of `reflection::QUESTIONS`).
pub const AIDS: [&str; 3] = [
    "Less waiting and rework per order is better; \"beyond\" above 0 means more working across units than the design makes you.",
    "Fewer deliveries and less profit lost against the twin, and a gap that stops growing sooner, mean the shocks were absorbed.",
    "Spanners earn their time when questions get answered across units; a high load with few answers means the time buys little.",
];

fn signed(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:+.2}"))
}

fn minutes(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.1} min"))
}

/// The figures answering each question for team `t` (empty when the team is unknown).
pub fn answers(d: &Debrief, t: usize) -> [Answer; 3] {
    let Some(m) = d.report.factories.get(t).map(|f| &f.totals) else {
        return Default::default();
    };
    let across = Answer {
        figures: vec![
            format!(
                "cross-unit wait {} per order, rework {} tasks per order",
                minutes(m.cross_unit_wait_per_order_min),
                m.rework_per_order.map_or("-".into(), |v| format!("{v:.2}"))
            ),
            format!(
                "E-I {} where the design forces {}: {} beyond the structure",
                signed(m.ei_index),
                signed(m.ei_forced),
                signed(m.ei_beyond_structure)
            ),
        ],
        aid: AIDS[0],
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
                "no disruption measured against its twin (yet)".to_string()
            } else {
                format!(
                    "{} disruption(s) cost {:.0} deliveries and {:.0} profit against the twin, {:.0} more late",
                    impacts.len(),
                    total(|i| i.deliveries_lost),
                    total(|i| i.profit_lost),
                    total(|i| i.late_added)
                )
            },
            format!(
                "the delivery gap stopped growing after {} on average; {} orders lost in all",
                Impact::mean(impacts.iter().copied())
                    .map_or("-".into(), |i| format!("{:.0} min", i.settled_min)),
                m.orders_lost
            ),
        ],
        aid: AIDS[1],
    };
    let spanners = d.teams.get(t).map_or(0, |x| x.details.spanners.len());
    let spanning = Answer {
        figures: vec![
            format!(
                "{spanners} designated spanner(s): {:.0} min spanning, load {}",
                m.spanning_min,
                m.spanner_load
                    .map_or("-".into(), |v| format!("{:.0}% of their time", 100.0 * v))
            ),
            format!(
                "questions: {} of {} answered, {} across units; most between: {}",
                m.questions_answered,
                m.questions,
                m.answered_across_units,
                if m.boundary_spanners.is_empty() {
                    "-".to_string()
                } else {
                    m.boundary_spanners.join(", ")
                }
            ),
        ],
        aid: AIDS[2],
    };
    [across, change, spanning]
}
