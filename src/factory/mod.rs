//! One team's cake factory as a discrete-event simulation: orders, queues, workers, stations, stock and the
//! coordination between units. It is plain data inside a Bevy component; the session's systems feed it
//! commands and advance it, and it writes domain events into its `out` buffer.
//!
//! The loop pops the next scheduled event from a binary heap, handles it, and lets idle workers pick up work,
//! so the cost of a run grows with the number of events, never with simulated seconds.

mod demand;
mod disrupt;
mod duties;
mod flow;
pub mod org;
mod queues;
mod rng;
mod stock;
mod team;
#[cfg(test)]
mod tests;
mod twin;
mod view;
mod work;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::Arc;

use bevy::platform::collections::HashMap;
use bevy::prelude::Component;

use demand::{DemandGen, OrderSpec};
use org::{NONE, Org};
pub use view::{
    Choices, FactoryView, OfferView, OrderStatus, OrderView, StationView, StepView, WorkerActivity,
    WorkerView,
};

use crate::domain::event::{CostKind, DefectCause, EventKind, OrderId, SimEvent};
use crate::domain::{DisruptionSpec, SimTime};
use crate::scenario::model::{Model, Multipliers, Operation};
use rng::{Draws, Keyed, Stream};

/// What the factory's clock has scheduled.
#[derive(Clone, Debug)]
enum Ev {
    /// The demand generator's next arrival is due.
    Arrival {
        round: u32,
    },
    WorkDone {
        worker: u16,
        token: u32,
    },
    ProcessDone {
        slot: u32,
        order: OrderId,
    },
    HandoffArrive {
        slot: u32,
        order: OrderId,
    },
    AnswerDone {
        worker: u16,
        token: u32,
    },
    StockArrive {
        ingredient: u16,
        qty: u32,
    },
    WorkerBack {
        worker: u16,
        token: u32,
    },
    SpecChange {
        order: OrderId,
    },
    Cancel {
        order: OrderId,
    },
    MeetingStart {
        round: u32,
        generation: u32,
    },
    MeetingEnd {
        generation: u32,
    },
    /// A spanning session is due for the round's spanners.
    SpanStart {
        round: u32,
    },
    /// A spanner's session ends.
    SpanEnd {
        worker: u16,
        token: u32,
    },
    Disrupt(Box<(u32, DisruptionSpec)>),
    DisruptionEnd(Box<EndAction>),
    OfferDeadline {
        offer: u32,
    },
    SurgeArrival {
        instance: u32,
    },
    /// Nothing happens but a look at the queues (helpers may step in now).
    Wake,
}

/// What ends when a disruption's time is up.
#[derive(Clone, Debug)]
enum EndAction {
    StationUp {
        id: String,
        station: u16,
        units: u32,
    },
    Supply {
        id: String,
    },
    Outage {
        id: String,
        instance: u32,
    },
    Surge {
        id: String,
        instance: u32,
    },
    Absence {
        id: String,
    },
}

#[derive(Clone, Debug)]
struct Entry {
    t: SimTime,
    seq: u64,
    ev: Ev,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        (self.t, self.seq) == (other.t, other.seq)
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.t, self.seq).cmp(&(other.t, other.seq))
    }
}

/// Position of a task in a queue: expedited first, then by the priority rule, then first come.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct QKey {
    normal: bool,
    primary: u64,
    seq: u64,
    slot: u32,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum OState {
    /// Waiting in the queue of `order.unit` for its current step.
    Queued,
    Working {
        worker: u16,
    },
    /// Unattended station time.
    Processing,
    /// Between steps (handoff delay).
    Transit,
    /// Waiting for an answer from another unit.
    Asking,
    /// Waiting outside a step that is at its WIP limit.
    Blocked,
}

#[derive(Clone, Debug)]
struct Question {
    to_unit: u16,
    from_worker: u16,
    asked_by: u16,
}

