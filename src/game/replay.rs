//! Replaying a recorded session in the game: the record put at any moment (the floor, the top bar and the
//! ticker as they were then), played on at the game's speeds with its commands applied as they came, two
//! teams or one team in two rounds side by side under one scrubber, and what-ifs from any moment run to the
//! end and compared with what happened. Nothing here records or changes the record; a what-if is saved as a
//! branch beside it.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use super::clock::GameClock;
use super::record::SessionFolder;
use super::state::Screen;
use super::ui::replay::{Compare, ReplayAction};
use super::ui::{Notice, UiSettings};
use crate::debrief::Debrief;
use crate::debrief::timeline::Timeline;
use crate::domain::{Command, SimTime};
use crate::factory::{FactorySim, FactoryView};
use crate::headless::record::{check_rebuilt, rebuild, rebuild_record};
use crate::headless::replay::{Added, WhatIf, end_of, session_at, what_if, who_in};
use crate::metrics::LiveMetrics;
use crate::metrics::collector::Live;
use crate::sim::record::{self, BRANCHES_DIR, Entry, LoadedRecord, Recording};
use crate::sim::{Session, SimSet};
use crate::t;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<OpenReplay>()
        .add_message::<ReplayAction>();
    app.add_systems(Startup, replay_from_command_line);
    app.add_systems(PreUpdate, (open, act).chain());
    let replaying = in_state(Screen::Replay)
        .and_then(resource_exists::<Replay>)
        .and_then(resource_exists::<Session>);
    app.add_systems(
        Update,
        (
            drive.before(SimSet::Commands).run_if(replaying.clone()),
            follow_other.after(SimSet::Observe).run_if(replaying),
        ),
    );
}

/// A request to replay the session recorded in `dir`, from moment `at` (the start of the first round when
/// `None`).
#[derive(Message, Clone, Debug, PartialEq)]
pub struct OpenReplay {
    /// The record's folder.
    pub dir: PathBuf,
    /// The moment to show first.
    pub at: Option<SimTime>,
}

/// A what-if being put together.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// Its moment.
    pub at: SimTime,
    /// The record's team decisions left out.
    pub removed: Vec<u64>,
    /// The decisions added.
    pub added: Vec<Added>,
}

/// A what-if run to the end beside what happened.
#[derive(Clone)]
pub struct Outcome {
    /// Its moment.
    pub at: SimTime,
    /// Where its record is kept.
    pub dir: PathBuf,
    /// What happened.
    pub actual: Arc<Debrief>,
    /// What would have happened.
    pub what_if: Arc<Debrief>,
}

/// The replay in progress.
#[derive(Resource)]
pub struct Replay {
    /// The record.
    pub record: Arc<LoadedRecord>,
    /// Its timeline.
    pub timeline: Timeline,
    /// The next journal line to apply as the replay plays on.
    pub next: usize,
    /// What shows beside the team on screen.
    pub compare: Compare,
    /// The what-if being put together.
    pub draft: Option<Draft>,
    /// The last what-if run.
    pub outcome: Option<Outcome>,
    /// What happened, for comparisons.
    pub actual: Arc<Debrief>,
}

/// The team on screen in the other round of a [`Compare::Round`], as the UI shows it.
#[derive(Resource, Clone)]
pub struct OtherRound {
    /// The moment in the other round.
    pub t: SimTime,
    /// The team's factory then.
    pub view: FactoryView,
    /// The team's design then.
    pub design: String,
    /// Its figures then.
    pub live: Live,
}

/// The second session of a round comparison, kept at the other round's moment.
struct OtherSession {
    app: App,
    round: u32,
    t: SimTime,
}

fn replay_from_command_line(options: Res<super::PlayOptions>, mut open: MessageWriter<OpenReplay>) {
    if let Some(dir) = &options.replay {
        open.write(OpenReplay {
            dir: dir.clone(),
            at: None,
        });
    }
}

