//! `cakefactory play [FILE] [--teams N] [--seed S] [--scale F] [--smoke DIR] [--bench-frames N]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, load_scenario};
use crate::game::{self, PlayOptions};

#[derive(Args, Debug, Default)]
pub(crate) struct PlayArgs {
    /// Scenario file (RON) or the name of a shipped scenario, preselected in the lobby.
    pub file: Option<PathBuf>,
    /// Number of teams (1-12).
    #[arg(long)]
    pub teams: Option<u32>,
    /// Seed of all random streams.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Text size (0.8-2.5; default 1.4, readable on a projector).
    #[arg(long)]
    pub scale: Option<f32>,
    /// Skip the lobby and start the session at once.
    #[arg(long)]
    pub start: bool,
    /// Run the scripted smoke test, saving screenshots in DIR.
    #[arg(long, value_name = "DIR")]
    pub smoke: Option<PathBuf>,
    /// Measure N frames of simulation and UI work with 12 teams at 60x, then exit.
    #[arg(long, value_name = "N")]
    pub bench_frames: Option<u32>,
}

pub(super) fn play(args: &PlayArgs) -> ExitCode {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        err(
            "no display found: the game needs a window (an X11 display in DISPLAY). For a headless run of \
             the scenario, use `cakefactory run`.",
        );
        return ExitCode::from(2);
    }
    let model = match load_scenario(args.file.as_deref()) {
        Ok(m) => m,
        Err(e) => {
            err(&e.to_string());
            return ExitCode::from(2);
        }
    };
    if let Some(t) = args.teams
        && !(1..=12).contains(&t)
    {
        err("--teams must be within 1..12 in the game");
        return ExitCode::from(2);
    }
    if let Some(s) = args.scale
        && !(0.8..=2.5).contains(&s)
    {
        err("--scale must be within 0.8..2.5");
        return ExitCode::from(2);
    }
    let default_teams = if args.file.is_some() {
        model.teams.clamp(1, 12)
    } else {
        4
    };
    // A window or graphics failure (no GPU driver, say) ends with a clear message, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        err(&format!(
            "the game stopped: {what}\n(for a headless run of the scenario, use `cakefactory run`)"
        ));
        std::process::exit(70);
    }));
    game::run(PlayOptions {
        scenario_name: args.file.as_ref().map_or_else(
            || crate::scenario::DEFAULT_SCENARIO.0.to_string(),
            |p| p.display().to_string(),
        ),
        skip_lobby: args.start,
        from_file: args.file.is_some(),
        model,
        teams: args.teams.unwrap_or(default_teams),
        seed: args.seed.unwrap_or(1),
        scale: args.scale.unwrap_or(game::ui::style::DEFAULT_SCALE),
        smoke: args.smoke.clone(),
        bench_frames: args.bench_frames,
    })
}