#[derive(Clone, Debug)]
struct Order {
    id: OrderId,
    product: u16,
    routing: Arc<[Operation]>,
    received: SimTime,
    due: SimTime,
    price: f64,
    custom: bool,
    expedited: bool,
    pos: usize,
    /// Times the order has entered each routing position.
    entered: Vec<u8>,
    state: OState,
    /// Counted in its step's occupancy (entered and not yet left).
    in_step: bool,
    latent: Vec<(usize, DefectCause)>,
    unit: u16,
    home_unit: u16,
    last_worker: u16,
    question: Option<Question>,
    touch_ms: u64,
    redo_from: Option<usize>,
    qkey: Option<QKey>,
    /// Ingredients for the current attempt at the current step were taken.
    ingredients_taken: bool,
    station: Option<u16>,
    /// When the unattended part of the current step began.
    phase_start: SimTime,
    /// When the current task entered its queue.
    ready_at: SimTime,
    /// Cached draws of the current step attempt: (context index, draws).
    draws: Option<(u64, Draws)>,
    cancelled: bool,
}

impl Order {
    fn step(&self) -> usize {
        self.routing[self.pos].step
    }
    fn attempt(&self) -> u64 {
        u64::from(self.entered[self.pos].saturating_sub(1))
    }
}

/// What a worker is doing.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum WorkerState {
    Idle,
    Task {
        slot: u32,
    },
    Answer {
        slot: u32,
    },
    Meeting,
    /// A boundary spanner's spanning session.
    Spanning,
    Absent,
}

#[derive(Clone, Debug)]
struct WorkerRt {
    state: WorkerState,
    token: u32,
    started: SimTime,
    absent_until: SimTime,
    /// Should join the meeting in progress when free.
    meeting_due: bool,
    /// Should span when free (a spanning session is due).
    span_due: bool,
    /// The step of the worker's last task (for changeovers).
    last_step: Option<usize>,
}

#[derive(Clone, Debug, Default)]
struct StationRt {
    count: u32,
    down: u32,
    /// Orders using a unit of this station, in the order they started.
    users: Vec<u32>,
}

impl StationRt {
    fn free(&self) -> u32 {
        self.count
            .saturating_sub(self.down)
            .saturating_sub(self.users.len() as u32)
    }
}

#[derive(Clone, Debug, Default)]
struct StockRt {
    on_hand: u32,
    on_order: u32,
    supplier_down_until: SimTime,
    reorders: u64,
    out: bool,
}

#[derive(Clone, Debug)]
struct Offer {
    instance: u32,
    product: u16,
    quantity: u32,
    due: SimTime,
    price: f64,
    open: bool,
    accept_by_default: bool,
}

#[derive(Clone, Debug)]
struct Surge {
    instance: u32,
    rng: rand_chacha::ChaCha8Rng,
    /// (product, extra orders per minute, due-in distribution)
    rates: Vec<(usize, f64, crate::domain::Dist)>,
    until: SimTime,
    next_k: u64,
}

#[derive(Clone, Debug)]
struct Meeting {
    generation: u32,
    until: SimTime,
    attendees: Vec<u16>,
}

/// One team's factory.
#[derive(Component, Clone)]
pub struct FactorySim {
    /// The team's index.
    pub index: u16,
    /// The team's name.
    pub name: String,
    model: Arc<Model>,
    seed: u64,
    process: Keyed,
    supply: Keyed,
    now: SimTime,
    heap: BinaryHeap<Reverse<Entry>>,
    seq: u64,
    demand: DemandGen,
    next_order: OrderId,
    orders: Vec<Option<Order>>,
    free_slots: Vec<u32>,
    by_id: HashMap<OrderId, u32>,
    /// Queues indexed by `unit * steps + step`.
    queues: queues::Queues,
    /// Orders waiting for an answer, by the unit asked.
    questions: Vec<VecDeque<u32>>,
    open_questions: usize,
    blocked: Vec<VecDeque<u32>>,
    occupancy: Vec<u32>,
    /// Orders currently held by each unit.
    unit_orders: Vec<u32>,
    workers: Vec<WorkerRt>,
    idle: usize,
    /// Bit `w % 64` of word `w / 64` is set while worker `w` is idle.
    idle_mask: Vec<u64>,
    stations: Vec<StationRt>,
    stock: Vec<StockRt>,
    org: Org,
    routings: Vec<Arc<[Operation]>>,
    round: u32,
    running: bool,
    round_start: SimTime,
    round_end: SimTime,
    outages: Vec<(u32, Multipliers)>,
    offers: Vec<Offer>,
    surges: Vec<Surge>,
    pending_design: Option<usize>,
    meeting: Option<Meeting>,
    meeting_generation: u32,
    /// When the last stand-up ended (its effect fades from then).
    last_standup: Option<SimTime>,
    /// The pending wake-up for helpers, if any.
    wake_at: Option<SimTime>,
    /// Something changed that may let an idle worker start work (see `dispatch`).
    dispatch_due: bool,
    /// Events produced since the buffer was last drained.
    out: Vec<SimEvent>,
    /// The twins measuring the disruptions that struck lately (see `twin`).
    twins: Vec<twin::Twin>,
    /// Rush offers stay open until a command closes them (the live game times them in real seconds);
    /// otherwise each closes at its deadline in simulated minutes.
    live_offers: bool,
    /// This factory is itself a twin (it forks none).
    is_twin: bool,
}

