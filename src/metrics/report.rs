//! The result object of a run (`run --json`): field names are a public contract; fields may be added.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, decimal};
use crate::t;

/// The result of a run: every team's metrics and every disruption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The scenario's name.
    pub scenario: String,
    /// The seed.
    pub seed: u64,
    /// Each team, in team order.
    pub factories: Vec<FactoryReport>,
    /// Each disruption, in the order it first struck.
    pub disruptions: Vec<DisruptionReport>,
}

/// One team's metrics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactoryReport {
    /// The team's name.
    pub name: String,
    /// The design in use at the end of the session.
    pub design: String,
    /// Over the whole session (`round` 0).
    pub totals: Metrics,
    /// Per round.
    pub rounds: Vec<Metrics>,
}

/// Key figures of one factory over one round (`round` >= 1) or the whole session (`round` 0).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// 1..N for a round, 0 for the whole session.
    pub round: u32,
    /// The design in use at the start of the round (the last one for totals).
    pub design: String,
    /// Simulated minutes played.
    pub minutes: f64,
    /// Orders that arrived (including accepted rush orders and surge orders).
    pub orders_received: u64,
    /// Deliveries.
    pub orders_delivered: u64,
    /// Deliveries by the due time.
    pub orders_on_time: u64,
    /// Deliveries after the due time.
    pub orders_late: u64,
    /// Orders the customer cancelled (not delivered `cancel_after_late_min` after the due time).
    pub orders_lost: u64,
    /// Sum over deliveries of price minus late penalty.
    pub revenue: f64,
    /// The late penalties already taken off the revenue.
    pub penalties: f64,
    /// Wages (all workers, for the time the round ran), fixed cost per round, ingredients ordered, expedite
    /// fees.
    pub costs: f64,
    /// Of the costs: wages.
    pub wages: f64,
    /// Of the costs: the fixed cost per round.
    pub fixed_costs: f64,
    /// Of the costs: ingredients ordered.
    pub ingredient_costs: f64,
    /// Of the costs: expedite fees.
    pub expedite_fees: f64,
    /// Revenue minus costs.
    pub profit: f64,
    /// Mean time from order received to delivered, in minutes.
    pub lead_time_mean_min: Option<f64>,
    /// 90th percentile (nearest rank) of the lead time, in minutes.
    pub lead_time_p90_min: Option<f64>,
    /// Deliveries per hour of the round.
    pub throughput_per_hour: f64,
    /// Time-average number of orders in the factory (received, not yet delivered or lost).
    pub wip_mean: f64,
    /// Sum of touch time (worker and unattended station time) over sum of lead time, over deliveries.
    pub flow_efficiency: Option<f64>,
    /// Mean minutes a task waits in a queue (from ready to a worker starting it; question time included).
    pub task_wait_mean_min: Option<f64>,
    /// Moves of an order to its next (or, for rework, an earlier) step.
    pub handoffs: u64,
    /// Handoffs between two different units.
    pub cross_unit_handoffs: u64,
    /// Mean minutes from a cross-unit handoff to the start of the next task.
    pub cross_unit_wait_mean_min: Option<f64>,
    /// Mean minutes per delivered order that work waited after cross-unit handoffs (from the handoff to the
    /// start of the next task, summed over the round's cross-unit handoffs, over its deliveries).
    pub cross_unit_wait_per_order_min: Option<f64>,
    /// Questions asked at handoffs of custom orders.
    pub questions: u64,
    /// Questions answered.
    pub questions_answered: u64,
    /// Questions answered by someone of another unit than the asker's.
    pub answered_across_units: u64,
    /// Tasks started again because of a defect or a spec change.
    pub rework_tasks: u64,
    /// Rework tasks per delivered order.
    pub rework_per_order: Option<f64>,
    /// All tasks started.
    pub tasks_started: u64,
    /// Latent defects found by inspection or by the customer.
    pub defects_found: u64,
    /// Worker-to-worker work ties: a handoff's sender and the worker who took the order up, a question's asker
    /// and answerer, the worker who took over an interrupted task and the one interrupted.
    pub ties: u64,
    /// Pairs of people who met at a stand-up (a separate layer, not in `ties`, the E-I index or betweenness).
    pub meeting_ties: u64,
    /// Krackhardt's E-I index over the work ties: (E - I) / (E + I), by the units people were in; -1 closed
    /// silos, +1 all ties across units.
    pub ei_index: Option<f64>,
    /// The E-I index the design forces: the same ties counted between the units the routings and the
    /// organisation send each piece of work between (sending unit and unit owning the next step, asker's unit
    /// and unit asked, the task's own unit for a task taken over).
    pub ei_forced: Option<f64>,
    /// `ei_index - ei_forced`: above 0, more ties across units than the structure requires (helping across
    /// units, spanners answering); below 0, fewer.
    pub ei_beyond_structure: Option<f64>,
    /// Mean over workers of busy time (tasks and answers) over present time.
    pub utilization_mean: Option<f64>,
    /// Coefficient of variation of utilisation across units (load imbalance).
    pub utilization_cv: Option<f64>,
    /// The top 3 workers by betweenness centrality in the tie network.
    pub boundary_spanners: Vec<String>,
    /// Minutes boundary spanners spent in spanning sessions (away from tasks).
    pub spanning_min: f64,
    /// Share of the present time of the round's designated spanners (those at its end) that spanners spent
    /// spanning or answering questions; `None` without spanners.
    pub spanner_load: Option<f64>,
}

