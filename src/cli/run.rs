//! `cakefactory run [FILE] [--seed N] [--teams N] [--design NAME] [--plan PLAN.ron] [--json]
//! [--metrics-csv OUT.csv] [--events OUT.jsonl]`

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::Args;

use super::{err, load_scenario, out, table};
use crate::headless::{self, RunOptions};
use crate::metrics::series::SeriesCsv;
use crate::sim::SimEvent;
use crate::sim::tap::EventTap;

#[derive(Args, Debug, Default)]
pub(crate) struct RunArgs {
    /// Scenario file (RON), or the name of a shipped scenario; the embedded default when absent.
    pub file: Option<PathBuf>,
    /// Seed of all random streams.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of teams (factories); the scenario's default when absent.
    #[arg(long)]
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

type Shared<T> = Arc<Mutex<T>>;

fn create(path: &PathBuf) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(|f| BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

pub(super) fn run(args: &RunArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            err(&message);
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &RunArgs) -> Result<(), String> {
    let model = load_scenario(args.file.as_deref()).map_err(|e| e.to_string())?;
    let plan = match &args.plan {
        Some(p) => headless::load_plan(p, &model).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let options = RunOptions {
        seed: args.seed,
        teams: args.teams,
        design: args.design.clone(),
        plan,
    };
    // Check the options before creating any output file.
    headless::config(Arc::clone(&model), &options)?;

    let mut taps: Vec<Box<dyn EventTap>> = Vec::new();
    let events_out: Option<Shared<(BufWriter<File>, Option<String>)>> = match &args.events {
        Some(p) => Some(Arc::new(Mutex::new((create(p)?, None)))),
        None => None,
    };
    if let Some(w) = &events_out {
        let w = Arc::clone(w);
        taps.push(Box::new(move |e: &SimEvent| {
            if let Ok(mut guard) = w.lock() {
                let (file, error) = &mut *guard;
                if error.is_none() {
                    let r = serde_json::to_writer(&mut *file, e)
                        .map_err(|x| x.to_string())
                        .and_then(|()| file.write_all(b"\n").map_err(|x| x.to_string()));
                    if let Err(x) = r {
                        *error = Some(x);
                    }
                }
            }
        }));
    }
    let series_out: Option<Shared<Option<SeriesCsv<BufWriter<File>>>>> = match &args.metrics_csv {
        Some(p) => Some(Arc::new(Mutex::new(Some(SeriesCsv::new(create(p)?))))),
        None => None,
    };
    if let Some(s) = &series_out {
        let s = Arc::clone(s);
        taps.push(Box::new(move |e: &SimEvent| {
            if let Ok(mut guard) = s.lock()
                && let Some(series) = guard.as_mut()
            {
                series.observe(e);
            }
        }));
    }

    let report = headless::run(Arc::clone(&model), &options, taps)?;

    if let (Some(w), Some(path)) = (events_out, &args.events) {
        let mut guard = w
            .lock()
            .map_err(|_| "event log writer failed".to_string())?;
        let (file, error) = &mut *guard;
        if let Some(e) = error.take() {
            return Err(format!("{}: cannot write: {e}", path.display()));
        }
        file.flush()
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    if let (Some(s), Some(path)) = (series_out, &args.metrics_csv) {
        let series = s.lock().ok().and_then(|mut g| g.take());
        if let Some(series) = series {
            series
                .finish()
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        }
    }

    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        out(&format!("{json}\n"));
    } else {
        out(&table::summary(&model, &report, &options));
    }
    Ok(())
}