impl FactorySim {
    /// A factory at time zero with the given design, before the first round.
    pub fn new(model: Arc<Model>, index: u16, name: String, seed: u64, design: usize) -> Self {
        let org = Org::from_design(&model, design);
        let steps = model.steps.len();
        let units = org.units.len();
        let mut f = FactorySim {
            index,
            name,
            seed,
            process: Keyed::new(seed, Stream::Process),
            supply: Keyed::new(seed, Stream::Supply),
            now: SimTime::ZERO,
            heap: BinaryHeap::new(),
            seq: 0,
            demand: DemandGen::new(&model, seed),
            next_order: 0,
            orders: Vec::new(),
            free_slots: Vec::new(),
            by_id: HashMap::default(),
            queues: queues::Queues::new(units * steps),
            questions: vec![VecDeque::new(); units],
            open_questions: 0,
            blocked: vec![VecDeque::new(); steps],
            occupancy: vec![0; steps],
            unit_orders: vec![0; units],
            workers: model
                .workers
                .iter()
                .map(|_| WorkerRt {
                    state: WorkerState::Idle,
                    token: 0,
                    started: SimTime::ZERO,
                    absent_until: SimTime::ZERO,
                    meeting_due: false,
                    span_due: false,
                    last_step: None,
                })
                .collect(),
            idle: model.workers.len(),
            idle_mask: (0..model.workers.len().div_ceil(64))
                .map(|i| {
                    let n = (model.workers.len() - 64 * i).min(64);
                    if n == 64 { u64::MAX } else { (1u64 << n) - 1 }
                })
                .collect(),
            stations: model
                .stations
                .iter()
                .map(|s| StationRt {
                    count: s.count,
                    ..Default::default()
                })
                .collect(),
            stock: model
                .ingredients
                .iter()
                .map(|i| StockRt {
                    on_hand: i.initial_stock,
                    ..Default::default()
                })
                .collect(),
            org,
            routings: model
                .products
                .iter()
                .map(|p| Arc::from(p.routing.clone()))
                .collect(),
            round: 0,
            running: false,
            round_start: SimTime::ZERO,
            round_end: SimTime::ZERO,
            outages: Vec::new(),
            offers: Vec::new(),
            surges: Vec::new(),
            pending_design: None,
            meeting: None,
            meeting_generation: 0,
            last_standup: None,
            wake_at: None,
            dispatch_due: true,
            out: Vec::new(),
            twins: Vec::new(),
            is_twin: false,
            live_offers: false,
            model,
        };
        let ev = f.org.event();
        f.emit(ev);
        f
    }

    /// The scenario.
    pub fn model(&self) -> &Model {
        &self.model
    }
    /// The factory's clock.
    pub fn now(&self) -> SimTime {
        self.now
    }
    /// The current (or last) round.
    pub fn round(&self) -> u32 {
        self.round
    }
    /// Its organisation now.
    pub fn org(&self) -> &Org {
        &self.org
    }
    /// The design chosen during a round that takes over at the next round start.
    pub fn pending_design(&self) -> Option<String> {
        self.pending_design
            .map(|d| self.model.designs[d].name.clone())
    }

    /// Moves the events produced since the last call to the end of `into`, in the order they happened.
    pub fn drain_events(&mut self, into: &mut Vec<SimEvent>) {
        into.append(&mut self.out);
    }

    /// Drops the events produced since the last drain (a command that failed half-way leaves nothing).
    pub fn discard_events(&mut self) {
        self.out.clear();
    }

