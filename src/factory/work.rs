//! Who does what next: idle workers pick up answers and tasks, meetings gather people, and absence or broken
//! stations interrupt work.

use std::sync::Arc;

use super::*;
use crate::domain::event::InterruptReason;
use crate::domain::{Helping, time::ms_from_minutes};

/// How many queued tasks are looked at per queue when the first cannot start (missing ingredients).
const SCAN_DEPTH: usize = 16;

impl FactorySim {
    /// Lets idle workers take up work until nobody can.
    ///
    /// Runs only when something that could make an assignment possible happened since it last ran (a worker
    /// became idle, a task or question was queued, a station or stock came back, the organisation changed,
    /// helpers' waiting time passed): otherwise it would find what it found then.
    pub(super) fn dispatch(&mut self) {
        if !self.dispatch_due || !self.running || self.idle == 0 {
            return;
        }
        self.dispatch_due = false;
        if self.open_questions > 0 {
            self.dispatch_answers();
        }
        while self.idle > 0 && self.queues.len() > 0 {
            let (assignment, wake) = self.best_assignment();
            let Some((slot, worker, help)) = assignment else {
                if let Some(t) = wake
                    && self.wake_at.is_none_or(|w| w <= self.now || t < w)
                {
                    self.wake_at = Some(t);
                    self.schedule(t, Ev::Wake);
                }
                break;
            };
            self.start_task(slot, worker, help);
        }
    }

