//! Flow tab: cumulative flow per step, throughput and WIP over time with every disruption marked, and the
//! lead-time distribution of each round.

use bevy_egui::egui::{self, Color32, RichText};
use egui_plot::{BoxElem, BoxPlot, BoxSpread, FilledArea, Line, MarkerShape, Plot, Points, VLine};

use super::{caption, key, team_picker};
use crate::debrief::round_clock;
use crate::debrief::{Debrief, TeamDebrief};
use crate::game::ui::{clock, lang, style};
use crate::i18n::Lang;
use crate::t;

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
    let l = lang(ui);
    cumulative_flow(ui, d, state.team, height, &mut state.jump, l);
    throughput(ui, d, state.team, height, &mut state.jump, l);
    lead_times(ui, team, state.team, height, l);
}

fn cumulative_flow(
    ui: &mut egui::Ui,
    d: &Debrief,
    t: usize,
    height: f32,
    jump: &mut Option<f64>,
    l: Lang,
) {
    let f = &d.teams[t].flow;
    ui.heading(t!(l, "flow-cfd"));
    caption(ui, &t!(l, "flow-cfd-caption"));
    let mut entries: Vec<(String, Color32)> = (0..f.arrived.len())
        .filter(|&s| f.arrived[s].last().copied().unwrap_or(0) > 0)
        .map(|s| {
            (
                d.say(l, d.tables.step_name(s)).to_string(),
                style::color32(s + 1).gamma_multiply(0.6),
            )
        })
        .collect();
    let delivered_name = t!(l, "flow-delivered");
    entries.push((delivered_name.clone(), Color32::from_gray(90)));
    key(ui, &entries);
    let r = Plot::new(("cfd", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label(t!(l, "flow-time-axis"))
        .x_axis_formatter(|m, _| round_clock(m.value, &d.round_starts))
        .y_axis_label(t!(l, "flow-orders-cumulative"))
        .show(ui, |p| {
            let zeros = vec![0.0; f.minutes.len()];
            let delivered: Vec<f64> = f.delivered.iter().map(|v| *v as f64).collect();
            let mut below = delivered.clone();
            for s in (0..f.arrived.len()).rev() {
                let ys: Vec<f64> = f.arrived[s].iter().map(|v| *v as f64).collect();
                if ys.last().copied().unwrap_or(0.0) <= 0.0 {
                    continue;
                }
                let name = d.say(l, d.tables.step_name(s)).to_string();
                p.add(
                    FilledArea::new(name, &f.minutes, &below, &ys)
                        .fill_color(style::color32(s + 1).gamma_multiply(0.6)),
                );
                below = ys;
            }
            p.add(
                FilledArea::new(delivered_name, &f.minutes, &zeros, &delivered)
                    .fill_color(Color32::from_gray(90)),
            );
        });
    *jump = clicked_minute(&r).or(*jump);
}

fn throughput(
    ui: &mut egui::Ui,
    d: &Debrief,
    t: usize,
    height: f32,
    jump: &mut Option<f64>,
    l: Lang,
) {
    let f = &d.teams[t].flow;
    ui.heading(t!(l, "flow-throughput"));
    caption(ui, &t!(l, "flow-throughput-caption"));
    let (through, wip) = (t!(l, "flow-throughput-series"), t!(l, "flow-wip-series"));
    let mut entries = vec![
        (through.clone(), style::color32(t)),
        (wip.clone(), Color32::LIGHT_GRAY),
    ];
    let named = |r: &crate::metrics::DisruptionReport| {
        t!(
            l,
            "flow-disruption",
            round = r.round,
            clock = clock(r.minute),
            headline = d.say(l, &r.headline)
        )
    };
    for (i, dis) in d.disruptions.iter().enumerate() {
        if dis.teams.iter().any(|x| x.team == t) {
            entries.push((named(&dis.report), style::disruption_color(i)));
        }
    }
    key(ui, &entries);
    let r = Plot::new(("throughput", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label(t!(l, "flow-time-axis"))
        .x_axis_formatter(|m, _| round_clock(m.value, &d.round_starts))
        .y_axis_label(t!(l, "flow-orders"))
        .show(ui, |p| {
            let start_name = t!(l, "flow-round-start");
            for start in &d.round_starts {
                p.vline(VLine::new(start_name.clone(), *start).color(Color32::from_gray(110)));
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
                    let name = named(r);
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
                Line::new(through, pts(&f.throughput))
                    .color(style::color32(t))
                    .width(2.5),
            );
            p.line(
                Line::new(wip, pts(&f.wip))
                    .color(Color32::LIGHT_GRAY)
                    .width(1.5),
            );
        });
    *jump = clicked_minute(&r).or(*jump);
}

fn lead_times(ui: &mut egui::Ui, team: &TeamDebrief, t: usize, height: f32, l: Lang) {
    ui.heading(t!(l, "flow-lead"));
    caption(ui, &t!(l, "flow-lead-caption"));
    Plot::new(("lead", t))
        .height(height)
        .allow_scroll(false)
        .x_axis_label(t!(l, "flow-round-axis"))
        .x_axis_formatter(move |m, _| {
            let r = m.value.round();
            if (m.value - r).abs() < 1e-6 && r >= 1.0 {
                t!(l, "debrief-round", round = r)
            } else {
                String::new()
            }
        })
        .y_axis_label(t!(l, "flow-lead-axis"))
        .show(ui, |p| {
            let boxes: Vec<BoxElem> = team
                .lead_times
                .iter()
                .enumerate()
                .filter_map(|(r, leads)| {
                    let mut s = leads.clone();
                    s.sort_by(f64::total_cmp);
                    spread(&s).map(|sp| {
                        BoxElem::new((r + 1) as f64, sp).name(t!(
                            l,
                            "flow-lead-box",
                            round = r + 1,
                            count = s.len()
                        ))
                    })
                })
                .collect();
            p.box_plot(BoxPlot::new(t!(l, "flow-lead-series"), boxes).color(style::color32(t)));
        });
    if team.lead_times.iter().all(Vec::is_empty) {
        ui.label(RichText::new(t!(l, "flow-no-cake")).color(style::MUTED));
    }
}