    fn emit(&mut self, kind: EventKind) {
        // A twin keeps only what the comparison reads.
        if self.is_twin
            && !matches!(
                kind,
                EventKind::OrderDelivered { .. } | EventKind::Cost { .. }
            )
        {
            return;
        }
        let e = SimEvent {
            t: self.now,
            factory: Some(self.index),
            kind,
        };
        if !self.twins.is_empty() {
            self.twins_see(&e);
        }
        self.out.push(e);
    }

    fn schedule(&mut self, t: SimTime, ev: Ev) {
        self.seq += 1;
        self.heap.push(Reverse(Entry {
            t,
            seq: self.seq,
            ev,
        }));
    }

    /// The keyed random draws of the order's current step attempt (computed once per attempt).
    fn draws(&mut self, slot: u32) -> Draws {
        let o = self.order(slot);
        let index = (o.pos as u64) << 8 | o.attempt().min(255);
        if let Some((i, d)) = o.draws
            && i == index
        {
            return d;
        }
        let d = self.process.context(o.id, index);
        self.order_mut(slot).draws = Some((index, d));
        d
    }

    // ----- rounds -----

    /// Starts round `round` at the factory's current time, ending at `end` (its twins too).
    pub fn start_round(&mut self, round: u32, end: SimTime) {
        self.each_twin(|t| t.start_round(round, end));
        self.begin_round(round, end);
    }

    fn begin_round(&mut self, round: u32, end: SimTime) {
        self.dispatch_due = true;
        self.round = round;
        self.running = true;
        self.round_start = self.now;
        self.round_end = end;
        if let Some(d) = self.pending_design.take() {
            self.switch_design(d);
        }
        self.emit(EventKind::CostsAccrue {
            wages_per_hour: self.wages_per_hour(),
            fixed: self.model.fixed_cost_per_round,
            round_minutes: self.model.round_len.minutes(),
        });
        let model = Arc::clone(&self.model);
        self.demand.start_round(&model, round, self.now, end);
        self.plan_arrival();
        self.plan_meetings(self.now);
        self.plan_spanning();
        for (i, s) in model.schedule.iter().enumerate() {
            if s.round == round && s.target.includes(self.index) {
                let t = self
                    .now
                    .saturating_add(crate::domain::time::ms_from_minutes(s.minute));
                self.schedule(t, Ev::Disrupt(Box::new((i as u32, s.spec.clone()))));
            }
        }
        self.dispatch();
    }

    /// Ends the running round at the current time: arrivals stop, wages are paid; work in progress stays. The
    /// twins end theirs too; after the last round they report what they measured.
    pub fn end_round(&mut self) {
        self.each_twin(FactorySim::end_round);
        self.close_round();
        if self.round >= self.model.rounds {
            self.settle_twins(true);
        }
    }

    fn close_round(&mut self) {
        if !self.running {
            return;
        }
        self.running = false;
        self.demand.end_round();
        let hours = self.now.since(self.round_start) as f64 / 3_600_000.0;
        let wages = self.wages_per_hour() * hours;
        if self.model.fixed_cost_per_round > 0.0 {
            self.emit(EventKind::Cost {
                kind: CostKind::Fixed,
                amount: self.model.fixed_cost_per_round,
            });
        }
        if wages > 0.0 {
            self.emit(EventKind::Cost {
                kind: CostKind::Wages,
                amount: wages,
            });
        }
        for w in 0..self.workers.len() as u16 {
            self.workers[w as usize].span_due = false;
            self.end_spanning(w, None);
        }
        if let Some(m) = self.meeting.take() {
            self.finish_meeting(m);
        }
    }

    /// Every worker's wage together, per hour.
    fn wages_per_hour(&self) -> f64 {
        self.model.workers.iter().map(|w| w.wage_per_hour).sum()
    }

    fn plan_arrival(&mut self) {
        if let Some(t) = self.demand.next_time() {
            self.schedule(t, Ev::Arrival { round: self.round });
        }
    }

    /// Handles every scheduled event before `until` and moves the clock to `until`, its twins alongside
    /// (each reports at the end of its window, exactly then). Nothing happens between rounds: the session only
    /// advances a running round.
    pub fn advance(&mut self, until: SimTime) {
        loop {
            let stop = self.next_horizon().map_or(until, |h| h.min(until));
            if !self.run_until(stop) {
                // A twin was born: its window may end before `stop`.
                continue;
            }
            self.advance_twins(stop);
            self.settle_twins(false);
            if stop >= until {
                break;
            }
        }
    }

