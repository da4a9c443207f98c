//! Metrics computed from the event stream, one event at a time. The same collector serves `run --json`, the
//! game's live figures and the debrief of a saved event log, so every number has one definition.

use std::collections::BTreeMap;

use bevy::platform::collections::HashMap;

use super::network::{TieUnits, Ties};
use super::report::{DisruptionReport, FactoryReport, Impact, Metrics, Report};
use crate::domain::event::{
    CostKind, DefectCause, EventKind, ImpactFigures, OrderId, OrgInfo, SimEvent, Tables,
};
use crate::domain::time::{MS_PER_MINUTE, minute_of_round, minutes_from_ms};
use crate::domain::{DisruptionSpec, SimTime};

/// Raw sums for one factory over one round.
#[derive(Clone, Debug, Default)]
struct RoundAcc {
    design: String,
    len_ms: u64,
    figures: Figures,
    lead_ms: Vec<u64>,
    touch_sum: u128,
    lead_sum: u128,
    wip_area: u128,
    wait_sum: u128,
    wait_n: u64,
    handoffs: u64,
    cross: u64,
    cross_wait_sum: u128,
    cross_wait_n: u64,
    questions: u64,
    answers: u64,
    /// Answers given by someone of another unit than the asker's.
    answers_across: u64,
    rework: u64,
    started: u64,
    defects: u64,
    ties: Ties,
    busy: Vec<u64>,
    absent: Vec<u64>,
    /// Time spanners spent spanning.
    spanning_ms: u64,
    /// Time spanners spent answering questions.
    spanner_answer_ms: u64,
    /// Present time of the round's spanners (those at its end).
    spanner_present_ms: u64,
}

/// A team's key figures: the one definition of delivered, on time, late, lost, revenue, costs and profit,
/// behind the report's metrics and the game's live top bar and overview alike.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Orders that arrived.
    pub received: u64,
    /// Orders delivered.
    pub delivered: u64,
    /// Deliveries by their due time.
    pub on_time: u64,
    /// Deliveries after their due time.
    pub late: u64,
    /// Orders the customer cancelled.
    pub lost: u64,
    /// Prices of the deliveries minus their late penalties.
    pub revenue: f64,
    /// The late penalties taken off the prices.
    pub penalties: f64,
    /// Wages, fixed costs, ingredients and expedite fees.
    pub costs: f64,
    /// Of the costs: wages.
    pub wages: f64,
    /// Of the costs: fixed costs.
    pub fixed: f64,
    /// Of the costs: ingredients ordered.
    pub ingredients: f64,
    /// Of the costs: expedite fees.
    pub expedite: f64,
}

impl Figures {
    /// Revenue minus costs.
    pub fn profit(&self) -> f64 {
        self.revenue - self.costs
    }

    fn add(&mut self, o: &Figures) {
        self.received += o.received;
        self.delivered += o.delivered;
        self.on_time += o.on_time;
        self.late += o.late;
        self.lost += o.lost;
        self.revenue += o.revenue;
        self.penalties += o.penalties;
        self.costs += o.costs;
        self.wages += o.wages;
        self.fixed += o.fixed;
        self.ingredients += o.ingredients;
        self.expedite += o.expedite;
    }

    /// Adds a cost of `kind`.
    fn cost(&mut self, kind: CostKind, amount: f64) {
        self.costs += amount;
        *match kind {
            CostKind::Wages => &mut self.wages,
            CostKind::Fixed => &mut self.fixed,
            CostKind::Ingredients => &mut self.ingredients,
            CostKind::Expedite => &mut self.expedite,
        } += amount;
    }
}

/// A round's costs as they accrue until they are paid at its end.
#[derive(Clone, Copy, Debug, Default)]
struct Accrual {
    /// When the round started for the factory.
    since: SimTime,
    wages_per_hour: f64,
    fixed: f64,
    round_minutes: f64,
}

impl Accrual {
    /// Wages and the fixed cost's share accrued by `now`.
    fn at(&self, now: SimTime) -> (f64, f64) {
        let minutes = now.since(self.since) as f64 / 60_000.0;
        let share = if self.round_minutes > 0.0 {
            (minutes / self.round_minutes).min(1.0)
        } else {
            1.0
        };
        (self.wages_per_hour * minutes / 60.0, self.fixed * share)
    }
}

/// What the game shows of a team while it plays: its figures so far, its design and the orders in its
/// factory. Cheap enough to read every frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Live {
    /// The design in use now.
    pub design: String,
    /// The figures over every round so far (the same as the report's totals).
    pub figures: Figures,
    /// Orders in the factory now (received, not yet delivered or lost).
    pub wip: u64,
}

impl RoundAcc {
    /// A delivery with its lead, lateness and touch time (ms) and what it earned.
    fn delivered(&mut self, lead_ms: u64, late_ms: u64, touch_ms: u64, revenue: f64) {
        self.figures.delivered += 1;
        if late_ms == 0 {
            self.figures.on_time += 1;
        } else {
            self.figures.late += 1;
        }
        self.figures.revenue += revenue;
        self.lead_ms.push(lead_ms);
        self.lead_sum += u128::from(lead_ms);
        self.touch_sum += u128::from(touch_ms);
    }

    fn merge(&mut self, o: &RoundAcc) {
        self.design.clone_from(&o.design);
        self.len_ms += o.len_ms;
        self.figures.add(&o.figures);
        self.lead_ms.extend_from_slice(&o.lead_ms);
        self.touch_sum += o.touch_sum;
        self.lead_sum += o.lead_sum;
        self.wip_area += o.wip_area;
        self.wait_sum += o.wait_sum;
        self.wait_n += o.wait_n;
        self.handoffs += o.handoffs;
        self.cross += o.cross;
        self.cross_wait_sum += o.cross_wait_sum;
        self.cross_wait_n += o.cross_wait_n;
        self.questions += o.questions;
        self.answers += o.answers;
        self.answers_across += o.answers_across;
        self.rework += o.rework;
        self.started += o.started;
        self.defects += o.defects;
        self.ties.merge(&o.ties);
        self.spanning_ms += o.spanning_ms;
        self.spanner_answer_ms += o.spanner_answer_ms;
        self.spanner_present_ms += o.spanner_present_ms;
        for (a, b) in self.busy.iter_mut().zip(&o.busy) {
            *a += b;
        }
        for (a, b) in self.absent.iter_mut().zip(&o.absent) {
            *a += b;
        }
    }
}

#[derive(Clone, Debug)]
struct PendingHandoff {
    t: SimTime,
    from_worker: u16,
    cross: bool,
    /// (from unit, to unit) ids at the time of the handoff.
    units: (String, String),
}

