//! Sessions from their records: a headless run that keeps a record, rebuilding a session from its journal
//! (resume, verify, replay), and comparing a re-simulation with what was recorded.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use bevy::prelude::*;

use super::{TimedCommand, play_from, run_until, session_app};
use crate::domain::event::EventKind;
use crate::domain::{Command, SimEvent};
use crate::metrics::{LiveMetrics, Report};
use crate::scenario::Model;
use crate::sim::journal::write_event;
use crate::sim::record::{
    EVENTS_FILE, Entry, HASHES_FILE, Header, LoadedRecord, RecordedTeam, Recording, SIM_VERSION,
    SegmentHash, SessionKind, Source, hash_text, program, wall_ms,
};
use crate::sim::tap::{EventTap, Taps, recorder, take};
use crate::sim::{Session, SessionConfig};

/// The header of a new record of the session `config` describes.
pub fn header(config: &SessionConfig) -> Header {
    let model = &config.model;
    Header {
        format: crate::sim::record::FORMAT,
        program: program(),
        sim_version: SIM_VERSION,
        scenario: model.name.clone(),
        scenario_file: model.file.clone(),
        scenario_hash: hash_text(&model.source),
        seed: config.seed,
        teams: config
            .teams
            .iter()
            .map(|t| RecordedTeam {
                name: t.name.clone(),
                design: model
                    .designs
                    .get(t.design)
                    .map_or_else(String::new, |d| d.name.clone()),
            })
            .collect(),
        live_offers: config.live_offers,
        started_wall_ms: wall_ms(),
        branch: None,
    }
}

/// Applies one command now (without advancing).
pub fn apply_now(app: &mut App, command: &Command) {
    let now = app.world().resource::<Session>().now;
    app.world_mut().resource_mut::<Session>().target = now;
    app.world_mut().write_message(command.clone());
    app.update();
}

/// Re-simulates journal lines in `app` (a session as the record's header describes, at the point the lines
/// start from): each command at the time it was applied, on to each mark. A line the session cannot reach
/// at its time (the journal does not fit the session) is an error naming it.
pub fn rebuild(app: &mut App, entries: &[Entry]) -> Result<(), String> {
    for (i, e) in entries.iter().enumerate() {
        run_until(app, e.t());
        let now = app.world().resource::<Session>().now;
        if now != e.t() {
            return Err(format!(
                "{}:{}: the session cannot be at t {} ms here (it stands at {} ms): the journal does not fit \
                 the session",
                crate::sim::record::JOURNAL_FILE,
                i + 1,
                e.t().0,
                now.0
            ));
        }
        if let Entry::Command {
            command, source, ..
        } = e
        {
            // A record kept of this session says who gave the command first.
            if let Some(mut r) = app.world_mut().get_resource_mut::<Recording>() {
                r.set_source(Some(source.clone()));
            }
            apply_now(app, command);
        }
    }
    Ok(())
}

/// A session rebuilt from its record, with every event it produced.
pub struct Rebuilt {
    /// The app holding the session (with its live metrics).
    pub app: App,
    /// The events, in order.
    pub events: Vec<SimEvent>,
}

impl Rebuilt {
    /// The metrics report of the session as far as it got.
    pub fn report(&self) -> Report {
        self.app.world().resource::<LiveMetrics>().0.report()
    }
}

/// Rebuilds the session of `record` from its whole journal, feeding every event to `taps` as well.
pub fn rebuild_record(
    record: &LoadedRecord,
    taps: Vec<Box<dyn EventTap>>,
) -> Result<Rebuilt, String> {
    rebuild_lines(record, &record.entries, taps)
}

/// Rebuilds the session of `record` from journal lines of its own (all, or some up to a moment), feeding
/// every event to `taps` as well; the rebuild's own recorder is the last tap.
pub fn rebuild_lines(
    record: &LoadedRecord,
    lines: &[Entry],
    taps: Vec<Box<dyn EventTap>>,
) -> Result<Rebuilt, String> {
    let mut app = session_app(record.config());
    let (tap, recorded) = recorder();
    let mut all = taps;
    all.push(tap);
    app.world_mut().resource_mut::<Taps>().0 = all;
    rebuild(&mut app, lines)?;
    let events = take(&recorded);
    Ok(Rebuilt { app, events })
}

/// The round hashes of events.
pub fn hashes_of(events: &[SimEvent]) -> Vec<SegmentHash> {
    crate::sim::record::log_and_hashes(events).1
}

/// Where a re-simulation first differs from its record.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence(pub String);

impl std::fmt::Display for Divergence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a successful verification found.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// Commands re-simulated.
    pub commands: usize,
    /// Events compared with the event log.
    pub events: usize,
    /// Round hashes compared.
    pub hashes: usize,
}

