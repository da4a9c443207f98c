//! The room's voices on the projector during play (V, or the console's button): how many answered, each
//! self-assessment scale before and after as a distribution with its mean, the hopes and fears under the
//! facilitator's themes, the pinned answers and moments, and the latest round's dialogue. Anonymous: only a
//! name a participant signed with is shown.

use bevy_egui::egui::{self, Color32, RichText, Sense};

use super::{lang, style};
use crate::debrief::voices::{Voices, level, question, theme};
use crate::domain::voice::{LEVELS, QUESTIONS, THEMES, TOP_SCORE};
use crate::domain::{Phase, SimTime};
use crate::i18n::{Lang, decimal};
use crate::t;

/// What the view shows.
pub struct VoicesView<'a> {
    /// Everything the participants said, and the facilitator's curation of it.
    pub voices: &'a Voices,
    /// The teams' names, in the language on screen.
    pub teams: &'a [String],
    /// When each round started (for the moments' times).
    pub round_starts: &'a [SimTime],
}

/// The view, in a scroll area.
pub fn voices(ui: &mut egui::Ui, v: &VoicesView) {
    let l = lang(ui);
    let room = v.voices;
    ui.heading(t!(l, "voices-title"));
    ui.label(
        RichText::new(t!(
            l,
            "voices-participants",
            count = room.participants.len(),
            before = room.assessed(Phase::Before, None),
            after = room.assessed(Phase::After, None)
        ))
        .color(style::MUTED),
    );
    if room.is_empty() {
        ui.label(RichText::new(t!(l, "voices-nothing")).color(style::MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            scales(ui, room, l);
            ui.add_space(10.0);
            ui.columns(2, |cols| {
                clusters(&mut cols[0], room, false, l);
                clusters(&mut cols[1], room, true, l);
            });
            ui.add_space(10.0);
            pinned(ui, v, l);
            dialogue(ui, v, l);
        });
}

/// Each scale: the distribution of scores before and after, with the mean and how many answered.
fn scales(ui: &mut egui::Ui, room: &Voices, l: Lang) {
    egui::Grid::new("room_scales")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(t!(l, "reflect-before")).strong());
            ui.label(RichText::new(t!(l, "reflect-after")).strong());
            ui.end_row();
            for th in 0..THEMES {
                ui.label(RichText::new(theme(l, th)).strong());
                ui.end_row();
                for lv in 0..LEVELS {
                    ui.label(level(l, lv));
                    for phase in [Phase::Before, Phase::After] {
                        let counts = room.distribution(phase, th, lv, None);
                        ui.horizontal(|ui| {
                            bars(ui, &counts);
                            ui.label(RichText::new(mean(&counts, l)).color(style::MUTED));
                        });
                    }
                    ui.end_row();
                }
            }
        });
}

/// A mean with how many answered: "3,4 (12)", or a dash.
pub fn mean(counts: &[u32; 5], l: Lang) -> String {
    let n: u32 = counts.iter().sum();
    Voices::mean(counts).map_or_else(|| "–".into(), |m| format!("{} ({n})", decimal(l, m, 1)))
}

/// Five bars, 1 to 5, as high as their share of the most given score; each says its count on hover.
fn bars(ui: &mut egui::Ui, counts: &[u32; 5]) {
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(60.0, 22.0), Sense::hover());
    let w = rect.width() / f32::from(TOP_SCORE);
    for (i, &c) in counts.iter().enumerate() {
        let h = 2.0 + (rect.height() - 2.0) * c as f32 / most;
        let bar = egui::Rect::from_min_max(
            egui::pos2(rect.left() + w * i as f32 + 1.0, rect.bottom() - h),
            egui::pos2(rect.left() + w * (i + 1) as f32 - 1.0, rect.bottom()),
        );
        ui.painter()
            .rect_filled(bar, 1.0, Color32::from_rgb(245, 176, 65));
    }
    let tip: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}: {c}", i + 1))
        .collect();
    response.on_hover_text(tip.join("  "));
}