/// Handoffs from one unit to another over the session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HandoffCell {
    /// The sending unit.
    pub from: String,
    /// The receiving unit.
    pub to: String,
    /// How many handoffs.
    pub count: u64,
    /// Mean time from the handoff to the start of the next task.
    pub wait_mean_min: Option<f64>,
}

/// What the debrief shows of one team beyond its [`Metrics`]: the tie network, handoffs between units,
/// questions and the causes of rework, over the whole session.
#[derive(Clone, Debug, Default)]
pub struct TeamDetails {
    /// Every unit id seen, in order of appearance.
    pub units: Vec<String>,
    /// Their names, as the room knows them (by the same index).
    pub unit_names: Vec<String>,
    /// Each worker's unit at the end.
    pub worker_unit: Vec<String>,
    /// Boundary spanners at the end.
    pub spanners: Vec<u16>,
    /// Ties between workers.
    pub ties: Ties,
    /// Handoffs between each pair of units.
    pub handoffs: Vec<HandoffCell>,
    /// Questions asked at handoffs.
    pub questions: u64,
    /// Questions answered.
    pub answers: u64,
    /// Questions answered by someone of another unit than the asker's.
    pub answers_across: u64,
    /// Why work was redone: miscommunication, process defect, spec change.
    pub rework_causes: Vec<(String, u64)>,
    /// When each delivery happened.
    pub deliveries: Vec<SimTime>,
}

impl TeamDetails {
    /// Index in `units` of worker `w`'s unit (0 if unknown).
    pub fn unit_index(&self, w: usize) -> usize {
        self.worker_unit
            .get(w)
            .and_then(|u| self.units.iter().position(|x| x == u))
            .unwrap_or(0)
    }

    /// The name of unit `id` (the id itself if it has none).
    pub fn unit_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.units
            .iter()
            .position(|u| u == id)
            .and_then(|i| self.unit_names.get(i))
            .filter(|n| !n.is_empty())
            .map_or(id, String::as_str)
    }

    /// The largest tie count between two people (at least 1).
    pub fn max_ties(&self) -> u32 {
        self.ties.pairs.values().copied().max().unwrap_or(1).max(1)
    }
}

#[derive(Clone, Debug, Default)]
struct FactoryAcc {
    design: String,
    /// Unit ids of the current organisation, by index.
    units: Vec<String>,
    all_units: Vec<String>,
    /// The names of `all_units`.
    all_unit_names: Vec<String>,
    worker_unit: Vec<String>,
    spanners: Vec<u16>,
    /// (from unit, to unit) -> (handoffs, summed wait ms, waits seen)
    handoff_cells: BTreeMap<(String, String), (u64, u128, u64)>,
    causes: BTreeMap<&'static str, u64>,
    questions: u64,
    answers: u64,
    wip: u64,
    wip_since: SimTime,
    ready: HashMap<OrderId, SimTime>,
    handoff: HashMap<OrderId, PendingHandoff>,
    /// Orders whose task was interrupted: who was working on it.
    interrupted: HashMap<OrderId, u16>,
    /// Orders with a question out: the unit asked (id).
    asked: HashMap<OrderId, String>,
    /// Workers answering a question: since when.
    answering: HashMap<u16, SimTime>,
    busy_since: Vec<Option<SimTime>>,
    absent_since: Vec<Option<SimTime>>,
    span_since: Vec<Option<SimTime>>,
    deliveries: Vec<SimTime>,
    rounds: Vec<RoundAcc>,
    /// The running round's costs, accruing until they are paid at its end.
    accrual: Option<Accrual>,
}

#[derive(Clone, Debug)]
struct DisruptionSeen {
    id: String,
    kind: String,
    headline: String,
    round: u32,
    minute: f64,
    start: SimTime,
    /// (factory, its start time)
    factories: Vec<(u16, SimTime)>,
    /// What it cost each factory, as its twin measured it.
    impacts: Vec<(u16, Impact)>,
}

/// Folds events into metrics. Feed it every event of a session in order, then ask for a [`Report`].
#[derive(Clone, Debug, Default)]
pub struct Collector {
    scenario: String,
    seed: u64,
    tables: Tables,
    round: u32,
    running: bool,
    round_start: SimTime,
    last_t: SimTime,
    factories: Vec<FactoryAcc>,
    disruptions: Vec<DisruptionSeen>,
    events: u64,
}

impl Collector {
    /// A collector that has seen nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Names of workers, steps, factories... as the session announced them.
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    fn workers(&self) -> usize {
        self.tables.workers.len()
    }

    /// The round an event at this moment counts for: the running one, else the one that just ended.
    fn round_index(&self) -> usize {
        self.round.max(1) as usize - 1
    }

    fn acc(&mut self, f: u16) -> Option<(&mut FactoryAcc, usize)> {
        let r = self.round_index();
        let n = self.workers();
        let fa = self.factories.get_mut(f as usize)?;
        fa.round_acc(r, n);
        Some((fa, r))
    }

    /// Takes the next event of the session (events must come in order).
    pub fn observe(&mut self, e: &SimEvent) {
        self.events += 1;
        self.last_t = self.last_t.max(e.t);
        match (&e.kind, e.factory) {
            (EventKind::SessionStarted { .. }, _) => self.start_session(e),
            (EventKind::RoundStarted { round }, _) => self.start_round(*round, e.t),
            (EventKind::RoundEnded { .. }, _) => self.end_round(e.t),
            (EventKind::DisruptionStarted { spec }, Some(f)) => self.disruption(f, spec, e.t),
            (EventKind::DisruptionImpact(i), Some(f)) => self.impact(f, i),
            (_, Some(f)) => self.observe_factory(f, e),
            (_, None) => {}
        }
    }

    fn start_session(&mut self, e: &SimEvent) {
        let EventKind::SessionStarted {
            scenario,
            seed,
            tables,
            ..
        } = &e.kind
        else {
            return;
        };
        *self = Collector {
            scenario: scenario.clone(),
            seed: *seed,
            tables: (**tables).clone(),
            factories: vec![
                FactoryAcc {
                    busy_since: vec![None; tables.workers.len()],
                    absent_since: vec![None; tables.workers.len()],
                    span_since: vec![None; tables.workers.len()],
                    ..Default::default()
                };
                tables.factories.len()
            ],
            events: 1,
            ..Default::default()
        };
    }

    fn start_round(&mut self, round: u32, t: SimTime) {
        self.round = round;
        self.running = true;
        self.round_start = t;
        for f in 0..self.factories.len() as u16 {
            if let Some((fa, r)) = self.acc(f) {
                fa.wip_since = t;
                fa.rounds[r].design.clone_from(&fa.design);
            }
        }
    }

