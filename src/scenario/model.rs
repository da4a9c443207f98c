//! The validated scenario in the form the simulation uses: every reference resolved to an index. The fields
//! mean what their counterparts in the file format (`format.rs`) mean; times are simulated minutes unless a
//! type says otherwise.

use crate::domain::{DisruptionSpec, Dist, Practices, SimTime, Target};

pub use super::format::Multipliers;

/// A whole scenario, validated.
#[derive(Clone, Debug)]
pub struct Model {
    /// The file it came from (or the shipped scenario's name), for messages.
    pub file: String,
    /// The text it was compiled from, exactly (a session record keeps it to reproduce the session).
    pub source: std::sync::Arc<str>,
    /// The scenario's title.
    pub name: String,
    /// What it is about.
    pub description: String,
    /// Number of rounds.
    pub rounds: u32,
    /// A round's full length.
    pub round_len: SimTime,
    /// Number of teams when none is given.
    pub teams: u32,
    /// Team names given by the scenario (the rest are "Team N").
    pub team_names: Vec<String>,
    /// The design every team starts with (index).
    pub default_design: usize,
    /// The market news before each round.
    pub briefings: Vec<String>,
    /// The Swedish of every English text the scenario translates (names, headlines, descriptions,
    /// briefings); the screens show a text through it.
    pub lexicon: crate::i18n::Lexicon,
    /// Skill ids.
    pub skills: Vec<String>,
    /// The people of every factory.
    pub workers: Vec<Worker>,
    /// The station pools.
    pub stations: Vec<Station>,
    /// The ingredients in store.
    pub ingredients: Vec<Ingredient>,
    /// The steps of the process.
    pub steps: Vec<Step>,
    /// What the factories make.
    pub products: Vec<Product>,
    /// Where orders come from.
    pub demand: Vec<Demand>,
    /// How handoffs between and within units go, and what practices change.
    pub coordination: Coordination,
    /// Charged at the start of every round.
    pub fixed_cost_per_round: f64,
    /// Charged for every expedited order.
    pub expedite_cost: f64,
    /// The organisation designs to choose from.
    pub designs: Vec<Design>,
    /// Disruptions at set times, in time order.
    pub schedule: Vec<Scheduled>,
    /// Disruptions the facilitator may inject.
    pub palette: Vec<DisruptionSpec>,
    /// (min, max) factor by which the facilitator may scale a palette entry's numbers.
    pub palette_limits: (f64, f64),
}

/// A person.
#[derive(Clone, Debug)]
pub struct Worker {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Level per skill index; 0.0 means the worker lacks the skill.
    pub levels: Vec<f64>,
    /// The skill with the highest level (the first on a tie).
    pub primary: usize,
    /// Wage per hour of a round.
    pub wage_per_hour: f64,
}

/// A pool of identical station units.
#[derive(Clone, Debug)]
pub struct Station {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Units in the pool.
    pub count: u32,
}

/// An ingredient and its reordering.
#[derive(Clone, Debug)]
pub struct Ingredient {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Price of one unit.
    pub unit_cost: f64,
    /// Stock at the start.
    pub initial_stock: u32,
    /// Reorder when stock on hand plus on order falls to this.
    pub reorder_point: u32,
    /// Lot size of a reorder.
    pub reorder_qty: u32,
    /// The supplier's lead time.
    pub lead_time: Dist,
}

/// A step of the process.
#[derive(Clone, Debug)]
pub struct Step {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The skill it needs (index).
    pub skill: usize,
    /// The station it needs a unit of (index), if any.
    pub station: Option<usize>,
    /// The chance of finding each latent defect, if the step inspects.
    pub inspects: Option<f64>,
    /// Extra time when a worker switches to this step.
    pub changeover: Option<Dist>,
}

/// A product and its routing.
#[derive(Clone, Debug)]
pub struct Product {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What an order pays when delivered on time.
    pub price: f64,
    /// A custom cake.
    pub custom: bool,
    /// Penalty per hour late (capped at the price).
    pub late_penalty_per_hour: f64,
    /// The customer cancels this long after the due time.
    pub cancel_after_late: Option<SimTime>,
    /// Chance of a spec change while in production.
    pub spec_change_prob: f64,
    /// Position in the routing that a spec change sends an order back to.
    pub spec_pos: usize,
    /// Chance that the customer notices a latent defect.
    pub customer_detects: f64,
    /// The steps in order.
    pub routing: Vec<Operation>,
}

/// One step of a routing.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// The step (index).
    pub step: usize,
    /// Worker time at skill level 1.
    pub duration: Dist,
    /// Station time after the worker's part.
    pub unattended: Option<Dist>,
    /// Chance of a latent defect from this step's own work.
    pub defect_prob: f64,
    /// (ingredient index, quantity) taken at the start.
    pub ingredients: Vec<(usize, u32)>,
}

/// A source of orders.
#[derive(Clone, Debug)]
pub enum Demand {
    /// Random arrivals.
    Poisson {
        /// The product (index).
        product: usize,
        /// Arrivals per hour before the round factor.
        per_hour: f64,
        /// Rate factor per round (missing rounds use 1).
        round_factors: Vec<f64>,
        /// Time from arrival to due.
        due_in: Dist,
    },
    /// Orders at set times.
    Scheduled {
        /// The product (index).
        product: usize,
        /// (round, minute into the round), sorted.
        at: Vec<(u32, f64)>,
        /// Time from arrival to due.
        due_in: Dist,
    },
}

impl Demand {
    /// The product the source orders.
    pub fn product(&self) -> usize {
        match self {
            Demand::Poisson { product, .. } | Demand::Scheduled { product, .. } => *product,
        }
    }
}

