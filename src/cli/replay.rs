//! `cakefactory replay DIR [--export-plan OUT.ron] [--scale F]`: a session record replayed in the game
//! window (any moment, side by side, what-ifs), or its commands written as a plan for `run --plan`. A record
//! that does not verify is refused with the first divergence (exit 1).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, out};
use crate::headless::record::verify;
use crate::headless::replay::export_plan;
use crate::i18n::Lang;
use crate::sim::record;
use crate::t;

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

pub(super) fn replay(args: &ReplayArgs, lang: Lang) -> ExitCode {
    if args.dir.is_file() {
        err(&t!(
            lang,
            "cli-replay-needs-record",
            dir = args.dir.display().to_string(),
            header = record::HEADER_FILE,
            journal = record::JOURNAL_FILE
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
                "{}\n",
                t!(
                    lang,
                    "cli-not-replayed",
                    dir = args.dir.display().to_string(),
                    why = d.to_string()
                )
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
                    "{}\n",
                    t!(
                        lang,
                        "cli-plan-written",
                        file = path.display().to_string(),
                        lines = plan.lines().count()
                    )
                ));
                ExitCode::SUCCESS
            }
            Err(e) => {
                err(&t!(
                    lang,
                    "cli-cannot-write",
                    file = path.display().to_string(),
                    why = e.to_string()
                ));
                ExitCode::from(2)
            }
        };
    }
    window(args, lang)
}

#[cfg(feature = "gui")]
fn window(args: &ReplayArgs, lang: Lang) -> ExitCode {
    super::play::replay_window(args.dir.clone(), args.scale, lang)
}

#[cfg(not(feature = "gui"))]
fn window(_: &ReplayArgs, lang: Lang) -> ExitCode {
    err(&t!(lang, "cli-no-window"));
    ExitCode::from(2)
}
