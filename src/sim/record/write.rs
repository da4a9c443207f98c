//! Keeping a session's record while it runs: every command is journaled and synced to disk before it takes
//! effect, every event goes to the log and the round's hashes, and the session's progress is marked.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::{
    EVENTS_FILE, Entry, HASHES_FILE, HEADER_FILE, Hasher, Header, JOURNAL_FILE, SCENARIO_FILE,
    SegmentHash, SessionKind, Source, wall_ms,
};
use crate::domain::event::EventKind;
use crate::domain::{Command, SimEvent};
use crate::sim::{Session, SimSet};

pub(in crate::sim) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            journal_commands
                .in_set(SimSet::Commands)
                .before(crate::sim::session::apply_commands),
            record_events.in_set(SimSet::Observe),
        )
            .run_if(resource_exists::<Session>),
    );
}

/// The record being kept of the running session (absent: nothing is recorded).
#[derive(Resource)]
pub struct Recording {
    dir: PathBuf,
    kind: SessionKind,
    journal: File,
    seq: u64,
    events: BufWriter<File>,
    hashes: BufWriter<File>,
    hasher: Hasher,
    line: Vec<u8>,
    error: Option<String>,
    /// Who gives the commands from now on, when not the session's usual sources (a branch re-giving its
    /// parent's commands).
    source: Option<Source>,
}

fn cannot(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: cannot write: {e}", path.display())
}

/// Writes `bytes` to `path` through a temporary file renamed over it, so a crash never leaves half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp).map_err(|e| cannot(&tmp, e))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| cannot(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| cannot(path, e))
}

fn append(path: &Path) -> Result<File, String> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| cannot(path, e))
}

impl Recording {
    /// Starts the record of a new session in `dir` (made if missing; a folder that already holds a record is
    /// refused, so nothing is overwritten).
    pub fn create(
        dir: &Path,
        header: &Header,
        scenario: &str,
        kind: SessionKind,
    ) -> Result<Recording, String> {
        if dir.join(JOURNAL_FILE).exists() {
            return Err(format!(
                "{}: already holds a session record (resume it with --resume, or choose another folder)",
                dir.display()
            ));
        }
        std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
        write_atomic(&dir.join(SCENARIO_FILE), scenario.as_bytes())?;
        let header_text = serde_json::to_string_pretty(header).map_err(|e| e.to_string())?;
        write_atomic(
            &dir.join(HEADER_FILE),
            format!("{header_text}\n").as_bytes(),
        )?;
        let recording = Recording {
            dir: dir.to_path_buf(),
            kind,
            journal: append(&dir.join(JOURNAL_FILE))?,
            seq: 0,
            events: BufWriter::new(create(&dir.join(EVENTS_FILE))?),
            hashes: BufWriter::new(create(&dir.join(HASHES_FILE))?),
            hasher: Hasher::default(),
            line: Vec::new(),
            error: None,
            source: None,
        };
        Ok(recording)
    }

    /// Takes up the record in `dir` again after the session was rebuilt from it: the journal is cut to its
    /// `valid_len` bytes (a torn last line goes) and continues after command `seq`; the event log and the
    /// hashes are written anew from the rebuilt session's `events`.
    pub fn reopen(
        dir: &Path,
        kind: SessionKind,
        valid_len: u64,
        seq: u64,
        events: &[SimEvent],
    ) -> Result<Recording, String> {
        let (log, closed, hasher) = super::log_and_hashes(events);
        let mut hashes = Vec::new();
        for h in &closed {
            push_hash(&mut hashes, h);
        }
        write_atomic(&dir.join(EVENTS_FILE), &log)?;
        write_atomic(&dir.join(HASHES_FILE), &hashes)?;
        let path = dir.join(JOURNAL_FILE);
        let journal = append(&path)?;
        journal
            .set_len(valid_len)
            .and_then(|()| journal.sync_all())
            .map_err(|e| cannot(&path, e))?;
        Ok(Recording {
            dir: dir.to_path_buf(),
            kind,
            journal,
            seq,
            events: BufWriter::new(append(&dir.join(EVENTS_FILE))?),
            hashes: BufWriter::new(append(&dir.join(HASHES_FILE))?),
            hasher,
            line: Vec::new(),
            error: None,
            source: None,
        })
    }

    /// The record's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Journals the next commands as given by `source` (`None`: by the session's usual sources).
    pub fn set_source(&mut self, source: Option<Source>) {
        self.source = source;
    }