    fn end_round(&mut self, t: SimTime) {
        let len = t.since(self.round_start);
        for f in 0..self.factories.len() as u16 {
            if let Some((fa, r)) = self.acc(f) {
                fa.close_round(r, t);
                fa.rounds[r].len_ms += len;
                fa.spanners_present(r);
                fa.accrual = None;
            }
        }
        self.running = false;
    }

    fn disruption(&mut self, f: u16, spec: &DisruptionSpec, t: SimTime) {
        if let Some(d) = self.disruptions.iter_mut().find(|d| d.id == spec.id) {
            d.factories.push((f, t));
            return;
        }
        let minute = if self.running {
            minute_of_round(t, self.round_start)
        } else {
            0.0
        };
        self.disruptions.push(DisruptionSeen {
            id: spec.id.clone(),
            kind: spec.kind.name().to_string(),
            headline: spec.headline.english().to_string(),
            round: self.round,
            minute,
            start: t,
            factories: vec![(f, t)],
            impacts: Vec::new(),
        });
    }

    /// A factory's twin reports what disruption `id` cost it.
    fn impact(&mut self, f: u16, i: &ImpactFigures) {
        if let Some(d) = self.disruptions.iter_mut().find(|d| d.id == i.id) {
            d.impacts.push((
                f,
                Impact {
                    window_min: i.window_min,
                    deliveries_lost: i.deliveries_lost as f64,
                    late_added: i.late_added as f64,
                    profit_lost: i.profit_lost,
                    settled_min: i.settled_min,
                },
            ));
        }
    }

    /// An event of one factory.
    fn observe_factory(&mut self, f: u16, e: &SimEvent) {
        // A new organisation at the instant its round starts is the round's design.
        let round_start = self.running && e.t == self.round_start;
        let Some((fa, r)) = self.acc(f) else {
            return;
        };
        let t = e.t;
        match &e.kind {
            EventKind::Organisation(org) => fa.organisation(org, r, round_start),
            EventKind::OrderReceived { .. } => {
                fa.wip_change(r, t, 1);
                fa.rounds[r].figures.received += 1;
            }
            EventKind::OrderDelivered {
                order,
                lead_ms,
                late_ms,
                touch_ms,
                revenue,
                penalty,
            } => {
                fa.wip_change(r, t, -1);
                fa.order_gone(*order);
                fa.deliveries.push(t);
                fa.rounds[r].delivered(*lead_ms, *late_ms, *touch_ms, revenue - penalty);
                fa.rounds[r].figures.penalties += penalty;
            }
            EventKind::OrderLost { order, .. } => {
                fa.wip_change(r, t, -1);
                fa.order_gone(*order);
                fa.rounds[r].figures.lost += 1;
            }
            EventKind::Cost { kind, amount } => fa.rounds[r].figures.cost(*kind, *amount),
            EventKind::CostsAccrue {
                wages_per_hour,
                fixed,
                round_minutes,
            } => {
                fa.accrual = Some(Accrual {
                    since: t,
                    wages_per_hour: *wages_per_hour,
                    fixed: *fixed,
                    round_minutes: *round_minutes,
                });
            }
            EventKind::DefectFound { cause, .. } => {
                fa.rounds[r].defects += 1;
                let cause = match cause {
                    DefectCause::Miscommunication => "miscommunication",
                    DefectCause::Process => "process defect",
                };
                *fa.causes.entry(cause).or_default() += 1;
            }
            EventKind::SpecChanged { rework: true, .. } => {
                *fa.causes.entry("spec change").or_default() += 1;
            }
            _ => fa.work(r, e),
        }
    }

    /// Team `f`'s figures at `now`, its design and its work in progress: the live view the game reads every
    /// frame, the same sums as the report's totals, with the running round's wages and fixed cost counted as
    /// far as they have accrued by `now` (they are paid at the round's end).
    pub fn live(&self, f: usize, now: SimTime) -> Option<Live> {
        let fa = self.factories.get(f)?;
        let mut figures = Figures::default();
        for r in &fa.rounds {
            figures.add(&r.figures);
        }
        // The running round's wages and fixed cost as accrued by now (paid at its end).
        if let Some(a) = &fa.accrual {
            let (wages, fixed) = a.at(now);
            figures.cost(CostKind::Wages, wages);
            figures.cost(CostKind::Fixed, fixed);
        }
        Some(Live {
            design: fa.design.clone(),
            figures,
            wip: fa.wip,
        })
    }

    /// When each delivery of team `f` happened, in order.
    pub fn deliveries(&self, f: usize) -> &[SimTime] {
        self.factories.get(f).map_or(&[], |fa| &fa.deliveries)
    }

    /// The debrief details of factory `f` over everything observed so far.
    pub fn details(&self, f: usize) -> Option<TeamDetails> {
        let fa = self.factories.get(f)?;
        let mut ties = Ties::default();
        for r in &fa.rounds {
            ties.merge(&r.ties);
        }
        Some(TeamDetails {
            units: fa.all_units.clone(),
            unit_names: fa.all_unit_names.clone(),
            worker_unit: fa.worker_unit.clone(),
            spanners: fa.spanners.clone(),
            ties,
            handoffs: fa
                .handoff_cells
                .iter()
                .map(|((from, to), (count, wait, n))| HandoffCell {
                    from: from.clone(),
                    to: to.clone(),
                    count: *count,
                    wait_mean_min: (*n > 0).then(|| *wait as f64 / *n as f64 / MS_PER_MINUTE),
                })
                .collect(),
            questions: fa.questions,
            answers: fa.answers,
            answers_across: fa.rounds.iter().map(|r| r.answers_across).sum(),
            rework_causes: fa.causes.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            deliveries: fa.deliveries.clone(),
        })
    }

