//! Disruptions tab: for each disruption, what it cost each team against its twin (deliveries and profit lost,
//! more late, when the gap stopped growing) and what the team did in response (its commands after it).

use bevy_egui::egui::{self, RichText};

use super::caption;
use crate::debrief::{Debrief, RESPONSE_MIN};
use crate::domain::DisruptionKind;
use crate::game::ui::{clock, lang, style};
use crate::i18n::count;
use crate::t;

pub fn ui(ui: &mut egui::Ui, d: &Debrief) {
    let l = lang(ui);
    caption(ui, &t!(l, "disruptions-caption", minutes = RESPONSE_MIN));
    if d.disruptions.is_empty() {
        ui.label(RichText::new(t!(l, "disruptions-none")).color(style::MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, dis) in d.disruptions.iter().enumerate() {
                let r = &dis.report;
                egui::CollapsingHeader::new(
                    RichText::new(t!(
                        l,
                        "disruptions-title",
                        round = r.round,
                        clock = clock(r.minute),
                        headline = d.say(l, &r.headline)
                    ))
                    .strong()
                    .size(18.0),
                )
                .id_salt(("disruption", i))
                .default_open(i < 3)
                .show(ui, |ui| {
                    ui.label(RichText::new(DisruptionKind::words(&r.kind, l)).color(style::MUTED));
                    egui::Grid::new(("dis_grid", i))
                        .striped(true)
                        .num_columns(6)
                        .show(ui, |ui| {
                            for h in [
                                "disruptions-team",
                                "disruptions-lost",
                                "disruptions-late",
                                "disruptions-profit",
                                "disruptions-settled",
                                "disruptions-response",
                            ] {
                                ui.label(RichText::new(crate::i18n::tr(l, h, &[])).strong());
                            }
                            ui.end_row();
                            for team in &dis.teams {
                                ui.label(
                                    RichText::new(d.team_name(l, team.team))
                                        .color(style::color32(team.team)),
                                );
                                let i = team.impact.as_ref();
                                let cell = |x: Option<f64>| {
                                    x.map_or(t!(l, "disruptions-not-measured"), |x| count(l, x))
                                };
                                ui.label(cell(i.map(|i| i.deliveries_lost)));
                                ui.label(cell(i.map(|i| i.late_added)));
                                ui.label(cell(i.map(|i| i.profit_lost)));
                                ui.label(i.map_or(t!(l, "disruptions-not-measured"), |i| {
                                    t!(l, "minutes-short", minutes = count(l, i.settled_min))
                                }));
                                ui.label(if team.responses.is_empty() {
                                    RichText::new(t!(l, "disruptions-no-change"))
                                        .color(style::MUTED)
                                } else {
                                    RichText::new(
                                        team.responses
                                            .iter()
                                            .map(|c| d.response(r.start_min, c, l))
                                            .collect::<Vec<_>>()
                                            .join("\n"),
                                    )
                                });
                                ui.end_row();
                            }
                        });
                });
            }
        });
}