fn say(world: &mut World, text: String) {
    let until = world.resource::<Time<Real>>().elapsed_secs_f64() + 8.0;
    world.resource_mut::<Notice>().0 = Some((text, until));
}

fn open(world: &mut World) {
    let Some(request) = world.resource_mut::<Messages<OpenReplay>>().drain().last() else {
        return;
    };
    if let Err(e) = start(world, &request) {
        let l = world
            .get_resource::<UiSettings>()
            .map_or(crate::i18n::Lang::En, |s| s.lang);
        say(world, t!(l, "replay-cannot", error = e));
    }
}

/// Loads and checks the record, builds its timeline and shows its first moment.
fn start(world: &mut World, request: &OpenReplay) -> Result<(), String> {
    let l = world
        .get_resource::<UiSettings>()
        .map_or(crate::i18n::Lang::En, |s| s.lang);
    let record = record::load(&request.dir).map_err(|e| e.to_string())?;
    let whole = rebuild_record(&record, Vec::new())?;
    check_rebuilt(&record, &whole.events)?;
    let mut timeline = Timeline::new(
        &record.model,
        &whole.events,
        &record.entries,
        |s| who_in(&record, s, l),
        l,
    );
    // The record may reach a moment after its last event (a mark): the timeline goes that far.
    timeline.end = timeline.end.max(end_of(&record));
    let actual = Arc::new(
        Debrief::from_record(&whole.events, &record.entries)?.with_model(Arc::clone(&record.model)),
    );
    let first = timeline.rounds.first().map_or(SimTime::ZERO, |r| r.start);
    // The replay records nothing: a live session's record stays as it is on disk.
    world.remove_resource::<Recording>();
    *world.resource_mut::<SessionFolder>() = SessionFolder {
        dir: Some(request.dir.clone()),
        recorded: true,
    };
    world.insert_resource(Replay {
        record: Arc::new(record),
        timeline,
        next: 0,
        compare: Compare::Off,
        draft: None,
        outcome: None,
        actual,
    });
    world.resource_mut::<GameClock>().paused = true;
    seek(world, request.at.unwrap_or(first))?;
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Replay);
    Ok(())
}

/// Puts the game's session at moment `t` of the record.
fn seek(world: &mut World, t: SimTime) -> Result<(), String> {
    let record = Arc::clone(&world.resource::<Replay>().record);
    let t = t.min(end_of(&record));
    let at = session_at(&record, t)?;
    super::recording::transplant(world, at.app, at.events);
    let mut replay = world.resource_mut::<Replay>();
    replay.next = record.entries.partition_point(|e| e.t() <= t);
    Ok(())
}

fn act(world: &mut World) {
    let actions: Vec<ReplayAction> = world
        .resource_mut::<Messages<ReplayAction>>()
        .drain()
        .collect();
    for a in actions {
        if !world.contains_resource::<Replay>() {
            return;
        }
        if let Err(e) = act_on(world, a) {
            say(world, e);
        }
    }
}

fn now(world: &World) -> SimTime {
    world
        .get_resource::<Session>()
        .map_or(SimTime::ZERO, |s| s.now)
}

