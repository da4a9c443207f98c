//! `cakefactory run [FILE] [--seed N] [--teams N] [--design NAME] [--plan PLAN.ron] [--json]
//! [--metrics-csv OUT.csv] [--events OUT.jsonl]`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{exit, load_scenario, out, table};
use crate::headless::{self, RunOptions};
use crate::metrics::series::SeriesCsv;
use crate::sim::journal::LogWriter;
use crate::sim::tap::EventTap;

#[derive(Args, Debug, Default)]
pub(crate) struct RunArgs {
    /// Scenario file (RON), or the name of a shipped scenario; the embedded default when absent.
    pub file: Option<PathBuf>,
    /// Seed of all random streams.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of teams (factories); the scenario's default when absent.
    #[arg(long, help = format!(
        "Number of teams (factories, 1-{}, as the scenario's work allows); the scenario's default when absent",
        crate::scenario::MAX_TEAMS
    ))]
    pub teams: Option<u32>,
    /// Design every team starts with; the scenario's default when absent.
    #[arg(long)]
    pub design: Option<String>,
    /// Plan of timed commands (RON list).
    #[arg(long)]
    pub plan: Option<PathBuf>,
    /// Print the result as JSON (and nothing else) on stdout.
    #[arg(long)]
    pub json: bool,
    /// Write a per-minute time series per factory as CSV.
    #[arg(long, value_name = "OUT.csv")]
    pub metrics_csv: Option<PathBuf>,
    /// Write the event log as JSON lines.
    #[arg(long, value_name = "OUT.jsonl")]
    pub events: Option<PathBuf>,
}

pub(super) fn run(args: &RunArgs) -> ExitCode {
    exit(run_inner(args))
}

fn run_inner(args: &RunArgs) -> Result<(), String> {
    let model = load_scenario(args.file.as_deref()).map_err(|e| e.to_string())?;
    let mut options = RunOptions {
        seed: args.seed,
        teams: args.teams,
        design: args.design.clone(),
        plan: Vec::new(),
    };
    // Check the options and the plan before creating any output file.
    let config = headless::config(Arc::clone(&model), &options)?;
    if let Some(p) = &args.plan {
        options.plan = headless::load_plan(p, &config).map_err(|e| e.to_string())?;
    }
    let mut taps: Vec<Box<dyn EventTap>> = Vec::new();
    if let Some(p) = &args.events {
        taps.push(Box::new(LogWriter::create(p)?));
    }
    if let Some(p) = &args.metrics_csv {
        taps.push(Box::new(SeriesCsv::create(p)?));
    }
    let report = headless::run(Arc::clone(&model), &options, taps)?;
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        out(&format!("{json}\n"));
    } else {
        out(&table::summary(&model, &report, &options));
    }
    Ok(())
}
