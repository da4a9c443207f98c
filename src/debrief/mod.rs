//! The debrief: what the room reflects on after the rounds, computed from a session's event log. The figures
//! come from the same collector as `run --json`; on top of them come the flow over time (cumulative flow,
//! throughput, WIP), lead-time distributions, handoffs between units, the tie network and what each team
//! did after each disruption.

pub mod answers;
pub mod charts;
pub mod export;
pub mod pins;
pub mod reflection;
pub mod ticker;
pub mod timeline;
pub mod voices;

use std::path::Path;
use std::sync::Arc;

use bevy::platform::collections::HashMap;

use crate::domain::event::{EventKind, OrderId, SimEvent, Tables};
use crate::domain::time::minutes_from_ms;
use crate::domain::{Command, TeamAction};
use crate::i18n::Lang;
use crate::metrics::collector::TeamDetails;
use crate::metrics::report::Impact;
use crate::metrics::series::{Row, Sampler};
use crate::metrics::{Collector, DisruptionReport, Report};
use crate::scenario::Model;
use crate::sim::record::{Entry, Source};
use crate::t;

/// How long after a disruption a team's commands count as its response, and the dip is looked for.
pub const RESPONSE_MIN: f64 = 240.0;

/// Everything the debrief shows.
#[derive(Clone, Debug)]
pub struct Debrief {
    /// The scenario's name.
    pub scenario: String,
    /// The session's seed.
    pub seed: u64,
    /// The names behind the log's indices.
    pub tables: Tables,
    /// Rounds in the session.
    pub rounds: u32,
    /// A round's full length in minutes.
    pub round_minutes: f64,
    /// Session minute at which each round started.
    pub round_starts: Vec<f64>,
    /// The metrics of every team (the collector's report, as `run --json` gives it).
    pub report: Report,
    /// Every team's flow, ties and decisions.
    pub teams: Vec<TeamDebrief>,
    /// Every disruption as each team lived it.
    pub disruptions: Vec<DisruptionDebrief>,
    /// What the participants said from their devices, and the facilitator's curation of it.
    pub voices: voices::Voices,
    /// The session's scenario when it is at hand (the game, or a record's folder): its texts in every
    /// language and the names behind the ids of decisions. `None` for an event log read alone.
    pub model: Option<Arc<Model>>,
}

/// One decision of a team: when, in which round, what, and who gave it from a device (if they said).
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Session minute.
    pub minute: f64,
    /// The round it was given in.
    pub round: u32,
    /// What the team decided.
    pub action: TeamAction,
    /// The name or role of the participant whose device gave it (empty: a panel or an anonymous device).
    pub by: String,
}

impl Decision {
    /// The decision in words, in `lang`, with the names of `model` when it is at hand.
    pub fn text(&self, model: Option<&Model>, lang: Lang) -> String {
        let what = describe_action(&self.action, model, lang);
        if self.by.is_empty() {
            what
        } else {
            t!(lang, "decision-by", what = what, who = self.by.as_str())
        }
    }
}

/// One team in the debrief.
#[derive(Clone, Debug)]
pub struct TeamDebrief {
    /// The team's name.
    pub name: String,
    /// Its ties, handoffs between units, questions and causes of rework.
    pub details: TeamDetails,
    /// Its flow, minute by minute.
    pub flow: Flow,
    /// Lead times in minutes of each round's deliveries.
    pub lead_times: Vec<Vec<f64>>,
    /// Decisions the team gave, in order.
    pub commands: Vec<Decision>,
}

/// A team's flow sampled every simulated minute of the rounds.
#[derive(Clone, Debug, Default)]
pub struct Flow {
    /// Session minute of each sample.
    pub minutes: Vec<f64>,
    /// The round of each sample.
    pub round: Vec<u32>,
    /// Orders in the factory.
    pub wip: Vec<f64>,
    /// Deliveries in the trailing hour.
    pub throughput: Vec<f64>,
    /// Per step (in flow order): how many orders had reached it or a later step, so the lines never cross
    /// even where a step is only on some routings (design) and rework sends orders back.
    pub arrived: Vec<Vec<u64>>,
    /// Cumulative deliveries.
    pub delivered: Vec<u64>,
}

/// One disruption in the debrief.
#[derive(Clone, Debug)]
pub struct DisruptionDebrief {
    /// What the metrics say of it.
    pub report: DisruptionReport,
    /// Each team it hit.
    pub teams: Vec<DisruptionTeam>,
}

/// One team's experience of one disruption.
#[derive(Clone, Debug, PartialEq)]
pub struct DisruptionTeam {
    /// The team (index).
    pub team: usize,
    /// What it cost the team, against its twin (`None`: not measured).
    pub impact: Option<Impact>,
    /// The team's decisions in the [`RESPONSE_MIN`] minutes after the disruption started.
    pub responses: Vec<Decision>,
}

