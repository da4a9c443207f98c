//! `play --smoke DIR`: a scripted session as a player would drive it (3 teams: start, play at speed, inject a
//! disruption and a rush offer, move a worker, switch team, open the console, end the round), saving screenshots of the floor,
//! the console and the round-end summary, then checking they were written and are not blank.

use std::path::{Path, PathBuf};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use super::PlayOptions;
use super::clock::GameClock;
use super::debrief::{self, DebriefView, Tab};
use super::presenter::DeskCamera;
use super::record::{OpenOffers, SessionFolder};
use super::replay::Replay;
use super::screens::{OpenDebrief, Screen, StartGame};
use super::ui::console::{CONFIRM_END, END_ROUND};
use super::ui::menu::TEXT_SIZE;
use super::ui::remembered;
use super::ui::replay::{Compare, ReplayAction};
use super::ui::{PendingActions, UiAction, UiSettings};
use crate::debrief::timeline::MarkerKind;
use crate::domain::{Command, DisruptionKind, Target, TeamAction};
use crate::factory::FactorySim;
use crate::sim::Session;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::input::mouse::MouseButtonInput;
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};
use bevy_egui::egui;
use bevy_egui::{EguiContext, PrimaryEguiContext};

/// Screenshots the smoke test takes, in order.
pub const SHOTS: [&str; 17] = [
    "lobby.png",
    "briefing.png",
    "floor.png",
    "console.png",
    "round_end.png",
    "debrief_scoreboard.png",
    "debrief_flow.png",
    "debrief_collaboration.png",
    "debrief_disruptions.png",
    "debrief_compare.png",
    "debrief_reflection.png",
    "replay_moment.png",
    "replay_side_by_side.png",
    "replay_whatif.png",
    "sv_lobby.png",
    "sv_floor.png",
    "sv_debrief.png",
];

#[derive(Resource)]
struct Script {
    dir: PathBuf,
    step: usize,
    /// Frames spent in the current step.
    frames: u32,
    total: u32,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, setup);
    app.add_systems(Update, run.run_if(resource_exists::<Script>));
}

fn setup(mut commands: Commands, options: Res<PlayOptions>) {
    if let Some(dir) = &options.smoke {
        let _ = std::fs::create_dir_all(dir);
        for shot in all_shots(true) {
            let _ = std::fs::remove_file(dir.join(shot));
        }
        commands.insert_resource(Script {
            dir: dir.clone(),
            step: 0,
            frames: 0,
            total: 0,
        });
    }
}

/// Shoots the room's window as `name`, and in the presenter view the facilitator's as `desk_<name>`.
fn shoot(commands: &mut Commands, desk: Option<Entity>, dir: &Path, name: &str) {
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(dir.join(name)));
    if let Some(window) = desk {
        commands
            .spawn(Screenshot::window(window))
            .observe(save_to_disk(dir.join(format!("desk_{name}"))));
    }
}

/// The screenshots the script takes: the room's, and the desk's in the presenter view.
fn all_shots(presenter: bool) -> Vec<String> {
    SHOTS
        .iter()
        .map(|s| s.to_string())
        .chain(
            SHOTS
                .iter()
                .filter(|_| presenter)
                .map(|s| format!("desk_{s}")),
        )
        .collect()
}

/// What the script reads and drives.
#[derive(SystemParam)]
struct Game<'w, 's> {
    commands: Commands<'w, 's>,
    options: Res<'w, PlayOptions>,
    screen: Res<'w, State<Screen>>,
    session: Option<Res<'w, Session>>,
    factories: Query<'w, 's, &'static FactorySim>,
    clock: ResMut<'w, GameClock>,
    settings: ResMut<'w, UiSettings>,
    start_game: MessageWriter<'w, StartGame>,
    sim: MessageWriter<'w, Command>,
    exit: MessageWriter<'w, AppExit>,
    open_debrief: MessageWriter<'w, OpenDebrief>,
    view: Option<ResMut<'w, DebriefView>>,
    desk: Query<'w, 's, &'static DeskCamera>,
    primary: Query<'w, 's, Entity, With<PrimaryWindow>>,
    keyboard: MessageWriter<'w, KeyboardInput>,
    pending: ResMut<'w, PendingActions>,
    offers: Res<'w, OpenOffers>,
    contexts: Query<'w, 's, (&'static mut EguiContext, Has<PrimaryEguiContext>)>,
    window_events: MessageWriter<'w, WindowEvent>,
    folder: Res<'w, SessionFolder>,
    replay: Option<Res<'w, Replay>>,
    /// The text size before the slider was dragged.
    smoke_scale: Local<'s, f32>,
    hosting: ResMut<'w, super::hosting::Hosting>,
    served: Option<Res<'w, super::hosting::Served>>,
    /// Team 1's code as the lobby gave it out.
    lobby_code: Local<'s, Option<String>>,
    /// The smoke device's answer, when it comes.
    device_answer:
        Local<'s, std::sync::Arc<std::sync::Mutex<Option<Result<serde_json::Value, String>>>>>,
}

impl Game<'_, '_> {
    fn on(&self, screen: Screen) -> bool {
        *self.screen.get() == screen
    }

