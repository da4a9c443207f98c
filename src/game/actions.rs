//! Carries out what the user asked for in a panel or with a key ([`UiAction`]): team and facilitator
//! decisions go to the simulation as commands; the rest moves the clock, the screens and the panels.

use bevy::prelude::*;

use super::clock::{GameClock, OfferWindow, SPEEDS};
use super::record::{EventRecord, SessionFolder};
use super::screens::{OpenDebrief, Screen, StartGame, StartRound};
use super::ui::{Notice, PendingActions, UiAction, UiSettings, style};
use crate::domain::Command;
use crate::i18n::Lang;
use crate::sim::Session;
use crate::t;

/// Carrying out the actions of the last frame (before the simulation runs).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, apply_actions.in_set(ActionSet));
}

/// What a clock action does to the clock, and what it says: a speed is set without resuming; a round starts
/// paused at the speed chosen for it, so the room starts it when it is ready.
/// `round` is the round a `StartRound` starts.
fn clock_action(clock: &mut GameClock, action: &UiAction, round: u32, l: Lang) -> Option<String> {
    let speed = |c: &GameClock| SPEEDS[c.speed.min(SPEEDS.len() - 1)];
    match action {
        UiAction::SetSpeed(i) => {
            clock.speed = (*i).min(SPEEDS.len() - 1);
            Some(if clock.paused {
                t!(l, "notice-speed-paused", speed = speed(clock))
            } else {
                t!(l, "notice-speed", speed = speed(clock))
            })
        }
        UiAction::TogglePause => {
            clock.paused = !clock.paused;
            Some(clock_state(clock, l))
        }
        UiAction::StartRound => {
            clock.paused = true;
            Some(t!(
                l,
                "notice-round-ready",
                round = round,
                speed = speed(clock)
            ))
        }
        _ => None,
    }
}

/// The clock in words: "Paused (10x when resumed)", "Running at 10x".
fn clock_state(clock: &GameClock, l: Lang) -> String {
    let speed = SPEEDS[clock.speed.min(SPEEDS.len() - 1)];
    if clock.paused {
        t!(l, "notice-paused", speed = speed)
    } else {
        t!(l, "notice-running", speed = speed)
    }
}

/// Messages the actions send.
#[derive(bevy::ecs::system::SystemParam)]
struct Outbox<'w> {
    commands: MessageWriter<'w, Command>,
    start_game: MessageWriter<'w, StartGame>,
    start_round: MessageWriter<'w, StartRound>,
    open_debrief: MessageWriter<'w, OpenDebrief>,
    resume: MessageWriter<'w, super::recording::ResumeGame>,
    replay: MessageWriter<'w, super::replay::OpenReplay>,
    replay_actions: MessageWriter<'w, super::ui::replay::ReplayAction>,
    exit: MessageWriter<'w, AppExit>,
    host: MessageWriter<'w, super::ui::devices::HostAction>,
}

