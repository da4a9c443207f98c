//! `cakefactory play [FILE] [--teams N] [--seed S] [--scale F] [--presenter] [--smoke DIR] [--bench-frames N]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{err, load_scenario};
use crate::game::ui::style;
use crate::game::{self, PlayOptions};
use crate::i18n::Lang;

#[derive(Args, Debug, Default)]
pub(crate) struct PlayArgs {
    /// Scenario file (RON) or the name of a shipped scenario, preselected in the lobby.
    pub file: Option<PathBuf>,
    /// Number of teams.
    #[arg(long, help = teams_help())]
    pub teams: Option<u32>,
    /// Seed of all random streams.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Text size.
    #[arg(long, help = scale_help())]
    pub scale: Option<f32>,
    /// Presenter view: a second window for the facilitator (console, decisions, what is coming next)
    /// beside the one for the projector.
    #[arg(long)]
    pub presenter: bool,
    /// Skip the lobby and start the session at once.
    #[arg(long)]
    pub start: bool,
    /// Take up a recorded session where it stood (paused): the record in DIR, or the newest unfinished one
    /// in cakefactory-sessions/.
    #[arg(long, value_name = "DIR")]
    #[allow(clippy::option_option)]
    pub resume: Option<Option<PathBuf>>,
    /// Teams play from their own devices: serve the team client on ADDR:PORT (0.0.0.0:8080, the room's
    /// network, when no address is given).
    #[arg(long, value_name = "ADDR:PORT", num_args = 0..=1, default_missing_value = crate::game::hosting::DEFAULT_LISTEN)]
    pub host: Option<std::net::SocketAddr>,
    /// The address devices open, when not the one listened on (e.g. behind a proxy).
    #[arg(long, requires = "host")]
    pub public_url: Option<String>,
    /// Run the scripted smoke test, saving screenshots in DIR.
    #[arg(long, value_name = "DIR")]
    pub smoke: Option<PathBuf>,
    /// Measure N frames of simulation and UI work with 12 teams at 60x, then exit.
    #[arg(long, value_name = "N")]
    pub bench_frames: Option<u32>,
    /// Simulate 12 teams x 4 rounds and measure N frames of the debrief dashboard, then exit.
    #[arg(long, value_name = "N")]
    pub bench_debrief: Option<u32>,
}