    /// Handles the scheduled events before `until`; stops early (returning false) right after a twin is born.
    fn run_until(&mut self, until: SimTime) -> bool {
        let twins = self.twins.len();
        while let Some(Reverse(entry)) = self.heap.peek() {
            if entry.t >= until {
                break;
            }
            let Some(Reverse(entry)) = self.heap.pop() else {
                break;
            };
            self.now = entry.t;
            self.handle(entry.ev);
            self.dispatch();
            if self.twins.len() > twins {
                return false;
            }
        }
        self.now = self.now.max(until);
        true
    }

    fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Arrival { round } => {
                if round == self.round && self.running {
                    let model = Arc::clone(&self.model);
                    if let Some(spec) = self.demand.pop(&model) {
                        let id = self.next_order;
                        self.next_order += 1;
                        self.receive(id, &spec, false);
                    }
                    self.plan_arrival();
                }
            }
            Ev::WorkDone { worker, token } => self.work_done(worker, token),
            Ev::ProcessDone { slot, order } => self.process_done(slot, order),
            Ev::HandoffArrive { slot, order } => {
                if self.order_is(slot, order, OState::Transit) {
                    self.enter_step(slot);
                }
            }
            Ev::AnswerDone { worker, token } => self.answer_done(worker, token),
            Ev::StockArrive { ingredient, qty } => self.stock_arrive(ingredient, qty),
            Ev::WorkerBack { worker, token } => self.worker_back(worker, token),
            Ev::SpecChange { order } => self.spec_change(order),
            Ev::Cancel { order } => self.cancel(order),
            Ev::MeetingStart { round, generation } => {
                if round == self.round && self.running && generation == self.meeting_generation {
                    self.start_meeting(generation);
                }
            }
            Ev::MeetingEnd { generation } => {
                if self
                    .meeting
                    .as_ref()
                    .is_some_and(|m| m.generation == generation)
                    && let Some(m) = self.meeting.take()
                {
                    self.finish_meeting(m);
                }
            }
            Ev::SpanStart { round } => self.start_spanning(round),
            Ev::SpanEnd { worker, token } => self.end_spanning(worker, Some(token)),
            Ev::Disrupt(b) => {
                let (instance, spec) = *b;
                self.fork_twin(&spec.id);
                self.disrupt(instance, spec);
            }
            Ev::DisruptionEnd(action) => self.end_disruption(*action),
            Ev::OfferDeadline { offer } => self.offer_deadline(offer),
            Ev::SurgeArrival { instance } => self.surge_arrival(instance),
            Ev::Wake => self.dispatch_due = true,
        }
    }

    fn order_is(&self, slot: u32, id: OrderId, state: OState) -> bool {
        self.orders
            .get(slot as usize)
            .and_then(Option::as_ref)
            .is_some_and(|o| o.id == id && o.state == state)
    }

    fn order(&self, slot: u32) -> &Order {
        self.orders[slot as usize]
            .as_ref()
            .unwrap_or_else(|| unreachable!("order slot {slot} is empty"))
    }

    fn order_mut(&mut self, slot: u32) -> &mut Order {
        self.orders[slot as usize]
            .as_mut()
            .unwrap_or_else(|| unreachable!("order slot {slot} is empty"))
    }

    // ----- read-only views for the game -----

    /// Orders in the factory (received, not yet delivered or lost).
    pub fn wip(&self) -> usize {
        self.by_id.len()
    }

    /// Orders queued, in work or waiting, per step.
    pub fn occupancy(&self) -> &[u32] {
        &self.occupancy
    }

    /// Active orders with their product, current step and due time, in id order.
    pub fn active_orders(&self) -> Vec<(OrderId, u16, u16, SimTime, bool)> {
        let mut v: Vec<_> = self
            .orders
            .iter()
            .flatten()
            .filter(|o| !o.cancelled)
            .map(|o| (o.id, o.product, o.step() as u16, o.due, o.expedited))
            .collect();
        v.sort_unstable_by_key(|o| o.0);
        v
    }
}

/// Sentinel for "no worker".
const NO_WORKER: u16 = NONE;
