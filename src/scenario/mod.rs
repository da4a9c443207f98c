//! Scenarios: the RON file format, its located parsing and validation, the compiled model, and the scenarios
//! shipped inside the binary.

pub mod check;
pub mod compile;
pub mod format;
pub mod limits;
pub mod locate;
pub mod model;
pub mod spanned;

use std::fmt;
use std::path::Path;

use crate::i18n::Lang;
use crate::i18n::Lang::En;
use crate::t;

pub use compile::Diagnostic;
pub use format::ScenarioFile;
pub use limits::MAX_TEAMS;
pub use model::Model;
pub use spanned::{LocatedError, line_col, parse_located};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Scenarios compiled into the binary: (file name, source).
pub const SHIPPED: [(&str, &str); 3] = [
    (
        "cake_factory_2.ron",
        include_str!("../../scenarios/cake_factory_2.ron"),
    ),
    (
        "calm_market.ron",
        include_str!("../../scenarios/calm_market.ron"),
    ),
    (
        "calibration_mmc.ron",
        include_str!("../../scenarios/calibration_mmc.ron"),
    ),
];

/// The scenario used when none is given.
pub const DEFAULT_SCENARIO: (&str, &str) = SHIPPED[0];

/// A problem at a place in a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

/// Why a file could not be used: it could not be read, or its content is invalid (with every error found).
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be read.
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        reason: String,
    },
    /// The content is not a valid scenario, plan or log.
    Invalid {
        /// The file.
        file: String,
        /// Every problem found, in file order.
        errors: Vec<Located>,
    },
}

impl LoadError {
    /// The exit code the CLI uses for this error when checking files (1 invalid, 2 unreadable).
    pub fn is_unreadable(&self) -> bool {
        matches!(self, LoadError::Unreadable { .. })
    }

    /// A parse failure of `file` at its position.
    pub fn parse(file: &str, e: LocatedError) -> Self {
        LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line: e.line,
                col: e.col,
                message: e.message,
            }],
        }
    }
}

impl fmt::Display for LoadError {
    /// One `FILE:LINE:COL: message` line per error.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { file, reason } => write!(f, "{file}: cannot read: {reason}"),
            LoadError::Invalid { file, errors } => {
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{file}:{}:{}: {}", e.line, e.col, e.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// Turns raw bytes into text, or a located error at the first byte that is not UTF-8.
pub fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line: 1,
                col: 1,
                message: t!(En, "problem-file-large", most = MAX_FILE_BYTES.to_string()),
            }],
        });
    }
    text_of_unbounded(file, bytes)
}

/// Turns raw bytes of any length into text, or a located error at the first byte that is not UTF-8.
pub fn text_of_unbounded<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line,
                col,
                message: t!(En, "problem-not-utf8", offset = e.valid_up_to().to_string()),
            }],
        }
    })
}

/// Parses and validates a scenario from its source text; `file` names it in errors.
pub fn load_str(file: &str, source: &str) -> Result<Model, LoadError> {
    let source = spanned::without_bom(source);
    if is_blank(source) {
        return Err(LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line: 1,
                col: 1,
                message: t!(En, "problem-empty-file"),
            }],
        });
    }
    let parsed: ScenarioFile = parse_located(source).map_err(|e| LoadError::parse(file, e))?;
    compile::compile(file, source, &parsed).map_err(|diags| {
        let mut errors: Vec<(usize, Located)> = diags
            .into_iter()
            .map(|d| {
                let (line, col) = d.offset.map_or((1, 1), |o| line_col(source, o));
                (
                    d.offset.unwrap_or(0),
                    Located {
                        line,
                        col,
                        message: d.message,
                    },
                )
            })
            .collect();
        errors.sort_by_key(|(o, _)| *o);
        LoadError::Invalid {
            file: file.into(),
            errors: errors.into_iter().map(|(_, e)| e).collect(),
        }
    })
}

/// Whether a RON text holds nothing but whitespace and comments.
pub fn is_blank(source: &str) -> bool {
    source
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"))
}

/// Reads, parses and validates a scenario file.
pub fn load_path(path: &Path) -> Result<Model, LoadError> {
    let file = path.display().to_string();
    let bytes = read_bounded(path).map_err(|reason| LoadError::Unreadable {
        file: file.clone(),
        reason,
    })?;
    load_str(&file, text_of(&file, &bytes)?)
}

/// Reads a file, refusing directories and files over [`MAX_FILE_BYTES`].
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    read_limited(path, MAX_FILE_BYTES as u64)
}

/// Why a file cannot be read whole: it is missing, a directory, or over `limit` bytes.
pub fn check_readable(path: &Path, limit: u64) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.len() > limit {
        return Err(format!("larger than {limit} bytes"));
    }
    Ok(())
}

/// Reads a file of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    check_readable(path, limit)?;
    std::fs::read(path).map_err(|e| e.to_string())
}

/// The default scenario, compiled (the shipped files are validated by the test suite).
pub fn default_model() -> Result<Model, LoadError> {
    load_str(DEFAULT_SCENARIO.0, DEFAULT_SCENARIO.1)
}

/// Looks a shipped scenario up by file name (with or without `.ron`).
pub fn shipped(name: &str) -> Option<(&'static str, &'static str)> {
    let name = name.strip_suffix(".ron").unwrap_or(name);
    SHIPPED
        .iter()
        .copied()
        .find(|(f, _)| f.strip_suffix(".ron") == Some(name))
}

/// A scenario's title in `lang` when a shipped scenario has it ("Cake Factory 2.0" → "Tårtfabriken 2.0"),
/// else as given.
pub fn shipped_title(lang: Lang, english: &str) -> String {
    static TITLES: std::sync::OnceLock<Vec<Model>> = std::sync::OnceLock::new();
    TITLES
        .get_or_init(|| {
            SHIPPED
                .iter()
                .filter_map(|(file, text)| load_str(file, text).ok())
                .collect()
        })
        .iter()
        .find(|m| m.name == english)
        .map_or_else(
            || english.to_string(),
            |m| m.lexicon.say(lang, english).to_string(),
        )
}

/// A one-line summary of a valid scenario, as `check` prints it.
pub fn summary(m: &Model, lang: Lang) -> String {
    t!(
        lang,
        "cli-scenario-summary",
        name = m.lexicon.say(lang, &m.name),
        rounds = m.rounds,
        minutes = m.round_len.minutes(),
        teams = m.teams,
        workers = m.workers.len(),
        steps = m.steps.len(),
        products = m.products.len(),
        designs = m.designs.len(),
        scheduled = m.schedule.len(),
        palette = m.palette.len()
    )
}
