//! Reflection tab: a team's self-assessment before and after the game beside the figures that answer each
//! question, and the three dialogue questions round by round. The participants' own answers from their
//! devices come first; where none of a team answered, the facilitator enters the team's scores, and under
//! every question the facilitator keeps a note of what the room said.

use bevy_egui::egui::{self, RichText};

use super::{caption, team_picker};
use crate::debrief::Debrief;
use crate::debrief::answers::answers;
use crate::debrief::reflection::{Reflection, participants_scale, question_text};
use crate::debrief::voices::question;
use crate::domain::Phase;
use crate::game::ui::{lang, style};
use crate::t;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReflectionState {
    pub team: usize,
}

/// Draws the tab; returns whether the facilitator changed the reflection (it is saved then).
pub fn ui(
    ui: &mut egui::Ui,
    d: &Debrief,
    reflection: &mut Reflection,
    state: &mut ReflectionState,
) -> bool {
    let l = lang(ui);
    reflection.fit(&d.tables.factories, d.rounds as usize);
    team_picker(ui, d, &mut state.team, "refl_team");
    let Some(r) = reflection.teams.get_mut(state.team) else {
        return false;
    };
    let team = state.team as u16;
    let mut changed = false;
    let measured = answers(d, state.team, l);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(t!(l, "reflect-self"));
            caption(ui, &t!(l, "reflect-self-caption"));
            caption(ui, &t!(l, "reflect-voices-caption"));
            egui::Grid::new("self_assessment")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for h in [
                        String::new(),
                        t!(l, "reflect-before"),
                        t!(l, "reflect-after"),
                        t!(l, "reflect-measured"),
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for (q, answer) in measured.iter().enumerate() {
                        ui.label(question_text(l, q));
                        for (phase, v) in [
                            (Phase::Before, &mut r.before[q]),
                            (Phase::After, &mut r.after[q]),
                        ] {
                            match participants_scale(&d.voices, phase, q, team, l) {
                                Some(text) => {
                                    ui.label(text);
                                }
                                None => {
                                    ui.horizontal(|ui| {
                                        for score in 1..=5u8 {
                                            if ui
                                                .selectable_label(*v == score, score.to_string())
                                                .on_hover_text(t!(l, "reflect-typed"))
                                                .clicked()
                                            {
                                                *v = if *v == score { 0 } else { score };
                                                changed = true;
                                            }
                                        }
                                    });
                                }
                            }
                        }
                        ui.vertical(|ui| {
                            for line in &answer.figures {
                                ui.label(line);
                            }
                            ui.label(RichText::new(&answer.aid).italics().color(style::MUTED));
                        });
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            ui.heading(t!(l, "reflect-notes"));
            caption(ui, &t!(l, "reflect-notes-caption"));
            for (round, notes) in r.notes.iter_mut().enumerate() {
                egui::CollapsingHeader::new(
                    RichText::new(t!(l, "debrief-round", round = round + 1)).strong(),
                )
                .id_salt(("notes", round))
                .default_open(round == 0)
                .show(ui, |ui| {
                    for (q, note) in notes.iter_mut().enumerate() {
                        ui.label(RichText::new(question(l, q)).strong());
                        for a in d.voices.answers_to(round as u32 + 1, q as u8) {
                            if a.factory != team {
                                continue;
                            }
                            let by = if a.signed.is_empty() {
                                String::new()
                            } else {
                                format!(" — {}", a.signed)
                            };
                            ui.label(format!("“{}”{by}", a.text));
                        }
                        changed |= ui
                            .add(
                                egui::TextEdit::multiline(note)
                                    .hint_text(t!(l, "reflect-facilitator-note"))
                                    .desired_rows(2)
                                    .desired_width(f32::INFINITY),
                            )
                            .changed();
                    }
                });
            }
        });
    changed
}
