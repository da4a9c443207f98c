//! Flow tab: cumulative flow per step, throughput and WIP over time with every disruption marked, and the
//! lead-time distribution of each round.

use bevy_egui::egui::{self, Color32, RichText};
use egui_plot::{BoxElem, BoxPlot, BoxSpread, FilledArea, Line, MarkerShape, Plot, Points, VLine};

use super::{caption, key, team_picker};
use crate::debrief::round_clock;
use crate::debrief::{Debrief, TeamDebrief};
use crate::game::ui::{clock, style};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowState {
    pub team: usize,
    /// A chart was clicked at this session minute: the replay goes there.
    pub jump: Option<f64>,
}

/// The session minute a click on a time chart asks for.
fn clicked_minute(r: &egui_plot::PlotResponse<()>) -> Option<f64> {
    if !r.response.clicked() {
        return None;
    }
    let p = r.response.interact_pointer_pos()?;
    Some(r.transform.value_from_position(p).x.max(0.0))
}

/// Quartiles (nearest rank) of a sorted sample.
pub fn spread(sorted: &[f64]) -> Option<BoxSpread> {
    if sorted.is_empty() {
        return None;
    }
    let q = |p: f64| sorted[((sorted.len() - 1) as f64 * p).round() as usize];
    Some(BoxSpread::new(q(0.0), q(0.25), q(0.5), q(0.75), q(1.0)))
}

/// The tab: a team's cumulative flow, its throughput and WIP over time, and its lead times per round.
pub fn ui(ui: &mut egui::Ui, d: &Debrief, state: &mut FlowState) {
    team_picker(ui, d, &mut state.team, "flow_team");
    let Some(team) = d.teams.get(state.team) else {
        return;
    };
    let height = (ui.available_height() / 3.0 - 40.0).max(160.0);
    cumulative_flow(ui, d, state.team, height, &mut state.jump);
    throughput(ui, d, state.team, height, &mut state.jump);
    lead_times(ui, team, state.team, height);
}

