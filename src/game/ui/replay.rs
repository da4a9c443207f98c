//! The replay's panel beside the floor: what to show beside the team on screen (another team, or the same
//! team in another round), the what-if, and the way out; and the actions the replay's controls send.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, lang, style};
use crate::debrief::timeline::MarkerKind;
use crate::domain::{Command, SimTime};
use crate::t;

/// What the replay's controls ask for.
#[derive(bevy::prelude::Message, Clone, Debug, PartialEq)]
pub enum ReplayAction {
    /// Put the session at this moment.
    Seek(SimTime),
    /// Go to the previous or next marker of a kind for the team on screen.
    Step {
        /// The kind of marker.
        kind: MarkerKind,
        /// Forward (next) or back (previous).
        forward: bool,
    },
    /// Show another team, or the team in another round, beside the one on screen.
    Compare(Compare),
    /// Start a what-if at the moment on screen.
    WhatIfHere,
    /// Leave out (or keep again) one of the record's team decisions after the what-if's moment.
    ToggleRemove(u64),
    /// Add a team's decision to the what-if, at the moment on screen.
    Add(Command),
    /// Take back an added decision.
    Forget(usize),
    /// Run the what-if to the end and compare it with what happened.
    RunWhatIf,
    /// Close the what-if.
    CloseWhatIf,
    /// Pin the moment on screen, for the team on screen, with this note (kept beside the record).
    Pin(String),
    /// Leave the replay.
    Leave,
}

/// What shows beside the team on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Compare {
    /// Only the team on screen, on its floor.
    #[default]
    Off,
    /// This other team at the same moment.
    Team(usize),
    /// The team on screen at the same minute of this other round.
    Round(u32),
}

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplayPanelView {
    /// The record's folder, for the heading.
    pub record: String,
    /// The teams' names.
    pub teams: Vec<String>,
    /// The team on screen.
    pub selected: usize,
    /// The rounds played (for the round comparison).
    pub rounds: Vec<u32>,
    /// The round on screen.
    pub round: u32,
    /// The comparison on.
    pub compare: Compare,
    /// A what-if is open.
    pub what_if_open: bool,
}

/// The panel: compare, what-if, leave.
pub fn replay_panel(ui: &mut egui::Ui, v: &ReplayPanelView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.heading(t!(l, "replay-title"));
    ui.label(RichText::new(&v.record).color(style::MUTED).small());
    ui.add_space(6.0);
    ui.label(RichText::new(t!(l, "replay-team-on-screen")).strong());
    ui.horizontal_wrapped(|ui| {
        for (i, name) in v.teams.iter().enumerate() {
            let text = RichText::new(name).color(style::color32(i));
            if ui.selectable_label(i == v.selected, text).clicked() {
                actions.push(UiAction::SelectTeam(i));
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new(t!(l, "replay-beside")).strong());
    let mut send = |a: ReplayAction| actions.push(UiAction::Replay(a));
    if ui
        .radio(v.compare == Compare::Off, t!(l, "replay-beside-nothing"))
        .clicked()
    {
        send(ReplayAction::Compare(Compare::Off));
    }
    for (i, name) in v.teams.iter().enumerate().filter(|(i, _)| *i != v.selected) {
        if ui
            .radio(
                v.compare == Compare::Team(i),
                t!(l, "replay-beside-team", team = name.as_str()),
            )
            .clicked()
        {
            send(ReplayAction::Compare(Compare::Team(i)));
        }
    }
    for r in v.rounds.iter().filter(|r| **r != v.round) {
        if ui
            .radio(
                v.compare == Compare::Round(*r),
                t!(l, "replay-beside-round", round = *r),
            )
            .clicked()
        {
            send(ReplayAction::Compare(Compare::Round(*r)));
        }
    }
    ui.add_space(10.0);
    pin(ui, &mut send);
    ui.add_space(10.0);
    if !v.what_if_open
        && ui
            .button(t!(l, "replay-what-if"))
            .on_hover_text(t!(l, "replay-what-if-hint"))
            .clicked()
    {
        send(ReplayAction::WhatIfHere);
    }
    ui.add_space(10.0);
    if ui
        .button(t!(l, "replay-leave"))
        .on_hover_text(t!(l, "replay-leave-hint"))
        .clicked()
    {
        send(ReplayAction::Leave);
    }
}

/// The note and the button that pin the moment on screen for the next morning.
fn pin(ui: &mut egui::Ui, send: &mut impl FnMut(ReplayAction)) {
    let hint = t!(lang(ui), "replay-pin-hint");
    let id = ui.id().with("replay_pin_note");
    let mut note: String = ui.data_mut(|d| d.get_temp(id).unwrap_or_default());
    if let Some(pinned) = super::console::pin_note(ui, &mut note, &hint) {
        send(ReplayAction::Pin(pinned));
    }
    ui.data_mut(|d| d.insert_temp(id, note));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn the_panel_offers_the_other_teams_and_rounds_and_a_what_if() {
        let v = ReplayPanelView {
            record: "cakefactory-sessions/session-1".into(),
            teams: vec!["Red".into(), "Blue".into(), "Green".into()],
            selected: 1,
            rounds: vec![1, 2, 3],
            round: 2,
            compare: Compare::Off,
            what_if_open: false,
        };
        let t = texts(|ui| replay_panel(ui, &v, &mut Vec::new()));
        assert!(shows(&t, "Red, at the same moment"));
        assert!(shows(&t, "Green, at the same moment"));
        assert!(!shows(&t, "Blue, at the same moment"));
        assert!(shows(&t, "itself in round 1, at the same minute"));
        assert!(!shows(&t, "itself in round 2"));
        assert!(shows(&t, "What if... from this moment"));
    }
}
