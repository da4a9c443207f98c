//! Mechanics of the factory checked against their rules on the event log: WIP limits, station capacity,
//! absence, handoffs across and within units, questions, rush offers.

mod common;

use std::collections::HashMap;
use std::sync::Arc;

use cakefactory::domain::SimTime;
use cakefactory::domain::event::EventKind;
use cakefactory::domain::{Command, SimEvent};
use cakefactory::factory::FactorySim;
use cakefactory::headless::{config, run_until, session_app};
use cakefactory::sim::Session;
use common::*;

fn standard_events(seed: u64, plan_src: &str) -> Vec<SimEvent> {
    let model = shipped("cake_factory_2");
    let plan = plan(&model, 1, plan_src);
    run_capture(&model, &options(seed, 1, plan)).1
}

#[test]
fn wip_limits_hold_at_every_minute() {
    let model = shipped("cake_factory_2");
    let bake = model.step_index("bake").unwrap();
    let plan = plan(
        &model,
        1,
        r#"[(round: 1, minute: 0, command: Team(factory: 0, action: SetPractice(WipLimit(step: "bake", limit: Some(2)))))]"#,
    );
    let mut app = session_app(config(Arc::new(model), &options(2, 1, plan.clone())).unwrap());
    app.world_mut().write_message(plan[0].command.clone());
    app.world_mut().write_message(Command::StartRound);
    app.update();
    let entity = app.world().resource::<Session>().factories[0];
    let mut peak = 0;
    for minute in 1..=480 {
        run_until(&mut app, SimTime::from_minutes(f64::from(minute)));
        let occ = app.world().get::<FactorySim>(entity).unwrap().occupancy()[bake];
        assert!(occ <= 2, "minute {minute}: {occ} orders in baking");
        peak = peak.max(occ);
    }
    assert_eq!(peak, 2, "the limit should bind in a busy round");
}

#[test]
fn a_station_serves_one_task_per_unit() {
    // Ovens: count 5, one breaks down for 120 minutes in round 2 (scheduled).
    let model = shipped("cake_factory_2");
    let (bake, oven) = (
        model.step_index("bake").unwrap() as u16,
        model.station_index("oven").unwrap() as u16,
    );
    let events = standard_events(4, "[]");
    let mut busy: i64 = 0;
    let mut down: i64 = 0;
    let mut in_oven: HashMap<u64, bool> = HashMap::new();
    // The breakdown is logged before the tasks it interrupts, at the same instant: the rule holds at the end
    // of every instant.
    for (i, e) in events.iter().enumerate() {
        match &e.kind {
            EventKind::TaskStarted { order, step, .. } if *step == bake => {
                busy += 1;
                in_oven.insert(*order, true);
            }
            EventKind::ProcessFinished { order, step, .. }
            | EventKind::TaskInterrupted { order, step, .. }
                if *step == bake && in_oven.remove(order).is_some() =>
            {
                busy -= 1;
            }
            EventKind::StationDown { station, units, .. } if *station == oven => {
                down += i64::from(*units)
            }
            EventKind::StationUp { station, units } if *station == oven => {
                down -= i64::from(*units)
            }
            _ => {}
        }
        if events.get(i + 1).is_none_or(|next| next.t > e.t) {
            assert!(
                busy + down <= 5,
                "at {}: {busy} bakes and {down} ovens down",
                e.t
            );
        }
    }
}

#[test]
fn an_absent_worker_does_nothing() {
    let events = standard_events(5, "[]");
    // Dana is off sick in round 3 (scheduled): no task or answer of hers while absent.
    let mut absent = false;
    let mut seen_absence = false;
    for e in &events {
        match &e.kind {
            EventKind::WorkerAbsent { worker: 2, .. } => {
                absent = true;
                seen_absence = true;
            }
            EventKind::WorkerReturned { worker: 2 } => absent = false,
            EventKind::TaskStarted { worker: 2, .. }
            | EventKind::AnswerStarted { answerer: 2, .. } => {
                assert!(!absent, "Dana worked while absent at {}", e.t);
            }
            _ => {}
        }
    }
    assert!(seen_absence);
}

