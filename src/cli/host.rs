//! `cakefactory host`: runs a session without a window and serves it to the teams' devices (team client)
//! and the facilitator (console page behind the facilitator key).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use clap::Args;

use crate::domain::time::SPEEDS;
use crate::host::run::{HostOptions, Started, run};
use crate::i18n::Lang;
use crate::t;

#[derive(Args, Debug)]
pub struct HostArgs {
    /// Scenario file (RON) or a shipped scenario's name; the embedded default when absent.
    pub file: Option<PathBuf>,
    /// The address to listen on (loopback unless you give another: `0.0.0.0:8080` for the room's network).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Number of teams (1-50; the scenario's default when absent).
    #[arg(long)]
    pub teams: Option<u32>,
    /// Seed of every random stream.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The address devices open, when not the one listened on (e.g. behind a proxy).
    #[arg(long)]
    pub public_url: Option<String>,
    /// The session record's folder (a new folder under cakefactory-sessions/ when absent).
    #[arg(long, conflicts_with = "resume")]
    pub record: Option<PathBuf>,
    /// Take up the session recorded in this folder (after a crash): devices rejoin with the same codes.
    #[arg(long)]
    pub resume: Option<PathBuf>,
    /// The starting speed in simulated minutes per real second (1, 2, 5, 10, 30 or 60).
    #[arg(long, default_value_t = 5.0)]
    pub speed: f64,
    /// Stop once the last round has ended (otherwise the host serves until stopped with Ctrl-C).
    #[arg(long)]
    pub exit_when_finished: bool,
}

/// The most teams a hosted session may have.
pub const MAX_HOSTED_TEAMS: u32 = 50;

pub fn host(args: &HostArgs, lang: Lang) -> ExitCode {
    super::exit(host_result(args, lang))
}

fn host_result(args: &HostArgs, lang: Lang) -> Result<(), String> {
    if !SPEEDS.contains(&args.speed) {
        return Err(t!(lang, "cli-host-speed", speeds = format!("{SPEEDS:?}")));
    }
    if let Some(t) = args.teams
        && !(1..=MAX_HOSTED_TEAMS).contains(&t)
    {
        return Err(t!(
            lang,
            "cli-host-team-range",
            max = MAX_HOSTED_TEAMS,
            got = t
        ));
    }
    let resume = match &args.resume {
        Some(dir) => Some(super::load_record(dir)?),
        None => None,
    };
    let model = match &resume {
        Some(r) => Arc::clone(&r.model),
        None => super::load_scenario(args.file.as_deref()).map_err(|e| e.to_string())?,
    };
    let options = HostOptions {
        model,
        teams: args.teams,
        seed: args.seed,
        listen: args.listen,
        public_url: args.public_url.clone(),
        record: args.record.clone(),
        resume,
        speed: args.speed,
        exit_when_finished: args.exit_when_finished,
    };
    run(options, Arc::new(AtomicBool::new(false)), |s| {
        announce(s, lang)
    })
}

/// Prints where the host listens, the console's link and each team's code and link.
fn announce(s: &Started, lang: Lang) {
    let mut text = format!(
        "{}\n{}\n{}\n\n{}\n",
        t!(lang, "cli-host-listening", addr = s.addr.to_string()),
        t!(
            lang,
            "cli-host-record",
            dir = s.record_dir.display().to_string()
        ),
        t!(lang, "cli-host-console", url = s.console_url.as_str()),
        t!(lang, "cli-host-teams")
    );
    for (name, code, url) in &s.teams {
        let code = t!(lang, "cli-host-team", code = code.as_str());
        text.push_str(&format!("  {name:<16} {code}   {url}\n"));
    }
    super::out(&text);
}
