//! The model against queueing theory: M/M/c waits against Erlang C, and Little's law on a long calm run.
//!
//! Successive waits are correlated, so the tests use long runs (over 600,000 orders) and check with batch
//! means that the estimate is tight enough for the 5% bound to be a strict test, not luck.

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cakefactory::domain::SimEvent;
use cakefactory::domain::SimTime;
use cakefactory::domain::event::EventKind;
use cakefactory::headless::{self, RunOptions};
use common::*;

/// Erlang C mean wait in queue.
fn erlang_c_wq(lambda: f64, mu: f64, c: u32) -> f64 {
    let a = lambda / mu;
    let rho = a / f64::from(c);
    let mut term = 1.0;
    let mut sum = 0.0;
    for k in 0..c {
        if k > 0 {
            term *= a / f64::from(k);
        }
        sum += term;
    }
    let top = term * a / f64::from(c) / (1.0 - rho);
    let p_wait = top / (sum + top);
    p_wait / (f64::from(c) * mu - lambda)
}

/// Runs one factory and returns every task's wait in minutes, in start order, plus the reported mean.
fn waits(model: &cakefactory::scenario::Model, seed: u64) -> (Vec<f64>, f64) {
    /// Ready time of each queued order, and the waits seen so far.
    type Waits = (HashMap<u64, SimTime>, Vec<f64>);
    let ready: Arc<Mutex<Waits>> = Arc::default();
    let sink = Arc::clone(&ready);
    let tap = Box::new(move |e: &SimEvent| {
        let mut g = sink.lock().unwrap();
        match &e.kind {
            EventKind::TaskReady { order, .. } => {
                g.0.insert(*order, e.t);
            }
            EventKind::TaskStarted { order, .. } => {
                if let Some(r) = g.0.remove(order) {
                    g.1.push(e.t.since(r) as f64 / 60_000.0);
                }
            }
            _ => {}
        }
    });
    let opts = RunOptions {
        seed,
        teams: Some(1),
        ..Default::default()
    };
    let report = headless::run(Arc::new(model.clone()), &opts, vec![tap]).unwrap();
    let w = std::mem::take(&mut ready.lock().unwrap().1);
    (w, report.factories[0].totals.task_wait_mean_min.unwrap())
}

/// Mean and standard error from `batches` batch means.
fn batch_means(xs: &[f64], batches: usize) -> (f64, f64) {
    let size = xs.len() / batches;
    let means: Vec<f64> = xs
        .chunks_exact(size)
        .take(batches)
        .map(|c| c.iter().sum::<f64>() / size as f64)
        .collect();
    let m = means.iter().sum::<f64>() / batches as f64;
    let var = means.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (batches - 1) as f64;
    (m, (var / batches as f64).sqrt())
}

fn check_mmc(model: &cakefactory::scenario::Model, lambda: f64, c: u32, seed: u64) {
    let theory = erlang_c_wq(lambda, 1.0, c);
    let (w, reported) = waits(model, seed);
    assert!(w.len() > 600_000, "{} tasks", w.len());
    let (mean, se) = batch_means(&w, 40);
    let direct = w.iter().sum::<f64>() / w.len() as f64;
    assert!(
        (direct - reported).abs() < 1e-6 * reported,
        "{direct} vs {reported}"
    );
    assert!(
        se < 0.015 * theory,
        "batch-means standard error {se:.4} is too wide for a strict 5% test (theory {theory:.4})"
    );
    let rel = (mean - theory).abs() / theory;
    eprintln!(
        "M/M/{c} lambda {lambda}: {} tasks, mean wait {mean:.4} (se {se:.4}) vs Erlang C {theory:.4}",
        w.len()
    );
    assert!(
        rel < 0.05,
        "M/M/{c} lambda {lambda}: task_wait_mean_min {reported:.4} vs Erlang C {theory:.4} ({:.1}% off, se {se:.4})",
        rel * 100.0
    );
}

#[test]
fn erlang_c_reference_values() {
    assert!((erlang_c_wq(0.8, 1.0, 1) - 4.0).abs() < 1e-12);
    assert!((erlang_c_wq(1.5, 1.0, 2) - 1.2857).abs() < 1e-4);
}

#[test]
fn mm2_waits_match_erlang_c() {
    check_mmc(&shipped("calibration_mmc"), 1.5, 2, 1);
}

#[test]
fn mm1_waits_match_erlang_c() {
    check_mmc(&fixture("calibration_mm1.ron"), 0.8, 1, 1);
}

#[test]
fn littles_law_holds_on_a_long_calm_run() {
    let mut model = shipped("calm_market");
    model.rounds = 1;
    model.round_len = SimTime::from_minutes(30_000.0);
    model.schedule.clear();
    for p in &mut model.products {
        p.cancel_after_late = None;
    }
    let r = run(&model, &options(4, 1, Vec::new()));
    let t = &r.factories[0].totals;
    let l = t.wip_mean;
    let lambda_w = t.throughput_per_hour / 60.0 * t.lead_time_mean_min.unwrap();
    assert!(t.orders_delivered > 2_000, "{}", t.orders_delivered);
    assert!(
        (l - lambda_w).abs() / l < 0.05,
        "Little's law: wip_mean {l:.3} vs throughput x lead time {lambda_w:.3}"
    );
}
