//! The game's session record: begun in the session's folder when a session starts, marked every few seconds
//! of play, and taken up again from the lobby's Resume list or `play --resume`: the session rebuilt from its
//! journal, checked against the record, and continued, paused, where it stood.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::clock::GameClock;
use super::record::{SESSIONS_DIR, SessionFolder};
use super::state::Screen;
use super::ui::Notice;
use super::ui::lobby::Resumable;
use crate::domain::SimEvent;
use crate::factory::FactorySim;
use crate::headless::record::{check_rebuilt, header, rebuild_record};
use crate::sim::record::{self, EVENTS_FILE, Entry, JOURNAL_FILE, Recording, SessionKind};
use crate::sim::{Session, SessionConfig, SimSet};
use crate::t;

/// How often the journal marks how far a running session got, in seconds of real time.
const MARK_EVERY_SECONDS: f64 = 2.0;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ResumeGame>();
    app.add_systems(Startup, resume_from_command_line);
    app.add_systems(PreUpdate, resume);
    app.add_systems(
        Update,
        mark_progress
            .after(SimSet::Observe)
            .run_if(resource_exists::<Recording>.and_then(resource_exists::<Session>)),
    );
}

/// A request to take up the session recorded in a folder.
#[derive(Message, Clone, Debug)]
pub struct ResumeGame(pub PathBuf);

fn resume_from_command_line(
    options: Res<super::PlayOptions>,
    mut requests: MessageWriter<ResumeGame>,
) {
    if let Some(dir) = &options.resume {
        requests.write(ResumeGame(dir.clone()));
    }
}

/// Marks the session's progress in the journal every few seconds while it moves; a record that can no
/// longer be written is said once (the game goes on).
fn mark_progress(
    mut recording: ResMut<Recording>,
    session: Res<Session>,
    time: Res<Time<Real>>,
    mut notice: ResMut<Notice>,
    mut last: Local<Option<(f64, crate::domain::SimTime)>>,
    mut said: Local<bool>,
) {
    let now = time.elapsed_secs_f64();
    let due = last.is_none_or(|(at, t)| t != session.now && now - at >= MARK_EVERY_SECONDS);
    if due {
        recording.mark(&session);
        *last = Some((now, session.now));
    }
    if let Some(e) = recording.error()
        && !*said
    {
        notice.0 = Some((
            format!("The session's record is incomplete: {e}"),
            now + 15.0,
        ));
        *said = true;
    }
}

/// Begins the record of the session `config` just started; when it cannot be written the game says so and
/// goes on unrecorded.
pub fn begin(world: &mut World, config: &SessionConfig) {
    let dir = SessionFolder::new_dir(config.seed);
    let made = Recording::create(
        &dir,
        &header(config),
        &config.model.source,
        SessionKind::Game,
    );
    world.remove_resource::<Recording>();
    let recorded = match made {
        Ok(r) => {
            world.insert_resource(r);
            true
        }
        Err(e) => {
            say(world, format!("The session is not recorded: {e}"));
            false
        }
    };
    *world.resource_mut::<SessionFolder>() = SessionFolder {
        dir: Some(dir),
        recorded,
    };
}

fn say(world: &mut World, text: String) {
    let until = world.resource::<Time<Real>>().elapsed_secs_f64() + 8.0;
    world.resource_mut::<Notice>().0 = Some((text, until));
}

fn resume(world: &mut World) {
    let Some(ResumeGame(dir)) = world.resource_mut::<Messages<ResumeGame>>().drain().last() else {
        return;
    };
    match take_up(world, &dir) {
        Ok(text) => say(world, text),
        Err(e) => {
            let l = world
                .get_resource::<super::ui::UiSettings>()
                .map_or(crate::i18n::Lang::En, |s| s.lang);
            say(world, t!(l, "resume-failed", error = e));
        }
    }
}

