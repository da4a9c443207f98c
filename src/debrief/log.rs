//! Reading a session's event log (JSON lines, as `run --events` and the game write it), with located errors.

use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::scenario::{LoadError, Located};
use crate::sim::SimEvent;
use crate::sim::event::EventKind;

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
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if meta.is_dir() {
        return Err(unreadable("is a directory".into()));
    }
    if meta.len() > MAX_LOG_BYTES {
        return Err(unreadable(format!("larger than {MAX_LOG_BYTES} bytes")));
    }
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