fn cumulative_flow(ui: &mut egui::Ui, d: &Debrief, t: usize, height: f32, jump: &mut Option<f64>) {
    let f = &d.teams[t].flow;
    ui.heading("Cumulative flow");
    caption(
        ui,
        "Orders that had reached each step (or a later one) over simulated minutes; the height of a band is the work in that step, its width the time spent there. A click replays that moment.",
    );
    let mut entries: Vec<(String, Color32)> = (0..f.arrived.len())
        .filter(|&s| f.arrived[s].last().copied().unwrap_or(0) > 0)
        .map(|s| {
            (
                d.tables.step_name(s).to_string(),
                style::color32(s + 1).gamma_multiply(0.6),
            )
        })
        .collect();
    entries.push(("delivered".into(), Color32::from_gray(90)));
    key(ui, &entries);
    let r = Plot::new(("cfd", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label("round and time into it")
        .x_axis_formatter(|m, _| round_clock(m.value, &d.round_starts))
        .y_axis_label("orders (cumulative)")
        .show(ui, |p| {
            let zeros = vec![0.0; f.minutes.len()];
            let delivered: Vec<f64> = f.delivered.iter().map(|v| *v as f64).collect();
            let mut below = delivered.clone();
            for s in (0..f.arrived.len()).rev() {
                let ys: Vec<f64> = f.arrived[s].iter().map(|v| *v as f64).collect();
                if ys.last().copied().unwrap_or(0.0) <= 0.0 {
                    continue;
                }
                let name = d.tables.step_name(s).to_string();
                p.add(
                    FilledArea::new(name, &f.minutes, &below, &ys)
                        .fill_color(style::color32(s + 1).gamma_multiply(0.6)),
                );
                below = ys;
            }
            p.add(
                FilledArea::new("delivered", &f.minutes, &zeros, &delivered)
                    .fill_color(Color32::from_gray(90)),
            );
        });
    *jump = clicked_minute(&r).or(*jump);
}

fn throughput(ui: &mut egui::Ui, d: &Debrief, t: usize, height: f32, jump: &mut Option<f64>) {
    let f = &d.teams[t].flow;
    ui.heading("Throughput and WIP");
    caption(
        ui,
        "Deliveries in the trailing hour and orders in the factory, per simulated minute; coloured lines are disruptions (hover the marker on top for the headline), grey lines round starts. The wheel scrolls the page; Ctrl + wheel zooms the chart; a click replays that moment.",
    );
    let mut entries = vec![
        ("throughput (per hour)".to_string(), style::color32(t)),
        ("WIP (orders)".to_string(), Color32::LIGHT_GRAY),
    ];
    for (i, dis) in d.disruptions.iter().enumerate() {
        if dis.teams.iter().any(|x| x.team == t) {
            let r = &dis.report;
            entries.push((
                format!("R{} {}: {}", r.round, clock(r.minute), r.headline),
                style::disruption_color(i),
            ));
        }
    }
    key(ui, &entries);
    let r = Plot::new(("throughput", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label("round and time into it")
        .x_axis_formatter(|m, _| round_clock(m.value, &d.round_starts))
        .y_axis_label("orders")
        .show(ui, |p| {
            for start in &d.round_starts {
                p.vline(VLine::new("round start", *start).color(Color32::from_gray(110)));
            }
            let top = f
                .throughput
                .iter()
                .chain(&f.wip)
                .copied()
                .fold(1.0, f64::max);
            for (i, dis) in d.disruptions.iter().enumerate() {
                if dis.teams.iter().any(|x| x.team == t) {
                    let r = &dis.report;
                    let name = format!("R{} {}: {}", r.round, clock(r.minute), r.headline);
                    let color = style::disruption_color(i);
                    p.vline(VLine::new(name.clone(), r.start_min).color(color));
                    // A marker on top of the line: hovering it shows the headline.
                    p.points(
                        Points::new(name, vec![[r.start_min, top]])
                            .shape(MarkerShape::Down)
                            .radius(7.0)
                            .color(color),
                    );
                }
            }
            let pts = |ys: &[f64]| -> Vec<[f64; 2]> {
                f.minutes.iter().zip(ys).map(|(x, y)| [*x, *y]).collect()
            };
            p.line(
                Line::new("throughput (per hour)", pts(&f.throughput))
                    .color(style::color32(t))
                    .width(2.5),
            );
            p.line(
                Line::new("WIP (orders)", pts(&f.wip))
                    .color(Color32::LIGHT_GRAY)
                    .width(1.5),
            );
        });
    *jump = clicked_minute(&r).or(*jump);
}

fn lead_times(ui: &mut egui::Ui, team: &TeamDebrief, t: usize, height: f32) {
    ui.heading("Lead time per round");
    caption(
        ui,
        "Minutes from order to delivery of the cakes delivered in each round: box from the first to the third quartile, line at the median, whiskers to the extremes.",
    );
    Plot::new(("lead", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label("round")
        .x_axis_formatter(|m, _| {
            let r = m.value.round();
            if (m.value - r).abs() < 1e-6 && r >= 1.0 {
                format!("Round {r:.0}")
            } else {
                String::new()
            }
        })
        .y_axis_label("lead time (minutes)")
        .show(ui, |p| {
            let boxes: Vec<BoxElem> = team
                .lead_times
                .iter()
                .enumerate()
                .filter_map(|(r, leads)| {
                    let mut s = leads.clone();
                    s.sort_by(f64::total_cmp);
                    spread(&s).map(|sp| {
                        BoxElem::new((r + 1) as f64, sp).name(format!(
                            "round {}: {} cakes",
                            r + 1,
                            s.len()
                        ))
                    })
                })
                .collect();
            p.box_plot(BoxPlot::new("lead time", boxes).color(style::color32(t)));
        });
    if team.lead_times.iter().all(Vec::is_empty) {
        ui.label(RichText::new("No cake delivered yet.").color(style::MUTED));
    }
}
