//! `play --bench-frames N`: 12 teams simulated at 60x; measures the simulation and UI work of each frame
//! (the main schedule from `First` to `Last`, not the GPU rendering) and prints the figures, then exits.
//! Frames advance the game clock by exactly 1/60 s, as on a 60 Hz display, whatever this machine renders at;
//! rounds follow each other without stopping.

use std::time::Instant;

use bevy::prelude::*;

use super::PlayOptions;
use super::clock::{GameClock, SPEEDS};
use super::screens::{Screen, StartGame, StartRound};
use crate::t;

#[derive(Resource)]
struct Bench {
    frames: u32,
    warmup: u32,
    started: Option<(Instant, Option<u64>)>,
    /// (wall ms, CPU ms of the app's own threads) per frame.
    samples: Vec<(f64, Option<f64>)>,
    round_started: bool,
}

/// CPU time (ns) used so far by the threads that run the app's systems: the main thread and Bevy's task
/// pools, not the renderer's or the software rasteriser's threads. Linux only.
fn app_cpu_ns() -> Option<u64> {
    let main = std::fs::read_to_string("/proc/self/comm").ok()?;
    let mut total = 0;
    for entry in std::fs::read_dir("/proc/self/task").ok()? {
        let dir = entry.ok()?.path();
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        if comm == main || comm.starts_with("Compute Task") || comm.starts_with("Async Compute") {
            let stat = std::fs::read_to_string(dir.join("schedstat")).unwrap_or_default();
            total += stat
                .split_whitespace()
                .next()
                .and_then(|x| x.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    Some(total)
}

/// Wall time of the game's own work in a frame: simulation, floor, panels (ms per frame).
#[derive(Resource, Default)]
struct Parts {
    mark: Option<Instant>,
    current: [f64; 3],
    done: Vec<[f64; 3]>,
}

fn mark(mut parts: ResMut<Parts>) {
    parts.mark = Some(Instant::now());
}

fn lap<const I: usize>(mut parts: ResMut<Parts>) {
    if let Some(t0) = parts.mark.take() {
        parts.current[I] = t0.elapsed().as_secs_f64() * 1e3;
    }
    parts.mark = Some(Instant::now());
}

pub(super) fn plugin(app: &mut App) {
    use super::floor::FloorSet;
    use super::ui::PanelSet;
    use crate::sim::SimSet;
    app.add_systems(Startup, setup);
    app.add_systems(First, frame_start.run_if(resource_exists::<Bench>));
    app.add_systems(Last, frame_end.run_if(resource_exists::<Bench>));
    let on = resource_exists::<Bench>;
    app.init_resource::<Parts>();
    app.add_systems(
        Update,
        (
            mark.before(SimSet::Commands).run_if(on),
            lap::<0>.after(SimSet::Observe).before(FloorSet).run_if(on),
            lap::<1>.after(FloorSet).run_if(on),
        )
            .chain(),
    );
    app.add_systems(
        bevy_egui::EguiPrimaryContextPass,
        (
            mark.before(PanelSet).run_if(on),
            lap::<2>.after(PanelSet).run_if(on),
        )
            .chain(),
    );
    app.add_systems(Update, drive.run_if(resource_exists::<Bench>));
}

fn setup(mut commands: Commands, options: Res<PlayOptions>) {
    if let Some(frames) = options.bench_frames {
        commands.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
            std::time::Duration::from_secs_f64(1.0 / 60.0),
        ));
        commands.insert_resource(Bench {
            frames,
            warmup: 30,
            started: None,
            samples: Vec::new(),
            round_started: false,
        });
    }
}

fn drive(
    mut bench: ResMut<Bench>,
    options: Res<PlayOptions>,
    screen: Res<State<Screen>>,
    mut clock: ResMut<GameClock>,
    mut start_game: MessageWriter<StartGame>,
    mut start_round: MessageWriter<StartRound>,
    mut next: ResMut<NextState<Screen>>,
    mut done: Local<bool>,
) {
    if !*done {
        *done = true;
        start_game.write(StartGame::with_teams(
            &options.model,
            12,
            options.seed,
            options.lang,
        ));
    }
    match screen.get() {
        Screen::Briefing if !bench.round_started => {
            bench.round_started = true;
            start_round.write(StartRound);
            clock.speed = SPEEDS.len() - 1;
            clock.paused = false;
        }
        Screen::RoundEnd => {
            bench.round_started = false;
            next.set(Screen::Briefing);
        }
        Screen::Final => bench.frames = bench.samples.len() as u32,
        _ => {}
    }
}

fn frame_start(mut bench: ResMut<Bench>) {
    let cpu = app_cpu_ns();
    bench.started = Some((Instant::now(), cpu));
}

fn frame_end(
    mut bench: ResMut<Bench>,
    mut parts: ResMut<Parts>,
    screen: Res<State<Screen>>,
    settings: Res<crate::game::ui::UiSettings>,
    mut exit: MessageWriter<AppExit>,
) {
    let l = settings.lang;
    let part = std::mem::take(&mut parts.current);
    let Some((t0, cpu0)) = bench.started.take() else {
        return;
    };
    let wall = t0.elapsed().as_secs_f64() * 1e3;
    let cpu = cpu0
        .zip(app_cpu_ns())
        .map(|(a, b)| b.saturating_sub(a) as f64 / 1e6);
    let finished = !bench.samples.is_empty() && bench.samples.len() >= bench.frames as usize;
    if *screen.get() != Screen::Playing && !finished {
        return;
    }
    if bench.warmup > 0 {
        bench.warmup -= 1;
        return;
    }
    bench.samples.push((wall, cpu));
    parts.done.push(part);
    if bench.samples.len() as u32 >= bench.frames {
        let summary = |mut s: Vec<f64>| {
            s.sort_by(f64::total_cmp);
            let mean = s.iter().sum::<f64>() / s.len() as f64;
            let p = |q: f64| s[((s.len() as f64 - 1.0) * q).round() as usize];
            let d = |x: f64| crate::i18n::decimal(l, x, 2);
            t!(
                l,
                "bench-frame-summary",
                mean = d(mean),
                median = d(p(0.5)),
                p95 = d(p(0.95)),
                max = d(p(1.0))
            )
        };
        println!("{}", t!(l, "bench-frames", frames = bench.samples.len()));
        let part = |i: usize| parts.done.iter().map(|p| p[i]).collect::<Vec<f64>>();
        let ours: Vec<f64> = parts.done.iter().map(|p| p.iter().sum()).collect();
        println!("{}", t!(l, "bench-ours", figures = summary(ours)));
        println!(
            "  {}",
            t!(l, "bench-simulation", figures = summary(part(0)))
        );
        println!("  {}", t!(l, "bench-floor", figures = summary(part(1))));
        println!("  {}", t!(l, "bench-panels", figures = summary(part(2))));
        let cpu: Option<Vec<f64>> = bench.samples.iter().map(|s| s.1).collect();
        if let Some(cpu) = cpu {
            println!("{}", t!(l, "bench-cpu", figures = summary(cpu)));
        }
        println!(
            "{}",
            t!(
                l,
                "bench-wall",
                figures = summary(bench.samples.iter().map(|s| s.0).collect())
            )
        );
        exit.write(AppExit::Success);
    }
}