    /// The idle workers, in index order.
    fn idle_workers(&self) -> impl Iterator<Item = usize> + '_ {
        self.idle_mask.iter().enumerate().flat_map(|(i, &word)| {
            let mut m = word;
            std::iter::from_fn(move || {
                (m != 0).then(|| {
                    let b = m.trailing_zeros() as usize;
                    m &= m - 1;
                    i * 64 + b
                })
            })
        })
    }

    /// Whether worker `w` may do step `step` of unit `unit`, and whether that would be helping another unit.
    fn eligible(&self, w: usize, unit: u16, step: usize) -> Option<bool> {
        let skill = self.model.steps[step].skill;
        let me = &self.model.workers[w];
        if me.levels[skill] <= 0.0 {
            return None;
        }
        let own = self.org.worker_unit[w] == unit;
        match self.org.practices.helping {
            Helping::None => (own && me.primary == skill).then_some(false),
            Helping::OwnUnit => own.then_some(false),
            Helping::Anyone => Some(!own),
        }
    }

    /// The idle worker best placed to do a task of (`unit`, `step`): own unit before helpers, then the higher
    /// skill level, then the lower index.
    fn best_worker(&self, unit: u16, step: usize, allow_help: bool) -> Option<(u16, bool)> {
        let skill = self.model.steps[step].skill;
        let mut best: Option<(bool, f64, usize)> = None;
        for w in self.idle_workers() {
            let Some(help) = self.eligible(w, unit, step) else {
                continue;
            };
            if help && !allow_help {
                continue;
            }
            let level = self.model.workers[w].levels[skill];
            let better = match best {
                None => true,
                Some((bh, bl, _)) => (!help && bh) || (help == bh && level > bl),
            };
            if better {
                best = Some((help, level, w));
            }
        }
        best.map(|(help, _, w)| (w as u16, help))
    }

    /// The most urgent startable task that some idle worker can do, with that worker; and, when helpers were
    /// held back only because a task has not waited long enough yet, the time they may step in.
    fn best_assignment(&self) -> (Option<(u32, u16, bool)>, Option<SimTime>) {
        let steps = self.model.steps.len();
        let help_after = self.model.coordination.help_after;
        let mut best: Option<(QKey, u16, bool)> = None;
        let mut wake: Option<SimTime> = None;
        for q in self.queues.nonempty() {
            let queue = self.queues.get(q);
            let Some(head) = queue.first() else { continue };
            if best.is_some_and(|(b, _, _)| b < *head) {
                continue;
            }
            let (unit, step) = ((q / steps) as u16, q % steps);
            if let Some(st) = self.model.steps[step].station
                && self.stations[st].free() == 0
            {
                continue;
            }
            let Some(key) = queue
                .iter()
                .take(SCAN_DEPTH)
                .find(|k| self.can_start(k.slot))
                .copied()
            else {
                continue;
            };
            if best.is_some_and(|(b, _, _)| b < key) {
                continue;
            }
            let help_from = self.order(key.slot).ready_at.saturating_add(help_after.0);
            let assignment = match self.best_worker(unit, step, self.now >= help_from) {
                Some(a) => Some(a),
                None if self.org.practices.helping == Helping::Anyone && self.now < help_from => {
                    if self.best_worker(unit, step, true).is_some() {
                        wake = Some(wake.map_or(help_from, |w| w.min(help_from)));
                    }
                    None
                }
                None => None,
            };
            if let Some((worker, help)) = assignment {
                best = Some((key, worker, help));
            }
        }
        (best.map(|(k, w, h)| (k.slot, w, h)), wake)
    }

    /// Whether the order's current task has what it needs (a question to ask also counts: asking is picking
    /// it up).
    fn can_start(&self, slot: u32) -> bool {
        let o = self.order(slot);
        if o.question.is_some() || o.ingredients_taken {
            return true;
        }
        o.routing[o.pos]
            .ingredients
            .iter()
            .all(|&(i, q)| self.stock[i].on_hand >= q)
    }

    pub(super) fn remove_from_queue(&mut self, slot: u32) {
        let o = self.order(slot);
        if let (OState::Queued, Some(key)) = (o.state, o.qkey) {
            let q = o.unit as usize * self.model.steps.len() + o.step();
            self.queues.remove(q, &key);
        }
    }

    pub(super) fn set_worker(&mut self, w: u16, state: WorkerState) {
        let rt = &mut self.workers[w as usize];
        let bit = 1u64 << (w % 64);
        if rt.state == WorkerState::Idle {
            self.idle -= 1;
            self.idle_mask[w as usize / 64] &= !bit;
        }
        if state == WorkerState::Idle {
            self.idle += 1;
            self.idle_mask[w as usize / 64] |= bit;
            self.dispatch_due = true;
        }
        rt.state = state;
        rt.started = self.now;
        rt.token = rt.token.wrapping_add(1);
    }

    /// A worker becomes free: they join a meeting in progress if they owe it, else span if a spanning
    /// session is due (and they are still a spanner), otherwise they are idle.
    pub(super) fn free_worker(&mut self, w: u16) {
        if self.workers[w as usize].meeting_due
            && let Some(m) = self.meeting.as_mut()
        {
            m.attendees.push(w);
            self.workers[w as usize].meeting_due = false;
            self.set_worker(w, WorkerState::Meeting);
            return;
        }
        if self.workers[w as usize].span_due && self.org.spanner[w as usize] {
            self.begin_spanning(w);
            return;
        }
        self.workers[w as usize].span_due = false;
        self.set_worker(w, WorkerState::Idle);
    }

    /// Worker `w` picks up the task of order `slot`: asks its pending question, or starts the work.
    fn start_task(&mut self, slot: u32, w: u16, help: bool) {
        self.remove_from_queue(slot);
        if self.order(slot).question.is_some() {
            self.ask(slot, w);
            return;
        }
        let (id, step, unit, pos) = {
            let o = self.order(slot);
            (o.id, o.step(), o.unit, o.pos)
        };
        self.take_ingredients(slot);
        if let Some(st) = self.model.steps[step].station {
            self.stations[st].users.push(slot);
            self.order_mut(slot).station = Some(st as u16);
        }
        let (ms, setup_ms, board_ms) = self.task_time(slot, w, step);
        self.workers[w as usize].last_step = Some(step);
        let rework = self.order(slot).entered[pos] > 1;
        {
            let o = self.order_mut(slot);
            o.state = OState::Working { worker: w };
            o.last_worker = w;
        }
        self.set_worker(w, WorkerState::Task { slot });
        let token = self.workers[w as usize].token;
        self.schedule(
            self.now.saturating_add(ms),
            Ev::WorkDone { worker: w, token },
        );
        self.emit(EventKind::TaskStarted {
            order: id,
            step: step as u16,
            worker: w,
            unit,
            rework,
            help,
            setup_ms,
            board_ms,
        });
        if help {
            self.emit(EventKind::HelpGiven {
                order: id,
                step: step as u16,
                helper: w,
                unit,
            });
        }
    }

    /// The order's pending question is asked of the unit it concerns; the worker stays free.
    fn ask(&mut self, slot: u32, w: u16) {
        let (id, step) = (self.order(slot).id, self.order(slot).step());
        let Some(q) = self.order_mut(slot).question.as_mut() else {
            return;
        };
        q.asked_by = w;
        let to_unit = q.to_unit;
        self.order_mut(slot).state = OState::Asking;
        self.questions[to_unit as usize].push_back(slot);
        self.open_questions += 1;
        self.dispatch_due = true;
        self.emit(EventKind::QuestionAsked {
            order: id,
            step: step as u16,
            asker: w,
            to_unit,
        });
    }

    /// How long worker `w` takes for the order's current step: the sampled duration over their skill level
    /// (at least a millisecond), plus the step's changeover when their last task was another step, plus the
    /// board's upkeep when the shared board is in use; and that changeover and upkeep.
    fn task_time(&mut self, slot: u32, w: u16, step: usize) -> (u64, u64, u64) {
        let draws = self.draws(slot);
        let op = &self.order(slot).routing[self.order(slot).pos];
        let level = self.model.workers[w as usize].levels[self.model.steps[step].skill];
        let (u1, u2) = draws.pair(Draws::DURATION);
        let ms = ms_from_minutes(op.duration.sample(u1, u2) / level).max(1);
        let setup_ms = match &self.model.steps[step].changeover {
            Some(c) if self.workers[w as usize].last_step != Some(step) => {
                let (c1, c2) = draws.pair(Draws::CHANGEOVER);
                ms_from_minutes(c.sample(c1, c2))
            }
            _ => 0,
        };
        let board_ms = if self.org.practices.shared_board {
            self.model.coordination.board_upkeep.0
        } else {
            0
        };
        (ms + setup_ms + board_ms, setup_ms, board_ms)
    }

    pub(super) fn work_done(&mut self, w: u16, token: u32) {
        let rt = &self.workers[w as usize];
        let WorkerState::Task { slot } = rt.state else {
            return;
        };
        if rt.token != token {
            return;
        }
        let work_ms = self.now.since(rt.started);
        let draws = self.draws(slot);
        let (id, step, unattended) = {
            let o = self.order(slot);
            (o.id, o.step(), o.routing[o.pos].unattended.clone())
        };
        self.order_mut(slot).touch_ms += work_ms;
        self.emit(EventKind::TaskFinished {
            order: id,
            step: step as u16,
            worker: w,
            work_ms,
        });
        self.free_worker(w);
        match unattended {
            Some(dist) => {
                let (u1, u2) = draws.pair(Draws::UNATTENDED);
                let ms = ms_from_minutes(dist.sample(u1, u2)).max(1);
                let now = self.now;
                let o = self.order_mut(slot);
                o.state = OState::Processing;
                o.phase_start = now;
                self.schedule(
                    self.now.saturating_add(ms),
                    Ev::ProcessDone { slot, order: id },
                );
            }
            None => {
                self.release_station(slot);
                self.complete_step(slot);
            }
        }
    }

    pub(super) fn process_done(&mut self, slot: u32, id: OrderId) {
        if !self.order_is(slot, id, OState::Processing) {
            return;
        }
        let step = self.order(slot).step();
        let process_ms = self.now.since(self.order(slot).phase_start);
        self.order_mut(slot).touch_ms += process_ms;
        self.release_station(slot);
        self.emit(EventKind::ProcessFinished {
            order: id,
            step: step as u16,
            process_ms,
        });
        self.complete_step(slot);
    }

    pub(super) fn release_station(&mut self, slot: u32) {
        if let Some(st) = self.order_mut(slot).station.take() {
            let users = &mut self.stations[st as usize].users;
            if let Some(i) = users.iter().position(|&s| s == slot) {
                users.remove(i);
                self.dispatch_due = true;
            }
        }
    }

    // ----- questions -----

    fn dispatch_answers(&mut self) {
        for unit in 0..self.questions.len() {
            while let Some(&slot) = self.questions[unit].front() {
                // Someone of the asked unit answers; failing that, any boundary spanner.
                let pick = |spanner_only: bool| {
                    self.workers.iter().enumerate().position(|(w, rt)| {
                        rt.state == WorkerState::Idle
                            && if spanner_only {
                                self.org.spanner[w]
                            } else {
                                self.org.worker_unit[w] == unit as u16
                            }
                    })
                };
                let Some(w) = pick(false).or_else(|| pick(true)) else {
                    break;
                };
                self.questions[unit].pop_front();
                self.open_questions -= 1;
                let w = w as u16;
                let draws = self.draws(slot);
                let (u1, u2) = draws.pair(Draws::ANSWER);
                let ms = ms_from_minutes(self.model.coordination.answer_time.sample(u1, u2)).max(1);
                self.set_worker(w, WorkerState::Answer { slot });
                let token = self.workers[w as usize].token;
                self.schedule(
                    self.now.saturating_add(ms),
                    Ev::AnswerDone { worker: w, token },
                );
                let id = self.order(slot).id;
                self.emit(EventKind::AnswerStarted {
                    order: id,
                    answerer: w,
                });
            }
        }
    }

    pub(super) fn answer_done(&mut self, w: u16, token: u32) {
        let rt = &self.workers[w as usize];
        let WorkerState::Answer { slot } = rt.state else {
            return;
        };
        if rt.token != token {
            return;
        }
        let q = self.order_mut(slot).question.take();
        let id = self.order(slot).id;
        self.emit(EventKind::QuestionAnswered {
            order: id,
            asker: q.map_or(NO_WORKER, |q| q.asked_by),
            answerer: w,
        });
        self.free_worker(w);
        self.requeue(slot);
    }

    /// Puts an order back in its queue at its old place (after an answer or an interruption).
    pub(super) fn requeue(&mut self, slot: u32) {
        if self.order(slot).cancelled {
            self.leave_step_and_remove(slot);
            return;
        }
        if let Some(from) = self.order(slot).redo_from {
            self.rework(slot, from);
            return;
        }
        let steps = self.model.steps.len();
        let o = self.order_mut(slot);
        o.state = OState::Queued;
        let key = o.qkey.unwrap_or(QKey {
            normal: !o.expedited,
            primary: 0,
            seq: 0,
            slot,
        });
        let q = o.unit as usize * steps + o.step();
        if self.queues.insert(q, key) {
            self.dispatch_due = true;
        }
    }

    // ----- interruptions -----

    /// Stops the task in hand of worker `w` (if any) and puts it back in its queue.
    pub(super) fn interrupt_worker(&mut self, w: u16, reason: InterruptReason) {
        match self.workers[w as usize].state {
            WorkerState::Task { slot } => {
                let (id, step) = {
                    let o = self.order(slot);
                    (o.id, o.step())
                };
                self.release_station(slot);
                self.set_worker(w, WorkerState::Idle);
                self.emit(EventKind::TaskInterrupted {
                    order: id,
                    step: step as u16,
                    worker: Some(w),
                    reason,
                });
                self.requeue_ready(slot);
            }
            WorkerState::Answer { slot } => {
                self.set_worker(w, WorkerState::Idle);
                let to = self.order(slot).question.as_ref().map_or(0, |q| q.to_unit);
                self.questions[to as usize].push_front(slot);
                self.open_questions += 1;
                self.dispatch_due = true;
            }
            WorkerState::Meeting => {
                if let Some(m) = self.meeting.as_mut() {
                    m.attendees.retain(|&a| a != w);
                }
                self.set_worker(w, WorkerState::Idle);
            }
            WorkerState::Spanning => self.end_spanning(w, None),
            WorkerState::Idle | WorkerState::Absent => {}
        }
    }

    /// Re-queues an interrupted order and reports it ready again.
    pub(super) fn requeue_ready(&mut self, slot: u32) {
        self.requeue(slot);
        let Some(o) = self.orders[slot as usize].as_ref() else {
            return;
        };
        if o.state == OState::Queued {
            let (id, step, unit) = (o.id, o.step() as u16, o.unit);
            self.emit(EventKind::TaskReady {
                order: id,
                step,
                unit,
            });
        }
    }

    /// Stops the work on the station unit used by order `slot` (a breakdown).
    pub(super) fn interrupt_station_user(&mut self, slot: u32) {
        match self.order(slot).state {
            OState::Working { worker } => {
                self.interrupt_worker(worker, InterruptReason::StationDown);
            }
            OState::Processing => {
                let (id, step) = {
                    let o = self.order(slot);
                    (o.id, o.step())
                };
                self.release_station(slot);
                self.emit(EventKind::TaskInterrupted {
                    order: id,
                    step: step as u16,
                    worker: None,
                    reason: InterruptReason::StationDown,
                });
                self.requeue_ready(slot);
            }
            _ => self.release_station(slot),
        }
    }

    pub(super) fn worker_back(&mut self, w: u16, token: u32) {
        let rt = &self.workers[w as usize];
        if rt.state != WorkerState::Absent || rt.token != token {
            return;
        }
        self.emit(EventKind::WorkerReturned { worker: w });
        self.set_worker(w, WorkerState::Idle);
    }

    /// Marks a worker absent until `until` (interrupting what they do).
    pub(super) fn make_absent(&mut self, w: u16, until: SimTime) {
        self.interrupt_worker(w, InterruptReason::WorkerAbsent);
        self.workers[w as usize].meeting_due = false;
        self.workers[w as usize].span_due = false;
        self.set_worker(w, WorkerState::Absent);
        self.workers[w as usize].absent_until = until;
        let token = self.workers[w as usize].token;
        self.schedule(until, Ev::WorkerBack { worker: w, token });
        self.emit(EventKind::WorkerAbsent { worker: w, until });
    }

    pub(super) fn shared_model(&self) -> Arc<Model> {
        Arc::clone(&self.model)
    }
}
