//! The scenario file format (RON): the types a facilitator or researcher writes, with source positions kept for
//! validation. Every struct rejects unknown fields. Times are in simulated minutes.

use serde::{Deserialize, Serialize};

use super::spanned::Spanned;
use crate::domain::{DisruptionSpec, Dist, Pairs, Practices, Target};
use crate::i18n::Text;

/// An identifier or a reference to one, with its place in the file.
pub type Id = Spanned<String>;

fn default_teams() -> Spanned<u32> {
    Spanned::new(4)
}

/// A whole scenario: the factory every team gets, the market, the designs to choose from and the disruptions.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scenario")]
pub struct ScenarioFile {
    /// The scenario's title.
    pub name: Text,
    /// What it is about (shown in the lobby).
    #[serde(default)]
    pub description: Text,
    /// Number of rounds.
    pub rounds: Spanned<u32>,
    /// Length of each round in simulated minutes.
    pub round_minutes: Spanned<f64>,
    /// Number of teams (factories) when none is given on the command line.
    #[serde(default = "default_teams")]
    pub teams: Spanned<u32>,
    /// Team names; missing ones are called "Team N".
    #[serde(default)]
    pub team_names: Vec<Text>,
    /// The design every team starts with.
    pub default_design: Id,
    /// Market news shown before each round (one entry per round, may be shorter).
    #[serde(default)]
    pub briefings: Vec<Text>,
    /// The skills workers may have (ids).
    pub skills: Spanned<Vec<Id>>,
    /// The people of every factory.
    pub workers: Spanned<Vec<Spanned<WorkerFile>>>,
    /// The station pools.
    #[serde(default)]
    pub stations: Spanned<Vec<Spanned<StationFile>>>,
    /// The ingredients in store.
    #[serde(default)]
    pub ingredients: Spanned<Vec<Spanned<IngredientFile>>>,
    /// The steps of the process.
    pub steps: Spanned<Vec<Spanned<StepFile>>>,
    /// What the factories make.
    pub products: Spanned<Vec<Spanned<ProductFile>>>,
    /// Where orders come from.
    pub demand: Spanned<Vec<Spanned<DemandFile>>>,
    /// How handoffs between and within units go, and what practices change.
    #[serde(default)]
    pub coordination: Spanned<CoordinationFile>,
    /// Fixed and expedite costs.
    #[serde(default)]
    pub economics: Spanned<EconomicsFile>,
    /// The organisation designs teams choose from.
    pub designs: Spanned<Vec<Spanned<DesignFile>>>,
    /// Disruptions that happen at a set time in every run.
    #[serde(default)]
    pub schedule: Spanned<Vec<Spanned<ScheduledFile>>>,
    /// Disruptions the facilitator may inject live (and the schedule refers to).
    #[serde(default)]
    pub palette: Spanned<Vec<Spanned<DisruptionSpec>>>,
    /// How far the facilitator may change a palette entry's numbers before injecting it: each between
    /// `min_factor` and `max_factor` times the palette's value.
    #[serde(default)]
    pub palette_limits: Spanned<PaletteLimits>,
}

/// How far the facilitator may scale a palette entry's numbers.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaletteLimits {
    /// The smallest factor (0 < min_factor <= 1).
    pub min_factor: f64,
    /// The largest factor (1 <= max_factor <= 100).
    pub max_factor: f64,
}

impl Default for PaletteLimits {
    fn default() -> Self {
        PaletteLimits {
            min_factor: 0.5,
            max_factor: 2.0,
        }
    }
}

/// A person.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Worker")]
pub struct WorkerFile {
    /// Id (unique).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// Skill levels: 1.0 is a trained specialist; a task takes its sampled duration divided by the level.
    pub skills: Pairs<Id, Spanned<f64>>,
    /// Wage per hour of a round.
    #[serde(default)]
    pub wage_per_hour: Spanned<f64>,
}

/// A pool of identical stations (ovens, decorating tables, vans); each unit serves one task at a time.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Station")]
pub struct StationFile {
    /// Id (unique).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// Units in the pool (1..1000).
    pub count: Spanned<u32>,
}

/// An ingredient and how it is reordered.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Ingredient")]
pub struct IngredientFile {
    /// Id (unique).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// Price of one unit.
    pub unit_cost: Spanned<f64>,
    /// Stock at the start.
    pub initial_stock: Spanned<u32>,
    /// When stock on hand plus on order falls to this level, `reorder_qty` more is ordered.
    pub reorder_point: Spanned<u32>,
    /// Lot size of a reorder (at least 1).
    pub reorder_qty: Spanned<u32>,
    /// Supplier lead time in minutes.
    pub lead_time: Spanned<Dist>,
}