/// A decision given after a disruption that started at `start_min`: "+12 min: shared board on".
pub fn response_text(start_min: f64, c: &Decision, model: Option<&Model>, lang: Lang) -> String {
    t!(
        lang,
        "decision-after",
        minutes = (c.minute - start_min).round(),
        what = c.text(model, lang)
    )
}

/// A minute of the session as the room reads it: "R2 1:30", the round it falls in and the time into that
/// round (to the nearest minute); before the first round, the time alone.
pub fn round_clock(minute: f64, round_starts: &[f64]) -> String {
    let (round, since) = match round_starts.iter().rposition(|s| *s <= minute + 1e-9) {
        Some(r) => (format!("R{} ", r + 1), minute - round_starts[r]),
        None => (String::new(), minute),
    };
    let m = since.max(0.0).round() as u64;
    format!("{round}{}:{:02}", m / 60, m % 60)
}

/// What a team command did, in words: with the scenario at hand, people, units, steps and designs by the
/// names the room knows them by; without it (a log read alone), by their ids.
pub fn describe_action(action: &TeamAction, model: Option<&Model>, lang: Lang) -> String {
    use crate::domain::PracticeChange as P;
    let say = |english: &str| -> String {
        model
            .map_or(english, |m| m.lexicon.say(lang, english))
            .to_string()
    };
    let worker = |id: &str| -> String {
        model
            .and_then(|m| m.workers.iter().find(|w| w.id == id))
            .map_or_else(|| id.to_string(), |w| say(&w.name))
    };
    let unit = |id: &str| -> String {
        model
            .and_then(|m| m.designs.iter().flat_map(|d| &d.units).find(|u| u.id == id))
            .map_or_else(|| id.to_string(), |u| say(&u.name))
    };
    let step = |id: &str| -> String {
        model
            .and_then(|m| m.steps.iter().find(|s| s.id == id))
            .map_or_else(|| id.to_string(), |s| say(&s.name))
    };
    match action {
        TeamAction::SetDesign(d) => t!(
            lang,
            "action-design",
            design = model.map_or(d.clone(), |m| say(m.design_title(d)))
        ),
        TeamAction::MoveWorker { worker: w, unit: u } => {
            t!(lang, "action-move", worker = worker(w), unit = unit(u))
        }
        TeamAction::SetSpanner { worker: w, on } => {
            if *on {
                t!(lang, "action-spanner-on", worker = worker(w))
            } else {
                t!(lang, "action-spanner-off", worker = worker(w))
            }
        }
        TeamAction::SetPractice(P::Standup(Some(s))) => {
            t!(lang, "action-standups", minutes = s.every_min)
        }
        TeamAction::SetPractice(P::Standup(None)) => t!(lang, "action-standups-off"),
        TeamAction::SetPractice(P::SharedBoard(true)) => t!(lang, "action-board-on"),
        TeamAction::SetPractice(P::SharedBoard(false)) => t!(lang, "action-board-off"),
        TeamAction::SetPractice(P::WipLimit {
            step: s,
            limit: Some(l),
        }) => t!(lang, "action-wip-limit", limit = *l, step = step(s)),
        TeamAction::SetPractice(P::WipLimit {
            step: s,
            limit: None,
        }) => t!(lang, "action-no-wip-limit", step = step(s)),
        TeamAction::SetPractice(P::Helping(h)) => t!(lang, "action-helping", how = h.words(lang)),
        TeamAction::SetPractice(P::Priority(p)) => t!(lang, "action-queues", how = p.words(lang)),
        TeamAction::AssignStep { step: s, units } => t!(
            lang,
            "action-owned",
            step = step(s),
            units = units.iter().map(|u| unit(u)).collect::<Vec<_>>().join(", ")
        ),
        TeamAction::Expedite { order } => t!(lang, "action-expedite", order = order.to_string()),
        TeamAction::RespondToOffer { offer, accept } => {
            if *accept {
                t!(lang, "action-rush-accepted", offer = offer + 1)
            } else {
                t!(lang, "action-rush-declined", offer = offer + 1)
            }
        }
    }
}

impl Debrief {
    /// Analyses a complete (or partial) session log.
    pub fn from_events(events: &[SimEvent]) -> Result<Debrief, String> {
        Debrief::from_record(events, &[])
    }

