//! The briefing before a round: the market news and every team's current (and next) design.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, style};
use crate::t;

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
    let l = super::lang(ui);
    ui.vertical_centered(|ui| {
        ui.add_space(20.0);
        ui.label(
            RichText::new(t!(l, "briefing-round", round = v.round, rounds = v.rounds))
                .size(40.0)
                .strong(),
        );
        ui.add_space(10.0);
        ui.label(
            RichText::new(if v.news.is_empty() {
                t!(l, "briefing-no-news")
            } else {
                v.news.to_string()
            })
            .size(24.0),
        );
        ui.add_space(20.0);
    });
    ui.heading(t!(l, "briefing-teams"));
    if v.teams.len() <= LIST_UP_TO {
        team_list(ui, v);
    } else {
        teams_by_design(ui, v);
    }
    ui.add_space(16.0);
    ui.label(RichText::new(t!(l, "briefing-may-change")).color(style::MUTED));
    ui.horizontal(|ui| {
        ui.label(t!(l, "briefing-speed"));
        for (i, s) in v.speeds.iter().enumerate() {
            if ui
                .selectable_label(v.speed == i, format!("{s}x"))
                .on_hover_text(t!(l, "briefing-speed-hint", speed = *s))
                .clicked()
            {
                actions.push(UiAction::SetSpeed(i));
            }
        }
    });
    ui.vertical_centered(|ui| {
        if ui
            .button(
                RichText::new(format!("▶ {}", t!(l, "briefing-start")))
                    .size(26.0)
                    .strong(),
            )
            .on_hover_text(t!(l, "briefing-start-hint"))
            .clicked()
        {
            actions.push(UiAction::StartRound);
        }
    });
}

/// Up to this many teams the briefing lists a line per team; more are grouped by design.
const LIST_UP_TO: usize = 12;

/// A line per team: its design, and the one it has chosen for the next round.
fn team_list(ui: &mut egui::Ui, v: &BriefingView) {
    let l = super::lang(ui);
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
                        RichText::new(t!(l, "briefing-next", design = p.as_str()))
                            .size(18.0)
                            .color(style::WARNING),
                    );
                }
                ui.end_row();
            }
        });
}

/// Many teams: each design once, with the teams on it (a team that has chosen another design for the next
/// round says which), so a room of 50 teams reads at a glance.
fn teams_by_design(ui: &mut egui::Ui, v: &BriefingView) {
    let l = super::lang(ui);
    let mut designs: Vec<&str> = Vec::new();
    for (_, design, _) in &v.teams {
        if !designs.contains(&design.as_str()) {
            designs.push(design);
        }
    }
    for design in designs {
        let on: Vec<usize> = (0..v.teams.len())
            .filter(|&i| v.teams[i].1 == design)
            .collect();
        ui.label(
            RichText::new(format!("{design} ({})", on.len()))
                .size(18.0)
                .strong(),
        );
        ui.horizontal_wrapped(|ui| {
            for i in on {
                let (team, _, pending) = &v.teams[i];
                let text = match pending {
                    Some(p) => format!("{team} ({})", t!(l, "briefing-next", design = p.as_str())),
                    None => team.clone(),
                };
                ui.add(
                    egui::Label::new(RichText::new(text).size(16.0).color(style::color32(i)))
                        .wrap_mode(egui::TextWrapMode::Extend),
                );
            }
        });
        ui.add_space(6.0);
    }
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

    #[test]
    fn fifty_teams_are_grouped_by_design() {
        let teams = (0..50)
            .map(|i| {
                let design = if i % 3 == 0 { "Cells" } else { "Departments" };
                let pending = (i == 7).then(|| "Cells".to_string());
                (format!("Team {}", i + 1), design.to_string(), pending)
            })
            .collect();
        let v = BriefingView {
            round: 1,
            rounds: 4,
            news: "",
            teams,
            speeds: &[1.0],
            speed: 0,
        };
        let t = texts(|ui| briefing(ui, &v, &mut Vec::new()));
        assert!(
            shows(&t, "Cells (17)") && shows(&t, "Departments (33)"),
            "{t:?}"
        );
        assert!(shows(&t, "Team 8 (next: Cells)"));
        for i in 1..=50 {
            assert!(
                t.iter()
                    .any(|x| x == &format!("Team {i}") || x.starts_with(&format!("Team {i} (")))
            );
        }
        for p in crate::game::ui::testing::PROJECTORS {
            let problems = crate::game::ui::testing::layout_problems(p, p.0 / p.2 - 48.0, |ui| {
                briefing(ui, &v, &mut Vec::new());
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
    }
}
