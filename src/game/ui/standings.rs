//! The table comparing all teams (after a round, and the final standings): key figures side by side, the best
//! value in each column marked, sortable by any column.

use bevy_egui::egui::{self, RichText};

use super::style;
use crate::i18n::{Lang, decimal, percent, tr};
use crate::metrics::{Metrics, Report};
use crate::scenario::Model;
use crate::t;

/// A column: header and hover explanation (message ids), the value, whether higher is better.
struct Column {
    header: &'static str,
    tip: &'static str,
    value: fn(&Metrics) -> Option<f64>,
    higher_is_better: bool,
    /// Whether a best value is marked (not for descriptive figures such as the E-I index).
    rank: bool,
    format: fn(f64, Lang) -> String,
}

fn columns() -> Vec<Column> {
    let int = |x: f64, l: Lang| decimal(l, x, 0);
    let one = |x: f64, l: Lang| decimal(l, x, 1);
    vec![
        Column {
            header: "std-delivered",
            tip: "std-delivered-hint",
            value: |m| Some(m.orders_delivered as f64),
            higher_is_better: true,
            rank: true,
            format: int,
        },
        Column {
            header: "std-on-time",
            tip: "std-on-time-hint",
            value: |m| {
                (m.orders_delivered > 0)
                    .then(|| 100.0 * m.orders_on_time as f64 / m.orders_delivered as f64)
            },
            higher_is_better: true,
            rank: true,
            format: |x, l| percent(l, x / 100.0, 0),
        },
        Column {
            header: "std-lost",
            tip: "std-lost-hint",
            value: |m| Some(m.orders_lost as f64),
            higher_is_better: false,
            rank: true,
            format: int,
        },
        Column {
            header: "std-profit",
            tip: "std-profit-hint",
            value: |m| Some(m.profit),
            higher_is_better: true,
            rank: true,
            format: |x, l| crate::i18n::money(l, x),
        },
        Column {
            header: "std-lead",
            tip: "std-lead-hint",
            value: |m| m.lead_time_mean_min,
            higher_is_better: false,
            rank: true,
            format: one,
        },
        Column {
            header: "std-p90",
            tip: "std-p90-hint",
            value: |m| m.lead_time_p90_min,
            higher_is_better: false,
            rank: true,
            format: one,
        },
        Column {
            header: "std-rework",
            tip: "std-rework-hint",
            value: |m| Some(m.rework_tasks as f64),
            higher_is_better: false,
            rank: true,
            format: int,
        },
        Column {
            header: "std-cross-wait",
            tip: "std-cross-wait-hint",
            value: |m| m.cross_unit_wait_mean_min,
            higher_is_better: false,
            rank: true,
            format: one,
        },
        Column {
            header: "std-ei",
            tip: "std-ei-hint",
            value: |m| m.ei_index,
            higher_is_better: true,
            rank: false,
            format: |x, l| {
                let sign = if x > 0.0 { "+" } else { "" };
                format!("{sign}{}", decimal(l, x, 2))
            },
        },
    ]
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StandingsState {
    /// Column to sort by (0 = team name).
    pub sort: usize,
    pub descending: bool,
    /// The team on screen, whose row stands out (however many teams there are).
    pub selected: Option<usize>,
}

/// A team's row: its index, its name and its figures.
type Row<'a> = (usize, &'a str, &'a Metrics);

/// The figures of `round` (or the totals when `None`) for every team, sortable by any column, the best value
/// of each ranked column marked.
/// Teams and designs are named from the scenario (`model`) when it is at hand.
pub fn standings(
    ui: &mut egui::Ui,
    report: &Report,
    model: Option<&Model>,
    round: Option<u32>,
    state: &mut StandingsState,
) {
    let l = super::lang(ui);
    let cols = columns();
    let rows: Vec<Row> = report
        .factories
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let m = match round {
                None => Some(&f.totals),
                Some(r) => f.rounds.iter().find(|m| m.round == r),
            }?;
            Some((
                i,
                model.map_or(f.name.as_str(), |x| x.lexicon.say(l, &f.name)),
                m,
            ))
        })
        .collect();
    let best: Vec<Option<f64>> = cols.iter().map(|c| best_value(c, &rows)).collect();
    let order = sort_order(&cols, &rows, state);
    egui::Grid::new(("standings", round))
        .striped(true)
        .min_col_width(70.0)
        .show(ui, |ui| {
            header(ui, state, 0, &t!(l, "std-team"), &t!(l, "std-team-hint"));
            ui.label(RichText::new(t!(l, "std-design")).strong());
            for (i, c) in cols.iter().enumerate() {
                header(ui, state, i + 1, &tr(l, c.header, &[]), &tr(l, c.tip, &[]));
            }
            ui.end_row();
            for &r in &order {
                let (i, name, m) = rows[r];
                let name = RichText::new(name).strong().color(style::color32(i));
                if state.selected == Some(i) {
                    ui.label(
                        name.background_color(egui::Color32::from_gray(70))
                            .underline(),
                    )
                    .on_hover_text(t!(l, "std-on-screen"));
                } else {
                    ui.label(name);
                }
                let design = model.map_or(m.design.as_str(), |x| {
                    x.lexicon.say(l, x.design_title(&m.design))
                });
                ui.label(RichText::new(design).color(style::MUTED));
                for (c, b) in cols.iter().zip(&best) {
                    cell(ui, c, m, *b, rows.len() > 1, l);
                }
                ui.end_row();
            }
        });
    ui.label(RichText::new(t!(l, "std-legend")).color(style::MUTED));
}

