//! A recorded session's timeline for the replay: round boundaries, disruptions, each team's decisions (what
//! and who) and late deliveries, each at its moment; and stepping from a moment to the previous or next
//! marker of a kind.

use crate::domain::Command;
use crate::domain::SimTime;
use crate::domain::event::{EventKind, SimEvent};
use crate::domain::time::minute_of_round;
use crate::i18n::Lang;
use crate::scenario::Model;
use crate::sim::record::{Entry, Source};
use crate::t;

/// What a marker stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// A disruption struck.
    Disruption,
    /// A team decided something.
    Decision,
    /// A cake was delivered late.
    Late,
}

impl MarkerKind {
    /// What the kind is called in `lang`: "disruption", "decision", "late delivery".
    pub fn name(self, lang: Lang) -> String {
        match self {
            MarkerKind::Disruption => t!(lang, "marker-disruption"),
            MarkerKind::Decision => t!(lang, "marker-decision"),
            MarkerKind::Late => t!(lang, "marker-late"),
        }
    }
}

/// One moment worth finding again.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// When.
    pub t: SimTime,
    /// What kind.
    pub kind: MarkerKind,
    /// The team it concerns.
    pub team: u16,
    /// What happened, in words (a disruption's headline; a decision and who gave it).
    pub text: String,
}

/// One round on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundSpan {
    /// The round (1-based).
    pub round: u32,
    /// When it started.
    pub start: SimTime,
    /// When it ended (the session's end so far if it did not).
    pub end: SimTime,
}

/// The session's timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The last moment of the session.
    pub end: SimTime,
    /// The rounds.
    pub rounds: Vec<RoundSpan>,
    /// Every marker, in time order.
    pub markers: Vec<Marker>,
}

impl Timeline {
    /// The timeline of a session from its events and its journal (for who gave each decision), its texts in
    /// `lang`.
    pub fn new(
        model: &Model,
        events: &[SimEvent],
        entries: &[Entry],
        who: impl Fn(&Source) -> String,
        lang: Lang,
    ) -> Timeline {
        let mut t = Timeline {
            end: events.last().map_or(SimTime::ZERO, |e| e.t),
            ..Default::default()
        };
        for e in events {
            match &e.kind {
                EventKind::RoundStarted { round } => t.rounds.push(RoundSpan {
                    round: *round,
                    start: e.t,
                    end: t.end,
                }),
                EventKind::RoundEnded { round } => {
                    if let Some(r) = t.rounds.iter_mut().find(|r| r.round == *round) {
                        r.end = e.t;
                    }
                }
                EventKind::DisruptionStarted { spec } => {
                    if let Some(team) = e.factory {
                        t.markers.push(Marker {
                            t: e.t,
                            kind: MarkerKind::Disruption,
                            team,
                            text: model.lexicon.say(lang, spec.headline.get(lang)).to_string(),
                        });
                    }
                }
                EventKind::OrderDelivered { late_ms, .. } if *late_ms > 0 => {
                    if let Some(team) = e.factory {
                        t.markers.push(Marker {
                            t: e.t,
                            kind: MarkerKind::Late,
                            team,
                            text: t!(lang, "marker-late-text", minutes = late_ms.div_ceil(60_000)),
                        });
                    }
                }
                _ => {}
            }
        }
        for entry in entries {
            if let Entry::Command {
                t: at,
                source,
                command,
                seq,
                ..
            } = entry
                && let Command::Team { factory, action } = &**command
            {
                t.markers.push(Marker {
                    t: *at,
                    kind: MarkerKind::Decision,
                    team: *factory,
                    text: t!(
                        lang,
                        "marker-decision-text",
                        what = super::describe_action(action, Some(model), lang),
                        who = who(source),
                        seq = *seq
                    ),
                });
            }
        }
        t.markers.sort_by_key(|m| m.t);
        t
    }

    /// The moment of the previous (or next) marker of `kind` for `team` before (after) `now`.
    pub fn step(
        &self,
        kind: MarkerKind,
        team: u16,
        now: SimTime,
        forward: bool,
    ) -> Option<SimTime> {
        let of = |m: &&Marker| m.kind == kind && m.team == team;
        if forward {
            self.markers
                .iter()
                .filter(of)
                .find(|m| m.t > now)
                .map(|m| m.t)
        } else {
            self.markers
                .iter()
                .filter(of)
                .rev()
                .find(|m| m.t < now)
                .map(|m| m.t)
        }
    }

    /// The round running at `t` (the last one started), 0 before the first.
    pub fn round_at(&self, t: SimTime) -> u32 {
        self.moment(t).0
    }

    /// The round running at `t` and the minute into it; before the first round, 0 and the minutes since
    /// the session started.
    pub fn moment(&self, t: SimTime) -> (u32, f64) {
        match self.rounds.iter().rev().find(|r| r.start <= t) {
            Some(r) => (r.round, minute_of_round(t, r.start)),
            None => (0, t.minutes()),
        }
    }

    /// The same minute of another round: `t`'s time into its round, in round `round` (clamped to it).
    pub fn same_minute(&self, t: SimTime, round: u32) -> Option<SimTime> {
        let here = self.rounds.iter().rev().find(|r| r.start <= t)?;
        let there = self.rounds.iter().find(|r| r.round == round)?;
        let into = t.since(here.start);
        Some(SimTime(there.start.0.saturating_add(into)).min(there.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(t: u64, kind: MarkerKind, team: u16) -> Marker {
        Marker {
            t: SimTime(t),
            kind,
            team,
            text: String::new(),
        }
    }

    #[test]
    fn steps_go_to_the_previous_or_next_marker_of_a_kind_for_the_team() {
        let tl = Timeline {
            end: SimTime(1000),
            rounds: vec![
                RoundSpan {
                    round: 1,
                    start: SimTime(0),
                    end: SimTime(400),
                },
                RoundSpan {
                    round: 2,
                    start: SimTime(400),
                    end: SimTime(700),
                },
            ],
            markers: vec![
                marker(100, MarkerKind::Decision, 0),
                marker(150, MarkerKind::Decision, 1),
                marker(200, MarkerKind::Disruption, 0),
                marker(300, MarkerKind::Decision, 0),
            ],
        };
        let d = MarkerKind::Decision;
        assert_eq!(tl.step(d, 0, SimTime(100), true), Some(SimTime(300)));
        assert_eq!(tl.step(d, 0, SimTime(300), false), Some(SimTime(100)));
        assert_eq!(tl.step(d, 0, SimTime(300), true), None);
        assert_eq!(tl.step(d, 1, SimTime(0), true), Some(SimTime(150)));
        assert_eq!(tl.round_at(SimTime(450)), 2);
        assert_eq!(tl.moment(SimTime(400 + 60_000)), (2, 1.0));
        assert_eq!(tl.same_minute(SimTime(450), 1), Some(SimTime(50)));
        // Round 2 is shorter: its end is as far as the same minute goes.
        assert_eq!(tl.same_minute(SimTime(390), 2), Some(SimTime(700)));
    }
}
