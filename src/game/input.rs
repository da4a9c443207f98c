//! Keyboard shortcuts: Space pause, 1-6 speeds, Tab next team (Shift+Tab back), D decision panel, F
//! facilitator console, Esc menu. Each key is the same [`UiAction`] as its button. They are off in the lobby,
//! while a text field has the keyboard and while a drop-down list is open; otherwise they own the keyboard
//! (Tab switches teams, it does not move egui's focus between buttons).

use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::EguiContext;

use super::actions::ActionSet;
use super::clock::SPEEDS;
use super::screens::Screen;
use super::ui::{PendingActions, UiAction};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        keys.after(InputSystems)
            .before(ActionSet)
            .run_if(not(in_state(Screen::Lobby))),
    );
}

/// The action of each key pressed this frame.
pub fn actions_of_keys(input: &ButtonInput<KeyCode>) -> Vec<UiAction> {
    const SPEED_KEYS: [KeyCode; 6] = [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
        KeyCode::Digit6,
    ];
    let mut actions = Vec::new();
    if input.just_pressed(KeyCode::Space) {
        actions.push(UiAction::TogglePause);
    }
    for (i, key) in SPEED_KEYS.iter().enumerate().take(SPEEDS.len()) {
        if input.just_pressed(*key) {
            actions.push(UiAction::SetSpeed(i));
        }
    }
    if input.just_pressed(KeyCode::Tab) {
        let back = input.pressed(KeyCode::ShiftLeft) || input.pressed(KeyCode::ShiftRight);
        actions.push(if back {
            UiAction::PreviousTeam
        } else {
            UiAction::NextTeam
        });
    }
    for (key, action) in [
        (KeyCode::KeyD, UiAction::TogglePanel),
        (KeyCode::KeyF, UiAction::ToggleConsole),
        (KeyCode::KeyV, UiAction::ToggleVoices),
        (KeyCode::Escape, UiAction::ToggleMenu),
    ] {
        if input.just_pressed(key) {
            actions.push(action);
        }
    }
    actions
}

fn keys(
    input: Res<ButtonInput<KeyCode>>,
    mut contexts: Query<&mut EguiContext>,
    mut pending: ResMut<PendingActions>,
) {
    // Keys reach the game from either window of the presenter view: every context is asked.
    for mut ctx in &mut contexts {
        let ctx = ctx.get_mut();
        if ctx.text_edit_focused() || ctx.any_popup_open() {
            return;
        }
    }
    for mut ctx in &mut contexts {
        let ctx = ctx.get_mut();
        // A button that Tab focused would take Space and Tab too: the shortcuts keep the keyboard.
        if ctx.memory(|m| m.focused().is_some()) {
            ctx.memory_mut(|m| m.stop_text_input());
        }
    }
    pending.0.extend(actions_of_keys(&input));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_panels_actions() {
        let mut input = ButtonInput::<KeyCode>::default();
        input.press(KeyCode::ShiftLeft);
        input.press(KeyCode::Tab);
        input.press(KeyCode::Digit3);
        input.press(KeyCode::Escape);
        assert!(matches!(
            actions_of_keys(&input)[..],
            [
                UiAction::SetSpeed(2),
                UiAction::PreviousTeam,
                UiAction::ToggleMenu
            ]
        ));
        input.clear();
        input.release_all();
        input.press(KeyCode::Space);
        input.press(KeyCode::KeyF);
        assert!(matches!(
            actions_of_keys(&input)[..],
            [UiAction::TogglePause, UiAction::ToggleConsole]
        ));
    }
}
