//! The command line: `check`, `run` and `bench`, with clear errors and exit codes (0 ok, 1 invalid scenario
//! in `check`, 2 bad flags or unusable input). Nothing here panics on bad input.

mod bench;
mod check;
mod help;
mod host;
mod load;
#[cfg(feature = "gui")]
mod play;
mod replay;
mod report;
mod run;
mod table;
mod tournament;
mod verify;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{FromArgMatches, Parser, Subcommand};

use crate::i18n::Lang;
use crate::scenario::{self, LoadError, Model};

#[derive(Parser, Debug)]
#[command(
    name = "cakefactory",
    version,
    about = "Cake Factory: an organisational simulation game for leadership conferences",
    long_about = "Cake Factory: teams run cake factories for several rounds while the facilitator injects \
                  disruptions; the debrief shows how they collaborated across functions.\n\n\
                  Without a subcommand, opens the game on the embedded default scenario (or, in a build \
                  without the window, runs it headless and prints a summary)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    /// The language of the game and of this output: en or sv (default: the system's locale, else English).
    /// CSV and JSON outputs keep their English names.
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Validate scenario files: one summary line per valid file, FILE:LINE:COL errors otherwise.
    Check {
        /// Scenario files (RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Run all rounds of a scenario headless and print a summary.
    Run(run::RunArgs),
    /// Measure simulation speed (release builds give meaningful figures).
    Bench(bench::BenchArgs),
    /// Play every strategy of a scenario on the same orders over many seeds and print their means.
    Tournament(tournament::TournamentArgs),
    /// Replay a session record in the game window (any moment, side by side, what-ifs), or export its
    /// commands as a plan.
    Replay(replay::ReplayArgs),
    /// Re-simulate a session record and compare it with what was recorded (exit 0 identical, 1 divergent).
    Verify(verify::VerifyArgs),
    /// Export the debrief of a session's event log: CSV tables, PNG charts and an HTML report.
    Report(report::ReportArgs),
    /// Run a session without a window and serve it to the teams' devices and the facilitator's console page.
    Host(host::HostArgs),
    /// Load the host as a room would (teams of devices deciding all the time) on loopback, and print the
    /// command-to-answer times, update rates and lost or duplicated commands.
    LoadTest(load::LoadArgs),
    /// Open the game window (lobby, rounds, facilitator console).
    #[cfg(feature = "gui")]
    Play(play::PlayArgs),
    /// Open the debrief dashboard of a session's event log.
    #[cfg(feature = "gui")]
    Debrief(play::DebriefArgs),
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The help is said in the language asked for, so it is known before the arguments are read.
    let asked = help::lang_in(&args).unwrap_or_else(Lang::from_system);
    let parsed = help::command(asked)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_system);
    let _ = ERRORS_IN.set(lang);
    match cli.command {
        Some(Cmd::Check { files }) => check::check(&files, lang),
        Some(Cmd::Run(args)) => run::run(&args, lang),
        Some(Cmd::Bench(args)) => bench::bench(&args, lang),
        Some(Cmd::Tournament(args)) => tournament::tournament(&args, lang),
        Some(Cmd::Report(args)) => report::report(&args, lang),
        Some(Cmd::Verify(args)) => verify::verify(&args, lang),
        Some(Cmd::Replay(args)) => replay::replay(&args, lang),
        Some(Cmd::Host(args)) => host::host(&args, lang),
        Some(Cmd::LoadTest(args)) => load::load(&args, lang),
        #[cfg(feature = "gui")]
        Some(Cmd::Play(args)) => play::play(&args, lang),
        #[cfg(feature = "gui")]
        Some(Cmd::Debrief(args)) => play::debrief(&args, lang),
        #[cfg(feature = "gui")]
        None => play::play(&play::PlayArgs::default(), lang),
        #[cfg(not(feature = "gui"))]
        None => run::run(
            &run::RunArgs {
                seed: 1,
                ..Default::default()
            },
            lang,
        ),
    }
}

/// Writes to stdout, ignoring a closed pipe (`cakefactory run | head` must not panic).
pub(crate) fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// A command's exit code: 0 when it did its work, else 2 after saying why on stderr.
pub(crate) fn exit(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            err(&e);
            ExitCode::from(2)
        }
    }
}

/// The language the command's errors are said in: the process's `--lang` (or its locale), set once when the
/// command starts. Errors are made in English wherever they arise (logs and records keep them so); [`err`]
/// says each line again in this language.
static ERRORS_IN: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Writes to stderr in the command's language (see [`ERRORS_IN`]), ignoring errors.
pub(crate) fn err(text: &str) {
    let lang = ERRORS_IN.get().copied().unwrap_or_default();
    let said: Vec<String> = text
        .lines()
        .map(|line| crate::i18n::again_line(lang, line))
        .collect();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(said.join("\n").as_bytes());
    let _ = stderr.write_all(b"\n");
}

/// Loads a scenario: a file path, or the name of a shipped scenario when no such file exists, or the
/// embedded default when `None`.
pub(crate) fn load_scenario(path: Option<&Path>) -> Result<Arc<Model>, LoadError> {
    match path {
        None => {
            let (name, src) = scenario::DEFAULT_SCENARIO;
            scenario::load_str(name, src).map(Arc::new)
        }
        Some(p) if !p.exists() => match p.to_str().and_then(scenario::shipped) {
            Some((name, src)) => scenario::load_str(name, src).map(Arc::new),
            None => scenario::load_path(p).map(Arc::new),
        },
        Some(p) => scenario::load_path(p).map(Arc::new),
    }
}

/// Loads a session record, saying on stderr what was dropped from it as torn.
pub(crate) fn load_record(dir: &Path) -> Result<crate::sim::record::LoadedRecord, String> {
    let record = crate::sim::record::load(dir).map_err(|e| e.to_string())?;
    for w in &record.warnings {
        err(&format!("warning: {w}"));
    }
    Ok(record)
}
