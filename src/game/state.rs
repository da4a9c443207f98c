//! The screen on show, as a Bevy state: what every part of the game may ask about or set, below the screens
//! that draw it.

use bevy::prelude::*;

/// The screen on show.
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
    /// A recorded session replayed: any moment, side by side, what-ifs.
    Replay,
}