/// The best value of a column over the rows (highest or lowest, as the column says).
fn best_value(c: &Column, rows: &[Row]) -> Option<f64> {
    let vals = rows.iter().filter_map(|(_, _, m)| (c.value)(m));
    if c.higher_is_better {
        vals.reduce(f64::max)
    } else {
        vals.reduce(f64::min)
    }
}

/// The rows in the order the state asks for.
fn sort_order(cols: &[Column], rows: &[Row], state: &StandingsState) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    if state.sort == 0 {
        order.sort_by(|&a, &b| rows[a].1.cmp(rows[b].1));
    } else if let Some(c) = cols.get(state.sort - 1) {
        order.sort_by(|&a, &b| {
            let (x, y) = ((c.value)(rows[a].2), (c.value)(rows[b].2));
            x.unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&y.unwrap_or(f64::NEG_INFINITY))
        });
    }
    if state.descending {
        order.reverse();
    }
    order
}

/// A column header: a click sorts by it (again: the other way round).
fn header(ui: &mut egui::Ui, state: &mut StandingsState, i: usize, text: &str, tip: &str) {
    let arrow = match (state.sort == i, state.descending) {
        (false, _) => "",
        (true, true) => " v",
        (true, false) => " ^",
    };
    if ui
        .button(RichText::new(format!("{text}{arrow}")).strong())
        .on_hover_text(t!(super::lang(ui), "std-click-to-sort", tip = tip))
        .clicked()
    {
        if state.sort == i {
            state.descending = !state.descending;
        } else {
            state.sort = i;
            state.descending = i != 0;
        }
    }
}

/// One figure, marked when it is the best of its column.
fn cell(ui: &mut egui::Ui, c: &Column, m: &Metrics, best: Option<f64>, several: bool, l: Lang) {
    let Some(x) = (c.value)(m) else {
        ui.label("-");
        return;
    };
    let is_best = c.rank && several && best.is_some_and(|b| (b - x).abs() < 1e-9);
    let text = RichText::new(format!(
        "{}{}",
        (c.format)(x, l),
        if is_best { " ★" } else { "" }
    ));
    ui.label(if is_best {
        text.strong().color(style::GOOD)
    } else {
        text
    });
}

/// How each team's profit adds up, for round `round` (the session so far when `None`): revenue after late
/// penalties, minus each cost, equals the profit the standings show.
pub fn profit_breakdown(ui: &mut egui::Ui, report: &Report, round: Option<u32>) {
    let id = format!("profit_{}", round.unwrap_or(0));
    let l = super::lang(ui);
    let money = |x: f64| crate::i18n::money(l, x);
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for h in [
            t!(l, "std-team"),
            t!(l, "profit-revenue"),
            t!(l, "profit-penalties"),
            t!(l, "profit-wages"),
            t!(l, "profit-fixed"),
            t!(l, "profit-ingredients"),
            t!(l, "profit-expedite"),
            t!(l, "profit-profit"),
        ] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (i, f) in report.factories.iter().enumerate() {
            let m = match round {
                Some(r) => f.rounds.iter().find(|m| m.round == r),
                None => Some(&f.totals),
            };
            let Some(m) = m else { continue };
            ui.label(RichText::new(&f.name).color(style::color32(i)));
            ui.label(money(m.revenue));
            ui.label(RichText::new(money(m.penalties)).color(style::MUTED));
            for c in [m.wages, m.fixed_costs, m.ingredient_costs, m.expedite_fees] {
                ui.label(money(c));
            }
            ui.label(
                RichText::new(money(m.profit))
                    .strong()
                    .color(if m.profit < 0.0 {
                        style::ALERT
                    } else {
                        style::GOOD
                    }),
            );
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};
    use crate::headless::{self, RunOptions};
    use std::sync::Arc;

    #[test]
    fn every_column_is_named_in_both_languages() {
        for c in columns() {
            for l in Lang::ALL {
                for id in [c.header, c.tip] {
                    assert_ne!(tr(l, id, &[]), id, "{id} has no message in {}", l.code());
                }
            }
        }
    }

    #[test]
    fn standings_list_every_team_with_its_figures() {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let report = headless::run(
            model,
            &RunOptions {
                teams: Some(2),
                ..Default::default()
            },
            Vec::new(),
        )
        .unwrap();
        let mut state = StandingsState {
            sort: 4,
            descending: true,
            selected: Some(1),
        };
        let t = texts(|ui| standings(ui, &report, None, Some(1), &mut state));
        assert!(shows(&t, "Team 1") && shows(&t, "Team 2"));
        assert!(shows(&t, "Profit v"), "{t:?}");
        let delivered = report.factories[0].rounds[0].orders_delivered.to_string();
        assert!(shows(&t, &delivered));
    }

    /// The round end on both projectors, twelve teams: the standings and how the profit adds up fit the
    /// screen's width (less the overlay's margins) without cutting or overlapping a figure.
    #[test]
    fn the_round_end_holds_twelve_teams_on_both_projectors() {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let report = headless::run(
            model,
            &RunOptions {
                teams: Some(12),
                ..Default::default()
            },
            Vec::new(),
        )
        .unwrap();
        let mut state = StandingsState::default();
        for p in crate::game::ui::testing::PROJECTORS {
            let width = p.0 / p.2 - 48.0;
            let problems = crate::game::ui::testing::layout_problems(p, width, |ui| {
                standings(ui, &report, None, Some(1), &mut state);
                profit_breakdown(ui, &report, Some(1));
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
    }
}
