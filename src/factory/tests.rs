//! Unit tests of the factory's dispatching on a tiny scenario with fixed times: who takes which task, the
//! changeover, the helping threshold and a WIP limit holding an order outside a full step.

use std::sync::Arc;

use super::FactorySim;
use crate::domain::SimTime;
use crate::domain::event::{EventKind, SimEvent};

/// Two steps: `s1` (skill a, changeover 3 min) owned by unit A (ann level 1, amy level 2), `s2` (skill b)
/// owned by unit B (bob: b 1.0, a 0.5). Orders arrive at the given minutes of round 1.
fn scenario(s1_minutes: f64, arrivals: &[f64], practices: &str) -> String {
    let at: Vec<String> = arrivals.iter().map(|m| format!("(1, {m:.1})")).collect();
    format!(
        r#"(
    name: "Dispatch", rounds: 1, round_minutes: 600, teams: 1, default_design: "two",
    skills: ["a", "b"],
    workers: [
        (id: "ann", skills: {{"a": 1.0}}),
        (id: "amy", skills: {{"a": 2.0}}),
        (id: "bob", skills: {{"b": 1.0, "a": 0.5}}),
    ],
    steps: [(id: "s1", skill: "a", changeover: Fixed(3)), (id: "s2", skill: "b")],
    products: [(id: "p", price: 10, routing: [
        (step: "s1", duration: Fixed({s1_minutes})),
        (step: "s2", duration: Fixed(5)),
    ])],
    demand: [Scheduled(product: "p", at: [{}], due_in: Fixed(500))],
    coordination: (help_after_min: 10),
    designs: [(name: "two", units: [
        (id: "A", members: ["ann", "amy"], steps: ["s1"]),
        (id: "B", members: ["bob"], steps: ["s2"]),
    ], practices: ({practices}))],
)"#,
        at.join(", ")
    )
}

const ANN: u16 = 0;
const AMY: u16 = 1;
const BOB: u16 = 2;

/// Runs round 1 of `source` to its end and returns the factory's events.
fn events(source: &str) -> Vec<SimEvent> {
    let model = Arc::new(crate::scenario::load_str("dispatch.ron", source).unwrap());
    let end = model.round_len;
    let mut f = FactorySim::new(Arc::clone(&model), 0, "T".into(), 1, 0);
    f.start_round(1, end);
    f.advance(end);
    let mut out = Vec::new();
    f.drain_events(&mut out);
    out
}

