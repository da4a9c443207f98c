//! The order stream of the market. Every factory runs its own copy of the same generator (same seed, same
//! draws), so all factories receive identical orders at identical times, whatever they do.
//!
//! Each demand source has its own sub-stream and draws a fixed number of uniforms per order, so adding or
//! changing one source never shifts another.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rand_chacha::ChaCha8Rng;

use super::rng::{Stream, next_unit, substream_rng};
use crate::domain::{Dist, SimTime};
use crate::scenario::model::{Demand, Model};

/// An order as the market places it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct OrderSpec {
    pub product: usize,
    pub arrival: SimTime,
    pub due: SimTime,
    /// When the customer will change the spec (custom products only).
    pub spec_change_at: Option<SimTime>,
}

#[derive(Clone)]
struct Source {
    rng: ChaCha8Rng,
    /// Scheduled sources: index of the next `(round, minute)` entry.
    next_fixed: usize,
}

#[derive(Clone)]
pub(super) struct DemandGen {
    sources: Vec<Source>,
    /// Next arrival of each source in the current round: (time, source index).
    pending: BinaryHeap<Reverse<(SimTime, usize)>>,
    round: u32,
    round_start: SimTime,
    round_end: SimTime,
}

/// Draws the attributes of one order from a source's stream: always four uniforms, in the same order.
pub fn draw_order(
    model: &Model,
    rng: &mut ChaCha8Rng,
    product: usize,
    due_in: &Dist,
    arrival: SimTime,
) -> OrderSpec {
    let (u_due1, u_due2) = (next_unit(rng), next_unit(rng));
    let (u_spec, u_spec_time) = (next_unit(rng), next_unit(rng));
    let due_min = due_in.sample(u_due1, u_due2);
    let due = arrival.saturating_add(crate::domain::time::ms_from_minutes(due_min).max(1));
    let p = &model.products[product];
    let spec_change_at = (p.custom && u_spec < p.spec_change_prob).then(|| {
        // Somewhere between arrival and the due time.
        arrival.saturating_add(crate::domain::time::ms_from_minutes(due_min * u_spec_time))
    });
    OrderSpec {
        product,
        arrival,
        due,
        spec_change_at,
    }
}

impl DemandGen {
    pub fn new(model: &Model, seed: u64) -> Self {
        DemandGen {
            sources: (0..model.demand.len())
                .map(|i| Source {
                    rng: substream_rng(seed, Stream::Demand, i as u64),
                    next_fixed: 0,
                })
                .collect(),
            pending: BinaryHeap::new(),
            round: 0,
            round_start: SimTime::ZERO,
            round_end: SimTime::ZERO,
        }
    }

    /// Starts a round: plans each source's first arrival in it.
    pub fn start_round(&mut self, model: &Model, round: u32, start: SimTime, end: SimTime) {
        self.pending.clear();
        self.round = round;
        self.round_start = start;
        self.round_end = end;
        for i in 0..self.sources.len() {
            self.plan_next(model, i, start);
        }
    }

    /// Stops arrivals (the round ended, possibly early).
    pub fn end_round(&mut self) {
        self.pending.clear();
    }

    fn plan_next(&mut self, model: &Model, i: usize, after: SimTime) {
        let src = &mut self.sources[i];
        let next = match &model.demand[i] {
            Demand::Poisson {
                per_hour,
                round_factors,
                ..
            } => {
                let factor = round_factors
                    .get(self.round as usize - 1)
                    .copied()
                    .unwrap_or(1.0);
                let u = next_unit(&mut src.rng);
                let rate_per_min = per_hour * factor / 60.0;
                if rate_per_min <= 0.0 {
                    None
                } else {
                    let gap = -(1.0 - u).ln() / rate_per_min;
                    Some(after.saturating_add(crate::domain::time::ms_from_minutes(gap)))
                }
            }
            Demand::Scheduled { at, .. } => {
                while at.get(src.next_fixed).is_some_and(|(r, _)| *r < self.round) {
                    src.next_fixed += 1;
                }
                at.get(src.next_fixed)
                    .filter(|(r, _)| *r == self.round)
                    .map(|(_, m)| {
                        src.next_fixed += 1;
                        self.round_start
                            .saturating_add(crate::domain::time::ms_from_minutes(*m))
                    })
            }
        };
        if let Some(t) = next.filter(|t| *t < self.round_end) {
            self.pending.push(Reverse((t, i)));
        }
    }

    /// Time of the next arrival in this round.
    pub fn next_time(&self) -> Option<SimTime> {
        self.pending.peek().map(|Reverse((t, _))| *t)
    }

    /// Takes the next arrival (which must be due) and plans the one after it.
    pub fn pop(&mut self, model: &Model) -> Option<OrderSpec> {
        let Reverse((t, i)) = self.pending.pop()?;
        let (product, due_in) = match &model.demand[i] {
            Demand::Poisson {
                product, due_in, ..
            }
            | Demand::Scheduled {
                product, due_in, ..
            } => (*product, due_in),
        };
        let spec = draw_order(model, &mut self.sources[i].rng, product, due_in, t);
        self.plan_next(model, i, t);
        Some(spec)
    }
}
