//! Loading a session record back: every file checked, every problem reported as `FILE:LINE:COL: message`. A
//! torn last line (the process died while writing it) is dropped with a warning; anything else malformed is
//! an error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{
    Entry, HASHES_FILE, HEADER_FILE, Header, JOURNAL_FILE, SCENARIO_FILE, SIM_VERSION, SegmentHash,
    hash_text, program,
};
use crate::scenario::{self, LoadError, Located, Model};
use crate::sim::{SessionConfig, TeamSetup};

/// Journals and hash files larger than this are refused.
pub const MAX_JOURNAL_BYTES: u64 = 256 * 1024 * 1024;

/// A record as loaded from its folder.
#[derive(Clone, Debug)]
pub struct LoadedRecord {
    /// Its folder.
    pub dir: PathBuf,
    /// Its header.
    pub header: Header,
    /// The scenario, compiled from `scenario.ron`.
    pub model: Arc<Model>,
    /// The journal's complete lines.
    pub entries: Vec<Entry>,
    /// The journal's bytes that hold those lines (a torn tail lies beyond).
    pub valid_len: u64,
    /// The hashes of the rounds that were over.
    pub hashes: Vec<SegmentHash>,
    /// What was dropped as torn, to warn about.
    pub warnings: Vec<String>,
}

impl LoadedRecord {
    /// The session the record is of.
    pub fn config(&self) -> SessionConfig {
        SessionConfig {
            model: Arc::clone(&self.model),
            seed: self.header.seed,
            teams: self
                .header
                .teams
                .iter()
                .map(|t| TeamSetup {
                    name: t.name.clone(),
                    design: self.model.design_index(&t.design).unwrap_or(0),
                })
                .collect(),
            live_offers: self.header.live_offers,
        }
    }

    /// The number of the last journaled command (0: none).
    pub fn last_seq(&self) -> u64 {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::Command { seq, .. } => Some(*seq),
                Entry::Reached { .. } => None,
            })
            .next_back()
            .unwrap_or(0)
    }

    /// The path of one of its files, as messages name it.
    pub fn file(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }
}

fn invalid(file: &str, line: usize, col: usize, message: impl Into<String>) -> LoadError {
    LoadError::Invalid {
        file: file.into(),
        errors: vec![Located {
            line,
            col,
            message: message.into(),
        }],
    }
}

/// The line and column of the first `"key"` in a JSON text (1:1 if absent).
fn key_at(text: &str, key: &str) -> (usize, usize) {
    text.find(&format!("\"{key}\""))
        .map_or((1, 1), |o| scenario::spanned::line_col(text, o))
}

fn read_text(path: &Path, limit: u64) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let unreadable = |reason: String| LoadError::Unreadable {
        file: file.clone(),
        reason,
    };
    let bytes = scenario::read_limited(path, limit).map_err(unreadable)?;
    scenario::text_of_unbounded(&file, &bytes).map(str::to_string)
}

/// Loads and checks the record in `dir`.
pub fn load(dir: &Path) -> Result<LoadedRecord, LoadError> {
    let header_path = dir.join(HEADER_FILE);
    if !dir.is_dir() || !header_path.exists() {
        return Err(LoadError::Unreadable {
            file: dir.display().to_string(),
            reason: format!("not a session record (no {HEADER_FILE} in it)"),
        });
    }
    let header = header(&header_path)?;
    let scenario_path = dir.join(SCENARIO_FILE);
    let scenario_file = scenario_path.display().to_string();
    let source = read_text(&scenario_path, scenario::MAX_FILE_BYTES as u64)?;
    let hash = hash_text(&source);
    if hash != header.scenario_hash {
        return Err(invalid(
            &scenario_file,
            1,
            1,
            format!(
                "the scenario is not the one played (its hash is {hash}, the header records {})",
                header.scenario_hash
            ),
        ));
    }
    let model = Arc::new(scenario::load_str(&scenario_file, &source)?);
    check_teams(&header_path, &header, &model)?;
    let mut warnings = Vec::new();
    let journal_path = dir.join(JOURNAL_FILE);
    let (entries, valid_len) = if journal_path.exists() {
        lines::<Entry>(&journal_path, "a journal line", &mut warnings)?
    } else {
        (Vec::new(), 0)
    };
    check_order(&journal_path, &entries)?;
    let hashes_path = dir.join(HASHES_FILE);
    let (hashes, _) = if hashes_path.exists() {
        lines::<SegmentHash>(&hashes_path, "a round's hash", &mut warnings)?
    } else {
        (Vec::new(), 0)
    };
    Ok(LoadedRecord {
        dir: dir.to_path_buf(),
        header,
        model,
        entries,
        valid_len,
        hashes,
        warnings,
    })
}

