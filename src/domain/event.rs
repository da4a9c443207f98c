//! Domain events: everything that happens in a session, in time order. Metrics, the event log, the debrief and
//! replays are all computed from these.
//!
//! Workers, steps, products, stations and ingredients are referred to by their index in the tables of the
//! `SessionStarted` event; units by their index in the factory's latest `Organisation` event. Times are
//! milliseconds of simulated time since the session started.

use bevy::prelude::Message;
use serde::{Deserialize, Serialize};

use super::command::Command;
use super::{DisruptionSpec, Practices, SimTime};

/// One event: when, in which factory (absent for session-wide events) and what.
#[derive(Message, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimEvent {
    pub t: SimTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factory: Option<u16>,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// An order's identity: demand orders count up from 0 in arrival order (identical in every factory); orders
/// created by disruptions (rush orders, surges) have ids from [`DISRUPTION_ORDER_BASE`] up.
pub type OrderId = u64;
pub const DISRUPTION_ORDER_BASE: u64 = 1 << 40;

/// Where a defect came from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DefectCause {
    /// The receiver of a handoff misunderstood the order.
    Miscommunication,
    /// A step's own work was faulty.
    Process,
}

/// Who found a defect.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FoundBy {
    Inspection,
    Customer,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LossReason {
    /// The customer cancelled: the cake was too late.
    Cancelled,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterruptReason {
    WorkerAbsent,
    StationDown,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CostKind {
    Wages,
    Fixed,
    Ingredients,
    Expedite,
}

/// A unit as it stands in an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitInfo {
    pub id: String,
    pub name: String,
    pub members: Vec<u16>,
    pub steps: Vec<u16>,
}

/// A factory's organisation: its design, units, spanners and practices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgInfo {
    pub design: String,
    pub units: Vec<UnitInfo>,
    pub spanners: Vec<u16>,
    pub practices: Practices,
}

