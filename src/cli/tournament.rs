//! `cakefactory tournament [FILE] [--seeds N]`: every strategy of the scenario played on the same orders,
//! means over seeds 1..N (see `headless::tournament`).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{exit, load_scenario, out};
use crate::headless::tournament::{standings, strategies};

#[derive(Args, Debug)]
pub(crate) struct TournamentArgs {
    /// Scenario file (RON), or the name of a shipped scenario; the embedded default when absent.
    pub file: Option<PathBuf>,
    /// Seeds 1..=N are played.
    #[arg(long, default_value_t = 30)]
    pub seeds: u64,
}

pub(super) fn tournament(args: &TournamentArgs) -> ExitCode {
    exit(table(args).map(|text| out(&text)))
}

fn table(args: &TournamentArgs) -> Result<String, String> {
    let model = load_scenario(args.file.as_deref()).map_err(|e| e.to_string())?;
    let all = strategies(&model);
    let table = standings(&model, &all, 1..args.seeds.max(1) + 1)?;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} - means over seeds 1..{} (each strategy one team, same orders)\n",
        model.name,
        args.seeds.max(1)
    );
    let _ = writeln!(
        s,
        "{:<48} {:>9} {:>9} {:>8} {:>8}  on time per round    WIP per round",
        "strategy", "delivered", "profit", "x-hand", "rework"
    );
    for st in &table {
        let pct: Vec<String> = st
            .on_time
            .iter()
            .map(|x| format!("{:>3.0}%", 100.0 * x))
            .collect();
        let wip: Vec<String> = st.wip.iter().map(|x| format!("{x:>5.1}")).collect();
        let _ = writeln!(
            s,
            "{:<48} {:>9.1} {:>9.0} {:>8.0} {:>8.1}  {}   {}",
            st.name,
            st.delivered,
            st.profit,
            st.cross_unit_handoffs,
            st.rework,
            pct.join(" "),
            wip.join(" ")
        );
    }
    Ok(s)
}