/// How handoffs across one kind of boundary go.
#[derive(Clone, Debug)]
pub struct HandoffParams {
    /// Time in transit.
    pub delay: Dist,
    /// Chance the receiver misunderstands the order.
    pub miscommunication: f64,
    /// For custom orders, chance of a question to the sending unit.
    pub question: f64,
}

/// How a practice changes handoffs.
#[derive(Clone, Debug, Default)]
pub struct Effect {
    /// On handoffs between units.
    pub cross_unit: Multipliers,
    /// On handoffs within a unit.
    pub within_unit: Multipliers,
}

/// Coordination between and within units.
#[derive(Clone, Debug)]
pub struct Coordination {
    /// Handoffs between units.
    pub cross_unit: HandoffParams,
    /// Handoffs within a unit.
    pub within_unit: HandoffParams,
    /// Time someone spends answering a question.
    pub answer_time: Dist,
    /// With `Helping::Anyone`, how long a task waits before a worker of another unit may take it.
    pub help_after: SimTime,
    /// When the sending or receiving unit has a boundary spanner.
    pub spanner: Effect,
    /// With a shared board.
    pub shared_board: Effect,
    /// With stand-ups of each unit.
    pub unit_standup: Effect,
    /// With stand-ups of the whole factory.
    pub factory_standup: Effect,
    /// Boundary spanners' duty: a session every `.0`, lasting `.1` (zero: no duty).
    pub spanning: (SimTime, SimTime),
    /// With a shared board: extra worker time per task.
    pub board_upkeep: SimTime,
    /// Over how long a stand-up's effect fades to nothing after it ends.
    pub standup_fade: SimTime,
}

/// An organisation design.
#[derive(Clone, Debug)]
pub struct Design {
    /// Its name (unique).
    pub name: String,
    /// Its name as the room reads it.
    pub title: String,
    /// What it is like.
    pub description: String,
    /// Its units; every worker is in one.
    pub units: Vec<Unit>,
    /// Its boundary spanners (worker indices).
    pub spanners: Vec<usize>,
    /// Its practices.
    pub practices: Practices,
}

/// A unit of a design.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Id within the design.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Members (worker indices).
    pub members: Vec<usize>,
    /// The steps it owns (indices).
    pub steps: Vec<usize>,
}

/// A disruption at a set time.
#[derive(Clone, Debug)]
pub struct Scheduled {
    /// The disruption (a palette entry; copies get `#2`, `#3` added to their ids).
    pub spec: DisruptionSpec,
    /// 1-based round.
    pub round: u32,
    /// Minute of the round.
    pub minute: f64,
    /// The teams it hits.
    pub target: Target,
    /// Line and column of the target in the scenario file.
    pub target_at: Option<(usize, usize)>,
}

/// An id as a name, where the scenario gives none: "cross_functional" reads "Cross functional".
pub fn humanize(id: &str) -> String {
    let spaced = id.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

impl Model {
    /// The title of the design called `name` (the name itself if there is none).
    pub fn design_title<'a>(&'a self, name: &'a str) -> &'a str {
        self.designs
            .iter()
            .find(|d| d.name == name)
            .map_or(name, |d| d.title.as_str())
    }

    /// The index of the design called `name`.
    pub fn design_index(&self, name: &str) -> Option<usize> {
        self.designs.iter().position(|d| d.name == name)
    }
    /// The index of worker `id`.
    pub fn worker_index(&self, id: &str) -> Option<usize> {
        self.workers.iter().position(|w| w.id == id)
    }
    /// The index of step `id`.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
    /// The index of product `id`.
    pub fn product_index(&self, id: &str) -> Option<usize> {
        self.products.iter().position(|p| p.id == id)
    }
    /// The index of station `id`.
    pub fn station_index(&self, id: &str) -> Option<usize> {
        self.stations.iter().position(|s| s.id == id)
    }
    /// The index of ingredient `id`.
    pub fn ingredient_index(&self, id: &str) -> Option<usize> {
        self.ingredients.iter().position(|s| s.id == id)
    }

    /// The extra arrivals a demand surge of `factor` brings in round `round` (1-based): for each random
    /// source of the listed products (all when empty), the product, the extra orders per minute (those with
    /// none left out) and the source's due-in time.
    pub fn surge_rates(
        &self,
        products: &[String],
        factor: f64,
        round: u32,
    ) -> Vec<(usize, f64, &Dist)> {
        let r = round.saturating_sub(1) as usize;
        self.demand
            .iter()
            .filter_map(|d| match d {
                Demand::Poisson {
                    product,
                    per_hour,
                    round_factors,
                    due_in,
                } if products.is_empty() || products.contains(&self.products[*product].id) => {
                    let rf = round_factors.get(r).copied().unwrap_or(1.0);
                    Some((*product, per_hour * rf * (factor - 1.0) / 60.0, due_in))
                }
                _ => None,
            })
            .filter(|(_, rate, _)| *rate > 0.0)
            .collect()
    }

    /// The name of team `i`.
    pub fn team_name(&self, i: usize) -> String {
        self.team_name_in(i, crate::i18n::Lang::En)
    }

    /// Team `i`'s name as the room reads it in `lang`: the scenario's (translated where it gives one), else
    /// "Team N" in that language.
    pub fn team_name_in(&self, i: usize, lang: crate::i18n::Lang) -> String {
        self.team_names.get(i).map_or_else(
            || crate::t!(lang, "team-number", number = i + 1),
            |n| self.lexicon.say(lang, n).to_string(),
        )
    }
}
