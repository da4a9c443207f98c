//! The limits every scenario, plan and run is held to, so that whatever `check` accepts, `run` runs in
//! bounded time and memory. They are far above what a conference game (tens of teams, four rounds of a
//! working day) or a research run (a million orders, a hundred teams) needs; the README lists them.

use super::model::{Demand, Model};
use crate::domain::DisruptionKind;

/// Teams (factories) in one session.
pub const MAX_TEAMS: u32 = 100;
/// Rounds in a scenario.
pub const MAX_ROUNDS: u32 = 1000;
/// Simulated minutes of all rounds together (about 3.8 years of days and nights).
pub const MAX_TOTAL_MINUTES: f64 = 2_000_000.0;
/// Orders expected in one session, all teams together (each order in the factory costs memory).
pub const MAX_ORDERS: f64 = 2_000_000.0;
/// Events expected in one session, all teams together (each costs time: about 0.2 microseconds).
pub const MAX_EVENTS: f64 = 200_000_000.0;
/// Stand-up meetings in one round.
pub const MAX_STANDUPS_PER_ROUND: f64 = 1000.0;
/// Skills, workers, stations, ingredients, steps, products, demand sources, designs, units of a design,
/// palette entries and scheduled disruptions.
pub const MAX_SKILLS: usize = 100;
/// See [`MAX_SKILLS`].
pub const MAX_WORKERS: usize = 500;
/// See [`MAX_SKILLS`].
pub const MAX_STATIONS: usize = 100;
/// See [`MAX_SKILLS`].
pub const MAX_INGREDIENTS: usize = 200;
/// See [`MAX_SKILLS`].
pub const MAX_STEPS: usize = 100;
/// See [`MAX_SKILLS`].
pub const MAX_PRODUCTS: usize = 200;
/// See [`MAX_SKILLS`].
pub const MAX_DEMAND: usize = 500;
/// See [`MAX_SKILLS`].
pub const MAX_DESIGNS: usize = 100;
/// See [`MAX_SKILLS`].
pub const MAX_PALETTE: usize = 500;
/// See [`MAX_SKILLS`].
pub const MAX_SCHEDULE: usize = 10_000;
/// Steps in one product's routing.
pub const MAX_ROUTING: usize = 64;
/// Units of one station pool.
pub const MAX_STATION_COUNT: u32 = 1000;
/// Events per task (start, finish, handoff, ready, and their share of questions and station time).
const EVENTS_PER_TASK: f64 = 8.0;
/// Events per order besides its tasks (arrival, delivery, costs, stock).
const EVENTS_PER_ORDER: f64 = 4.0;
/// Expected attempts of a step are counted up to this many (beyond it, work is bounded by the workers'
/// time, see [`Workload::tasks`]).
const MAX_ATTEMPTS: f64 = 100.0;

/// The work one team's factory is expected to do over a session of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    /// Orders expected from the market and the scheduled disruptions.
    pub orders: f64,
    /// Tasks expected (steps of orders, with rework), or what the workers can do at most.
    pub tasks: f64,
    /// Stand-up meetings at most (the designs' stand-ups in every round).
    pub meetings: f64,
    /// Spanning sessions at most (every worker a spanner).
    pub spanning: f64,
    /// Which demand source (index) brings the most orders.
    pub biggest_source: Option<usize>,
    /// The product and routing position with the shortest work (when tasks are bounded by the workers' time).
    pub shortest_operation: Option<(usize, usize)>,
}

impl Workload {
    /// Events expected for one team.
    pub fn events(&self, workers: usize) -> f64 {
        self.tasks * EVENTS_PER_TASK
            + self.orders * EVENTS_PER_ORDER
            + self.meetings * (2.0 * workers as f64 + 2.0)
            + self.spanning * 2.0
    }

