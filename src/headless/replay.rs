//! Replaying a record: its session at any moment (re-simulated from the journal), a record's commands as a
//! plan, and what-ifs: branches of a record whose decisions change from a moment on, run with the same
//! random numbers and kept as records of their own.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::record::{Rebuilt, header, rebuild, rebuild_lines};
use super::{TimedCommand, session_app};
use crate::domain::time::minute_of_round;
use crate::domain::{Command, SimEvent, SimTime};
use crate::i18n::Lang;
use crate::metrics::{LiveMetrics, Report};
use crate::sim::Session;
use crate::sim::record::{BranchOf, Entry, LoadedRecord, Recording, SessionKind, Source};
use crate::sim::tap::{Taps, recorder, take};
use crate::t;

/// The lines of `entries` up to moment `t`, then a mark at `t`.
fn up_to(entries: &[Entry], t: SimTime) -> Vec<Entry> {
    let mut out: Vec<Entry> = entries.iter().filter(|e| e.t() <= t).cloned().collect();
    out.push(Entry::Reached {
        t,
        round: 0,
        minute: 0.0,
        wall_ms: 0,
    });
    out
}

/// The session of `record` at moment `t`: every command given up to `t` applied, every event before `t`
/// happened. A moment past the end gives the end.
pub fn session_at(record: &LoadedRecord, t: SimTime) -> Result<Rebuilt, String> {
    let mut at = rebuild_lines(
        record,
        &up_to(&record.entries, t.min(end_of(record))),
        Vec::new(),
    )?;
    // The session goes on without the rebuild's recorder.
    at.app.world_mut().resource_mut::<Taps>().0.clear();
    Ok(at)
}

/// The last moment a record reached.
pub fn end_of(record: &LoadedRecord) -> SimTime {
    record.entries.last().map_or(SimTime::ZERO, Entry::t)
}

/// A team's command given in a what-if, at a moment of the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    /// When it is given.
    pub t: SimTime,
    /// The command (a team's decision).
    pub command: Command,
}

/// What a what-if changes: from `at` on, some of the record's team decisions left out and others added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhatIf {
    /// The moment the change starts.
    pub at: SimTime,
    /// The journal numbers (`seq`) of the record's team decisions at or after `at` to leave out.
    pub remove: Vec<u64>,
    /// Decisions to add, at or after `at`.
    pub add: Vec<Added>,
}

/// A what-if run: its report and events, and where its record is kept.
pub struct Branch {
    /// The branch's key figures.
    pub report: Report,
    /// Every event of the branch.
    pub events: Vec<SimEvent>,
    /// Its record's folder, if it was kept.
    pub dir: Option<PathBuf>,
}

/// The journal of a what-if: the record's commands, less those removed, with those added, in time order.
pub fn branch_entries(record: &LoadedRecord, change: &WhatIf) -> Result<Vec<Entry>, String> {
    let mut out: Vec<Entry> = Vec::new();
    for e in &record.entries {
        let Entry::Command { seq, command, .. } = e else {
            continue;
        };
        if change.remove.contains(seq) {
            if e.t() < change.at || !matches!(**command, Command::Team { .. }) {
                return Err(format!(
                    "command {seq} cannot be left out: only a team's decisions from the what-if's moment on"
                ));
            }
            continue;
        }
        out.push(e.clone());
    }
    for a in &change.add {
        if a.t < change.at || !matches!(a.command, Command::Team { .. }) {
            return Err("a what-if adds teams' decisions from its moment on".into());
        }
        out.push(Entry::Command {
            seq: 0,
            t: a.t,
            round: 0,
            running: true,
            minute: 0.0,
            source: Source::WhatIf,
            wall_ms: crate::sim::record::wall_ms(),
            command: Box::new(a.command.clone()),
        });
    }
    // Stable: at the same moment, the record's commands come first, then those added, in their order.
    out.sort_by_key(Entry::t);
    out.push(Entry::Reached {
        t: end_of(record),
        round: 0,
        minute: 0.0,
        wall_ms: 0,
    });
    Ok(out)
}

