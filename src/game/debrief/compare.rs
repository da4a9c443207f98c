//! Compare tab: any two teams, or two rounds of one team, side by side on the same axes.

use bevy_egui::egui::{self, RichText};
use egui_plot::{Line, Plot};

use super::{caption, key};
use crate::debrief::Debrief;
use crate::game::ui::{money, style};
use crate::metrics::Metrics;

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

fn figures(m: &Metrics) -> [(&'static str, String); 9] {
    let o = |v: Option<f64>| v.map_or("-".into(), |x| format!("{x:.1}"));
    [
        ("Delivered", m.orders_delivered.to_string()),
        (
            "On time",
            format!("{}/{}", m.orders_on_time, m.orders_delivered),
        ),
        ("Lost", m.orders_lost.to_string()),
        ("Profit", money(m.profit)),
        ("Lead time mean (min)", o(m.lead_time_mean_min)),
        ("Lead time p90 (min)", o(m.lead_time_p90_min)),
        ("Rework tasks", m.rework_tasks.to_string()),
        ("Cross-unit wait (min)", o(m.cross_unit_wait_mean_min)),
        (
            "E-I index",
            m.ei_index.map_or("-".into(), |x| format!("{x:+.2}")),
        ),
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
fn side(d: &Debrief, t: usize, round: Option<usize>) -> Option<Side> {
    let team = d.teams.get(t)?;
    let f = &team.flow;
    let report = d.report.factories.get(t)?;
    let (metrics, label, start) = match round {
        None => (report.totals.clone(), team.name.clone(), 0.0),
        Some(r) => (
            report.rounds.get(r)?.clone(),
            format!("{} round {}", team.name, r + 1),
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
    ui.horizontal(|ui| {
        ui.radio_value(&mut s.mode, Mode::Teams, "two teams");
        ui.radio_value(&mut s.mode, Mode::Rounds, "two rounds of one team");
    });
    let (Some(a), Some(b)) = choose(ui, d, s) else {
        ui.label(RichText::new("Nothing to compare yet.").color(style::MUTED));
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
            for ((name, va), (_, vb)) in figures(&a.metrics).iter().zip(figures(&b.metrics).iter())
            {
                ui.label(*name);
                ui.label(va);
                ui.label(vb);
                ui.end_row();
            }
        });
    caption(
        ui,
        "Deliveries in the trailing hour (solid) and orders in the factory (thin), per simulated minute (minutes into the round when comparing rounds).",
    );
    key(
        ui,
        &[
            (
                format!("A: {} (thick: throughput, thin: WIP)", a.label),
                style::color32(0),
            ),
            (
                format!("B: {} (thick: throughput, thin: WIP)", b.label),
                style::color32(1),
            ),
        ],
    );
    Plot::new(("compare_plot", s.mode == Mode::Teams))
        .height((ui.available_height() - 10.0).max(200.0))
        .allow_scroll(false)
        .x_axis_label("simulated minutes")
        .y_axis_label("orders")
        .show(ui, |p| {
            for (i, (name, side)) in [("A", &a), ("B", &b)].into_iter().enumerate() {
                p.line(
                    Line::new(
                        format!("{name} throughput: {}", side.label),
                        side.throughput.clone(),
                    )
                    .color(style::color32(i))
                    .width(2.5),
                );
                p.line(
                    Line::new(format!("{name} WIP: {}", side.label), side.wip.clone())
                        .color(style::color32(i))
                        .width(1.0),
                );
            }
        });
}

/// The choosers of the mode, and the two sides they give.
fn choose(ui: &mut egui::Ui, d: &Debrief, s: &mut CompareState) -> (Option<Side>, Option<Side>) {
    let team_names: Vec<String> = d.teams.iter().map(|t| t.name.clone()).collect();
    match s.mode {
        Mode::Teams => {
            ui.horizontal(|ui| {
                ui.label("A");
                pick(ui, "cmp_a", &mut s.a, &team_names);
                ui.label("B");
                pick(ui, "cmp_b", &mut s.b, &team_names);
            });
            (side(d, s.a, None), side(d, s.b, None))
        }
        Mode::Rounds => {
            let round_names: Vec<String> = (1..=d.round_starts.len())
                .map(|r| format!("Round {r}"))
                .collect();
            ui.horizontal(|ui| {
                ui.label("Team");
                pick(ui, "cmp_team", &mut s.team, &team_names);
                ui.label("A");
                pick(ui, "cmp_ra", &mut s.a, &round_names);
                ui.label("B");
                pick(ui, "cmp_rb", &mut s.b, &round_names);
            });
            (side(d, s.team, Some(s.a)), side(d, s.team, Some(s.b)))
        }
    }
}
