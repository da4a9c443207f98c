//! What the game keeps of the event stream: the full log (to save for the debrief), live key figures per
//! team, and the ticker of events that matter.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;

use crate::domain::SimTime;
use crate::scenario::Model;
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::{Session, SimSet};

/// Simulated minutes per sparkline bucket.
pub const BUCKET_MIN: u64 = 30;
const TICKER_LEN: usize = 200;

/// Where the game keeps this session's files (event log, reflection, exports): a folder under
/// `cakefactory-sessions/` in the working directory, made when first needed.
#[derive(Resource, Default)]
pub struct SessionFolder(pub Option<PathBuf>);

impl SessionFolder {
    /// Writes the event log so far into the session's folder and returns its path.
    pub fn save(&mut self, seed: u64, record: &EventRecord) -> Result<PathBuf, String> {
        let dir = match &self.0 {
            Some(d) => d.clone(),
            None => {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let d = PathBuf::from("cakefactory-sessions")
                    .join(format!("session-{stamp}-seed{seed}"));
                self.0 = Some(d.clone());
                d
            }
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("events.jsonl");
        let tmp = dir.join("events.jsonl.tmp");
        std::fs::write(&tmp, record.to_jsonl()).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

/// Disruptions injected by the facilitator, for the console's log.
#[derive(Resource, Default)]
pub struct InjectionLog(pub Vec<crate::game::ui::console::Injection>);

/// Every event of the session, in order.
#[derive(Resource, Default)]
pub struct EventRecord(pub Vec<SimEvent>);

impl EventRecord {
    /// The log as JSON lines, as `run --events` writes it.
    pub fn to_jsonl(&self) -> String {
        let mut s = String::new();
        for e in &self.0 {
            if let Ok(line) = serde_json::to_string(e) {
                s.push_str(&line);
                s.push('\n');
            }
        }
        s
    }
}

/// Key figures of one team, kept up to date from events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamStats {
    pub received: u64,
    pub delivered: u64,
    pub late: u64,
    pub lost: u64,
    pub revenue: f64,
    pub costs: f64,
    pub wip: u64,
    pub cross_unit_handoffs: u64,
    pub rework: u64,
    pub design: String,
    /// Deliveries per [`BUCKET_MIN`] simulated minutes since the session started.
    pub buckets: Vec<u32>,
}

impl TeamStats {
    pub fn profit(&self) -> f64 {
        self.revenue - self.costs
    }
}

#[derive(Resource, Default)]
pub struct LiveStats {
    pub teams: Vec<TeamStats>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Alert,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TickerItem {
    pub t: SimTime,
    pub round: u32,
    pub factory: Option<u16>,
    pub severity: Severity,
    pub text: String,
}

/// The latest events that matter, newest last.
#[derive(Resource, Default)]
pub struct Ticker {
    pub items: VecDeque<TickerItem>,
    /// When each round started, to show times as minutes into the round.
    pub round_starts: Vec<SimTime>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventRecord>()
        .init_resource::<LiveStats>()
        .init_resource::<Ticker>()
        .init_resource::<InjectionLog>()
        .init_resource::<SessionFolder>();
    app.add_systems(
        Update,
        observe
            .in_set(SimSet::Observe)
            .run_if(resource_exists::<Session>),
    );
}

fn observe(
    mut events: MessageReader<SimEvent>,
    session: Res<Session>,
    mut record: ResMut<EventRecord>,
    mut stats: ResMut<LiveStats>,
    mut ticker: ResMut<Ticker>,
    mut injections: ResMut<InjectionLog>,
    mut folder: ResMut<SessionFolder>,
) {
    let mut round = session.round;
    for e in events.read() {
        if let EventKind::SessionStarted { tables, .. } = &e.kind {
            folder.0 = None;
            record.0.clear();
            ticker.items.clear();
            ticker.round_starts.clear();
            injections.0.clear();
            stats.teams = vec![TeamStats::default(); tables.factories.len()];
        }
        if let EventKind::RoundStarted { round: r } = e.kind {
            round = r;
            ticker.round_starts.push(e.t);
        }
        if let EventKind::CommandApplied { command } = &e.kind
            && let crate::sim::Command::Inject {
                disruption, target, ..
            } = &**command
        {
            injections.0.push(crate::game::ui::console::Injection {
                round,
                minute: if session.round == 0 {
                    0.0
                } else {
                    e.t.since(session.round_start) as f64 / 60_000.0
                },
                headline: disruption.headline.clone(),
                target: match target {
                    crate::domain::Target::All => "all teams".into(),
                    crate::domain::Target::Factories(list) => list
                        .iter()
                        .filter_map(|&f| session.team_names.get(f as usize).cloned())
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            });
        }
        record.0.push(e.clone());
        if let Some(f) = e.factory
            && let Some(team) = stats.teams.get_mut(f as usize)
        {
            update_stats(team, e);
        }
        if let Some((severity, text)) = describe(&session.model, &session.team_names, e) {
            ticker.items.push_back(TickerItem {
                t: e.t,
                round,
                factory: e.factory,
                severity,
                text,
            });
            while ticker.items.len() > TICKER_LEN {
                ticker.items.pop_front();
            }
        }
    }
}

/// Updates a team's figures with one of its events.
pub fn update_stats(team: &mut TeamStats, e: &SimEvent) {
    match &e.kind {
        EventKind::Organisation(org) => team.design.clone_from(&org.design),
        EventKind::OrderReceived { .. } => {
            team.received += 1;
            team.wip += 1;
        }
        EventKind::OrderDelivered {
            late_ms,
            revenue,
            penalty,
            ..
        } => {
            team.delivered += 1;
            team.wip = team.wip.saturating_sub(1);
            if *late_ms > 0 {
                team.late += 1;
            }
            team.revenue += revenue - penalty;
            let bucket = (e.t.0 / (BUCKET_MIN * 60_000)) as usize;
            if team.buckets.len() <= bucket {
                team.buckets.resize(bucket + 1, 0);
            }
            team.buckets[bucket] += 1;
        }
        EventKind::OrderLost { .. } => {
            team.lost += 1;
            team.wip = team.wip.saturating_sub(1);
        }
        EventKind::Cost { amount, .. } => team.costs += amount,
        EventKind::Handoff {
            cross_unit: true, ..
        } => team.cross_unit_handoffs += 1,
        EventKind::TaskStarted { rework: true, .. } => team.rework += 1,
        _ => {}
    }
}

/// The ticker line of an event that matters to the room, if it is one.
pub fn describe(model: &Model, teams: &[String], e: &SimEvent) -> Option<(Severity, String)> {
    let team = |f: Option<u16>| {
        f.and_then(|f| teams.get(f as usize))
            .map_or_else(String::new, |n| format!("{n}: "))
    };
    let who = || team(e.factory);
    let worker_name = |i: u16| {
        model
            .workers
            .get(i as usize)
            .map_or("?", |w| w.name.as_str())
    };
    let product_name = |i: u16| {
        model
            .products
            .get(i as usize)
            .map_or("?", |p| p.name.as_str())
    };
    let station_name = |i: u16| {
        model
            .stations
            .get(i as usize)
            .map_or("?", |s| s.name.as_str())
    };
    match &e.kind {
        EventKind::RoundStarted { round } => {
            Some((Severity::Info, format!("Round {round} starts")))
        }
        EventKind::RoundEnded { round } => Some((Severity::Info, format!("Round {round} is over"))),
        EventKind::DisruptionStarted { spec } => {
            Some((Severity::Alert, format!("{}{}", who(), spec.headline)))
        }
        EventKind::StationDown { station, units, .. } => Some((
            Severity::Warning,
            format!(
                "{}{units} x {} out of action",
                who(),
                station_name(*station)
            ),
        )),
        EventKind::WorkerAbsent { worker, .. } => Some((
            Severity::Warning,
            format!("{}{} is away", who(), worker_name(*worker)),
        )),
        EventKind::RushOffered {
            product,
            quantity,
            price,
            ..
        } => Some((
            Severity::Alert,
            format!(
                "{}rush offer: {quantity} x {} at {:.0} each - accept or decline!",
                who(),
                product_name(*product),
                price
            ),
        )),
        EventKind::OrderReceived { product, price, .. } if *price >= 400.0 => Some((
            Severity::Info,
            format!(
                "{}big order: {} ({:.0})",
                who(),
                product_name(*product),
                price
            ),
        )),
        EventKind::OrderDelivered { late_ms, .. } if *late_ms >= 30 * 60_000 => Some((
            Severity::Warning,
            format!("{}delivered {} min late", who(), late_ms / 60_000),
        )),
        EventKind::OrderLost { .. } => {
            Some((Severity::Warning, format!("{}a customer cancelled", who())))
        }
        EventKind::DefectFound {
            by: crate::sim::event::FoundBy::Customer,
            ..
        } => Some((
            Severity::Warning,
            format!("{}a customer sent a cake back", who()),
        )),
        EventKind::CommandRejected { reason, .. } => {
            Some((Severity::Warning, format!("{}not done: {reason}", who())))
        }
        _ => None,
    }
}
