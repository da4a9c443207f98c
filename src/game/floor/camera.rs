//! The camera and the pointer on the floor: the floor fitted into the area the panels leave free, a click
//! that picks a person, and the rings that mark boundary spanners and the picked person.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::egui_wants_any_pointer_input;

use super::layout::{HEIGHT, WIDTH, WORKER_R, label_scale};
use super::{FloorCamera, FloorStep, WorkerFigure, on_screen};
use crate::factory::FactorySim;
use crate::game::ui::{FloorArea, UiSettings};
use crate::sim::Session;

/// A spanner's double ring.
const GOLD: Color = Color::srgb(1.0, 0.84, 0.2);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            rings,
            fit_camera,
            pick.run_if(not(egui_wants_any_pointer_input)),
        )
            .in_set(FloorStep::Draw),
    );
}

/// Spanner rings follow the figures (drawn after they moved); the picked person gets a white ring.
fn rings(
    mut gizmos: Gizmos,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    figures: Query<(&Transform, &WorkerFigure)>,
) {
    let Some(factory) = on_screen(&session, &settings, &factories) else {
        return;
    };
    let spanner = &factory.org().spanner;
    let r = WORKER_R * label_scale(settings.scale);
    for (t, fig) in &figures {
        let p = t.translation.truncate();
        if settings.focus == Some(fig.index) {
            gizmos.circle_2d(p, r + 10.0, Color::WHITE);
        }
        if spanner.get(fig.index).copied().unwrap_or(false) {
            gizmos.circle_2d(p, r + 4.0, GOLD);
            gizmos.circle_2d(p, r + 6.0, GOLD);
        }
    }
}

/// A click on the floor (never one on a panel: egui takes those) picks the person under the pointer.
fn pick(
    buttons: Res<ButtonInput<MouseButton>>,
    windows: Query<&Window, With<PrimaryWindow>>,
    cameras: Query<(&Camera, &GlobalTransform), With<FloorCamera>>,
    figures: Query<(&Transform, &WorkerFigure)>,
    mut settings: ResMut<UiSettings>,
) {
    if !buttons.just_pressed(MouseButton::Left) {
        return;
    }
    let (Ok(window), Ok((camera, at))) = (windows.single(), cameras.single()) else {
        return;
    };
    let Some(world) = window
        .cursor_position()
        .and_then(|c| camera.viewport_to_world_2d(at, c).ok())
    else {
        return;
    };
    settings.focus = figures
        .iter()
        .map(|(t, f)| (t.translation.truncate().distance(world), f.index))
        .filter(|(d, _)| *d <= WORKER_R * label_scale(settings.scale) * 1.3)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i);
}

/// Fits the floor into the area the panels leave free.
fn fit_camera(
    area: Res<FloorArea>,
    settings: Res<UiSettings>,
    windows: Query<&Window, With<PrimaryWindow>>,
    mut camera: Query<(&mut Transform, &mut Projection), With<FloorCamera>>,
) {
    let (Ok(window), Ok((mut transform, mut projection))) = (windows.single(), camera.single_mut())
    else {
        return;
    };
    // egui points to window logical pixels.
    let zoom = settings.scale;
    let min = area.min * zoom;
    let max = area.max * zoom;
    let size = (max - min).max(Vec2::splat(50.0));
    let s = (size.x / WIDTH).min(size.y / HEIGHT).max(0.01);
    let centre = (min + max) / 2.0;
    let offset = centre - Vec2::new(window.width(), window.height()) / 2.0;
    transform.translation.x = -offset.x / s;
    transform.translation.y = offset.y / s;
    if let Projection::Orthographic(ortho) = &mut *projection {
        ortho.scale = 1.0 / s;
    }
}
