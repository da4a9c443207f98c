//! The top bar: which team is on screen, the round and clock, the speed, and the team's key figures.

use bevy_egui::egui::{self, Color32, RichText};

use super::{UiAction, clock, style};
use crate::metrics::collector::Figures;
use crate::t;

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
    /// With the clock's buttons (the facilitator's bar); without, the room's.
    pub controls: bool,
    /// With the buttons that show the decision panel and the console (in one window).
    pub panels: bool,
}

/// The bar: the team, the clock (with its controls on the facilitator's bar, its state on the room's), the
/// team's figures, and the panels to open. It stays on one line: when it would not fit, its text shrinks a
/// little, and then parts make way in turn: the figures (the overview shows them too), the design's name
/// (the floor's title shows it), the words on the panel buttons.
pub fn top_bar(ui: &mut egui::Ui, v: &TopBarView, actions: &mut Vec<UiAction>) {
    // The bar's natural width (at full size) at each level, as last measured.
    let id = ui.id().with("top_bar_widths");
    let mut widths = ui
        .data(|d| d.get_temp::<[f32; LEVELS]>(id))
        .unwrap_or_default();
    let room = ui.available_width();
    let (level, fit) = bar_layout(room, &widths);
    let used = ui
        .horizontal(|ui| {
            team_badge(ui, v, fit, level < 2);
            ui.separator();
            round_clock(ui, v, fit);
            if v.controls {
                clock_controls(ui, v, fit, actions);
            } else {
                clock_state(ui, v, fit);
            }
            if level < 1 {
                ui.separator();
                figures(ui, v, fit);
            }
            if v.panels {
                ui.separator();
                panel_buttons(ui, fit, level < 3, actions);
            }
        })
        .response
        .rect
        .width();
    let natural = used / fit;
    if (widths[level] - natural).abs() > 1.0 {
        widths[level] = natural;
        ui.data_mut(|d| d.insert_temp(id, widths));
        ui.ctx().request_repaint();
    }
}

/// How many ways the bar has to make itself narrower, plus one.
const LEVELS: usize = 4;

/// The level (0: everything; each next one leaves out one more part) and the text scale, for `room` and the
/// bar's natural width at each level (0: not measured yet, taken to fit). The text shrinks to no less than
/// [`MIN_FIT`] before a part goes; at the last level it shrinks as far as it must, to half size.
pub fn bar_layout(room: f32, widths: &[f32; LEVELS]) -> (usize, f32) {
    let fit = |natural: f32| {
        if natural <= 0.0 {
            1.0
        } else {
            (room / natural).min(1.0)
        }
    };
    (0..LEVELS)
        .find(|&l| fit(widths[l]) >= MIN_FIT)
        .map_or((LEVELS - 1, fit(widths[LEVELS - 1]).max(0.5)), |l| {
            (l, fit(widths[l]))
        })
}

/// The smallest text scale the bar takes before a part of it makes way.
const MIN_FIT: f32 = 0.8;

/// The buttons that open the team's decisions and the console.
fn panel_buttons(ui: &mut egui::Ui, fit: f32, words: bool, actions: &mut Vec<UiAction>) {
    let l = super::lang(ui);
    let (decisions, console) = if words {
        (t!(l, "bar-decisions"), t!(l, "bar-facilitator"))
    } else {
        ("D".to_string(), "F".to_string())
    };
    if ui
        .button(RichText::new(decisions).size(15.0 * fit))
        .on_hover_text(t!(l, "bar-decisions-hint"))
        .clicked()
    {
        actions.push(UiAction::TogglePanel);
    }
    if ui
        .button(RichText::new(console).size(15.0 * fit))
        .on_hover_text(t!(l, "bar-facilitator-hint"))
        .clicked()
    {
        actions.push(UiAction::ToggleConsole);
    }
}

