//! `cakefactory bench`: wall-clock figures of headless runs (use a release build).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::Args;

use super::{err, out};
use crate::domain::SimTime;
use crate::headless::{self, RunOptions};
use crate::scenario;

#[derive(Args, Debug)]
pub(crate) struct BenchArgs {
    /// Repetitions of each measurement (the best and the median are reported).
    #[arg(long, default_value_t = 5)]
    pub repeat: u32,
    /// Orders in the M/M/c calibration run.
    #[arg(long, default_value_t = 1_000_000)]
    pub orders: u64,
}

fn time_runs(
    repeat: u32,
    mut f: impl FnMut() -> Result<u64, String>,
) -> Result<(f64, f64, u64), String> {
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..repeat.max(1) {
        let t0 = Instant::now();
        events = f()?;
        times.push(t0.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    Ok((times[0], times[times.len() / 2], events))
}

pub(super) fn bench(args: &BenchArgs) -> ExitCode {
    match bench_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            err(&e);
            ExitCode::from(2)
        }
    }
}

fn bench_inner(args: &BenchArgs) -> Result<(), String> {
    if cfg!(debug_assertions) {
        out(
            "note: this is a debug build; run `cargo run --release -- bench` for meaningful figures\n",
        );
    }
    let standard = Arc::new(scenario::default_model().map_err(|e| e.to_string())?);
    let options = RunOptions {
        teams: Some(6),
        ..Default::default()
    };
    let (best, median, orders) = time_runs(args.repeat, || {
        let r = headless::run(Arc::clone(&standard), &options, Vec::new())?;
        Ok(r.factories.iter().map(|f| f.totals.orders_received).sum())
    })?;
    out(&format!(
        "standard scenario, 6 factories x {} rounds: best {:.1} ms, median {:.1} ms ({orders} orders in all)\n",
        standard.rounds,
        best * 1e3,
        median * 1e3
    ));

    let (name, src) = scenario::shipped("calibration_mmc").ok_or("calibration scenario missing")?;
    let mut mmc = scenario::load_str(name, src).map_err(|e| e.to_string())?;
    let rate_per_min: f64 = mmc
        .demand
        .iter()
        .map(|d| match d {
            scenario::model::Demand::Poisson { per_hour, .. } => per_hour / 60.0,
            scenario::model::Demand::Scheduled { .. } => 0.0,
        })
        .sum();
    mmc.round_len = SimTime::from_minutes(args.orders as f64 / rate_per_min);
    let mmc = Arc::new(mmc);
    let options = RunOptions {
        teams: Some(1),
        ..Default::default()
    };
    let (best, median, orders) = time_runs(args.repeat.min(3), || {
        let r = headless::run(Arc::clone(&mmc), &options, Vec::new())?;
        Ok(r.factories[0].totals.orders_received)
    })?;
    out(&format!(
        "calibration M/M/c, 1 factory, {orders} orders: best {best:.2} s, median {median:.2} s\n"
    ));
    Ok(())
}
