//! Screens of the game (lobby, briefing, play, round end, final standings) and the moves between them.

use std::sync::Arc;

use bevy::prelude::*;

use super::PlayOptions;
use crate::scenario::Model;
use crate::sim::{Command, Session, SessionConfig, SimSet, TeamSetup, spawn_session};

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Choose the scenario, the teams and the seed.
    #[default]
    Lobby,
    /// Before a round: the market news and each team's design.
    Briefing,
    /// A round in play.
    Playing,
    /// After a round: all teams compared.
    RoundEnd,
    /// After the last round: final standings.
    Final,
    /// The debrief dashboard.
    Debrief,
}

/// A request to start a new session (from the lobby or the command line).
#[derive(Message, Clone, Debug)]
pub struct StartGame {
    pub model: Arc<Model>,
    pub teams: Vec<String>,
    pub seed: u64,
}

impl StartGame {
    /// A session of `teams` teams with the scenario's team names.
    pub fn with_teams(model: &Arc<Model>, teams: usize, seed: u64) -> Self {
        StartGame {
            model: Arc::clone(model),
            teams: (0..teams).map(|i| model.team_name(i)).collect(),
            seed,
        }
    }
}

/// A request to start the next round (from the briefing or the facilitator console).
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct StartRound;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_message::<StartGame>().add_message::<StartRound>();
    app.add_systems(Startup, start_from_command_line);
    app.add_systems(PreUpdate, start_game);
    app.add_systems(
        Update,
        (
            start_round.before(SimSet::Commands),
            round_over
                .after(SimSet::Observe)
                .run_if(in_state(Screen::Playing).and_then(resource_exists::<Session>)),
        ),
    );
}

fn start_from_command_line(options: Res<PlayOptions>, mut start: MessageWriter<StartGame>) {
    if options.skip_lobby {
        start.write(StartGame::with_teams(
            &options.model,
            options.teams as usize,
            options.seed,
        ));
    }
}

/// Starts a session: one factory per team, all on the scenario's default design.
fn start_game(world: &mut World) {
    let Some(request) = world.resource_mut::<Messages<StartGame>>().drain().last() else {
        return;
    };
    let design = request.model.default_design;
    let config = SessionConfig {
        teams: request
            .teams
            .iter()
            .map(|name| TeamSetup {
                name: name.clone(),
                design,
            })
            .collect(),
        model: request.model,
        seed: request.seed,
    };
    spawn_session(world, config);
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Briefing);
}

fn start_round(
    mut requests: MessageReader<StartRound>,
    session: Option<Res<Session>>,
    mut commands: MessageWriter<Command>,
    mut next: ResMut<NextState<Screen>>,
) {
    if requests.read().count() == 0 {
        return;
    }
    if let Some(s) = session
        && !s.running
        && !s.finished
    {
        commands.write(Command::StartRound);
        next.set(Screen::Playing);
    }
}

/// When the round has ended (at its full length or by the facilitator), show the summary.
fn round_over(session: Res<Session>, mut next: ResMut<NextState<Screen>>) {
    if !session.running && session.round > 0 {
        next.set(if session.finished {
            Screen::Final
        } else {
            Screen::RoundEnd
        });
    }
}