fn act_on(world: &mut World, action: ReplayAction) -> Result<(), String> {
    match action {
        ReplayAction::Seek(t) => seek(world, t)?,
        ReplayAction::Step { kind, forward } => {
            let team = world.resource::<UiSettings>().selected as u16;
            let t = now(world);
            let to = world
                .resource::<Replay>()
                .timeline
                .step(kind, team, t, forward);
            match to {
                Some(to) => seek(world, to)?,
                None => {
                    let l = world
                        .get_resource::<UiSettings>()
                        .map_or(crate::i18n::Lang::En, |s| s.lang);
                    let name = world
                        .get_resource::<Session>()
                        .and_then(|s| {
                            s.team_names
                                .get(team as usize)
                                .map(|n| s.model.lexicon.say(l, n).to_string())
                        })
                        .unwrap_or_default();
                    let kind = kind.name(l);
                    return Err(if forward {
                        t!(l, "replay-no-later", team = name, kind = kind)
                    } else {
                        t!(l, "replay-no-earlier", team = name, kind = kind)
                    });
                }
            }
        }
        ReplayAction::Compare(c) => world.resource_mut::<Replay>().compare = c,
        ReplayAction::WhatIfHere => {
            let at = now(world);
            let mut replay = world.resource_mut::<Replay>();
            replay.draft = Some(Draft {
                at,
                ..Default::default()
            });
            replay.outcome = None;
        }
        ReplayAction::ToggleRemove(seq) => {
            if let Some(d) = world.resource_mut::<Replay>().draft.as_mut() {
                match d.removed.iter().position(|s| *s == seq) {
                    Some(i) => {
                        d.removed.remove(i);
                    }
                    None => d.removed.push(seq),
                }
            }
        }
        ReplayAction::Add(command) => {
            let t = now(world);
            if let Some(d) = world.resource_mut::<Replay>().draft.as_mut() {
                d.added.push(Added {
                    t: t.max(d.at),
                    command,
                });
            }
        }
        ReplayAction::Forget(i) => {
            if let Some(d) = world.resource_mut::<Replay>().draft.as_mut()
                && i < d.added.len()
            {
                d.added.remove(i);
            }
        }
        ReplayAction::RunWhatIf => run_what_if(world)?,
        ReplayAction::CloseWhatIf => {
            let mut replay = world.resource_mut::<Replay>();
            replay.draft = None;
            replay.outcome = None;
        }
        ReplayAction::Pin(note) => pin(world, note)?,
        ReplayAction::Leave => leave(world)?,
    }
    Ok(())
}

/// Pins the moment on screen for the team on screen, beside the record (the record itself stays as played).
fn pin(world: &mut World, note: String) -> Result<(), String> {
    let t = now(world);
    let team = world.resource::<UiSettings>().selected as u16;
    let l = world.resource::<UiSettings>().lang;
    let replay = world.resource::<Replay>();
    let moment = replay.timeline.moment(t);
    let dir = replay.record.dir.clone();
    let pin = crate::domain::Curation::PinMoment {
        t,
        team: Some(team),
        note,
        on: true,
    };
    crate::debrief::pins::pin(&dir, &pin).map_err(|e| crate::i18n::again(l, &e))?;
    let at = match moment {
        (0, minute) => super::ui::clock(minute),
        (round, minute) => format!("R{round} {}", super::ui::clock(minute)),
    };
    say(world, t!(l, "replay-pinned", moment = at));
    Ok(())
}

/// Runs the draft to the end as a branch of the record and keeps the outcome beside what happened.
fn run_what_if(world: &mut World) -> Result<(), String> {
    let replay = world.resource::<Replay>();
    let Some(draft) = replay.draft.clone() else {
        return Ok(());
    };
    let record = Arc::clone(&replay.record);
    let actual = Arc::clone(&replay.actual);
    let (round, minute) = replay.timeline.moment(draft.at);
    let dir = fresh_branch(&record.dir, round, minute);
    let change = WhatIf {
        at: draft.at,
        remove: draft.removed.clone(),
        add: draft.added.clone(),
    };
    let branch = what_if(&record, &change, Some(&dir))?;
    let what_if =
        Arc::new(Debrief::from_events(&branch.events)?.with_model(Arc::clone(&record.model)));
    world.resource_mut::<Replay>().outcome = Some(Outcome {
        at: draft.at,
        dir: dir.clone(),
        actual,
        what_if,
    });
    let l = world
        .get_resource::<UiSettings>()
        .map_or(crate::i18n::Lang::En, |s| s.lang);
    let name = dir
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    say(world, t!(l, "replay-saved", name = name));
    Ok(())
}

