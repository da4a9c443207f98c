//! `play --bench-debrief N`: a full session of 12 teams x 4 rounds is simulated headless, its debrief is
//! opened, and every tab is drawn for N/6 frames while the dashboard's UI work per frame is timed.

use std::sync::Arc;
use std::time::Instant;

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use super::{DebriefView, Tab, select};
use crate::debrief::Debrief;
use crate::game::PlayOptions;
use crate::game::screens::Screen;
use crate::game::ui::PanelSet;
use crate::headless::{self, RunOptions};
use crate::sim::tap::{recorder, take};

#[derive(Resource)]
struct DebriefBench {
    frames: u32,
    mark: Option<Instant>,
    samples: Vec<(Tab, f64)>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, setup);
    let on = resource_exists::<DebriefBench>.and_then(in_state(Screen::Debrief));
    app.add_systems(
        EguiPrimaryContextPass,
        (start.before(PanelSet), end.after(PanelSet)).run_if(on),
    );
    app.add_systems(
        Update,
        cycle.run_if(resource_exists::<DebriefBench>.and_then(resource_exists::<DebriefView>)),
    );
}

fn setup(mut commands: Commands, options: Res<PlayOptions>, mut next: ResMut<NextState<Screen>>) {
    let Some(frames) = options.bench_debrief else {
        return;
    };
    let (tap, events) = recorder();
    let run = RunOptions {
        seed: options.seed,
        teams: Some(12),
        ..Default::default()
    };
    if let Err(e) = headless::run(Arc::clone(&options.model), &run, vec![tap]) {
        error!("bench: {e}");
        return;
    }
    let events = take(&events);
    match Debrief::from_events(&events) {
        Ok(d) => {
            let log = std::env::temp_dir()
                .join(format!("cakefactory-bench-{}.jsonl", std::process::id()));
            commands.insert_resource(DebriefView::new(
                Arc::new(d),
                log,
                None,
                crate::i18n::Lang::En,
            ));
            commands.insert_resource(DebriefBench {
                frames: frames.max(6),
                mark: None,
                samples: Vec::new(),
            });
            next.set(Screen::Debrief);
            println!(
                "{}",
                crate::t!(options.lang, "bench-debrief", events = events.len())
            );
        }
        Err(e) => error!("bench: {e}"),
    }
}

fn start(mut bench: ResMut<DebriefBench>) {
    bench.mark = Some(Instant::now());
}

fn end(mut bench: ResMut<DebriefBench>, view: Res<DebriefView>) {
    if let Some(t0) = bench.mark.take() {
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        let tab = view.tab;
        bench.samples.push((tab, ms));
    }
}

fn cycle(
    bench: ResMut<DebriefBench>,
    options: Res<PlayOptions>,
    mut view: ResMut<DebriefView>,
    mut exit: MessageWriter<AppExit>,
) {
    let per_tab = (bench.frames / 6).max(1) as usize;
    let n = bench.samples.len();
    let tab = Tab::ALL[(n / per_tab).min(5)];
    if view.tab != tab {
        select(&mut view, tab);
    }
    if n >= per_tab * 6 {
        let mut all: Vec<f64> = Vec::new();
        let l = options.lang;
        println!("{}", crate::t!(l, "bench-debrief-frames"));
        for t in Tab::ALL {
            let mut v: Vec<f64> = bench
                .samples
                .iter()
                .filter(|(x, _)| *x == t)
                .map(|(_, m)| *m)
                .collect();
            v.sort_by(f64::total_cmp);
            if v.is_empty() {
                continue;
            }
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            let d = |x: f64| crate::i18n::decimal(l, x, 2);
            println!(
                "  {:<14} {}",
                t.label(l),
                crate::t!(
                    l,
                    "bench-debrief-tab",
                    mean = d(mean),
                    median = d(v[v.len() / 2]),
                    p95 = d(v[((v.len() - 1) as f64 * 0.95) as usize]),
                    max = d(v[v.len() - 1])
                )
            );
            all.extend(v);
        }
        all.sort_by(f64::total_cmp);
        let d = |x: f64| crate::i18n::decimal(l, x, 2);
        println!(
            "  {}",
            crate::t!(
                l,
                "bench-debrief-all",
                mean = d(all.iter().sum::<f64>() / all.len() as f64),
                p95 = d(all[((all.len() - 1) as f64 * 0.95) as usize]),
                max = d(all[all.len() - 1])
            )
        );
        exit.write(AppExit::Success);
    }
}
