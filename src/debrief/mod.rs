//! The debrief: what the room reflects on after the rounds, computed from a session's event log. The figures
//! come from the same collector as `run --json`; on top of them come the flow over time (cumulative flow,
//! throughput, WIP), lead-time distributions, handoffs between units, the tie network and what each team
//! did after each disruption.

pub mod charts;
pub mod export;
pub mod reflection;

use bevy::platform::collections::HashMap;

use crate::domain::event::{EventKind, OrderId, SimEvent, Tables};
use crate::domain::{Command, TeamAction};
use crate::metrics::collector::TeamDetails;
use crate::metrics::recovery::WINDOW_MS;
use crate::metrics::series::{Row, Sampler};
use crate::metrics::{Collector, DisruptionReport, Report};

/// How long after a disruption a team's commands count as its response, and the dip is looked for.
pub const RESPONSE_MIN: f64 = 240.0;

/// Everything the debrief shows.
#[derive(Clone, Debug)]
pub struct Debrief {
    pub scenario: String,
    pub seed: u64,
    pub tables: Tables,
    pub rounds: u32,
    pub round_minutes: f64,
    /// Session minute at which each round started.
    pub round_starts: Vec<f64>,
    pub report: Report,
    pub teams: Vec<TeamDebrief>,
    pub disruptions: Vec<DisruptionDebrief>,
}

#[derive(Clone, Debug)]
pub struct TeamDebrief {
    pub name: String,
    pub details: TeamDetails,
    pub flow: Flow,
    /// Lead times in minutes of each round's deliveries.
    pub lead_times: Vec<Vec<f64>>,
    /// Commands the team issued: (session minute, round, what it did).
    pub commands: Vec<(f64, u32, String)>,
}

/// A team's flow sampled every simulated minute of the rounds.
#[derive(Clone, Debug, Default)]
pub struct Flow {
    /// Session minute of each sample.
    pub minutes: Vec<f64>,
    pub round: Vec<u32>,
    pub wip: Vec<f64>,
    /// Deliveries in the trailing hour.
    pub throughput: Vec<f64>,
    /// Per step (in flow order): how many orders had reached it or a later step, so the lines never cross
    /// even where a step is only on some routings (design) and rework sends orders back.
    pub arrived: Vec<Vec<u64>>,
    /// Cumulative deliveries.
    pub delivered: Vec<u64>,
}

#[derive(Clone, Debug)]
pub struct DisruptionDebrief {
    pub report: DisruptionReport,
    pub teams: Vec<DisruptionTeam>,
}

/// One team's experience of one disruption.
#[derive(Clone, Debug, PartialEq)]
pub struct DisruptionTeam {
    pub team: usize,
    /// How far trailing-hour throughput fell below its level before the disruption, in percent.
    pub dip_pct: Option<f64>,
    pub recovery_min: Option<f64>,
    /// The team's commands in the [`RESPONSE_MIN`] minutes after the disruption started.
    pub responses: Vec<String>,
}

/// What a team command did, in words.
pub fn describe_action(action: &TeamAction) -> String {
    use crate::domain::PracticeChange as P;
    match action {
        TeamAction::SetDesign(d) => format!("chose design {d}"),
        TeamAction::MoveWorker { worker, unit } => format!("moved {worker} to {unit}"),
        TeamAction::SetSpanner { worker, on: true } => format!("made {worker} a boundary spanner"),
        TeamAction::SetSpanner { worker, on: false } => format!("{worker} no longer a spanner"),
        TeamAction::SetPractice(P::Standup(Some(s))) => {
            format!("stand-ups every {} min", s.every_min)
        }
        TeamAction::SetPractice(P::Standup(None)) => "stopped stand-ups".into(),
        TeamAction::SetPractice(P::SharedBoard(on)) => {
            format!("shared board {}", if *on { "on" } else { "off" })
        }
        TeamAction::SetPractice(P::WipLimit {
            step,
            limit: Some(l),
        }) => {
            format!("WIP limit {l} on {step}")
        }
        TeamAction::SetPractice(P::WipLimit { step, limit: None }) => {
            format!("no WIP limit on {step}")
        }
        TeamAction::SetPractice(P::Helping(h)) => format!("helping: {h:?}"),
        TeamAction::SetPractice(P::Priority(p)) => format!("queue priority: {p:?}"),
        TeamAction::AssignStep { step, units } => format!("{step} owned by {}", units.join(", ")),
        TeamAction::Expedite { order } => format!("expedited order {order}"),
        TeamAction::RespondToOffer { offer, accept } => format!(
            "{} rush offer {offer}",
            if *accept { "accepted" } else { "declined" }
        ),
    }
}