    /// Analyses a session log with its journal, `entries`: a decision a participant gave from a device
    /// says who (by the name or role they gave; anonymous devices and the window's panels add nothing).
    pub fn from_record(events: &[SimEvent], entries: &[Entry]) -> Result<Debrief, String> {
        let Some(first) = events.first() else {
            return Err("the event log is empty".into());
        };
        let EventKind::SessionStarted {
            scenario,
            seed,
            rounds,
            round_minutes,
            tables,
            ..
        } = &first.kind
        else {
            return Err("the event log does not start with SessionStarted".into());
        };
        let mut collector = Collector::new();
        let mut sampler = Sampler::new();
        let mut rows: Vec<Row> = Vec::new();
        let mut acc = Accumulator::new(tables);
        acc.deciders = deciders(entries);
        for e in events {
            collector.observe(e);
            sampler.observe(e, &mut rows);
            for row in rows.drain(..) {
                acc.sample(&row);
            }
            acc.observe(e);
        }
        let report = collector.report();
        let teams: Vec<TeamDebrief> = acc
            .teams
            .into_iter()
            .enumerate()
            .map(|(f, t)| TeamDebrief {
                name: tables.factories[f].clone(),
                details: collector.details(f).unwrap_or_default(),
                flow: t.flow,
                lead_times: t.lead_times,
                commands: t.commands,
            })
            .collect();
        let disruptions = report
            .disruptions
            .iter()
            .map(|d| disruption(d, tables, &teams))
            .collect();
        Ok(Debrief {
            scenario: scenario.clone(),
            seed: *seed,
            tables: (**tables).clone(),
            rounds: *rounds,
            round_minutes: *round_minutes,
            round_starts: acc.round_starts,
            report,
            teams,
            disruptions,
            voices: voices::Voices::from_events(events),
            model: None,
        })
    }

    /// The debrief with its session's scenario at hand: its texts in every language, and names for ids.
    pub fn with_model(mut self, model: Arc<Model>) -> Self {
        self.model = Some(model);
        self
    }

    /// The debrief with the scenario of the record the log at `log` lies in, when there is one and it is the
    /// scenario the log played (by its title).
    pub fn with_scenario_beside(self, log: &Path) -> Self {
        let file = log
            .parent()
            .map(|d| d.join(crate::sim::record::SCENARIO_FILE));
        match file.and_then(|f| crate::scenario::load_path(&f).ok()) {
            Some(m) if m.name == self.scenario => self.with_model(Arc::new(m)),
            _ => self,
        }
    }

    /// The debrief with the moments pinned in the replay of the record in `dir` (see [`pins`]) beside those
    /// pinned live, and a located problem for every line of the pins file left out.
    pub fn with_pins_from(mut self, dir: &Path) -> (Self, Vec<String>) {
        let (pins, problems) = pins::load(dir);
        for p in pins {
            self.voices
                .apply(crate::domain::SimTime::ZERO, &Command::Curate(p));
        }
        (self, problems)
    }

    /// The debrief with what its record's folder keeps beside the log at `log`: the scenario and the moments
    /// pinned in the replay (and the problems of pins left out).
    pub fn with_files_beside(self, log: &Path) -> (Self, Vec<String>) {
        let d = self.with_scenario_beside(log);
        match log.parent() {
            Some(dir) => d.with_pins_from(dir),
            None => (d, Vec::new()),
        }
    }

    /// A text of the scenario (a team's, step's, unit's or person's name, a headline) in `lang`.
    pub fn say<'a>(&'a self, lang: Lang, english: &'a str) -> &'a str {
        self.model
            .as_deref()
            .map_or(english, |m| m.lexicon.say(lang, english))
    }

    /// Team `t`'s name in `lang` ("?" when there is no such team).
    pub fn team_name(&self, lang: Lang, t: usize) -> &str {
        self.teams.get(t).map_or("?", |x| self.say(lang, &x.name))
    }

    /// A decision in words in `lang`.
    pub fn decision(&self, c: &Decision, lang: Lang) -> String {
        c.text(self.model.as_deref(), lang)
    }

    /// A disruption's response in `lang` (see [`response_text`]).
    pub fn response(&self, start_min: f64, c: &Decision, lang: Lang) -> String {
        response_text(start_min, c, self.model.as_deref(), lang)
    }
}

/// Who gave each command from a device with a name or role, by the command's number in the journal (every
/// command gives exactly one `CommandApplied` or `CommandRejected`, in journal order).
fn deciders(entries: &[Entry]) -> HashMap<u64, String> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Command {
                seq,
                source: Source::Device { who, .. },
                ..
            } if !who.is_empty() => Some((*seq, who.clone())),
            _ => None,
        })
        .collect()
}

/// What one team's events add up to beyond the collector's figures.
#[derive(Default)]
struct TeamAcc {
    flow: Flow,
    /// The furthest step each order in the factory has reached.
    furthest: HashMap<OrderId, usize>,
    /// Orders that reached each step (or a later one) so far.
    arrived: Vec<u64>,
    lead_times: Vec<Vec<f64>>,
    commands: Vec<Decision>,
}