    /// The report of everything observed so far (a round in progress counts up to the last event).
    pub fn report(&self) -> Report {
        let n = self.workers();
        let factories = self
            .factories
            .iter()
            .enumerate()
            .map(|(i, fa)| {
                let mut rounds: Vec<RoundAcc> = fa.rounds.clone();
                if self.running
                    && let Some(last) = rounds.get_mut(self.round_index())
                {
                    // A round in progress: count its time and open intervals so far.
                    let mut fa2 = fa.clone();
                    let r = self.round_index();
                    fa2.close_round(r, self.last_t);
                    fa2.rounds[r].len_ms += self.last_t.since(self.round_start);
                    fa2.spanners_present(r);
                    *last = fa2.rounds[r].clone();
                }
                let mut total = RoundAcc {
                    busy: vec![0; n],
                    absent: vec![0; n],
                    ..Default::default()
                };
                for r in &rounds {
                    total.merge(r);
                }
                total.design.clone_from(&fa.design);
                FactoryReport {
                    name: self
                        .tables
                        .factories
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| format!("Team {}", i + 1)),
                    design: fa.design.clone(),
                    totals: self.metrics(&total, 0, &fa.worker_unit),
                    rounds: rounds
                        .iter()
                        .enumerate()
                        .map(|(r, acc)| self.metrics(acc, r as u32 + 1, &fa.worker_unit))
                        .collect(),
                }
            })
            .collect();
        let disruptions = self
            .disruptions
            .iter()
            .map(|d| {
                let by: Vec<Option<Impact>> = d
                    .factories
                    .iter()
                    .map(|&(f, _)| {
                        d.impacts
                            .iter()
                            .find(|(g, _)| *g == f)
                            .map(|(_, i)| i.clone())
                    })
                    .collect();
                DisruptionReport {
                    id: d.id.clone(),
                    kind: d.kind.clone(),
                    headline: d.headline.clone(),
                    round: d.round,
                    minute: d.minute,
                    start_min: d.start.minutes(),
                    factories: d
                        .factories
                        .iter()
                        .map(|&(f, _)| {
                            self.tables
                                .factories
                                .get(f as usize)
                                .cloned()
                                .unwrap_or_default()
                        })
                        .collect(),
                    impact: Impact::mean(by.iter().flatten()),
                    impact_by_factory: by,
                }
            })
            .collect();
        Report {
            scenario: self.scenario.clone(),
            seed: self.seed,
            factories,
            disruptions,
        }
    }

    fn metrics(&self, a: &RoundAcc, round: u32, worker_unit: &[String]) -> Metrics {
        let minutes = minutes_from_ms(a.len_ms);
        let mut lead = a.lead_ms.clone();
        lead.sort_unstable();
        let mean = |sum: u128, n: u64| (n > 0).then(|| sum as f64 / n as f64 / MS_PER_MINUTE);
        let p90 = (!lead.is_empty()).then(|| {
            let rank = (0.9 * lead.len() as f64).ceil() as usize;
            minutes_from_ms(lead[rank.clamp(1, lead.len()) - 1])
        });
        // Utilisation: busy time over present time, per worker and per unit (final membership).
        let mut per_worker = Vec::new();
        let mut units: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for w in 0..a.busy.len() {
            let avail = a.len_ms.saturating_sub(a.absent[w]);
            if avail > 0 {
                per_worker.push(a.busy[w] as f64 / avail as f64);
                let u = units.entry(unit_of(worker_unit, w as u16)).or_default();
                u.0 += a.busy[w];
                u.1 += avail;
            }
        }
        let utilization_mean = (!per_worker.is_empty())
            .then(|| per_worker.iter().sum::<f64>() / per_worker.len() as f64);
        let unit_util: Vec<f64> = units
            .values()
            .filter(|(_, av)| *av > 0)
            .map(|(b, av)| *b as f64 / *av as f64)
            .collect();
        let utilization_cv = coefficient_of_variation(&unit_util);
        let betweenness = a.ties.betweenness(self.workers());
        let mut ranked: Vec<(usize, f64)> = betweenness
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, b)| *b > 0.0)
            .collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        Metrics {
            round,
            design: a.design.clone(),
            minutes,
            orders_received: a.figures.received,
            orders_delivered: a.figures.delivered,
            orders_on_time: a.figures.on_time,
            orders_late: a.figures.late,
            orders_lost: a.figures.lost,
            revenue: a.figures.revenue,
            penalties: a.figures.penalties,
            costs: a.figures.costs,
            wages: a.figures.wages,
            fixed_costs: a.figures.fixed,
            ingredient_costs: a.figures.ingredients,
            expedite_fees: a.figures.expedite,
            profit: a.figures.profit(),
            lead_time_mean_min: mean(a.lead_sum, a.figures.delivered),
            lead_time_p90_min: p90,
            throughput_per_hour: if minutes > 0.0 {
                a.figures.delivered as f64 / (minutes / 60.0)
            } else {
                0.0
            },
            wip_mean: if a.len_ms > 0 {
                a.wip_area as f64 / a.len_ms as f64
            } else {
                0.0
            },
            flow_efficiency: (a.lead_sum > 0).then(|| a.touch_sum as f64 / a.lead_sum as f64),
            task_wait_mean_min: mean(a.wait_sum, a.wait_n),
            handoffs: a.handoffs,
            cross_unit_handoffs: a.cross,
            cross_unit_wait_mean_min: mean(a.cross_wait_sum, a.cross_wait_n),
            cross_unit_wait_per_order_min: mean(a.cross_wait_sum, a.figures.delivered),
            questions: a.questions,
            questions_answered: a.answers,
            answered_across_units: a.answers_across,
            rework_tasks: a.rework,
            rework_per_order: (a.figures.delivered > 0)
                .then(|| a.rework as f64 / a.figures.delivered as f64),
            tasks_started: a.started,
            defects_found: a.defects,
            ties: a.ties.total(),
            meeting_ties: a.ties.meetings(),
            ei_index: a.ties.ei_index(),
            ei_forced: a.ties.forced.ei(),
            ei_beyond_structure: a
                .ties
                .ei_index()
                .zip(a.ties.forced.ei())
                .map(|(x, f)| x - f),
            utilization_mean,
            utilization_cv,
            spanning_min: minutes_from_ms(a.spanning_ms),
            spanner_load: (a.spanner_present_ms > 0).then(|| {
                (a.spanning_ms + a.spanner_answer_ms) as f64 / a.spanner_present_ms as f64
            }),
            boundary_spanners: ranked
                .iter()
                .take(3)
                .map(|(w, _)| self.tables.workers.get(*w).cloned().unwrap_or_default())
                .collect(),
        }
    }
}

fn unit_of(worker_unit: &[String], w: u16) -> &str {
    worker_unit.get(w as usize).map_or("?", String::as_str)
}

