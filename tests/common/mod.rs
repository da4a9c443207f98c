//! Helpers shared by the integration tests: loading shipped scenarios and running sessions headless while
//! capturing their events.
#![allow(dead_code)]

pub mod hosting;

use std::sync::Arc;

use cakefactory::domain::SimEvent;
use cakefactory::headless::{self, RunOptions, TimedCommand};
use cakefactory::metrics::Report;
use cakefactory::scenario::{self, Model};
use cakefactory::sim::tap::{recorder, take};

pub fn shipped(name: &str) -> Model {
    let (file, src) = scenario::shipped(name).expect("shipped scenario");
    scenario::load_str(file, src).expect("valid shipped scenario")
}

pub fn fixture(name: &str) -> Model {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    scenario::load_path(std::path::Path::new(&path)).expect("valid fixture")
}

/// Runs a session and returns its report and every event, in order.
pub fn run_capture(model: &Model, options: &RunOptions) -> (Report, Vec<SimEvent>) {
    let (tap, events) = recorder();
    let report = headless::run(Arc::new(model.clone()), options, vec![tap]).expect("run");
    (report, take(&events))
}

/// Runs a session without keeping events.
pub fn run(model: &Model, options: &RunOptions) -> Report {
    headless::run(Arc::new(model.clone()), options, Vec::new()).expect("run")
}

/// A plan parsed and checked for a session of `teams` teams on the scenario's default design.
pub fn plan(model: &Model, teams: u32, source: &str) -> Vec<TimedCommand> {
    let config = headless::config(Arc::new(model.clone()), &options(1, teams, Vec::new()))
        .expect("valid options");
    headless::parse_plan("plan", source, &config).expect("valid plan")
}

pub fn options(seed: u64, teams: u32, plan: Vec<TimedCommand>) -> RunOptions {
    RunOptions {
        seed,
        teams: Some(teams),
        design: None,
        plan,
    }
}

/// The event log as JSON lines, exactly as `run --events` writes it.
pub fn jsonl(events: &[SimEvent]) -> String {
    cakefactory::sim::journal::to_jsonl(events)
}

/// A plan that gives team `i` design `designs[i]` from round 1.
pub fn designs_plan(designs: &[&str]) -> Vec<TimedCommand> {
    use cakefactory::domain::{Command, TeamAction};
    designs
        .iter()
        .enumerate()
        .map(|(i, d)| TimedCommand {
            round: 1,
            minute: 0.0,
            command: Command::Team {
                factory: i as u16,
                action: TeamAction::SetDesign(d.to_string()),
            },
        })
        .collect()
}

/// Plays a whole session in an app (kept for inspection) and returns every event.
pub fn play_capture(model: Model, options: &RunOptions) -> (bevy::prelude::App, Vec<SimEvent>) {
    use cakefactory::sim::tap::Taps;
    let mut app = headless::session_app(headless::config(Arc::new(model), options).unwrap());
    let (tap, events) = recorder();
    app.world_mut().resource_mut::<Taps>().0.push(tap);
    headless::play(&mut app, &options.plan);
    (app, take(&events))
}

/// Checks that every order of every factory was received once and delivered, lost or still in the factory
/// at the end, exactly once.
pub fn check_order_accounting(app: &bevy::prelude::App, events: &[SimEvent]) -> Result<(), String> {
    use cakefactory::domain::event::EventKind;
    use cakefactory::factory::FactorySim;
    use cakefactory::sim::Session;
    use std::collections::{BTreeSet, HashMap};
    let entities = app.world().resource::<Session>().factories.clone();
    for (f, entity) in entities.into_iter().enumerate() {
        let mut received = BTreeSet::new();
        let mut ended: HashMap<u64, u32> = HashMap::new();
        for e in events.iter().filter(|e| e.factory == Some(f as u16)) {
            match &e.kind {
                EventKind::OrderReceived { order, .. } if !received.insert(*order) => {
                    return Err(format!("factory {f}: order {order} received twice"));
                }
                EventKind::OrderDelivered { order, .. } | EventKind::OrderLost { order, .. } => {
                    if !received.contains(order) {
                        return Err(format!("factory {f}: order {order} ended without arriving"));
                    }
                    *ended.entry(*order).or_default() += 1;
                }
                _ => {}
            }
        }
        if let Some((order, _)) = ended.iter().find(|(_, n)| **n > 1) {
            return Err(format!("factory {f}: order {order} ended twice"));
        }
        let still: BTreeSet<u64> = received
            .iter()
            .copied()
            .filter(|o| !ended.contains_key(o))
            .collect();
        let factory = app.world().get::<FactorySim>(entity).unwrap();
        let inside: BTreeSet<u64> = factory.active_orders().iter().map(|o| o.0).collect();
        if still != inside || factory.wip() != inside.len() {
            return Err(format!(
                "factory {f}: in progress by the log {still:?}, in the factory {inside:?}"
            ));
        }
    }
    Ok(())
}
