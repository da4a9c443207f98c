//! Then and now: the next morning's view of the participants' own voices beside what the game measured. The
//! room's hopes and fears under the facilitator's themes, the self-assessment before and after (the room and
//! each team, with how many answered) beside each team's on-time share and cross-unit handoffs, the moments
//! and answers pinned during the session, the commitments, and the export of every participant's take-home
//! page. Anonymous: only names participants signed with are shown.

use bevy_egui::egui::{self, RichText};

use crate::debrief::Debrief;
use crate::debrief::voices::{level, theme};
use crate::domain::Phase;
use crate::domain::voice::{LEVELS, THEMES};
use crate::game::ui::voices::{answer_text, clusters, mean};
use crate::game::ui::{lang, style};
use crate::i18n::{Lang, decimal, percent};
use crate::t;

/// Draws the tab; returns whether the take-home export was asked for.
pub fn ui(ui: &mut egui::Ui, d: &Debrief) -> bool {
    let l = lang(ui);
    let v = &d.voices;
    if v.is_empty() {
        ui.label(RichText::new(t!(l, "then-now-nothing")).color(style::MUTED));
        return false;
    }
    let mut export = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            export = ui.button(t!(l, "then-now-export")).clicked();
            ui.columns(2, |cols| {
                clusters(&mut cols[0], v, false, l);
                clusters(&mut cols[1], v, true, l);
            });
            ui.add_space(10.0);
            scales(ui, d, l);
            ui.add_space(10.0);
            pinned(ui, d, l);
            commitments(ui, d, l);
        });
    export
}

/// The self-assessment before and after, for the room and each team, beside what the game measured.
fn scales(ui: &mut egui::Ui, d: &Debrief, l: Lang) {
    let v = &d.voices;
    ui.heading(t!(l, "then-now-scales"));
    let teams: Vec<u16> = (0..d.teams.len() as u16)
        .filter(|t| v.of_team(Some(*t)).next().is_some())
        .collect();
    egui::Grid::new("then_now_scales")
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(t!(l, "then-now-level")).strong());
            ui.label(RichText::new(t!(l, "then-now-room")).strong());
            for t in &teams {
                ui.label(
                    RichText::new(d.team_name(l, usize::from(*t)))
                        .strong()
                        .color(style::color32(usize::from(*t))),
                );
            }
            ui.end_row();
            for th in 0..THEMES {
                ui.label(RichText::new(theme(l, th)).strong());
                ui.end_row();
                for lv in 0..LEVELS {
                    ui.label(level(l, lv));
                    for team in std::iter::once(None).chain(teams.iter().map(|t| Some(*t))) {
                        let before = v.distribution(Phase::Before, th, lv, team);
                        let after = v.distribution(Phase::After, th, lv, team);
                        ui.label(format!("{} → {}", mean(&before, l), mean(&after, l)));
                    }
                    ui.end_row();
                }
            }
            ui.label(RichText::new(t!(l, "then-now-measured")).strong());
            ui.label("");
            for t in &teams {
                let m = &d.report.factories[usize::from(*t)].totals;
                let on_time = if m.orders_delivered == 0 {
                    "–".to_string()
                } else {
                    percent(l, m.orders_on_time as f64 / m.orders_delivered as f64, 0)
                };
                let cross = if m.orders_delivered == 0 {
                    "–".to_string()
                } else {
                    decimal(
                        l,
                        m.cross_unit_handoffs as f64 / m.orders_delivered as f64,
                        1,
                    )
                };
                ui.label(format!(
                    "{on_time} {}\n{cross} {}",
                    t!(l, "then-now-on-time"),
                    t!(l, "then-now-cross")
                ));
            }
            ui.end_row();
        });
}

