//! Same scenario, seed and plan give identical results and event logs (compared against a committed golden
//! record, so debug and release builds are held to the same output); other seeds differ; the order of
//! factories in a session changes nothing.

mod common;

use cakefactory::domain::{Command, SimEvent, TeamAction};
use cakefactory::headless::TimedCommand;
use cakefactory::metrics::Report;
use common::*;

fn busy_plan(model: &cakefactory::scenario::Model) -> Vec<TimedCommand> {
    let src = include_str!("data/plan_busy.ron");
    plan(model, 4, src)
}

#[test]
fn same_scenario_seed_and_plan_give_identical_results() {
    let model = shipped("cake_factory_2");
    let opts = options(7, 4, busy_plan(&model));
    let (r1, e1) = run_capture(&model, &opts);
    let (r2, e2) = run_capture(&model, &opts);
    assert_eq!(
        serde_json::to_string(&r1).unwrap(),
        serde_json::to_string(&r2).unwrap()
    );
    assert_eq!(jsonl(&e1), jsonl(&e2));
    assert!(e1.len() > 10_000, "the busy plan should produce a rich log");
}

#[test]
fn a_different_seed_gives_different_results() {
    let model = shipped("cake_factory_2");
    let a = run(&model, &options(1, 2, Vec::new()));
    let b = run(&model, &options(2, 2, Vec::new()));
    assert_ne!(a.factories[0].totals, b.factories[0].totals);
}

#[test]
fn identical_decisions_give_identical_factories() {
    let model = shipped("cake_factory_2");
    let r = run(&model, &options(3, 3, Vec::new()));
    assert_eq!(r.factories[0].totals, r.factories[1].totals);
    assert_eq!(r.factories[0].totals, r.factories[2].totals);
}

/// Events of one factory with the factory index removed.
fn factory_events(events: &[SimEvent], f: u16) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.factory == Some(f))
        .map(|e| {
            let mut e = e.clone();
            e.factory = None;
            serde_json::to_string(&e).unwrap()
        })
        .collect()
}

#[test]
fn factory_order_does_not_change_any_factory() {
    let model = shipped("cake_factory_2");
    let at = |round, minute, factory, action| TimedCommand {
        round,
        minute,
        command: Command::Team { factory, action },
    };
    // Session A: team 0 functional, team 1 cells (which also moves a worker). Session B swaps the teams.
    let plan = |cells: u16, func: u16| {
        vec![
            at(
                1,
                0.0,
                cells,
                TeamAction::SetDesign("cross_functional".into()),
            ),
            at(1, 0.0, func, TeamAction::SetDesign("functional".into())),
            at(
                2,
                45.0,
                cells,
                TeamAction::MoveWorker {
                    worker: "bo".into(),
                    unit: "cell_b".into(),
                },
            ),
        ]
    };
    let (ra, ea) = run_capture(&model, &options(11, 2, plan(1, 0)));
    let (rb, eb) = run_capture(&model, &options(11, 2, plan(0, 1)));
    let strip = |r: &Report, i: usize| {
        let mut f = r.factories[i].clone();
        f.name.clear();
        f
    };
    assert_eq!(strip(&ra, 0), strip(&rb, 1));
    assert_eq!(strip(&ra, 1), strip(&rb, 0));
    assert_eq!(factory_events(&ea, 0), factory_events(&eb, 1));
    assert_eq!(factory_events(&ea, 1), factory_events(&eb, 0));
    assert_ne!(
        strip(&ra, 0),
        strip(&ra, 1),
        "the two designs should differ"
    );
}

/// FNV-1a of a string, to keep the golden record small.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The golden record was written by this test with `CAKEFACTORY_BLESS=1`; debug and release builds (CI runs
/// both) must reproduce it exactly.
#[test]
fn output_matches_the_golden_record() {
    let model = shipped("cake_factory_2");
    let (report, events) = run_capture(&model, &options(7, 4, busy_plan(&model)));
    let log = jsonl(&events);
    let actual = format!(
        "{}\nevents: {}\nevent log fnv1a: {:016x}\n",
        serde_json::to_string_pretty(&report).unwrap(),
        events.len(),
        fnv(&log)
    );
    let path = format!(
        "{}/tests/golden/busy_plan_seed7.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("CAKEFACTORY_BLESS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).expect("golden record (bless with CAKEFACTORY_BLESS=1)");
    assert!(
        actual == expected,
        "output differs from {path}; if the model changed on purpose, re-bless it"
    );
}
