//! A disruption's impact measured against its twin, on a calm factory where the answer is worked out by hand:
//! one baker, one cake every 20 minutes that takes exactly 10 minutes to bake and is due 30 minutes after it
//! is ordered. The baker is off sick from minute 95 to 155.
//!
//! Without the absence every cake is done 10 minutes after it arrives. With it, the cakes of minutes 100, 120,
//! 140 and 160 wait: the baker is back at 155 and bakes them at 165, 175, 185 and 195 (due 130, 150, 170, 190:
//! 35 + 25 + 15 + 5 = 80 minutes late), the one of 180 at 205 and of 200 at 215 (on time), and from the cake
//! of 220 on both factories run alike. The twin delivered at 110, 130 and 150 while the factory delivered
//! nothing: the gap in deliveries first reaches its largest value, 3, at minute 150, 55 minutes after the
//! absence began, and is back to 0 at 205. The session ends at 480, so the window is 385 minutes, with no
//! delivery lost in it, 4 more late, and 80 minutes late at 60 an hour: 80 profit lost.

use cakefactory::domain::event::{EventKind, ImpactFigures};

mod common;

fn scenario(disruption: &str) -> String {
    let arrivals: Vec<String> = (0..24).map(|k| format!("(1, {})", 20 * k)).collect();
    format!(
        r#"(
    name: "Calm bakery",
    rounds: 1,
    round_minutes: 480,
    teams: 1,
    default_design: "solo",
    skills: ["baking"],
    workers: [(id: "ann", skills: {{"baking": 1.0}})],
    steps: [(id: "bake", skill: "baking")],
    products: [(id: "cake", price: 100, late_penalty_per_hour: 60, routing: [(step: "bake", duration: Fixed(10))])],
    demand: [Scheduled(product: "cake", at: [{}], due_in: Fixed(30))],
    designs: [(name: "solo", units: [(id: "all", members: ["ann"], steps: ["bake"])])],
    palette: [(id: "sick", headline: "Ann is sick", kind: {disruption})],
    schedule: [(disruption: "sick", round: 1, minute: 95)],
)"#,
        arrivals.join(", ")
    )
}

fn impacts(disruption: &str) -> Vec<ImpactFigures> {
    let src = scenario(disruption);
    let model = cakefactory::scenario::load_str("bakery.ron", &src).expect("valid scenario");
    let (report, events) = common::run_capture(&model, &common::options(1, 1, Vec::new()));
    let found: Vec<ImpactFigures> = events
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::DisruptionImpact(i) => Some(*i),
            _ => None,
        })
        .collect();
    // The report carries the same figures.
    let i = report.disruptions[0].impact.clone().expect("measured");
    assert_eq!(Some(i.profit_lost), found.first().map(|f| f.profit_lost));
    found
}

#[test]
fn an_absence_costs_what_the_hand_count_says() {
    let found = impacts("WorkerAbsent(worker: \"ann\", duration_min: 60)");
    assert_eq!(
        found,
        vec![ImpactFigures {
            id: "sick".into(),
            window_min: 385.0,
            deliveries_lost: 0,
            late_added: 4,
            profit_lost: 80.0,
            settled_min: 55.0,
        }]
    );
}

#[test]
fn a_disruption_that_changes_nothing_costs_nothing() {
    // A spec change of custom cakes in a bakery that makes none: the factory and its twin run alike.
    let found = impacts("SpecChange(share: 1.0)");
    assert_eq!(
        found,
        vec![ImpactFigures {
            id: "sick".into(),
            window_min: 385.0,
            deliveries_lost: 0,
            late_added: 0,
            profit_lost: 0.0,
            settled_min: 0.0,
        }]
    );
}