/// Every task start: (minute, order, step, worker, help, setup minutes).
fn starts(events: &[SimEvent]) -> Vec<(f64, u64, u16, u16, bool, f64)> {
    events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::TaskStarted {
                order,
                step,
                worker,
                help,
                setup_ms,
                ..
            } => Some((
                e.t.minutes(),
                order,
                step,
                worker,
                help,
                SimTime(setup_ms).minutes(),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_most_skilled_idle_member_of_the_owning_unit_takes_the_task() {
    let e = events(&scenario(10.0, &[0.0], ""));
    let s = starts(&e);
    // Amy (level 2) before Ann (level 1); the first task of the day has its changeover.
    assert_eq!(s[0], (0.0, 0, 0, AMY, false, 3.0));
    // 10 / 2 + 3 = 8 minutes; then unit B's Bob takes step 2.
    assert_eq!(s[1], (8.0, 0, 1, BOB, false, 0.0));
    assert!(
        e.iter()
            .any(|e| matches!(e.kind, EventKind::OrderDelivered { .. })
                && e.t == SimTime::from_minutes(13.0))
    );
}

#[test]
fn a_changeover_is_paid_only_when_switching_steps() {
    let s = starts(&events(&scenario(10.0, &[0.0, 20.0], "")));
    let amy: Vec<_> = s.iter().filter(|x| x.3 == AMY).collect();
    assert_eq!(amy.len(), 2, "{s:?}");
    assert_eq!(amy[0].5, 3.0, "first task: changeover");
    assert_eq!(amy[1].5, 0.0, "same step again: none");
    assert_eq!(amy[1].0, 20.0);
}

#[test]
fn helpers_step_in_only_after_the_task_has_waited_long_enough() {
    // Three orders at once; unit A has two people busy for 13 and 23 minutes.
    let own = starts(&events(&scenario(
        20.0,
        &[0.0, 0.0, 0.0],
        "helping: OwnUnit",
    )));
    assert!(
        own.iter().all(|x| !x.4),
        "nobody helps across units: {own:?}"
    );
    let third = own.iter().find(|x| x.1 == 2 && x.2 == 0).unwrap();
    assert_eq!((third.0, third.3), (13.0, AMY), "the third waits for Amy");

    let any = starts(&events(&scenario(
        20.0,
        &[0.0, 0.0, 0.0],
        "helping: Anyone",
    )));
    let third = any.iter().find(|x| x.1 == 2 && x.2 == 0).unwrap();
    // Bob of unit B may take it once it has waited help_after_min (10), before Amy is free at 13.
    assert_eq!((third.0, third.3, third.4), (10.0, BOB, true));
    assert!(any.iter().filter(|x| x.0 < 10.0).all(|x| !x.4));
}

#[test]
fn a_full_step_keeps_the_next_order_outside_until_one_leaves() {
    // Two orders reach step 2 at minutes 8 (Amy) and 13 (Ann); step 2 takes 5 minutes.
    let e = events(&scenario(10.0, &[0.0, 0.0], "wip_limits: {\"s2\": 1}"));
    let blocked: Vec<_> = e
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Blocked { order, step } => Some((e.t.minutes(), order, step)),
            _ => None,
        })
        .collect();
    assert_eq!(blocked, vec![(13.0, 1, 1)], "{blocked:?}");
    let s = starts(&e);
    // With Amy busy, the second order's first step goes to Ann at once.
    assert!(s.contains(&(0.0, 1, 0, ANN, false, 3.0)), "{s:?}");
    let second = s.iter().find(|x| x.1 == 1 && x.2 == 1).unwrap();
    // The first order is delivered at 13 (8 + 5): only then does the second enter step 2.
    assert_eq!(second.0, 13.0);
    let ready_at = e
        .iter()
        .find(|e| {
            matches!(
                e.kind,
                EventKind::TaskReady {
                    order: 1,
                    step: 1,
                    ..
                }
            )
        })
        .map(|e| e.t.minutes());
    assert_eq!(ready_at, Some(13.0));
}

/// In the live game an offer waits for its answer past its simulated deadline, until a lapse closes it
/// with its default; a second lapse is refused.
#[test]
fn a_live_offer_waits_for_its_lapse() {
    let source = scenario(5.0, &[1.0], "");
    let source = source.replace(
        "coordination: (help_after_min: 10),",
        "coordination: (help_after_min: 10),\n    palette: [(id: \"rush\", headline: \"Rush\", kind: \
         RushOrder(product: \"p\", quantity: 2, due_in_min: 120, decide_within_min: 15))],",
    );
    let model = Arc::new(crate::scenario::load_str("dispatch.ron", &source).unwrap());
    let answers = |live: bool| {
        let mut f = FactorySim::new(Arc::clone(&model), 0, "T".into(), 1, 0);
        f.set_live_offers(live);
        f.start_round(1, model.round_len);
        f.inject(0, model.palette[0].clone(), SimTime::ZERO);
        f.advance(SimTime(60 * 60_000));
        let mut out = Vec::new();
        f.drain_events(&mut out);
        let answered = |out: &[SimEvent]| {
            out.iter()
                .filter_map(|e| match e.kind {
                    EventKind::RushAnswered { by_default, .. } => Some(by_default),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let before = answered(&out);
        let lapse = f.lapse_offer(0);
        let mut after = Vec::new();
        f.drain_events(&mut after);
        (before, lapse, answered(&after))
    };
    let (before, lapse, after) = answers(false);
    assert_eq!(before, [true], "headless: the deadline decides");
    assert!(lapse.is_err());
    assert!(after.is_empty());
    let (before, lapse, after) = answers(true);
    assert!(before.is_empty(), "live: still open an hour later");
    assert_eq!(lapse, Ok(()));
    assert_eq!(after, [true]);
}