    /// The first write that failed, if one did (the session goes on; the record is incomplete).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn fail(&mut self, e: String) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Appends journal lines and syncs them to disk.
    fn journal(&mut self, entries: &[Entry]) {
        let path = self.dir.join(JOURNAL_FILE);
        let mut text = Vec::new();
        for e in entries {
            // Journal lines always serialise: their maps have string keys.
            let _ = serde_json::to_writer(&mut text, e);
            text.push(b'\n');
        }
        let written = self
            .journal
            .write_all(&text)
            .and_then(|()| self.journal.sync_data());
        if let Err(e) = written {
            self.fail(cannot(&path, e));
        }
    }

    /// The journal line of `command`, applied now.
    fn entry(&mut self, session: &Session, command: &Command, given: Option<&Source>) -> Entry {
        self.seq += 1;
        Entry::Command {
            seq: self.seq,
            t: session.now,
            round: session.round,
            running: session.running,
            minute: session.minute(),
            source: given
                .or(self.source.as_ref())
                .cloned()
                .unwrap_or_else(|| Source::of(command, self.kind)),
            wall_ms: wall_ms(),
            command: Box::new(command.clone()),
        }
    }

    /// Marks how far the session got (flushing the event log with it).
    pub fn mark(&mut self, session: &Session) {
        let entry = Entry::Reached {
            t: session.now,
            round: session.round,
            minute: session.minute(),
            wall_ms: wall_ms(),
        };
        self.flush();
        let mut text = serde_json::to_vec(&entry).unwrap_or_default();
        text.push(b'\n');
        if let Err(e) = self.journal.write_all(&text) {
            self.fail(cannot(&self.dir.join(JOURNAL_FILE), e));
        }
    }

    /// Takes the next event: into the log and the round's hash.
    fn observe(&mut self, event: &SimEvent) {
        self.line.clear();
        let _ = super::super::journal::write_event(&mut self.line, event);
        let closed = self.hasher.push(event, &self.line);
        if let Err(e) = self.events.write_all(&self.line) {
            self.fail(cannot(&self.dir.join(EVENTS_FILE), e));
        }
        self.write_hashes(&closed);
        if matches!(event.kind, EventKind::SessionEnded) {
            let closed = self.hasher.close();
            self.write_hashes(&closed);
        }
    }

    fn write_hashes(&mut self, closed: &[SegmentHash]) {
        if closed.is_empty() {
            return;
        }
        let mut text = Vec::new();
        for h in closed {
            push_hash(&mut text, h);
        }
        if let Err(e) = self
            .hashes
            .write_all(&text)
            .and_then(|()| self.hashes.flush())
        {
            self.fail(cannot(&self.dir.join(HASHES_FILE), e));
        }
    }

    /// Hands what is buffered to the operating system.
    pub fn flush(&mut self) {
        if let Err(e) = self.events.flush() {
            self.fail(cannot(&self.dir.join(EVENTS_FILE), e));
        }
    }
}

fn create(path: &Path) -> Result<File, String> {
    File::create(path).map_err(|e| cannot(path, e))
}

fn push_hash(out: &mut Vec<u8>, h: &SegmentHash) {
    let _ = serde_json::to_writer(&mut *out, h);
    out.push(b'\n');
}

/// Journals the commands of this update before they are applied (the reader always keeps up, so a record
/// started mid-session never journals an older command).
fn journal_commands(
    recording: Option<ResMut<Recording>>,
    session: Res<Session>,
    origins: Res<crate::sim::Origins>,
    mut reader: MessageReader<Command>,
) {
    let commands: Vec<_> = reader.read_with_id().collect();
    let Some(mut recording) = recording else {
        return;
    };
    if commands.is_empty() {
        return;
    }
    let entries: Vec<Entry> = commands
        .into_iter()
        .map(|(c, id)| recording.entry(&session, c, origins.source(id.id)))
        .collect();
    recording.journal(&entries);
}

/// Writes this update's events into the record; a round's end is marked in the journal.
fn record_events(
    recording: Option<ResMut<Recording>>,
    session: Res<Session>,
    mut reader: MessageReader<SimEvent>,
) {
    let Some(mut recording) = recording else {
        reader.clear();
        return;
    };
    let mut ended = false;
    for e in reader.read() {
        recording.observe(e);
        ended |= matches!(e.kind, EventKind::RoundEnded { .. });
    }
    if ended {
        recording.mark(&session);
    } else {
        recording.flush();
    }
}
