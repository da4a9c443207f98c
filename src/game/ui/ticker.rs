//! The ticker: the latest events that matter (disruptions with their headlines, rush offers, breakdowns,
//! late deliveries, the teams' decisions), one line per event naming the teams it concerns, the lines of the
//! team on screen highlighted. The newest comes last and stays in view, unless the facilitator has scrolled
//! back to read an earlier one: then the view stays where they are.

use bevy_egui::egui::{self, Color32, RichText};

use super::{clock, style};
use crate::domain::time::minute_of_round;
use crate::game::record::{Severity, TickerItem};

/// Who a line concerns, as it starts on screen: "" (the room), "All teams: " or "Team 1, Team 3: ".
pub fn who(item: &TickerItem, teams: &[String], lang: crate::i18n::Lang) -> String {
    if item.teams.is_empty() {
        String::new()
    } else if teams.len() > 1 && item.teams.len() == teams.len() {
        format!("{}: ", crate::t!(lang, "all-teams"))
    } else {
        let mut names: Vec<&str> = item
            .teams
            .iter()
            .filter_map(|&f| teams.get(f as usize).map(String::as_str))
            .collect();
        names.sort_unstable();
        format!("{}: ", names.join(", "))
    }
}

pub fn ticker(
    ui: &mut egui::Ui,
    items: &[&TickerItem],
    round_starts: &[crate::domain::SimTime],
    teams: &[String],
    selected: usize,
) {
    egui::ScrollArea::vertical()
        .max_height(ui.available_height())
        .auto_shrink([false, false])
        .stick_to_bottom(true)
        .show(ui, |ui| {
            for item in items {
                let color = match item.severity {
                    Severity::Alert => style::ALERT,
                    Severity::Warning => style::WARNING,
                    Severity::Info => Color32::LIGHT_GRAY,
                };
                let minute = round_starts
                    .get(item.round.saturating_sub(1) as usize)
                    .map_or(0.0, |s| minute_of_round(item.t, *s));
                let mine = item.teams.is_empty() || item.teams.contains(&(selected as u16));
                let text = RichText::new(format!(
                    "R{} {}  {}{}",
                    item.round,
                    clock(minute),
                    who(item, teams, super::lang(ui)),
                    item.text_in(super::lang(ui))
                ))
                .size(16.0)
                .color(if mine {
                    color
                } else {
                    color.gamma_multiply(0.55)
                });
                ui.label(if mine { text.strong() } else { text });
            }
        });
}