/// Runs a what-if of `record` to the moment the record reached, keeping its record in `dir` (a branch naming
/// its parent and moment) when given. The record itself is never changed.
pub fn what_if(
    record: &LoadedRecord,
    change: &WhatIf,
    dir: Option<&Path>,
) -> Result<Branch, String> {
    let entries = branch_entries(record, change)?;
    let config = record.config();
    let mut app = session_app(config.clone());
    if let Some(dir) = dir {
        let at = moment(record, change.at)?;
        let mut h = header(&config);
        h.branch = Some(BranchOf {
            parent: record.dir.display().to_string(),
            at: change.at,
            round: at.0,
            minute: at.1,
        });
        let recording = Recording::create(dir, &h, &config.model.source, SessionKind::Game)?;
        app.insert_resource(recording);
    }
    let (tap, recorded) = recorder();
    app.world_mut().resource_mut::<Taps>().0.push(tap);
    rebuild(&mut app, &entries)?;
    if let Some(mut r) = app.world_mut().get_resource_mut::<Recording>() {
        r.flush();
        if let Some(e) = r.error() {
            return Err(e.to_string());
        }
    }
    Ok(Branch {
        report: app.world().resource::<LiveMetrics>().0.report(),
        events: take(&recorded),
        dir: dir.map(Path::to_path_buf),
    })
}

/// The round and minute of moment `t` in `record` (round 0 before the first).
pub fn moment(record: &LoadedRecord, t: SimTime) -> Result<(u32, f64), String> {
    let at = session_at(record, t)?;
    let s = at.app.world().resource::<Session>();
    Ok((
        s.round,
        if s.round == 0 {
            0.0
        } else {
            minute_of_round(t, s.round_start)
        },
    ))
}

/// A record's commands as a plan for `run --plan`: each at its round and minute; round starts are left out
/// (a plan's rounds start by themselves), and so are the live game's offer lapses (a plan's offers close at
/// their deadline), which are counted in a comment.
pub fn export_plan(record: &LoadedRecord) -> String {
    let rounds = record.model.rounds;
    let mut lines = vec![format!(
        "// The commands of the session recorded in {} (scenario \"{}\", seed {}, {} teams), as a plan \
         for `cakefactory run --plan`.",
        record.dir.display(),
        record.header.scenario,
        record.header.seed,
        record.header.teams.len()
    )];
    let mut body = Vec::new();
    let mut lapses = 0;
    for e in &record.entries {
        let Entry::Command {
            seq,
            round,
            running,
            minute,
            source,
            command,
            ..
        } = e
        else {
            continue;
        };
        let (round, minute) = match (**command).clone() {
            Command::StartRound => continue,
            Command::OfferLapsed { .. } => {
                lapses += 1;
                continue;
            }
            // A command given while the round ran at its very first moment comes just after the start (a
            // plan's minute 0 is before it): a millionth of a minute is still that same millisecond.
            _ if *running && *minute <= 0.0 => (*round, 1e-6),
            _ if *running => (*round, *minute),
            _ if *round < rounds => (round + 1, 0.0),
            _ => continue,
        };
        let timed = TimedCommand {
            round,
            minute,
            command: (**command).clone(),
        };
        let text = ron::to_string(&timed).unwrap_or_default();
        body.push(format!("    {text}, // {seq}: {}", who(record, source)));
    }
    if lapses > 0 {
        lines.push(format!(
            "// {lapses} rush offer(s) lapsed in the live game; in a plan's run offers close at their deadline."
        ));
    }
    lines.push("[".into());
    lines.extend(body);
    lines.push("]".into());
    lines.join("\n") + "\n"
}

/// Who gave a command, in words: "the facilitator", the team's name ("Blue"), "the plan".
pub fn who(record: &LoadedRecord, source: &Source) -> String {
    who_in(record, source, Lang::En)
}

/// Who gave a command, in `lang` (see [`who`]).
pub fn who_in(record: &LoadedRecord, source: &Source, lang: Lang) -> String {
    let team = |factory: u16| {
        record.header.teams.get(factory as usize).map_or_else(
            || t!(lang, "team-number", number = factory + 1),
            |t| record.model.lexicon.say(lang, &t.name).to_string(),
        )
    };
    match source {
        Source::Facilitator | Source::Console { .. } => t!(lang, "source-facilitator"),
        Source::Team { factory } => team(*factory),
        // "Blue (Anna, purchasing)": the team, and who on it, as they named themselves.
        Source::Device { factory, who, .. } if who.is_empty() => team(*factory),
        Source::Device { factory, who, .. } => format!("{} ({who})", team(*factory)),
        Source::OfferClock => t!(lang, "source-offer-clock"),
        Source::Plan => t!(lang, "source-plan"),
        Source::Runner => t!(lang, "source-runner"),
        Source::WhatIf => t!(lang, "source-what-if"),
    }
}