impl FactoryAcc {
    /// An event of people at work: tasks, handoffs, questions, help, meetings and absence.
    fn work(&mut self, r: usize, e: &SimEvent) {
        let t = e.t;
        match &e.kind {
            EventKind::TaskReady { order, .. } => {
                self.ready.insert(*order, t);
            }
            EventKind::TaskStarted {
                order,
                worker,
                unit,
                rework,
                ..
            } => self.task_started(r, t, *order, (*worker, *unit), *rework),
            EventKind::TaskFinished { worker, .. } => self.end_busy(r, *worker, t),
            EventKind::TaskInterrupted {
                order,
                worker: Some(worker),
                ..
            } => {
                self.interrupted.insert(*order, *worker);
                self.end_busy(r, *worker, t);
            }
            EventKind::Handoff {
                order,
                from_worker,
                from_unit,
                to_unit,
                cross_unit,
                ..
            } => self.handoff(
                r,
                t,
                *order,
                *from_worker,
                (*from_unit, *to_unit),
                *cross_unit,
            ),
            EventKind::QuestionAsked { order, to_unit, .. } => {
                self.rounds[r].questions += 1;
                self.questions += 1;
                let asked = self.unit_name(*to_unit);
                self.asked.insert(*order, asked);
            }
            EventKind::AnswerStarted { answerer, .. } => {
                self.start_busy(*answerer, t);
                self.answering.insert(*answerer, t);
            }
            EventKind::QuestionAnswered {
                order,
                asker,
                answerer,
            } => self.answered(r, t, *order, *asker, *answerer),
            EventKind::MeetingEnded { attendees, .. } => {
                for (i, &a) in attendees.iter().enumerate() {
                    for &b in &attendees[i + 1..] {
                        self.rounds[r].ties.meet(a, b);
                    }
                }
            }
            EventKind::WorkerAbsent { worker, .. } => {
                if let Some(s) = self.absent_since.get_mut(*worker as usize) {
                    s.get_or_insert(t);
                }
            }
            EventKind::WorkerReturned { worker } => self.end_absence(r, *worker, t),
            EventKind::SpanningStarted { worker } => {
                self.start_busy(*worker, t);
                if let Some(s) = self.span_since.get_mut(*worker as usize) {
                    *s = Some(t);
                }
            }
            EventKind::SpanningEnded { worker } => {
                self.end_busy(r, *worker, t);
                if let Some(since) = self
                    .span_since
                    .get_mut(*worker as usize)
                    .and_then(Option::take)
                {
                    self.rounds[r].spanning_ms += t.since(since);
                }
            }
            _ => {}
        }
    }

    /// Makes sure round `r` (and every one before it) has its accumulator.
    fn round_acc(&mut self, r: usize, workers: usize) {
        while self.rounds.len() <= r {
            self.rounds.push(RoundAcc {
                design: self.design.clone(),
                busy: vec![0; workers],
                absent: vec![0; workers],
                ..Default::default()
            });
        }
    }

    /// A new organisation: unit names, memberships and spanners from now on.
    fn organisation(&mut self, org: &OrgInfo, r: usize, round_start: bool) {
        self.design.clone_from(&org.design);
        if round_start {
            self.rounds[r].design.clone_from(&org.design);
        }
        self.units = org.units.iter().map(|u| u.id.clone()).collect();
        for u in &org.units {
            if !self.all_units.contains(&u.id) {
                self.all_units.push(u.id.clone());
                self.all_unit_names.push(u.name.clone());
            }
            for &w in &u.members {
                if self.worker_unit.len() <= w as usize {
                    self.worker_unit.resize(w as usize + 1, String::new());
                }
                self.worker_unit[w as usize].clone_from(&u.id);
            }
        }
        self.spanners.clone_from(&org.spanners);
    }

    /// The number of orders in the factory changes by `delta` at `t`: the time-weighted WIP so far is added
    /// to round `r`.
    fn wip_change(&mut self, r: usize, t: SimTime, delta: i64) {
        self.rounds[r].wip_area += u128::from(self.wip) * u128::from(t.since(self.wip_since));
        self.wip_since = t;
        self.wip = self.wip.saturating_add_signed(delta);
    }

    /// A work tie between two workers, internal or external by the units they are in now, and as the design
    /// forces it: between the units `forced` (ids).
    fn tie(&mut self, r: usize, (a, b): (u16, u16), forced: (&str, &str)) {
        let actual = (unit_of(&self.worker_unit, a), unit_of(&self.worker_unit, b));
        self.rounds[r].ties.add(a, b, TieUnits { actual, forced });
    }

    /// The id of unit `u` of the current organisation.
    fn unit_name(&self, u: u16) -> String {
        self.units
            .get(u as usize)
            .cloned()
            .unwrap_or_else(|| "?".into())
    }

    /// A question answered: counted (across units when the answerer is in another unit than the asker),
    /// the answer's time (a spanner's load when a spanner answered), and a tie between asker and answerer
    /// that the design forces between the asker's unit and the unit asked.
    fn answered(&mut self, r: usize, t: SimTime, order: OrderId, asker: u16, answerer: u16) {
        self.answers += 1;
        let ra = &mut self.rounds[r];
        ra.answers += 1;
        if unit_of(&self.worker_unit, asker) != unit_of(&self.worker_unit, answerer) {
            ra.answers_across += 1;
        }
        if let Some(since) = self.answering.remove(&answerer)
            && self.spanners.contains(&answerer)
        {
            ra.spanner_answer_ms += t.since(since);
        }
        let asker_unit = unit_of(&self.worker_unit, asker).to_string();
        let asked = self
            .asked
            .remove(&order)
            .unwrap_or_else(|| asker_unit.clone());
        self.tie(r, (asker, answerer), (&asker_unit, &asked));
        self.end_busy(r, answerer, t);
    }

    /// Present time of the current spanners over round `r` (after its length is known).
    fn spanners_present(&mut self, r: usize) {
        let ra = &mut self.rounds[r];
        ra.spanner_present_ms = self
            .spanners
            .iter()
            .map(|&w| {
                let absent = ra.absent.get(w as usize).copied().unwrap_or(0);
                ra.len_ms.saturating_sub(absent)
            })
            .sum();
    }

    /// A task starts: counted, its wait from ready, and the ties it makes: with the sender of the handoff
    /// that brought the order (forced between the sending unit and the unit owning the step) and with
    /// whoever was interrupted on it before (forced inside the task's unit).
    fn task_started(
        &mut self,
        r: usize,
        t: SimTime,
        order: OrderId,
        (worker, unit): (u16, u16),
        rework: bool,
    ) {
        let ra = &mut self.rounds[r];
        ra.started += 1;
        if rework {
            ra.rework += 1;
        }
        if let Some(ready) = self.ready.remove(&order) {
            ra.wait_sum += u128::from(t.since(ready));
            ra.wait_n += 1;
        }
        if let Some(before) = self.interrupted.remove(&order) {
            let task_unit = self.unit_name(unit);
            self.tie(r, (before, worker), (&task_unit, &task_unit));
        }
        if let Some(h) = self.handoff.remove(&order) {
            self.tie(r, (h.from_worker, worker), (&h.units.0, &h.units.1));
            let wait = u128::from(t.since(h.t));
            if h.cross {
                self.rounds[r].cross_wait_sum += wait;
                self.rounds[r].cross_wait_n += 1;
            }
            let cell = self.handoff_cells.entry(h.units).or_default();
            cell.1 += wait;
            cell.2 += 1;
        }
        self.start_busy(worker, t);
    }

