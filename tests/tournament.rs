//! No strategy wins everywhere (the contingency view the game teaches): over 30 seeds, every strategy a team can
//! set in the panel (each shipped design and the degenerate ones: everyone a spanner with the board, stand-ups
//! every 30 minutes, everyone helping everyone, WIP limits of one) plays the same orders in `calm_market` and in
//! `cake_factory_2`; the best on profit differs between them; specialised departments beat cells in the calm
//! market and cells beat departments in the turbulent game; no degenerate choice is best; and in the standard
//! game the best design holds its own round after round while the default departments fall behind.

use std::sync::{Arc, OnceLock};

use cakefactory::headless::tournament::{Standing, standings, strategies};

mod common;

const SEEDS: u64 = 30;

fn table(scenario: &str) -> Vec<Standing> {
    let model = Arc::new(common::shipped(scenario));
    standings(&model, &strategies(&model), 1..SEEDS + 1).expect("tournament runs")
}

fn calm() -> &'static [Standing] {
    static T: OnceLock<Vec<Standing>> = OnceLock::new();
    T.get_or_init(|| table("calm_market"))
}

fn standard() -> &'static [Standing] {
    static T: OnceLock<Vec<Standing>> = OnceLock::new();
    T.get_or_init(|| table("cake_factory_2"))
}

fn best(t: &[Standing]) -> &Standing {
    t.iter()
        .max_by(|a, b| a.profit.total_cmp(&b.profit))
        .expect("strategies")
}

fn named<'a>(t: &'a [Standing], name: &str) -> &'a Standing {
    t.iter().find(|s| s.name == name).expect("strategy")
}

fn profits(t: &[Standing]) -> Vec<(String, i64)> {
    t.iter()
        .map(|s| (s.name.clone(), s.profit as i64))
        .collect()
}

#[test]
fn no_strategy_is_best_in_both_markets() {
    let (a, b) = (best(calm()), best(standard()));
    assert_ne!(
        a.name,
        b.name,
        "{} wins everywhere:\ncalm {:?}\nstandard {:?}",
        a.name,
        profits(calm()),
        profits(standard())
    );
}

#[test]
fn specialisation_pays_in_the_calm_market_and_integration_in_the_turbulent_game() {
    let (f, c) = (
        named(calm(), "functional"),
        named(calm(), "cross_functional"),
    );
    assert!(
        f.profit > c.profit,
        "calm: functional {:.0} vs cells {:.0}",
        f.profit,
        c.profit
    );
    let (f, c) = (
        named(standard(), "functional"),
        named(standard(), "cross_functional"),
    );
    assert!(
        c.profit > f.profit,
        "standard: cells {:.0} vs functional {:.0}",
        c.profit,
        f.profit
    );
}

#[test]
fn no_degenerate_choice_is_best() {
    for t in [calm(), standard()] {
        let b = best(t);
        assert!(
            !b.name.contains(", "),
            "a degenerate strategy wins: {:?}",
            profits(t)
        );
    }
}

#[test]
fn the_best_design_holds_its_own_in_the_standard_game() {
    let b = best(standard());
    let first = b.wip[0];
    for (r, (wip, on_time)) in b.wip.iter().zip(&b.on_time).enumerate() {
        assert!(
            *wip <= 1.5 * first,
            "{}: round {} WIP {wip:.1} vs round 1 {first:.1}",
            b.name,
            r + 1
        );
        assert!(
            *on_time > 0.7,
            "{}: round {} on time {:.0}%",
            b.name,
            r + 1,
            100.0 * on_time
        );
    }
}

#[test]
fn a_poorly_organised_team_falls_behind_in_the_standard_game() {
    let b = best(standard());
    for s in standard().iter().filter(|s| s.name != b.name) {
        assert!(
            s.profit < b.profit - 500.0,
            "{} ({:.0}) is not clearly behind {} ({:.0})",
            s.name,
            s.profit,
            b.name,
            b.profit
        );
    }
    let default = named(standard(), "functional");
    let last = default.on_time.last().copied().unwrap_or(0.0);
    assert!(
        last < *b.on_time.last().unwrap_or(&0.0),
        "departments' last round on time {last:.2}"
    );
}
