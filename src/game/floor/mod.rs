//! The factory floor of the team on screen, drawn with Bevy 2D: one column per step along the flow of work
//! (stations, queue of cakes, people at work), the units' home areas with their idle people, an area for
//! those who are away, and short-lived marks for cross-unit handoffs, questions and defects. People glide to
//! where they work, so motion looks continuous at every speed. The screens decide when it shows
//! ([`FloorSet`]).

mod build;
mod camera;
pub mod layout;
mod marks;
mod update;

use bevy::prelude::*;

use super::ui::UiSettings;
use super::ui::style;
use crate::factory::{FactorySim, FactoryView};
use crate::sim::{Session, SimSet};

/// The floor's systems, run after the simulation's events are observed.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct FloorSet;

/// The floor's steps in a frame, in order.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FloorStep {
    /// Take the snapshot of the factory on screen.
    Snapshot,
    /// Rebuild the static parts if the team or its units changed.
    Build,
    /// Move people, cakes and colours to the snapshot.
    Update,
    /// Draw marks and rings, fit the camera, pick people.
    Draw,
}

/// The snapshot of the factory on screen, taken once per frame for the floor and the panels.
#[derive(Resource, Default)]
pub struct SelectedView(pub Option<FactoryView>);

/// The camera of the room's window, which shows the floor.
#[derive(Component)]
pub struct FloorCamera;

/// Everything that belongs to the floor (despawned when it is rebuilt).
#[derive(Component)]
struct FloorItem;

/// A person's figure.
#[derive(Component)]
struct WorkerFigure {
    index: usize,
}

/// Meshes and materials of the floor, made once.
#[derive(Resource)]
struct Palette {
    circle: Handle<Mesh>,
    cake: Handle<Mesh>,
    units: Vec<Handle<ColorMaterial>>,
    away: Handle<ColorMaterial>,
    standard_cake: Handle<ColorMaterial>,
    custom_cake: Handle<ColorMaterial>,
    late_cake: Handle<ColorMaterial>,
    blocked_cake: Handle<ColorMaterial>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SelectedView>();
    app.add_systems(Startup, setup);
    app.configure_sets(
        Update,
        (
            FloorStep::Snapshot,
            FloorStep::Build,
            FloorStep::Update,
            FloorStep::Draw,
        )
            .chain()
            .in_set(FloorSet),
    );
    app.configure_sets(
        Update,
        FloorSet
            .after(SimSet::Observe)
            .run_if(resource_exists::<Session>),
    );
    app.add_systems(Update, snapshot.in_set(FloorStep::Snapshot));
    app.add_plugins((build::plugin, update::plugin, marks::plugin, camera::plugin));
}

fn setup(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    commands.spawn((Camera2d, Msaa::Sample4, FloorCamera));
    let mut mat = |c: Color| materials.add(ColorMaterial::from_color(c));
    let palette = Palette {
        circle: meshes.add(Circle::new(layout::WORKER_R)),
        cake: meshes.add(Circle::new(layout::CAKE_R)),
        units: (0..10).map(|i| mat(style::color(i))).collect(),
        away: mat(Color::srgb(0.35, 0.35, 0.38)),
        standard_cake: mat(layout::STANDARD_CAKE),
        custom_cake: mat(layout::CUSTOM_CAKE),
        late_cake: mat(layout::LATE_CAKE),
        blocked_cake: mat(layout::BLOCKED_CAKE),
    };
    commands.insert_resource(palette);
}

/// Takes the floor down (back to the lobby, or after the last round).
pub(super) fn clear(world: &mut World) {
    let items: Vec<Entity> = world
        .query_filtered::<Entity, With<FloorItem>>()
        .iter(world)
        .collect();
    for e in items {
        world.despawn(e);
    }
    world.insert_resource(build::Built::default());
}

/// The factory on screen, if any.
fn on_screen<'a>(
    session: &Session,
    settings: &UiSettings,
    factories: &'a Query<&FactorySim>,
) -> Option<&'a FactorySim> {
    session
        .factories
        .get(settings.selected)
        .and_then(|&e| factories.get(e).ok())
}

fn snapshot(
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    mut view: ResMut<SelectedView>,
) {
    view.0 = on_screen(&session, &settings, &factories).map(FactorySim::view);
}
