//! The menu's entries (language, text size, presenter view, the log, the debrief, the lobby, quit), the
//! language switch and the text-size slider that applies when released.

use bevy_egui::egui;

use super::{UiAction, lang, style};
use crate::i18n::Lang;
use crate::t;

/// The menu's entries; `presenter`: the facilitator's window is open.
pub fn menu(ui: &mut egui::Ui, scale: f32, presenter: bool, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    language(ui, actions);
    ui.horizontal(|ui| {
        ui.label(t!(l, "menu-text-size"));
        text_size(ui, scale, actions);
    });
    let mut on = presenter;
    if ui
        .checkbox(&mut on, t!(l, "menu-presenter"))
        .on_hover_text(t!(l, "menu-presenter-hint"))
        .changed()
    {
        actions.push(UiAction::Presenter(on));
    }
    if ui.button(t!(l, "menu-save-log")).clicked() {
        actions.push(UiAction::SaveLog);
    }
    if ui
        .button(t!(l, "menu-debrief"))
        .on_hover_text(t!(l, "menu-debrief-hint"))
        .clicked()
    {
        actions.push(UiAction::OpenDebrief);
    }
    if ui.button(t!(l, "menu-back-to-lobby")).clicked() {
        actions.push(UiAction::BackToLobby);
    }
    if ui.button(t!(l, "menu-quit")).clicked() {
        actions.push(UiAction::Quit);
    }
}

/// The names under which the language buttons note where they are (for scripted input), by language.
pub const LANGUAGE: [&str; 2] = ["lang-en", "lang-sv"];

/// The language switch: one button per language, each named in its own language.
pub fn language(ui: &mut egui::Ui, actions: &mut Vec<UiAction>) {
    let now = lang(ui);
    ui.horizontal(|ui| {
        ui.label(t!(now, "language"))
            .on_hover_text(t!(now, "language-hint"));
        for l in Lang::ALL {
            let r = ui.selectable_label(l == now, l.name());
            super::remember(ui, LANGUAGE[l.index()], &r);
            if r.clicked() && l != now {
                actions.push(UiAction::SetLang(l));
            }
        }
    });
}

/// The name under which the text-size slider notes where it is (for scripted input).
pub const TEXT_SIZE: &str = "text_size";

/// The text-size slider: it shows the size being dragged to and applies it when released (or at once when
/// set by a click or a key), so the window never rescales under the mouse.
pub fn text_size(ui: &mut egui::Ui, scale: f32, actions: &mut Vec<UiAction>) {
    let id = ui.id().with("text_size_drag");
    let mut value = ui.data(|d| d.get_temp::<f32>(id)).unwrap_or(scale);
    let r = ui.add(egui::Slider::new(&mut value, style::SCALES));
    super::remember(ui, TEXT_SIZE, &r);
    if r.dragged() {
        ui.data_mut(|d| d.insert_temp(id, value));
        return;
    }
    ui.data_mut(|d| d.remove::<f32>(id));
    if (value - scale).abs() > f32::EPSILON {
        actions.push(UiAction::SetScale(value));
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use super::*;
    use crate::game::ui::testing::Pointer;

    #[test]
    fn the_text_size_applies_when_the_slider_is_released() {
        let actions = RefCell::new(Vec::new());
        let rect = Cell::new(egui::Rect::NOTHING);
        let mut draw = |ui: &mut egui::Ui| {
            let r = ui.scope(|ui| text_size(ui, 1.0, &mut actions.borrow_mut()));
            rect.set(r.response.rect);
        };
        let p = Pointer::new(&mut draw);
        let start = egui::pos2(rect.get().left() + 4.0, rect.get().center().y);
        p.button(start, true, &mut draw);
        for dx in [20.0, 40.0, 60.0] {
            p.pass(
                vec![egui::Event::PointerMoved(start + egui::vec2(dx, 0.0))],
                &mut draw,
            );
        }
        assert!(
            actions.borrow().is_empty(),
            "applied while dragging: {:?}",
            actions.borrow()
        );
        p.button(start + egui::vec2(60.0, 0.0), false, &mut draw);
        p.pass(Vec::new(), &mut draw);
        let done = actions.borrow();
        assert!(
            matches!(done.as_slice(), [UiAction::SetScale(s)] if *s > 1.0),
            "{done:?}"
        );
    }
}