    /// Why a session of `teams` teams would do too much, if it would.
    pub fn excess(&self, teams: u32, workers: usize) -> Option<String> {
        let n = f64::from(teams);
        if self.orders * n > MAX_ORDERS {
            return Some(
                crate::t!(crate::i18n::Lang::En, "problem-too-many-orders" if teams == 1,
                    orders = thousands(self.orders),
                    teams = teams.to_string(),
                    total = thousands(self.orders * n),
                    most = thousands(MAX_ORDERS)
                ),
            );
        }
        let events = self.events(workers) * n;
        if events > MAX_EVENTS {
            return Some(
                crate::t!(crate::i18n::Lang::En, "problem-too-many-events" if teams == 1,
                    events = thousands(events),
                    teams = teams.to_string(),
                    most = thousands(MAX_EVENTS),
                    tasks = thousands(self.tasks)
                ),
            );
        }
        None
    }

    /// The most teams a session can have within the limits (at least 0).
    pub fn max_teams(&self, workers: usize) -> u32 {
        let by_orders = MAX_ORDERS / self.orders.max(1e-9);
        let by_events = MAX_EVENTS / self.events(workers).max(1e-9);
        by_orders.min(by_events).min(f64::from(MAX_TEAMS)).floor() as u32
    }
}

/// A count for a message: whole and with thousands separators.
pub fn thousands(x: f64) -> String {
    // Not below 0 nor beyond 10^18 (and 0 for what is not a number), as a count is.
    let x = if x.is_nan() { 0.0 } else { x.clamp(0.0, 1e18) };
    crate::i18n::count(crate::i18n::Lang::En, x)
}

impl Model {
    /// The work one team's factory is expected to do over the whole session.
    pub fn workload(&self) -> Workload {
        let (orders_by_product, biggest_source) = self.expected_orders();
        let orders: f64 = orders_by_product.iter().sum();
        let demand_tasks: f64 = orders_by_product
            .iter()
            .zip(&self.products)
            .map(|(n, p)| n * p.routing.len() as f64 * self.attempts(p))
            .sum();
        let (capacity, shortest_operation) = self.capacity_tasks();
        let endless = self
            .products
            .iter()
            .any(|p| self.attempts(p) >= MAX_ATTEMPTS);
        let tasks = if endless {
            capacity
        } else {
            demand_tasks.min(capacity)
        };
        Workload {
            orders,
            tasks,
            meetings: self.max_meetings(),
            spanning: self.max_spanning(),
            biggest_source,
            shortest_operation: (endless || capacity < demand_tasks)
                .then_some(shortest_operation)
                .flatten(),
        }
    }

    /// Orders expected per product over the session, and the demand source bringing the most.
    fn expected_orders(&self) -> (Vec<f64>, Option<usize>) {
        let mut by_product = vec![0.0; self.products.len()];
        let mut biggest: Option<(usize, f64)> = None;
        let round_hours = self.round_len.minutes() / 60.0;
        for (i, d) in self.demand.iter().enumerate() {
            let n = match d {
                Demand::Poisson {
                    per_hour,
                    round_factors,
                    ..
                } => (0..self.rounds as usize)
                    .map(|r| per_hour * round_factors.get(r).copied().unwrap_or(1.0) * round_hours)
                    .sum(),
                Demand::Scheduled { at, .. } => at.len() as f64,
            };
            by_product[d.product()] += n;
            if biggest.is_none_or(|(_, b)| n > b) {
                biggest = Some((i, n));
            }
        }
        for s in &self.schedule {
            for (p, n) in self.disruption_orders(&s.spec.kind, s.round, self.round_len.minutes()) {
                by_product[p] += n;
            }
        }
        (by_product, biggest.map(|(i, _)| i))
    }

