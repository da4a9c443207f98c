//! The menu window (Esc), over any screen of a session: text size, save the log, the debrief, back to the
//! lobby, quit; and the notice line for the facilitator (e.g. where the log was saved).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::presenter::{DeskContext, on_desk};
use crate::game::ui::menu::menu;
use crate::game::ui::{Notice, PanelSet, PendingActions, UiSettings};
use crate::sim::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        menu_window
            .run_if(resource_exists::<Session>)
            .in_set(PanelSet),
    );
    // What an action did is for the facilitator: on the desk in the presenter view.
    on_desk(app, || notice_line.after(PanelSet).into_configs());
}

fn menu_window(
    mut contexts: EguiContexts,
    mut settings: ResMut<UiSettings>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut open = settings.show_menu;
    egui::Window::new("Menu")
        .open(&mut open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            menu(ui, settings.scale, settings.presenter, &mut pending.0);
        });
    settings.show_menu = open;
    Ok(())
}

fn notice_line(mut desk: DeskContext, notice: Res<Notice>, time: Res<Time>) -> Result {
    let ctx = desk.ctx_mut()?;
    if let Some((text, until)) = &notice.0
        && time.elapsed_secs_f64() < *until
    {
        egui::Area::new("notice".into())
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(egui::RichText::new(text).size(18.0));
                });
            });
    }
    Ok(())
}
