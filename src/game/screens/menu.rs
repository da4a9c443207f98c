//! The menu window (Esc), over any screen of a session: text size, save the log, the debrief, back to the
//! lobby, quit; and the notice line for the facilitator (e.g. where the log was saved).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::ui::{Notice, PanelSet, PendingActions, UiAction, UiSettings, style};
use crate::sim::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (menu_window.run_if(resource_exists::<Session>), notice_line).in_set(PanelSet),
    );
}

/// The menu's entries.
pub fn menu(ui: &mut egui::Ui, scale: f32, actions: &mut Vec<UiAction>) {
    ui.horizontal(|ui| {
        ui.label("Text size");
        let mut scale = scale;
        if ui
            .add(egui::Slider::new(&mut scale, style::SCALES))
            .changed()
        {
            actions.push(UiAction::SetScale(scale));
        }
    });
    if ui.button("Save the event log").clicked() {
        actions.push(UiAction::SaveLog);
    }
    if ui
        .button("Open the debrief")
        .on_hover_text("The debrief dashboard of the session so far")
        .clicked()
    {
        actions.push(UiAction::OpenDebrief);
    }
    if ui.button("Back to the lobby (ends this session)").clicked() {
        actions.push(UiAction::BackToLobby);
    }
    if ui.button("Quit").clicked() {
        actions.push(UiAction::Quit);
    }
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
        .show(ctx, |ui| menu(ui, settings.scale, &mut pending.0));
    settings.show_menu = open;
    Ok(())
}

fn notice_line(mut contexts: EguiContexts, notice: Res<Notice>, time: Res<Time>) -> Result {
    let ctx = contexts.ctx_mut()?;
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
