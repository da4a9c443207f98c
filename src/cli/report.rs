//! `cakefactory report EVENTS.jsonl --out DIR`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{exit, out};
use crate::debrief::{Debrief, export, reflection};
use crate::i18n::Lang;
use crate::sim::journal;
use crate::t;

#[derive(Args, Debug)]
pub(crate) struct ReportArgs {
    /// A session's event log (from `run --events` or the game).
    pub events: PathBuf,
    /// Folder to write the CSV tables, PNG charts and report.html into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

pub(super) fn report(args: &ReportArgs, lang: Lang) -> ExitCode {
    exit(report_inner(args, lang).map(|text| out(&text)))
}

fn report_inner(args: &ReportArgs, lang: Lang) -> Result<String, String> {
    let events = journal::read_log(&args.events).map_err(|e| e.to_string())?;
    let journal = args
        .events
        .parent()
        .map(crate::sim::record::journal_of)
        .unwrap_or_default();
    let debrief = Debrief::from_record(&events, &journal)
        .map_err(|e| format!("{}: {e}", args.events.display()))?;
    let (debrief, problems) = debrief.with_files_beside(&args.events);
    for p in problems {
        super::err(&p);
    }
    let mut refl = reflection::load(&reflection::path_for(&args.events))?;
    refl.fit(&debrief.tables.factories, debrief.rounds as usize);
    let done = export::export(&debrief, &refl, &args.out, lang)?;
    Ok(format!(
        "{}\n",
        t!(
            lang,
            "cli-report-written",
            csv = done.csv.len(),
            charts = done.png.len(),
            html = done
                .html
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            pages = done.take_home.len(),
            dir = args.out.display().to_string()
        )
    ))
}
