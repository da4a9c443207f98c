//! Reflection tab: per team, the self-assessment before and after (1-5), each question paired with the
//! figures that answer it and a one-line reading aid, and notes per round under the three dialogue
//! questions. Every change is saved at once.

use bevy_egui::egui::{self, RichText};

use super::{caption, team_picker};
use crate::debrief::Debrief;
use crate::debrief::answers::answers;
use crate::debrief::reflection::{DIALOGUE, QUESTIONS, Reflection};
use crate::game::ui::style;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReflectionState {
    pub team: usize,
}

/// Draws the tab; returns whether anything was changed (to be saved).
pub fn ui(
    ui: &mut egui::Ui,
    d: &Debrief,
    reflection: &mut Reflection,
    state: &mut ReflectionState,
) -> bool {
    reflection.fit(&d.tables.factories, d.rounds as usize);
    team_picker(ui, d, &mut state.team, "refl_team");
    let Some(r) = reflection.teams.get_mut(state.team) else {
        return false;
    };
    let mut changed = false;
    let measured = answers(d, state.team);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Self-assessment");
        caption(ui, "1 poor to 5 excellent, before the game and after it; beside each, the figures that answer it and how to read them.");
        egui::Grid::new("self_assessment").striped(true).num_columns(4).show(ui, |ui| {
            for h in ["", "Before", "After", "Measured"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (q, text) in QUESTIONS.iter().enumerate() {
                ui.label(*text);
                for v in [&mut r.before[q], &mut r.after[q]] {
                    ui.horizontal(|ui| {
                        for score in 1..=5u8 {
                            if ui.selectable_label(*v == score, score.to_string()).clicked() {
                                *v = if *v == score { 0 } else { score };
                                changed = true;
                            }
                        }
                    });
                }
                ui.vertical(|ui| {
                    for line in &measured[q].figures {
                        ui.label(line);
                    }
                    ui.label(RichText::new(measured[q].aid).italics().color(style::MUTED));
                });
                ui.end_row();
            }
        });
        ui.add_space(10.0);
        ui.heading("Notes per round");
        caption(ui, "The learning meeting's three questions, round by round.");
        for (round, notes) in r.notes.iter_mut().enumerate() {
            egui::CollapsingHeader::new(RichText::new(format!("Round {}", round + 1)).strong())
                .id_salt(("notes", round))
                .default_open(round == 0)
                .show(ui, |ui| {
                    for (q, note) in DIALOGUE.iter().zip(notes.iter_mut()) {
                        ui.label(*q);
                        changed |= ui
                            .add(egui::TextEdit::multiline(note).desired_rows(2).desired_width(f32::INFINITY))
                            .changed();
                    }
                });
        }
    });
    changed
}