/// The team, big and in its colour, so nobody confuses whose factory is on screen.
fn team_badge(ui: &mut egui::Ui, v: &TopBarView, fit: f32, design: bool) {
    let (r, g, b) = style::palette(v.team_index);
    egui::Frame::new()
        .fill(Color32::from_rgb(r, g, b))
        .inner_margin(egui::Margin::symmetric(10, 4))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(if design {
                    format!("{}  ·  {}", v.team, v.design)
                } else {
                    v.team.clone()
                })
                .size(20.0 * fit)
                .strong()
                .color(Color32::BLACK),
            );
        })
        .response
        .on_hover_text(t!(super::lang(ui), "bar-team-hint"));
}

/// The round and the time into it.
fn round_clock(ui: &mut egui::Ui, v: &TopBarView, fit: f32) {
    let l = super::lang(ui);
    ui.label(
        RichText::new(format!(
            "{}   {} / {}",
            t!(l, "bar-round", round = v.round, rounds = v.rounds),
            clock(v.minute),
            clock(v.round_minutes)
        ))
        .size(18.0 * fit)
        .monospace(),
    )
    .on_hover_text(t!(l, "bar-round-hint"));
}

/// The room's view of the clock: paused, or the speed it runs at.
fn clock_state(ui: &mut egui::Ui, v: &TopBarView, fit: f32) {
    let speed = v.speeds.get(v.speed).copied().unwrap_or(1.0);
    let (text, color) = if v.paused {
        (
            format!("⏸ {}", t!(super::lang(ui), "bar-paused")),
            style::WARNING,
        )
    } else {
        (format!("▶ {speed}x"), style::GOOD)
    };
    ui.label(RichText::new(text).size(18.0 * fit).strong().color(color));
}

/// Pause and the speeds.
fn clock_controls(ui: &mut egui::Ui, v: &TopBarView, fit: f32, actions: &mut Vec<UiAction>) {
    ui.separator();
    let l = super::lang(ui);
    let pause_label = if v.paused {
        format!("▶ {}", t!(l, "bar-resume"))
    } else {
        format!("⏸ {}", t!(l, "bar-pause"))
    };
    // The same width paused or not, so nothing shifts.
    let width = 96.0 * fit;
    if ui
        .add_sized(
            [width, 0.0],
            egui::Button::new(RichText::new(pause_label).size(16.0 * fit)),
        )
        .on_hover_text(t!(l, "bar-pause-hint"))
        .clicked()
    {
        actions.push(UiAction::TogglePause);
    }
    // The speeds in one compact menu: the bar stays on one line.
    let speed = v.speeds.get(v.speed).copied().unwrap_or(1.0);
    ui.menu_button(
        RichText::new(format!("{speed}x ⏷")).size(16.0 * fit),
        |ui| {
            for (i, s) in v.speeds.iter().enumerate() {
                if ui
                    .selectable_label(
                        v.speed == i,
                        t!(l, "bar-speed-key", speed = *s, key = i + 1),
                    )
                    .on_hover_text(t!(l, "bar-speed-hint", speed = *s))
                    .clicked()
                {
                    actions.push(UiAction::SetSpeed(i));
                    ui.close();
                }
            }
        },
    )
    .response
    .on_hover_text(t!(l, "bar-speeds-hint"));
}

