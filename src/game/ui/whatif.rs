//! The what-if being put together in the replay: the record's decisions from its moment on, each to keep or
//! leave out, the decisions added (from the team's own decision panel), and the run.

use bevy_egui::egui::{self, RichText};

use super::replay::ReplayAction;
use super::{UiAction, lang, style};
use crate::t;

/// What the draft shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftView {
    /// Its moment: "R2 1:00".
    pub moment: String,
    /// The team on screen, whose decision panel adds decisions.
    pub team: String,
    /// The record's team decisions from the moment on: (command number, when and what, left out).
    pub later: Vec<(u64, String, bool)>,
    /// The decisions added: when and what.
    pub added: Vec<String>,
}

/// The draft: keep or leave out, added decisions, run or cancel.
pub fn draft(ui: &mut egui::Ui, v: &DraftView, actions: &mut Vec<UiAction>) {
    let mut send = |a: ReplayAction| actions.push(UiAction::Replay(a));
    let l = lang(ui);
    ui.heading(t!(l, "draft-title", moment = v.moment.as_str()));
    ui.label(RichText::new(t!(l, "draft-same")).color(style::MUTED));
    ui.add_space(4.0);
    ui.label(RichText::new(t!(l, "draft-later")).strong());
    if v.later.is_empty() {
        ui.label(RichText::new(t!(l, "draft-none")).color(style::MUTED));
    }
    egui::ScrollArea::vertical()
        .id_salt("whatif_later")
        .max_height(ui.available_height() * 0.4)
        .show(ui, |ui| {
            for (seq, text, removed) in &v.later {
                let mut keep = !removed;
                if ui.checkbox(&mut keep, text).changed() {
                    send(ReplayAction::ToggleRemove(*seq));
                }
            }
        });
    ui.add_space(4.0);
    ui.label(RichText::new(t!(l, "draft-added")).strong());
    ui.label(RichText::new(t!(l, "draft-added-how", team = v.team.as_str())).color(style::MUTED));
    for (i, text) in v.added.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .small_button("✖")
                .on_hover_text(t!(l, "draft-take-back"))
                .clicked()
            {
                send(ReplayAction::Forget(i));
            }
            ui.label(text);
        });
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(t!(l, "draft-run")).strong())
            .clicked()
        {
            send(ReplayAction::RunWhatIf);
        }
        if ui.button(t!(l, "draft-cancel")).clicked() {
            send(ReplayAction::CloseWhatIf);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn the_draft_lists_later_decisions_and_those_added() {
        let v = DraftView {
            moment: "R2 1:00".into(),
            team: "Blue".into(),
            later: vec![(7, "R2 1:30 made Sara a boundary spanner".into(), false)],
            added: vec!["R2 1:00 switched to cells".into()],
        };
        let t = texts(|ui| draft(ui, &v, &mut Vec::new()));
        for s in [
            "What if... from R2 1:00",
            "R2 1:30 made Sara a boundary spanner",
            "R2 1:00 switched to cells",
            "Run to the end and compare",
        ] {
            assert!(shows(&t, s), "{s}: {t:?}");
        }
    }
}