    /// The facilitator's window, in the presenter view.
    fn desk(&self) -> Option<Entity> {
        self.desk.iter().next().map(|d| d.window)
    }

    /// Takes screenshot `name`.
    fn shoot(&mut self, dir: &Path, name: &str) {
        let desk = self.desk();
        shoot(&mut self.commands, desk, dir, name);
    }

    /// Minutes since the session started (0 without one).
    fn minutes(&self) -> f64 {
        self.session.as_ref().map_or(0.0, |s| s.now.minutes())
    }
}

fn run(mut script: ResMut<Script>, mut g: Game) {
    script.frames += 1;
    script.total += 1;
    if script.total > 5000 {
        error!("smoke test: stuck at step {}", script.step);
        g.exit.write(AppExit::error());
        return;
    }
    let dir = script.dir.clone();
    let f = script.frames;
    let done = match script.step {
        // Let the window settle, then start a session of three teams.
        0 => lobby(&mut g, &dir, f),
        1 if g.on(Screen::Briefing) && f > 20 => shot(&mut g, &dir, 1),
        // A team's device joins through the window's host, with a real WebSocket, and decides.
        2 => device_decides(&mut g, f),
        3 if f > 10 => start_round(&mut g),
        // The facilitator's keys, through the real keyboard input: a speed while paused, Tab, Shift+Tab, Space.
        4 => keys(&mut g, f),
        // Play until an hour has passed, then act as a facilitator and a team would.
        5 if g.session.as_ref().is_some_and(|s| s.running) && g.minutes() >= 60.0 => {
            disrupt_and_move(&mut g)
        }
        6 if f > 30 && g.minutes() >= 150.0 => offers_count_down(&mut g) && shot(&mut g, &dir, 2),
        7 if f == 5 => {
            g.settings.show_console = true;
            false
        }
        7 if f > 25 => shot(&mut g, &dir, 3),
        // End the round with the mouse, through the window's input, as the facilitator would: the console's
        // End round button, then its confirmation.
        8 => end_round_by_mouse(&mut g, f),
        9 if g.on(Screen::RoundEnd) && f > 20 => shot(&mut g, &dir, 4),
        // The text size with the mouse: dragging the slider changes nothing until it is released.
        10 => text_size_by_mouse(&mut g, f),
        // The debrief of the session so far, every tab, and an export.
        11 if f > 10 => {
            g.open_debrief.write(OpenDebrief);
            true
        }
        12..=17 if g.on(Screen::Debrief) => debrief_tab(&mut g, &dir, script.step - 12, f),
        18 if f > 10 => export(&mut g, &dir),
        // The replay of the session's record: it plays, steps to the disruption, shows two teams side by
        // side, runs a what-if, and leaves.
        19 => open_replay(&mut g, f),
        20 => replay_plays_and_steps(&mut g, &dir, f),
        21 => side_by_side(&mut g, &dir, f),
        22 => what_if(&mut g, &dir, f),
        23 => leave_replay(&mut g, f),
        // In Swedish: the lobby's language switch with the mouse, then a session's floor with its ticker and
        // a disruption's headline.
        24 => swedish_lobby(&mut g, &dir, f),
        25 if f == 5 => {
            let start = StartGame::with_teams(&g.options.model, 3, g.options.seed, g.settings.lang);
            g.start_game.write(start);
            false
        }
        25 if g.on(Screen::Briefing) && f > 30 => {
            g.clock.speed = 4;
            start_round(&mut g)
        }
        26 => swedish_disruption(&mut g),
        27 if f > 40 => shot(&mut g, &dir, 15),
        // The Swedish session's debrief: its disruptions in Swedish, with the scenario's own headlines.
        28 if f > 10 => {
            g.open_debrief.write(OpenDebrief);
            true
        }
        29 if g.on(Screen::Debrief) => swedish_debrief(&mut g, &dir, f),
        30 => check_shots(&mut g, &dir, f),
        _ => false,
    };
    if done {
        script.step += 1;
        script.frames = 0;
    }
}

fn lobby(g: &mut Game, dir: &Path, frames: u32) -> bool {
    if frames == 10 {
        // Teams play from their devices: the lobby's switch, on a loopback port of the system's choosing.
        g.hosting.listen = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        g.pending
            .0
            .push(UiAction::Host(super::ui::devices::HostAction::Enable(true)));
    }
    if frames == 20 {
        g.shoot(dir, SHOTS[0]);
    }
    if frames == 25 {
        // The lobby already serves the teams' codes, which go on into the session.
        match g.served.as_ref() {
            Some(s) => *g.lobby_code = s.host.codes().teams.first().cloned(),
            None => {
                eprintln!("smoke: device FAILED: the lobby's switch did not start the host");
                g.exit.write(AppExit::error());
            }
        }
    }
    if frames <= 30 {
        return false;
    }
    let start = StartGame::with_teams(&g.options.model, 3, g.options.seed, g.settings.lang);
    g.start_game.write(start);
    true
}

/// A device joins team 1 through the window's host and turns its shared board on; checked to be answered
/// "accepted", applied, and journaled as the device's.
fn device_decides(g: &mut Game, frame: u32) -> bool {
    let fail = |g: &mut Game, what: String| {
        eprintln!("smoke: device FAILED: {what}");
        g.exit.write(AppExit::error());
        false
    };
    if frame == 1 {
        let Some(served) = g.served.as_ref() else {
            return fail(g, "the lobby's switch did not start the host".into());
        };
        let url = format!("ws://{}/ws", served.host.addr);
        let code = served.host.codes().teams[0].clone();
        if g.lobby_code.as_ref() != Some(&code) {
            let lobby = g.lobby_code.clone();
            return fail(
                g,
                format!("the lobby gave out {lobby:?}, the session serves {code}"),
            );
        }
        let answer = std::sync::Arc::clone(&g.device_answer);
        std::thread::spawn(move || {
            let a = crate::host::load::one_decision(
                &url,
                &code,
                "Smoke device",
                "smoke-1",
                serde_json::json!({"SetPractice": {"SharedBoard": true}}),
            );
            if let Ok(mut slot) = answer.lock() {
                *slot = Some(a);
            }
        });
        return false;
    }
    let answer = g.device_answer.lock().ok().and_then(|mut a| a.take());
    match answer {
        None => false,
        Some(Err(e)) => fail(g, e),
        Some(Ok(ack)) if ack["accepted"] != true => fail(g, format!("not accepted: {ack}")),
        Some(Ok(_)) => {
            let journal = g
                .folder
                .dir
                .as_ref()
                .and_then(|d| {
                    std::fs::read_to_string(d.join(crate::sim::record::JOURNAL_FILE)).ok()
                })
                .unwrap_or_default();
            let board = g
                .session
                .as_ref()
                .and_then(|s| g.factories.get(s.factories[0]).ok())
                .is_some_and(|f| f.org().practices.shared_board);
            if !journal.contains(r#""who":"Smoke device","key":"smoke-1""#) || !board {
                return fail(
                    g,
                    format!("not journaled as the device's or not applied: {journal}"),
                );
            }
            true
        }
    }
}

/// Takes screenshot `SHOTS[i]`.
fn shot(g: &mut Game, dir: &Path, i: usize) -> bool {
    g.shoot(dir, SHOTS[i]);
    true
}

/// Starts the round as the console's button does: it starts paused.
fn start_round(g: &mut Game) -> bool {
    g.pending.0.push(UiAction::StartRound);
    true
}

/// Presses keys as a keyboard does and checks what each did; a wrong result fails the smoke test.
fn keys(g: &mut Game, frame: u32) -> bool {
    let expect = |g: &mut Game, ok: bool, what: &str| {
        if !ok {
            eprintln!("smoke: keys FAILED: {what}");
            g.exit.write(AppExit::error());
        }
    };
    match frame {
        5 => {
            let paused = g.clock.paused;
            expect(g, paused, "a round starts paused");
            press(g, KeyCode::Digit5, true);
        }
        6 => press(g, KeyCode::Digit5, false),
        10 => {
            let (paused, speed) = (g.clock.paused, g.clock.speed);
            expect(
                g,
                paused && speed == 4,
                "a speed key while paused sets the speed and stays paused",
            );
            press(g, KeyCode::Tab, true);
        }
        11 => press(g, KeyCode::Tab, false),
        15 => {
            let selected = g.settings.selected;
            expect(g, selected == 1, "Tab puts the next team on screen");
            press(g, KeyCode::ShiftLeft, true);
            press(g, KeyCode::Tab, true);
        }
        16 => {
            press(g, KeyCode::Tab, false);
            press(g, KeyCode::ShiftLeft, false);
        }
        20 => {
            let selected = g.settings.selected;
            expect(g, selected == 0, "Shift+Tab goes back");
            press(g, KeyCode::Space, true);
        }
        21 => press(g, KeyCode::Space, false),
        25 => {
            let paused = g.clock.paused;
            expect(g, !paused, "Space resumes");
            return true;
        }
        _ => {}
    }
    false
}

/// Clicks the console's End round and then its confirmation, where they were drawn, through the window's
/// mouse input; fails the smoke test when the round has not ended after it.
fn end_round_by_mouse(g: &mut Game, frame: u32) -> bool {
    match frame {
        5 => click(g, END_ROUND, true),
        7 => click(g, END_ROUND, false),
        15 => click(g, CONFIRM_END, true),
        17 => click(g, CONFIRM_END, false),
        40 => {
            // Ended, and early: by the clicks, not by the clock.
            let ended = g
                .session
                .as_ref()
                .is_some_and(|s| !s.running && s.minute() < s.model.round_len.minutes() - 1.0);
            if !ended {
                eprintln!(
                    "smoke: mouse FAILED: End round and its confirmation did not end the round"
                );
                g.exit.write(AppExit::error());
            }
            g.settings.show_console = false;
            return true;
        }
        _ => {}
    }
    false
}

/// Opens the menu with Esc (in one window; the facilitator's window shows the text size anyway), drags the
/// text-size slider with the mouse and checks the size changes only when the button is released.
fn text_size_by_mouse(g: &mut Game, frame: u32) -> bool {
    let before = g.settings.scale;
    match frame {
        2 => press(g, KeyCode::Escape, true),
        3 => press(g, KeyCode::Escape, false),
        10 => pointer(g, TEXT_SIZE, Some(true), egui::vec2(-0.45, 0.0)),
        12 | 14 | 16 => pointer(
            g,
            TEXT_SIZE,
            None,
            egui::vec2(-0.45 + 0.15 * (frame - 10) as f32, 0.0),
        ),
        20 => {
            if (g.settings.scale - *g.smoke_scale).abs() > f32::EPSILON {
                eprintln!("smoke: slider FAILED: the text size changed while dragging");
                g.exit.write(AppExit::error());
            }
            pointer(g, TEXT_SIZE, Some(false), egui::vec2(0.0, 0.0));
        }
        30 => {
            if (g.settings.scale - *g.smoke_scale).abs() <= f32::EPSILON {
                eprintln!(
                    "smoke: slider FAILED: releasing the slider did not change the text size"
                );
                g.exit.write(AppExit::error());
            }
            g.settings.show_menu = false;
            return true;
        }
        _ => {}
    }
    if frame == 1 {
        *g.smoke_scale = before;
    }
    false
}

/// Moves the pointer onto the control `name` and presses or releases the left button there.
fn click(g: &mut Game, name: &'static str, down: bool) {
    pointer(g, name, Some(down), egui::Vec2::ZERO);
}

/// Moves the pointer onto the control `name` (in the facilitator's window in the presenter view, else the
/// room's), `offset` from its centre in halves of its size, and presses (`Some(true)`) or releases the left
/// button there, through the window's input.
fn pointer(g: &mut Game, name: &'static str, button: Option<bool>, offset: egui::Vec2) {
    let presenting = !g.desk.is_empty();
    let window = if presenting {
        g.desk.iter().next().map(|d| d.window)
    } else {
        g.primary.iter().next()
    };
    let Some(window) = window else {
        return;
    };
    let Some(mut ctx) = g
        .contexts
        .iter_mut()
        .find(|(_, room)| *room != presenting)
        .map(|(c, _)| c)
    else {
        return;
    };
    let ctx = ctx.get_mut();
    let Some(rect) = remembered(ctx, name) else {
        eprintln!("smoke: mouse FAILED: {name} was not drawn");
        g.exit.write(AppExit::error());
        return;
    };
    let at = (rect.center() + offset * rect.size() / 2.0) * ctx.zoom_factor();
    g.window_events.write(WindowEvent::CursorMoved(CursorMoved {
        window,
        position: Vec2::new(at.x, at.y),
        delta: None,
    }));
    if let Some(down) = button {
        g.window_events
            .write(WindowEvent::MouseButtonInput(MouseButtonInput {
                button: MouseButton::Left,
                state: if down {
                    ButtonState::Pressed
                } else {
                    ButtonState::Released
                },
                window,
            }));
    }
}

/// A key going down or up, as the window reports it.
fn press(g: &mut Game, key: KeyCode, down: bool) {
    let Some(window) = g.primary.iter().next() else {
        return;
    };
    g.keyboard.write(KeyboardInput {
        key_code: key,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state: if down {
            ButtonState::Pressed
        } else {
            ButtonState::Released
        },
        text: None,
        repeat: false,
        window,
    });
}

/// The rush offer made at minute 60 is still open for every team and its countdown has run (real seconds of
/// play), but not out; a wrong state fails the smoke test.
fn offers_count_down(g: &mut Game) -> bool {
    let offers = &g.offers.0;
    let teams = g.session.as_ref().map_or(0, |s| s.factories.len());
    let window = f64::from(crate::game::clock::DEFAULT_SECONDS);
    let ok = offers.len() == teams
        && offers
            .iter()
            .all(|o| o.seconds_left.is_some_and(|s| s > 0.0 && s < window));
    if !ok {
        eprintln!(
            "smoke: offers FAILED: expected {teams} open offers counting down from {window} s, got {:?}",
            offers
                .iter()
                .map(|o| (o.team, o.seconds_left))
                .collect::<Vec<_>>()
        );
        g.exit.write(AppExit::error());
    }
    true
}

/// The facilitator breaks a station everywhere; team 2 moves its first worker to another unit and is put on
/// screen.
fn disrupt_and_move(g: &mut Game) -> bool {
    let Some(s) = g.session.as_ref() else {
        return false;
    };
    let spec = s
        .model
        .palette
        .iter()
        .find(|p| matches!(p.kind, DisruptionKind::StationBreakdown { .. }))
        .or(s.model.palette.first());
    // And a rush offer, which waits for the teams' answers with a countdown.
    let rush = s
        .model
        .palette
        .iter()
        .find(|p| matches!(p.kind, DisruptionKind::RushOrder { .. }));
    let mut commands = Vec::new();
    for spec in spec.into_iter().chain(rush) {
        commands.push(Command::Inject {
            disruption: spec.clone(),
            target: Target::All,
            at_minute: None,
        });
    }
    if let Some(f) = s.factories.get(1).and_then(|&e| g.factories.get(e).ok()) {
        let org = f.org();
        let other = (0..org.units.len()).find(|&u| u as u16 != org.worker_unit[0]);
        if let Some(u) = other {
            commands.push(Command::Team {
                factory: 1,
                action: TeamAction::MoveWorker {
                    worker: s.model.workers[0].id.clone(),
                    unit: org.units[u].id.clone(),
                },
            });
        }
    }
    g.sim.write_batch(commands);
    g.settings.selected = 1;
    true
}

/// Shows debrief tab `tab` and takes its screenshot.
fn debrief_tab(g: &mut Game, dir: &Path, tab: usize, frames: u32) -> bool {
    let Some(v) = g.view.as_mut() else {
        return false;
    };
    if frames == 1 {
        debrief::select(v, Tab::ALL[tab]);
    }
    if frames < 40 {
        return false;
    }
    g.shoot(dir, SHOTS[5 + tab]);
    true
}

/// Exports the debrief as the Export button does.
fn export(g: &mut Game, dir: &Path) -> bool {
    let Some(v) = g.view.as_ref() else {
        return true;
    };
    let out = dir.join("export");
    let _ = std::fs::remove_dir_all(&out);
    match crate::debrief::export::export(&v.debrief, &v.reflection, &out, crate::i18n::Lang::En) {
        Ok(done) => println!(
            "smoke: export wrote {} tables, {} charts and {}",
            done.csv.len(),
            done.png.len(),
            done.html.display()
        ),
        Err(e) => {
            eprintln!("smoke: export FAILED: {e}");
            g.exit.write(AppExit::error());
        }
    }
    true
}

/// Fails the smoke test with `what` unless `ok`.
fn expect(g: &mut Game, ok: bool, what: &str) {
    if !ok {
        eprintln!("smoke: replay FAILED: {what}");
        g.exit.write(AppExit::error());
    }
}

/// Opens the replay of the session's record, as the final screen's button does.
fn open_replay(g: &mut Game, frames: u32) -> bool {
    if frames == 5 {
        match g.folder.dir.clone() {
            Some(dir) if g.folder.recorded => {
                g.pending.0.push(UiAction::OpenReplay { dir, at: None })
            }
            _ => expect(g, false, "the session has a record"),
        }
    }
    g.on(Screen::Replay) && frames > 20
}

/// Plays the replay for a moment, then steps to the team's next disruption and shoots it.
fn replay_plays_and_steps(g: &mut Game, dir: &Path, frames: u32) -> bool {
    let now = g
        .session
        .as_ref()
        .map_or(crate::domain::SimTime::ZERO, |s| s.now);
    match frames {
        5 => g.pending.0.push(UiAction::TogglePause),
        40 => {
            let moved = now > crate::domain::SimTime::ZERO;
            expect(g, moved, "the replay plays on");
            g.pending.0.push(UiAction::TogglePause);
            g.settings.selected = 0;
            let start = crate::domain::SimTime::ZERO;
            g.pending
                .0
                .push(UiAction::Replay(ReplayAction::Seek(start)));
            g.pending.0.push(UiAction::Replay(ReplayAction::Step {
                kind: MarkerKind::Disruption,
                forward: true,
            }));
        }
        70 => {
            let on_marker = g.replay.as_ref().is_some_and(|r| {
                r.timeline
                    .markers
                    .iter()
                    .any(|m| m.kind == MarkerKind::Disruption && m.team == 0 && m.t == now)
            });
            expect(g, on_marker, "stepping goes to the team's disruption");
            g.shoot(dir, SHOTS[11]);
        }
        _ => {}
    }
    frames > 75
}

/// Two teams side by side at the same moment.
fn side_by_side(g: &mut Game, dir: &Path, frames: u32) -> bool {
    if frames == 5 {
        g.pending
            .0
            .push(UiAction::Replay(ReplayAction::Compare(Compare::Team(1))));
    }
    if frames == 30 {
        g.shoot(dir, SHOTS[12]);
    }
    // The facilitator pins the moment on screen for the next morning.
    if frames == 32 {
        g.pending.0.push(UiAction::Replay(ReplayAction::Pin(
            "smoke: look at the queues here".into(),
        )));
    }
    frames > 35
}

/// A what-if from the moment on screen: team 1's Sara a boundary spanner; run, compared, shot.
fn what_if(g: &mut Game, dir: &Path, frames: u32) -> bool {
    let replay = |a| UiAction::Replay(a);
    match frames {
        5 => {
            g.pending
                .0
                .push(replay(ReplayAction::Compare(Compare::Off)));
            g.pending.0.push(replay(ReplayAction::WhatIfHere));
        }
        10 => g.pending.0.push(replay(ReplayAction::Add(Command::Team {
            factory: 0,
            action: TeamAction::SetSpanner {
                worker: "sara".into(),
                on: true,
            },
        }))),
        15 => g.pending.0.push(replay(ReplayAction::RunWhatIf)),
        45 => {
            let outcome = g.replay.as_ref().and_then(|r| r.outcome.clone());
            let saved = outcome
                .as_ref()
                .is_some_and(|o| o.dir.join("journal.jsonl").exists());
            expect(g, saved, "the what-if runs and is saved as a branch");
            g.shoot(dir, SHOTS[13]);
        }
        _ => {}
    }
    frames > 50
}

/// Leaves the replay: an unfinished session goes back to the lobby.
fn leave_replay(g: &mut Game, frames: u32) -> bool {
    if frames == 5 {
        let pinned = g.replay.as_ref().is_some_and(|r| {
            let (pins, problems) = crate::debrief::pins::load(&r.record.dir);
            problems.is_empty()
                && pins.iter().any(|p| {
                    matches!(p, crate::domain::Curation::PinMoment { note, team: Some(0), .. }
                        if note == "smoke: look at the queues here")
                })
        });
        expect(
            g,
            pinned,
            "a moment pinned in the replay is kept beside the record",
        );
        g.pending.0.push(UiAction::Replay(ReplayAction::Leave));
    }
    frames > 10 && g.on(Screen::Lobby)
}

/// The debrief of the Swedish session: its disruptions tab, named from the scenario, shot.
fn swedish_debrief(g: &mut Game, dir: &Path, frames: u32) -> bool {
    let Some(v) = g.view.as_mut() else {
        return false;
    };
    // The view of the session so far is put in place a frame after the screen changes.
    if frames <= 10 {
        debrief::select(v, Tab::Disruptions);
    }
    if frames == 12 {
        let named = v.debrief.model.is_some() && g.settings.lang == crate::i18n::Lang::Sv;
        expect(g, named, "the Swedish debrief has the scenario's own names");
    }
    if frames < 40 {
        return false;
    }
    g.shoot(dir, SHOTS[16]);
    true
}

/// Switches the lobby to Swedish with the mouse, as a facilitator would, and takes its screenshot.
fn swedish_lobby(g: &mut Game, dir: &Path, frame: u32) -> bool {
    let sv = super::ui::menu::LANGUAGE[crate::i18n::Lang::Sv.index()];
    match frame {
        10 => click(g, sv, true),
        12 => click(g, sv, false),
        30 => {
            if g.settings.lang != crate::i18n::Lang::Sv {
                eprintln!(
                    "smoke: language FAILED: the lobby's Svenska button did not switch the game"
                );
                g.exit.write(AppExit::error());
            }
            g.shoot(dir, SHOTS[14]);
        }
        _ => {}
    }
    frame > 35
}

/// Once the Swedish session has played half an hour, injects the palette's first disruption (its headline
/// in Swedish on the banner and in the ticker).
fn swedish_disruption(g: &mut Game) -> bool {
    // The facilitator lets the clock run (the first session's keys left it paused).
    g.clock.paused = false;
    let Some(s) = g.session.as_ref() else {
        return false;
    };
    if !s.running || s.minute() < 30.0 {
        return false;
    }
    if let Some(spec) = s.model.palette.first().cloned() {
        g.sim.write(Command::Inject {
            disruption: spec,
            target: Target::All,
            at_minute: None,
        });
    }
    true
}

/// Waits for the screenshots, checks them and ends the game.
fn check_shots(g: &mut Game, dir: &Path, frames: u32) -> bool {
    let shots = all_shots(g.desk().is_some());
    let done = shots.iter().all(|s| image_ok(&dir.join(s)).is_ok());
    if !done && frames <= 600 {
        return false;
    }
    let mut failed = false;
    for s in &shots {
        match image_ok(&dir.join(s)) {
            Ok(summary) => println!("smoke: {} ok ({summary})", dir.join(s).display()),
            Err(e) => {
                failed = true;
                eprintln!("smoke: {} FAILED: {e}", dir.join(s).display());
            }
        }
    }
    g.exit.write(if failed {
        AppExit::error()
    } else {
        AppExit::Success
    });
    true
}

/// Checks that a screenshot exists, decodes, and is not blank (its pixels vary).
pub fn image_ok(path: &Path) -> Result<String, String> {
    let img = image::open(path).map_err(|e| e.to_string())?.to_rgb8();
    let (w, h) = img.dimensions();
    if w < 200 || h < 200 {
        return Err(format!("too small: {w}x{h}"));
    }
    let n = (w * h) as f64;
    let mut sum = [0f64; 3];
    let mut sq = [0f64; 3];
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels() {
        for c in 0..3 {
            let v = f64::from(p[c]);
            sum[c] += v;
            sq[c] += v * v;
        }
        if colours.len() < 5000 {
            colours.insert((p[0] / 8, p[1] / 8, p[2] / 8));
        }
    }
    let sd: f64 = (0..3)
        .map(|c| (sq[c] / n - (sum[c] / n).powi(2)).max(0.0).sqrt())
        .sum::<f64>()
        / 3.0;
    if sd < 8.0 || colours.len() < 20 {
        return Err(format!(
            "looks blank: pixel spread {sd:.1}, {} colours",
            colours.len()
        ));
    }
    Ok(format!(
        "{w}x{h}, pixel spread {sd:.1}, {} colours",
        colours.len()
    ))
}