fn apply_actions(
    mut pending: ResMut<PendingActions>,
    mut out: Outbox,
    mut clock: ResMut<GameClock>,
    mut offer_window: ResMut<OfferWindow>,
    mut settings: ResMut<UiSettings>,
    mut next: ResMut<NextState<Screen>>,
    record: Res<EventRecord>,
    session: Option<Res<Session>>,
    mut notice: ResMut<Notice>,
    time: Res<Time>,
    mut folder: ResMut<SessionFolder>,
) {
    let teams = session.as_ref().map_or(0, |s| s.factories.len());
    let now = time.elapsed_secs_f64();
    let mut say = |text: &str| notice.0 = Some((text.to_string(), now + 4.0));
    for action in pending.0.drain(..) {
        match action {
            UiAction::Command(Command::EndRound) => {
                say(&t!(
                    settings.lang,
                    "notice-round-ended",
                    round = session.as_ref().map_or(0, |s| s.round)
                ));
                out.commands.write(Command::EndRound);
            }
            UiAction::Command(c) => {
                out.commands.write(c);
            }
            UiAction::SelectTeam(i) => settings.selected = i.min(teams.saturating_sub(1)),
            UiAction::NextTeam if teams > 0 => settings.selected = (settings.selected + 1) % teams,
            UiAction::PreviousTeam if teams > 0 => {
                settings.selected = (settings.selected + teams - 1) % teams;
            }
            UiAction::NextTeam | UiAction::PreviousTeam => {}
            UiAction::SetSpeed(_) | UiAction::TogglePause => {
                if let Some(text) = clock_action(&mut clock, &action, 0, settings.lang) {
                    say(&text);
                }
            }
            UiAction::StartRound => {
                let round = session.as_ref().map_or(1, |s| s.round + 1);
                if let Some(text) = clock_action(&mut clock, &action, round, settings.lang) {
                    say(&text);
                }
                out.start_round.write(StartRound);
            }
            UiAction::ToggleConsole => settings.show_console = !settings.show_console,
            UiAction::TogglePanel => settings.show_team_panel = !settings.show_team_panel,
            UiAction::ToggleVoices => settings.show_voices = !settings.show_voices,
            UiAction::ToggleMenu => settings.show_menu = !settings.show_menu,
            UiAction::Presenter(on) => {
                settings.presenter = on;
                settings.show_menu = false;
                say(&if on {
                    t!(settings.lang, "notice-presenter-on")
                } else {
                    t!(settings.lang, "notice-presenter-off")
                });
            }
            UiAction::StartGame { model, teams, seed } => {
                settings.selected = 0;
                out.start_game.write(StartGame { model, teams, seed });
            }
            UiAction::Resume(dir) => {
                settings.selected = 0;
                out.resume.write(super::recording::ResumeGame(dir));
            }
            UiAction::OpenReplay { dir, at } => {
                settings.show_menu = false;
                out.replay.write(super::replay::OpenReplay { dir, at });
            }
            UiAction::Replay(a) => {
                out.replay_actions.write(a);
            }
            UiAction::NextBriefing => next.set(Screen::Briefing),
            UiAction::SaveLog => {
                let seed = session.as_ref().map_or(0, |s| s.seed);
                match folder.save(seed, &record) {
                    Ok(path) => say(&t!(
                        settings.lang,
                        "notice-log-saved",
                        path = path.display().to_string()
                    )),
                    Err(e) => say(&t!(settings.lang, "notice-log-unsaved", error = e)),
                }
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
            UiAction::SetOfferWindow(w) => *offer_window = w,
            UiAction::SetLang(l) => settings.lang = l,
            UiAction::SetScale(s) => {
                settings.scale = style::clamp_scale(s);
                say(&t!(
                    settings.lang,
                    "notice-text-size",
                    size = crate::i18n::decimal(settings.lang, f64::from(settings.scale), 1)
                ));
            }
            UiAction::Host(a) => {
                out.host.write(a);
            }
            UiAction::Quit => {
                out.exit.write(AppExit::Success);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speed_key_while_paused_changes_the_speed_and_stays_paused() {
        let mut clock = GameClock {
            paused: true,
            speed: 1,
        };
        let said = clock_action(&mut clock, &UiAction::SetSpeed(4), 0, Lang::En);
        assert_eq!((clock.paused, clock.speed), (true, 4));
        assert_eq!(said.as_deref(), Some("Speed 30x (paused: Space resumes)"));
        clock_action(&mut clock, &UiAction::TogglePause, 0, Lang::En);
        assert!(!clock.paused);
        clock_action(&mut clock, &UiAction::SetSpeed(99), 0, Lang::En);
        assert_eq!((clock.paused, clock.speed), (false, SPEEDS.len() - 1));
    }

    #[test]
    fn every_round_starts_paused_at_the_speed_chosen_for_it() {
        let mut clock = GameClock {
            paused: false,
            speed: 5,
        };
        clock_action(&mut clock, &UiAction::SetSpeed(1), 0, Lang::En);
        let said = clock_action(&mut clock, &UiAction::StartRound, 2, Lang::En).unwrap();
        assert_eq!((clock.paused, clock.speed), (true, 1));
        assert!(
            said.contains("Round 2") && said.contains("paused") && said.contains("2x"),
            "{said}"
        );
        let said = clock_action(&mut clock, &UiAction::StartRound, 3, Lang::Sv).unwrap();
        assert!(
            said.contains("Omgång 3") && said.contains("pausad"),
            "{said}"
        );
    }
}
