//! The ticker: the latest events that matter (disruptions with their headlines, rush offers, breakdowns,
//! late deliveries), newest first, the team on screen highlighted.

use bevy_egui::egui::{self, Color32, RichText};

use super::{clock, style};
use crate::domain::time::minute_of_round;
use crate::game::record::{Severity, TickerItem};

pub fn ticker(
    ui: &mut egui::Ui,
    items: &[&TickerItem],
    round_starts: &[crate::domain::SimTime],
    selected: usize,
) {
    egui::ScrollArea::vertical()
        .max_height(ui.available_height())
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for item in items.iter().rev() {
                let color = match item.severity {
                    Severity::Alert => style::ALERT,
                    Severity::Warning => style::WARNING,
                    Severity::Info => Color32::LIGHT_GRAY,
                };
                let minute = round_starts
                    .get(item.round.saturating_sub(1) as usize)
                    .map_or(0.0, |s| minute_of_round(item.t, *s));
                let mine = item.factory.is_none() || item.factory == Some(selected as u16);
                let text =
                    RichText::new(format!("R{} {}  {}", item.round, clock(minute), item.text))
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