fn header(path: &Path) -> Result<Header, LoadError> {
    let file = path.display().to_string();
    let text = read_text(path, 1024 * 1024)?;
    let header: Header = serde_json::from_str(&text).map_err(|e| {
        invalid(
            &file,
            e.line().max(1),
            e.column().max(1),
            format!("not a record header: {e}"),
        )
    })?;
    if header.format != super::FORMAT {
        let (line, col) = key_at(&text, "format");
        return Err(invalid(
            &file,
            line,
            col,
            format!(
                "record format {} is not the one this program reads ({})",
                header.format,
                super::FORMAT
            ),
        ));
    }
    if header.sim_version != SIM_VERSION {
        let (line, col) = key_at(&text, "sim_version");
        return Err(invalid(
            &file,
            line,
            col,
            format!(
                "recorded by {} with simulation version {}; {} has version {} and would not reproduce it",
                header.program,
                header.sim_version,
                program(),
                SIM_VERSION
            ),
        ));
    }
    Ok(header)
}

fn check_teams(path: &Path, header: &Header, model: &Model) -> Result<(), LoadError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let (line, col) = key_at(&text, "teams");
    let n = header.teams.len() as u32;
    if n == 0 || n > scenario::MAX_TEAMS {
        return Err(invalid(
            &file,
            line,
            col,
            format!(
                "a record has 1 to {} teams (found {n})",
                scenario::MAX_TEAMS
            ),
        ));
    }
    model
        .check_session(n)
        .map_err(|e| invalid(&file, line, col, e))?;
    for t in &header.teams {
        if model.design_index(&t.design).is_none() {
            return Err(invalid(
                &file,
                line,
                col,
                format!(
                    "team {:?} starts with design {:?}, which the scenario does not have",
                    t.name, t.design
                ),
            ));
        }
    }
    Ok(())
}

/// The journal of the record in `dir`, if it has a readable one (for the debrief's "who decided"; a journal
/// that cannot be read gives none, and the debrief stands without it).
pub fn journal_of(dir: &Path) -> Vec<Entry> {
    let path = dir.join(super::JOURNAL_FILE);
    if !path.exists() {
        return Vec::new();
    }
    lines(&path, "a journal line", &mut Vec::new())
        .map_or_else(|_| Vec::new(), |(entries, _)| entries)
}

/// Reads a file of JSON lines: every complete line must parse; a last line without its newline is torn and
/// dropped with a warning. Returns the lines and the bytes they take.
fn lines<T: DeserializeOwned>(
    path: &Path,
    what: &str,
    warnings: &mut Vec<String>,
) -> Result<(Vec<T>, u64), LoadError> {
    let file = path.display().to_string();
    let text = read_text(path, MAX_JOURNAL_BYTES)?;
    let mut items = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if !line.ends_with('\n') {
            warnings.push(format!(
                "{file}:{}:1: the last line was cut off (the program stopped while writing it); dropped",
                i + 1
            ));
            break;
        }
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            let item = serde_json::from_str(body).map_err(|e| {
                invalid(&file, i + 1, e.column().max(1), format!("not {what}: {e}"))
            })?;
            items.push(item);
        }
        offset += line.len();
    }
    Ok((items, offset as u64))
}

/// Commands are numbered 1, 2, 3, ... and no line goes back in time.
fn check_order(path: &Path, entries: &[Entry]) -> Result<(), LoadError> {
    let file = path.display().to_string();
    let mut seq = 0;
    let mut t = crate::domain::SimTime::ZERO;
    for (i, e) in entries.iter().enumerate() {
        if e.t() < t {
            return Err(invalid(
                &file,
                i + 1,
                1,
                format!("goes back in time (t {} after {})", e.t().0, t.0),
            ));
        }
        t = e.t();
        if let Entry::Command { seq: s, .. } = e {
            if *s != seq + 1 {
                return Err(invalid(
                    &file,
                    i + 1,
                    1,
                    format!("command number {s} where {} was due", seq + 1),
                ));
            }
            seq = *s;
        }
    }
    Ok(())
}
