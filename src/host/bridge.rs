//! The host's side inside the Bevy app: takes the devices' commands into the session's command path (the
//! same journal as the panels, with who gave each and its idempotency key), answers each command from its
//! outcome, keeps each team's ticker, and publishes every team's state and the room's several times a
//! second.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use tokio::sync::mpsc;

use super::protocol::{Control, Reply};
use super::state::{self, Pace, TickerLine};
use super::{Inbound, Shared};
use crate::debrief::ticker::{describe, team_of};
use crate::debrief::voices::Voices;
use crate::domain::event::EventKind;
use crate::domain::time::{SPEEDS, minute_of_round};
use crate::domain::{Command, SimEvent, Target};
use crate::factory::FactorySim;
use crate::i18n::Lang;
use crate::i18n::Lang::En;
use crate::metrics::LiveMetrics;
use crate::sim::record::{Entry, Source};
use crate::sim::{Origins, Session, SimSet};
use crate::t;

/// How often every device gets the state (4 times a second: at least twice, as promised).
pub const PUBLISH_EVERY: Duration = Duration::from_millis(250);

/// How often the console gets the room's state.
pub const ROOM_EVERY: Duration = Duration::from_millis(500);

/// Ticker lines kept per team.
const TICKER_LINES: usize = 12;

/// Messages taken from the devices in one update, so a flood cannot stall a frame.
const MAX_PER_UPDATE: usize = 2000;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<HostControl>();
    app.init_resource::<Pace>();
    app.add_systems(
        Update,
        (
            receive.before(SimSet::Commands),
            answer.after(SimSet::Commands).before(SimSet::Advance),
            (keep_tickers, publish).chain().after(SimSet::Observe),
        )
            .run_if(resource_exists::<Bridge>.and_then(resource_exists::<Session>)),
    );
}

/// A facilitator's control of the clock from the console page, for whoever drives the clock.
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum HostControl {
    /// Stop the clock.
    Pause,
    /// Let it run.
    Resume,
    /// Run at this many simulated minutes per real second.
    Speed(f64),
}

/// A command's outcome as the host keeps it by key.
enum Outcome {
    /// Given, not yet applied: the devices waiting for its answer.
    Pending(Vec<(mpsc::UnboundedSender<String>, Lang)>),
    /// Applied or rejected.
    Done(Result<(), String>),
}

/// Who a key belongs to: a team (`Some`) or the console (`None`).
type KeyOwner = (Option<u16>, String);

/// The host's link into the app (a resource).
#[derive(Resource)]
pub struct Bridge {
    shared: Arc<Shared>,
    inbound: mpsc::Receiver<Inbound>,
    outcomes: HashMap<KeyOwner, Outcome>,
    /// Each team's ticker in each language.
    tickers: Vec<[VecDeque<TickerLine>; 2]>,
    /// The room's ticker in each language.
    room_ticker: [VecDeque<TickerLine>; 2],
    /// What the participants said, and the facilitator's curation of it.
    voices: Voices,
    /// When each round started.
    round_starts: Vec<crate::domain::SimTime>,
    round_start: crate::domain::SimTime,
    last_publish: Option<Instant>,
    /// When each team's state was last sent.
    published: Vec<Option<Instant>>,
    /// The figures and design (its name) each team was last sent: what the console shows of it.
    shown: Vec<(state::FiguresState, String)>,
    room_published: Option<Instant>,
}

impl Bridge {
    pub(super) fn new(shared: Arc<Shared>, inbound: mpsc::Receiver<Inbound>) -> Bridge {
        let teams = shared.team_states.len();
        Bridge {
            shared,
            inbound,
            outcomes: HashMap::default(),
            tickers: vec![Default::default(); teams],
            room_ticker: Default::default(),
            voices: Voices::default(),
            round_starts: Vec::new(),
            round_start: crate::domain::SimTime::ZERO,
            last_publish: None,
            published: vec![None; teams],
            shown: vec![Default::default(); teams],
            room_published: None,
        }
    }

    /// Takes up the keys of a resumed session's journal, with the outcome each had in its event log (every
    /// command gave exactly one `CommandApplied` or `CommandRejected`, in journal order): a device that
    /// sends a command again after the host came back is answered, and nothing is applied twice.
    pub fn remember(&mut self, entries: &[Entry], events: &[SimEvent]) {
        // The room's voices so far come back with the log, and when each round started.
        self.voices = Voices::from_events(events);
        self.round_starts = events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::RoundStarted { .. }))
            .map(|e| e.t)
            .collect();
        let mut outcomes = events.iter().filter_map(|e| match &e.kind {
            EventKind::CommandApplied { .. } => Some(Ok(())),
            EventKind::CommandRejected { reason, .. } => Some(Err(reason.clone())),
            _ => None,
        });
        for e in entries {
            let Entry::Command { source, .. } = e else {
                continue;
            };
            let outcome = outcomes.next().unwrap_or(Ok(()));
            if let Some(owner) = key_owner(source) {
                self.outcomes.insert(owner, Outcome::Done(outcome));
            }
        }
    }
}

