//! The validated scenario in the form the simulation uses: every reference resolved to an index.

use crate::domain::{DisruptionSpec, Dist, Practices, SimTime, Target};

pub use super::format::Multipliers;

#[derive(Clone, Debug)]
pub struct Model {
    /// The file it came from (or the shipped scenario's name), for messages.
    pub file: String,
    pub name: String,
    pub description: String,
    pub rounds: u32,
    pub round_len: SimTime,
    pub teams: u32,
    pub team_names: Vec<String>,
    pub default_design: usize,
    pub briefings: Vec<String>,
    pub skills: Vec<String>,
    pub workers: Vec<Worker>,
    pub stations: Vec<Station>,
    pub ingredients: Vec<Ingredient>,
    pub steps: Vec<Step>,
    pub products: Vec<Product>,
    pub demand: Vec<Demand>,
    pub coordination: Coordination,
    pub fixed_cost_per_round: f64,
    pub expedite_cost: f64,
    pub designs: Vec<Design>,
    pub schedule: Vec<Scheduled>,
    pub palette: Vec<DisruptionSpec>,
    /// (min, max) factor by which the facilitator may scale a palette entry's numbers.
    pub palette_limits: (f64, f64),
}

#[derive(Clone, Debug)]
pub struct Worker {
    pub id: String,
    pub name: String,
    /// Level per skill index; 0.0 means the worker lacks the skill.
    pub levels: Vec<f64>,
    /// The skill with the highest level (the first on a tie).
    pub primary: usize,
    pub wage_per_hour: f64,
}

#[derive(Clone, Debug)]
pub struct Station {
    pub id: String,
    pub name: String,
    pub count: u32,
}

#[derive(Clone, Debug)]
pub struct Ingredient {
    pub id: String,
    pub name: String,
    pub unit_cost: f64,
    pub initial_stock: u32,
    pub reorder_point: u32,
    pub reorder_qty: u32,
    pub lead_time: Dist,
}

#[derive(Clone, Debug)]
pub struct Step {
    pub id: String,
    pub name: String,
    pub skill: usize,
    pub station: Option<usize>,
    pub inspects: Option<f64>,
    pub changeover: Option<Dist>,
}

#[derive(Clone, Debug)]
pub struct Product {
    pub id: String,
    pub name: String,
    pub price: f64,
    pub custom: bool,
    pub late_penalty_per_hour: f64,
    pub cancel_after_late: Option<SimTime>,
    pub spec_change_prob: f64,
    /// Position in the routing that a spec change sends an order back to.
    pub spec_pos: usize,
    pub customer_detects: f64,
    pub routing: Vec<Operation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub step: usize,
    pub duration: Dist,
    pub unattended: Option<Dist>,
    pub defect_prob: f64,
    /// (ingredient index, quantity)
    pub ingredients: Vec<(usize, u32)>,
}

#[derive(Clone, Debug)]
pub enum Demand {
    Poisson {
        product: usize,
        per_hour: f64,
        round_factors: Vec<f64>,
        due_in: Dist,
    },
    Scheduled {
        product: usize,
        /// (round, minute into the round), sorted.
        at: Vec<(u32, f64)>,
        due_in: Dist,
    },
}

impl Demand {
    pub fn product(&self) -> usize {
        match self {
            Demand::Poisson { product, .. } | Demand::Scheduled { product, .. } => *product,
        }
    }
}

#[derive(Clone, Debug)]
pub struct HandoffParams {
    pub delay: Dist,
    pub miscommunication: f64,
    pub question: f64,
}

#[derive(Clone, Debug, Default)]
pub struct Effect {
    pub cross_unit: Multipliers,
    pub within_unit: Multipliers,
}

#[derive(Clone, Debug)]
pub struct Coordination {
    pub cross_unit: HandoffParams,
    pub within_unit: HandoffParams,
    pub answer_time: Dist,
    /// With `Helping::Anyone`, how long a task waits before a worker of another unit may take it.
    pub help_after: SimTime,
    pub spanner: Effect,
    pub shared_board: Effect,
    pub unit_standup: Effect,
    pub factory_standup: Effect,
}

#[derive(Clone, Debug)]
pub struct Design {
    pub name: String,
    pub description: String,
    pub units: Vec<Unit>,
    pub spanners: Vec<usize>,
    pub practices: Practices,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub members: Vec<usize>,
    pub steps: Vec<usize>,
}

#[derive(Clone, Debug)]
pub struct Scheduled {
    pub spec: DisruptionSpec,
    /// 1-based round.
    pub round: u32,
    pub minute: f64,
    pub target: Target,
    /// Line and column of the target in the scenario file.
    pub target_at: Option<(usize, usize)>,
}

impl Model {
    pub fn design_index(&self, name: &str) -> Option<usize> {
        self.designs.iter().position(|d| d.name == name)
    }
    pub fn worker_index(&self, id: &str) -> Option<usize> {
        self.workers.iter().position(|w| w.id == id)
    }
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
    pub fn product_index(&self, id: &str) -> Option<usize> {
        self.products.iter().position(|p| p.id == id)
    }
    pub fn station_index(&self, id: &str) -> Option<usize> {
        self.stations.iter().position(|s| s.id == id)
    }
    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        self.ingredients.iter().position(|s| s.id == id)
    }

    /// The name of team `i`.
    pub fn team_name(&self, i: usize) -> String {
        self.team_names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("Team {}", i + 1))
    }
}
