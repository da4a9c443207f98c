//! `cakefactory verify DIR`: re-simulates a session record's journal and compares it with the record (exit 0
//! identical, 1 divergent, 2 unreadable or malformed).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, out};
use crate::headless::record::verify as resimulate;
use crate::i18n::Lang;
use crate::t;

#[derive(Args, Debug)]
pub(crate) struct VerifyArgs {
    /// The record's folder.
    pub dir: PathBuf,
}

pub(super) fn verify(args: &VerifyArgs, lang: Lang) -> ExitCode {
    let record = match super::load_record(&args.dir) {
        Ok(r) => r,
        Err(e) => {
            err(&e);
            return ExitCode::from(2);
        }
    };
    match resimulate(&record) {
        Ok(v) => {
            out(&format!(
                "{}\n",
                t!(
                    lang,
                    "cli-verified",
                    dir = args.dir.display().to_string(),
                    commands = v.commands,
                    events = v.events,
                    hashes = v.hashes
                )
            ));
            ExitCode::SUCCESS
        }
        Err(Ok(divergence)) => {
            out(&format!(
                "{}\n",
                t!(
                    lang,
                    "cli-not-verified",
                    dir = args.dir.display().to_string(),
                    why = divergence.to_string()
                )
            ));
            ExitCode::from(1)
        }
        Err(Err(e)) => {
            err(&e);
            ExitCode::from(2)
        }
    }
}
