//! What happened beside what would have happened: a what-if's key figures per team against the record's,
//! the team's throughput and WIP of both on one chart from the branch moment, and the handoffs between units
//! it would have taken.

use bevy_egui::egui::{self, Color32, RichText};
use egui_plot::{Line, LineStyle, Plot, VLine};

use super::{caption, key, lang, style};
use crate::debrief::{Debrief, round_clock};
use crate::i18n::{Lang, money};
use crate::t;

/// What the comparison shows.
pub struct OutcomeView<'a> {
    /// What happened.
    pub actual: &'a Debrief,
    /// What would have happened.
    pub what_if: &'a Debrief,
    /// The team whose chart is shown.
    pub team: usize,
    /// The branch moment in session minutes.
    pub at_minute: f64,
    /// The branch moment as the room reads it: "R2 1:00".
    pub moment: String,
    /// Where the what-if is saved.
    pub saved: String,
}

/// A figure's change: "+3", "-120", "=".
fn change(l: Lang, actual: f64, what_if: f64) -> String {
    let d = what_if - actual;
    if d.abs() < 0.5 {
        "=".into()
    } else if d > 0.0 {
        format!("+{}", money(l, d))
    } else {
        money(l, d)
    }
}

/// The comparison.
pub fn outcome(ui: &mut egui::Ui, v: &OutcomeView) {
    let l = lang(ui);
    ui.heading(t!(l, "outcome-title", moment = v.moment.as_str()));
    caption(ui, &t!(l, "outcome-caption", saved = v.saved.as_str()));
    egui::Grid::new("whatif_figures")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                "outcome-team",
                "outcome-delivered",
                "outcome-late",
                "outcome-profit",
                "outcome-handoffs",
            ] {
                ui.label(RichText::new(crate::i18n::tr(l, h, &[])).color(style::MUTED));
            }
            ui.end_row();
            for (i, (a, w)) in v
                .actual
                .report
                .factories
                .iter()
                .zip(&v.what_if.report.factories)
                .enumerate()
            {
                ui.label(RichText::new(v.actual.say(l, &a.name)).color(style::color32(i)));
                let (a, w) = (&a.totals, &w.totals);
                // What would have been, and how far from what was.
                let cell = |x: f64, y: f64| format!("{} ({})", money(l, y), change(l, x, y));
                ui.label(cell(a.orders_delivered as f64, w.orders_delivered as f64));
                ui.label(cell(a.orders_late as f64, w.orders_late as f64));
                ui.label(cell(a.profit, w.profit));
                ui.label(cell(
                    a.cross_unit_handoffs as f64,
                    w.cross_unit_handoffs as f64,
                ));
                ui.end_row();
            }
        });
    chart(ui, v, l);
}

/// Throughput and WIP of the team, what happened (solid) and what if (dashed).
fn chart(ui: &mut egui::Ui, v: &OutcomeView, l: Lang) {
    let (Some(a), Some(w)) = (v.actual.teams.get(v.team), v.what_if.teams.get(v.team)) else {
        return;
    };
    ui.add_space(6.0);
    ui.heading(t!(l, "outcome-chart", team = v.actual.say(l, &a.name)));
    let colour = style::color32(v.team);
    let dashed_name = |id: &str| {
        format!(
            "{} ({})",
            crate::i18n::tr(l, id, &[]),
            t!(l, "outcome-dashed")
        )
    };
    key(
        ui,
        &[
            (t!(l, "outcome-throughput-actual"), colour),
            (dashed_name("outcome-throughput-what-if"), colour),
            (t!(l, "outcome-wip-actual"), Color32::LIGHT_GRAY),
            (dashed_name("outcome-wip-what-if"), Color32::LIGHT_GRAY),
            (t!(l, "outcome-moment"), style::WARNING),
        ],
    );
    let pts = |f: &crate::debrief::Flow, ys: &[f64]| -> Vec<[f64; 2]> {
        f.minutes.iter().zip(ys).map(|(x, y)| [*x, *y]).collect()
    };
    let starts = &v.actual.round_starts;
    Plot::new(("whatif_chart", v.team))
        .height(ui.available_height().max(160.0))
        .allow_scroll(false)
        .x_axis_label(t!(l, "flow-time-axis"))
        .x_axis_formatter(|m, _| round_clock(m.value, starts))
        .y_axis_label(t!(l, "flow-orders"))
        .show(ui, |p| {
            p.vline(VLine::new(t!(l, "outcome-moment"), v.at_minute).color(style::WARNING));
            let dashed = LineStyle::dashed_loose();
            p.line(
                Line::new(
                    t!(l, "outcome-throughput-actual"),
                    pts(&a.flow, &a.flow.throughput),
                )
                .color(colour)
                .width(2.5),
            );
            p.line(
                Line::new(
                    t!(l, "outcome-throughput-what-if"),
                    pts(&w.flow, &w.flow.throughput),
                )
                .color(colour)
                .width(2.5)
                .style(dashed),
            );
            p.line(
                Line::new(t!(l, "outcome-wip-actual"), pts(&a.flow, &a.flow.wip))
                    .color(Color32::LIGHT_GRAY)
                    .width(1.5),
            );
            p.line(
                Line::new(t!(l, "outcome-wip-what-if"), pts(&w.flow, &w.flow.wip))
                    .color(Color32::LIGHT_GRAY)
                    .width(1.5)
                    .style(dashed),
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_reads_with_its_sign() {
        assert_eq!(change(Lang::En, 10.0, 13.0), "+3");
        assert_eq!(change(Lang::En, 1200.0, 1000.0), "-200");
        assert_eq!(change(Lang::En, 5.0, 5.2), "=");
        assert_eq!(change(Lang::Sv, 1000.0, 3500.0), "+2\u{a0}500");
    }
}
