//! The presenter view: a second OS window for the facilitator (the desk) beside the projected one (the
//! room), each movable to its own screen, as presentation software has. It opens when the game starts with
//! `--presenter` or when the lobby's or the menu's switch asks for it, and closes with its window or the
//! switch. The facilitator's panels draw into the desk's egui context while it is open, and into the room's
//! otherwise ([`on_desk`], [`DeskContext`]).

use bevy::camera::RenderTarget;
use bevy::camera::visibility::RenderLayers;
use bevy::ecs::schedule::{ScheduleConfigs, ScheduleLabel};
use bevy::ecs::system::{ScheduleSystem, SystemParam};
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};
use bevy_egui::{EguiContext, EguiPrimaryContextPass, EguiSchedule, PrimaryEguiContext, egui};

use super::ui::UiSettings;

/// The egui pass of the facilitator's window.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct DeskPass;

/// The camera of the facilitator's window (it draws only egui: its render layer holds nothing of the
/// floor).
#[derive(Component, Debug, Clone, Copy)]
pub struct DeskCamera {
    /// The facilitator's window.
    pub window: Entity,
}

/// The render layer of the desk's camera, which no floor entity is on.
const DESK_LAYER: usize = 7;

pub(super) fn plugin(app: &mut App) {
    app.init_schedule(DeskPass);
    app.add_systems(Update, (close_with_its_window, open_or_close).chain());
}

/// Whether the facilitator's window is open.
pub fn presenting(desks: Query<(), With<DeskCamera>>) -> bool {
    !desks.is_empty()
}

/// Adds facilitator panels: drawn in the desk's pass while it is open, in the room's otherwise.
pub fn on_desk(app: &mut App, systems: impl Fn() -> ScheduleConfigs<ScheduleSystem>) {
    app.add_systems(EguiPrimaryContextPass, systems().run_if(not(presenting)));
    app.add_systems(DeskPass, systems().run_if(presenting));
}

/// The egui context for the facilitator's panels: the desk's while it is open, else the room's.
#[derive(SystemParam)]
pub struct DeskContext<'w, 's> {
    desk: Query<'w, 's, &'static mut EguiContext, (With<DeskCamera>, Without<PrimaryEguiContext>)>,
    room: Query<'w, 's, &'static mut EguiContext, (With<PrimaryEguiContext>, Without<DeskCamera>)>,
}

impl DeskContext<'_, '_> {
    /// The context to draw the facilitator's panels into.
    pub fn ctx_mut(&mut self) -> Result<&mut egui::Context> {
        if let Some(desk) = self.desk.iter_mut().next() {
            return Ok(desk.into_inner().get_mut());
        }
        Ok(self.room.single_mut()?.into_inner().get_mut())
    }
}

/// Opens the facilitator's window when the presenter view is wanted and closes it when it is not.
fn open_or_close(
    mut commands: Commands,
    settings: Res<UiSettings>,
    desks: Query<(Entity, &DeskCamera)>,
) {
    match (settings.presenter, desks.iter().next()) {
        (true, None) => {
            let window = commands
                .spawn(Window {
                    title: "Cake Factory - facilitator".into(),
                    resolution: WindowResolution::new(1280, 800),
                    ..default()
                })
                .id();
            commands.spawn((
                Camera2d,
                RenderTarget::Window(WindowRef::Entity(window)),
                RenderLayers::layer(DESK_LAYER),
                EguiSchedule::new(DeskPass),
                DeskCamera { window },
            ));
        }
        (false, Some((camera, desk))) => {
            commands.entity(camera).despawn();
            commands.entity(desk.window).try_despawn();
        }
        _ => {}
    }
}

/// When the facilitator closes their window, the presenter view ends (the room's window goes on).
fn close_with_its_window(
    mut commands: Commands,
    mut settings: ResMut<UiSettings>,
    desks: Query<(Entity, &DeskCamera)>,
    windows: Query<(), With<Window>>,
) {
    for (camera, desk) in &desks {
        if !windows.contains(desk.window) {
            commands.entity(camera).despawn();
            settings.presenter = false;
        }
    }
}
