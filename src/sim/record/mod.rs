//! The session record: a folder that alone reproduces a session. Its files and their line types are defined
//! here; `write` keeps them while a session runs, `read` loads them back with located errors.
//!
//! - `scenario.ron`: the scenario's text exactly as played;
//! - `header.json`: format and program versions, seed, teams, live offers, the scenario's hash, a branch's
//!   parent;
//! - `journal.jsonl`: every command that entered the session, each written and synced to disk before it takes
//!   effect, and marks of how far the session got;
//! - `hashes.jsonl`: a hash of the events of each factory in each round, written when the round is over;
//! - `events.jsonl`: the event log (as `run --events` writes it).

pub mod read;
pub mod write;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::{Command, SimTime};

pub use read::{LoadedRecord, journal_of, load};
pub use write::Recording;

/// The version of the record's files.
pub const FORMAT: u32 = 1;

/// The simulation's version: raised whenever the same scenario, seed and commands give different events, so
/// that a record of another version is refused rather than re-simulated wrongly.
pub const SIM_VERSION: u32 = 1;

/// The program that writes records: "cakefactory 0.1.0".
pub fn program() -> String {
    format!("cakefactory {}", env!("CARGO_PKG_VERSION"))
}

/// The scenario's text as played.
pub const SCENARIO_FILE: &str = "scenario.ron";
/// The [`Header`].
pub const HEADER_FILE: &str = "header.json";
/// The [`Entry`] lines.
pub const JOURNAL_FILE: &str = "journal.jsonl";
/// The [`SegmentHash`] lines.
pub const HASHES_FILE: &str = "hashes.jsonl";
/// The event log.
pub const EVENTS_FILE: &str = "events.jsonl";
/// Branches (what-ifs) of a record, each a record of its own in a folder under this one.
pub const BRANCHES_DIR: &str = "branches";

/// What a record is: everything besides the journal that a re-simulation needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The files' version ([`FORMAT`]).
    pub format: u32,
    /// The program that wrote it ([`program`]).
    pub program: String,
    /// The simulation's version ([`SIM_VERSION`]).
    pub sim_version: u32,
    /// The scenario's title.
    pub scenario: String,
    /// Where the scenario came from (a path or a shipped scenario's name), for messages.
    pub scenario_file: String,
    /// FNV-1a of `scenario.ron` ([`hash_text`]), in hex.
    pub scenario_hash: String,
    /// The seed of every random stream.
    pub seed: u64,
    /// The teams, in factory order.
    pub teams: Vec<RecordedTeam>,
    /// Rush offers wait for an answer or a journaled lapse (the live game).
    pub live_offers: bool,
    /// When the session started (Unix milliseconds).
    pub started_wall_ms: u64,
    /// For a what-if: the record it branches from and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch: Option<BranchOf>,
}

/// One team of a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedTeam {
    /// Its name.
    pub name: String,
    /// The id of the design it starts with.
    pub design: String,
}

/// Where a what-if branches off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchOf {
    /// The parent record's folder.
    pub parent: String,
    /// The moment the branch's own commands start (the parent's earlier commands are copied).
    pub at: SimTime,
    /// The round of that moment.
    pub round: u32,
    /// The minute of that round.
    pub minute: f64,
}

/// The folder under the working directory where the game keeps its sessions.
pub const SESSIONS_DIR: &str = "cakefactory-sessions";

/// `base` if no such folder exists, else the first of `base-2`, `base-3`, ... that does not.
pub fn unused(base: PathBuf) -> PathBuf {
    let mut dir = base.clone();
    let mut n = 1;
    while dir.exists() {
        n += 1;
        dir = PathBuf::from(format!("{}-{n}", base.display()));
    }
    dir
}

/// Who gave a command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The facilitator (round control, injections).
    Facilitator,
    /// A team, from its panel in the game window.
    Team {
        /// The team's factory.
        factory: u16,
    },
    /// The game's offer clock (an answer time ran out).
    OfferClock,
    /// A headless run's plan.
    Plan,
    /// A headless run starting its rounds.
    Runner,
    /// A what-if's change.
    WhatIf,
    /// A participant's device, joined to a team through the host.
    Device {
        /// The team's factory.
        factory: u16,
        /// The name or role the participant gave (empty when they gave none).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        who: String,
        /// The command's idempotency key: a command with a key already journaled is never applied again.
        key: String,
    },
    /// The facilitator, from the host's console page.
    Console {
        /// The command's idempotency key.
        key: String,
    },
}

