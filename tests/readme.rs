//! The README's examples stay true: its plan and its scenario parse and validate.

mod common;

use cakefactory::scenario::load_str;

const README: &str = include_str!("../README.md");

/// The RON code blocks of the README, in order.
fn ron_blocks() -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in README.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```ron") => current = Some(String::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    blocks
}

#[test]
fn the_readme_plan_is_valid() {
    let model = common::shipped("cake_factory_2");
    let blocks = ron_blocks();
    let plan = common::plan(&model, model.teams, &blocks[0]);
    assert!(plan.len() >= 5);
}

#[test]
fn the_readme_scenario_is_valid() {
    let blocks = ron_blocks();
    let model = load_str("README scenario", &blocks[1]).unwrap();
    assert_eq!(model.name, "Minimal");
}
