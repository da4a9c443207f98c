//! A per-simulated-minute time series of every factory (WIP and queue per step, throughput, busy workers),
//! sampled from the event stream and written as CSV rows.

use std::collections::VecDeque;

use bevy::platform::collections::HashMap;
use std::io::Write;

use crate::domain::SimTime;
use crate::domain::event::{EventKind, OrderId, SimEvent};

const MINUTE: u64 = 60_000;
const HOUR: u64 = 60 * MINUTE;

#[derive(Clone, Debug, Default)]
struct OrderPos {
    step: Option<u16>,
    queued: bool,
}

#[derive(Clone, Debug, Default)]
struct FactoryState {
    orders: HashMap<OrderId, OrderPos>,
    wip_step: Vec<i64>,
    queue_step: Vec<i64>,
    busy: Vec<bool>,
    delivered: u64,
    recent: VecDeque<SimTime>,
}

/// One sampled row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The team.
    pub factory: String,
    /// The round.
    pub round: u32,
    /// Minutes since the session started.
    pub minute: u64,
    /// Minutes since the round started.
    pub round_minute: u64,
    /// Orders in the factory.
    pub wip: i64,
    /// Deliveries so far.
    pub delivered: u64,
    /// Deliveries in the trailing hour.
    pub throughput_per_hour: usize,
    /// Workers on a task or an answer.
    pub busy_workers: usize,
    /// Tasks waiting for a worker.
    pub queued: i64,
    /// Orders at each step (in transit to it, waiting, in work).
    pub wip_step: Vec<i64>,
    /// Tasks waiting for a worker at each step.
    pub queue_step: Vec<i64>,
}

/// Samples the state of every factory at each whole simulated minute of the rounds.
#[derive(Default)]
pub struct Sampler {
    factories: Vec<String>,
    steps: Vec<String>,
    state: Vec<FactoryState>,
    round: u32,
    running: bool,
    round_start: SimTime,
    next_mark: u64,
}

impl Sampler {
    /// A sampler that has seen nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Column names of the rows.
    pub fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = [
            "factory",
            "round",
            "minute",
            "round_minute",
            "wip",
            "delivered",
            "throughput_per_hour",
            "busy_workers",
            "queued",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        h.extend(self.steps.iter().map(|s| format!("wip_{s}")));
        h.extend(self.steps.iter().map(|s| format!("queue_{s}")));
        h
    }

    /// Feeds one event; returns the rows of the minute marks it has passed: the state at a mark includes every
    /// event up to and at that time. A round's rows cover its minutes `0..length`: its end is the next round's
    /// minute 0.
    pub fn observe(&mut self, e: &SimEvent, rows: &mut Vec<Row>) {
        if self.running {
            while self.next_mark < e.t.0 {
                self.sample(self.next_mark, rows);
                self.next_mark += MINUTE;
            }
        }
        match &e.kind {
            EventKind::SessionStarted { tables, .. } => {
                *self = Sampler {
                    factories: tables.factories.clone(),
                    steps: tables.steps.clone(),
                    state: vec![
                        FactoryState {
                            wip_step: vec![0; tables.steps.len()],
                            queue_step: vec![0; tables.steps.len()],
                            busy: vec![false; tables.workers.len()],
                            ..Default::default()
                        };
                        tables.factories.len()
                    ],
                    ..Default::default()
                };
                return;
            }
            EventKind::RoundStarted { round } => {
                self.round = *round;
                self.running = true;
                self.round_start = e.t;
                self.next_mark = e.t.0.div_ceil(MINUTE) * MINUTE;
                return;
            }
            EventKind::RoundEnded { .. } => {
                self.running = false;
                return;
            }
            _ => {}
        }
        if let Some(f) = e.factory.and_then(|f| self.state.get_mut(f as usize)) {
            f.observe(e);
        }
    }

    fn sample(&mut self, mark: u64, rows: &mut Vec<Row>) {
        for (i, f) in self.state.iter_mut().enumerate() {
            while f.recent.front().is_some_and(|t| t.0 + HOUR <= mark) {
                f.recent.pop_front();
            }
            rows.push(Row {
                factory: self.factories[i].clone(),
                round: self.round,
                minute: mark / MINUTE,
                round_minute: (mark - self.round_start.0) / MINUTE,
                wip: f.orders.len() as i64,
                delivered: f.delivered,
                throughput_per_hour: f.recent.len(),
                busy_workers: f.busy.iter().filter(|b| **b).count(),
                queued: f.queue_step.iter().sum(),
                wip_step: f.wip_step.clone(),
                queue_step: f.queue_step.clone(),
            });
        }
    }
}

fn add(v: &mut [i64], i: u16, d: i64) {
    if let Some(x) = v.get_mut(i as usize) {
        *x += d;
    }
}

