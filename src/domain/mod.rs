//! The shared vocabulary of the game: time, distributions, practices and disruptions, used alike by scenario
//! files, commands and events.

pub mod disruption;
pub mod dist;
pub mod pairs;
pub mod practices;
pub mod time;

pub use disruption::{DisruptionKind, DisruptionSpec, Target};
pub use dist::Dist;
pub use pairs::Pairs;
pub use practices::{Helping, PracticeChange, Practices, Priority, Standup, StandupScope};
pub use time::SimTime;
