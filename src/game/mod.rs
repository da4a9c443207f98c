//! The playable game: a Bevy window with the factory floor in 2D and egui panels for the teams and the
//! facilitator. It is a thin layer over the simulation plugins: every change goes through the command
//! interface, and everything shown comes from the session's state and events.

mod actions;
mod bench;
pub mod clock;
pub mod debrief;
pub mod floor;
pub mod hosting;
mod input;
pub mod offers;
pub mod presenter;
pub mod record;
pub mod recording;
pub mod replay;
pub mod screens;
mod smoke;
pub mod state;
pub mod ui;
mod window;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::window::{PresentMode, WindowResolution};
use bevy_egui::EguiPlugin;

use crate::scenario::Model;

/// How many teams a game may have: a room of up to 300 people in teams of six or more; the overview shows
/// them all as tiles, the standings scroll.
pub const TEAMS: std::ops::RangeInclusive<u32> = 1..=50;

/// How the game was started.
#[derive(Resource, Clone, Debug)]
pub struct PlayOptions {
    /// The scenario to start with (the embedded default unless a file was given).
    pub model: Arc<Model>,
    /// Its file name, for display.
    pub scenario_name: String,
    /// The scenario came from a file given on the command line (preselected in the lobby).
    pub from_file: bool,
    pub teams: u32,
    pub seed: u64,
    /// The language the game starts in (switchable in the lobby and the menu).
    pub lang: crate::i18n::Lang,
    /// UI scale (1.0 = egui's default size).
    pub scale: f32,
    /// Open the presenter view: a second window for the facilitator.
    pub presenter: bool,
    /// Start the session at once, skipping the lobby.
    pub skip_lobby: bool,
    /// Run the scripted smoke test and save screenshots here.
    pub smoke: Option<PathBuf>,
    /// Measure this many frames of simulation and UI work, then exit.
    pub bench_frames: Option<u32>,
    /// Simulate 12 teams x 4 rounds, open their debrief and time this many frames of it, then exit.
    pub bench_debrief: Option<u32>,
    /// Take up the session recorded in this folder (already checked) instead of showing the lobby.
    pub resume: Option<PathBuf>,
    /// Replay the session recorded in this folder (already checked) instead of showing the lobby.
    pub replay: Option<PathBuf>,
    /// Serve each session to the teams' devices on this address (and the address devices open, if given).
    pub host: Option<(std::net::SocketAddr, Option<String>)>,
    /// Open only the debrief of this event log (already read).
    pub debrief: Option<(PathBuf, Arc<crate::debrief::Debrief>)>,
}

/// Runs the game window until it closes.
pub fn run(options: PlayOptions) -> ExitCode {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Cake Factory".into(),
                    resolution: WindowResolution::new(1600, 900),
                    present_mode: if options.bench_frames.is_some() {
                        PresentMode::AutoNoVsync
                    } else {
                        PresentMode::AutoVsync
                    },
                    ..default()
                }),
                // The room's window is the game: closing the facilitator's leaves it open.
                exit_condition: bevy::window::ExitCondition::OnPrimaryClosed,
                ..default()
            })
            .set(bevy::log::LogPlugin {
                level: bevy::log::Level::WARN,
                ..default()
            }),
    );
    app.add_plugins(EguiPlugin::default());
    app.add_plugins((crate::sim::plugin, crate::metrics::plugin));
    app.insert_resource(options);
    app.add_plugins(plugin);
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// The game's plugins (the window and egui plugins must already be added).
pub fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(ui::style::BACKGROUND));
    app.add_plugins((
        ui::plugin,
        screens::plugin,
        actions::plugin,
        clock::plugin,
        record::plugin,
        recording::plugin,
        replay::plugin,
        floor::plugin,
        input::plugin,
        smoke::plugin,
        bench::plugin,
        window::plugin,
        presenter::plugin,
        offers::plugin,
        debrief::plugin,
    ));
    app.add_plugins(hosting::plugin);
}
