//! Replay and what-if on a record: a session put at any moment and played on gives the original; a what-if
//! without change is the original, one with a change differs only after its moment; a record's commands
//! exported as a plan run to the same result; a branch is a record of its own and the parent stays as it was.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cakefactory::domain::{Command, SimTime, TeamAction};
use cakefactory::headless::record::{rebuild, run_recorded, verify};
use cakefactory::headless::replay::{
    Added, WhatIf, branch_entries, end_of, export_plan, session_at, what_if,
};
use cakefactory::headless::{RunOptions, parse_plan};
use cakefactory::metrics::LiveMetrics;
use cakefactory::sim::record::{self, Entry, LoadedRecord};
use cakefactory::sim::tap::{Taps, recorder, take};
use common::*;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("cakefactory-replay-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// The busy plan's session (4 teams, seed 7), recorded in `d`.
fn recorded(d: &Path) -> LoadedRecord {
    let model = Arc::new(shipped("cake_factory_2"));
    let mut options = RunOptions {
        seed: 7,
        teams: Some(4),
        ..Default::default()
    };
    let config = cakefactory::headless::config(Arc::clone(&model), &options).unwrap();
    options.plan = parse_plan("plan", include_str!("data/plan_busy.ron"), &config).unwrap();
    run_recorded(model, &options, Vec::new(), d).unwrap();
    record::load(d).unwrap()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn a_session_put_at_any_moment_and_played_on_is_the_original() {
    let rec = recorded(&dir("seek"));
    let whole = session_at(&rec, end_of(&rec)).unwrap();
    let log = std::fs::read_to_string(rec.dir.join(record::EVENTS_FILE)).unwrap();
    assert!(
        jsonl(&whole.events) == log,
        "the whole session is the record's log"
    );
    let end = end_of(&rec).0;
    for k in 1..8 {
        let t = SimTime(end * k / 8 + 12_345);
        let mut at = session_at(&rec, t).unwrap();
        assert!(
            at.events.iter().all(|e| e.t <= t),
            "nothing after the moment"
        );
        let (tap, rest) = recorder();
        at.app.world_mut().resource_mut::<Taps>().0.push(tap);
        let later: Vec<Entry> = rec.entries.iter().filter(|e| e.t() > t).cloned().collect();
        rebuild(&mut at.app, &later).unwrap();
        let mut events = at.events.clone();
        events.extend(take(&rest));
        assert!(jsonl(&events) == log, "seek to {t:?} and play on");
        let report = at.app.world().resource::<LiveMetrics>().0.report();
        assert!(
            json(&report) == json(&whole.report()),
            "the report at {t:?}"
        );
    }
}

#[test]
fn a_what_if_without_change_is_the_original() {
    let rec = recorded(&dir("same"));
    let original = session_at(&rec, end_of(&rec)).unwrap();
    let change = WhatIf {
        at: SimTime(end_of(&rec).0 / 2),
        ..Default::default()
    };
    let branch = what_if(&rec, &change, None).unwrap();
    assert!(jsonl(&branch.events) == jsonl(&original.events));
    assert!(json(&branch.report) == json(&original.report()));
}

#[test]
fn a_what_if_differs_only_after_its_moment_and_is_a_record_of_its_own() {
    let d = dir("change");
    let rec = recorded(&d);
    let parent_files: Vec<String> = [
        "journal.jsonl",
        "events.jsonl",
        "hashes.jsonl",
        "header.json",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(d.join(f)).unwrap())
    .collect();
    let original = session_at(&rec, end_of(&rec)).unwrap();
    // Round 2 starts where round 1 ended; from minute 60 of round 2 team 0 works in cells.
    let r2 = original
        .events
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                cakefactory::domain::event::EventKind::RoundStarted { round: 2 }
            )
        })
        .unwrap()
        .t;
    let at = SimTime(r2.0 + 60 * 60_000);
    let later_team_decision = rec
        .entries
        .iter()
        .find_map(|e| match e {
            Entry::Command {
                seq, t, command, ..
            } if *t >= at && matches!(**command, Command::Team { .. }) => Some(*seq),
            _ => None,
        })
        .unwrap();
    let change = WhatIf {
        at,
        remove: vec![later_team_decision],
        add: vec![Added {
            t: at,
            command: Command::Team {
                factory: 0,
                action: TeamAction::SetSpanner {
                    worker: "sara".into(),
                    on: true,
                },
            },
        }],
    };
    let branch_dir = d.join(record::BRANCHES_DIR).join("sara-spans");
    let branch = what_if(&rec, &change, Some(&branch_dir)).unwrap();
    let before = |events: &[cakefactory::domain::SimEvent]| {
        events
            .iter()
            .filter(|e| e.t < at)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(jsonl(&before(&branch.events)) == jsonl(&before(&original.events)));
    assert!(jsonl(&branch.events) != jsonl(&original.events));
    assert!(json(&branch.report.factories[0]) != json(&original.report().factories[0]));
    // The branch is a record naming its parent and moment, and it verifies; the parent is untouched.
    let b = record::load(&branch_dir).unwrap();
    let of = b.header.branch.clone().unwrap();
    assert_eq!((of.at, of.round), (at, 2));
    assert!((of.minute - 60.0).abs() < 1e-9);
    assert!(b.entries.iter().any(|e| matches!(
        e,
        Entry::Command {
            source: record::Source::WhatIf,
            ..
        }
    )));
    assert!(verify(&b).is_ok());
    for (f, before) in [
        "journal.jsonl",
        "events.jsonl",
        "hashes.jsonl",
        "header.json",
    ]
    .iter()
    .zip(parent_files)
    {
        assert!(
            std::fs::read_to_string(d.join(f)).unwrap() == before,
            "{f} changed"
        );
    }
    // Only a team's decision from the moment on may be left out.
    let start = rec.entries.iter().find_map(|e| match e {
        Entry::Command { seq, command, .. } if **command == Command::StartRound => Some(*seq),
        _ => None,
    });
    let bad = WhatIf {
        at,
        remove: vec![start.unwrap()],
        add: Vec::new(),
    };
    assert!(branch_entries(&rec, &bad).is_err());
}

