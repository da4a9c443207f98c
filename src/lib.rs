//! Cake Factory: an organisational simulation game for leadership conferences. Teams run cake factories
//! while a facilitator injects disruptions; the debrief shows how they collaborated across functions.
//!
//! The crate is a library (the deterministic simulation core, metrics, headless runner) plus the
//! `cakefactory` binary. The core has no rendering dependency: it builds and runs headless.

#![warn(missing_docs)]

pub mod cli;
pub mod debrief;
pub mod domain;
pub mod factory;
#[cfg(feature = "gui")]
mod game;
pub mod headless;
pub mod host;
pub mod i18n;
pub mod metrics;
pub mod palette;
pub mod scenario;
pub mod sim;
