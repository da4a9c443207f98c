//! Scoreboard tab: teams x key figures, per round and in total, sortable, the best value in each column
//! marked (the same table as the round-end screen).

use bevy_egui::egui::{self};

use super::caption;
use crate::debrief::Debrief;
use crate::game::ui::lang;
use crate::game::ui::standings::{StandingsState, standings};
use crate::t;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreboardState {
    /// `None` for the totals.
    pub round: Option<u32>,
    pub table: StandingsState,
}

pub fn ui(ui: &mut egui::Ui, d: &Debrief, s: &mut ScoreboardState) {
    let l = lang(ui);
    caption(ui, &t!(l, "scoreboard-caption"));
    ui.horizontal(|ui| {
        ui.selectable_value(&mut s.round, None, t!(l, "debrief-all-rounds"));
        for r in 1..=d.round_starts.len() as u32 {
            ui.selectable_value(&mut s.round, Some(r), t!(l, "debrief-round", round = r));
        }
    });
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            standings(ui, &d.report, d.model.as_deref(), s.round, &mut s.table);
        });
}
