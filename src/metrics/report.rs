//! The result object of a run (`run --json`): field names are a public contract; fields may be added.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub scenario: String,
    pub seed: u64,
    pub factories: Vec<FactoryReport>,
    pub disruptions: Vec<DisruptionReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactoryReport {
    pub name: String,
    /// The design in use at the end of the session.
    pub design: String,
    pub totals: Metrics,
    pub rounds: Vec<Metrics>,
}

/// Key figures of one factory over one round (`round` >= 1) or the whole session (`round` 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub round: u32,
    /// The design in use at the start of the round (the last one for totals).
    pub design: String,
    pub minutes: f64,
    pub orders_received: u64,
    pub orders_delivered: u64,
    pub orders_on_time: u64,
    pub orders_late: u64,
    pub orders_lost: u64,
    pub revenue: f64,
    pub costs: f64,
    pub profit: f64,
    pub lead_time_mean_min: Option<f64>,
    pub lead_time_p90_min: Option<f64>,
    pub throughput_per_hour: f64,
    pub wip_mean: f64,
    pub flow_efficiency: Option<f64>,
    pub task_wait_mean_min: Option<f64>,
    pub handoffs: u64,
    pub cross_unit_handoffs: u64,
    pub cross_unit_wait_mean_min: Option<f64>,
    pub questions: u64,
    pub rework_tasks: u64,
    pub tasks_started: u64,
    pub defects_found: u64,
    pub ties: u64,
    pub ei_index: Option<f64>,
    pub utilization_mean: Option<f64>,
    pub utilization_cv: Option<f64>,
    pub boundary_spanners: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisruptionReport {
    pub id: String,
    pub kind: String,
    pub headline: String,
    /// Round and minute into it when the disruption started (in its first factory).
    pub round: u32,
    pub minute: f64,
    /// Minutes since the session started.
    pub start_min: f64,
    pub factories: Vec<String>,
    /// Mean over the factories that recovered; `null` when none did (or none could be measured).
    pub recovery_min: Option<f64>,
    /// Per factory, in the order of `factories`.
    pub recovery_by_factory: Vec<Option<f64>>,
}