/// Delivered, late, profit and WIP of the team on screen.
fn figures(ui: &mut egui::Ui, v: &TopBarView, fit: f32) {
    let figure = |ui: &mut egui::Ui, label: &str, value: String, color: Color32, tip: &str| {
        ui.label(RichText::new(label).size(14.0 * fit).color(style::MUTED));
        ui.label(RichText::new(value).size(18.0 * fit).strong().color(color))
            .on_hover_text(tip);
    };
    let l = super::lang(ui);
    let f = &v.figures;
    figure(
        ui,
        &t!(l, "bar-delivered"),
        f.delivered.to_string(),
        Color32::WHITE,
        &t!(l, "bar-delivered-hint"),
    );
    figure(
        ui,
        &t!(l, "bar-late"),
        f.late.to_string(),
        if f.late > 0 {
            style::WARNING
        } else {
            Color32::WHITE
        },
        &t!(l, "bar-late-hint"),
    );
    let profit = f.profit();
    figure(
        ui,
        &t!(l, "bar-profit"),
        crate::i18n::money(l, profit),
        if profit < 0.0 {
            style::ALERT
        } else {
            style::GOOD
        },
        &t!(l, "bar-profit-hint"),
    );
    figure(
        ui,
        &t!(l, "bar-wip"),
        v.wip.to_string(),
        Color32::WHITE,
        &t!(l, "bar-wip-hint"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    /// The facilitator's bar of Blue Bakers, round 2 at 2:05, running at 30x.
    fn blue_bakers() -> TopBarView {
        TopBarView {
            team: "Blue Bakers".into(),
            team_index: 1,
            design: "Departments with boundary spanners".into(),
            round: 2,
            rounds: 4,
            minute: 125.0,
            round_minutes: 480.0,
            paused: false,
            speeds: &crate::game::clock::SPEEDS,
            speed: 4,
            figures: Figures::default(),
            wip: 17,
            controls: true,
            panels: true,
        }
    }

    #[test]
    fn shows_the_team_round_and_figures() {
        let v = TopBarView {
            design: "functional".into(),
            paused: true,
            speed: 0,
            figures: Figures {
                delivered: 42,
                late: 3,
                revenue: 2234.0,
                costs: 1000.0,
                ..Default::default()
            },
            ..blue_bakers()
        };
        let t = texts(|ui| top_bar(ui, &v, &mut Vec::new()));
        assert!(shows(&t, "Blue Bakers"), "{t:?}");
        assert!(shows(&t, "Round 2/4"));
        assert!(shows(&t, "2:05"));
        assert!(shows(&t, "1,234"));
        assert!(shows(&t, "Resume"));
        assert!(shows(&t, "1x"));
    }

    #[test]
    fn the_bar_stays_within_a_narrow_window() {
        let v = blue_bakers();
        for width in [480.0, 700.0, 900.0, 1400.0] {
            let right = std::cell::Cell::new(0.0f32);
            // As the play screen lays it out: a top panel of a root narrower than the window.
            let mut draw = |ui: &mut egui::Ui| {
                let mut root = egui::Ui::new(
                    ui.ctx().clone(),
                    "root".into(),
                    egui::UiBuilder::new()
                        .layer_id(egui::LayerId::background())
                        .max_rect(egui::Rect::from_min_size(
                            egui::Pos2::ZERO,
                            egui::vec2(width, 900.0),
                        )),
                );
                egui::Panel::top("bar").show(&mut root, |ui| {
                    let r = ui.scope(|ui| top_bar(ui, &v, &mut Vec::new()));
                    right.set(r.response.rect.right());
                });
            };
            let p = crate::game::ui::testing::Pointer::new(&mut draw);
            for _ in 0..6 {
                p.pass(Vec::new(), &mut draw);
            }
            assert!(
                right.get() <= width + 1.0,
                "{width}: the bar reaches {}",
                right.get()
            );
        }
    }

    #[test]
    fn the_bar_shrinks_a_little_then_leaves_parts_out() {
        // Not measured yet: full size, everything.
        assert_eq!(bar_layout(800.0, &[0.0; 4]), (0, 1.0));
        assert_eq!(bar_layout(1000.0, &[900.0, 700.0, 600.0, 500.0]), (0, 1.0));
        assert_eq!(bar_layout(810.0, &[900.0, 700.0, 600.0, 500.0]), (0, 0.9));
        let (level, fit) = bar_layout(600.0, &[900.0, 700.0, 0.0, 0.0]);
        assert_eq!(level, 1);
        assert!((fit - 600.0 / 700.0).abs() < 1e-6);
        assert_eq!(bar_layout(300.0, &[900.0, 700.0, 600.0, 500.0]), (3, 0.6));
        assert_eq!(bar_layout(100.0, &[900.0, 700.0, 600.0, 500.0]), (3, 0.5));
    }
}
