//! A factory's organisation at run time: units, who is in which, who owns which step, spanners and practices,
//! and the handoff parameters that follow from them.

use crate::domain::event::{EventKind, OrgInfo, UnitInfo};
use crate::domain::{Dist, Practices, StandupScope};
use crate::scenario::model::{Effect, Model, Multipliers};

/// "No unit" (an order not yet in one).
pub(super) const NONE: u16 = u16::MAX;

/// A unit as it stands now.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRt {
    /// Its id in the design.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The steps it owns now (indices, sorted).
    pub steps: Vec<usize>,
}

/// A factory's organisation now: its design as the team has changed it since.
#[derive(Clone, Debug, PartialEq)]
pub struct Org {
    /// The design's name.
    pub design: String,
    /// The design's index in the scenario.
    pub design_index: usize,
    /// Its units.
    pub units: Vec<UnitRt>,
    /// Each worker's unit (index).
    pub worker_unit: Vec<u16>,
    /// Which workers are boundary spanners.
    pub spanner: Vec<bool>,
    /// The practices in use.
    pub practices: Practices,
    // Derived by `refresh`:
    /// Units owning each step.
    pub owners: Vec<Vec<u16>>,
    /// Each step's WIP limit, if it has one.
    pub wip_limit: Vec<Option<u32>>,
}

impl Org {
    /// The organisation of design `index` as the scenario describes it.
    pub fn from_design(model: &Model, index: usize) -> Org {
        let design = &model.designs[index];
        let mut worker_unit = vec![0; model.workers.len()];
        for (u, unit) in design.units.iter().enumerate() {
            for &w in &unit.members {
                worker_unit[w] = u as u16;
            }
        }
        let mut spanner = vec![false; model.workers.len()];
        for &s in &design.spanners {
            spanner[s] = true;
        }
        let mut org = Org {
            design: design.name.clone(),
            design_index: index,
            units: design
                .units
                .iter()
                .map(|u| UnitRt {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    steps: u.steps.clone(),
                })
                .collect(),
            worker_unit,
            spanner,
            practices: design.practices.clone(),
            owners: Vec::new(),
            wip_limit: Vec::new(),
        };
        org.refresh(model);
        org
    }

    /// The organisation of design `index` for a team now organised as `from`: the new design's units and
    /// practices, with the team's own decisions kept where they still make sense. A decision is what differs
    /// from what `from`'s design set: who is a boundary spanner, each practice changed (stand-ups, the board,
    /// helping, queue order), each WIP limit set or removed, and each person moved to a unit the new design
    /// also has (kept only while `staffed` accepts the result: no step left without anyone able to do it).
    pub fn switched(
        model: &Model,
        index: usize,
        from: &Org,
        staffed: impl Fn(&Org) -> bool,
    ) -> Org {
        let before = Org::from_design(model, from.design_index);
        let mut org = Org::from_design(model, index);
        for (w, on) in from.spanner.iter().enumerate() {
            if *on != before.spanner[w] {
                org.spanner[w] = *on;
            }
        }
        let (now, was, p) = (&from.practices, &before.practices, &mut org.practices);
        if now.standup != was.standup {
            p.standup = now.standup.clone();
        }
        if now.shared_board != was.shared_board {
            p.shared_board = now.shared_board;
        }
        if now.helping != was.helping {
            p.helping = now.helping;
        }
        if now.priority != was.priority {
            p.priority = now.priority;
        }
        for step in &model.steps {
            let limit = |x: &Practices| {
                x.wip_limits
                    .iter()
                    .find(|(s, _)| *s == step.id)
                    .map(|(_, l)| *l)
            };
            let chosen = limit(now);
            if chosen != limit(was) {
                p.wip_limits.0.retain(|(s, _)| *s != step.id);
                if let Some(l) = chosen {
                    p.wip_limits.0.push((step.id.clone(), l));
                }
            }
        }
        let mut moved = org.clone();
        for (w, &u) in from.worker_unit.iter().enumerate() {
            let (id, default) = (
                &from.units[u as usize].id,
                &before.units[before.worker_unit[w] as usize].id,
            );
            if id != default
                && let Some(nu) = moved.unit_index(id)
            {
                moved.worker_unit[w] = nu;
            }
        }
        moved.refresh(model);
        if moved.worker_unit != org.worker_unit && staffed(&moved) {
            return moved;
        }
        org.refresh(model);
        org
    }