/// One disruption and what it cost each team it hit, measured against its twin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisruptionReport {
    /// Its id (copies of one palette entry get `#2`, `#3`).
    pub id: String,
    /// Its kind (`StationBreakdown`, ...).
    pub kind: String,
    /// What the room saw.
    pub headline: String,
    /// Round and minute into it when the disruption started (in its first factory).
    pub round: u32,
    /// See `round`.
    pub minute: f64,
    /// Minutes since the session started.
    pub start_min: f64,
    /// The teams it hit.
    pub factories: Vec<String>,
    /// Mean over the teams whose impact was measured; `null` when none was.
    pub impact: Option<Impact>,
    /// Per team, in the order of `factories`; `null` where it was not measured (too many twins running at
    /// once, or the session ended in the same instant).
    pub impact_by_factory: Vec<Option<Impact>>,
}

/// What a disruption cost a team: the team's factory as played against its twin, the same factory
/// re-simulated from the instant before the disruption without it (the same later commands, disruptions and
/// random draws), over a window of one round's length from the disruption (or up to the session's end).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    /// Minutes of play compared.
    pub window_min: f64,
    /// The twin's deliveries in the window minus the team's (negative: the disruption brought deliveries).
    pub deliveries_lost: f64,
    /// The team's late deliveries in the window minus the twin's.
    pub late_added: f64,
    /// The twin's profit in the window minus the team's.
    pub profit_lost: f64,
    /// Minutes from the disruption until the gap in cumulative deliveries (twin minus team) first reached its
    /// largest value in the window, after which it grew no more (0 if the team never fell behind).
    pub settled_min: f64,
}

impl Impact {
    /// In words in `lang`, for tables and screens: "3 deliveries lost, 2 more late, 420 profit lost, gap
    /// settled after 95 min" (negative numbers are gains).
    pub fn summary(&self, lang: Lang) -> String {
        let n = |x: f64| decimal(lang, x, if x.fract() == 0.0 { 0 } else { 1 });
        t!(
            lang,
            "impact-summary",
            lost = n(self.deliveries_lost),
            late = n(self.late_added),
            profit = n(self.profit_lost.round()),
            settled = decimal(lang, self.settled_min, 0)
        )
    }

    /// The mean of several impacts; `None` of none.
    pub fn mean<'a>(all: impl IntoIterator<Item = &'a Impact>) -> Option<Impact> {
        let mut sum = Impact::default();
        let mut n = 0.0;
        for i in all {
            sum.window_min += i.window_min;
            sum.deliveries_lost += i.deliveries_lost;
            sum.late_added += i.late_added;
            sum.profit_lost += i.profit_lost;
            sum.settled_min += i.settled_min;
            n += 1.0;
        }
        (n > 0.0).then(|| Impact {
            window_min: sum.window_min / n,
            deliveries_lost: sum.deliveries_lost / n,
            late_added: sum.late_added / n,
            profit_lost: sum.profit_lost / n,
            settled_min: sum.settled_min / n,
        })
    }
}
