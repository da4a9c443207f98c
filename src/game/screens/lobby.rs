//! The lobby screen: the lobby panel over the whole window, preset from the command line.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::game::PlayOptions;
use crate::game::clock::OfferWindow;
use crate::game::hosting::{LobbyTeams, Served};
use crate::game::presenter::{DeskContext, on_desk, presenting};
use crate::game::ui::devices::devices;
use crate::game::ui::lobby::{LobbyState, lobby};
use crate::game::ui::{PanelSet, PendingActions, UiSettings, prepare, root_ui, style};

/// The lobby panel's state (chosen scenario, teams, seed, text size).
#[derive(Resource, Default)]
struct Lobby(LobbyState);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Lobby>();
    app.add_systems(Startup, preset);
    app.add_systems(OnEnter(Screen::Lobby), list_unfinished);
    // The facilitator sets the session up on their own screen in the presenter view, while the room sees
    // a welcome.
    on_desk(app, || {
        lobby_ui
            .run_if(in_state(Screen::Lobby))
            .in_set(PanelSet)
            .into_configs()
    });
    app.add_systems(
        EguiPrimaryContextPass,
        welcome
            .run_if(in_state(Screen::Lobby).and_then(presenting))
            .in_set(PanelSet),
    );
}

/// The command line's choices: text size, teams, seed and a scenario file.
fn preset(options: Res<PlayOptions>, mut settings: ResMut<UiSettings>, mut lobby: ResMut<Lobby>) {
    settings.scale = options.scale;
    settings.lang = options.lang;
    settings.presenter = options.presenter;
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

/// The lobby lists the recorded sessions that did not finish.
fn list_unfinished(mut lobby: ResMut<Lobby>) {
    lobby.0.resumable = crate::game::recording::unfinished_sessions();
}

fn lobby_ui(
    mut desk: DeskContext,
    settings: Res<UiSettings>,
    offer_window: Res<OfferWindow>,
    hosting: Res<crate::game::hosting::Hosting>,
    served: Option<Res<Served>>,
    mut teams: ResMut<LobbyTeams>,
    mut state: ResMut<Lobby>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = desk.ctx_mut()?;
    prepare(ctx, &settings);
    state.0.scale = settings.scale;
    state.0.presenter = settings.presenter;
    state.0.offer_window = *offer_window;
    if state.0.hosting != hosting.enabled || state.0.host_address.is_empty() {
        state.0.hosting = hosting.enabled;
        state.0.host_address = crate::host::address(hosting.listen, hosting.public_url.clone());
    }
    let mut root = root_ui(ctx, "lobby");
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            lobby(ui, &mut state.0, &mut pending.0);
            // Teams join from their devices while the session is set up.
            if let Some(served) = &served {
                ui.separator();
                // The console page's key only on the facilitator's own window (the presenter view).
                let view = served.view(&teams.0, settings.presenter, 90.0);
                devices(ui, &view, false, &mut pending.0);
            }
        });
    });
    let names = state
        .0
        .model()
        .map(|m| state.0.team_names(&m, settings.lang))
        .unwrap_or_default();
    if teams.0 != names {
        teams.0 = names;
    }
    Ok(())
}

/// The room's window while the facilitator sets the session up: the game's name and the scenario chosen.
fn welcome(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    served: Option<Res<Served>>,
    teams: Res<LobbyTeams>,
    mut state: ResMut<Lobby>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let (name, description) = state.0.model().map_or_else(
        |_| (String::new(), String::new()),
        |m| (m.name.clone(), m.description.clone()),
    );
    let mut root = root_ui(ctx, "welcome");
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.add_space(ui.available_height() * 0.25);
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new("🎂 Cake Factory").size(64.0).strong());
            ui.add_space(16.0);
            ui.label(egui::RichText::new(name).size(32.0));
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new(description)
                    .size(20.0)
                    .color(style::MUTED),
            );
        });
        // The room joins from its devices while the facilitator sets the session up.
        if let Some(served) = &served {
            ui.add_space(16.0);
            egui::ScrollArea::vertical().show(ui, |ui| {
                devices(
                    ui,
                    &served.view(&teams.0, false, 110.0),
                    false,
                    &mut pending.0,
                );
            });
        }
    });
    Ok(())
}
