//! A team's decisions applied to its factory: switching design, moving people, spanners, practices, step
//! ownership, expediting and rush offers.

use super::*;
use crate::domain::command::TeamAction;
use crate::domain::{PracticeChange, Priority};
use crate::i18n::Lang::En;
use crate::scenario::check::{Resolved, staffing_problems};
use crate::t;

impl FactorySim {
    /// Applies a team's decision now (to its twins too); an invalid one changes nothing and says why.
    pub fn apply(&mut self, action: &TeamAction) -> Result<(), String> {
        // A twin numbers its offers by its own history: an answer goes to the offer of the same disruption.
        let instance = match action {
            TeamAction::RespondToOffer { offer, .. } => self.offer_instance(*offer),
            _ => None,
        };
        self.decide(action)?;
        self.each_twin(|t| {
            let mine = match (action, instance) {
                (TeamAction::RespondToOffer { accept, .. }, Some(i)) => {
                    t.offer_of(i).map(|offer| TeamAction::RespondToOffer {
                        offer,
                        accept: *accept,
                    })
                }
                _ => Some(action.clone()),
            };
            // The twin may refuse what the factory took (a rush offer it never had): it goes on without.
            if let Some(a) = mine {
                let _ = t.decide(&a);
            }
        });
        Ok(())
    }

    fn decide(&mut self, action: &TeamAction) -> Result<(), String> {
        // Whatever the decision, the next dispatch looks at every queue again.
        self.dispatch_due = true;
        let model = self.shared_model();
        match model.resolve_action(action, self.org.design_index)? {
            Resolved::SetDesign(d) => {
                self.check_staffed(&self.switched(d))?;
                self.choose_design(d);
            }
            Resolved::MoveWorker { worker: w, unit: u } => {
                if self.org.worker_unit[w] == u {
                    return Err(t!(
                        En,
                        "refuse-already-in",
                        worker = model.workers[w].id.as_str(),
                        unit = self.org.units[u as usize].id.as_str()
                    ));
                }
                let mut org = self.org.clone();
                org.worker_unit[w] = u;
                self.replace_org(org)?;
            }
            Resolved::SetSpanner { worker: w, on } => {
                if self.org.spanner[w] == on {
                    let worker = model.workers[w].id.as_str();
                    return Err(if on {
                        t!(En, "refuse-already-spanner", worker = worker)
                    } else {
                        t!(En, "refuse-not-spanner", worker = worker)
                    });
                }
                self.org.spanner[w] = on;
                self.org_changed();
            }
            Resolved::SetPractice(change) => self.set_practice(change)?,
            Resolved::AssignStep { step, units } => {
                let mut org = self.org.clone();
                for (u, unit) in org.units.iter_mut().enumerate() {
                    unit.steps.retain(|&x| x != step);
                    if units.contains(&(u as u16)) {
                        unit.steps.push(step);
                        unit.steps.sort_unstable();
                    }
                }
                self.replace_org(org)?;
            }
            Resolved::Expedite(order) => self.expedite(order)?,
            Resolved::RespondToOffer { offer, accept } => self.respond_to_offer(offer, accept)?,
        }
        self.dispatch();
        Ok(())
    }

    /// The steps the factory's routings need now (new requirements included).
    pub fn needed_steps(&self) -> Vec<usize> {
        let mut steps: Vec<usize> = self
            .routings
            .iter()
            .flat_map(|r| r.iter().map(|op| op.step))
            .collect();
        steps.sort_unstable();
        steps.dedup();
        steps
    }

    /// The organisation a switch to design `d` gives now, the team's decisions kept where they make sense.
    pub fn switched(&self, d: usize) -> Org {
        Org::switched(&self.model, d, &self.org, |o| self.check_staffed(o).is_ok())
    }

    /// Why `org` would leave a step the routings need with nobody able and allowed to do it.
    pub fn check_staffed(&self, org: &Org) -> Result<(), String> {
        let units: Vec<(Vec<usize>, Vec<usize>)> = (0..org.units.len())
            .map(|u| (org.members(u as u16).collect(), org.units[u].steps.clone()))
            .collect();
        let m = &self.model;
        let problems = staffing_problems(
            &m.workers,
            &m.steps,
            &m.skills,
            &units,
            org.practices.helping,
            &self.needed_steps(),
        );
        match problems.into_iter().next() {
            None => Ok(()),
            Some(p) => Err(t!(En, "refuse-stuck", problem = p)),
        }
    }

    /// Takes `org` as the organisation, if every step the routings need still has someone for it.
    fn replace_org(&mut self, mut org: Org) -> Result<(), String> {
        org.refresh(&self.model);
        self.check_staffed(&org)?;
        self.org = org;
        self.org_changed();
        Ok(())
    }

