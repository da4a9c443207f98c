//! Disruptions tab: for each disruption, what it cost each team against its twin (deliveries and profit lost,
//! more late, when the gap stopped growing) and what the team did in response (its commands after it).

use bevy_egui::egui::{self, RichText};

use super::caption;
use crate::debrief::{Debrief, RESPONSE_MIN};
use crate::game::ui::{clock, style};

pub fn ui(ui: &mut egui::Ui, d: &Debrief) {
    caption(
        ui,
        &format!(
            "Each team against its twin: the same factory re-simulated from the instant before the disruption \
             without it (same later decisions and random draws), over a round's length after it. Lost: the twin's \
             deliveries and profit minus the team's; late: the team's late deliveries minus the twin's; settled: \
             minutes until the delivery gap stopped growing. Response: the team's decisions in the \
             {RESPONSE_MIN:.0} minutes after."
        ),
    );
    if d.disruptions.is_empty() {
        ui.label(RichText::new("No disruption in this session.").color(style::MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, dis) in d.disruptions.iter().enumerate() {
                let r = &dis.report;
                egui::CollapsingHeader::new(
                    RichText::new(format!(
                        "Round {} at {}: {}",
                        r.round,
                        clock(r.minute),
                        r.headline
                    ))
                    .strong()
                    .size(18.0),
                )
                .id_salt(("disruption", i))
                .default_open(i < 3)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(crate::domain::DisruptionKind::words(&r.kind))
                            .color(style::MUTED),
                    );
                    egui::Grid::new(("dis_grid", i))
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            for h in [
                                "Team",
                                "Deliveries lost",
                                "More late",
                                "Profit lost",
                                "Settled after",
                                "Response",
                            ] {
                                ui.label(RichText::new(h).strong());
                            }
                            ui.end_row();
                            for t in &dis.teams {
                                ui.label(
                                    RichText::new(&d.teams[t.team].name)
                                        .color(style::color32(t.team)),
                                );
                                let i = t.impact.as_ref();
                                let cell = |x: Option<f64>, unit: &str| {
                                    x.map_or("not measured".into(), |x| format!("{x:.0}{unit}"))
                                };
                                ui.label(cell(i.map(|i| i.deliveries_lost), ""));
                                ui.label(cell(i.map(|i| i.late_added), ""));
                                ui.label(cell(i.map(|i| i.profit_lost), ""));
                                ui.label(cell(i.map(|i| i.settled_min), " min"));
                                ui.label(if t.responses.is_empty() {
                                    RichText::new("no change").color(style::MUTED)
                                } else {
                                    RichText::new(t.responses.join("\n"))
                                });
                                ui.end_row();
                            }
                        });
                });
            }
        });
}