/// The hopes (or fears) under the facilitator's themes, the loose ones last.
pub fn clusters(ui: &mut egui::Ui, room: &Voices, fear: bool, l: Lang) {
    ui.heading(if fear {
        t!(l, "then-now-fears")
    } else {
        t!(l, "then-now-hopes")
    });
    for (name, items) in room.clusters(fear) {
        let name = if name.is_empty() {
            t!(l, "then-now-unclustered")
        } else {
            name
        };
        ui.label(RichText::new(format!("{name} ({})", items.len())).strong());
        for item in items {
            ui.label(format!("• {}", item.text));
        }
    }
}

/// The pinned moments and answers.
fn pinned(ui: &mut egui::Ui, v: &VoicesView, l: Lang) {
    let room = v.voices;
    if room.moments.is_empty() && room.pinned.is_empty() {
        return;
    }
    ui.heading(t!(l, "then-now-pinned"));
    let starts: Vec<f64> = v.round_starts.iter().map(|s| s.minutes()).collect();
    for m in &room.moments {
        let at = crate::debrief::round_clock(m.t.minutes(), &starts);
        let team = m
            .team
            .and_then(|t| v.teams.get(usize::from(t)))
            .map_or_else(String::new, |n| format!(" {n}"));
        ui.label(format!("📌 {at}{team}: {}", m.note));
    }
    for a in room.pinned_answers() {
        ui.label(format!("📌 {}", said(v, a)));
    }
    ui.add_space(10.0);
}

/// An answer of the team on screen at `v`.
fn said(v: &VoicesView, a: &crate::debrief::voices::Answer) -> String {
    let team = v
        .teams
        .get(usize::from(a.factory))
        .map_or("", String::as_str);
    answer_text(a, team)
}

/// An answer with who gave it (a name only if signed) and its team `team`: "“…” — Bo (Blue)".
pub fn answer_text(a: &crate::debrief::voices::Answer, team: &str) -> String {
    let by = if a.signed.is_empty() {
        String::new()
    } else {
        format!(" — {}", a.signed)
    };
    format!("“{}”{by} ({team})", a.text)
}

/// The dialogue of the latest round answered: each question with every team's answers.
fn dialogue(ui: &mut egui::Ui, v: &VoicesView, l: Lang) {
    let Some(round) = v.voices.answers.values().map(|a| a.at.round).max() else {
        return;
    };
    ui.heading(t!(l, "voices-dialogue", round = round));
    for q in 0..QUESTIONS {
        let answers = v.voices.answers_to(round, q as u8);
        if answers.is_empty() {
            continue;
        }
        ui.label(RichText::new(question(l, q)).strong());
        for a in answers {
            ui.label(format!("• {}", said(v, a)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Command, Voice};
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn the_room_sees_its_answers_without_unsigned_names() {
        let mut room = Voices::default();
        let say = |room: &mut Voices, id: &str, signed: &str, voice: Voice| {
            room.apply(
                SimTime(60_000),
                &Command::Voice {
                    factory: 1,
                    participant: id.into(),
                    signed: signed.into(),
                    voice,
                },
            );
        };
        say(
            &mut room,
            "p1",
            "",
            Voice::HopesAndFears {
                hopes: vec!["learn from the others".into()],
                fears: vec!["silos".into()],
            },
        );
        say(
            &mut room,
            "p1",
            "",
            Voice::Assessment {
                phase: Phase::Before,
                scores: [[3, 0, 0], [0; 3], [0; 3]],
            },
        );
        say(
            &mut room,
            "p2",
            "Bo",
            Voice::Dialogue {
                round: 1,
                question: 0,
                text: "purchasing was the bottleneck".into(),
            },
        );
        let teams = ["Red".to_string(), "Blue".to_string()];
        let v = VoicesView {
            voices: &room,
            teams: &teams,
            round_starts: &[SimTime::ZERO],
        };
        let t = texts(|ui| voices(ui, &v));
        for s in [
            "2 participants",
            "learn from the others",
            "silos",
            "3.0 (1)",
            "“purchasing was the bottleneck” — Bo (Blue)",
            "What did we hear?",
        ] {
            assert!(shows(&t, s), "{s}: {t:?}");
        }
        assert!(!t.iter().any(|x| x.contains("p1")), "ids stay hidden");
    }
}