/// A step of the process (intake, design, baking, ...): who can do it and what it needs.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Step")]
pub struct StepFile {
    /// Id (unique).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// The skill the step needs.
    pub skill: Id,
    /// A station the step needs a unit of while it is done.
    #[serde(default)]
    pub station: Option<Id>,
    /// A quality check: the chance of finding each latent defect of an order passing through.
    #[serde(default)]
    pub inspects: Option<Spanned<f64>>,
    /// Changeover: extra worker time (not scaled by skill) when the worker's previous task was another step
    /// (or this is their first task of the session): setting up, getting into the task.
    #[serde(default)]
    pub changeover: Option<Spanned<Dist>>,
}

/// A product and its routing.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Product")]
pub struct ProductFile {
    /// Id (unique).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// What an order pays when delivered on time.
    pub price: Spanned<f64>,
    /// Custom cakes need design work, may raise questions at handoffs and may have their spec changed.
    #[serde(default)]
    pub custom: bool,
    /// Penalty per hour of lateness (capped at the price).
    #[serde(default)]
    pub late_penalty_per_hour: Spanned<f64>,
    /// The customer cancels this long after the due time if the cake has not arrived (never when absent).
    #[serde(default)]
    pub cancel_after_late_min: Option<Spanned<f64>>,
    /// Chance that a customer changes the spec while the order is in production (custom products).
    #[serde(default)]
    pub spec_change_prob: Spanned<f64>,
    /// The step an order returns to when its spec changes (defaults to the routing's second step).
    #[serde(default)]
    pub spec_step: Option<Id>,
    /// Chance that the customer notices a latent defect on delivery (the cake comes back for rework).
    #[serde(default)]
    pub customer_detects: Spanned<f64>,
    /// The steps an order goes through, in order.
    pub routing: Vec<Spanned<OperationFile>>,
}

/// One step of a product's routing.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Operation")]
pub struct OperationFile {
    /// The step.
    pub step: Id,
    /// Worker time in minutes (for a skill level of 1.0).
    pub duration: Spanned<Dist>,
    /// Station time after the worker's part, with the worker free (e.g. baking in the oven).
    #[serde(default)]
    pub unattended: Option<Spanned<Dist>>,
    /// Chance that this step's own work leaves a latent defect.
    #[serde(default)]
    pub defect_prob: Spanned<f64>,
    /// Ingredients taken from stock when the step starts.
    #[serde(default)]
    pub ingredients: Pairs<Id, Spanned<u32>>,
}

/// A source of orders.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Demand")]
pub enum DemandFile {
    /// Orders arrive at random (a Poisson process) at `per_hour`, times the round's factor.
    Poisson {
        /// The product ordered.
        product: Id,
        /// Orders per hour.
        per_hour: Spanned<f64>,
        /// Rate multiplier per round (missing rounds use 1.0).
        #[serde(default)]
        round_factors: Vec<Spanned<f64>>,
        /// Time from arrival to due, in minutes.
        due_in: Spanned<Dist>,
    },
    /// Orders at fixed times: `(round, minute)` pairs.
    Scheduled {
        /// The product ordered.
        product: Id,
        /// When: `(round, minute)` pairs.
        at: Vec<Spanned<(u32, f64)>>,
        /// Time from arrival to due, in minutes.
        due_in: Spanned<Dist>,
    },
}

/// Handoff parameters for one kind of boundary.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Handoff")]
pub struct HandoffFile {
    /// Time the order spends in transit between the steps.
    pub delay: Spanned<Dist>,
    /// Chance that the receiver misunderstands the order (a latent defect, found later, causes rework).
    #[serde(default)]
    pub miscommunication: Spanned<f64>,
    /// For custom orders: chance that the receiver must ask the sender's unit a question first.
    #[serde(default)]
    pub question: Spanned<f64>,
}

impl Default for HandoffFile {
    fn default() -> Self {
        HandoffFile {
            delay: Spanned::new(Dist::Fixed(0.0)),
            miscommunication: Spanned::new(0.0),
            question: Spanned::new(0.0),
        }
    }
}

/// Multipliers applied to handoff parameters while a practice is in use.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Multipliers {
    /// Factor on the transit time.
    #[serde(default = "one")]
    pub delay: f64,
    /// Factor on the chance of miscommunication.
    #[serde(default = "one")]
    pub miscommunication: f64,
    /// Factor on the chance of a question.
    #[serde(default = "one")]
    pub question: f64,
}

fn one() -> f64 {
    1.0
}

impl Default for Multipliers {
    fn default() -> Self {
        Multipliers {
            delay: 1.0,
            miscommunication: 1.0,
            question: 1.0,
        }
    }
}

/// How a practice changes cross-unit and within-unit handoffs.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Effect")]
pub struct EffectFile {
    /// On handoffs between units.
    #[serde(default)]
    pub cross_unit: Multipliers,
    /// On handoffs within a unit.
    #[serde(default)]
    pub within_unit: Multipliers,
}

