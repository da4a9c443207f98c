//! Commands: every change from outside the simulation (team decisions, facilitator actions, round control).
//! A command is applied at the start of a simulation tick, at the session's current time, and is recorded in
//! the event log as `CommandApplied` (or `CommandRejected` with the reason).

use bevy::prelude::Message;
use serde::{Deserialize, Serialize};

use super::{Curation, DisruptionSpec, PracticeChange, Target, Voice};

/// Every change from outside the simulation: round control, a team's decision, a facilitator's injection.
#[derive(Message, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Start the next round (between rounds only).
    StartRound,
    /// End the running round now, before its full length.
    EndRound,
    /// A team's decision for its own factory (`factory` is the team's index, 0 for the first).
    Team {
        /// The team's factory (0 for the first team).
        factory: u16,
        /// What it decided.
        action: TeamAction,
    },
    /// A facilitator injects a disruption into the targeted factories: now, or at `at_minute` of the current
    /// round if that is still ahead.
    Inject {
        /// The disruption (a palette entry, possibly with adjusted numbers).
        disruption: DisruptionSpec,
        /// The teams it hits.
        #[serde(default)]
        target: Target,
        /// The minute of the round it starts at (now when absent or past; between rounds, of the next round).
        #[serde(default)]
        at_minute: Option<f64>,
    },
    /// The live game's time to answer a rush offer ran out: the offer's default applies (logged as
    /// `RushAnswered` with `by_default`). Only sessions with live offers leave offers open for it.
    OfferLapsed {
        /// The team's factory.
        factory: u16,
        /// The offer's number in that factory.
        offer: u32,
    },
    /// A participant's own voice from their device (hopes and fears, a self-assessment, a dialogue answer,
    /// a commitment). It changes nothing in the factories; the journal and the log keep it.
    Voice {
        /// The participant's team.
        factory: u16,
        /// The participant: an id their device made up, which names nobody.
        participant: String,
        /// The name they chose to sign with ("" for anonymous, the default).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        signed: String,
        /// What they said.
        voice: Voice,
    },
    /// The facilitator curates the room's voices (clusters hopes and fears, pins answers and moments).
    Curate(Curation),
}

/// What a team can decide for its factory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TeamAction {
    /// Switch to a named design of the scenario at the next round start (at once between rounds).
    SetDesign(String),
    /// Move a worker to another unit of the current design (their current task is finished first).
    MoveWorker {
        /// The worker's id.
        worker: String,
        /// The unit's id.
        unit: String,
    },
    /// Appoint (`on: true`) or remove a boundary spanner.
    SetSpanner {
        /// The worker's id.
        worker: String,
        /// Appoint (`true`) or remove.
        on: bool,
    },
    /// Change one practice at once.
    SetPractice(PracticeChange),
    /// Give the ownership of a step to these units of the current design.
    AssignStep {
        /// The step's id.
        step: String,
        /// The units' ids (at least one).
        units: Vec<String>,
    },
    /// Put an order ahead of all others in every queue (costs the scenario's `expedite_cost`).
    Expedite {
        /// The order's id.
        order: u64,
    },
    /// Accept or decline a rush-order offer.
    RespondToOffer {
        /// The offer's number.
        offer: u32,
        /// Accept (`true`) or decline.
        accept: bool,
    },
}

impl Command {
    /// The factory a team command is for.
    pub fn factory(&self) -> Option<u16> {
        match self {
            Command::Team { factory, .. } => Some(*factory),
            _ => None,
        }
    }
}
