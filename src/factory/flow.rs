//! The flow of an order: arrival, entering a step (WIP limits), completing it (defects, inspection,
//! delivery), handoffs between units with their delays, miscommunication and questions, and rework.

use super::*;
use crate::domain::Priority;
use crate::domain::event::{FoundBy, LossReason};
use crate::domain::time::ms_from_minutes;
use crate::i18n::Lang::En;
use crate::t;

impl FactorySim {
    /// A new order arrives from the market (or a rush offer / surge).
    pub(super) fn receive(&mut self, id: OrderId, spec: &OrderSpec, rush: bool) {
        self.receive_priced(id, spec, rush, self.model.products[spec.product].price);
    }

    pub(super) fn receive_priced(&mut self, id: OrderId, spec: &OrderSpec, rush: bool, price: f64) {
        let model = self.shared_model();
        let product = &model.products[spec.product];
        let routing = Arc::clone(&self.routings[spec.product]);
        let order = Order {
            id,
            product: spec.product as u16,
            entered: vec![0; routing.len()],
            routing,
            received: self.now,
            due: spec.due,
            price,
            custom: product.custom,
            expedited: false,
            pos: 0,
            state: OState::Transit,
            in_step: false,
            latent: Vec::new(),
            unit: NONE,
            home_unit: NONE,
            last_worker: NO_WORKER,
            question: None,
            touch_ms: 0,
            redo_from: None,
            qkey: None,
            ingredients_taken: false,
            station: None,
            phase_start: self.now,
            ready_at: self.now,
            draws: None,
            cancelled: false,
        };
        if let Some(t) = spec.spec_change_at {
            self.schedule(t, Ev::SpecChange { order: id });
        }
        if let Some(after) = product.cancel_after_late {
            self.schedule(spec.due.saturating_add(after.0), Ev::Cancel { order: id });
        }
        let slot = match self.free_slots.pop() {
            Some(s) => {
                self.orders[s as usize] = Some(order);
                s
            }
            None => {
                self.orders.push(Some(order));
                (self.orders.len() - 1) as u32
            }
        };
        self.by_id.insert(id, slot);
        self.emit(EventKind::OrderReceived {
            order: id,
            product: spec.product as u16,
            due: spec.due,
            price,
            custom: product.custom,
            rush,
        });
        let step = self.order(slot).step();
        let unit = self.choose_unit(slot, step);
        self.set_unit(slot, unit);
        self.order_mut(slot).home_unit = unit;
        self.order_mut(slot).entered[0] = 1;
        self.enter_step(slot);
    }

    /// Moves the order to `unit`, keeping the per-unit counts.
    pub(super) fn set_unit(&mut self, slot: u32, unit: u16) {
        let old = self.order(slot).unit;
        if let Some(c) = self.unit_orders.get_mut(old as usize) {
            *c -= 1;
        }
        if let Some(c) = self.unit_orders.get_mut(unit as usize) {
            *c += 1;
        }
        self.order_mut(slot).unit = unit;
    }

    /// The unit that takes the order's `step`: the unit it is in if that owns the step, else its home unit,
    /// else the owner holding the fewest orders. A step nobody owns stays with the current unit.
    pub(super) fn choose_unit(&self, slot: u32, step: usize) -> u16 {
        let o = self.order(slot);
        let owners = &self.org.owners[step];
        if owners.contains(&o.unit) {
            return o.unit;
        }
        if owners.contains(&o.home_unit) {
            return o.home_unit;
        }
        owners
            .iter()
            .copied()
            .min_by_key(|&u| (self.unit_orders[u as usize], u))
            .unwrap_or(if o.unit == NONE { 0 } else { o.unit })
    }

    /// The order arrives at its current step: it queues, or waits outside if the step is at its WIP limit.
    pub(super) fn enter_step(&mut self, slot: u32) {
        if let Some(from) = self.order(slot).redo_from {
            self.rework(slot, from);
            return;
        }
        let (id, step, unit) = {
            let o = self.order(slot);
            (o.id, o.step(), o.unit)
        };
        if let Some(limit) = self.org.wip_limit[step]
            && self.occupancy[step] >= limit
        {
            self.order_mut(slot).state = OState::Blocked;
            self.blocked[step].push_back(slot);
            self.emit(EventKind::Blocked {
                order: id,
                step: step as u16,
            });
            return;
        }
        self.occupancy[step] += 1;
        self.order_mut(slot).in_step = true;
        self.seq += 1;
        let primary = match self.org.practices.priority {
            Priority::Fifo => self.now.0,
            Priority::EarliestDue => self.order(slot).due.0,
        };
        let key = QKey {
            normal: !self.order(slot).expedited,
            primary,
            seq: self.seq,
            slot,
        };
        let now = self.now;
        {
            let o = self.order_mut(slot);
            o.qkey = Some(key);
            o.ready_at = now;
            o.state = OState::Queued;
            o.ingredients_taken = false;
        }
        let q = unit as usize * self.model.steps.len() + step;
        self.queues.insert(q, key);
        self.dispatch_due = true;
        self.emit(EventKind::TaskReady {
            order: id,
            step: step as u16,
            unit,
        });
    }