/// Reads a log once for the flow, lead times and commands of every team.
struct Accumulator<'a> {
    tables: &'a Tables,
    teams: Vec<TeamAcc>,
    round_starts: Vec<f64>,
    round: u32,
    /// Commands seen so far (applied or rejected): the journal's number of the next one, less one.
    commands_seen: u64,
    /// Who gave each command from a device, by journal number.
    deciders: HashMap<u64, String>,
}

impl<'a> Accumulator<'a> {
    fn new(tables: &'a Tables) -> Self {
        Accumulator {
            tables,
            teams: (0..tables.factories.len())
                .map(|_| TeamAcc {
                    arrived: vec![0; tables.steps.len()],
                    ..Default::default()
                })
                .collect(),
            round_starts: Vec::new(),
            round: 0,
            commands_seen: 0,
            deciders: HashMap::default(),
        }
    }

    /// A minute's sample of a team's flow.
    fn sample(&mut self, row: &Row) {
        let Some(f) = self.tables.factories.iter().position(|n| *n == row.factory) else {
            return;
        };
        let t = &mut self.teams[f];
        let flow = &mut t.flow;
        flow.minutes.push(row.minute as f64);
        flow.round.push(row.round);
        flow.wip.push(row.wip as f64);
        flow.throughput.push(row.throughput_per_hour as f64);
        flow.delivered.push(row.delivered);
        if flow.arrived.is_empty() {
            flow.arrived = vec![Vec::new(); t.arrived.len()];
        }
        for (series, &n) in flow.arrived.iter_mut().zip(&t.arrived) {
            series.push(n);
        }
    }

    fn observe(&mut self, e: &SimEvent) {
        match &e.kind {
            EventKind::RoundStarted { round } => {
                self.round = *round;
                self.round_starts.push(e.t.minutes());
            }
            EventKind::CommandApplied { command } => {
                self.commands_seen += 1;
                if let Command::Team { factory, action } = &**command
                    && let Some(t) = self.teams.get_mut(*factory as usize)
                {
                    t.commands.push(Decision {
                        minute: e.t.minutes(),
                        round: self.round,
                        action: action.clone(),
                        by: self
                            .deciders
                            .get(&self.commands_seen)
                            .cloned()
                            .unwrap_or_default(),
                    });
                }
            }
            EventKind::CommandRejected { .. } => self.commands_seen += 1,
            _ => {}
        }
        let round = self.round.max(1) as usize;
        let Some(t) = e.factory.and_then(|f| self.teams.get_mut(f as usize)) else {
            return;
        };
        match &e.kind {
            EventKind::TaskReady { order, step, .. } | EventKind::Blocked { order, step } => {
                t.reached(*order, *step as usize);
            }
            EventKind::OrderDelivered { order, lead_ms, .. } => {
                if t.lead_times.len() < round {
                    t.lead_times.resize(round, Vec::new());
                }
                t.lead_times[round - 1].push(minutes_from_ms(*lead_ms));
                t.furthest.remove(order);
            }
            EventKind::OrderLost { order, .. } => {
                t.furthest.remove(order);
            }
            _ => {}
        }
    }
}

impl TeamAcc {
    /// Reaching step `k` counts the order at every step up to `k` it had not passed yet.
    fn reached(&mut self, order: OrderId, step: usize) {
        let k = step.min(self.arrived.len().saturating_sub(1));
        let first = match self.furthest.get(&order) {
            Some(&done) if done >= k => return,
            Some(&done) => done + 1,
            None => 0,
        };
        if let Some(counts) = self.arrived.get_mut(first..=k) {
            for c in counts {
                *c += 1;
            }
        }
        self.furthest.insert(order, k);
    }
}

/// One disruption as each team it hit lived it: what it cost (against the twin) and what the team did.
fn disruption(d: &DisruptionReport, tables: &Tables, teams: &[TeamDebrief]) -> DisruptionDebrief {
    DisruptionDebrief {
        teams: d
            .factories
            .iter()
            .zip(&d.impact_by_factory)
            .filter_map(|(name, impact)| {
                let f = tables.factories.iter().position(|n| n == name)?;
                let team = &teams[f];
                Some(DisruptionTeam {
                    team: f,
                    impact: impact.clone(),
                    responses: team
                        .commands
                        .iter()
                        .filter(|c| {
                            c.minute >= d.start_min && c.minute <= d.start_min + RESPONSE_MIN
                        })
                        .cloned()
                        .collect(),
                })
            })
            .collect(),
        report: d.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::round_clock;

    #[test]
    fn a_minute_reads_as_round_and_time_into_it() {
        let starts = [0.0, 480.0, 960.0];
        assert_eq!(round_clock(90.0, &starts), "R1 1:30");
        assert_eq!(round_clock(480.0, &starts), "R2 0:00");
        assert_eq!(round_clock(1019.6, &starts), "R3 1:00");
        assert_eq!(round_clock(75.0, &[]), "1:15");
    }
}
