//! The headless host (`cakefactory host`): a session without a window, its clock driven by real time at the
//! pace the facilitator's console sets, recorded as it runs (and resumable), served to the devices.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::{Codes, Host, HostControl, Pace};
use crate::headless::record::{header, take_up};
use crate::headless::{RunOptions, config};
use crate::scenario::Model;
use crate::sim::record::{LoadedRecord, Recording, SessionKind};
use crate::sim::{Session, SessionConfig, SimSet, spawn_session};

/// The longest real time one update covers, so a stall does not skip a chunk of the round.
const MAX_STEP_SECS: f64 = 0.1;

/// How often the host updates the session (and answers the devices).
const FRAME: Duration = Duration::from_millis(10);

/// How often progress is marked in the journal while a round runs.
const MARK_EVERY: Duration = Duration::from_secs(2);

/// What to host.
pub struct HostOptions {
    /// The scenario (ignored when resuming: the record's own is used).
    pub model: Arc<Model>,
    /// The number of teams (the scenario's when `None`).
    pub teams: Option<u32>,
    /// The seed.
    pub seed: u64,
    /// The address to listen on.
    pub listen: SocketAddr,
    /// The address devices open, if not the listening address.
    pub public_url: Option<String>,
    /// The folder of the session's record (a new folder under `cakefactory-sessions/` when `None`).
    pub record: Option<PathBuf>,
    /// Take up this record's session instead of starting one.
    pub resume: Option<LoadedRecord>,
    /// The starting speed in simulated minutes per real second.
    pub speed: f64,
    /// Stop when the last round has ended (tests); otherwise serve on until stopped.
    pub exit_when_finished: bool,
}

/// What a started host tells its caller.
pub struct Started {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The facilitator's console page, with the key.
    pub console_url: String,
    /// Each team's name, join code and link.
    pub teams: Vec<(String, String, String)>,
    /// The session's record.
    pub record_dir: PathBuf,
}

/// Adds the headless clock: moves the session on by real time at the console's pace.
pub fn clock(app: &mut App) {
    app.add_systems(
        Update,
        (take_controls, drive)
            .chain()
            .before(SimSet::Commands)
            .run_if(resource_exists::<Session>),
    );
}

fn take_controls(mut controls: MessageReader<HostControl>, mut pace: ResMut<Pace>) {
    for c in controls.read() {
        match *c {
            HostControl::Pause => pace.paused = true,
            HostControl::Resume => pace.paused = false,
            HostControl::Speed(s) => pace.speed = s,
        }
    }
}

fn drive(pace: Res<Pace>, mut session: ResMut<Session>, mut last: Local<Option<Instant>>) {
    let now = Instant::now();
    let secs = last.map_or(0.0, |t| {
        now.duration_since(t).as_secs_f64().min(MAX_STEP_SECS)
    });
    *last = Some(now);
    let minutes = if pace.paused { 0.0 } else { secs * pace.speed };
    session.target = session
        .now
        .saturating_add((minutes * 60_000.0).round() as u64);
}

/// The app of a new hosted session, recorded in `dir`.
fn new_session(config: SessionConfig, dir: &std::path::Path) -> Result<App, String> {
    let mut app = App::new();
    app.add_plugins((crate::sim::plugin, crate::metrics::plugin));
    app.finish();
    app.cleanup();
    let recording = Recording::create(
        dir,
        &header(&config),
        &config.model.source,
        SessionKind::Game,
    )?;
    spawn_session(app.world_mut(), config);
    app.insert_resource(recording);
    Ok(app)
}

/// Runs a hosted session until `stop` is set (or, with `exit_when_finished`, the last round ends); `started`
/// is called once the host listens.
pub fn run(
    options: HostOptions,
    stop: Arc<AtomicBool>,
    started: impl FnOnce(&Started),
) -> Result<(), String> {
    let (mut app, dir, codes, remembered) = match &options.resume {
        Some(record) => {
            let rebuilt = take_up(record, Vec::new(), SessionKind::Game)?;
            let teams = record.header.teams.len();
            let codes = match Codes::load(&record.dir)? {
                Some(c) => c,
                None => Codes::new(teams)?,
            };
            let remembered = (record.entries.clone(), rebuilt.events);
            (rebuilt.app, record.dir.clone(), codes, Some(remembered))
        }
        None => {
            let run = RunOptions {
                seed: options.seed,
                teams: options.teams,
                design: None,
                plan: Vec::new(),
            };
            let config = config(Arc::clone(&options.model), &run)?;
            let dir = options.record.clone().unwrap_or_else(|| {
                crate::sim::record::unused(PathBuf::from(crate::sim::record::SESSIONS_DIR).join(
                    format!(
                        "host-{}-seed{}",
                        crate::sim::record::wall_ms() / 1000,
                        options.seed
                    ),
                ))
            });
            let codes = Codes::new(config.teams.len())?;
            (new_session(config, &dir)?, dir, codes, None)
        }
    };
    codes.save(&dir)?;
    let names = app.world().resource::<Session>().team_names.clone();
    let (host, mut bridge) = Host::start(
        options.listen,
        options.public_url.clone(),
        names.clone(),
        codes.clone(),
        Some(dir.clone()),
    )?;
    if let Some((entries, events)) = &remembered {
        bridge.remember(entries, events);
    }
    super::plugin(&mut app);
    clock(&mut app);
    app.insert_resource(bridge);
    app.insert_resource(Pace {
        paused: false,
        speed: options.speed,
    });
    started(&Started {
        addr: host.addr,
        console_url: host.console_url(),
        teams: names
            .iter()
            .enumerate()
            .map(|(f, n)| {
                (
                    n.clone(),
                    super::codes::grouped(&codes.teams[f]),
                    host.join_url(f as u16),
                )
            })
            .collect(),
        record_dir: dir.clone(),
    });
    serve(&mut app, &stop, options.exit_when_finished);
    drop(host);
    app.world_mut()
        .resource_scope(|world, mut r: Mut<Recording>| r.mark(world.resource::<Session>()));
    let error = app
        .world()
        .get_resource::<Recording>()
        .and_then(|r| r.error().map(str::to_string));
    match error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Updates the session every [`FRAME`] until stopped.
fn serve(app: &mut App, stop: &AtomicBool, exit_when_finished: bool) {
    let mut last_mark = Instant::now();
    let mut finished_at: Option<Instant> = None;
    while !stop.load(Ordering::Relaxed) {
        let frame = Instant::now();
        app.update();
        let (running, finished) = {
            let s = app.world().resource::<Session>();
            (s.running, s.finished)
        };
        if running && last_mark.elapsed() >= MARK_EVERY {
            last_mark = Instant::now();
            app.world_mut()
                .resource_scope(|world, mut r: Mut<Recording>| r.mark(world.resource::<Session>()));
        }
        if finished && exit_when_finished {
            // The devices get the final state before the host stops.
            let at = *finished_at.get_or_insert_with(Instant::now);
            if at.elapsed() >= super::bridge::PUBLISH_EVERY * 2 {
                break;
            }
        }
        if let Some(rest) = FRAME.checked_sub(frame.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}