impl Debrief {
    /// Analyses a complete (or partial) session log.
    pub fn from_events(events: &[SimEvent]) -> Result<Debrief, String> {
        let Some(first) = events.first() else {
            return Err("the event log is empty".into());
        };
        let EventKind::SessionStarted {
            scenario,
            seed,
            rounds,
            round_minutes,
            tables,
        } = &first.kind
        else {
            return Err("the event log does not start with SessionStarted".into());
        };
        let teams = tables.factories.len();
        let steps = tables.steps.len();
        let mut collector = Collector::new();
        let mut sampler = Sampler::new();
        let mut rows: Vec<Row> = Vec::new();
        let mut flows = vec![Flow::default(); teams];
        let mut furthest: Vec<HashMap<OrderId, usize>> = vec![HashMap::new(); teams];
        let mut arrived: Vec<Vec<u64>> = vec![vec![0; steps]; teams];
        let mut lead_times: Vec<Vec<Vec<f64>>> = vec![Vec::new(); teams];
        let mut commands: Vec<Vec<(f64, u32, String)>> = vec![Vec::new(); teams];
        let mut round_starts = Vec::new();
        let mut round = 0u32;
        for e in events {
            collector.observe(e);
            sampler.observe(e, &mut rows);
            for row in rows.drain(..) {
                let Some(f) = tables.factories.iter().position(|n| *n == row.factory) else {
                    continue;
                };
                let flow = &mut flows[f];
                flow.minutes.push(row.minute as f64);
                flow.round.push(row.round);
                flow.wip.push(row.wip as f64);
                flow.throughput.push(row.throughput_per_hour as f64);
                flow.delivered.push(row.delivered);
                if flow.arrived.is_empty() {
                    flow.arrived = vec![Vec::new(); steps];
                }
                for (s, series) in flow.arrived.iter_mut().enumerate() {
                    series.push(arrived[f][s]);
                }
            }
            match &e.kind {
                EventKind::RoundStarted { round: r } => {
                    round = *r;
                    round_starts.push(e.t.minutes());
                }
                EventKind::CommandApplied { command } => {
                    if let Command::Team { factory, action } = &**command
                        && let Some(c) = commands.get_mut(*factory as usize)
                    {
                        c.push((e.t.minutes(), round, describe_action(action)));
                    }
                }
                _ => {}
            }
            let Some(f) = e.factory.map(usize::from).filter(|f| *f < teams) else {
                continue;
            };
            match &e.kind {
                EventKind::TaskReady { order, step, .. } | EventKind::Blocked { order, step } => {
                    // Reaching step k counts the order at every step up to k it had not passed yet.
                    let k = (*step as usize).min(steps.saturating_sub(1));
                    let first = match furthest[f].get(order) {
                        Some(&done) if done >= k => None,
                        Some(&done) => Some(done + 1),
                        None => Some(0),
                    };
                    if let Some(first) = first {
                        for c in &mut arrived[f][first..=k] {
                            *c += 1;
                        }
                        furthest[f].insert(*order, k);
                    }
                }
                EventKind::OrderDelivered { order, lead_ms, .. } => {
                    let r = round.max(1) as usize;
                    if lead_times[f].len() < r {
                        lead_times[f].resize(r, Vec::new());
                    }
                    lead_times[f][r - 1].push(*lead_ms as f64 / 60_000.0);
                    furthest[f].remove(order);
                }
                EventKind::OrderLost { order, .. } => {
                    furthest[f].remove(order);
                }
                _ => {}
            }
        }
        let report = collector.report();
        let team_debriefs: Vec<TeamDebrief> = (0..teams)
            .map(|f| TeamDebrief {
                name: tables.factories[f].clone(),
                details: collector.details(f).unwrap_or_default(),
                flow: std::mem::take(&mut flows[f]),
                lead_times: std::mem::take(&mut lead_times[f]),
                commands: std::mem::take(&mut commands[f]),
            })
            .collect();
        let disruptions = report
            .disruptions
            .iter()
            .map(|d| DisruptionDebrief {
                teams: d
                    .factories
                    .iter()
                    .zip(&d.recovery_by_factory)
                    .filter_map(|(name, recovery)| {
                        let f = tables.factories.iter().position(|n| n == name)?;
                        let team = &team_debriefs[f];
                        Some(DisruptionTeam {
                            team: f,
                            dip_pct: dip(&team.flow, d.start_min),
                            recovery_min: *recovery,
                            responses: team
                                .commands
                                .iter()
                                .filter(|(m, _, _)| {
                                    *m >= d.start_min && *m <= d.start_min + RESPONSE_MIN
                                })
                                .map(|(m, _, c)| format!("+{:.0} min: {c}", m - d.start_min))
                                .collect(),
                        })
                    })
                    .collect(),
                report: d.clone(),
            })
            .collect();
        Ok(Debrief {
            scenario: scenario.clone(),
            seed: *seed,
            tables: (**tables).clone(),
            rounds: *rounds,
            round_minutes: *round_minutes,
            round_starts,
            report,
            teams: team_debriefs,
            disruptions,
        })
    }
}

/// The deepest fall of trailing-hour throughput in the [`RESPONSE_MIN`] minutes after `start`, in percent of
/// its level at `start`; `None` without a level to compare with.
pub fn dip(flow: &Flow, start: f64) -> Option<f64> {
    let i = flow.minutes.partition_point(|m| *m < start);
    let baseline = *flow.throughput.get(i)?;
    if baseline <= 0.0 || start < WINDOW_MS as f64 / 60_000.0 {
        return None;
    }
    let end = flow.minutes.partition_point(|m| *m <= start + RESPONSE_MIN);
    let low = flow.throughput[i..end]
        .iter()
        .copied()
        .fold(baseline, f64::min);
    Some(100.0 * (1.0 - low / baseline))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dips_are_measured_against_the_level_before() {
        let flow = Flow {
            minutes: (0..600).map(f64::from).collect(),
            throughput: (0..600)
                .map(|m| if (200..260).contains(&m) { 5.0 } else { 10.0 })
                .collect(),
            ..Default::default()
        };
        assert_eq!(dip(&flow, 150.0), Some(50.0));
        assert_eq!(dip(&flow, 400.0), Some(0.0));
        assert_eq!(dip(&flow, 30.0), None, "no full hour before");
    }
}