impl FactoryState {
    /// One event of this factory.
    fn observe(&mut self, e: &SimEvent) {
        match &e.kind {
            EventKind::OrderReceived { order, .. } => {
                self.orders.insert(*order, OrderPos::default());
            }
            EventKind::TaskReady { order, step, .. } => self.arrive(*order, *step, true),
            EventKind::Blocked { order, step } => self.arrive(*order, *step, false),
            EventKind::TaskStarted { order, worker, .. } => {
                self.dequeue(*order);
                self.set_busy(*worker, true);
            }
            EventKind::QuestionAsked { order, .. } => self.dequeue(*order),
            EventKind::QuestionAnswered {
                order, answerer, ..
            } => {
                self.set_busy(*answerer, false);
                self.enqueue(*order);
            }
            EventKind::AnswerStarted { answerer, .. } => self.set_busy(*answerer, true),
            EventKind::TaskFinished { worker, .. } | EventKind::SpanningEnded { worker } => {
                self.set_busy(*worker, false)
            }
            EventKind::SpanningStarted { worker } => self.set_busy(*worker, true),
            EventKind::TaskInterrupted {
                worker: Some(w), ..
            } => self.set_busy(*w, false),
            EventKind::Handoff { order, to_step, .. } => {
                self.dequeue(*order);
                if let Some(p) = self.orders.get_mut(order) {
                    if let Some(s) = p.step {
                        add(&mut self.wip_step, s, -1);
                    }
                    p.step = Some(*to_step);
                    add(&mut self.wip_step, *to_step, 1);
                }
            }
            EventKind::OrderDelivered { order, .. } => {
                self.leave(*order);
                self.delivered += 1;
                self.recent.push_back(e.t);
            }
            EventKind::OrderLost { order, .. } => self.leave(*order),
            _ => {}
        }
    }

    /// The order reached `step`: it counts there, and in its queue when it is ready for a worker.
    fn arrive(&mut self, order: OrderId, step: u16, queued: bool) {
        let Some(p) = self.orders.get_mut(&order) else {
            return;
        };
        if p.step.is_none() {
            p.step = Some(step);
            add(&mut self.wip_step, step, 1);
        }
        if queued {
            self.enqueue(order);
        }
    }

    fn enqueue(&mut self, order: OrderId) {
        if let Some(p) = self.orders.get_mut(&order)
            && let Some(s) = p.step
            && !p.queued
        {
            p.queued = true;
            add(&mut self.queue_step, s, 1);
        }
    }

    fn dequeue(&mut self, order: OrderId) {
        if let Some(p) = self.orders.get_mut(&order)
            && p.queued
        {
            p.queued = false;
            if let Some(s) = p.step {
                add(&mut self.queue_step, s, -1);
            }
        }
    }

    /// The order left the factory.
    fn leave(&mut self, order: OrderId) {
        self.dequeue(order);
        if let Some(p) = self.orders.remove(&order)
            && let Some(s) = p.step
        {
            add(&mut self.wip_step, s, -1);
        }
    }

    fn set_busy(&mut self, w: u16, on: bool) {
        if let Some(b) = self.busy.get_mut(w as usize) {
            *b = on;
        }
    }
}

/// Writes sampled rows as CSV (a tap: feed it the session's events).
pub struct SeriesCsv<W: Write> {
    /// The output's name in error messages.
    name: String,
    sampler: Sampler,
    out: csv::Writer<W>,
    rows: Vec<Row>,
    wrote_header: bool,
    error: Option<String>,
}

impl SeriesCsv<std::io::BufWriter<std::fs::File>> {
    /// A series written to a new file at `path`.
    pub fn create(path: &std::path::Path) -> Result<Self, String> {
        let file = std::fs::File::create(path)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(SeriesCsv::new(
            &path.display().to_string(),
            std::io::BufWriter::with_capacity(1 << 20, file),
        ))
    }
}

impl<W: Write> SeriesCsv<W> {
    /// A series written to `out`, called `name` in error messages.
    pub fn new(name: &str, out: W) -> Self {
        SeriesCsv {
            name: name.to_string(),
            sampler: Sampler::new(),
            out: csv::Writer::from_writer(out),
            rows: Vec::new(),
            wrote_header: false,
            error: None,
        }
    }

    fn write(&mut self, e: &SimEvent) {
        self.sampler.observe(e, &mut self.rows);
        if self.rows.is_empty() || self.error.is_some() {
            self.rows.clear();
            return;
        }
        if !self.wrote_header {
            self.wrote_header = true;
            let header = self.sampler.header();
            if let Err(err) = self.out.write_record(&header) {
                self.error = Some(err.to_string());
            }
        }
        for r in self.rows.drain(..) {
            let mut rec = vec![
                r.factory,
                r.round.to_string(),
                r.minute.to_string(),
                r.round_minute.to_string(),
                r.wip.to_string(),
                r.delivered.to_string(),
                r.throughput_per_hour.to_string(),
                r.busy_workers.to_string(),
                r.queued.to_string(),
            ];
            rec.extend(r.wip_step.iter().map(i64::to_string));
            rec.extend(r.queue_step.iter().map(i64::to_string));
            if let Err(err) = self.out.write_record(&rec) {
                self.error = Some(err.to_string());
                break;
            }
        }
    }
}

impl<W: Write + Send + Sync> crate::sim::tap::EventTap for SeriesCsv<W> {
    fn observe(&mut self, e: &SimEvent) {
        self.write(e);
    }

    /// Flushes the output; reports the first write error.
    fn finish(&mut self) -> Result<(), String> {
        let result = match self.error.take() {
            Some(e) => Err(e),
            None => self.out.flush().map_err(|e| e.to_string()),
        };
        result.map_err(|e| format!("{}: cannot write: {e}", self.name))
    }
}

/// How many of the sorted `times` fall in each bucket of `bucket_ms` milliseconds from time zero, up to the
/// bucket of the last one (e.g. deliveries per half hour for a sparkline).
pub fn per_bucket(times: &[SimTime], bucket_ms: u64) -> Vec<u32> {
    let mut buckets: Vec<u32> = Vec::new();
    for t in times {
        let b = (t.0 / bucket_ms.max(1)) as usize;
        if buckets.len() <= b {
            buckets.resize(b + 1, 0);
        }
        buckets[b] += 1;
    }
    buckets
}