    fn handoff(
        &mut self,
        r: usize,
        t: SimTime,
        order: OrderId,
        from_worker: u16,
        (from_unit, to_unit): (u16, u16),
        cross: bool,
    ) {
        let ra = &mut self.rounds[r];
        ra.handoffs += 1;
        if cross {
            ra.cross += 1;
        }
        let units = (self.unit_name(from_unit), self.unit_name(to_unit));
        self.handoff_cells.entry(units.clone()).or_default().0 += 1;
        self.handoff.insert(
            order,
            PendingHandoff {
                t,
                from_worker,
                cross,
                units,
            },
        );
    }

    /// An order left the factory: nothing more waits for it.
    fn order_gone(&mut self, order: OrderId) {
        self.ready.remove(&order);
        self.handoff.remove(&order);
        self.interrupted.remove(&order);
        self.asked.remove(&order);
    }

    fn start_busy(&mut self, w: u16, t: SimTime) {
        if let Some(s) = self.busy_since.get_mut(w as usize) {
            *s = Some(t);
        }
    }

    fn end_busy(&mut self, r: usize, w: u16, t: SimTime) {
        if let Some(since) = self.busy_since.get_mut(w as usize).and_then(Option::take)
            && let Some(b) = self.rounds[r].busy.get_mut(w as usize)
        {
            *b += t.since(since);
        }
    }

    fn end_absence(&mut self, r: usize, w: u16, t: SimTime) {
        if let Some(since) = self.absent_since.get_mut(w as usize).and_then(Option::take)
            && let Some(a) = self.rounds[r].absent.get_mut(w as usize)
        {
            *a += t.since(since);
        }
    }

    /// Closes round `r`'s open intervals at `t` (WIP area, busy and absent time), restarting them from `t`.
    fn close_round(&mut self, r: usize, t: SimTime) {
        self.wip_change(r, t, 0);
        let ra = &mut self.rounds[r];
        for (w, since) in self.busy_since.iter_mut().enumerate() {
            if let Some(s) = since {
                ra.busy[w] += t.since(*s);
                *s = t;
            }
        }
        for (w, since) in self.absent_since.iter_mut().enumerate() {
            if let Some(s) = since {
                ra.absent[w] += t.since(*s);
                *s = t;
            }
        }
    }
}

/// Population coefficient of variation; `None` for no values or a zero mean.
pub fn coefficient_of_variation(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    if mean <= 0.0 {
        return None;
    }
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / xs.len() as f64;
    Some(var.sqrt() / mean)
}

#[cfg(test)]
mod tests {
    //! Every metric of a short session written by hand, with the answer worked out below each figure.

    use super::*;
    use crate::domain::Practices;
    use crate::domain::event::{CostKind, DefectCause, FoundBy, LossReason, UnitInfo};

    const W0: u16 = 0;
    const W1: u16 = 1;
    const W2: u16 = 2;

    fn at(minute: f64, kind: EventKind) -> SimEvent {
        SimEvent {
            t: SimTime::from_minutes(minute),
            factory: Some(0),
            kind,
        }
    }

    fn session(minute: f64, kind: EventKind) -> SimEvent {
        SimEvent {
            factory: None,
            ..at(minute, kind)
        }
    }

    /// Units X (w0, w1; step 0) and Y (w2; step 1) of design `design`.
    fn org(design: &str) -> EventKind {
        let unit = |id: &str, members: Vec<u16>, steps: Vec<u16>| UnitInfo {
            id: id.into(),
            name: id.into(),
            members,
            steps,
        };
        EventKind::Organisation(Box::new(OrgInfo {
            design: design.into(),
            units: vec![
                unit("X", vec![W0, W1], vec![0]),
                unit("Y", vec![W2], vec![1]),
            ],
            spanners: Vec::new(),
            practices: Practices::default(),
        }))
    }

    fn ready(order: u64, step: u16, unit: u16) -> EventKind {
        EventKind::TaskReady { order, step, unit }
    }

    fn start(order: u64, step: u16, worker: u16, unit: u16, rework: bool) -> EventKind {
        EventKind::TaskStarted {
            order,
            step,
            worker,
            unit,
            rework,
            help: false,
            setup_ms: 0,
            board_ms: 0,
        }
    }

    fn finish(order: u64, step: u16, worker: u16) -> EventKind {
        EventKind::TaskFinished {
            order,
            step,
            worker,
            work_ms: 600_000,
        }
    }

    fn handoff(order: u64, steps: (u16, u16), units: (u16, u16), from: u16) -> EventKind {
        EventKind::Handoff {
            order,
            from_step: steps.0,
            to_step: steps.1,
            from_unit: units.0,
            to_unit: units.1,
            from_worker: from,
            cross_unit: units.0 != units.1,
            delay_ms: 0,
            rework: steps.1 <= steps.0,
        }
    }

    fn received(order: u64, price: f64) -> EventKind {
        EventKind::OrderReceived {
            order,
            product: 0,
            due: SimTime::ZERO,
            price,
            custom: true,
            rush: false,
        }
    }

    fn delivered(
        order: u64,
        lead: f64,
        late: f64,
        touch: f64,
        price: f64,
        penalty: f64,
    ) -> EventKind {
        let ms = |m: f64| SimTime::from_minutes(m).0;
        EventKind::OrderDelivered {
            order,
            lead_ms: ms(lead),
            late_ms: ms(late),
            touch_ms: ms(touch),
            revenue: price,
            penalty,
        }
    }

