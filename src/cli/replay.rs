//! `cakefactory replay DIR [--export-plan OUT.ron] [--scale F]`: a session record replayed in the game
//! window (any moment, side by side, what-ifs), or its commands written as a plan for `run --plan`. A record
//! that does not verify is refused with the first divergence (exit 1).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, out};
use crate::headless::record::verify;
use crate::headless::replay::export_plan;
use crate::sim::record;

#[derive(Args, Debug)]
pub(crate) struct ReplayArgs {
    /// The record's folder (a game's session folder, or `run --record DIR`).
    pub dir: PathBuf,
    /// Write the record's commands as a plan for `run --plan` instead of opening the window.
    #[arg(long, value_name = "OUT.ron")]
    pub export_plan: Option<PathBuf>,
    /// Text size in the window.
    #[arg(long)]
    pub scale: Option<f32>,
}

pub(super) fn replay(args: &ReplayArgs) -> ExitCode {
    if args.dir.is_file() {
        err(&format!(
            "{}: replay and what-ifs need a session record (a folder with {} and {}, as the game and \
             `run --record DIR` write); an event log alone opens in `cakefactory debrief`",
            args.dir.display(),
            record::HEADER_FILE,
            record::JOURNAL_FILE
        ));
        return ExitCode::from(2);
    }
    let loaded = match super::load_record(&args.dir) {
        Ok(r) => r,
        Err(e) => {
            err(&e);
            return ExitCode::from(2);
        }
    };
    match verify(&loaded) {
        Ok(_) => {}
        Err(Ok(d)) => {
            out(&format!(
                "{}: does not verify, so it is not replayed: {d}\n",
                args.dir.display()
            ));
            return ExitCode::from(1);
        }
        Err(Err(e)) => {
            err(&e);
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.export_plan {
        let plan = export_plan(&loaded);
        return match std::fs::write(path, &plan) {
            Ok(()) => {
                out(&format!(
                    "{}: the record's commands as a plan ({} lines)\n",
                    path.display(),
                    plan.lines().count()
                ));
                ExitCode::SUCCESS
            }
            Err(e) => {
                err(&format!("{}: cannot write: {e}", path.display()));
                ExitCode::from(2)
            }
        };
    }
    window(args)
}

#[cfg(feature = "gui")]
fn window(args: &ReplayArgs) -> ExitCode {
    super::play::replay_window(args.dir.clone(), args.scale)
}

#[cfg(not(feature = "gui"))]
fn window(_: &ReplayArgs) -> ExitCode {
    err(
        "this build has no game window (built without the `gui` feature); --export-plan works without it",
    );
    ExitCode::from(2)
}
