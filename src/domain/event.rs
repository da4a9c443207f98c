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
    /// When it happened (milliseconds since the session started).
    pub t: SimTime,
    /// The factory (team index) it happened in; absent for events of the whole session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factory: Option<u16>,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

/// An order's identity: demand orders count up from 0 in arrival order (identical in every factory); orders
/// created by disruptions (rush orders, surges) have ids from [`DISRUPTION_ORDER_BASE`] up.
pub type OrderId = u64;
/// The first id of orders created by disruptions.
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
    /// A step that inspects (quality check).
    Inspection,
    /// The customer, on delivery: the cake comes back.
    Customer,
}

/// Why an order left the factory undelivered.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LossReason {
    /// The customer cancelled: the cake was too late.
    Cancelled,
}

/// Why a task stopped before its end.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InterruptReason {
    /// The worker on it went away.
    WorkerAbsent,
    /// The station unit it used broke down.
    StationDown,
}

/// What a cost was for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CostKind {
    /// Every worker's wage for the time the round ran, paid at its end.
    Wages,
    /// The fixed cost of a round, paid at its end.
    Fixed,
    /// Ingredients ordered from the supplier.
    Ingredients,
    /// An expedited order.
    Expedite,
}

/// A unit as it stands in an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitInfo {
    /// The unit's id in its design.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its members (worker indices).
    pub members: Vec<u16>,
    /// The steps it owns (step indices).
    pub steps: Vec<u16>,
}

/// What a disruption cost a factory, measured against its twin: the same factory re-simulated from the
/// instant before the disruption without it (the same later commands, disruptions and random draws), over
/// `window_min` minutes of play from the disruption (one round's length, or up to the session's end).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImpactFigures {
    /// The disruption's id.
    pub id: String,
    /// Minutes of play compared.
    pub window_min: f64,
    /// Deliveries the twin made in the window minus those the factory made (negative: it gained some).
    pub deliveries_lost: i64,
    /// Late deliveries the factory made in the window minus the twin's.
    pub late_added: i64,
    /// The twin's profit in the window minus the factory's (revenue after penalties, less costs).
    pub profit_lost: f64,
    /// Minutes from the disruption until the gap in cumulative deliveries (twin minus factory) first
    /// reached its largest value in the window, after which it grew no more; 0 if the factory never fell
    /// behind its twin.
    pub settled_min: f64,
}

/// A factory's organisation: its design, units, spanners and practices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgInfo {
    /// The design's name.
    pub design: String,
    /// Its units; later events refer to them by index.
    pub units: Vec<UnitInfo>,
    /// The boundary spanners (worker indices).
    pub spanners: Vec<u16>,
    /// The practices in use.
    pub practices: Practices,
}

/// Names behind the indices used by other events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Tables {
    /// Team names, by factory index.
    pub factories: Vec<String>,
    /// Worker ids.
    pub workers: Vec<String>,
    /// Skill ids.
    pub skills: Vec<String>,
    /// Step ids.
    pub steps: Vec<String>,
    /// Product ids.
    pub products: Vec<String>,
    /// Station ids.
    pub stations: Vec<String>,
    /// Ingredient ids.
    pub ingredients: Vec<String>,
    /// Worker names as the room knows them, by index (absent in older logs: the ids stand in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worker_names: Vec<String>,
    /// Step names, by index (absent in older logs: the ids stand in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step_names: Vec<String>,
}

impl Tables {
    /// Worker `w`'s name (its id when the log has no names).
    pub fn worker_name(&self, w: usize) -> &str {
        self.worker_names
            .get(w)
            .or_else(|| self.workers.get(w))
            .map_or("?", String::as_str)
    }

    /// Step `s`'s name (its id when the log has no names).
    pub fn step_name(&self, s: usize) -> &str {
        self.step_names
            .get(s)
            .or_else(|| self.steps.get(s))
            .map_or("?", String::as_str)
    }
}

