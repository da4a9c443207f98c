//! Working practices a team chooses for its factory: stand-ups, a shared board, WIP limits, helping and queue
//! priority.

use serde::{Deserialize, Serialize};

use super::{Invalid, Pairs};
use crate::i18n::Lang;
use crate::i18n::Lang::En;
use crate::t;

/// Who may pick up a task.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Helping {
    /// Specialists stay in their lane: a worker only does steps their unit owns that need their primary
    /// (highest-level) skill.
    None,
    /// A worker does any step their unit owns for which they have the skill.
    #[default]
    OwnUnit,
    /// As `OwnUnit`, and an idle worker also helps other units with any task they have the skill for.
    Anyone,
}

/// The order in which queued tasks are taken (expedited orders always go first).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Priority {
    /// First in, first out: by the time the task became ready.
    #[default]
    Fifo,
    /// Earliest due date first.
    EarliestDue,
}

impl Helping {
    /// Who may take a task, in words.
    pub fn words(self, lang: Lang) -> String {
        match self {
            Helping::None => t!(lang, "helping-none"),
            Helping::OwnUnit => t!(lang, "helping-own-unit"),
            Helping::Anyone => t!(lang, "helping-anyone"),
        }
    }
}

impl Priority {
    /// The queue order, in words.
    pub fn words(self, lang: Lang) -> String {
        match self {
            Priority::Fifo => t!(lang, "priority-fifo"),
            Priority::EarliestDue => t!(lang, "priority-earliest-due"),
        }
    }
}

/// Whom a stand-up meeting gathers.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StandupScope {
    /// Each unit meets on its own.
    #[default]
    Unit,
    /// The whole factory meets together.
    Factory,
}

/// A regular stand-up meeting. Members join when they finish their current task and are busy until it ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standup {
    /// Minutes from one meeting's start to the next; the first starts at minute 0 of each round.
    pub every_min: f64,
    /// Length of the meeting in minutes.
    pub duration_min: f64,
    /// Who meets.
    #[serde(default)]
    pub scope: StandupScope,
}

/// The practices of an organisation design.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practices {
    /// Regular stand-up meetings, if any.
    #[serde(default)]
    pub standup: Option<Standup>,
    /// A visible board of every order's status (changes coordination parameters as the scenario defines).
    #[serde(default)]
    pub shared_board: bool,
    /// Maximum orders in a step at once (queued, in work or waiting for an answer), by step id.
    #[serde(default)]
    pub wip_limits: Pairs<String, u32>,
    /// Who may take a task.
    #[serde(default)]
    pub helping: Helping,
    /// The order queued tasks are taken in.
    #[serde(default)]
    pub priority: Priority,
}

/// One change to a factory's practices, as a team decides it during play.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PracticeChange {
    /// Start (`Some`) or stop (`None`) stand-ups.
    Standup(Option<Standup>),
    /// Use a shared board or not.
    SharedBoard(bool),
    /// Set (`Some`) or remove (`None`) the WIP limit of a step.
    WipLimit {
        /// The step.
        step: String,
        /// The most orders allowed in it at once.
        limit: Option<u32>,
    },
    /// Who may take a task.
    Helping(Helping),
    /// The order queued tasks are taken in.
    Priority(Priority),
}

impl Standup {
    /// Checks the numbers: a positive interval and a meeting shorter than it.
    pub fn check(&self) -> Result<(), Invalid> {
        if !(self.every_min.is_finite() && self.every_min > 0.0 && self.every_min <= 1e7) {
            return Err(Invalid::field(
                "every_min",
                t!(
                    En,
                    "problem-standup-every",
                    got = self.every_min.to_string()
                ),
            ));
        }
        if !(self.duration_min.is_finite()
            && self.duration_min > 0.0
            && self.duration_min < self.every_min)
        {
            return Err(Invalid::field(
                "duration_min",
                t!(
                    En,
                    "problem-standup-duration",
                    duration = self.duration_min.to_string(),
                    every = self.every_min.to_string()
                ),
            ));
        }
        Ok(())
    }
}