impl Source {
    /// Who gave `command` in a session of the given kind.
    pub fn of(command: &Command, kind: SessionKind) -> Source {
        match (kind, command) {
            (SessionKind::Headless, Command::StartRound) => Source::Runner,
            (SessionKind::Headless, _) => Source::Plan,
            (SessionKind::Game, Command::Team { factory, .. } | Command::Voice { factory, .. }) => {
                Source::Team { factory: *factory }
            }
            (SessionKind::Game, Command::OfferLapsed { .. }) => Source::OfferClock,
            (SessionKind::Game, _) => Source::Facilitator,
        }
    }
}

/// Where a session's commands come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    /// The game: panels, the console, the offer clock.
    Game,
    /// A headless run: its plan and its runner.
    Headless,
}

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "entry", rename_all = "snake_case")]
pub enum Entry {
    /// A command entered the session (applied, or rejected with a logged reason).
    Command {
        /// 1 for the first command, then counting.
        seq: u64,
        /// The simulated time it was applied at.
        t: SimTime,
        /// The round running then, or the last one played (0 before the first).
        round: u32,
        /// A round was running.
        running: bool,
        /// The minute of that round.
        minute: f64,
        /// Who gave it.
        source: Source,
        /// When (Unix milliseconds).
        wall_ms: u64,
        /// The command.
        command: Box<Command>,
    },
    /// The session got this far (written when a round ends and, in the game, every few seconds of play).
    Reached {
        /// The simulated time reached.
        t: SimTime,
        /// The round running then, or the last one played.
        round: u32,
        /// The minute of that round.
        minute: f64,
        /// When (Unix milliseconds).
        wall_ms: u64,
    },
}

impl Entry {
    /// The simulated time of the line.
    pub fn t(&self) -> SimTime {
        match self {
            Entry::Command { t, .. } | Entry::Reached { t, .. } => *t,
        }
    }

    /// The command, if the line is one.
    pub fn command(&self) -> Option<&Command> {
        match self {
            Entry::Command { command, .. } => Some(command),
            Entry::Reached { .. } => None,
        }
    }
}

/// The hash of one factory's events (or the session's own, `factory: None`) in one round: from the round's
/// `RoundStarted` up to the next one (round 0: before the first round).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentHash {
    /// The round.
    pub round: u32,
    /// The factory (none: events of the whole session).
    pub factory: Option<u16>,
    /// How many events.
    pub events: u64,
    /// FNV-1a of their log lines, in hex.
    pub hash: String,
}

/// FNV-1a, 64 bits, carried on from `h` over `bytes`.
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// FNV-1a's starting value.
pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a text, in hex.
pub fn hash_text(text: &str) -> String {
    format!("{:016x}", fnv1a(FNV_START, text.as_bytes()))
}

/// Keeps the running hashes of a session's events, round by round.
#[derive(Clone, Debug, Default)]
pub struct Hasher {
    round: u32,
    open: std::collections::BTreeMap<Option<u16>, (u64, u64)>,
}

impl Hasher {
    /// Takes the next event, given as its log line (with the newline). Returns the hashes of the round it
    /// closes when it starts a new one.
    pub fn push(&mut self, event: &crate::domain::SimEvent, line: &[u8]) -> Vec<SegmentHash> {
        let mut closed = Vec::new();
        if let crate::domain::event::EventKind::RoundStarted { round } = event.kind {
            closed = self.close();
            self.round = round;
        }
        let (n, h) = self.open.entry(event.factory).or_insert((0, FNV_START));
        *n += 1;
        *h = fnv1a(*h, line);
        closed
    }

    /// Closes the round being hashed and returns its hashes (session first, then factories in order).
    pub fn close(&mut self) -> Vec<SegmentHash> {
        std::mem::take(&mut self.open)
            .into_iter()
            .map(|(factory, (events, h))| SegmentHash {
                round: self.round,
                factory,
                events,
                hash: format!("{h:016x}"),
            })
            .collect()
    }
}

/// The event log of `events` (its lines), the hashes of the rounds they close, and the hasher holding the
/// round still open: what a record's files hold after those events.
pub fn log_and_hashes(events: &[crate::domain::SimEvent]) -> (Vec<u8>, Vec<SegmentHash>, Hasher) {
    let mut hasher = Hasher::default();
    let mut log = Vec::new();
    let mut hashes = Vec::new();
    for e in events {
        let start = log.len();
        // Writing into memory cannot fail: events always serialise.
        let _ = crate::sim::journal::write_event(&mut log, e);
        hashes.extend(hasher.push(e, &log[start..]));
        if matches!(e.kind, crate::domain::event::EventKind::SessionEnded) {
            hashes.extend(hasher.close());
        }
    }
    (log, hashes, hasher)
}

/// Milliseconds since the Unix epoch now.
pub fn wall_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
