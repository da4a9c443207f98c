//! The egui panels. Each panel is a small pure function drawing read-only view data and returning the
//! actions the user took; the systems in `screens` gather the views and carry the actions out (team and
//! facilitator decisions always as simulation commands).

pub mod briefing;
pub mod console;
pub mod lobby;
pub mod overview;
mod screens;

pub use screens::PanelSet;
pub mod standings;
pub mod style;
pub mod team;
pub mod ticker;
pub mod topbar;

use std::sync::Arc;

use bevy::prelude::*;

use crate::scenario::Model;
use crate::sim::Command;

/// Something the user asked for in a panel.
#[derive(Clone, Debug)]
pub enum UiAction {
    /// A team's or the facilitator's decision, through the simulation's command interface.
    Command(Command),
    SelectTeam(usize),
    SetSpeed(usize),
    TogglePause,
    StartRound,
    ToggleConsole,
    /// Show or hide the team's decision panel.
    TogglePanel,
    StartGame {
        model: Arc<Model>,
        teams: Vec<String>,
        seed: u64,
    },
    /// Go from the round summary to the next round's briefing.
    NextBriefing,
    SaveLog,
    /// Open the debrief of the session so far.
    OpenDebrief,
    BackToLobby,
    SetScale(f32),
    Quit,
}

/// Panel visibility and sizes that persist across frames.
#[derive(Resource, Debug, Clone)]
pub struct UiSettings {
    pub scale: f32,
    pub show_console: bool,
    pub show_menu: bool,
    pub show_team_panel: bool,
    /// Index of the team on screen.
    pub selected: usize,
    /// A person clicked on the floor, highlighted there and in the team panel.
    pub focus: Option<usize>,
}

impl Default for UiSettings {
    fn default() -> Self {
        UiSettings {
            scale: style::DEFAULT_SCALE,
            show_console: false,
            show_menu: false,
            show_team_panel: true,
            selected: 0,
            focus: None,
        }
    }
}

/// The part of the window (logical pixels) left for the factory floor between the panels.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct FloorArea {
    pub min: Vec2,
    pub max: Vec2,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(screens::plugin);
}

/// Formats money as a whole number with a thousands separator.
pub fn money(v: f64) -> String {
    let n = v.round() as i64;
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `h:mm` of a number of minutes.
pub fn clock(minutes: f64) -> String {
    let m = minutes.max(0.0).floor() as u64;
    format!("{}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running panel functions in a headless egui context.
    use bevy_egui::egui;

    /// Runs `f` in a fresh context for one pass and returns every text the pass painted.
    pub fn texts(mut f: impl FnMut(&mut egui::Ui)) -> Vec<String> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 900.0),
            )),
            ..Default::default()
        };
        let mut out = Vec::new();
        // Two passes: egui lays some widgets out on the second.
        for _ in 0..2 {
            let full = ctx.run_ui(input.clone(), |ui| f(ui));
            out = full
                .shapes
                .iter()
                .filter_map(|s| match &s.shape {
                    egui::epaint::Shape::Text(t) => Some(t.galley.text().to_string()),
                    _ => None,
                })
                .collect();
        }
        out
    }

    /// Whether any painted text contains `needle`.
    pub fn shows(texts: &[String], needle: &str) -> bool {
        texts.iter().any(|t| t.contains(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_clock_format() {
        assert_eq!(money(1234567.4), "1,234,567");
        assert_eq!(money(-950.0), "-950");
        assert_eq!(money(0.2), "0");
        assert_eq!(clock(125.9), "2:05");
    }
}
