//! What happened beside what would have happened: a what-if's key figures per team against the record's,
//! the team's throughput and WIP of both on one chart from the branch moment, and the handoffs between units
//! it would have taken.

use bevy_egui::egui::{self, Color32, RichText};
use egui_plot::{Line, LineStyle, Plot, VLine};

use super::{caption, key, money, style};
use crate::debrief::{Debrief, round_clock};

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
fn change(actual: f64, what_if: f64) -> String {
    let d = what_if - actual;
    if d.abs() < 0.5 {
        "=".into()
    } else if d > 0.0 {
        format!("+{}", money(d))
    } else {
        money(d)
    }
}

/// The comparison.
pub fn outcome(ui: &mut egui::Ui, v: &OutcomeView) {
    ui.heading(format!("What happened, and what if from {}", v.moment));
    caption(
        ui,
        &format!(
            "Each figure: what the what-if gives, and in brackets how far that is from what happened. \
             Saved in {}",
            v.saved
        ),
    );
    egui::Grid::new("whatif_figures")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in [
                "team",
                "delivered",
                "late",
                "profit",
                "handoffs across units",
            ] {
                ui.label(RichText::new(h).color(style::MUTED));
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
                ui.label(RichText::new(&a.name).color(style::color32(i)));
                let (a, w) = (&a.totals, &w.totals);
                // What would have been, and how far from what was.
                let cell = |x: f64, y: f64| format!("{} ({})", money(y), change(x, y));
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
    chart(ui, v);
}

/// Throughput and WIP of the team, what happened (solid) and what if (dashed).
fn chart(ui: &mut egui::Ui, v: &OutcomeView) {
    let (Some(a), Some(w)) = (v.actual.teams.get(v.team), v.what_if.teams.get(v.team)) else {
        return;
    };
    ui.add_space(6.0);
    ui.heading(format!("{}: throughput and WIP", a.name));
    let colour = style::color32(v.team);
    key(
        ui,
        &[
            ("throughput, what happened".into(), colour),
            ("throughput, what if (dashed)".into(), colour),
            ("WIP, what happened".into(), Color32::LIGHT_GRAY),
            ("WIP, what if (dashed)".into(), Color32::LIGHT_GRAY),
            ("the what-if's moment".into(), style::WARNING),
        ],
    );
    let pts = |f: &crate::debrief::Flow, ys: &[f64]| -> Vec<[f64; 2]> {
        f.minutes.iter().zip(ys).map(|(x, y)| [*x, *y]).collect()
    };
    let starts = &v.actual.round_starts;
    Plot::new(("whatif_chart", v.team))
        .height(ui.available_height().max(160.0))
        .allow_scroll(false)
        .x_axis_label("round and time into it")
        .x_axis_formatter(|m, _| round_clock(m.value, starts))
        .y_axis_label("orders")
        .show(ui, |p| {
            p.vline(VLine::new("the what-if's moment", v.at_minute).color(style::WARNING));
            let dashed = LineStyle::dashed_loose();
            p.line(
                Line::new(
                    "throughput, what happened",
                    pts(&a.flow, &a.flow.throughput),
                )
                .color(colour)
                .width(2.5),
            );
            p.line(
                Line::new("throughput, what if", pts(&w.flow, &w.flow.throughput))
                    .color(colour)
                    .width(2.5)
                    .style(dashed),
            );
            p.line(
                Line::new("WIP, what happened", pts(&a.flow, &a.flow.wip))
                    .color(Color32::LIGHT_GRAY)
                    .width(1.5),
            );
            p.line(
                Line::new("WIP, what if", pts(&w.flow, &w.flow.wip))
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
        assert_eq!(change(10.0, 13.0), "+3");
        assert_eq!(change(1200.0, 1000.0), "-200");
        assert_eq!(change(5.0, 5.2), "=");
    }
}
