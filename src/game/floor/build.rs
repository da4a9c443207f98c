//! The static parts of the floor, rebuilt when the team on screen or its units change: step columns with
//! their station units, cake slots and status lines, the units' home zones and the away zone, the people,
//! the team's title and the legend.

use bevy::prelude::*;
use bevy::sprite::Anchor;
use bevy::text::{Justify, TextBounds, TextLayout};

use super::layout::*;
use super::marks::Marks;
use super::{FloorItem, FloorStep, Palette, WorkerFigure, on_screen};
use crate::factory::FactorySim;
use crate::factory::org::Org;
use crate::game::ui::{UiSettings, style};
use crate::scenario::Model;
use crate::sim::Session;

/// What the floor was built for: rebuilt when the team on screen or its units change.
#[derive(Resource, Default, PartialEq, Clone)]
pub(super) struct Built {
    factory: Option<Entity>,
    units: Vec<String>,
    steps: usize,
}

/// A person's name under their figure.
#[derive(Component)]
pub(super) struct WorkerLabel {
    pub index: usize,
}

/// A place for a waiting cake in a step's column.
#[derive(Component)]
pub(super) struct Cake {
    pub column: usize,
    pub slot: usize,
}

/// One unit of a station pool, in the column of a step that uses it.
#[derive(Component)]
pub(super) struct StationUnit {
    pub station: usize,
    pub column: usize,
    pub k: usize,
}

/// The status line under a step's column.
#[derive(Component)]
pub(super) struct ColumnStatus {
    pub column: usize,
}

/// The team's name and design at the top.
#[derive(Component)]
pub(super) struct TeamTitle;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Built>();
    app.add_systems(Update, rebuild.in_set(FloorStep::Build));
}