/// Re-simulates `record` and compares it with its hashes and its event log. `Err(Ok(..))`: a divergence;
/// `Err(Err(..))`: the record could not be re-simulated or read.
pub fn verify(record: &LoadedRecord) -> Result<Verified, Result<Divergence, String>> {
    let rebuilt = rebuild_record(record, Vec::new()).map_err(|e| Ok(Divergence(e)))?;
    let events = check(record, &rebuilt.events)?;
    Ok(Verified {
        commands: record
            .entries
            .iter()
            .filter(|e| e.command().is_some())
            .count(),
        events,
        hashes: record.hashes.len(),
    })
}

/// Compares a re-simulation's `events` with what `record` holds: its event log line by line, then its round
/// hashes. The number of events compared; `Err(Ok(..))` names the first divergence, `Err(Err(..))` an
/// unreadable log.
pub fn check(
    record: &LoadedRecord,
    events: &[SimEvent],
) -> Result<usize, Result<Divergence, String>> {
    let place = Place::new(record, events);
    // The log first: it names the first divergent event; the hashes also cover what the log lacks.
    let compared = compare_log(record, events, &place)?;
    compare_hashes(record, events, &place).map_err(Ok)?;
    Ok(compared)
}

/// Refuses a rebuilt session that is not the one recorded, with the divergence or the read error.
pub fn check_rebuilt(record: &LoadedRecord, events: &[SimEvent]) -> Result<(), String> {
    match check(record, events) {
        Ok(_) => Ok(()),
        Err(Ok(d)) => Err(format!("{}: does not verify: {d}", record.dir.display())),
        Err(Err(e)) => Err(e),
    }
}

/// Names events and rounds for messages: "round 2, minute 135.5, team Blue".
struct Place<'a> {
    record: &'a LoadedRecord,
    round_of: Vec<(u32, f64)>,
}

