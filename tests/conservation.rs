//! Every order received is delivered, lost or still in the factory at the end, exactly once.

mod common;

use common::*;

fn check(model: cakefactory::scenario::Model, seed: u64, teams: u32, plan_src: Option<&str>) {
    let plan = plan_src.map_or_else(Vec::new, |s| plan(&model, teams, s));
    let (app, events) = play_capture(model, &options(seed, teams, plan));
    check_order_accounting(&app, &events).unwrap();
    let received = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                cakefactory::domain::event::EventKind::OrderReceived { .. }
            )
        })
        .count();
    assert!(received > 0, "the session should have had orders");
}

#[test]
fn orders_are_conserved_under_a_busy_plan() {
    for seed in [1, 2, 3] {
        check(
            shipped("cake_factory_2"),
            seed,
            4,
            Some(include_str!("data/plan_busy.ron")),
        );
    }
}

#[test]
fn orders_are_conserved_in_every_design() {
    let model = shipped("cake_factory_2");
    let names: Vec<String> = model.designs.iter().map(|d| d.name.clone()).collect();
    let plan: String = names
        .iter()
        .enumerate()
        .map(|(i, d)| {
            format!(
                "(round: 1, minute: 0, command: Team(factory: {i}, action: SetDesign(\"{d}\"))),"
            )
        })
        .collect();
    check(model, 5, names.len() as u32, Some(&format!("[{plan}]")));
}

#[test]
fn orders_are_conserved_in_the_calm_market() {
    check(shipped("calm_market"), 9, 2, None);
}
