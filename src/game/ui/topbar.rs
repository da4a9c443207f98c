//! The top bar: which team is on screen, the round and clock, the speed, and the team's key figures.

use bevy_egui::egui::{self, Color32, RichText};

use super::{UiAction, clock, money, style};
use crate::metrics::collector::Figures;

/// What the top bar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TopBarView {
    /// The team on screen.
    pub team: String,
    /// Its index (for its colour).
    pub team_index: usize,
    /// Its design now.
    pub design: String,
    /// The current round.
    pub round: u32,
    /// Rounds in the session.
    pub rounds: u32,
    /// The minute of the round.
    pub minute: f64,
    /// A round's length in minutes.
    pub round_minutes: f64,
    /// The clock is paused.
    pub paused: bool,
    /// The speeds to choose from (simulated minutes per second).
    pub speeds: &'static [f64],
    /// The index of the current speed.
    pub speed: usize,
    /// The team's figures so far (from the metrics collector).
    pub figures: Figures,
    /// Orders in its factory now.
    pub wip: u64,
}

/// The bar: the team, the clock and its controls, the team's figures, and the panels to open.
pub fn top_bar(ui: &mut egui::Ui, v: &TopBarView, actions: &mut Vec<UiAction>) {
    ui.horizontal_wrapped(|ui| {
        team_badge(ui, v);
        ui.separator();
        clock_controls(ui, v, actions);
        ui.separator();
        figures(ui, v);
        ui.separator();
        if ui
            .button(RichText::new("Decisions (D)").size(15.0))
            .on_hover_text("Show or hide the team's decision panel")
            .clicked()
        {
            actions.push(UiAction::TogglePanel);
        }
        if ui
            .button(RichText::new("Facilitator (F)").size(15.0))
            .on_hover_text("Open the facilitator console")
            .clicked()
        {
            actions.push(UiAction::ToggleConsole);
        }
    });
}

/// The team, big and in its colour, so nobody confuses whose factory is on screen.
fn team_badge(ui: &mut egui::Ui, v: &TopBarView) {
    let (r, g, b) = style::palette(v.team_index);
    egui::Frame::new()
        .fill(Color32::from_rgb(r, g, b))
        .inner_margin(egui::Margin::symmetric(10, 4))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{}  ·  {}", v.team, v.design))
                    .size(20.0)
                    .strong()
                    .color(Color32::BLACK),
            );
        })
        .response
        .on_hover_text("The team whose factory is on screen (Tab or the overview switches teams)");
}

/// The round and its clock, pause and the speeds.
fn clock_controls(ui: &mut egui::Ui, v: &TopBarView, actions: &mut Vec<UiAction>) {
    ui.label(
        RichText::new(format!(
            "Round {}/{}   {} / {}",
            v.round,
            v.rounds,
            clock(v.minute),
            clock(v.round_minutes)
        ))
        .size(18.0)
        .monospace(),
    )
    .on_hover_text("Round and simulated time into it (hours:minutes)");
    ui.separator();
    let pause_label = if v.paused { "▶ Resume" } else { "⏸ Pause" };
    if ui
        .button(RichText::new(pause_label).size(16.0))
        .on_hover_text("Pause or resume the simulation (Space)")
        .clicked()
    {
        actions.push(UiAction::TogglePause);
    }
    for (i, s) in v.speeds.iter().enumerate() {
        // The chosen speed stays marked while paused: a speed click does not resume.
        let selected = v.speed == i;
        if ui
            .selectable_label(selected, RichText::new(format!("{s}x")).size(16.0))
            .on_hover_text(format!(
                "{s} simulated minute{} per second (key {}; does not resume when paused)",
                if *s == 1.0 { "" } else { "s" },
                i + 1
            ))
            .clicked()
        {
            actions.push(UiAction::SetSpeed(i));
        }
    }
}

/// Delivered, late, profit and WIP of the team on screen.
fn figures(ui: &mut egui::Ui, v: &TopBarView) {
    let figure = |ui: &mut egui::Ui, label: &str, value: String, color: Color32, tip: &str| {
        ui.label(RichText::new(label).size(14.0).color(style::MUTED));
        ui.label(RichText::new(value).size(18.0).strong().color(color))
            .on_hover_text(tip);
    };
    let f = &v.figures;
    figure(
        ui,
        "Delivered",
        f.delivered.to_string(),
        Color32::WHITE,
        "Cakes delivered this session",
    );
    figure(
        ui,
        "Late",
        f.late.to_string(),
        if f.late > 0 {
            style::WARNING
        } else {
            Color32::WHITE
        },
        "Cakes delivered after their due time",
    );
    let profit = f.profit();
    figure(
        ui,
        "Profit",
        money(profit),
        if profit < 0.0 {
            style::ALERT
        } else {
            style::GOOD
        },
        "Revenue (minus late penalties) minus wages, fixed costs, ingredients and expedite fees",
    );
    figure(
        ui,
        "WIP",
        v.wip.to_string(),
        Color32::WHITE,
        "Orders in the factory now",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn shows_the_team_round_and_figures() {
        let v = TopBarView {
            team: "Blue Bakers".into(),
            team_index: 1,
            design: "functional".into(),
            round: 2,
            rounds: 4,
            minute: 125.0,
            round_minutes: 480.0,
            paused: true,
            speeds: &crate::game::clock::SPEEDS,
            speed: 0,
            figures: Figures {
                delivered: 42,
                late: 3,
                revenue: 2234.0,
                costs: 1000.0,
                ..Default::default()
            },
            wip: 17,
        };
        let t = texts(|ui| top_bar(ui, &v, &mut Vec::new()));
        assert!(shows(&t, "Blue Bakers"), "{t:?}");
        assert!(shows(&t, "Round 2/4"));
        assert!(shows(&t, "2:05"));
        assert!(shows(&t, "1,234"));
        assert!(shows(&t, "Resume"));
        assert!(shows(&t, "60x"));
    }
}
