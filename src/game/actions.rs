//! Carries out what the user asked for in a panel or with a key ([`UiAction`]): team and facilitator
//! decisions go to the simulation as commands; the rest moves the clock, the screens and the panels.

use bevy::prelude::*;

use super::clock::GameClock;
use super::record::{EventRecord, SessionFolder};
use super::screens::{OpenDebrief, Screen, StartGame, StartRound};
use super::ui::{Notice, PendingActions, UiAction, UiSettings, style};
use crate::domain::Command;
use crate::sim::Session;

/// Carrying out the actions of the last frame (before the simulation runs).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, apply_actions.in_set(ActionSet));
}

/// Messages the actions send.
#[derive(bevy::ecs::system::SystemParam)]
struct Outbox<'w> {
    commands: MessageWriter<'w, Command>,
    start_game: MessageWriter<'w, StartGame>,
    start_round: MessageWriter<'w, StartRound>,
    open_debrief: MessageWriter<'w, OpenDebrief>,
    exit: MessageWriter<'w, AppExit>,
}

fn apply_actions(
    mut pending: ResMut<PendingActions>,
    mut out: Outbox,
    mut clock: ResMut<GameClock>,
    mut settings: ResMut<UiSettings>,
    mut next: ResMut<NextState<Screen>>,
    record: Res<EventRecord>,
    session: Option<Res<Session>>,
    mut notice: ResMut<Notice>,
    time: Res<Time>,
    mut folder: ResMut<SessionFolder>,
) {
    let teams = session.as_ref().map_or(0, |s| s.factories.len());
    for action in pending.0.drain(..) {
        match action {
            UiAction::Command(c) => {
                out.commands.write(c);
            }
            UiAction::SelectTeam(i) => settings.selected = i.min(teams.saturating_sub(1)),
            UiAction::NextTeam if teams > 0 => settings.selected = (settings.selected + 1) % teams,
            UiAction::PreviousTeam if teams > 0 => {
                settings.selected = (settings.selected + teams - 1) % teams;
            }
            UiAction::NextTeam | UiAction::PreviousTeam => {}
            UiAction::SetSpeed(i) => {
                clock.speed = i;
                clock.paused = false;
            }
            UiAction::TogglePause => clock.paused = !clock.paused,
            UiAction::StartRound => {
                out.start_round.write(StartRound);
            }
            UiAction::ToggleConsole => settings.show_console = !settings.show_console,
            UiAction::TogglePanel => settings.show_team_panel = !settings.show_team_panel,
            UiAction::ToggleMenu => settings.show_menu = !settings.show_menu,
            UiAction::StartGame { model, teams, seed } => {
                settings.selected = 0;
                out.start_game.write(StartGame { model, teams, seed });
            }
            UiAction::NextBriefing => next.set(Screen::Briefing),
            UiAction::SaveLog => {
                let seed = session.as_ref().map_or(0, |s| s.seed);
                let text = match folder.save(seed, &record) {
                    Ok(path) => format!("Event log saved to {}", path.display()),
                    Err(e) => format!("Could not save the event log: {e}"),
                };
                notice.0 = Some((text, time.elapsed_secs_f64() + 6.0));
            }
            UiAction::OpenDebrief => {
                settings.show_menu = false;
                out.open_debrief.write(OpenDebrief);
            }
            UiAction::BackToLobby => {
                settings.show_menu = false;
                settings.show_console = false;
                next.set(Screen::Lobby);
            }
            UiAction::SetScale(s) => settings.scale = style::clamp_scale(s),
            UiAction::Quit => {
                out.exit.write(AppExit::Success);
            }
        }
    }
}