/// A new branch folder of the record in `dir` for a what-if from round `round`, minute `minute`.
fn fresh_branch(dir: &std::path::Path, round: u32, minute: f64) -> PathBuf {
    super::record::unused(
        dir.join(BRANCHES_DIR)
            .join(format!("whatif-r{round}-m{}", minute.floor() as u64)),
    )
}

/// Leaves the replay with the whole recorded session in place: its final standings when it finished, the
/// lobby otherwise.
fn leave(world: &mut World) -> Result<(), String> {
    let end = end_of(&world.resource::<Replay>().record);
    seek(world, end)?;
    world.remove_resource::<Replay>();
    world.remove_non_send::<OtherSession>();
    world.remove_resource::<OtherRound>();
    let finished = world.resource::<Session>().finished;
    world.resource_mut::<NextState<Screen>>().set(if finished {
        Screen::Final
    } else {
        Screen::Lobby
    });
    Ok(())
}

/// Plays the replay on: the record's commands at their moments, the clock as the game's speed says.
fn drive(
    time: Res<Time<Real>>,
    mut clock: ResMut<GameClock>,
    mut replay: ResMut<Replay>,
    mut session: ResMut<Session>,
    mut commands: MessageWriter<Command>,
) {
    let replay = &mut *replay;
    while let Some(e) = replay.record.entries.get(replay.next) {
        if e.t() > session.now {
            break;
        }
        if let Some(c) = e.command() {
            commands.write(c.clone());
        }
        replay.next += 1;
    }
    let end = replay.timeline.end;
    if session.now >= end {
        clock.paused = true;
    }
    if clock.paused {
        session.target = session.now;
        return;
    }
    let secs = time.delta_secs_f64().min(0.1);
    let ms = (secs * clock.minutes_per_second() * 60_000.0)
        .round()
        .max(1.0) as u64;
    let next = replay
        .record
        .entries
        .get(replay.next)
        .map_or(end, Entry::t)
        .min(end);
    session.target = session.now.saturating_add(ms).min(next);
}

/// Keeps the second session of a round comparison at the same minute of its round as the one on screen.
fn follow_other(world: &mut World) {
    let Compare::Round(round) = world.resource::<Replay>().compare else {
        world.remove_non_send::<OtherSession>();
        world.remove_resource::<OtherRound>();
        return;
    };
    let now = now(world);
    let record = Arc::clone(&world.resource::<Replay>().record);
    let Some(t) = world.resource::<Replay>().timeline.same_minute(now, round) else {
        return;
    };
    let moved = match world.get_non_send_mut::<OtherSession>() {
        Some(mut o) if o.round == round && o.t <= t => {
            let from = o.t;
            let mut lines: Vec<Entry> = record
                .entries
                .iter()
                .filter(|e| e.t() > from && e.t() <= t)
                .cloned()
                .collect();
            lines.push(Entry::Reached {
                t,
                round,
                minute: 0.0,
                wall_ms: 0,
            });
            o.t = t;
            rebuild(&mut o.app, &lines)
        }
        _ => session_at(&record, t).map(|at| {
            world.insert_non_send(OtherSession {
                app: at.app,
                round,
                t,
            });
        }),
    };
    if let Err(e) = moved {
        say(world, e);
        world.resource_mut::<Replay>().compare = Compare::Off;
        return;
    }
    let team = world.resource::<UiSettings>().selected;
    let Some(other) = world.get_non_send::<OtherSession>() else {
        return;
    };
    let w = other.app.world();
    let s = w.resource::<Session>();
    let Some(f) = s.factories.get(team).and_then(|&e| w.get::<FactorySim>(e)) else {
        return;
    };
    let shown = OtherRound {
        t,
        view: f.view(),
        design: s.model.design_title(&f.org().design).to_string(),
        live: w
            .resource::<LiveMetrics>()
            .0
            .live(team, s.now)
            .unwrap_or_default(),
    };
    world.insert_resource(shown);
}