    /// Recomputes the derived tables after a change.
    pub fn refresh(&mut self, model: &Model) {
        self.owners = vec![Vec::new(); model.steps.len()];
        for (u, unit) in self.units.iter().enumerate() {
            for &s in &unit.steps {
                self.owners[s].push(u as u16);
            }
        }
        self.wip_limit = vec![None; model.steps.len()];
        for (step, limit) in self.practices.wip_limits.iter() {
            if let Some(s) = model.step_index(step) {
                self.wip_limit[s] = Some((*limit).max(1));
            }
        }
    }

    /// The index of unit `id`.
    pub fn unit_index(&self, id: &str) -> Option<u16> {
        self.units.iter().position(|u| u.id == id).map(|u| u as u16)
    }

    /// The members of `unit` now.
    pub fn members(&self, unit: u16) -> impl Iterator<Item = usize> + '_ {
        self.worker_unit
            .iter()
            .enumerate()
            .filter(move |(_, u)| **u == unit)
            .map(|(w, _)| w)
    }

    /// The handoff parameters between two units under the current practices (before outages): the spanner
    /// effect when a spanner at work links the two units, the board's when it is in use, and the stand-up's
    /// at `standup` strength (1 just after one, fading to 0).
    pub fn handoff(
        &self,
        model: &Model,
        (from, to): (u16, u16),
        spanner_linked: bool,
        standup: f64,
    ) -> Handoff {
        let cross = from != to;
        let c = &model.coordination;
        let base = if cross { &c.cross_unit } else { &c.within_unit };
        let mut m = Multipliers::default();
        let mut apply = |e: &Effect, strength: f64| {
            let x = if cross { &e.cross_unit } else { &e.within_unit };
            m.delay *= 1.0 + (x.delay - 1.0) * strength;
            m.miscommunication *= 1.0 + (x.miscommunication - 1.0) * strength;
            m.question *= 1.0 + (x.question - 1.0) * strength;
        };
        if spanner_linked {
            apply(&c.spanner, 1.0);
        }
        if self.practices.shared_board {
            apply(&c.shared_board, 1.0);
        }
        match self.practices.standup.as_ref().map(|s| s.scope) {
            Some(StandupScope::Unit) => apply(&c.unit_standup, standup),
            Some(StandupScope::Factory) => apply(&c.factory_standup, standup),
            None => {}
        }
        Handoff {
            cross,
            delay: base.delay.clone(),
            delay_factor: m.delay,
            miscommunication: base.miscommunication * m.miscommunication,
            question: base.question * m.question,
        }
    }

    /// The `Organisation` event describing this organisation.
    pub fn event(&self) -> EventKind {
        EventKind::Organisation(Box::new(OrgInfo {
            design: self.design.clone(),
            units: self
                .units
                .iter()
                .enumerate()
                .map(|(u, unit)| UnitInfo {
                    id: unit.id.clone(),
                    name: unit.name.clone(),
                    members: self.members(u as u16).map(|w| w as u16).collect(),
                    steps: unit.steps.iter().map(|&s| s as u16).collect(),
                })
                .collect(),
            spanners: self
                .spanner
                .iter()
                .enumerate()
                .filter(|(_, s)| **s)
                .map(|(w, _)| w as u16)
                .collect(),
            practices: self.practices.clone(),
        }))
    }
}

/// The parameters of one handoff: the delay distribution with a factor applied to its samples, and the
/// chances of miscommunication and of a question (clamped to 0..1 when used).
pub struct Handoff {
    /// Between two units.
    pub cross: bool,
    /// The transit time.
    pub delay: Dist,
    /// The factor on the transit time's samples.
    pub delay_factor: f64,
    /// The chance the receiver misunderstands.
    pub miscommunication: f64,
    /// The chance of a question (custom orders).
    pub question: f64,
}

impl Handoff {
    /// Applies a communication outage's multipliers (cross-unit handoffs only).
    pub fn worsen(&mut self, m: &Multipliers) {
        if self.cross {
            self.delay_factor *= m.delay;
            self.miscommunication *= m.miscommunication;
            self.question *= m.question;
        }
    }
}