    /// Changes a practice (already checked against the scenario); a helping rule that would leave a step
    /// with nobody allowed to do it is refused.
    fn set_practice(&mut self, change: &PracticeChange) -> Result<(), String> {
        if let PracticeChange::Helping(h) = change {
            let mut org = self.org.clone();
            org.practices.helping = *h;
            return self.replace_org(org);
        }
        let p = &mut self.org.practices;
        match change {
            PracticeChange::Standup(s) => {
                p.standup = s.clone();
                if self.running {
                    self.plan_meetings(self.now);
                }
            }
            PracticeChange::SharedBoard(on) => p.shared_board = *on,
            PracticeChange::WipLimit { step, limit } => {
                p.wip_limits.0.retain(|(s, _)| s != step);
                if let Some(l) = limit {
                    p.wip_limits.0.push((step.clone(), *l));
                }
            }
            PracticeChange::Helping(h) => p.helping = *h,
            PracticeChange::Priority(pr) => {
                p.priority = *pr;
                self.rekey_queues();
            }
        }
        self.org_changed();
        Ok(())
    }

    /// After any change of the organisation: derived tables, queues of steps a unit no longer owns, blocked
    /// orders, and the `Organisation` event.
    fn org_changed(&mut self) {
        let model = self.shared_model();
        self.org.refresh(&model);
        self.reroute_queued();
        for s in 0..model.steps.len() {
            self.release_blocked(s);
        }
        let ev = self.org.event();
        self.emit(ev);
    }

    /// Moves queued tasks whose unit no longer owns their step to a unit that does (keeping their place).
    fn reroute_queued(&mut self) {
        let slots: Vec<u32> = self
            .orders
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().map(|o| (i as u32, o)))
            .filter(|(_, o)| {
                o.state == OState::Queued && !self.org.owners[o.step()].contains(&o.unit)
            })
            .map(|(i, _)| i)
            .collect();
        for slot in slots {
            self.remove_from_queue(slot);
            let step = self.order(slot).step();
            let unit = self.choose_unit(slot, step);
            self.set_unit(slot, unit);
            self.requeue(slot);
        }
    }

    /// Recomputes queue keys after a change of the priority rule.
    fn rekey_queues(&mut self) {
        let fifo = self.org.practices.priority == Priority::Fifo;
        for q in 0..self.queues.count() {
            for mut k in self.queues.take(q) {
                let o = self.order(k.slot);
                k.primary = if fifo { o.ready_at.0 } else { o.due.0 };
                self.order_mut(k.slot).qkey = Some(k);
                self.queues.insert(q, k);
            }
        }
    }

    /// A design choice: at once between rounds, otherwise at the next round start.
    pub(super) fn choose_design(&mut self, d: usize) {
        if self.running {
            self.pending_design = Some(d);
            self.emit(EventKind::DesignPending {
                design: self.model.designs[d].name.clone(),
            });
        } else {
            self.pending_design = None;
            self.switch_design(d);
        }
    }

    /// Replaces the organisation; orders in the factory move to units of the new design.
    pub(super) fn switch_design(&mut self, d: usize) {
        let model = self.shared_model();
        let steps = model.steps.len();
        // Take everything keyed by the old units out.
        let mut queued: Vec<QKey> = Vec::new();
        for q in 0..self.queues.count() {
            queued.extend(self.queues.take(q));
        }
        let asking: Vec<u32> = self.questions.iter_mut().flat_map(std::mem::take).collect();
        self.org = self.switched(d);
        let units = self.org.units.len();
        self.queues = queues::Queues::new(units * steps);
        self.questions = vec![VecDeque::new(); units];
        self.unit_orders = vec![0; units];
        // Re-home every order, oldest first.
        let mut slots: Vec<u32> = (0..self.orders.len() as u32)
            .filter(|&s| self.orders[s as usize].is_some())
            .collect();
        slots.sort_unstable_by_key(|&s| self.order(s).id);
        for &slot in &slots {
            let o = self.order_mut(slot);
            o.unit = NONE;
            o.home_unit = NONE;
        }
        for &slot in &slots {
            let unit = match self.order(slot).state {
                OState::Working { worker } => self.org.worker_unit[worker as usize],
                _ => self.choose_unit(slot, self.order(slot).step()),
            };
            self.set_unit(slot, unit);
            self.order_mut(slot).home_unit = unit;
        }
        for k in queued {
            let q = self.order(k.slot).unit as usize * steps + self.order(k.slot).step();
            self.queues.insert(q, k);
            self.dispatch_due = true;
        }
        // Every pending question now goes to the unit its sender is in; asked ones queue there in order.
        for &slot in &slots {
            let from = self.order(slot).question.as_ref().map(|q| q.from_worker);
            if let Some(w) = from {
                let to = self.org.worker_unit[if w == NO_WORKER { 0 } else { w as usize }];
                if let Some(q) = self.order_mut(slot).question.as_mut() {
                    q.to_unit = to;
                }
            }
        }
        for slot in asking {
            if let Some(to) = self.order(slot).question.as_ref().map(|q| q.to_unit) {
                self.questions[to as usize].push_back(slot);
            }
        }
        if self.running {
            self.plan_meetings(self.now);
        }
        self.rekey_queues();
        self.org_changed();
    }
}