/// What happened. In the JSON log each event is an object with its `type` (the variant's name), `t`,
/// `factory` and the fields below.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum EventKind {
    // ----- session -----
    /// First event of every log.
    SessionStarted {
        /// The scenario's name.
        scenario: String,
        /// The seed of every random stream.
        seed: u64,
        /// Rounds in the session.
        rounds: u32,
        /// A round's full length.
        round_minutes: f64,
        /// Rush offers wait for an answer or an `OfferLapsed` command (the live game); absent: they close
        /// at their deadline.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        live_offers: bool,
        /// The names behind the indices other events use.
        tables: Box<Tables>,
    },
    /// A round starts (for every factory).
    RoundStarted {
        /// 1-based round.
        round: u32,
    },
    /// A round ends, at its full length or by the facilitator.
    RoundEnded {
        /// 1-based round.
        round: u32,
    },
    /// The last round ended.
    SessionEnded,
    /// A command was applied now.
    CommandApplied {
        /// The command as given.
        command: Box<Command>,
    },
    /// A command was not applied; nothing changed.
    CommandRejected {
        /// The command as given.
        command: Box<Command>,
        /// Why, in the user's words.
        reason: String,
    },

    // ----- organisation (per factory) -----
    /// The factory's organisation now: emitted at start and after every change.
    Organisation(Box<OrgInfo>),
    /// A design chosen during a round that will apply at the next round start.
    DesignPending {
        /// The design's name.
        design: String,
    },

    // ----- orders -----
    /// An order arrived.
    OrderReceived {
        /// Its id.
        order: OrderId,
        /// Its product (index).
        product: u16,
        /// When it is due.
        due: SimTime,
        /// What it pays when delivered on time.
        price: f64,
        /// A custom cake (design work, questions, spec changes).
        custom: bool,
        /// It came from an accepted rush offer.
        rush: bool,
    },
    /// A task entered the queue of a unit (after arrival or a handoff); the wait for a worker starts here.
    TaskReady {
        /// The order.
        order: OrderId,
        /// The step (index).
        step: u16,
        /// The unit whose queue it is in (index in the latest organisation).
        unit: u16,
    },
    /// A task waits outside a step because the step is at its WIP limit.
    Blocked {
        /// The order.
        order: OrderId,
        /// The full step.
        step: u16,
    },
    /// A worker started a task.
    TaskStarted {
        /// The order.
        order: OrderId,
        /// The step.
        step: u16,
        /// The worker.
        worker: u16,
        /// The unit whose task it is.
        unit: u16,
        /// The step is being done again because of a defect or a spec change.
        rework: bool,
        /// The worker is helping another unit.
        help: bool,
        /// Changeover time included in the task (the worker's previous task was another step).
        setup_ms: u64,
        /// Time included for keeping the shared board up to date.
        #[serde(default)]
        board_ms: u64,
    },
    /// The worker's part of a task is done (`work_ms` of their time); unattended station time may follow.
    TaskFinished {
        /// The order.
        order: OrderId,
        /// The step.
        step: u16,
        /// The worker.
        worker: u16,
        /// The worker's time on it.
        work_ms: u64,
    },
    /// Unattended station time (e.g. baking) ended.
    ProcessFinished {
        /// The order.
        order: OrderId,
        /// The step.
        step: u16,
        /// The station time.
        process_ms: u64,
    },
    /// A task stopped before its end; `worker` is who was working on it (none for unattended station time).
    TaskInterrupted {
        /// The order.
        order: OrderId,
        /// The step.
        step: u16,
        /// The worker on it, if any.
        worker: Option<u16>,
        /// Why it stopped.
        reason: InterruptReason,
    },
    /// An order moves on to its next step (or back to an earlier one for rework).
    Handoff {
        /// The order.
        order: OrderId,
        /// The step it leaves.
        from_step: u16,
        /// The step it goes to.
        to_step: u16,
        /// The unit it leaves.
        from_unit: u16,
        /// The unit that takes it.
        to_unit: u16,
        /// The worker who did the last task.
        from_worker: u16,
        /// The two units differ.
        cross_unit: bool,
        /// Time in transit before it reaches the next step.
        delay_ms: u64,
        /// It goes back to redo work.
        rework: bool,
    },
    /// The receiver of a custom order must ask the sending unit a question before working on it.
    QuestionAsked {
        /// The order.
        order: OrderId,
        /// The step that waits.
        step: u16,
        /// Who asks.
        asker: u16,
        /// The unit asked.
        to_unit: u16,
    },
    /// Someone started answering a question.
    AnswerStarted {
        /// The order.
        order: OrderId,
        /// Who answers.
        answerer: u16,
    },
    /// A question was answered; the order goes back to its queue.
    QuestionAnswered {
        /// The order.
        order: OrderId,
        /// Who asked.
        asker: u16,
        /// Who answered.
        answerer: u16,
    },
    /// A worker took a task of another unit.
    HelpGiven {
        /// The order.
        order: OrderId,
        /// The step.
        step: u16,
        /// Who helps.
        helper: u16,
        /// The unit helped.
        unit: u16,
    },
    /// A latent defect was found; the order goes back to the step it came from.
    DefectFound {
        /// The order.
        order: OrderId,
        /// Where it was found.
        step: u16,
        /// The step that caused it.
        origin_step: u16,
        /// What caused it.
        cause: DefectCause,
        /// Who found it.
        by: FoundBy,
    },
    /// A customer changed the spec of a custom order.
    SpecChanged {
        /// The order.
        order: OrderId,
        /// Work past the spec step must be redone.
        rework: bool,
    },
    /// An order was delivered.
    OrderDelivered {
        /// The order.
        order: OrderId,
        /// From arrival to delivery.
        lead_ms: u64,
        /// After the due time (0 when on time).
        late_ms: u64,
        /// Worker and station time spent on it.
        touch_ms: u64,
        /// Its price.
        revenue: f64,
        /// The late penalty taken off the price.
        penalty: f64,
    },
    /// An order left the factory undelivered.
    OrderLost {
        /// The order.
        order: OrderId,
        /// Why.
        reason: LossReason,
    },
    /// An order goes ahead of all others in every queue from now on.
    Expedited {
        /// The order.
        order: OrderId,
    },

    // ----- people, stations, stock -----
    /// A stand-up began: of one unit, or of the whole factory (`unit` absent).
    MeetingStarted {
        /// The unit meeting, or none for the whole factory.
        unit: Option<u16>,
    },
    /// A stand-up ended; `attendees` are those who came.
    MeetingEnded {
        /// The unit that met, or none for the whole factory.
        unit: Option<u16>,
        /// Who took part.
        attendees: Vec<u16>,
    },
    /// A boundary spanner began a spanning session (time spent linking units, away from tasks).
    SpanningStarted {
        /// The spanner.
        worker: u16,
    },
    /// A spanning session ended (at its time, or cut short by absence or the round's end).
    SpanningEnded {
        /// The spanner.
        worker: u16,
    },
    /// Units of a station broke down.
    StationDown {
        /// The station (index).
        station: u16,
        /// How many of its units.
        units: u32,
        /// Until when.
        until: SimTime,
    },
    /// Broken station units work again.
    StationUp {
        /// The station.
        station: u16,
        /// How many units.
        units: u32,
    },
    /// A worker is away.
    WorkerAbsent {
        /// The worker.
        worker: u16,
        /// Until when.
        until: SimTime,
    },
    /// A worker is back.
    WorkerReturned {
        /// The worker.
        worker: u16,
    },
    /// Ingredients were ordered from the supplier.
    StockOrdered {
        /// The ingredient (index).
        ingredient: u16,
        /// How much.
        qty: u32,
        /// When it is expected.
        eta: SimTime,
    },
    /// Ordered ingredients arrived.
    StockArrived {
        /// The ingredient.
        ingredient: u16,
        /// How much.
        qty: u32,
    },
    /// An ingredient ran out.
    StockOut {
        /// The ingredient.
        ingredient: u16,
    },
    /// Money spent.
    Cost {
        /// What for.
        kind: CostKind,
        /// How much.
        amount: f64,
    },
    /// A round started for this factory: from now its wages accrue at `wages_per_hour` and its fixed cost
    /// evenly over `round_minutes`; both are paid as `Cost` events when the round ends (the fixed cost in
    /// full), so the profit shown during play is the profit at that moment.
    CostsAccrue {
        /// Every worker's wage together, per hour.
        wages_per_hour: f64,
        /// The round's fixed cost.
        fixed: f64,
        /// The round's full length.
        round_minutes: f64,
    },

    // ----- disruptions -----
    /// A disruption hit this factory.
    DisruptionStarted {
        /// The disruption, as scheduled or injected.
        spec: Box<DisruptionSpec>,
    },
    /// A disruption with a duration is over.
    DisruptionEnded {
        /// The disruption's id.
        id: String,
    },
    /// What a disruption cost this factory, measured against its twin (see [`ImpactFigures`]).
    DisruptionImpact(Box<ImpactFigures>),
    /// A customer offers a rush order; the team accepts or declines by `decide_by`.
    RushOffered {
        /// The offer's number in this factory.
        offer: u32,
        /// The disruption that made it.
        disruption: String,
        /// The product (index).
        product: u16,
        /// How many cakes.
        quantity: u32,
        /// When they are due.
        due: SimTime,
        /// The price of each.
        price: f64,
        /// The deadline for the answer.
        decide_by: SimTime,
    },
    /// A rush offer was answered (by the team, or by default at the deadline).
    RushAnswered {
        /// The offer.
        offer: u32,
        /// Accepted (the cakes arrive as orders).
        accepted: bool,
        /// The deadline decided, not the team.
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
            SpanningStarted,
            SpanningEnded,
            StationDown,
            StationUp,
            WorkerAbsent,
            WorkerReturned,
            StockOrdered,
            StockArrived,
            StockOut,
            Cost,
            CostsAccrue,
            DisruptionStarted,
            DisruptionEnded,
            DisruptionImpact,
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
