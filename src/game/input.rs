//! Keyboard shortcuts: Space pause, 1-6 speeds, Tab next team (Shift+Tab back), D decision panel, F
//! facilitator console, Esc menu. They are off while a text field has the keyboard.

use bevy::prelude::*;
use bevy_egui::input::egui_wants_any_keyboard_input;

use super::Screen;
use super::clock::{GameClock, SPEEDS};
use super::ui::UiSettings;
use crate::sim::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        keys.run_if(not(egui_wants_any_keyboard_input).and_then(not(in_state(Screen::Lobby)))),
    );
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    mut clock: ResMut<GameClock>,
    mut settings: ResMut<UiSettings>,
    session: Option<Res<Session>>,
) {
    if input.just_pressed(KeyCode::Space) {
        clock.paused = !clock.paused;
    }
    let digits = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
    ];
    for (i, key) in digits.iter().enumerate().take(SPEEDS.len()) {
        if input.just_pressed(*key) {
            clock.speed = i;
            clock.paused = false;
        }
    }
    if input.just_pressed(KeyCode::Tab)
        && let Some(s) = session
        && !s.factories.is_empty()
    {
        let n = s.factories.len();
        let back = input.pressed(KeyCode::ShiftLeft) || input.pressed(KeyCode::ShiftRight);
        settings.selected = if back {
            (settings.selected + n - 1) % n
        } else {
            (settings.selected + 1) % n
        };
    }
    if input.just_pressed(KeyCode::KeyD) {
        settings.show_team_panel = !settings.show_team_panel;
    }
    if input.just_pressed(KeyCode::KeyF) {
        settings.show_console = !settings.show_console;
    }
    if input.just_pressed(KeyCode::Escape) {
        settings.show_menu = !settings.show_menu;
    }
}