/// Names behind the indices used by other events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Tables {
    pub factories: Vec<String>,
    pub workers: Vec<String>,
    pub skills: Vec<String>,
    pub steps: Vec<String>,
    pub products: Vec<String>,
    pub stations: Vec<String>,
    pub ingredients: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventKind {
    // ----- session -----
    /// First event of every log.
    SessionStarted {
        scenario: String,
        seed: u64,
        rounds: u32,
        round_minutes: f64,
        tables: Box<Tables>,
    },
    RoundStarted {
        round: u32,
    },
    RoundEnded {
        round: u32,
    },
    SessionEnded,
    CommandApplied {
        command: Box<Command>,
    },
    CommandRejected {
        command: Box<Command>,
        reason: String,
    },

    // ----- organisation (per factory) -----
    /// The factory's organisation now: emitted at start and after every change.
    Organisation(Box<OrgInfo>),
    /// A design chosen during a round that will apply at the next round start.
    DesignPending {
        design: String,
    },

    // ----- orders -----
    OrderReceived {
        order: OrderId,
        product: u16,
        due: SimTime,
        price: f64,
        custom: bool,
        rush: bool,
    },
    /// A task entered the queue of a unit (after arrival or a handoff); the wait for a worker starts here.
    TaskReady {
        order: OrderId,
        step: u16,
        unit: u16,
    },
    /// A task waits outside a step because the step is at its WIP limit.
    Blocked {
        order: OrderId,
        step: u16,
    },
    TaskStarted {
        order: OrderId,
        step: u16,
        worker: u16,
        unit: u16,
        /// The step is being done again because of a defect or a spec change.
        rework: bool,
        /// The worker is helping another unit.
        help: bool,
        /// Changeover time included in the task (the worker's previous task was another step).
        setup_ms: u64,
    },
    /// The worker's part of a task is done (`work_ms` of their time); unattended station time may follow.
    TaskFinished {
        order: OrderId,
        step: u16,
        worker: u16,
        work_ms: u64,
    },
    /// Unattended station time (e.g. baking) ended.
    ProcessFinished {
        order: OrderId,
        step: u16,
        process_ms: u64,
    },
    /// A task stopped before its end; `worker` is who was working on it (none for unattended station time).
    TaskInterrupted {
        order: OrderId,
        step: u16,
        worker: Option<u16>,
        reason: InterruptReason,
    },
    /// An order moves on to its next step (or back to an earlier one for rework).
    Handoff {
        order: OrderId,
        from_step: u16,
        to_step: u16,
        from_unit: u16,
        to_unit: u16,
        from_worker: u16,
        cross_unit: bool,
        delay_ms: u64,
        rework: bool,
    },
    QuestionAsked {
        order: OrderId,
        step: u16,
        asker: u16,
        to_unit: u16,
    },
    AnswerStarted {
        order: OrderId,
        answerer: u16,
    },
    QuestionAnswered {
        order: OrderId,
        asker: u16,
        answerer: u16,
    },
    HelpGiven {
        order: OrderId,
        step: u16,
        helper: u16,
        unit: u16,
        /// The owning unit's worker most skilled at the step: the other end of the tie.
        tie_with: u16,
    },
    DefectFound {
        order: OrderId,
        step: u16,
        origin_step: u16,
        cause: DefectCause,
        by: FoundBy,
    },
    SpecChanged {
        order: OrderId,
        rework: bool,
    },
    OrderDelivered {
        order: OrderId,
        lead_ms: u64,
        late_ms: u64,
        touch_ms: u64,
        revenue: f64,
        penalty: f64,
    },
    OrderLost {
        order: OrderId,
        reason: LossReason,
    },
    Expedited {
        order: OrderId,
    },

    // ----- people, stations, stock -----
    MeetingStarted {
        unit: Option<u16>,
    },
    MeetingEnded {
        unit: Option<u16>,
        attendees: Vec<u16>,
    },
    StationDown {
        station: u16,
        units: u32,
        until: SimTime,
    },
    StationUp {
        station: u16,
        units: u32,
    },
    WorkerAbsent {
        worker: u16,
        until: SimTime,
    },
    WorkerReturned {
        worker: u16,
    },
    StockOrdered {
        ingredient: u16,
        qty: u32,
        eta: SimTime,
    },
    StockArrived {
        ingredient: u16,
        qty: u32,
    },
    StockOut {
        ingredient: u16,
    },
    Cost {
        kind: CostKind,
        amount: f64,
    },

    // ----- disruptions -----
    DisruptionStarted {
        spec: Box<DisruptionSpec>,
    },
    DisruptionEnded {
        id: String,
    },
    RushOffered {
        offer: u32,
        disruption: String,
        product: u16,
        quantity: u32,
        due: SimTime,
        price: f64,
        decide_by: SimTime,
    },
    RushAnswered {
        offer: u32,
        accepted: bool,
        by_default: bool,
    },
}

impl EventKind {
    /// The variant's name (as in the `type` field of the JSON log).
    pub fn name(&self) -> &'static str {
        macro_rules! names {
            ($($v:ident),*) => {
                match self { $(EventKind::$v { .. } => stringify!($v),)* }
            };
        }
        names!(
            SessionStarted,
            RoundStarted,
            RoundEnded,
            SessionEnded,
            CommandApplied,
            CommandRejected,
            Organisation,
            DesignPending,
            OrderReceived,
            TaskReady,
            Blocked,
            TaskStarted,
            TaskFinished,
            ProcessFinished,
            TaskInterrupted,
            Handoff,
            QuestionAsked,
            AnswerStarted,
            QuestionAnswered,
            HelpGiven,
            DefectFound,
            SpecChanged,
            OrderDelivered,
            OrderLost,
            Expedited,
            MeetingStarted,
            MeetingEnded,
            StationDown,
            StationUp,
            WorkerAbsent,
            WorkerReturned,
            StockOrdered,
            StockArrived,
            StockOut,
            Cost,
            DisruptionStarted,
            DisruptionEnded,
            RushOffered,
            RushAnswered
        )
    }
}

#[cfg(test)]
mod tests {
    /// Events are copied several times on their way out: keep them small (big payloads are boxed).
    #[test]
    fn events_stay_small() {
        assert!(std::mem::size_of::<super::SimEvent>() <= 80);
    }
}
