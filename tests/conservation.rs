//! Every order received is delivered, lost or still in the factory at the end, exactly once.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use cakefactory::factory::FactorySim;
use cakefactory::headless::{config, parse_plan, play, session_app};
use cakefactory::sim::event::EventKind;
use cakefactory::sim::tap::Taps;
use cakefactory::sim::{Session, SimEvent};
use common::*;

fn check(model: cakefactory::scenario::Model, seed: u64, teams: u32, plan_src: Option<&str>) {
    let plan = plan_src.map_or_else(Vec::new, |s| parse_plan("plan", s, &model).unwrap());
    let opts = options(seed, teams, plan.clone());
    let mut app = session_app(config(Arc::new(model), &opts).unwrap());
    let events = Arc::new(Mutex::new(Vec::<SimEvent>::new()));
    let sink = Arc::clone(&events);
    app.world_mut()
        .resource_mut::<Taps>()
        .0
        .push(Box::new(move |e: &SimEvent| {
            sink.lock().unwrap().push(e.clone())
        }));
    play(&mut app, &plan);
    let events = events.lock().unwrap();

    let entities = app.world().resource::<Session>().factories.clone();
    for (f, entity) in entities.into_iter().enumerate() {
        let mut received = BTreeSet::new();
        let mut ended: HashMap<u64, u32> = HashMap::new();
        for e in events.iter().filter(|e| e.factory == Some(f as u16)) {
            match &e.kind {
                EventKind::OrderReceived { order, .. } => {
                    assert!(received.insert(*order), "order {order} received twice");
                }
                EventKind::OrderDelivered { order, .. } | EventKind::OrderLost { order, .. } => {
                    assert!(
                        received.contains(order),
                        "order {order} ended without arriving"
                    );
                    *ended.entry(*order).or_default() += 1;
                }
                _ => {}
            }
        }
        assert!(ended.values().all(|&n| n == 1), "an order ended twice");
        let still: BTreeSet<u64> = received
            .iter()
            .copied()
            .filter(|o| !ended.contains_key(o))
            .collect();
        let factory = app.world().get::<FactorySim>(entity).unwrap();
        let in_factory: BTreeSet<u64> = factory.active_orders().iter().map(|o| o.0).collect();
        assert_eq!(
            still, in_factory,
            "factory {f}: orders in progress at the end"
        );
        assert_eq!(factory.wip(), in_factory.len());
        assert!(!received.is_empty());
    }
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
