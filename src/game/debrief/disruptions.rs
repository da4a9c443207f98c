//! Disruptions tab: for each disruption, each team's dip in throughput, its time to recover, and what it did
//! in response (its commands after the disruption, from the event log).

use bevy_egui::egui::{self, RichText};

use super::caption;
use crate::debrief::{Debrief, RESPONSE_MIN};
use crate::game::ui::{clock, style};

pub fn ui(ui: &mut egui::Ui, d: &Debrief) {
    caption(
        ui,
        &format!(
            "Dip: how far deliveries over the trailing hour fell below their level when the disruption hit (percent). \
             Recovery: minutes until they were back to 90% of the hour before. Response: the team's decisions in the \
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
                    ui.label(RichText::new(format!("{} ({})", r.kind, r.id)).color(style::MUTED));
                    egui::Grid::new(("dis_grid", i))
                        .striped(true)
                        .num_columns(4)
                        .show(ui, |ui| {
                            for h in ["Team", "Dip", "Recovery", "Response"] {
                                ui.label(RichText::new(h).strong());
                            }
                            ui.end_row();
                            for t in &dis.teams {
                                ui.label(
                                    RichText::new(&d.teams[t.team].name)
                                        .color(style::color32(t.team)),
                                );
                                ui.label(t.dip_pct.map_or("-".into(), |x| format!("{x:.0}%")));
                                ui.label(
                                    t.recovery_min
                                        .map_or("not recovered".into(), |x| format!("{x:.0} min")),
                                );
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
