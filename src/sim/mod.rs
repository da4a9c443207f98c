//! The simulation as Bevy plugins, without rendering: a session of factories advanced by commands and time,
//! producing domain events. All of it runs headless (see `headless`) and under the game alike.
//!
//! Each update runs three chained sets: [`SimSet::Commands`] applies the commands written since the last
//! update at the session's current time, [`SimSet::Advance`] moves every factory to the session's target time
//! (in parallel: factories never affect each other) and publishes the events in a deterministic order, and
//! [`SimSet::Observe`] is where metrics, logs and views read them.

pub mod advance;
pub mod journal;
pub mod origin;
pub mod record;
pub mod session;
pub mod tap;

use bevy::app::{TaskPoolOptions, TaskPoolPlugin};
use bevy::prelude::*;

use crate::domain::{Command, SimEvent};

pub use origin::{Answer, Origins};
pub use session::{Session, SessionConfig, TeamSetup, spawn_session};

/// The simulation's steps in each update, in order.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimSet {
    /// Apply queued commands.
    Commands,
    /// Advance the factories and publish their events.
    Advance,
    /// Read the published events.
    Observe,
}

/// Thread pools for a session without a window: factories advance in parallel on every core (Bevy's default
/// leaves a two-core machine one compute thread, its other threads for IO nobody does here).
fn headless_pools() -> TaskPoolOptions {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut options = TaskPoolOptions::default();
    options.compute.min_threads = cores;
    options
}

/// Adds the simulation: messages, sets and systems. A session is started with [`spawn_session`].
pub fn plugin(app: &mut App) {
    if !app.is_plugin_added::<TaskPoolPlugin>() {
        app.add_plugins(TaskPoolPlugin {
            task_pool_options: headless_pools(),
        });
    }
    app.add_message::<Command>().add_message::<SimEvent>();
    app.init_resource::<Origins>();
    app.configure_sets(
        Update,
        (SimSet::Commands, SimSet::Advance, SimSet::Observe).chain(),
    );
    app.add_plugins((
        session::plugin,
        advance::plugin,
        tap::plugin,
        record::write::plugin,
    ));
}
