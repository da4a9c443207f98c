//! The game clock: maps real time to simulated time at the chosen speed, and pauses.

use bevy::prelude::*;

use crate::sim::{Session, SimSet};

pub use crate::domain::time::SPEEDS;

/// Longest real-time step taken in one frame, so a stall does not skip a chunk of the round.
const MAX_FRAME_SECS: f64 = 0.1;

/// How fast the game plays.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct GameClock {
    /// Nothing advances.
    pub paused: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
}

impl Default for GameClock {
    fn default() -> Self {
        GameClock {
            paused: false,
            speed: 2,
        }
    }
}

impl GameClock {
    /// Simulated minutes per real second now (0 when paused).
    pub fn minutes_per_second(&self) -> f64 {
        if self.paused {
            0.0
        } else {
            SPEEDS[self.speed.min(SPEEDS.len() - 1)]
        }
    }
}

/// How a team gets to answer a rush offer in the live game.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub enum OfferWindow {
    /// This many real seconds of play (not counting pauses).
    Seconds(u32),
    /// The game pauses when an offer arrives and waits; resuming lets unanswered offers lapse.
    Pause,
}

impl Default for OfferWindow {
    fn default() -> Self {
        OfferWindow::Seconds(DEFAULT_SECONDS)
    }
}

/// The answer time unless the lobby sets another.
pub const DEFAULT_SECONDS: u32 = 60;

/// The answer times the lobby offers (real seconds).
pub const SECONDS: std::ops::RangeInclusive<u32> = 15..=300;

/// Moving the session's target time on (the screens decide when: only in play).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClockSet;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GameClock>()
        .init_resource::<OfferWindow>();
    app.add_systems(
        Update,
        drive_session
            .in_set(ClockSet)
            .before(SimSet::Commands)
            .run_if(resource_exists::<Session>),
    );
}

/// Sets how far the session advances this frame.
fn drive_session(time: Res<Time>, clock: Res<GameClock>, mut session: ResMut<Session>) {
    let secs = f64::from(time.delta_secs()).min(MAX_FRAME_SECS);
    let ms = (secs * clock.minutes_per_second() * 60_000.0).round() as u64;
    session.target = session.now.saturating_add(ms);
}

#[cfg(test)]
mod tests {
    //! The game drives the same session as the headless runner: a session played frame by frame through the
    //! game clock, with commands at arbitrary frames, gives exactly the events of a headless run of the same
    //! scenario, seed and commands (taken from its log).

    use std::sync::Arc;
    use std::time::Duration;

    use bevy::time::TimeUpdateStrategy;

    use super::*;
    use crate::domain::{Command, EventKind, SimEvent, TeamAction};
    use crate::domain::{DisruptionKind, DisruptionSpec, Target};
    use crate::headless::{self, RunOptions, TimedCommand};
    use crate::sim::tap::{Recorded, Taps, recorder, take};
    use crate::sim::{SessionConfig, spawn_session};

    fn capture(app: &mut App) -> Recorded {
        let (tap, events) = recorder();
        app.world_mut().resource_mut::<Taps>().0.push(tap);
        events
    }

    /// The command a player gives at some frames of the played session.
    fn command_at(frame: u32) -> Option<Command> {
        let team = |factory, action| Command::Team { factory, action };
        match frame {
            40 => Some(team(1, TeamAction::SetDesign("cross_functional".into()))),
            97 => Some(team(
                0,
                TeamAction::MoveWorker {
                    worker: "bea".into(),
                    unit: "decorating".into(),
                },
            )),
            150 => Some(Command::Inject {
                disruption: DisruptionSpec {
                    id: "sick".into(),
                    headline: "Quinn is sick".into(),
                    description: Default::default(),
                    kind: DisruptionKind::WorkerAbsent {
                        worker: "quinn".into(),
                        duration_min: 90.0,
                    },
                },
                target: Target::Factories(vec![2]),
                at_minute: None,
            }),
            311 => Some(team(
                2,
                TeamAction::SetSpanner {
                    worker: "sara".into(),
                    on: true,
                },
            )),
            444 => Some(Command::EndRound),
            _ => None,
        }
    }

    /// Plays a session frame by frame through the game clock (uneven frames, as a real window gives) and
    /// returns its events.
    fn play_frames(config: SessionConfig) -> Vec<SimEvent> {
        let mut app = App::new();
        app.add_plugins(MinimalPlugins);
        app.add_plugins((crate::sim::plugin, crate::metrics::plugin));
        app.add_plugins(plugin);
        app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            23,
        )));
        app.world_mut().resource_mut::<GameClock>().speed = SPEEDS.len() - 1;
        spawn_session(app.world_mut(), config);
        let events = capture(&mut app);
        for frame in 1.. {
            let (running, finished) = {
                let s = app.world().resource::<Session>();
                (s.running, s.finished)
            };
            if finished {
                break;
            }
            if !running {
                app.world_mut().write_message(Command::StartRound);
            }
            if let Some(c) = command_at(frame) {
                app.world_mut().write_message(c);
            }
            app.update();
            assert!(frame < 100_000, "the session never finished");
        }
        take(&events)
    }

    /// The commands as the log recorded them, as a plan (round starts are the runner's own).
    fn plan_of(events: &[SimEvent]) -> Vec<TimedCommand> {
        let mut round = 0;
        let mut round_start = crate::domain::SimTime::ZERO;
        let mut plan = Vec::new();
        for e in events {
            match &e.kind {
                EventKind::RoundStarted { round: r } => {
                    round = *r;
                    round_start = e.t;
                }
                EventKind::CommandApplied { command } if **command != Command::StartRound => {
                    plan.push(TimedCommand {
                        round,
                        minute: crate::domain::time::minute_of_round(e.t, round_start),
                        command: (**command).clone(),
                    });
                }
                _ => {}
            }
        }
        plan
    }

    #[test]
    fn a_played_session_equals_the_headless_run_of_its_commands() {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let played = play_frames(SessionConfig::new(Arc::clone(&model), 5, Some(3), None));
        let plan = plan_of(&played);
        assert_eq!(plan.len(), 5, "{plan:?}");
        let options = RunOptions {
            seed: 5,
            teams: Some(3),
            design: None,
            plan,
        };
        let mut headless_app = headless::session_app(headless::config(model, &options).unwrap());
        let replayed = capture(&mut headless_app);
        headless::play(&mut headless_app, &options.plan);
        let replayed = take(&replayed);
        let json = |v: &[SimEvent]| {
            v.iter()
                .map(|e| serde_json::to_string(e).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(json(&played).len(), json(&replayed).len());
        assert!(
            json(&played) == json(&replayed),
            "the played session and the headless run differ"
        );
    }
}