#[test]
fn a_records_commands_exported_as_a_plan_run_to_the_same_result() {
    let rec = recorded(&dir("export"));
    let plan_text = export_plan(&rec);
    assert!(plan_text.contains("// 1: the plan"), "{plan_text}");
    let model = Arc::new(shipped("cake_factory_2"));
    let mut options = RunOptions {
        seed: 7,
        teams: Some(4),
        ..Default::default()
    };
    let config = cakefactory::headless::config(Arc::clone(&model), &options).unwrap();
    options.plan = parse_plan("exported", &plan_text, &config).unwrap();
    let again = cakefactory::headless::run(model, &options, Vec::new()).unwrap();
    let original = session_at(&rec, end_of(&rec)).unwrap();
    assert!(
        json(&again) == json(&original.report()),
        "the plan's run differs"
    );
}

/// A small deterministic random number generator for the damage.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

#[test]
fn a_damaged_record_is_refused_or_reported_never_a_panic() {
    let d = dir("damage-original");
    recorded(&d);
    let mut rng = Lcg(7);
    let files = [
        "header.json",
        "journal.jsonl",
        "hashes.jsonl",
        "events.jsonl",
        "scenario.ron",
    ];
    let mut caught = 0;
    for (i, file) in files.iter().cycle().take(40).enumerate() {
        let copy = dir(&format!("damage-{i}"));
        std::fs::create_dir_all(&copy).unwrap();
        for f in files {
            std::fs::copy(d.join(f), copy.join(f)).unwrap();
        }
        let path = copy.join(file);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = rng.below(bytes.len());
        match rng.below(3) {
            // A byte changed, the file cut short, or bytes thrown in.
            0 => bytes[at] = bytes[at].wrapping_add(1 + rng.below(200) as u8),
            1 => bytes.truncate(at),
            _ => {
                let junk: Vec<u8> = (0..1 + rng.below(20))
                    .map(|_| rng.below(256) as u8)
                    .collect();
                bytes.splice(at..at, junk);
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let outcome = std::panic::catch_unwind(|| match record::load(&copy) {
            Err(_) => true,
            Ok(r) => verify(&r).is_err(),
        });
        match outcome {
            Ok(refused) => caught += usize::from(refused),
            Err(_) => panic!(
                "damage {i} to {file} ({} bytes at {at}) panicked",
                bytes.len()
            ),
        }
        let _ = std::fs::remove_dir_all(&copy);
    }
    // Almost every change is caught; a few land where nothing depends on them (a cut after the last mark).
    assert!(
        caught >= 30,
        "only {caught} of 40 damaged records were refused"
    );
}