    /// One round of 60 minutes: order 1 is served across units with a question on the way; order 2 is
    /// reworked once and delivered late; order 3 is lost.
    fn events() -> Vec<SimEvent> {
        let tables = Tables {
            factories: vec!["Team".into()],
            workers: vec!["w0".into(), "w1".into(), "w2".into()],
            skills: vec!["a".into()],
            steps: vec!["s0".into(), "s1".into()],
            products: vec!["p".into()],
            stations: Vec::new(),
            ingredients: Vec::new(),
            worker_names: Vec::new(),
            step_names: Vec::new(),
        };
        vec![
            session(
                0.0,
                EventKind::SessionStarted {
                    scenario: "hand".into(),
                    seed: 9,
                    rounds: 1,
                    round_minutes: 60.0,
                    live_offers: false,
                    tables: Box::new(tables),
                },
            ),
            at(0.0, org("d1")),
            session(0.0, EventKind::RoundStarted { round: 1 }),
            at(0.0, org("d2")),
            at(
                0.0,
                EventKind::Cost {
                    kind: CostKind::Fixed,
                    amount: 100.0,
                },
            ),
            at(0.0, received(1, 50.0)),
            at(0.0, ready(1, 0, 0)),
            at(2.0, start(1, 0, W0, 0, false)),
            at(12.0, finish(1, 0, W0)),
            at(12.0, handoff(1, (0, 1), (0, 1), W0)),
            at(12.0, ready(1, 1, 1)),
            at(
                12.0,
                EventKind::QuestionAsked {
                    order: 1,
                    step: 1,
                    asker: W2,
                    to_unit: 0,
                },
            ),
            at(
                12.0,
                EventKind::AnswerStarted {
                    order: 1,
                    answerer: W1,
                },
            ),
            at(
                15.0,
                EventKind::QuestionAnswered {
                    order: 1,
                    asker: W2,
                    answerer: W1,
                },
            ),
            at(15.0, ready(1, 1, 1)),
            at(16.0, start(1, 1, W2, 1, false)),
            at(20.0, received(2, 40.0)),
            at(20.0, ready(2, 0, 0)),
            at(20.0, start(2, 0, W0, 0, true)),
            at(26.0, finish(1, 1, W2)),
            at(26.0, delivered(1, 26.0, 0.0, 20.0, 50.0, 0.0)),
            at(30.0, finish(2, 0, W0)),
            at(
                30.0,
                EventKind::DefectFound {
                    order: 2,
                    step: 0,
                    origin_step: 0,
                    cause: DefectCause::Process,
                    by: FoundBy::Inspection,
                },
            ),
            at(30.0, handoff(2, (0, 0), (0, 0), W0)),
            at(30.0, ready(2, 0, 0)),
            at(30.0, start(2, 0, W1, 0, true)),
            at(40.0, finish(2, 0, W1)),
            at(40.0, handoff(2, (0, 1), (0, 1), W1)),
            at(40.0, ready(2, 1, 1)),
            at(45.0, start(2, 1, W2, 1, false)),
            at(50.0, received(3, 30.0)),
            at(55.0, finish(2, 1, W2)),
            at(55.0, delivered(2, 35.0, 5.0, 30.0, 40.0, 2.0)),
            at(
                58.0,
                EventKind::OrderLost {
                    order: 3,
                    reason: LossReason::Cancelled,
                },
            ),
            at(
                60.0,
                EventKind::Cost {
                    kind: CostKind::Wages,
                    amount: 60.0,
                },
            ),
            session(60.0, EventKind::RoundEnded { round: 1 }),
        ]
    }

