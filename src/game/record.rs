//! What the game keeps of the event stream: every event (saved to the session's folder for the debrief), the
//! ticker of events that matter and the log of the facilitator's injections.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;

use crate::domain::event::{EventKind, SimEvent};
use crate::domain::{Command, SimTime, Target};
use crate::scenario::Model;
use crate::sim::journal;
use crate::sim::{Session, SimSet};

/// How many ticker lines are kept.
const TICKER_LEN: usize = 200;

/// Where the game keeps this session's files (event log, reflection, exports): a folder under
/// `cakefactory-sessions/` in the working directory, made when first needed.
#[derive(Resource, Default)]
pub struct SessionFolder(pub Option<PathBuf>);

impl SessionFolder {
    /// Writes the event log so far into the session's folder and returns its path.
    pub fn save(&mut self, seed: u64, record: &EventRecord) -> Result<PathBuf, String> {
        let dir = self
            .0
            .get_or_insert_with(|| {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                PathBuf::from("cakefactory-sessions").join(format!("session-{stamp}-seed{seed}"))
            })
            .clone();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("events.jsonl");
        journal::save(&path, &record.0)?;
        Ok(path)
    }
}

/// One disruption the facilitator injected, for the console's log.
#[derive(Clone, Debug, PartialEq)]
pub struct Injection {
    /// The round it was injected in.
    pub round: u32,
    /// The minute of that round.
    pub minute: f64,
    /// What the room sees.
    pub headline: String,
    /// "all teams", or the names of the teams hit.
    pub target: String,
}

/// Disruptions injected by the facilitator, oldest first.
#[derive(Resource, Default)]
pub struct InjectionLog(pub Vec<Injection>);

/// Every event of the session, in order.
#[derive(Resource, Default)]
pub struct EventRecord(pub Vec<SimEvent>);

/// How much a ticker line matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Round starts and ends, big orders.
    Info,
    /// Something that slows a team down.
    Warning,
    /// A disruption or a decision the team must take.
    Alert,
}

/// One line of the ticker.
#[derive(Clone, Debug, PartialEq)]
pub struct TickerItem {
    /// When it happened.
    pub t: SimTime,
    /// The round it happened in.
    pub round: u32,
    /// The team it concerns (none for the whole room).
    pub factory: Option<u16>,
    /// How much it matters.
    pub severity: Severity,
    /// The line itself.
    pub text: String,
}

/// The latest events that matter, newest last.
#[derive(Resource, Default)]
pub struct Ticker {
    /// The lines, at most the last 200.
    pub items: VecDeque<TickerItem>,
    /// When each round started, to show times as minutes into the round.
    pub round_starts: Vec<SimTime>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventRecord>()
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
    mut ticker: ResMut<Ticker>,
    mut injections: ResMut<InjectionLog>,
    mut folder: ResMut<SessionFolder>,
) {
    let mut round = session.round;
    for e in events.read() {
        match &e.kind {
            EventKind::SessionStarted { .. } => {
                folder.0 = None;
                record.0.clear();
                ticker.items.clear();
                ticker.round_starts.clear();
                injections.0.clear();
            }
            EventKind::RoundStarted { round: r } => {
                round = *r;
                ticker.round_starts.push(e.t);
            }
            EventKind::CommandApplied { command } => {
                if let Some(i) = injection(&session, round, e.t, command) {
                    injections.0.push(i);
                }
            }
            _ => {}
        }
        record.0.push(e.clone());
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

/// The console's log line of an applied command, if it injected a disruption.
fn injection(session: &Session, round: u32, t: SimTime, command: &Command) -> Option<Injection> {
    let Command::Inject {
        disruption, target, ..
    } = command
    else {
        return None;
    };
    Some(Injection {
        round,
        minute: session.minute_at(t),
        headline: disruption.headline.clone(),
        target: match target {
            Target::All => "all teams".into(),
            Target::Factories(list) => list
                .iter()
                .filter_map(|&f| session.team_names.get(f as usize).cloned())
                .collect::<Vec<_>>()
                .join(", "),
        },
    })
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
            by: crate::domain::event::FoundBy::Customer,
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
