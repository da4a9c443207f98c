//! The facilitator console window (F), over any screen of a session: round control, speed, disruptions from
//! the palette and the log of what was injected.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::clock::{GameClock, SPEEDS};
use crate::game::record::InjectionLog;
use crate::game::ui::console::{ConsoleState, ConsoleView, console};
use crate::game::ui::{PanelSet, PendingActions, UiSettings};
use crate::sim::Session;

/// The console's state (chosen disruption, targets, timing, adjusted numbers).
#[derive(Resource, Default)]
struct Console(ConsoleState);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Console>();
    app.add_systems(
        EguiPrimaryContextPass,
        console_window
            .run_if(resource_exists::<Session>)
            .in_set(PanelSet),
    );
}

fn console_window(
    mut contexts: EguiContexts,
    mut settings: ResMut<UiSettings>,
    session: Res<Session>,
    clock: Res<GameClock>,
    injections: Res<InjectionLog>,
    mut state: ResMut<Console>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut open = settings.show_console;
    let v = ConsoleView {
        model: &session.model,
        teams: &session.team_names,
        round: session.round,
        minute: session.minute(),
        running: session.running,
        finished: session.finished,
        paused: clock.paused,
        speeds: &SPEEDS,
        speed: clock.speed,
        injections: &injections.0,
    };
    egui::Window::new("Facilitator console")
        .open(&mut open)
        .default_width(420.0)
        .default_pos(egui::pos2(420.0, 120.0))
        .show(ctx, |ui| console(ui, &v, &mut state.0, &mut pending.0));
    settings.show_console = open;
    Ok(())
}