/// Rebuilds the session recorded in `dir` into the game, paused where it stood; what happened is said.
fn take_up(world: &mut World, dir: &Path) -> Result<String, String> {
    let record = record::load(dir).map_err(|e| e.to_string())?;
    let rebuilt = rebuild_record(&record, Vec::new())?;
    check_rebuilt(&record, &rebuilt.events)?;
    // The log and the hashes are written anew from the events as the game takes them in.
    let recording = Recording::reopen(
        dir,
        SessionKind::Game,
        record.valid_len,
        record.last_seq(),
        &[],
    )?;
    transplant(world, rebuilt.app, rebuilt.events);
    world.insert_resource(recording);
    *world.resource_mut::<SessionFolder>() = SessionFolder {
        dir: Some(dir.to_path_buf()),
        recorded: true,
    };
    world.resource_mut::<GameClock>().paused = true;
    let l = world
        .get_resource::<super::ui::UiSettings>()
        .map_or(crate::i18n::Lang::En, |s| s.lang);
    let s = world.resource::<Session>();
    let (screen, text) = if s.finished {
        (Screen::Final, t!(l, "resumed-over"))
    } else if s.running {
        (
            Screen::Playing,
            t!(
                l,
                "resumed-running",
                round = s.round,
                clock = super::ui::clock(s.minute())
            ),
        )
    } else if s.round == 0 {
        (Screen::Briefing, t!(l, "lobby-before-first"))
    } else {
        (Screen::RoundEnd, t!(l, "resumed-between", round = s.round))
    };
    world.resource_mut::<NextState<Screen>>().set(screen);
    let mut said = t!(l, "resumed", dir = dir.display().to_string(), state = text);
    for w in &record.warnings {
        said.push_str(&format!(" ({w})"));
    }
    Ok(said)
}

/// Moves a rebuilt session out of its own app into the game's world, replacing the game's session, and
/// hands the game every event it produced (ticker, metrics, offers and the record take them in).
pub(super) fn transplant(world: &mut World, mut app: App, events: Vec<SimEvent>) {
    let Some(mut session) = app.world_mut().remove_resource::<Session>() else {
        return;
    };
    if let Some(old) = world.remove_resource::<Session>() {
        for e in old.factories {
            world.despawn(e);
        }
    }
    let mut factories = Vec::with_capacity(session.factories.len());
    for &e in &session.factories {
        if let Some(f) = app.world_mut().entity_mut(e).take::<FactorySim>() {
            factories.push(world.spawn(f).id());
        }
    }
    session.factories = factories;
    world.insert_resource(session);
    world.write_message_batch(events);
}

/// The unfinished sessions recorded under `root`, newest first.
pub fn unfinished(root: &Path) -> Vec<Resumable> {
    let Ok(dirs) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut found: Vec<Resumable> = dirs
        .filter_map(Result::ok)
        .filter_map(|d| resumable(&d.path()))
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.started_wall_ms));
    found
}

/// The unfinished sessions in the game's folder, newest first.
pub fn unfinished_sessions() -> Vec<Resumable> {
    unfinished(Path::new(SESSIONS_DIR))
}

fn resumable(dir: &Path) -> Option<Resumable> {
    let text = std::fs::read_to_string(dir.join(record::HEADER_FILE)).ok()?;
    let header: record::Header = serde_json::from_str(&text).ok()?;
    if ended(&dir.join(EVENTS_FILE)) {
        return None;
    }
    let journal = std::fs::read_to_string(dir.join(JOURNAL_FILE)).unwrap_or_default();
    let last = journal
        .lines()
        .rev()
        .find_map(|l| serde_json::from_str::<Entry>(l).ok());
    let reached = match last {
        Some(Entry::Command { round, minute, .. } | Entry::Reached { round, minute, .. })
            if round > 0 =>
        {
            Some((round, minute.max(0.0).round() as u64))
        }
        _ => None,
    };
    Some(Resumable {
        dir: dir.to_path_buf(),
        scenario: header.scenario,
        teams: header.teams.len(),
        seed: header.seed,
        reached,
        started_wall_ms: header.started_wall_ms,
    })
}

