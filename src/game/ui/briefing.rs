//! The briefing before a round: the market news and every team's current (and next) design.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, style};

pub struct BriefingView<'a> {
    pub round: u32,
    pub rounds: u32,
    pub news: &'a str,
    /// (team, design now, design from the next round if one is pending)
    pub teams: Vec<(String, String, Option<String>)>,
    /// The speeds to choose from (simulated minutes per second).
    pub speeds: &'a [f64],
    /// The speed the round will run at (index).
    pub speed: usize,
}

pub fn briefing(ui: &mut egui::Ui, v: &BriefingView, actions: &mut Vec<UiAction>) {
    ui.vertical_centered(|ui| {
        ui.add_space(20.0);
        ui.label(
            RichText::new(format!("Round {} of {}", v.round, v.rounds))
                .size(40.0)
                .strong(),
        );
        ui.add_space(10.0);
        ui.label(
            RichText::new(if v.news.is_empty() {
                "No news from the market."
            } else {
                v.news
            })
            .size(24.0),
        );
        ui.add_space(20.0);
    });
    ui.heading("Teams and their organisation");
    egui::Grid::new("briefing_teams")
        .striped(true)
        .min_col_width(160.0)
        .show(ui, |ui| {
            for (i, (team, design, pending)) in v.teams.iter().enumerate() {
                ui.label(
                    RichText::new(team)
                        .strong()
                        .size(18.0)
                        .color(style::color32(i)),
                );
                ui.label(RichText::new(design).size(18.0));
                if let Some(p) = pending {
                    ui.label(
                        RichText::new(format!("next: {p}"))
                            .size(18.0)
                            .color(style::WARNING),
                    );
                }
                ui.end_row();
            }
        });
    ui.add_space(16.0);
    ui.label(
        RichText::new(
            "Teams may change their design, people and practices in the panel during play.",
        )
        .color(style::MUTED),
    );
    ui.horizontal(|ui| {
        ui.label("Speed for this round:");
        for (i, s) in v.speeds.iter().enumerate() {
            if ui
                .selectable_label(v.speed == i, format!("{s}x"))
                .on_hover_text(format!("{s} simulated minutes per second"))
                .clicked()
            {
                actions.push(UiAction::SetSpeed(i));
            }
        }
    });
    ui.vertical_centered(|ui| {
        if ui
            .button(RichText::new("▶ Start the round").size(26.0).strong())
            .on_hover_text(
                "Start the round for all teams, paused: press Space or Resume when the room is ready",
            )
            .clicked()
        {
            actions.push(UiAction::StartRound);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn shows_news_and_designs() {
        let v = BriefingView {
            round: 2,
            rounds: 4,
            news: "The market heats up",
            teams: vec![(
                "Red".into(),
                "functional".into(),
                Some("cross_functional".into()),
            )],
            speeds: &[1.0, 2.0],
            speed: 1,
        };
        let t = texts(|ui| briefing(ui, &v, &mut Vec::new()));
        assert!(shows(&t, "Round 2 of 4"));
        assert!(shows(&t, "The market heats up"));
        assert!(shows(&t, "next: cross_functional"));
    }
}
