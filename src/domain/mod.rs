//! The shared vocabulary of the game, below everything else: time, distributions, practices, disruptions,
//! commands (every change from outside) and events (everything that happens), used alike by scenario files,
//! the factory, the session, the metrics and the game.

pub mod command;
pub mod disruption;
pub mod dist;
pub mod event;
pub mod invalid;
pub mod pairs;
pub mod practices;
pub mod time;
pub mod voice;

pub use command::{Command, TeamAction};
pub use disruption::{DisruptionKind, DisruptionSpec, Target};
pub use dist::Dist;
pub use event::{EventKind, SimEvent};
pub use invalid::Invalid;
pub use pairs::Pairs;
pub use practices::{Helping, PracticeChange, Practices, Priority, Standup, StandupScope};
pub use time::SimTime;
pub use voice::{Curation, Phase, Voice};