/// A line of text on the floor.
fn text(
    value: impl Into<String>,
    size: f32,
    color: Color,
    at: Vec2,
    anchor: Anchor,
) -> impl Bundle {
    (
        Text2d::new(value),
        TextFont {
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
        anchor,
        Transform::from_translation(at.extend(5.0)),
        FloorItem,
    )
}

/// Rebuilds the static parts when the team on screen (or its units) changed.
fn rebuild(
    mut commands: Commands,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    items: Query<Entity, With<FloorItem>>,
    palette: Res<Palette>,
    mut built: ResMut<Built>,
    mut marks: ResMut<Marks>,
) {
    let Some(factory) = on_screen(&session, &settings, &factories) else {
        return;
    };
    let model = &session.model;
    let org = factory.org();
    let wanted = Built {
        factory: session.factories.get(settings.selected).copied(),
        units: org.units.iter().map(|u| u.id.clone()).collect(),
        steps: model.steps.len(),
    };
    if *built == wanted {
        return;
    }
    if built.factory != wanted.factory {
        marks.clear();
    }
    for e in &items {
        commands.entity(e).despawn();
    }
    let layout = Layout::new(model.steps.len(), org.units.len());
    spawn_columns(&mut commands, model, &layout, &palette);
    spawn_zones(&mut commands, org, &layout);
    spawn_people(&mut commands, model, org, &layout, &palette);
    commands.spawn((
        text(
            "",
            38.0,
            style::color(settings.selected),
            Vec2::new(-WIDTH / 2.0 + 4.0, TITLE_Y),
            Anchor::CENTER_LEFT,
        ),
        TeamTitle,
    ));
    spawn_legend(&mut commands, &palette);
    *built = wanted;
}

/// One column per step: its background, name, station units, cake slots and status line.
fn spawn_columns(commands: &mut Commands, model: &Model, layout: &Layout, palette: &Palette) {
    for (c, step) in model.steps.iter().enumerate() {
        let x = layout.column_x[c];
        commands.spawn((
            Sprite::from_color(
                Color::srgba(1.0, 1.0, 1.0, if c % 2 == 0 { 0.035 } else { 0.065 }),
                Vec2::new(layout.column_width - 6.0, COLUMN_TOP - COLUMN_BOTTOM),
            ),
            Transform::from_xyz(x, (COLUMN_TOP + COLUMN_BOTTOM) / 2.0, 0.0),
            FloorItem,
        ));
        commands.spawn((
            text(
                &step.name,
                25.0,
                WHITE,
                Vec2::new(x, HEADER_Y),
                Anchor::CENTER,
            ),
            TextBounds::new_horizontal(layout.column_width - 8.0),
            TextLayout::justify(Justify::Center),
        ));
        if let Some(s) = step.station {
            let count = model.stations[s].count as usize;
            for k in 0..count {
                commands.spawn((
                    Sprite::from_color(STATION_FREE, Vec2::splat(layout.station_size(count))),
                    Transform::from_translation(layout.station(c, k, count).extend(1.0)),
                    StationUnit {
                        station: s,
                        column: c,
                        k,
                    },
                    FloorItem,
                ));
            }
        }
        for slot in 0..CAKES_PER_ROW * CAKE_ROWS {
            commands.spawn((
                Mesh2d(palette.cake.clone()),
                MeshMaterial2d(palette.standard_cake.clone()),
                Transform::from_translation(layout.cake(c, slot).extend(2.0)),
                Visibility::Hidden,
                Cake { column: c, slot },
                FloorItem,
            ));
        }
        commands.spawn((
            text("", 21.0, MUTED, Vec2::new(x, STATUS_Y), Anchor::CENTER),
            TextBounds::new_horizontal(layout.column_width - 6.0),
            TextLayout::justify(Justify::Center),
            ColumnStatus { column: c },
        ));
    }
}

/// The units' home zones, in their colours, and the away zone last.
fn spawn_zones(commands: &mut Commands, org: &Org, layout: &Layout) {
    for (z, (left, right)) in layout.zones.iter().enumerate() {
        let away = z == org.units.len();
        let color = if away {
            Color::srgba(0.5, 0.5, 0.5, 0.15)
        } else {
            style::color(z).with_alpha(0.16)
        };
        commands.spawn((
            Sprite::from_color(color, Vec2::new(right - left, ZONE_TOP - ZONE_BOTTOM)),
            Transform::from_xyz((left + right) / 2.0, (ZONE_TOP + ZONE_BOTTOM) / 2.0, 0.0),
            FloorItem,
        ));
        let name = if away {
            "Away".to_string()
        } else {
            org.units[z].name.clone()
        };
        commands.spawn((
            text(
                name,
                24.0,
                if away { MUTED } else { style::color(z) },
                Vec2::new(left + 10.0, ZONE_TOP - 20.0),
                Anchor::CENTER_LEFT,
            ),
            TextBounds::new_horizontal(right - left - 16.0),
        ));
    }
}

/// Every person: a disc in their unit's colour with their initial, and their name below.
fn spawn_people(
    commands: &mut Commands,
    model: &Model,
    org: &Org,
    layout: &Layout,
    palette: &Palette,
) {
    for (w, worker) in model.workers.iter().enumerate() {
        let unit = org.worker_unit[w] as usize;
        let initial: String = worker.name.chars().take(1).collect();
        commands
            .spawn((
                Mesh2d(palette.circle.clone()),
                MeshMaterial2d(palette.units[unit % palette.units.len()].clone()),
                Transform::from_translation(layout.in_zone(unit, w).extend(3.0)),
                WorkerFigure { index: w },
                FloorItem,
            ))
            .with_child((
                Text2d::new(initial),
                TextFont {
                    font_size: FontSize::Px(26.0),
                    ..default()
                },
                TextColor(Color::BLACK),
                Transform::from_xyz(0.0, 0.0, 1.0),
            ))
            .with_child((
                Text2d::new(&worker.name),
                TextFont {
                    font_size: FontSize::Px(19.0),
                    ..default()
                },
                TextColor(WHITE),
                Transform::from_xyz(0.0, -WORKER_R - 12.0, 1.0),
                WorkerLabel { index: w },
            ));
    }
}

/// Colour swatches and what they mean.
fn spawn_legend(commands: &mut Commands, palette: &Palette) {
    let cakes = [
        ("standard cake", &palette.standard_cake),
        ("custom cake", &palette.custom_cake),
        ("late", &palette.late_cake),
        ("waiting (WIP limit)", &palette.blocked_cake),
    ];
    let swatches = [
        ("station free", STATION_FREE, 22.0),
        ("station broken", STATION_BROKEN, 22.0),
        ("cross-unit handoff", HANDOFF_ARROW, 6.0),
    ];
    // Each entry as wide as its label (the floor's font is monospaced: about 0.6 of its size per letter).
    let labels: Vec<&str> = cakes
        .iter()
        .map(|(l, _)| *l)
        .chain(swatches.iter().map(|(l, _, _)| *l))
        .collect();
    let widths: Vec<f32> = labels
        .iter()
        .map(|l| 30.0 + l.chars().count() as f32 * LEGEND_SIZE * 0.6)
        .collect();
    let gap = (WIDTH - widths.iter().sum::<f32>()) / labels.len() as f32;
    let x = |i: usize| -WIDTH / 2.0 + widths[..i].iter().sum::<f32>() + i as f32 * gap.max(8.0);
    for (i, (label, material)) in cakes.into_iter().enumerate() {
        commands.spawn((
            Mesh2d(palette.cake.clone()),
            MeshMaterial2d(material.clone()),
            Transform::from_xyz(x(i) + CAKE_R, LEGEND_Y, 2.0),
            FloorItem,
        ));
        commands.spawn(legend_label(label, x(i)));
    }
    for (j, (label, color, height)) in swatches.into_iter().enumerate() {
        let i = cakes.len() + j;
        commands.spawn((
            Sprite::from_color(color, Vec2::new(22.0, height)),
            Transform::from_xyz(x(i) + 11.0, LEGEND_Y, 2.0),
            FloorItem,
        ));
        commands.spawn(legend_label(label, x(i)));
    }
}

/// The legend's text size.
const LEGEND_SIZE: f32 = 19.0;

fn legend_label(label: &str, x: f32) -> impl Bundle {
    text(
        label,
        LEGEND_SIZE,
        WHITE,
        Vec2::new(x + 30.0, LEGEND_Y),
        Anchor::CENTER_LEFT,
    )
}
