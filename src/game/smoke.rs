//! `play --smoke DIR`: a scripted session as a player would drive it (3 teams: start, play at speed, inject a
//! disruption, move a worker, switch team, open the console, end the round), saving screenshots of the floor,
//! the console and the round-end summary, then checking they were written and are not blank.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

use super::PlayOptions;
use super::clock::GameClock;
use super::debrief::{self, DebriefView, Tab};
use super::screens::{OpenDebrief, Screen, StartGame, StartRound};
use super::ui::UiSettings;
use crate::domain::{Command, TeamAction};
use crate::factory::FactorySim;
use crate::sim::Session;

/// Screenshots the smoke test takes, in order.
pub const SHOTS: [&str; 11] = [
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
        for shot in SHOTS {
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

fn shoot(commands: &mut Commands, dir: &Path, name: &str) {
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(dir.join(name)));
}

fn run(
    mut commands: Commands,
    mut script: ResMut<Script>,
    options: Res<PlayOptions>,
    screen: Res<State<Screen>>,
    session: Option<Res<Session>>,
    factories: Query<&FactorySim>,
    mut clock: ResMut<GameClock>,
    mut settings: ResMut<UiSettings>,
    mut start_game: MessageWriter<StartGame>,
    mut start_round: MessageWriter<StartRound>,
    mut sim: MessageWriter<Command>,
    mut exit: MessageWriter<AppExit>,
    mut open_debrief: MessageWriter<OpenDebrief>,
    mut view: Option<ResMut<DebriefView>>,
) {
    script.frames += 1;
    script.total += 1;
    if script.total > 5000 {
        error!("smoke test: stuck at step {}", script.step);
        exit.write(AppExit::error());
        return;
    }
    let dir = script.dir.clone();
    let next = |s: &mut Script| {
        s.step += 1;
        s.frames = 0;
    };
    match script.step {
        // Let the window settle, then start a session of three teams.
        0 if script.frames == 20 => shoot(&mut commands, &dir, SHOTS[0]),
        0 if script.frames > 30 => {
            start_game.write(StartGame::with_teams(&options.model, 3, options.seed));
            next(&mut script);
        }
        1 if *screen.get() == Screen::Briefing && script.frames > 20 => {
            shoot(&mut commands, &dir, SHOTS[1]);
            next(&mut script);
        }
        2 if script.frames > 10 => {
            start_round.write(StartRound);
            clock.speed = 4;
            clock.paused = false;
            next(&mut script);
        }
        // Play until an hour has passed, then act as a facilitator and a team would.
        3 if session
            .as_ref()
            .is_some_and(|s| s.running && s.now.minutes() >= 60.0) =>
        {
            let s = session.as_ref().expect("session");
            let spec = s.model.palette.iter().find(|p| {
                matches!(
                    p.kind,
                    crate::domain::DisruptionKind::StationBreakdown { .. }
                )
            });
            if let Some(spec) = spec.or(s.model.palette.first()) {
                sim.write(Command::Inject {
                    disruption: spec.clone(),
                    target: crate::domain::Target::All,
                    at_minute: None,
                });
            }
            // Team 2 moves its first worker to another unit.
            if let Some(f) = s.factories.get(1).and_then(|&e| factories.get(e).ok()) {
                let org = f.org();
                let w = 0;
                let other = (0..org.units.len()).find(|&u| u as u16 != org.worker_unit[w]);
                if let Some(u) = other {
                    sim.write(Command::Team {
                        factory: 1,
                        action: TeamAction::MoveWorker {
                            worker: s.model.workers[w].id.clone(),
                            unit: org.units[u].id.clone(),
                        },
                    });
                }
            }
            settings.selected = 1;
            next(&mut script);
        }
        4 if script.frames > 30 && session.as_ref().is_some_and(|s| s.now.minutes() >= 150.0) => {
            shoot(&mut commands, &dir, SHOTS[2]);
            settings.show_console = true;
            next(&mut script);
        }
        5 if script.frames > 20 => {
            shoot(&mut commands, &dir, SHOTS[3]);
            next(&mut script);
        }
        6 if script.frames > 10 => {
            settings.show_console = false;
            sim.write(Command::EndRound);
            next(&mut script);
        }
        7 if *screen.get() == Screen::RoundEnd && script.frames > 20 => {
            shoot(&mut commands, &dir, SHOTS[4]);
            next(&mut script);
        }
        // The debrief of the session so far, every tab, and an export.
        8 if script.frames > 10 => {
            open_debrief.write(OpenDebrief);
            next(&mut script);
        }
        9..=14 if *screen.get() == Screen::Debrief => {
            let tab = script.step - 9;
            if let Some(v) = view.as_mut() {
                if script.frames == 1 {
                    debrief::select(v, Tab::ALL[tab]);
                }
                if script.frames == 40 {
                    shoot(&mut commands, &dir, SHOTS[5 + tab]);
                    next(&mut script);
                }
            }
        }
        15 if script.frames > 10 => {
            if let Some(v) = view.as_ref() {
                let out = dir.join("export");
                let _ = std::fs::remove_dir_all(&out);
                match crate::debrief::export::export(&v.debrief, &v.reflection, &out) {
                    Ok(done) => println!(
                        "smoke: export wrote {} tables, {} charts and {}",
                        done.csv.len(),
                        done.png.len(),
                        done.html.display()
                    ),
                    Err(e) => {
                        eprintln!("smoke: export FAILED: {e}");
                        exit.write(AppExit::error());
                    }
                }
            }
            next(&mut script);
        }
        // Wait for the files, then check them.
        16 => {
            let done = SHOTS.iter().all(|s| image_ok(&dir.join(s)).is_ok());
            if done || script.frames > 600 {
                let mut failed = false;
                for s in SHOTS {
                    match image_ok(&dir.join(s)) {
                        Ok(summary) => println!("smoke: {} ok ({summary})", dir.join(s).display()),
                        Err(e) => {
                            failed = true;
                            eprintln!("smoke: {} FAILED: {e}", dir.join(s).display());
                        }
                    }
                }
                exit.write(if failed {
                    AppExit::error()
                } else {
                    AppExit::Success
                });
                next(&mut script);
            }
        }
        _ => {}
    }
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
