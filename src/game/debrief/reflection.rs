//! Reflection tab: per team, the self-assessment before and after (1-5) beside the measured figures, and
//! notes per round under the three dialogue questions. Every change is saved at once.

use bevy_egui::egui::{self, RichText};

use super::{caption, team_picker};
use crate::debrief::Debrief;
use crate::debrief::reflection::{DIALOGUE, QUESTIONS, Reflection};
use crate::game::ui::style;

/// The measured figures shown beside each self-assessment question.
pub fn measured(d: &Debrief, t: usize) -> [String; 3] {
    let Some(m) = d.report.factories.get(t).map(|f| &f.totals) else {
        return Default::default();
    };
    let recoveries: Vec<f64> = d
        .disruptions
        .iter()
        .flat_map(|x| x.teams.iter())
        .filter(|x| x.team == t)
        .filter_map(|x| x.recovery_min)
        .collect();
    let spanners = d.teams.get(t).map_or(0, |x| x.details.spanners.len());
    [
        format!(
            "cross-unit wait {} min, rework {} tasks, E-I {}",
            m.cross_unit_wait_mean_min
                .map_or("-".into(), |x| format!("{x:.1}")),
            m.rework_tasks,
            m.ei_index.map_or("-".into(), |x| format!("{x:+.2}"))
        ),
        format!(
            "mean recovery {} after {} disruptions, {} lost orders",
            if recoveries.is_empty() {
                "-".to_string()
            } else {
                format!(
                    "{:.0} min",
                    recoveries.iter().sum::<f64>() / recoveries.len() as f64
                )
            },
            recoveries.len(),
            m.orders_lost
        ),
        format!(
            "{} designated spanner(s); most between: {}",
            spanners,
            if m.boundary_spanners.is_empty() {
                "-".to_string()
            } else {
                m.boundary_spanners.join(", ")
            }
        ),
    ]
}

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
    let figures = measured(d, state.team);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading("Self-assessment");
        caption(ui, "1 poor to 5 excellent, before the game and after it; beside each, what the game measured.");
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
                ui.label(RichText::new(&figures[q]).color(style::MUTED));
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
