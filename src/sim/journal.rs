//! The session's journal: its event log as JSON lines, one event per line. The one writer (used by
//! `run --events`, the game's session folder and the tests) and the one reader (the debrief, `report`), with
//! located errors.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::tap::EventTap;
use crate::domain::SimEvent;
use crate::domain::event::EventKind;
use crate::scenario::{LoadError, Located};

/// Writes one event as a line of JSON.
pub fn write_event(out: &mut impl Write, event: &SimEvent) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, event)?;
    out.write_all(b"\n")
}

/// Writes events as JSON lines.
pub fn write_events<'a>(
    out: &mut impl Write,
    events: impl IntoIterator<Item = &'a SimEvent>,
) -> std::io::Result<()> {
    for e in events {
        write_event(out, e)?;
    }
    Ok(())
}

/// The events as the text of a log.
pub fn to_jsonl(events: &[SimEvent]) -> String {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail: events always serialise (their maps have string keys).
    let _ = write_events(&mut bytes, events);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes a complete log to `path` safely: into a temporary file beside it, then renamed over it, so a crash
/// never leaves half a log.
pub fn save(path: &Path, events: &[SimEvent]) -> Result<(), String> {
    let tmp = path.with_extension("jsonl.tmp");
    let cannot = |p: &Path, e: std::io::Error| format!("{}: cannot write: {e}", p.display());
    let file = File::create(&tmp).map_err(|e| cannot(&tmp, e))?;
    let mut out = BufWriter::new(file);
    write_events(&mut out, events)
        .and_then(|()| out.flush())
        .map_err(|e| cannot(&tmp, e))?;
    drop(out);
    std::fs::rename(&tmp, path).map_err(|e| cannot(path, e))
}

/// A tap that streams every event into a file as it happens; the first write error is kept and reported by
/// [`finish`](LogWriter::finish) (nothing is dropped silently).
pub struct LogWriter {
    path: PathBuf,
    out: BufWriter<File>,
    error: Option<std::io::Error>,
}

impl LogWriter {
    /// Creates (or truncates) the log file.
    pub fn create(path: &Path) -> Result<LogWriter, String> {
        let file =
            File::create(path).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(LogWriter {
            path: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 20, file),
            error: None,
        })
    }
}

impl EventTap for LogWriter {
    fn observe(&mut self, event: &SimEvent) {
        if self.error.is_none()
            && let Err(e) = write_event(&mut self.out, event)
        {
            self.error = Some(e);
        }
    }

    /// Flushes the file; the first error of any write so far, if there was one.
    fn finish(&mut self) -> Result<(), String> {
        let result = match self.error.take() {
            Some(e) => Err(e),
            None => self.out.flush(),
        };
        result.map_err(|e| format!("{}: cannot write: {e}", self.path.display()))
    }
}

/// Logs larger than this are refused.
pub const MAX_LOG_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Parses a log's text: one event per line, blank lines ignored; the first event must be `SessionStarted`.
pub fn parse_log(file: &str, text: &str) -> Result<Vec<SimEvent>, LoadError> {
    let mut events = Vec::new();
    for (i, line) in text.lines().enumerate() {
        push_line(file, i + 1, line, &mut events)?;
    }
    finish(file, events)
}

fn push_line(
    file: &str,
    line_no: usize,
    line: &str,
    events: &mut Vec<SimEvent>,
) -> Result<(), LoadError> {
    if line.trim().is_empty() {
        return Ok(());
    }
    let e: SimEvent = serde_json::from_str(line).map_err(|e| LoadError::Invalid {
        file: file.into(),
        errors: vec![Located {
            line: line_no,
            col: e.column().max(1),
            message: format!("not an event: {e}"),
        }],
    })?;
    if events.is_empty() && !matches!(e.kind, EventKind::SessionStarted { .. }) {
        return Err(LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line: line_no,
                col: 1,
                message: "an event log must start with a SessionStarted event".into(),
            }],
        });
    }
    events.push(e);
    Ok(())
}

fn finish(file: &str, events: Vec<SimEvent>) -> Result<Vec<SimEvent>, LoadError> {
    if events.is_empty() {
        return Err(LoadError::Invalid {
            file: file.into(),
            errors: vec![Located {
                line: 1,
                col: 1,
                message: "the event log is empty".into(),
            }],
        });
    }
    Ok(events)
}

/// Reads a log file line by line.
pub fn read_log(path: &Path) -> Result<Vec<SimEvent>, LoadError> {
    let file = path.display().to_string();
    let unreadable = |reason: String| LoadError::Unreadable {
        file: file.clone(),
        reason,
    };
    crate::scenario::check_readable(path, MAX_LOG_BYTES).map_err(unreadable)?;
    let reader = BufReader::new(std::fs::File::open(path).map_err(|e| unreadable(e.to_string()))?);
    let mut events = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let bytes = line.map_err(|e| unreadable(e.to_string()))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| LoadError::Invalid {
            file: file.clone(),
            errors: vec![Located {
                line: i + 1,
                col: e.valid_up_to() + 1,
                message: "not UTF-8 text".into(),
            }],
        })?;
        push_line(&file, i + 1, text.trim_end_matches('\r'), &mut events)?;
    }
    finish(&file, events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_located() {
        let good = r#"{"t":0,"type":"SessionStarted","scenario":"x","seed":1,"rounds":1,"round_minutes":10.0,"tables":{"factories":[],"workers":[],"skills":[],"steps":[],"products":[],"stations":[],"ingredients":[]}}"#;
        assert_eq!(parse_log("l", good).unwrap().len(), 1);
        let bad = format!("{good}\n\n{{\"t\":1,\"type\":\"Nope\"}}\n");
        match parse_log("l", &bad) {
            Err(LoadError::Invalid { errors, .. }) => {
                assert_eq!(errors[0].line, 3);
                assert!(errors[0].message.contains("not an event"));
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_log("l", "").is_err());
        assert!(parse_log("l", r#"{"t":0,"type":"RoundStarted","round":1}"#).is_err());
    }
}