impl<'a> Place<'a> {
    fn new(record: &'a LoadedRecord, events: &[SimEvent]) -> Place<'a> {
        let mut round = 0;
        let mut start = crate::domain::SimTime::ZERO;
        let round_of = events
            .iter()
            .map(|e| {
                if let EventKind::RoundStarted { round: r } = e.kind {
                    round = r;
                    start = e.t;
                }
                (round, crate::domain::time::minute_of_round(e.t, start))
            })
            .collect();
        Place { record, round_of }
    }

    fn team(&self, factory: Option<u16>) -> String {
        match factory {
            None => "the whole session".into(),
            Some(f) => match self.record.header.teams.get(f as usize) {
                Some(t) => format!("team {} (factory {f})", t.name),
                None => format!("factory {f}"),
            },
        }
    }

    fn event(&self, i: usize, e: &SimEvent) -> String {
        let when = match self.round_of.get(i).copied() {
            Some((round, minute)) if round > 0 => format!("round {round}, minute {minute:.1}"),
            _ => "before the first round".into(),
        };
        format!(
            "{when}, {}, event {} ({} line {})",
            self.team(e.factory),
            i + 1,
            EVENTS_FILE,
            i + 1
        )
    }
}

fn compare_hashes(
    record: &LoadedRecord,
    events: &[SimEvent],
    place: &Place,
) -> Result<(), Divergence> {
    let resim = hashes_of(events);
    for (i, h) in record.hashes.iter().enumerate() {
        let again = resim
            .iter()
            .find(|r| r.round == h.round && r.factory == h.factory);
        if again != Some(h) {
            let what = again.map_or_else(
                || "nothing (the re-simulation has no such events)".to_string(),
                |r| format!("{} events, hash {}", r.events, r.hash),
            );
            return Err(Divergence(format!(
                "{}:{}: round {}, {}: recorded {} events, hash {}; re-simulated {what}",
                record.file(HASHES_FILE),
                i + 1,
                h.round,
                place.team(h.factory),
                h.events,
                h.hash
            )));
        }
    }
    Ok(())
}

/// Shortens a log line for a message.
fn clip(line: &str) -> String {
    const MAX: usize = 400;
    if line.len() <= MAX {
        line.to_string()
    } else {
        let mut end = MAX;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        format!("{} ...", &line[..end])
    }
}

/// Compares the event log line by line with the re-simulated events; events the record has beyond the
/// moment the journal reached (the process stopped before its next mark) are not compared.
fn compare_log(
    record: &LoadedRecord,
    events: &[SimEvent],
    place: &Place,
) -> Result<usize, Result<Divergence, String>> {
    let path = record.dir.join(EVENTS_FILE);
    if !path.exists() {
        return Ok(0);
    }
    let file = std::fs::File::open(&path).map_err(|e| Err(format!("{}: {e}", path.display())))?;
    let reached = events.last().map_or(crate::domain::SimTime::ZERO, |e| e.t);
    let mut reader = BufReader::new(file);
    let mut raw = Vec::new();
    let mut line = Vec::new();
    let mut i = 0;
    loop {
        raw.clear();
        let n = reader
            .read_until(b'\n', &mut raw)
            .map_err(|e| Err(format!("{}: {e}", path.display())))?;
        if n == 0 || raw.last() != Some(&b'\n') {
            break; // The end, or a torn last line.
        }
        let recorded = String::from_utf8_lossy(&raw);
        let recorded = recorded.trim_end();
        let Some(e) = events.get(i) else {
            let later = serde_json::from_str::<SimEvent>(recorded).is_ok_and(|e| e.t >= reached);
            if later {
                break;
            }
            return Err(Ok(Divergence(format!(
                "first divergent event: {} line {}: recorded {}; the re-simulation has no such event",
                EVENTS_FILE,
                i + 1,
                clip(recorded)
            ))));
        };
        line.clear();
        let _ = write_event(&mut line, e);
        let again = String::from_utf8_lossy(&line);
        if again.trim_end() != recorded {
            return Err(Ok(Divergence(format!(
                "first divergent event: {}\n  recorded:     {}\n  re-simulated: {}",
                place.event(i, e),
                clip(recorded),
                clip(again.trim_end())
            ))));
        }
        i += 1;
    }
    Ok(i)
}

/// Runs a whole session headless as [`super::run`] does, keeping its record in `dir`.
pub fn run_recorded(
    model: Arc<Model>,
    options: &super::RunOptions,
    taps: Vec<Box<dyn EventTap>>,
    dir: &Path,
) -> Result<Report, String> {
    let config = super::config(model, options)?;
    let recording = Recording::create(
        dir,
        &header(&config),
        &config.model.source,
        SessionKind::Headless,
    )?;
    let mut app = session_app(config);
    app.insert_resource(recording);
    app.world_mut().resource_mut::<Taps>().0 = taps;
    play_from(&mut app, &options.plan, 0);
    finish(&mut app)
}

fn finish(app: &mut App) -> Result<Report, String> {
    app.world_mut().resource_mut::<Taps>().finish()?;
    if let Some(mut r) = app.world_mut().get_resource_mut::<Recording>() {
        r.flush();
        if let Some(e) = r.error() {
            return Err(e.to_string());
        }
    }
    Ok(app.world().resource::<LiveMetrics>().0.report())
}

/// How many of the plan's commands the journal holds; an error if they are not the plan's first ones.
fn journaled_plan(record: &LoadedRecord, plan: &[TimedCommand]) -> Result<usize, String> {
    let mut k = 0;
    for (i, e) in record.entries.iter().enumerate() {
        let Entry::Command {
            source, command, ..
        } = e
        else {
            continue;
        };
        if *source != Source::Plan {
            continue;
        }
        if plan.get(k).map(|p| &p.command) != Some(command) {
            return Err(format!(
                "{}:{}: the plan given is not the one this record was run with (its command {} differs)",
                record.file(crate::sim::record::JOURNAL_FILE),
                i + 1,
                k + 1
            ));
        }
        k += 1;
    }
    Ok(k)
}

/// Takes up the session of `record` to go on with it: rebuilds it from the journal (feeding `taps`), checks
/// it against the recorded log and hashes, and reopens the record, which the session then keeps (commands
/// journaled as given in a session of `kind`). The rebuilt events stay in the result.
pub fn take_up(
    record: &LoadedRecord,
    taps: Vec<Box<dyn EventTap>>,
    kind: SessionKind,
) -> Result<Rebuilt, String> {
    let mut rebuilt = rebuild_record(record, taps)?;
    check_rebuilt(record, &rebuilt.events)?;
    let recording = Recording::reopen(
        &record.dir,
        kind,
        record.valid_len,
        record.last_seq(),
        &rebuilt.events,
    )?;
    // The session goes on with the record; the rebuild's own recorder (the last tap) stops keeping events.
    rebuilt.app.world_mut().resource_mut::<Taps>().0.pop();
    rebuilt.app.insert_resource(recording);
    Ok(rebuilt)
}

/// Resumes a headless run from its record: rebuilds the session from the journal, checks it against the
/// recorded hashes, and plays the rest of `plan`, going on with the record.
pub fn resume_run(
    record: &LoadedRecord,
    plan: &[TimedCommand],
    taps: Vec<Box<dyn EventTap>>,
) -> Result<Report, String> {
    let next = journaled_plan(record, plan)?;
    let mut rebuilt = take_up(record, taps, SessionKind::Headless)?;
    play_from(&mut rebuilt.app, plan, next);
    finish(&mut rebuilt.app)
}
