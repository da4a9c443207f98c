//! `cakefactory tournament [FILE] [--seeds N]`: every strategy of the scenario played on the same orders,
//! means over seeds 1..N (see `headless::tournament`).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{exit, load_scenario, out};
use crate::headless::tournament::{standings, strategies};
use crate::i18n::{Lang, decimal, percent};
use crate::t;

#[derive(Args, Debug)]
pub(crate) struct TournamentArgs {
    /// Scenario file (RON), or the name of a shipped scenario; the embedded default when absent.
    pub file: Option<PathBuf>,
    /// Seeds 1..=N are played.
    #[arg(long, default_value_t = 30)]
    pub seeds: u64,
}

pub(super) fn tournament(args: &TournamentArgs, lang: Lang) -> ExitCode {
    exit(table(args, lang).map(|text| out(&text)))
}

fn table(args: &TournamentArgs, lang: Lang) -> Result<String, String> {
    let model = load_scenario(args.file.as_deref()).map_err(|e| e.to_string())?;
    let all = strategies(&model);
    let table = standings(&model, &all, 1..args.seeds.max(1) + 1)?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}\n",
        t!(
            lang,
            "cli-tournament-title",
            scenario = model.lexicon.say(lang, &model.name),
            seeds = args.seeds.max(1).to_string()
        )
    );
    let _ = writeln!(
        s,
        "{:<48} {:>9} {:>9} {:>8} {:>8}  {}",
        t!(lang, "cli-col-strategy"),
        t!(lang, "cli-col-delivered"),
        t!(lang, "cli-col-profit"),
        t!(lang, "cli-col-cross"),
        t!(lang, "cli-col-rework"),
        t!(lang, "cli-tournament-per-round")
    );
    for st in &table {
        let pct: Vec<String> = st
            .on_time
            .iter()
            .map(|x| format!("{:>4}", percent(lang, *x, 0)))
            .collect();
        let wip: Vec<String> = st
            .wip
            .iter()
            .map(|x| format!("{:>5}", decimal(lang, *x, 1)))
            .collect();
        let _ = writeln!(
            s,
            "{:<48} {:>9} {:>9} {:>8} {:>8}  {}   {}",
            st.name,
            decimal(lang, st.delivered, 1),
            decimal(lang, st.profit, 0),
            decimal(lang, st.cross_unit_handoffs, 0),
            decimal(lang, st.rework, 1),
            pct.join(" "),
            wip.join(" ")
        );
    }
    Ok(s)
}