    /// The order leaves its step: frees a place for a blocked order.
    fn leave_step(&mut self, slot: u32) {
        let o = self.order_mut(slot);
        if !o.in_step {
            return;
        }
        o.in_step = false;
        let step = o.step();
        self.occupancy[step] -= 1;
        self.release_blocked(step);
    }

    /// Lets waiting orders into `step` while it is under its WIP limit.
    pub(super) fn release_blocked(&mut self, step: usize) {
        while self.org.wip_limit[step].is_none_or(|limit| self.occupancy[step] < limit) {
            let Some(slot) = self.blocked[step].pop_front() else {
                break;
            };
            self.enter_step(slot);
        }
    }

    /// The current step is done: defects may arise or be found; then the order moves on or is delivered.
    pub(super) fn complete_step(&mut self, slot: u32) {
        if self.order(slot).cancelled {
            self.leave_step(slot);
            self.remove_order(slot);
            return;
        }
        if let Some(from) = self.order(slot).redo_from {
            self.rework(slot, from);
            return;
        }
        let draws = self.draws(slot);
        let (id, pos, step, last) = {
            let o = self.order(slot);
            (o.id, o.pos, o.step(), o.pos + 1 == o.routing.len())
        };
        if draws.u(Draws::DEFECT) < self.order(slot).routing[pos].defect_prob {
            self.order_mut(slot)
                .latent
                .push((pos, DefectCause::Process));
        }
        let found_by = {
            let o = self.order(slot);
            let k = o.latent.len() as i32;
            let chance = |p: f64| 1.0 - (1.0 - p).powi(k);
            if k == 0 {
                None
            } else if let Some(p) = self.model.steps[step].inspects
                && draws.u(Draws::INSPECTION) < chance(p)
            {
                Some(FoundBy::Inspection)
            } else if last
                && draws.u(Draws::CUSTOMER)
                    < chance(self.model.products[o.product as usize].customer_detects)
            {
                Some(FoundBy::Customer)
            } else {
                None
            }
        };
        if let Some(by) = found_by {
            let (origin, cause) = {
                let o = self.order(slot);
                o.latent
                    .iter()
                    .copied()
                    .min_by_key(|(p, _)| *p)
                    .unwrap_or((pos, DefectCause::Process))
            };
            let origin_step = self.order(slot).routing[origin].step;
            self.emit(EventKind::DefectFound {
                order: id,
                step: step as u16,
                origin_step: origin_step as u16,
                cause,
                by,
            });
            self.rework(slot, origin);
            return;
        }
        if last {
            self.deliver(slot);
        } else {
            self.handoff(slot, pos + 1, false);
        }
    }

    /// Sends the order back to routing position `to` to redo the work from there.
    pub(super) fn rework(&mut self, slot: u32, to: usize) {
        let o = self.order_mut(slot);
        o.redo_from = None;
        o.latent.retain(|(p, _)| *p < to);
        self.handoff(slot, to, true);
    }

    /// Hands the order from its current step to routing position `to`.
    pub(super) fn handoff(&mut self, slot: u32, to: usize, rework: bool) {
        self.leave_step(slot);
        let (id, from_step, from_unit, from_worker, custom) = {
            let o = self.order(slot);
            (o.id, o.step(), o.unit, o.last_worker, o.custom)
        };
        {
            let o = self.order_mut(slot);
            o.pos = to;
            o.entered[to] = o.entered[to].saturating_add(1);
            o.question = None;
        }
        let to_step = self.order(slot).step();
        let to_unit = self.choose_unit(slot, to_step);
        let spanner_linked = self.spanner_present(from_unit) || self.spanner_present(to_unit);
        let standup = self.standup_freshness();
        let mut h = self
            .org
            .handoff(&self.model, (from_unit, to_unit), spanner_linked, standup);
        for (_, m) in &self.outages {
            h.worsen(m);
        }
        let draws = self.draws(slot);
        if draws.u(Draws::MISCOMMUNICATION) < h.miscommunication.clamp(0.0, 1.0) {
            self.order_mut(slot)
                .latent
                .push((to, DefectCause::Miscommunication));
        }
        if custom && from_unit != NONE && draws.u(Draws::QUESTION) < h.question.clamp(0.0, 1.0) {
            self.order_mut(slot).question = Some(Question {
                to_unit: from_unit,
                from_worker,
                asked_by: NO_WORKER,
            });
        }
        let (u1, u2) = draws.pair(Draws::DELAY);
        let delay_ms = ms_from_minutes(h.delay.sample(u1, u2) * h.delay_factor.max(0.0));
        self.emit(EventKind::Handoff {
            order: id,
            from_step: from_step as u16,
            to_step: to_step as u16,
            from_unit,
            to_unit,
            from_worker,
            cross_unit: h.cross,
            delay_ms,
            rework,
        });
        self.set_unit(slot, to_unit);
        self.order_mut(slot).state = OState::Transit;
        if delay_ms == 0 {
            self.enter_step(slot);
        } else {
            self.schedule(
                self.now.saturating_add(delay_ms),
                Ev::HandoffArrive { slot, order: id },
            );
        }
    }