/// The moments and answers the facilitator pinned.
fn pinned(ui: &mut egui::Ui, d: &Debrief, l: Lang) {
    let v = &d.voices;
    if v.moments.is_empty() && v.pinned.is_empty() {
        return;
    }
    ui.heading(t!(l, "then-now-pinned"));
    for m in &v.moments {
        let at = crate::debrief::round_clock(
            crate::domain::time::minutes_from_ms(m.t.0),
            &d.round_starts,
        );
        let team = m.team.map_or_else(String::new, |t| {
            format!(" {}", d.team_name(l, usize::from(t)))
        });
        ui.label(format!("📌 {at}{team}: {}", m.note));
    }
    for a in v.pinned_answers() {
        let team = d.team_name(l, usize::from(a.factory));
        ui.label(format!("📌 {}", answer_text(a, team)));
    }
    ui.add_space(10.0);
}

/// The actions participants committed to, by team.
fn commitments(ui: &mut egui::Ui, d: &Debrief, l: Lang) {
    let v = &d.voices;
    let list: Vec<_> = v
        .participants
        .values()
        .filter(|p| !p.commitment.is_empty())
        .collect();
    if list.is_empty() {
        return;
    }
    ui.heading(t!(l, "then-now-commitments"));
    for p in list {
        let team = d.team_name(l, usize::from(p.factory));
        let by = if p.signed.is_empty() {
            String::new()
        } else {
            format!("{}, ", p.signed)
        };
        ui.label(format!("• {} ({by}{team})", p.commitment));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Command, SimTime, Voice};
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn then_and_now_shows_the_room_s_answers_without_unsigned_names() {
        let model = std::sync::Arc::new(crate::scenario::default_model().unwrap());
        let (tap, events) = crate::sim::tap::recorder();
        let options = crate::headless::RunOptions {
            teams: Some(2),
            ..Default::default()
        };
        crate::headless::run(model, &options, vec![tap]).unwrap();
        let mut d = Debrief::from_events(&crate::sim::tap::take(&events)).unwrap();
        let say = |d: &mut Debrief, id: &str, signed: &str, voice: Voice| {
            d.voices.apply(
                SimTime(1),
                &Command::Voice {
                    factory: 0,
                    participant: id.into(),
                    signed: signed.into(),
                    voice,
                },
            );
        };
        say(
            &mut d,
            "p1",
            "",
            Voice::HopesAndFears {
                hopes: vec!["learn together".into()],
                fears: vec![],
            },
        );
        say(
            &mut d,
            "p1",
            "",
            Voice::Assessment {
                phase: Phase::Before,
                scores: [[2, 0, 0], [0; 3], [0; 3]],
            },
        );
        say(
            &mut d,
            "p1",
            "",
            Voice::Assessment {
                phase: Phase::After,
                scores: [[4, 0, 0], [0; 3], [0; 3]],
            },
        );
        say(
            &mut d,
            "p2",
            "Bo",
            Voice::Commitment {
                text: "a weekly stand-up".into(),
            },
        );
        let t = texts(|ui| {
            super::ui(ui, &d);
        });
        assert!(shows(&t, "learn together"), "{t:?}");
        assert!(shows(&t, "2.0 (1) → 4.0 (1)"), "{t:?}");
        assert!(shows(&t, "a weekly stand-up (Bo, "), "{t:?}");
        // The Reflection tab shows the team's own answers where it gave them, a dialogue answer under its
        // question, and keeps the facilitator's entry only for a team nobody of which answered.
        d.voices.apply(
            SimTime(2),
            &Command::Voice {
                factory: 0,
                participant: "p1".into(),
                signed: String::new(),
                voice: Voice::Dialogue {
                    round: 1,
                    question: 1,
                    text: "talk to purchasing early".into(),
                },
            },
        );
        let mut refl = crate::debrief::reflection::Reflection::default();
        let mut state = super::super::reflection::ReflectionState::default();
        let t = texts(|ui| {
            super::super::reflection::ui(ui, &d, &mut refl, &mut state);
        });
        assert!(shows(&t, "2.0 · - · - (1)"), "{t:?}");
        assert!(shows(&t, "4.0 · - · - (1)"), "{t:?}");
        assert!(shows(&t, "“talk to purchasing early”"), "{t:?}");
        state.team = 1;
        let t = texts(|ui| {
            super::super::reflection::ui(ui, &d, &mut refl, &mut state);
        });
        assert!(
            !shows(&t, "(1)") && !shows(&t, "talk to purchasing"),
            "{t:?}"
        );
    }
}
