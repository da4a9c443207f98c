//! `cakefactory bench`: wall-clock figures of headless runs (use a release build).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use clap::Args;

use super::{exit, out};
use crate::domain::SimTime;
use crate::headless::{self, RunOptions};
use crate::i18n::{Lang, decimal};
use crate::scenario;
use crate::t;

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

pub(super) fn bench(args: &BenchArgs, lang: Lang) -> ExitCode {
    exit(bench_inner(args, lang))
}

fn bench_inner(args: &BenchArgs, l: Lang) -> Result<(), String> {
    if cfg!(debug_assertions) {
        out(&format!("{}\n", t!(l, "bench-debug-build")));
    }
    let standard = Arc::new(scenario::default_model().map_err(|e| e.to_string())?);
    for teams in [6, 12] {
        let options = RunOptions {
            teams: Some(teams),
            ..Default::default()
        };
        let (best, median, orders) = time_runs(args.repeat, || {
            let r = headless::run(Arc::clone(&standard), &options, Vec::new())?;
            Ok(r.factories.iter().map(|f| f.totals.orders_received).sum())
        })?;
        out(&format!(
            "{}\n",
            t!(
                l,
                "bench-standard",
                teams = teams,
                rounds = standard.rounds,
                best = decimal(l, best * 1e3, 1),
                median = decimal(l, median * 1e3, 1),
                orders = orders,
                per_order = decimal(l, best * 1e6 / orders.max(1) as f64, 1)
            )
        ));
    }

    seek(args, &standard, l)?;

    let (name, src) = scenario::shipped("calibration_mmc").ok_or("calibration scenario missing")?;
    let mmc = scenario::load_str(name, src).map_err(|e| e.to_string())?;
    let rate_per_min: f64 = mmc
        .demand
        .iter()
        .map(|d| match d {
            scenario::model::Demand::Poisson { per_hour, .. } => per_hour / 60.0,
            scenario::model::Demand::Scheduled { .. } => 0.0,
        })
        .sum();
    let base = Arc::new(mmc);
    for orders in [args.orders / 2, args.orders] {
        let mut m = (*base).clone();
        m.round_len = SimTime::from_minutes(orders as f64 / rate_per_min);
        let m = Arc::new(m);
        let options = RunOptions {
            teams: Some(1),
            ..Default::default()
        };
        let (best, median, got) = time_runs(args.repeat.min(3), || {
            let r = headless::run(Arc::clone(&m), &options, Vec::new())?;
            Ok(r.factories[0].totals.orders_received)
        })?;
        out(&format!(
            "{}\n",
            t!(
                l,
                "bench-calibration",
                orders = got,
                best = decimal(l, best, 2),
                median = decimal(l, median, 2),
                per_order = decimal(l, best * 1e6 / got.max(1) as f64, 2)
            )
        ));
    }
    Ok(())
}

/// Seeking in a replay: the standard game (6 factories x 4 rounds, with a team's decision and an injection)
/// recorded, then put at a quarter, half, three quarters and the end of its time.
fn seek(args: &BenchArgs, standard: &Arc<scenario::Model>, l: Lang) -> Result<(), String> {
    use crate::headless::replay::{end_of, session_at};
    let dir = std::env::temp_dir().join(format!("cakefactory-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut options = RunOptions {
        teams: Some(6),
        ..Default::default()
    };
    let config = headless::config(Arc::clone(standard), &options)?;
    let plan = r#"[
        (round: 2, minute: 0, command: Team(factory: 1, action: SetDesign("cross_functional"))),
        (round: 2, minute: 120, command: Inject(disruption: (id: "oven", headline: "An oven breaks",
            kind: StationBreakdown(station: "oven", duration_min: 60)), target: All)),
    ]"#;
    options.plan = headless::parse_plan("bench plan", plan, &config).map_err(|e| e.to_string())?;
    let recorded = headless::record::run_recorded(Arc::clone(standard), &options, Vec::new(), &dir)
        .and_then(|_| crate::sim::record::load(&dir).map_err(|e| e.to_string()));
    let _ = std::fs::remove_dir_all(&dir);
    let record = recorded?;
    let end = end_of(&record).0;
    let mut worst = 0.0f64;
    for quarter in 1..=4u64 {
        let t = SimTime(end * quarter / 4);
        let (best, median, events) = time_runs(args.repeat, || {
            Ok(session_at(&record, t)?.events.len() as u64)
        })?;
        worst = worst.max(median);
        out(&format!(
            "{}\n",
            t!(
                l,
                "bench-seek",
                share = quarter * 25,
                best = decimal(l, best * 1e3, 1),
                median = decimal(l, median * 1e3, 1),
                events = events
            )
        ));
    }
    out(&format!(
        "{}\n",
        t!(l, "bench-seek-worst", median = decimal(l, worst * 1e3, 1))
    ));
    Ok(())
}
