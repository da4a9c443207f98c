//! The factory's recurring duties: stand-ups (people join when they finish their task and are busy until the
//! meeting ends; the effect on handoffs fades after it) and boundary spanners' spanning sessions (time a
//! spanner spends linking units, away from tasks).

use super::*;
use crate::domain::StandupScope;
use crate::domain::time::ms_from_minutes;

impl FactorySim {
    /// Plans this round's stand-ups from `from` on.
    pub(super) fn plan_meetings(&mut self, from: SimTime) {
        self.meeting_generation += 1;
        let Some(standup) = self.org.practices.standup.clone() else {
            return;
        };
        let every = ms_from_minutes(standup.every_min).max(1);
        let elapsed = from.since(self.round_start);
        let mut t = self
            .round_start
            .saturating_add(elapsed.div_ceil(every) * every);
        let generation = self.meeting_generation;
        while t < self.round_end {
            self.schedule(
                t,
                Ev::MeetingStart {
                    round: self.round,
                    generation,
                },
            );
            t = t.saturating_add(every);
        }
    }

    pub(super) fn start_meeting(&mut self, generation: u32) {
        let Some(standup) = self.org.practices.standup.clone() else {
            return;
        };
        if let Some(m) = self.meeting.take() {
            self.finish_meeting(m);
        }
        let until = self
            .now
            .saturating_add(ms_from_minutes(standup.duration_min).max(1));
        self.meeting = Some(Meeting {
            generation,
            until,
            attendees: Vec::new(),
        });
        match standup.scope {
            StandupScope::Factory => self.emit(EventKind::MeetingStarted { unit: None }),
            StandupScope::Unit => {
                for u in 0..self.org.units.len() {
                    self.emit(EventKind::MeetingStarted {
                        unit: Some(u as u16),
                    });
                }
            }
        }
        for w in 0..self.workers.len() as u16 {
            match self.workers[w as usize].state {
                WorkerState::Idle => {
                    self.workers[w as usize].meeting_due = true;
                    self.free_worker(w);
                }
                WorkerState::Absent => {}
                _ => self.workers[w as usize].meeting_due = true,
            }
        }
        self.schedule(until, Ev::MeetingEnd { generation });
    }

    pub(super) fn finish_meeting(&mut self, m: Meeting) {
        for rt in &mut self.workers {
            rt.meeting_due = false;
        }
        for &w in &m.attendees {
            if self.workers[w as usize].state == WorkerState::Meeting {
                self.free_worker(w);
            }
        }
        self.last_standup = Some(self.now);
        let scope = self.org.practices.standup.as_ref().map(|s| s.scope);
        if scope == Some(StandupScope::Unit) {
            for u in 0..self.org.units.len() as u16 {
                let attendees: Vec<u16> = m
                    .attendees
                    .iter()
                    .copied()
                    .filter(|&w| self.org.worker_unit[w as usize] == u)
                    .collect();
                self.emit(EventKind::MeetingEnded {
                    unit: Some(u),
                    attendees,
                });
            }
        } else {
            self.emit(EventKind::MeetingEnded {
                unit: None,
                attendees: m.attendees,
            });
        }
    }

    /// Plans the first spanning session of the round (each plans the next).
    pub(super) fn plan_spanning(&mut self) {
        let (every, duration) = self.model.coordination.spanning;
        if duration.0 > 0 && every.0 > 0 {
            let round = self.round;
            self.schedule(self.now, Ev::SpanStart { round });
        }
    }

    /// A spanning session begins: every present spanner spans as soon as they are free.
    pub(super) fn start_spanning(&mut self, round: u32) {
        if round != self.round || !self.running {
            return;
        }
        let every = self.model.coordination.spanning.0;
        let next = self.now.saturating_add(every.0);
        if next < self.round_end {
            self.schedule(next, Ev::SpanStart { round });
        }
        for w in 0..self.workers.len() as u16 {
            if !self.org.spanner[w as usize]
                || self.workers[w as usize].state == WorkerState::Absent
            {
                continue;
            }
            self.workers[w as usize].span_due = true;
            if self.workers[w as usize].state == WorkerState::Idle {
                self.free_worker(w);
            }
        }
    }

    /// Worker `w` spans now, for the scenario's session length.
    pub(super) fn begin_spanning(&mut self, w: u16) {
        self.workers[w as usize].span_due = false;
        self.set_worker(w, WorkerState::Spanning);
        let token = self.workers[w as usize].token;
        let until = self
            .now
            .saturating_add(self.model.coordination.spanning.1.0);
        self.schedule(until, Ev::SpanEnd { worker: w, token });
        self.emit(EventKind::SpanningStarted { worker: w });
    }

    /// A spanning session ends (at its time, or cut short by absence or the round's end).
    pub(super) fn end_spanning(&mut self, w: u16, token: Option<u32>) {
        let rt = &self.workers[w as usize];
        if rt.state != WorkerState::Spanning || token.is_some_and(|t| t != rt.token) {
            return;
        }
        self.emit(EventKind::SpanningEnded { worker: w });
        if token.is_some() {
            self.free_worker(w);
        } else {
            self.set_worker(w, WorkerState::Idle);
        }
    }

    /// How fresh the last stand-up is: 1 right after it, falling linearly to 0 over the scenario's fade time
    /// (0 before the first).
    pub(super) fn standup_freshness(&self) -> f64 {
        let fade = self.model.coordination.standup_fade.0;
        match self.last_standup {
            Some(t) if fade > 0 => (1.0 - self.now.since(t) as f64 / fade as f64).max(0.0),
            _ => 0.0,
        }
    }

    /// Whether a boundary spanner of unit `u` is at work (not away).
    pub(super) fn spanner_present(&self, u: u16) -> bool {
        self.workers.iter().enumerate().any(|(w, rt)| {
            self.org.spanner[w] && self.org.worker_unit[w] == u && rt.state != WorkerState::Absent
        })
    }
}
