//! The lobby screen: the lobby panel over the whole window, preset from the command line.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::game::PlayOptions;
use crate::game::ui::lobby::{LobbyState, lobby};
use crate::game::ui::{PanelSet, PendingActions, UiSettings, prepare, root_ui};

/// The lobby panel's state (chosen scenario, teams, seed, text size).
#[derive(Resource, Default)]
struct Lobby(LobbyState);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Lobby>();
    app.add_systems(Startup, preset);
    app.add_systems(
        EguiPrimaryContextPass,
        lobby_ui.run_if(in_state(Screen::Lobby)).in_set(PanelSet),
    );
}

/// The command line's choices: text size, teams, seed and a scenario file.
fn preset(options: Res<PlayOptions>, mut settings: ResMut<UiSettings>, mut lobby: ResMut<Lobby>) {
    settings.scale = options.scale;
    let state = &mut lobby.0;
    state.scale = options.scale;
    state.teams = options
        .teams
        .clamp(*crate::game::TEAMS.start(), *crate::game::TEAMS.end());
    state.seed = options.seed;
    if options.from_file {
        state.shipped = None;
        state.loaded = Some(std::sync::Arc::clone(&options.model));
        state.path = options.scenario_name.clone();
    }
}

fn lobby_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    mut state: ResMut<Lobby>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let mut root = root_ui(ctx, "lobby");
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| lobby(ui, &mut state.0, &mut pending.0));
    });
    Ok(())
}
