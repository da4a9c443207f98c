//! Metrics of a session, computed from domain events: the collector (shared by `run --json`, the game and the
//! debrief), the tie network measures, what disruptions cost (reported by their twins) and the per-minute time series.

pub mod collector;
pub mod network;
pub mod report;
pub mod series;

use bevy::prelude::*;

pub use collector::Collector;
pub use report::{DisruptionReport, FactoryReport, Metrics, Report};

use crate::domain::SimEvent;
use crate::sim::SimSet;

/// The live metrics of the current session.
#[derive(Resource, Default)]
pub struct LiveMetrics(pub Collector);

/// Adds the live metrics: a [`Collector`] fed every event of the session.
pub fn plugin(app: &mut App) {
    app.init_resource::<LiveMetrics>();
    app.add_systems(Update, collect.in_set(SimSet::Observe));
}

fn collect(mut metrics: ResMut<LiveMetrics>, mut events: MessageReader<SimEvent>) {
    for e in events.read() {
        metrics.0.observe(e);
    }
}
