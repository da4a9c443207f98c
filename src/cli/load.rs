//! `cakefactory load-test`: the host under a room's load on loopback (see `host::load`), with its figures.

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::host::load::{LoadOptions, load_test};
use crate::i18n::Lang;
use crate::t;

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Teams in the session.
    #[arg(long, default_value_t = 50)]
    pub teams: u32,
    /// Devices per team.
    #[arg(long, default_value_t = 4)]
    pub devices: u32,
    /// The game's speed (simulated minutes per real second).
    #[arg(long, default_value_t = 60.0)]
    pub speed: f64,
    /// How long the devices keep deciding (seconds, at most 600).
    #[arg(long, default_value_t = 30.0)]
    pub seconds: f64,
    /// Each device's time between decisions (milliseconds).
    #[arg(long, default_value_t = 1000)]
    pub every_ms: u64,
}

pub fn load(args: &LoadArgs, lang: Lang) -> ExitCode {
    super::exit(load_result(args, lang))
}

fn load_result(args: &LoadArgs, l: Lang) -> Result<(), String> {
    let within = |flag: &str, range: String| t!(l, "cli-flag-within", flag = flag, range = range);
    if !(1..=super::host::MAX_HOSTED_TEAMS).contains(&args.teams) {
        return Err(within(
            "--teams",
            format!("1..{}", super::host::MAX_HOSTED_TEAMS),
        ));
    }
    if !(1..=20).contains(&args.devices) {
        return Err(within("--devices", "1..20".into()));
    }
    if !(args.seconds > 0.0 && args.seconds <= 600.0) {
        return Err(within("--seconds", "0..600".into()));
    }
    if !crate::domain::time::SPEEDS.contains(&args.speed) {
        return Err(t!(
            l,
            "cli-flag-one-of",
            flag = "--speed",
            values = format!("{:?}", crate::domain::time::SPEEDS)
        ));
    }
    if !(50..=60_000).contains(&args.every_ms) {
        return Err(within("--every-ms", "50..60000".into()));
    }
    let options = LoadOptions {
        teams: args.teams,
        devices: args.devices,
        speed: args.speed,
        seconds: args.seconds,
        every: Duration::from_millis(args.every_ms),
    };
    let model = super::load_scenario(None).map_err(|e| e.to_string())?;
    let dir = crate::sim::record::unused(std::env::temp_dir().join(format!(
        "cakefactory-load-{}",
        crate::sim::record::wall_ms()
    )));
    let report = load_test(model, &options, dir.clone());
    let _ = std::fs::remove_dir_all(&dir);
    super::out(&report?.text(&options, l));
    Ok(())
}
