//! The organisational trade-off is real and emerges from the mechanics: over 30 seeds, cross-functional cells
//! have fewer cross-unit handoffs and less rework than functional departments in the standard game, while
//! functional departments deliver at least as much per hour in a calm market.
//!
//! Both designs run side by side in each session, so they face the same orders (common random numbers).

mod common;

use common::*;

const SEEDS: u64 = 30;

/// Per-seed totals of (functional, cross_functional).
fn paired<T>(scenario: &str, metric: impl Fn(&cakefactory::metrics::Metrics) -> T) -> Vec<(T, T)> {
    let model = shipped(scenario);
    (1..=SEEDS)
        .map(|seed| {
            let r = run(
                &model,
                &options(seed, 2, designs_plan(&["functional", "cross_functional"])),
            );
            assert_eq!(r.factories[0].design, "functional");
            assert_eq!(r.factories[1].design, "cross_functional");
            (
                metric(&r.factories[0].totals),
                metric(&r.factories[1].totals),
            )
        })
        .collect()
}

fn means(pairs: &[(f64, f64)]) -> (f64, f64) {
    let n = pairs.len() as f64;
    (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    )
}

#[test]
fn cells_have_fewer_cross_unit_handoffs_in_the_standard_game() {
    let p = paired("cake_factory_2", |m| m.cross_unit_handoffs as f64);
    let (func, cells) = means(&p);
    assert!(
        cells < func,
        "cross-unit handoffs: cells {cells:.1} vs functional {func:.1}"
    );
    assert!(
        p.iter().all(|(f, c)| c < f),
        "cells had more cross-unit handoffs in some seed: {p:?}"
    );
}

#[test]
fn cells_have_less_rework_in_the_standard_game() {
    let p = paired("cake_factory_2", |m| m.rework_tasks as f64);
    let (func, cells) = means(&p);
    assert!(
        cells < func,
        "rework tasks: cells {cells:.1} vs functional {func:.1}"
    );
}

#[test]
fn functional_delivers_at_least_as_much_in_a_calm_market() {
    let p = paired("calm_market", |m| m.throughput_per_hour);
    let (func, cells) = means(&p);
    assert!(
        func >= cells,
        "throughput per hour: functional {func:.3} vs cells {cells:.3}"
    );
}