    fn collected() -> Collector {
        let mut c = Collector::new();
        for e in &events() {
            c.observe(e);
        }
        c
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn orders_money_and_time_figures() {
        let r = collected().report();
        let m = &r.factories[0].rounds[0];
        assert_eq!(m.design, "d2", "the design in use after the round's start");
        assert_eq!(m.minutes, 60.0);
        assert_eq!(
            (m.orders_received, m.orders_delivered, m.orders_on_time),
            (3, 2, 1)
        );
        assert_eq!((m.orders_late, m.orders_lost), (1, 1));
        // 50 + (40 - 2) earned; 100 fixed + 60 wages spent.
        assert_eq!((m.revenue, m.costs, m.profit), (88.0, 160.0, -72.0));
        // Lead times 26 and 35: mean 30.5, 90th percentile by nearest rank (ceil(0.9 * 2) = 2nd) 35.
        assert!(close(m.lead_time_mean_min, 30.5) && close(m.lead_time_p90_min, 35.0));
        assert_eq!(m.throughput_per_hour, 2.0);
        // Orders in the factory: o1 for 26 min, o2 for 35, o3 for 8 = 69 order-minutes over 60 minutes.
        assert!((m.wip_mean - 69.0 / 60.0).abs() < 1e-9);
        // Touch over lead: (20 + 30) / (26 + 35).
        assert!(close(m.flow_efficiency, 50.0 / 61.0));
        // Waits from ready to start: 2, 1 (ready again at 15, started 16), 0, 0, 5.
        assert!(close(m.task_wait_mean_min, 8.0 / 5.0));
        assert_eq!(r.factories[0].totals.profit, m.profit);
    }

    #[test]
    fn coordination_figures() {
        let c = collected();
        let m = &c.report().factories[0].rounds[0];
        assert_eq!((m.handoffs, m.cross_unit_handoffs), (3, 2));
        // Cross-unit handoffs at 12 and 40 were taken up at 16 and 45.
        assert!(close(m.cross_unit_wait_mean_min, 4.5));
        assert_eq!((m.questions, m.defects_found), (1, 1));
        assert_eq!((m.rework_tasks, m.tasks_started), (2, 5));
        // Ties: handoffs w0-w2 (across), w0-w1 (inside), w1-w2 (across); the question w2-w1 (across).
        assert_eq!(m.ties, 4);
        assert!(close(m.ei_index, (3.0 - 1.0) / 4.0));
        // The design forces the same: every cross-unit tie came from a handoff or a question between X and Y.
        assert!(close(m.ei_forced, 0.5) && close(m.ei_beyond_structure, 0.0));
        // A triangle of ties: nobody lies between two others.
        assert!(m.boundary_spanners.is_empty());
        let d = c.details(0).unwrap();
        assert_eq!((d.questions, d.answers, d.answers_across), (1, 1, 1));
        assert_eq!(d.rework_causes, vec![("process defect".to_string(), 1)]);
        let cross: Vec<_> = d.handoffs.iter().filter(|h| h.from != h.to).collect();
        assert_eq!(
            (cross[0].from.as_str(), cross[0].to.as_str(), cross[0].count),
            ("X", "Y", 2)
        );
    }

    /// The hand-written session with `extra` events just before its round ends.
    fn collected_with(extra: Vec<SimEvent>) -> Collector {
        let mut events = events();
        let end = events.pop().unwrap();
        events.extend(extra);
        events.push(end);
        let mut c = Collector::new();
        for e in &events {
            c.observe(e);
        }
        c
    }

    #[test]
    fn the_worker_between_the_others_is_the_boundary_spanner() {
        // Only two handoffs: w0 to w1 inside X, w1 to w2 across to Y. Every shortest path from w0 to w2 runs
        // through w1; a stand-up of all three changes nothing (meetings are a layer apart).
        let mut c = Collector::new();
        let mut events: Vec<SimEvent> = events().into_iter().take(3).collect();
        events.extend([
            at(0.0, handoff(7, (0, 0), (0, 0), W0)),
            at(1.0, start(7, 0, W1, 0, false)),
            at(2.0, handoff(7, (0, 1), (0, 1), W1)),
            at(3.0, start(7, 1, W2, 1, false)),
            at(
                4.0,
                EventKind::MeetingEnded {
                    unit: None,
                    attendees: vec![W0, W1, W2],
                },
            ),
            session(60.0, EventKind::RoundEnded { round: 1 }),
        ]);
        for e in &events {
            c.observe(e);
        }
        let m = &c.report().factories[0].rounds[0];
        assert_eq!((m.ties, m.meeting_ties), (2, 3));
        assert_eq!(m.boundary_spanners, vec!["w1".to_string()]);
        // w0-w1 inside X, w1-w2 across: E-I (1 - 1) / 2, as the design forces it.
        assert!(close(m.ei_index, 0.0) && close(m.ei_forced, 0.0));
        assert!(close(m.ei_beyond_structure, 0.0));
    }

    #[test]
    fn answers_and_the_figures_that_answer_the_reflection() {
        let m = &collected().report().factories[0].rounds[0];
        // w1 (unit X) answered w2 (unit Y): one answer, across units.
        assert_eq!((m.questions_answered, m.answered_across_units), (1, 1));
        // Cross-unit waits 4 and 5 minutes over 2 deliveries; 2 rework tasks over 2 deliveries.
        assert!(close(m.cross_unit_wait_per_order_min, 4.5));
        assert!(close(m.rework_per_order, 1.0));
        // No spanners: no load.
        assert_eq!(m.spanner_load, None);
    }

    #[test]
    fn a_task_taken_over_ties_the_two_and_a_helper_works_beyond_the_structure() {
        // Order 9 is in step 0 (unit X): w0 is interrupted on it, w2 of unit Y takes it over as a helper.
        let c = collected_with(vec![
            at(56.0, start(9, 0, W0, 0, false)),
            at(
                57.0,
                EventKind::TaskInterrupted {
                    order: 9,
                    step: 0,
                    worker: Some(W0),
                    reason: crate::domain::event::InterruptReason::WorkerAbsent,
                },
            ),
            at(58.0, start(9, 0, W2, 0, false)),
        ]);
        let m = &c.report().factories[0].rounds[0];
        // The session's 4 ties and w0-w2: as it happened across X and Y; as forced inside X.
        assert_eq!(m.ties, 5);
        assert!(close(m.ei_index, (4.0 - 1.0) / 5.0));
        assert!(close(m.ei_forced, (3.0 - 2.0) / 5.0));
        assert!(close(m.ei_beyond_structure, 0.4));
        let x = c.details(0).unwrap().ties.ei_units();
        // Every tie touches X: as it happened 4 out (w0-w2 twice, w1-w2, the question) and 1 in; as forced 3
        // out and 2 in.
        assert_eq!(x[0].unit, "X");
        assert!(close(x[0].actual, 0.6) && close(x[0].forced, 0.2));
    }

    #[test]
    fn spanners_load_is_their_spanning_and_answering_over_their_present_time() {
        // w1 becomes a spanner at minute 0 and spans 40-50; the question (12-15) was answered before that
        // too, so counts as well: (10 + 3) / 60.
        let mut events = events();
        let end = events.pop().unwrap();
        if let EventKind::Organisation(org) = &mut events[3].kind {
            org.spanners = vec![W1];
        }
        events.extend([
            at(40.0, EventKind::SpanningStarted { worker: W1 }),
            at(50.0, EventKind::SpanningEnded { worker: W1 }),
            end,
        ]);
        let mut c = Collector::new();
        for e in &events {
            c.observe(e);
        }
        let m = &c.report().factories[0].rounds[0];
        assert_eq!(m.spanning_min, 10.0);
        assert!(close(m.spanner_load, 13.0 / 60.0), "{:?}", m.spanner_load);
    }

    #[test]
    fn utilisation_figures() {
        let m = &collected().report().factories[0].rounds[0];
        // Busy: w0 2-12 and 20-30 (20 min), w1 answering 12-15 and working 30-40 (13), w2 16-26 and 45-55 (20).
        assert!(close(m.utilization_mean, (20.0 + 13.0 + 20.0) / 180.0));
        // Per unit: X (20 + 13) / 120, Y 20 / 60; the coefficient of variation of the two.
        let (x, y): (f64, f64) = (33.0 / 120.0, 20.0 / 60.0);
        let mean = (x + y) / 2.0;
        assert!(close(m.utilization_cv, (x - mean).abs() / mean));
    }

    /// During a round its wages and fixed cost count as far as they have accrued; at its end they are paid
    /// and the live profit does not jump.
    #[test]
    fn costs_accrue_during_the_round() {
        let all = events();
        let mut c = Collector::new();
        let accrue = at(
            0.0,
            EventKind::CostsAccrue {
                wages_per_hour: 120.0,
                fixed: 300.0,
                round_minutes: 60.0,
            },
        );
        // The fixture pays its costs as events; only the accrual is added here.
        for e in all
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::Cost { .. }))
        {
            if e.t > SimTime::from_minutes(30.0) {
                break;
            }
            c.observe(e);
            if matches!(e.kind, EventKind::RoundStarted { .. }) {
                c.observe(&accrue);
            }
        }
        let costs = |c: &Collector, m: f64| c.live(0, SimTime::from_minutes(m)).unwrap().figures;
        let half = costs(&c, 30.0);
        assert!((half.wages - 60.0).abs() < 1e-9, "{half:?}");
        assert!((half.fixed - 150.0).abs() < 1e-9, "{half:?}");
        assert!((half.costs - 210.0).abs() < 1e-9, "{half:?}");
        for (kind, amount) in [(CostKind::Fixed, 300.0), (CostKind::Wages, 120.0)] {
            c.observe(&at(60.0, EventKind::Cost { kind, amount }));
        }
        c.observe(&session(60.0, EventKind::RoundEnded { round: 1 }));
        let end = costs(&c, 60.0);
        assert!((end.costs - 420.0).abs() < 1e-9, "{end:?}");
        assert!(
            (costs(&c, 90.0).costs - 420.0).abs() < 1e-9,
            "nothing accrues between rounds"
        );
    }

    #[test]
    fn the_live_figures_are_the_report_totals() {
        let c = collected();
        let totals = &c.report().factories[0].totals;
        let live = c.live(0, SimTime::from_minutes(60.0)).unwrap();
        let f = &live.figures;
        assert_eq!(
            (f.received, f.delivered, f.on_time, f.late, f.lost),
            (
                totals.orders_received,
                totals.orders_delivered,
                totals.orders_on_time,
                totals.orders_late,
                totals.orders_lost
            )
        );
        assert_eq!(
            (f.revenue, f.costs, f.profit()),
            (totals.revenue, totals.costs, totals.profit)
        );
        assert_eq!((live.design.as_str(), live.wip), ("d2", 0));
    }
}
