//! Running a whole session without a window: the same plugins as the game, driven round by round through a
//! plan of timed commands, as fast as the events allow.

pub mod plan;
pub mod record;
pub mod replay;
pub mod tournament;

use std::sync::Arc;

use bevy::prelude::*;

pub use plan::{TimedCommand, load_plan, parse_plan};

use crate::domain::Command;
use crate::domain::SimTime;
use crate::metrics::{LiveMetrics, Report};
use crate::scenario::Model;
use crate::scenario::limits::MAX_TEAMS;
use crate::sim::tap::{EventTap, Taps};
use crate::sim::{Session, SessionConfig, spawn_session};

/// What to run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Seed of every random stream.
    pub seed: u64,
    /// Number of teams (the scenario's default when `None`).
    pub teams: Option<u32>,
    /// Initial design of every team (the scenario's default when `None`).
    pub design: Option<String>,
    /// Timed commands (see [`TimedCommand`]).
    pub plan: Vec<TimedCommand>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            seed: 1,
            teams: None,
            design: None,
            plan: Vec::new(),
        }
    }
}

/// A headless app with the simulation and live metrics, and a session started from `config`.
pub fn session_app(config: SessionConfig) -> App {
    let mut app = App::new();
    app.add_plugins((crate::sim::plugin, crate::metrics::plugin));
    app.finish();
    app.cleanup();
    spawn_session(app.world_mut(), config);
    app
}

/// Builds the session configuration for `options`, checking the team count (within the limits for this
/// scenario's work), the design name and the teams the scenario's schedule names.
pub fn config(model: Arc<Model>, options: &RunOptions) -> Result<SessionConfig, String> {
    let teams = options.teams.unwrap_or(model.teams);
    if teams == 0 || teams > MAX_TEAMS {
        return Err(format!(
            "--teams must be within 1..{MAX_TEAMS} (got {teams})"
        ));
    }
    model.check_session(teams)?;
    let design = match &options.design {
        Some(name) => Some(
            model
                .find_design("design", name)
                .map_err(|e| format!("--design: {}", e.message))?,
        ),
        None => None,
    };
    Ok(SessionConfig::new(model, options.seed, Some(teams), design))
}

/// Advances the session until it reaches `target` or its round ends.
pub fn run_until(app: &mut App, target: SimTime) {
    app.world_mut().resource_mut::<Session>().target = target;
    loop {
        app.update();
        let s = app.world().resource::<Session>();
        if !s.running || s.now >= target {
            break;
        }
    }
}

/// Plays every round of the session in `app` following `plan`.
pub fn play(app: &mut App, plan: &[TimedCommand]) {
    play_from(app, plan, 0);
}

/// Writes one command of the plan and applies it at once.
fn give(app: &mut App, command: &Command) {
    app.world_mut().write_message(command.clone());
    app.update();
}

/// Plays the rest of the session in `app` from wherever it stands (a new session, or one rebuilt from its
/// record), following `plan` from its command `next` on.
pub fn play_from(app: &mut App, plan: &[TimedCommand], mut next: usize) {
    loop {
        let s = app.world().resource::<Session>();
        let (running, finished, round) = (s.running, s.finished, s.round);
        if finished {
            break;
        }
        let round = if running {
            round
        } else {
            // Commands of a round that ended early are given after its end, as they came.
            while next < plan.len() && plan[next].round <= round {
                give(app, &plan[next].command);
                next += 1;
            }
            let round = round + 1;
            while next < plan.len() && plan[next].round == round && plan[next].minute <= 0.0 {
                app.world_mut().write_message(plan[next].command.clone());
                next += 1;
            }
            // Start the round without advancing: the first stop may be a command at a later minute.
            let now = app.world().resource::<Session>().now;
            app.world_mut().resource_mut::<Session>().target = now;
            give(app, &Command::StartRound);
            if !app.world().resource::<Session>().running {
                break;
            }
            round
        };
        while next < plan.len() && plan[next].round == round {
            let start = app.world().resource::<Session>().round_start;
            let at = start.saturating_add(crate::domain::time::ms_from_minutes(plan[next].minute));
            run_until(app, at);
            let minute = plan[next].minute;
            while next < plan.len() && plan[next].round == round && plan[next].minute == minute {
                app.world_mut().write_message(plan[next].command.clone());
                next += 1;
            }
            app.update();
        }
        run_until(app, SimTime::MAX);
    }
}

/// Runs a whole session headless, feeding every event to `taps` (finished at the end: a tap that failed to
/// write is an error), and returns the metrics report.
pub fn run(
    model: Arc<Model>,
    options: &RunOptions,
    taps: Vec<Box<dyn EventTap>>,
) -> Result<Report, String> {
    let mut app = session_app(config(model, options)?);
    app.world_mut().resource_mut::<Taps>().0 = taps;
    play(&mut app, &options.plan);
    app.world_mut().resource_mut::<Taps>().finish()?;
    Ok(app.world().resource::<LiveMetrics>().0.report())
}