/// The game needs a display; without one it says so (exit 2) instead of failing deep in the window code.
fn display_or_exit() -> Result<(), ExitCode> {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        err(
            "no display found: the game needs a window (an X11 display in DISPLAY). For a headless run of \
             the scenario, use `cakefactory run`; for a debrief, `cakefactory report`.",
        );
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// A window or graphics failure (no GPU driver, say) ends with a clear message, not a backtrace.
fn install_panic_hook() {
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
}

pub(super) fn play(args: &PlayArgs, lang: Lang) -> ExitCode {
    if let Err(code) = display_or_exit() {
        return code;
    }
    let model = match load_scenario(args.file.as_deref()) {
        Ok(m) => m,
        Err(e) => {
            err(&e.to_string());
            return ExitCode::from(2);
        }
    };
    if let Some(t) = args.teams
        && !game::TEAMS.contains(&t)
    {
        err(&format!(
            "--teams must be within {}..{} in the game (got {t})",
            game::TEAMS.start(),
            game::TEAMS.end()
        ));
        return ExitCode::from(2);
    }
    if let Some(s) = args.scale
        && !style::SCALES.contains(&s)
    {
        err(&format!(
            "--scale must be within {}..{} (got {s})",
            style::SCALES.start(),
            style::SCALES.end()
        ));
        return ExitCode::from(2);
    }
    let default_teams = if args.file.is_some() {
        model.teams.clamp(*game::TEAMS.start(), *game::TEAMS.end())
    } else {
        4
    };
    let teams = args.teams.unwrap_or(default_teams);
    if args.start
        && let Err(e) = model.check_session(teams)
    {
        err(&e);
        return ExitCode::from(2);
    }
    let resume = match args
        .resume
        .as_ref()
        .map(|d| resume_dir(d.as_deref()))
        .transpose()
    {
        Ok(r) => r,
        Err(e) => {
            err(&e);
            return ExitCode::from(2);
        }
    };
    install_panic_hook();
    game::run(PlayOptions {
        lang,
        resume,
        replay: None,
        scenario_name: args.file.as_ref().map_or_else(
            || crate::scenario::DEFAULT_SCENARIO.0.to_string(),
            |p| p.display().to_string(),
        ),
        skip_lobby: args.start,
        from_file: args.file.is_some(),
        model,
        teams,
        seed: args.seed.unwrap_or(1),
        scale: args.scale.unwrap_or(style::DEFAULT_SCALE),
        presenter: args.presenter,
        smoke: args.smoke.clone(),
        bench_frames: args.bench_frames,
        bench_debrief: args.bench_debrief,
        debrief: None,
        host: args.host.map(|listen| (listen, args.public_url.clone())),
    })
}

/// The record `--resume` takes up, checked before the window opens: the one given, or the newest unfinished
/// session of the game's folder.
fn resume_dir(dir: Option<&std::path::Path>) -> Result<PathBuf, String> {
    let dir = if let Some(dir) = dir {
        dir.to_path_buf()
    } else {
        match game::recording::unfinished_sessions().first() {
            Some(r) => r.dir.clone(),
            None => {
                return Err(format!(
                    "--resume: no unfinished session in {}/ (name a record's folder: --resume DIR)",
                    game::record::SESSIONS_DIR
                ));
            }
        }
    };
    let record = super::load_record(&dir)?;
    let teams = record.header.teams.len() as u32;
    if !game::TEAMS.contains(&teams) {
        return Err(format!(
            "{}: the game shows {}..{} teams and this session has {teams}; take it up headless with \
             `cakefactory run --resume`",
            dir.display(),
            game::TEAMS.start(),
            game::TEAMS.end()
        ));
    }
    Ok(dir)
}

#[derive(Args, Debug)]
pub(crate) struct DebriefArgs {
    /// A session's event log (from `run --events` or the game), or a session record's folder.
    pub events: PathBuf,
    /// Text size.
    #[arg(long, help = scale_help())]
    pub scale: Option<f32>,
}

/// `--teams` in the help: the game's limits.
fn teams_help() -> String {
    format!(
        "Number of teams ({}-{})",
        game::TEAMS.start(),
        game::TEAMS.end()
    )
}

/// `--scale` in the help: the text sizes there are.
fn scale_help() -> String {
    format!(
        "Text size ({}-{}; default {}, readable on a projector)",
        style::SCALES.start(),
        style::SCALES.end(),
        style::DEFAULT_SCALE
    )
}

/// The window's options for a viewer of a saved session (its debrief or its replay): the lobby's defaults,
/// the text size given.
fn viewer(scale: Option<f32>, lang: Lang) -> Result<PlayOptions, String> {
    let model = load_scenario(None).map_err(|e| e.to_string())?;
    Ok(PlayOptions {
        scenario_name: crate::scenario::DEFAULT_SCENARIO.0.to_string(),
        from_file: false,
        teams: 4,
        seed: 1,
        lang,
        model,
        scale: style::clamp_scale(scale.unwrap_or(style::DEFAULT_SCALE)),
        presenter: false,
        skip_lobby: false,
        smoke: None,
        bench_frames: None,
        bench_debrief: None,
        resume: None,
        replay: None,
        debrief: None,
        host: None,
    })
}

/// Opens the window on `options`, or says why it cannot (exit 2).
fn open(options: Result<PlayOptions, String>) -> ExitCode {
    match options {
        Ok(options) => {
            install_panic_hook();
            game::run(options)
        }
        Err(e) => {
            err(&e);
            ExitCode::from(2)
        }
    }
}

/// The game window on the replay of the (checked) record in `dir`.
pub(super) fn replay_window(dir: PathBuf, scale: Option<f32>, lang: Lang) -> ExitCode {
    if let Err(code) = display_or_exit() {
        return code;
    }
    open(viewer(scale, lang).map(|v| PlayOptions {
        replay: Some(dir),
        ..v
    }))
}

/// `cakefactory debrief EVENTS.jsonl`: the debrief dashboard of a saved session.
pub(super) fn debrief(args: &DebriefArgs, lang: Lang) -> ExitCode {
    if let Err(code) = display_or_exit() {
        return code;
    }
    // A session record's folder opens its event log.
    let log = if args.events.is_dir() {
        args.events.join(crate::sim::record::EVENTS_FILE)
    } else {
        args.events.clone()
    };
    let events = match crate::sim::journal::read_log(&log) {
        Ok(e) => e,
        Err(e) => {
            err(&e.to_string());
            return ExitCode::from(2);
        }
    };
    // Beside its record's journal, the debrief says which participant gave each decision from a device.
    let journal = log
        .parent()
        .map(crate::sim::record::journal_of)
        .unwrap_or_default();
    let d = match crate::debrief::Debrief::from_record(&events, &journal) {
        Ok(d) => {
            let (d, problems) = d.with_files_beside(&log);
            for p in problems {
                err(&p);
            }
            d
        }
        Err(e) => {
            err(&format!("{}: {e}", log.display()));
            return ExitCode::from(2);
        }
    };
    open(viewer(args.scale, lang).map(|v| PlayOptions {
        scenario_name: d.scenario.clone(),
        teams: (d.teams.len() as u32).clamp(*game::TEAMS.start(), *game::TEAMS.end()),
        seed: d.seed,
        debrief: Some((log, std::sync::Arc::new(d))),
        ..v
    }))
}