/// Whether an event log ends with the session's end.
fn ended(log: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = std::fs::File::open(log) else {
        return false;
    };
    let len = f.metadata().map_or(0, |m| m.len());
    let mut tail = Vec::new();
    let _ = f.seek(SeekFrom::Start(len.saturating_sub(4096)));
    let _ = f.read_to_end(&mut tail);
    String::from_utf8_lossy(&tail).contains("\"type\":\"SessionEnded\"")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::game::record::{EventRecord, InjectionLog, Ticker};
    use crate::headless::record::run_recorded;
    use crate::headless::{RunOptions, parse_plan};
    use crate::metrics::LiveMetrics;

    fn model() -> Arc<crate::scenario::Model> {
        let (name, src) = crate::scenario::shipped("cake_factory_2").unwrap();
        Arc::new(crate::scenario::load_str(name, src).unwrap())
    }

    /// A recorded run of 3 teams with an injection and decisions, and its report.
    fn recorded(dir: &Path) -> crate::metrics::Report {
        let _ = std::fs::remove_dir_all(dir);
        let mut options = RunOptions {
            seed: 5,
            teams: Some(3),
            ..Default::default()
        };
        let config = crate::headless::config(model(), &options).unwrap();
        let plan = r#"[
            (round: 1, minute: 0, command: Team(factory: 1, action: SetDesign("cross_functional"))),
            (round: 1, minute: 90, command: Inject(disruption: (id: "oven", headline: "An oven breaks",
                kind: StationBreakdown(station: "oven", duration_min: 60)), target: Factories([0, 2]))),
            (round: 2, minute: 30, command: Team(factory: 0, action: SetSpanner(worker: "sara", on: true))),
        ]"#;
        options.plan = parse_plan("plan", plan, &config).unwrap();
        run_recorded(model(), &options, Vec::new(), dir).unwrap()
    }

    /// A window-less app with what resuming touches: the simulation, the metrics, the game's record of
    /// events, its clock, notices and screens.
    fn game_app() -> App {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, bevy::state::app::StatesPlugin));
        app.add_plugins((crate::sim::plugin, crate::metrics::plugin));
        app.add_plugins(crate::game::record::plugin);
        app.init_state::<Screen>()
            .init_resource::<Notice>()
            .init_resource::<GameClock>()
            .add_message::<ResumeGame>()
            .add_systems(PreUpdate, resume);
        app
    }

    /// A record's folder, alone in a folder of its own.
    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir()
            .join(format!("cakefactory-resume-{}-{name}", std::process::id()))
            .join("record")
    }

    #[test]
    fn a_resumed_session_stands_where_its_record_left_it() {
        let dir = temp("whole");
        let report = recorded(&dir);
        let mut app = game_app();
        app.world_mut().write_message(ResumeGame(dir.clone()));
        app.update();
        app.update();
        let s = app.world().resource::<Session>();
        assert!(s.finished, "the record is of a finished session");
        assert_eq!(s.factories.len(), 3);
        let again = app.world().resource::<LiveMetrics>().0.report();
        assert_eq!(
            serde_json::to_string(&again).unwrap(),
            serde_json::to_string(&report).unwrap()
        );
        let log = std::fs::read_to_string(dir.join(EVENTS_FILE)).unwrap();
        assert_eq!(
            app.world().resource::<EventRecord>().0.len(),
            log.lines().count(),
            "the game takes in every event, and the record's log is written anew with them"
        );
        assert_eq!(app.world().resource::<InjectionLog>().0.len(), 1);
        assert_eq!(app.world().resource::<InjectionLog>().0[0].minute, 90.0);
        assert!(!app.world().resource::<Ticker>().items.is_empty());
        assert!(app.world().resource::<SessionFolder>().recorded);
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }

    #[test]
    fn a_session_cut_short_resumes_paused_in_its_round_and_verifies_after() {
        let dir = temp("cut");
        recorded(&dir);
        // As if the program died in round 2: the journal up to the spanner, no later hashes or events.
        let journal = std::fs::read_to_string(dir.join(JOURNAL_FILE)).unwrap();
        let cut: String = journal
            .split_inclusive('\n')
            .take_while(|l| !l.contains("SetSpanner"))
            .collect();
        std::fs::write(dir.join(JOURNAL_FILE), cut).unwrap();
        std::fs::write(dir.join(record::HASHES_FILE), "").unwrap();
        std::fs::write(dir.join(EVENTS_FILE), "").unwrap();
        assert_eq!(
            unfinished(dir.parent().unwrap()).first().map(|r| &r.dir),
            Some(&dir)
        );
        let mut app = game_app();
        app.world_mut().write_message(ResumeGame(dir.clone()));
        app.update();
        app.update();
        let s = app.world().resource::<Session>();
        assert_eq!((s.round, s.running, s.finished), (2, true, false));
        assert!(app.world().resource::<GameClock>().paused);
        let screen = app.world().resource::<State<Screen>>();
        assert_eq!(*screen.get(), Screen::Playing);
        // The record goes on and still verifies.
        drop(app);
        let loaded = record::load(&dir).unwrap();
        assert!(crate::headless::record::verify(&loaded).is_ok());
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }
}
