//! The shared vocabulary of the game: time, distributions, practices and disruptions, used alike by scenario
//! files, commands and events.

pub mod command;
pub mod disruption;
pub mod dist;
pub mod event;
pub mod pairs;
pub mod practices;
pub mod time;

pub use command::{Command, TeamAction};
pub use disruption::{DisruptionKind, DisruptionSpec, Target};
pub use dist::Dist;
pub use event::{EventKind, SimEvent};
pub use pairs::Pairs;
pub use practices::{Helping, PracticeChange, Practices, Priority, Standup, StandupScope};
pub use time::SimTime;