    fn deliver(&mut self, slot: u32) {
        self.leave_step(slot);
        let o = self.order(slot);
        let lead_ms = self.now.since(o.received);
        let late_ms = self.now.since(o.due);
        let per_hour = self.model.products[o.product as usize].late_penalty_per_hour;
        let penalty = (late_ms as f64 / 3_600_000.0 * per_hour).min(o.price);
        let ev = EventKind::OrderDelivered {
            order: o.id,
            lead_ms,
            late_ms,
            touch_ms: o.touch_ms,
            revenue: o.price,
            penalty,
        };
        self.emit(ev);
        self.remove_order(slot);
    }

    pub(super) fn leave_step_and_remove(&mut self, slot: u32) {
        self.leave_step(slot);
        self.remove_order(slot);
    }

    pub(super) fn remove_order(&mut self, slot: u32) {
        self.set_unit(slot, NONE);
        if let Some(o) = self.orders[slot as usize].take() {
            self.by_id.remove(&o.id);
        }
        self.free_slots.push(slot);
    }

    /// The customer cancels a late order that has not arrived.
    pub(super) fn cancel(&mut self, id: OrderId) {
        let Some(&slot) = self.by_id.get(&id) else {
            return;
        };
        if self.order(slot).cancelled {
            return;
        }
        self.emit(EventKind::OrderLost {
            order: id,
            reason: LossReason::Cancelled,
        });
        match self.order(slot).state {
            // Work in hand is finished, then thrown away.
            OState::Working { .. } | OState::Processing => {
                self.order_mut(slot).cancelled = true;
                self.by_id.remove(&id);
            }
            OState::Queued => {
                self.remove_from_queue(slot);
                self.leave_step(slot);
                self.remove_order(slot);
            }
            OState::Blocked => {
                let step = self.order(slot).step();
                self.blocked[step].retain(|&s| s != slot);
                self.remove_order(slot);
            }
            OState::Asking => {
                let mut waiting = false;
                for q in &mut self.questions {
                    let before = q.len();
                    q.retain(|&s| s != slot);
                    waiting |= q.len() < before;
                    self.open_questions -= before - q.len();
                }
                if waiting {
                    self.leave_step(slot);
                    self.remove_order(slot);
                } else {
                    // Someone is answering: the order goes when the answer comes.
                    self.order_mut(slot).cancelled = true;
                    self.by_id.remove(&id);
                }
            }
            // In transit the arrival finds the slot changed and does nothing.
            OState::Transit => self.remove_order(slot),
        }
    }

    /// The customer changes the spec of a custom order: work past the spec step is redone.
    pub(super) fn spec_change(&mut self, id: OrderId) {
        let Some(&slot) = self.by_id.get(&id) else {
            return;
        };
        let o = self.order(slot);
        let spec_pos = self.model.products[o.product as usize]
            .spec_pos
            .min(o.routing.len() - 1);
        let rework = o.pos > spec_pos;
        self.emit(EventKind::SpecChanged { order: id, rework });
        if !rework {
            return;
        }
        self.order_mut(slot).redo_from = Some(spec_pos);
        if self.order(slot).state == OState::Queued {
            self.remove_from_queue(slot);
            self.rework(slot, spec_pos);
        }
    }

    /// Expedites an order: it goes ahead of all others in every queue from now on.
    pub(super) fn expedite(&mut self, id: OrderId) -> Result<(), String> {
        let slot = *self
            .by_id
            .get(&id)
            .ok_or_else(|| t!(En, "refuse-order-absent", order = id.to_string()))?;
        if self.order(slot).expedited {
            return Err(t!(En, "refuse-already-expedited", order = id.to_string()));
        }
        let queued = self.order(slot).state == OState::Queued;
        if queued {
            self.remove_from_queue(slot);
        }
        let o = self.order_mut(slot);
        o.expedited = true;
        if let Some(k) = o.qkey.as_mut() {
            k.normal = false;
        }
        if queued {
            self.requeue(slot);
        }
        self.emit(EventKind::Expedited { order: id });
        if self.model.expedite_cost > 0.0 {
            self.emit(EventKind::Cost {
                kind: CostKind::Expedite,
                amount: self.model.expedite_cost,
            });
        }
        Ok(())
    }
}
