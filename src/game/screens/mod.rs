//! The screens of the game, one file each (lobby, briefing, play, round end, final standings, and the
//! console and menu windows over them), the messages that move between them, and when the clock and the
//! floor run.

mod banners;
mod briefing;
mod console;
mod desk;
mod final_standings;
mod lobby;
mod menu;
mod play;
mod replay;
mod round_end;

use std::sync::Arc;

use bevy::prelude::*;

use super::PlayOptions;
use super::clock::ClockSet;
use super::floor::{self, FloorSet};
use crate::domain::Command;
use crate::scenario::Model;
use crate::sim::{Session, SessionConfig, SimSet, TeamSetup, spawn_session};

pub use super::state::Screen;

/// A request to start a new session (from the lobby or the command line).
#[derive(Message, Clone, Debug)]
pub struct StartGame {
    /// The scenario.
    pub model: Arc<Model>,
    /// The teams' names, one per team.
    pub teams: Vec<String>,
    /// The seed of every random stream.
    pub seed: u64,
}

impl StartGame {
    /// A session of `teams` teams with the scenario's team names.
    pub fn with_teams(
        model: &Arc<Model>,
        teams: usize,
        seed: u64,
        lang: crate::i18n::Lang,
    ) -> Self {
        StartGame {
            model: Arc::clone(model),
            teams: (0..teams).map(|i| model.team_name_in(i, lang)).collect(),
            seed,
        }
    }
}

/// A request to start the next round (from the briefing or the facilitator console).
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct StartRound;

/// A request to open the debrief of the session so far.
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct OpenDebrief;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_message::<StartGame>()
        .add_message::<StartRound>()
        .add_message::<OpenDebrief>();
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
    // The clock runs only in play; the floor shows behind the briefing, play and round-end screens.
    app.configure_sets(Update, ClockSet.run_if(in_state(Screen::Playing)));
    app.configure_sets(
        Update,
        FloorSet.run_if(
            in_state(Screen::Playing)
                .or_else(in_state(Screen::Briefing))
                .or_else(in_state(Screen::RoundEnd))
                .or_else(in_state(Screen::Replay)),
        ),
    );
    app.add_systems(OnEnter(Screen::Lobby), floor::clear);
    app.add_systems(OnEnter(Screen::Final), floor::clear);
    app.add_plugins((
        lobby::plugin,
        briefing::plugin,
        play::plugin,
        round_end::plugin,
        final_standings::plugin,
        console::plugin,
        desk::plugin,
        banners::plugin,
        menu::plugin,
        replay::plugin,
    ));
}

fn start_from_command_line(options: Res<PlayOptions>, mut start: MessageWriter<StartGame>) {
    if options.skip_lobby {
        start.write(StartGame::with_teams(
            &options.model,
            options.teams as usize,
            options.seed,
            options.lang,
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
        // The game times offers in real seconds (`game::offers`), not in simulated minutes.
        live_offers: true,
    };
    crate::game::recording::begin(world, &config);
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
