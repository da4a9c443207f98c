//! Compare tab: any two teams, or two rounds of one team, side by side on the same axes.

use bevy_egui::egui::{self, RichText};
use egui_plot::{Line, Plot};

use super::{caption, key};
use crate::debrief::Debrief;
use crate::game::ui::{lang, style};
use crate::i18n::{Lang, count, decimal, money, signed};
use crate::metrics::Metrics;
use crate::t;

#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    Teams,
    Rounds,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    pub mode: Mode,
    pub a: usize,
    pub b: usize,
    /// The team whose rounds are compared.
    pub team: usize,
}

impl Default for CompareState {
    fn default() -> Self {
        CompareState {
            mode: Mode::Teams,
            a: 0,
            b: 1,
            team: 0,
        }
    }
}

/// The compared figures: each one's message id and its value in `l`.
fn figures(m: &Metrics, l: Lang) -> [(&'static str, String); 9] {
    let o = |v: Option<f64>| v.map_or("-".into(), |x| decimal(l, x, 1));
    let n = |x: u64| count(l, x as f64);
    [
        ("fig-delivered", n(m.orders_delivered)),
        (
            "fig-on-time",
            format!("{}/{}", n(m.orders_on_time), n(m.orders_delivered)),
        ),
        ("fig-lost", n(m.orders_lost)),
        ("fig-profit", money(l, m.profit)),
        ("fig-lead-mean", o(m.lead_time_mean_min)),
        ("fig-lead-p90", o(m.lead_time_p90_min)),
        ("fig-rework", n(m.rework_tasks)),
        ("fig-cross-wait", o(m.cross_unit_wait_mean_min)),
        ("fig-ei", signed(l, m.ei_index, 2)),
    ]
}

/// One side of the comparison: its label, its figures and its throughput and WIP series (x, y).
struct Side {
    label: String,
    metrics: Metrics,
    throughput: Vec<[f64; 2]>,
    wip: Vec<[f64; 2]>,
}

/// Team `t` over the whole session, or over round `round` (0-based) with minutes into the round.
fn side(d: &Debrief, t: usize, round: Option<usize>, l: Lang) -> Option<Side> {
    let team = d.teams.get(t)?;
    let f = &team.flow;
    let report = d.report.factories.get(t)?;
    let name = d.team_name(l, t).to_string();
    let (metrics, label, start) = match round {
        None => (report.totals.clone(), name, 0.0),
        Some(r) => (
            report.rounds.get(r)?.clone(),
            t!(l, "compare-team-round", team = name, round = r + 1),
            *d.round_starts.get(r)?,
        ),
    };
    let keep = |i: usize| round.is_none_or(|r| f.round[i] as usize == r + 1);
    let series = |ys: &[f64]| -> Vec<[f64; 2]> {
        (0..f.minutes.len())
            .filter(|&i| keep(i))
            .map(|i| [f.minutes[i] - start, ys[i]])
            .collect()
    };
    Some(Side {
        label,
        metrics,
        throughput: series(&f.throughput),
        wip: series(&f.wip),
    })
}

/// A chooser among `names`.
fn pick(ui: &mut egui::Ui, id: &str, v: &mut usize, names: &[String]) {
    *v = (*v).min(names.len().saturating_sub(1));
    egui::ComboBox::from_id_salt(id)
        .selected_text(names.get(*v).cloned().unwrap_or_default())
        .show_ui(ui, |ui| {
            for (i, name) in names.iter().enumerate() {
                ui.selectable_value(v, i, name);
            }
        });
}

/// The tab: what to compare, the figures side by side, and throughput and WIP on the same axes.
pub fn ui(ui: &mut egui::Ui, d: &Debrief, s: &mut CompareState) {
    let l = lang(ui);
    ui.horizontal(|ui| {
        ui.radio_value(&mut s.mode, Mode::Teams, t!(l, "compare-teams"));
        ui.radio_value(&mut s.mode, Mode::Rounds, t!(l, "compare-rounds"));
    });
    let (Some(a), Some(b)) = choose(ui, d, s, l) else {
        ui.label(RichText::new(t!(l, "compare-nothing")).color(style::MUTED));
        return;
    };
    egui::Grid::new("compare_table")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(format!("A: {}", a.label)).strong());
            ui.label(RichText::new(format!("B: {}", b.label)).strong());
            ui.end_row();
            for ((id, va), (_, vb)) in figures(&a.metrics, l)
                .iter()
                .zip(figures(&b.metrics, l).iter())
            {
                ui.label(crate::i18n::tr(l, id, &[]));
                ui.label(va);
                ui.label(vb);
                ui.end_row();
            }
        });
    caption(ui, &t!(l, "compare-caption"));
    key(
        ui,
        &[
            (
                t!(l, "compare-key", side = "A", name = a.label.as_str()),
                style::color32(0),
            ),
            (
                t!(l, "compare-key", side = "B", name = b.label.as_str()),
                style::color32(1),
            ),
        ],
    );
    Plot::new(("compare_plot", s.mode == Mode::Teams))
        .height((ui.available_height() - 10.0).max(200.0))
        .allow_scroll(false)
        .x_axis_label(t!(l, "compare-minutes"))
        .y_axis_label(t!(l, "flow-orders"))
        .show(ui, |p| {
            for (i, (name, side)) in [("A", &a), ("B", &b)].into_iter().enumerate() {
                p.line(
                    Line::new(
                        t!(
                            l,
                            "compare-throughput",
                            side = name,
                            name = side.label.as_str()
                        ),
                        side.throughput.clone(),
                    )
                    .color(style::color32(i))
                    .width(2.5),
                );
                p.line(
                    Line::new(
                        t!(l, "compare-wip", side = name, name = side.label.as_str()),
                        side.wip.clone(),
                    )
                    .color(style::color32(i))
                    .width(1.0),
                );
            }
        });
}

/// The choosers of the mode, and the two sides they give.
fn choose(
    ui: &mut egui::Ui,
    d: &Debrief,
    s: &mut CompareState,
    l: Lang,
) -> (Option<Side>, Option<Side>) {
    let team_names: Vec<String> = (0..d.teams.len())
        .map(|t| d.team_name(l, t).to_string())
        .collect();
    match s.mode {
        Mode::Teams => {
            ui.horizontal(|ui| {
                ui.label("A");
                pick(ui, "cmp_a", &mut s.a, &team_names);
                ui.label("B");
                pick(ui, "cmp_b", &mut s.b, &team_names);
            });
            (side(d, s.a, None, l), side(d, s.b, None, l))
        }
        Mode::Rounds => {
            let round_names: Vec<String> = (1..=d.round_starts.len())
                .map(|r| t!(l, "debrief-round", round = r))
                .collect();
            ui.horizontal(|ui| {
                ui.label(t!(l, "compare-team"));
                pick(ui, "cmp_team", &mut s.team, &team_names);
                ui.label("A");
                pick(ui, "cmp_ra", &mut s.a, &round_names);
                ui.label("B");
                pick(ui, "cmp_rb", &mut s.b, &round_names);
            });
            (side(d, s.team, Some(s.a), l), side(d, s.team, Some(s.b), l))
        }
    }
}
