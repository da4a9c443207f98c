//! The facilitator's window of the presenter view (the desk): the clock and its controls, the menu, every
//! team to pick from, the decision panel of the team picked, and the console with what is coming next. The
//! room's window then shows only what the room should see.

use bevy::prelude::*;
use bevy_egui::egui;

use super::Screen;
use super::console::{Console, ConsoleData};
use super::play::{TeamPanels, overview_rows, team_on_screen, team_panel_view, top_bar_view};
use crate::factory::FactorySim;
use crate::game::clock::GameClock;
use crate::game::floor::SelectedView;
use crate::game::presenter::{DeskContext, DeskPass, presenting};
use crate::game::record::OpenOffers;
use crate::game::ui::menu::text_size;
use crate::game::ui::overview::overview;
use crate::game::ui::team::{TeamPanelState, team_panel};
use crate::game::ui::topbar::top_bar;
use crate::game::ui::{PanelSet, PendingActions, UiAction, UiSettings, root_ui, style};
use crate::metrics::LiveMetrics;
use crate::sim::Session;

/// The desk's text size: a laptop's, whatever the projector's is.
const DESK_SCALE: f32 = 1.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        DeskPass,
        desk_ui
            .run_if(
                presenting
                    .and_then(resource_exists::<Session>)
                    .and_then(not(in_state(Screen::Lobby))),
            )
            .in_set(PanelSet),
    );
}

/// The menu's entries in a row: the room's text size, the log, the debrief, the lobby, the presenter view.
fn menu_row(ui: &mut egui::Ui, settings: &UiSettings, actions: &mut Vec<UiAction>) {
    let l = settings.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(crate::t!(l, "desk-room-text-size"));
        text_size(ui, settings.scale, actions);
        ui.separator();
        crate::game::ui::menu::language(ui, actions);
        ui.separator();
        for (label, action) in [
            (
                format!("💾 {}", crate::t!(l, "menu-save-log")),
                UiAction::SaveLog,
            ),
            (
                format!("📊 {}", crate::t!(l, "results-debrief")),
                UiAction::OpenDebrief,
            ),
            (crate::t!(l, "menu-back-to-lobby"), UiAction::BackToLobby),
            (crate::t!(l, "desk-one-window"), UiAction::Presenter(false)),
            (crate::t!(l, "menu-quit"), UiAction::Quit),
        ] {
            if ui.button(label).clicked() {
                actions.push(action);
            }
        }
    });
}

/// The desk during a session.
#[allow(clippy::too_many_arguments)]
fn desk_ui(
    mut desk: DeskContext,
    settings: Res<UiSettings>,
    screen: Res<State<Screen>>,
    session: Res<Session>,
    clock: Res<GameClock>,
    metrics: Res<LiveMetrics>,
    selected_view: Res<SelectedView>,
    factories: Query<&FactorySim>,
    data: ConsoleData,
    mut console: ResMut<Console>,
    mut panels: ResMut<TeamPanels>,
    mut pending: ResMut<PendingActions>,
    offers: Res<OpenOffers>,
) -> Result {
    let ctx = desk.ctx_mut()?;
    ctx.set_zoom_factor(DESK_SCALE);
    ctx.set_theme(egui::ThemePreference::Dark);
    let Some((selected, factory)) = team_on_screen(&session, &settings, &factories) else {
        return Ok(());
    };
    let mut root = root_ui(ctx, "desk");
    let bar = top_bar_view(&session, &clock, &metrics, factory, selected, true, false);
    egui::Panel::top("desk_bar").show(&mut root, |ui| {
        top_bar(ui, &bar, &mut pending.0);
        menu_row(ui, &settings, &mut pending.0);
    });
    let rows = overview_rows(&session, &metrics);
    egui::Panel::left("desk_teams")
        .default_size(260.0)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| overview(ui, &rows, selected, &mut pending.0));
        });
    let decisions = matches!(
        screen.get(),
        Screen::Briefing | Screen::Playing | Screen::RoundEnd
    );
    if decisions && let Some(view) = selected_view.0.as_ref() {
        panels
            .0
            .resize(session.factories.len(), TeamPanelState::default());
        let v = team_panel_view(&session, factory, view, &bar.team, settings.focus, &offers);
        egui::Panel::right("desk_team")
            .default_size(380.0)
            .resizable(true)
            .show(&mut root, |ui| {
                team_panel(ui, &v, &mut panels.0[selected], &mut pending.0);
            });
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        // A replay changes nothing: no console, its controls are in the room's window.
        if *screen.get() == Screen::Replay {
            ui.heading(crate::t!(settings.lang, "desk-replaying"));
            ui.label(
                egui::RichText::new(crate::t!(settings.lang, "desk-replaying-help"))
                    .color(style::MUTED),
            );
            return;
        }
        ui.label(
            egui::RichText::new(crate::t!(settings.lang, "desk-only-this-window"))
                .color(style::MUTED),
        );
        egui::ScrollArea::vertical()
            .show(ui, |ui| data.show(ui, &mut console.0, true, &mut pending.0));
    });
    Ok(())
}