#[test]
fn handoffs_cross_units_only_between_units() {
    let model = fixture("minimal.ron");
    let solo = run(&model, &options(1, 1, Vec::new()));
    assert!(solo.factories[0].totals.handoffs > 0);
    assert_eq!(solo.factories[0].totals.cross_unit_handoffs, 0);
    let plan = plan(
        &model,
        1,
        r#"[(round: 1, minute: 0, command: Team(factory: 0, action: SetDesign("split")))]"#,
    );
    let split = run(&model, &options(1, 1, plan));
    let t = &split.factories[0].totals;
    assert_eq!(t.cross_unit_handoffs, t.handoffs);
    assert!(
        t.ei_index.unwrap() > 0.99,
        "all ties cross units: {:?}",
        t.ei_index
    );
}

#[test]
fn only_custom_orders_raise_questions() {
    let events = standard_events(6, "[]");
    let mut custom = HashMap::new();
    let mut questions = 0;
    for e in &events {
        match &e.kind {
            EventKind::OrderReceived {
                order, custom: c, ..
            } => {
                custom.insert(*order, *c);
            }
            EventKind::QuestionAsked { order, .. } => {
                questions += 1;
                assert!(custom[order], "a question about standard order {order}");
            }
            _ => {}
        }
    }
    assert!(questions > 0);
}

#[test]
fn a_declined_rush_offer_brings_no_orders() {
    // The mayor's rush offer comes in round 3 at minute 200; decline it in one run, accept in the other.
    let rush = |accept: bool| {
        let plan = format!(
            "[(round: 3, minute: 201, command: Team(factory: 0, action: RespondToOffer(offer: 0, accept: {accept})))]"
        );
        standard_events(7, &plan)
            .iter()
            .filter(|e| matches!(e.kind, EventKind::OrderReceived { rush: true, .. }))
            .count()
    };
    assert_eq!(rush(false), 0);
    assert_eq!(rush(true), 3);
}

#[test]
fn a_decision_that_would_leave_a_step_with_nobody_is_refused() {
    // In functional departments Quinn is the whole quality unit: moving Quinn away, giving the quality step
    // to sales, or helping `None` in the cells (where some steps have no specialist) leaves a step stuck.
    let plan_src = r#"[
        (round: 1, minute: 10, command: Team(factory: 0, action: MoveWorker(worker: "quinn", unit: "bakery"))),
        (round: 1, minute: 20, command: Team(factory: 0, action: AssignStep(step: "quality", units: ["sales"]))),
        (round: 1, minute: 30, command: Team(factory: 0, action: MoveWorker(worker: "bo", unit: "quality"))),
    ]"#;
    let events = standard_events(3, plan_src);
    let rejected: Vec<&String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::CommandRejected { reason, .. } => Some(reason),
            _ => None,
        })
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(
        rejected
            .iter()
            .all(|r| r.contains("stuck") && r.contains("step `quality`")),
        "{rejected:?}"
    );
    // Moving Bo (who has the quality skill) into quality is fine.
    assert!(events.iter().any(|e| matches!(
        &e.kind,
        EventKind::CommandApplied { command } if matches!(**command, Command::Team { .. })
    )));
}

#[test]
fn the_panel_knows_which_choices_would_be_refused() {
    let model = Arc::new(shipped("cake_factory_2"));
    let config = config(Arc::clone(&model), &options(1, 1, Vec::new())).unwrap();
    let app = session_app(config);
    let entity = app.world().resource::<Session>().factories[0];
    let view = app.world().get::<FactorySim>(entity).unwrap().view();
    let quinn = model.worker_index("quinn").unwrap();
    let bo = model.worker_index("bo").unwrap();
    let org = app.world().get::<FactorySim>(entity).unwrap().org().clone();
    let unit = |id: &str| org.unit_index(id).unwrap() as usize;
    assert!(view.choices.moves[quinn][unit("sales")].is_some());
    assert!(view.choices.moves[bo][unit("quality")].is_none());
    assert!(view.choices.designs.iter().all(Option::is_none));
}
