//! A disruption measured against its twin. When a disruption strikes, the factory forks a copy of itself as it
//! was the instant before; the copy (the twin) never gets that disruption but gets everything else the factory
//! gets afterwards (the team's decisions, round control, later disruptions) and, keyed by order and step,
//! the same random draws. Both run side by side for one round's length of play (or to the session's end);
//! then the factory reports the difference as a `DisruptionImpact` event and drops the twin.

use super::*;
use crate::domain::event::ImpactFigures;
use crate::domain::time::minutes_from_ms;

/// The most twins one factory runs at once; a disruption striking while that many are running is not
/// measured (each twin costs up to a round of simulation).
pub const MAX_TWINS: usize = 16;

/// What one side of the comparison did in the window.
#[derive(Clone, Debug, Default)]
struct Side {
    /// When each delivery happened.
    deliveries: Vec<SimTime>,
    /// Late deliveries.
    late: i64,
    /// Revenue after penalties, less costs.
    money: f64,
}

impl Side {
    fn observe(&mut self, e: &SimEvent) {
        match &e.kind {
            EventKind::OrderDelivered {
                late_ms,
                revenue,
                penalty,
                ..
            } => {
                self.deliveries.push(e.t);
                self.late += i64::from(*late_ms > 0);
                self.money += revenue - penalty;
            }
            EventKind::Cost { amount, .. } => self.money -= amount,
            _ => {}
        }
    }
}

/// A running twin.
#[derive(Clone)]
pub(super) struct Twin {
    /// The disruption it leaves out.
    id: String,
    /// When it struck.
    start: SimTime,
    /// When the comparison ends.
    horizon: SimTime,
    /// The factory without the disruption.
    sim: Box<FactorySim>,
    /// The factory as played, from `start` on.
    played: Side,
    /// The twin, from `start` on.
    without: Side,
}

impl Twin {
    /// The impact over the window from `start` to `end`.
    fn impact(&self, end: SimTime) -> EventKind {
        let (p, w) = (&self.played, &self.without);
        // The gap in cumulative deliveries, step by step in time; where it first reaches its largest value.
        let mut steps: Vec<(SimTime, i64)> = w
            .deliveries
            .iter()
            .map(|&t| (t, 1))
            .chain(p.deliveries.iter().map(|&t| (t, -1)))
            .collect();
        steps.sort_by_key(|&(t, _)| t);
        let (mut gap, mut worst, mut at) = (0i64, 0i64, self.start);
        let mut i = 0;
        while i < steps.len() {
            let t = steps[i].0;
            while i < steps.len() && steps[i].0 == t {
                gap += steps[i].1;
                i += 1;
            }
            if gap > worst {
                worst = gap;
                at = t;
            }
        }
        EventKind::DisruptionImpact(Box::new(ImpactFigures {
            id: self.id.clone(),
            window_min: minutes_from_ms(end.since(self.start)),
            deliveries_lost: w.deliveries.len() as i64 - p.deliveries.len() as i64,
            late_added: p.late - w.late,
            profit_lost: w.money - p.money,
            settled_min: minutes_from_ms(at.since(self.start)),
        }))
    }
}

impl FactorySim {
    /// Forks the twin of disruption `id`, which is about to strike now.
    pub(super) fn fork_twin(&mut self, id: &str) {
        if self.is_twin || self.twins.len() >= MAX_TWINS {
            return;
        }
        let twins = std::mem::take(&mut self.twins);
        let mut sim = Box::new(self.clone());
        self.twins = twins;
        sim.is_twin = true;
        sim.out.clear();
        self.twins.push(Twin {
            id: id.to_string(),
            start: self.now,
            horizon: self.now.saturating_add(self.model.round_len.0.max(1)),
            sim,
            played: Side::default(),
            without: Side::default(),
        });
    }

    /// The factory's own event `e` (just emitted), seen by every twin whose window it falls in.
    pub(super) fn twins_see(&mut self, e: &SimEvent) {
        for tw in &mut self.twins {
            if e.t <= tw.horizon {
                tw.played.observe(e);
            }
        }
    }

    /// The earliest end of a running twin's window.
    pub(super) fn next_horizon(&self) -> Option<SimTime> {
        self.twins.iter().map(|t| t.horizon).min()
    }

    /// Advances every twin to `until` (at most to its horizon), taking in what it did.
    pub(super) fn advance_twins(&mut self, until: SimTime) {
        for tw in &mut self.twins {
            tw.sim.advance(until.min(tw.horizon));
            let horizon = tw.horizon;
            for e in tw.sim.out.drain(..) {
                if e.t <= horizon {
                    tw.without.observe(&e);
                }
            }
        }
    }

    /// Runs `action` on every twin at the factory's current time (what it does there is not the factory's).
    pub(super) fn each_twin(&mut self, mut action: impl FnMut(&mut FactorySim)) {
        if self.twins.is_empty() {
            return;
        }
        self.advance_twins(self.now);
        for tw in &mut self.twins {
            action(&mut tw.sim);
        }
        self.advance_twins(self.now);
    }

    /// Reports and drops the twins whose window has ended (all of them when `all`: the session is over).
    pub(super) fn settle_twins(&mut self, all: bool) {
        let now = self.now;
        let (done, running): (Vec<Twin>, Vec<Twin>) = std::mem::take(&mut self.twins)
            .into_iter()
            .partition(|t| all || t.horizon <= now);
        self.twins = running;
        for tw in done {
            let end = now.min(tw.horizon);
            self.emit(tw.impact(end));
        }
    }
}