fn key_owner(source: &Source) -> Option<KeyOwner> {
    match source {
        Source::Device { factory, key, .. } => Some((Some(*factory), key.clone())),
        Source::Console { key } => Some((None, key.clone())),
        _ => None,
    }
}

/// The answer to a command with key `key`; the reason of a refusal in `lang` (the journal keeps English).
fn ack(key: &str, outcome: &Result<(), String>, repeat: bool, lang: Lang) -> String {
    Reply::Ack {
        key: key.to_string(),
        accepted: outcome.is_ok(),
        reason: outcome.as_ref().err().map(|r| crate::i18n::again(lang, r)),
        repeat,
    }
    .text()
}

/// Takes the devices' messages: each new key's command goes into the session's command path.
fn receive(
    mut bridge: ResMut<Bridge>,
    mut origins: ResMut<Origins>,
    mut commands: MessageWriter<Command>,
    mut controls: MessageWriter<HostControl>,
    session: Res<Session>,
) {
    for _ in 0..MAX_PER_UPDATE {
        let Ok(inbound) = bridge.inbound.try_recv() else {
            break;
        };
        let (owner, command, source) = match inbound {
            Inbound::Command {
                factory,
                who,
                key,
                command,
                reply,
                lang,
            } => (
                (Some(factory), key.clone()),
                (command, reply, lang),
                Source::Device { factory, who, key },
            ),
            Inbound::Control {
                key,
                control,
                reply,
                lang,
            } => {
                let command = match control_command(&control, &session) {
                    Ok(Some(c)) => c,
                    Ok(None) => {
                        if let Some(c) = clock_control(&control) {
                            controls.write(c);
                        }
                        let _ = reply.send(ack(&key, &Ok(()), false, lang));
                        continue;
                    }
                    Err(reason) => {
                        let _ = reply.send(ack(&key, &Err(reason), false, lang));
                        continue;
                    }
                };
                (
                    (None, key.clone()),
                    (command, reply, lang),
                    Source::Console { key },
                )
            }
        };
        let (command, reply, lang) = command;
        match bridge.outcomes.get_mut(&owner) {
            Some(Outcome::Done(outcome)) => {
                let _ = reply.send(ack(&owner.1, outcome, true, lang));
            }
            Some(Outcome::Pending(waiting)) => waiting.push((reply, lang)),
            None => {
                bridge
                    .outcomes
                    .insert(owner, Outcome::Pending(vec![(reply, lang)]));
                origins.give(&mut commands, command, source);
            }
        }
    }
}

/// The session command a console control gives (`None`: a clock control; an error: not possible).
fn control_command(control: &Control, session: &Session) -> Result<Option<Command>, String> {
    Ok(Some(match control {
        Control::StartRound => Command::StartRound,
        Control::EndRound => Command::EndRound,
        Control::Curate(c) => Command::Curate(c.clone()),
        Control::PinNow { note } => Command::Curate(crate::domain::Curation::PinMoment {
            t: session.now,
            team: None,
            note: note.trim().to_string(),
            on: true,
        }),
        Control::Inject { disruption, teams } => {
            let spec = session
                .model
                .palette
                .iter()
                .find(|d| d.id == *disruption)
                .ok_or_else(|| t!(En, "refuse-no-palette", disruption = disruption.as_str()))?;
            Command::Inject {
                disruption: spec.clone(),
                target: if teams.is_empty() {
                    Target::All
                } else {
                    Target::Factories(teams.clone())
                },
                at_minute: None,
            }
        }
        Control::Speed(s) if !SPEEDS.contains(s) => {
            return Err(t!(En, "refuse-speed", speeds = format!("{SPEEDS:?}")));
        }
        Control::Pause | Control::Resume | Control::Speed(_) => return Ok(None),
        // Revoking is the server's own business; it never reaches the app.
        Control::Revoke { .. } => return Err(t!(En, "refuse-not-control")),
    }))
}

fn clock_control(control: &Control) -> Option<HostControl> {
    match control {
        Control::Pause => Some(HostControl::Pause),
        Control::Resume => Some(HostControl::Resume),
        Control::Speed(s) => Some(HostControl::Speed(*s)),
        _ => None,
    }
}

/// Answers the devices whose commands the session just applied or rejected.
fn answer(mut bridge: ResMut<Bridge>, mut origins: ResMut<Origins>) {
    for a in origins.take_answers() {
        let Some(owner) = key_owner(&a.source) else {
            continue;
        };
        if let Some(Outcome::Pending(waiting)) = bridge.outcomes.get(&owner) {
            for (reply, lang) in waiting {
                let _ = reply.send(ack(&owner.1, &a.outcome, false, *lang));
            }
        }
        bridge.outcomes.insert(owner, Outcome::Done(a.outcome));
    }
}

fn push_line(lines: &mut VecDeque<TickerLine>, line: TickerLine) {
    lines.push_back(line);
    while lines.len() > TICKER_LINES {
        lines.pop_front();
    }
}