    /// Orders a disruption brings (per product) when it starts in round `round` with `left` minutes of the
    /// round to go: a rush order's cakes if accepted, a surge's extra arrivals.
    pub fn disruption_orders(
        &self,
        kind: &DisruptionKind,
        round: u32,
        left: f64,
    ) -> Vec<(usize, f64)> {
        match kind {
            DisruptionKind::RushOrder {
                product, quantity, ..
            } => self
                .product_index(product)
                .map(|p| vec![(p, f64::from(*quantity))])
                .unwrap_or_default(),
            DisruptionKind::DemandSurge {
                products,
                factor,
                duration_min,
            } => {
                let minutes = duration_min.min(left).max(0.0);
                self.surge_rates(products, *factor, round)
                    .into_iter()
                    .map(|(p, per_minute, _)| (p, per_minute * minutes))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Orders an injection of `kind` for `target` in a session of `teams` teams brings, all teams together,
    /// when it starts at `minute` of round `round`.
    pub fn injection_orders(
        &self,
        kind: &DisruptionKind,
        target: &crate::domain::Target,
        teams: usize,
        round: u32,
        minute: f64,
    ) -> f64 {
        let hit = match target {
            crate::domain::Target::All => teams,
            crate::domain::Target::Factories(list) => list.len(),
        };
        let left = self.round_len.minutes() - minute;
        let per_team: f64 = self
            .disruption_orders(kind, round, left)
            .iter()
            .map(|(_, n)| n)
            .sum();
        per_team * hit as f64
    }

    /// Expected attempts of each step of a product: `1 / (1 - q)`, where `q` is the chance that a pass
    /// through the routing leaves a defect (process defects and miscommunication at every handoff), up to
    /// [`MAX_ATTEMPTS`].
    fn attempts(&self, p: &super::model::Product) -> f64 {
        let c = &self.coordination;
        let misc = c
            .cross_unit
            .miscommunication
            .max(c.within_unit.miscommunication)
            .clamp(0.0, 1.0);
        let clean: f64 = p
            .routing
            .iter()
            .map(|op| (1.0 - op.defect_prob) * (1.0 - misc))
            .product();
        let found = p
            .routing
            .iter()
            .filter_map(|op| self.steps[op.step].inspects)
            .fold(p.customer_detects, f64::max);
        let q = (1.0 - clean) * found;
        if q >= 1.0 - 1.0 / MAX_ATTEMPTS {
            MAX_ATTEMPTS
        } else {
            1.0 / (1.0 - q)
        }
    }

    /// The most tasks the workers can do over the session: all of them busy with the shortest task there is
    /// (its mean at the best skill level, and at least a millisecond); and where that task is.
    fn capacity_tasks(&self) -> (f64, Option<(usize, usize)>) {
        let minutes = self.round_len.minutes() * f64::from(self.rounds);
        let mut shortest: Option<((usize, usize), f64)> = None;
        for (p, product) in self.products.iter().enumerate() {
            for (k, op) in product.routing.iter().enumerate() {
                let skill = self.steps[op.step].skill;
                let level = self
                    .workers
                    .iter()
                    .map(|w| w.levels[skill])
                    .fold(0.0, f64::max);
                if level <= 0.0 {
                    continue;
                }
                let m = (op.duration.mean() / level).max(1.0 / 60_000.0);
                if shortest.is_none_or(|(_, s)| m < s) {
                    shortest = Some(((p, k), m));
                }
            }
        }
        match shortest {
            Some((at, m)) => (self.workers.len() as f64 * minutes / m, Some(at)),
            None => (0.0, None),
        }
    }

    /// Spanning sessions at most: every worker a spanner, a session every `every` of every round.
    fn max_spanning(&self) -> f64 {
        let (every, duration) = self.coordination.spanning;
        if duration.0 == 0 || every.0 == 0 {
            return 0.0;
        }
        let per_round = (self.round_len.0 as f64 / every.0 as f64).ceil();
        per_round * f64::from(self.rounds) * self.workers.len() as f64
    }

    /// Stand-ups at most: the busiest design's, in every round.
    fn max_meetings(&self) -> f64 {
        self.designs
            .iter()
            .filter_map(|d| {
                let s = d.practices.standup.as_ref()?;
                let per_round = (self.round_len.minutes() / s.every_min).ceil();
                let groups = match s.scope {
                    crate::domain::StandupScope::Unit => d.units.len() as f64,
                    crate::domain::StandupScope::Factory => 1.0,
                };
                Some(per_round * groups * f64::from(self.rounds))
            })
            .fold(0.0, f64::max)
    }
}
