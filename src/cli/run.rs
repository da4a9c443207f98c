//! `cakefactory run [FILE] [--seed N] [--teams N] [--design NAME] [--plan PLAN.ron] [--json]
//! [--metrics-csv OUT.csv] [--events OUT.jsonl] [--record DIR]`, and `run --resume DIR [--plan PLAN.ron] ...`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;

use super::{exit, load_scenario, out, table};
use crate::headless::{self, RunOptions};
use crate::i18n::Lang;
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
    /// Keep the session's record in this folder (scenario, header, journal, hashes, event log).
    #[arg(long, value_name = "DIR")]
    pub record: Option<PathBuf>,
    /// Go on with the interrupted run recorded in this folder (with the same --plan), to the end.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["file", "seed", "teams", "design", "record"])]
    pub resume: Option<PathBuf>,
}

pub(super) fn run(args: &RunArgs, lang: Lang) -> ExitCode {
    exit(run_inner(args, lang))
}

fn run_inner(args: &RunArgs, lang: Lang) -> Result<(), String> {
    if let Some(dir) = &args.resume {
        return resume(args, dir, lang);
    }
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
    let taps = taps(args)?;
    let report = match &args.record {
        Some(dir) => headless::record::run_recorded(Arc::clone(&model), &options, taps, dir)?,
        None => headless::run(Arc::clone(&model), &options, taps)?,
    };
    print(args, &model, &report, &options, lang)
}

/// The output files asked for, as taps.
fn taps(args: &RunArgs) -> Result<Vec<Box<dyn EventTap>>, String> {
    let mut taps: Vec<Box<dyn EventTap>> = Vec::new();
    if let Some(p) = &args.events {
        taps.push(Box::new(LogWriter::create(p)?));
    }
    if let Some(p) = &args.metrics_csv {
        taps.push(Box::new(SeriesCsv::create(p)?));
    }
    Ok(taps)
}

/// `run --resume DIR`: the session of the record, rebuilt from its journal and played on to the end.
fn resume(args: &RunArgs, dir: &std::path::Path, lang: Lang) -> Result<(), String> {
    let record = super::load_record(dir)?;
    let config = record.config();
    let plan = match &args.plan {
        Some(p) => headless::load_plan(p, &config).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let taps = taps(args)?;
    let report = headless::record::resume_run(&record, &plan, taps)?;
    let options = RunOptions {
        seed: record.header.seed,
        teams: Some(record.header.teams.len() as u32),
        design: record.header.teams.first().map(|t| t.design.clone()),
        plan,
    };
    print(args, &record.model, &report, &options, lang)
}

fn print(
    args: &RunArgs,
    model: &crate::scenario::Model,
    report: &crate::metrics::Report,
    options: &RunOptions,
    lang: Lang,
) -> Result<(), String> {
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        out(&format!("{json}\n"));
    } else {
        out(&table::summary(model, report, options, lang));
    }
    Ok(())
}