/// Keeps each team's ticker: the events that matter to it, in the game's words.
fn keep_tickers(
    mut bridge: ResMut<Bridge>,
    session: Res<Session>,
    mut events: MessageReader<SimEvent>,
) {
    for e in events.read() {
        if let EventKind::RoundStarted { .. } = e.kind {
            bridge.round_start = e.t;
            bridge.round_starts.push(e.t);
        }
        bridge.voices.observe(e);
        let minute = if session.round == 0 {
            0.0
        } else {
            minute_of_round(e.t, bridge.round_start)
        };
        let bridge = &mut *bridge;
        for lang in Lang::ALL {
            let Some((severity, text)) = describe(&session.model, e, lang) else {
                break;
            };
            let line = TickerLine::new(session.round, minute, severity, text);
            let room = &mut bridge.room_ticker[lang.index()];
            // A team's decision (a session event) goes to that team alone, as its factory's events do.
            match team_of(e) {
                Some(f) => {
                    if let Some(lines) = bridge.tickers.get_mut(f as usize) {
                        push_line(&mut lines[lang.index()], line.clone());
                    }
                    let name = session
                        .team_names
                        .get(f as usize)
                        .map(|n| session.model.lexicon.say(lang, n))
                        .unwrap_or_default();
                    let text = format!("{name}: {}", line.text);
                    push_line(room, TickerLine { text, ..line });
                }
                None => {
                    for lines in &mut bridge.tickers {
                        push_line(&mut lines[lang.index()], line.clone());
                    }
                    push_line(room, line);
                }
            }
        }
    }
}

/// Sends each team its state every [`PUBLISH_EVERY`], spread over the updates (a few teams each) so no
/// update stalls the answers to commands; and the console the room's state every [`ROOM_EVERY`].
fn publish(
    mut bridge: ResMut<Bridge>,
    session: Res<Session>,
    factories: Query<&FactorySim>,
    metrics: Res<LiveMetrics>,
    pace: Res<Pace>,
    countdowns: Option<Res<state::OfferCountdowns>>,
) {
    let none = state::OfferCountdowns::default();
    let countdowns = countdowns.as_deref().unwrap_or(&none);
    let now = Instant::now();
    let teams = session.factories.len();
    bridge.published.resize(teams, None);
    bridge.shown.resize(teams, Default::default());
    // As many teams as fall due in the time since the last update, the longest waiting first.
    let since = bridge
        .last_publish
        .map_or(PUBLISH_EVERY, |t| now.duration_since(t));
    bridge.last_publish = Some(now);
    let share = since.as_secs_f64() / (PUBLISH_EVERY.as_secs_f64() * 0.8);
    let allowed = ((teams as f64 * share).ceil() as usize).clamp(1, teams.max(1));
    let mut due: Vec<usize> = (0..teams)
        .filter(|&f| bridge.published[f].is_none_or(|t| now.duration_since(t) >= PUBLISH_EVERY))
        .collect();
    due.sort_by_key(|&f| bridge.published[f]);
    for f in due.into_iter().take(allowed) {
        let Some(sim) = session
            .factories
            .get(f)
            .and_then(|&e| factories.get(e).ok())
        else {
            continue;
        };
        let live = metrics.0.live(f, session.now);
        let mut figures = None;
        // The team's dialogue answers are the same in every language.
        let dialogue = super::voices::team_answers(&bridge.voices, f as u16);
        for lang in Lang::ALL {
            // A language no device of the team listens in is not built.
            let Some(tx) = bridge.shared.team_states.get(f).map(|t| &t[lang.index()]) else {
                continue;
            };
            if tx.receiver_count() == 0 && figures.is_some() {
                continue;
            }
            let ticker = bridge
                .tickers
                .get(f)
                .map(|t| t[lang.index()].iter().cloned().collect())
                .unwrap_or_default();
            let team = state::team_state(
                f as u16,
                &session,
                sim,
                live.clone(),
                ticker,
                &pace,
                countdowns,
                dialogue.clone(),
                lang,
            );
            if tx.receiver_count() > 0 {
                tx.send_replace(serde_json::to_string(&team).unwrap_or_default().into());
            }
            figures.get_or_insert(team.figures);
        }
        bridge.published[f] = Some(now);
        if let Some(figures) = figures {
            bridge.shown[f] = (figures, sim.org().design.clone());
        }
    }
    if bridge
        .room_published
        .is_some_and(|t| now.duration_since(t) < ROOM_EVERY)
    {
        return;
    }
    bridge.room_published = Some(now);
    for lang in Lang::ALL {
        let tx = &bridge.shared.room[lang.index()];
        if tx.receiver_count() > 0 {
            let ticker = &bridge.room_ticker[lang.index()];
            let room = bridge.shared.room_state(
                &session,
                &pace,
                &bridge.shown,
                ticker,
                (&bridge.voices, &bridge.round_starts),
                lang,
            );
            tx.send_replace(room.into());
        }
    }
}