/// What each practice does to handoffs.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Effects")]
pub struct EffectsFile {
    /// Applies to a handoff when the sending or receiving unit has a boundary spanner.
    #[serde(default)]
    pub spanner: Spanned<EffectFile>,
    /// While the team uses a shared board.
    #[serde(default)]
    pub shared_board: Spanned<EffectFile>,
    /// While units hold their own stand-ups.
    #[serde(default)]
    pub unit_standup: Spanned<EffectFile>,
    /// While the whole factory holds stand-ups.
    #[serde(default)]
    pub factory_standup: Spanned<EffectFile>,
}

/// Coordination between and within units.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Coordination")]
pub struct CoordinationFile {
    /// Handoffs between units.
    #[serde(default)]
    pub cross_unit: Spanned<HandoffFile>,
    /// Handoffs within a unit.
    #[serde(default)]
    pub within_unit: Spanned<HandoffFile>,
    /// Time someone in the asked unit spends answering a question.
    #[serde(default = "default_answer")]
    pub answer_time: Spanned<Dist>,
    /// With helping `Anyone`: minutes a task waits before someone from another unit may take it over.
    #[serde(default = "default_help_after")]
    pub help_after_min: Spanned<f64>,
    /// What practices change.
    #[serde(default)]
    pub effects: EffectsFile,
    /// The time boundary spanners spend spanning: while present, a session of `duration_min` every
    /// `every_min` (coordinating, keeping in touch with the units they link), away from tasks.
    #[serde(default = "default_spanning")]
    pub spanning: Spanned<DutyFile>,
    /// With a shared board: minutes each task takes longer to keep the board up to date.
    #[serde(default = "default_board_upkeep")]
    pub board_upkeep_min: Spanned<f64>,
    /// A stand-up's effect on handoffs fades linearly to nothing over this many minutes after it ends.
    #[serde(default = "default_standup_fade")]
    pub standup_fade_min: Spanned<f64>,
}

/// A recurring duty: `duration_min` every `every_min`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Duty")]
pub struct DutyFile {
    /// Minutes from one session's start to the next (from each round's start).
    pub every_min: f64,
    /// Length of a session in minutes (0: no duty).
    pub duration_min: f64,
}

fn default_spanning() -> Spanned<DutyFile> {
    Spanned::new(DutyFile {
        every_min: 60.0,
        duration_min: 15.0,
    })
}

fn default_board_upkeep() -> Spanned<f64> {
    Spanned::new(1.0)
}

fn default_standup_fade() -> Spanned<f64> {
    Spanned::new(240.0)
}

fn default_help_after() -> Spanned<f64> {
    Spanned::new(10.0)
}

fn default_answer() -> Spanned<Dist> {
    Spanned::new(Dist::Fixed(5.0))
}

impl Default for CoordinationFile {
    fn default() -> Self {
        CoordinationFile {
            cross_unit: Spanned::default(),
            within_unit: Spanned::default(),
            answer_time: default_answer(),
            help_after_min: default_help_after(),
            effects: EffectsFile::default(),
            spanning: default_spanning(),
            board_upkeep_min: default_board_upkeep(),
            standup_fade_min: default_standup_fade(),
        }
    }
}

/// Costs besides wages and ingredients.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Economics")]
pub struct EconomicsFile {
    /// Rent, energy and the like, charged at the start of every round.
    #[serde(default)]
    pub fixed_cost_per_round: f64,
    /// Charged whenever a team expedites an order.
    #[serde(default)]
    pub expedite_cost: f64,
}

/// A named organisation design.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Design")]
pub struct DesignFile {
    /// Its name (unique).
    pub name: Id,
    /// Its name as the room reads it, e.g. "Cross-functional cells" (default: the name, with spaces for
    /// underscores and a capital first letter).
    #[serde(default)]
    pub title: Option<Text>,
    /// What it is like (shown to the teams).
    #[serde(default)]
    pub description: Text,
    /// Its units; every worker belongs to exactly one.
    pub units: Vec<Spanned<UnitFile>>,
    /// Boundary spanners: they may answer any unit's questions and improve handoffs of their unit.
    #[serde(default)]
    pub spanners: Vec<Id>,
    /// The practices it starts with.
    #[serde(default)]
    pub practices: Spanned<Practices>,
}

/// A unit: a functional department or a cross-functional cell.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Unit")]
pub struct UnitFile {
    /// Id (unique in the design).
    pub id: Id,
    /// Display name (defaults to the id).
    #[serde(default)]
    pub name: Text,
    /// Its members (worker ids).
    pub members: Vec<Id>,
    /// The steps this unit owns. When several units own a step, an order stays with the unit it is already
    /// in, else goes to the one with the shortest queue.
    pub steps: Vec<Id>,
}

/// A palette disruption that happens at a set time.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scheduled")]
pub struct ScheduledFile {
    /// Id of a palette entry.
    pub disruption: Id,
    /// 1-based round.
    pub round: Spanned<u32>,
    /// Minute of the round.
    pub minute: Spanned<f64>,
    /// The teams it hits (`All` or `Factories([0, 2])`; 0 is the first team).
    #[serde(default)]
    pub target: Target,
}
