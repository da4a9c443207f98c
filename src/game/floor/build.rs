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
use crate::i18n::Lang;
use crate::scenario::Model;
use crate::sim::Session;
use crate::t;

/// What the floor was built for: rebuilt when the team on screen or its units change.
#[derive(Resource, Default, PartialEq, Clone)]
pub(super) struct Built {
    factory: Option<Entity>,
    units: Vec<String>,
    steps: usize,
    /// The labels' scale in hundredths (they follow the text size).
    text: u32,
    /// The labels' language.
    lang: Lang,
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

/// A label's size: `size`, or less if its longest word would not fit in `width` (the floor's font is
/// monospaced, about 0.6 of its size per letter), so that no label runs into its neighbour.
pub fn fitting(text: &str, size: f32, width: f32) -> f32 {
    let longest = text
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    size.min(width / (longest * 0.6))
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
    let k = label_scale(settings.scale);
    let wanted = Built {
        factory: session.factories.get(settings.selected).copied(),
        units: org.units.iter().map(|u| u.id.clone()).collect(),
        steps: model.steps.len(),
        text: (k * 100.0).round() as u32,
        lang: settings.lang,
    };
    let l = settings.lang;
    if *built == wanted {
        return;
    }
    if built.factory != wanted.factory {
        marks.clear();
    }
    for e in &items {
        commands.entity(e).despawn();
    }
    let layout = Layout::new(model.steps.len(), org.units.len(), k);
    spawn_columns(&mut commands, model, &layout, &palette, k, l);
    spawn_zones(&mut commands, model, org, &layout, k, l);
    spawn_people(&mut commands, model, org, &layout, &palette, k, l);
    commands.spawn((
        text(
            "",
            38.0 * k,
            style::color(settings.selected),
            Vec2::new(-WIDTH / 2.0 + 4.0, TITLE_Y),
            Anchor::CENTER_LEFT,
        ),
        TeamTitle,
    ));
    spawn_legend(&mut commands, &palette, k, l);
    *built = wanted;
}

/// One column per step: its background, name, station units, cake slots and status line.
fn spawn_columns(
    commands: &mut Commands,
    model: &Model,
    layout: &Layout,
    palette: &Palette,
    k: f32,
    l: Lang,
) {
    for (c, step) in model.steps.iter().enumerate() {
        let name = model.lexicon.say(l, &step.name);
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
                name,
                fitting(name, 25.0 * k, layout.column_width - 8.0),
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
        for slot in 0..layout.cake_slots() {
            commands.spawn((
                Mesh2d(palette.cake.clone()),
                MeshMaterial2d(palette.standard_cake.clone()),
                Transform::from_translation(layout.cake(c, slot).extend(2.0))
                    .with_scale(Vec3::splat(layout.figure)),
                Visibility::Hidden,
                Cake { column: c, slot },
                FloorItem,
            ));
        }
        commands.spawn((
            text("", 21.0 * k, MUTED, Vec2::new(x, STATUS_Y), Anchor::CENTER),
            TextBounds::new_horizontal(layout.column_width - 6.0),
            TextLayout::justify(Justify::Center),
            ColumnStatus { column: c },
        ));
    }
}

/// The units' home zones, in their colours, and the away zone last.
fn spawn_zones(
    commands: &mut Commands,
    model: &Model,
    org: &Org,
    layout: &Layout,
    k: f32,
    l: Lang,
) {
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
            t!(l, "floor-away")
        } else {
            model.lexicon.say(l, &org.units[z].name).to_string()
        };
        commands.spawn((
            text(
                name.clone(),
                fitting(&name, 24.0 * k, right - left - 16.0),
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
    k: f32,
    l: Lang,
) {
    for (w, worker) in model.workers.iter().enumerate() {
        let unit = org.worker_unit[w] as usize;
        let name = model.lexicon.say(l, &worker.name);
        let initial: String = name.chars().take(1).collect();
        commands
            .spawn((
                Mesh2d(palette.circle.clone()),
                MeshMaterial2d(palette.units[unit % palette.units.len()].clone()),
                // The figure (disc, initial and name) grows with the text size.
                Transform::from_translation(layout.in_zone(unit, w).extend(3.0))
                    .with_scale(Vec3::splat(k)),
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
                Text2d::new(name),
                TextFont {
                    font_size: FontSize::Px(19.0),
                    ..default()
                },
                TextColor(WHITE),
                // A name with what the person does ("Bo (answering)") wraps under the disc rather than
                // run into the next unit's zone.
                TextBounds::new_horizontal(WORKER_R * 5.0),
                TextLayout::justify(Justify::Center),
                Anchor::TOP_CENTER,
                Transform::from_xyz(0.0, -WORKER_R - 2.0, 1.0),
                WorkerLabel { index: w },
            ));
    }
}

/// Colour swatches and what they mean.
fn spawn_legend(commands: &mut Commands, palette: &Palette, k: f32, l: Lang) {
    let cakes = [
        (t!(l, "floor-standard-cake"), &palette.standard_cake),
        (t!(l, "floor-custom-cake"), &palette.custom_cake),
        (t!(l, "floor-late"), &palette.late_cake),
        (t!(l, "floor-waiting"), &palette.blocked_cake),
    ];
    let swatches = [
        (t!(l, "floor-station-free"), STATION_FREE, 22.0),
        (t!(l, "floor-station-broken"), STATION_BROKEN, 22.0),
        (t!(l, "floor-handoff"), HANDOFF_ARROW, 6.0),
    ];
    // Each entry as wide as its label (the floor's font is monospaced: about 0.6 of its size per letter); the
    // entries fill a row and go on in a second one when the text size makes them too wide for one.
    let size = LEGEND_SIZE * k;
    let labels: Vec<&str> = cakes
        .iter()
        .map(|(label, _)| label.as_str())
        .chain(swatches.iter().map(|(label, _, _)| label.as_str()))
        .collect();
    let widths: Vec<f32> = labels
        .iter()
        .map(|l| 30.0 + l.chars().count() as f32 * size * 0.6)
        .collect();
    let places = legend_places(&widths, 1.3 * size + 6.0);
    let first_swatch = cakes.len();
    for (i, (label, material)) in cakes.into_iter().enumerate() {
        let (x, y) = places[i];
        commands.spawn((
            Mesh2d(palette.cake.clone()),
            MeshMaterial2d(material.clone()),
            Transform::from_xyz(x + CAKE_R, y, 2.0),
            FloorItem,
        ));
        commands.spawn(legend_label(&label, (x, y), size));
    }
    for (j, (label, color, height)) in swatches.into_iter().enumerate() {
        let (x, y) = places[first_swatch + j];
        commands.spawn((
            Sprite::from_color(color, Vec2::new(22.0, height)),
            Transform::from_xyz(x + 11.0, y, 2.0),
            FloorItem,
        ));
        commands.spawn(legend_label(&label, (x, y), size));
    }
}

/// Where each legend entry of these widths goes: left to right with even gaps, in as many rows of
/// `row_height` as the floor's width needs (each row's gaps spread its entries across it).
pub fn legend_places(widths: &[f32], row_height: f32) -> Vec<(f32, f32)> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, w) in widths.iter().enumerate() {
        let row = rows.last_mut().expect("a row");
        if !row.is_empty() && used + w + 8.0 * row.len() as f32 > WIDTH {
            rows.push(vec![i]);
            used = *w;
        } else {
            row.push(i);
            used += w;
        }
    }
    let mut out = vec![(0.0, 0.0); widths.len()];
    for (r, row) in rows.iter().enumerate() {
        let total: f32 = row.iter().map(|&i| widths[i]).sum();
        let gap = ((WIDTH - total) / row.len() as f32).max(8.0);
        let mut x = -WIDTH / 2.0;
        for &i in row {
            out[i] = (x, LEGEND_Y - r as f32 * row_height);
            x += widths[i] + gap;
        }
    }
    out
}

/// The legend's text size.
const LEGEND_SIZE: f32 = 19.0;

fn legend_label(label: &str, (x, y): (f32, f32), size: f32) -> impl Bundle {
    text(
        label,
        size,
        WHITE,
        Vec2::new(x + 30.0, y),
        Anchor::CENTER_LEFT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_shrinks_its_label_to_its_column() {
        let size = fitting("Purchasing", 32.0, 150.0);
        assert!(size * 0.6 * 10.0 <= 150.0 + 1e-3 && size < 32.0);
        assert_eq!(fitting("Baking", 25.0, 150.0), 25.0);
    }

    /// The legend's entries never overlap and stay on the floor, in one row or, with large text, two.
    #[test]
    fn the_legend_fits_at_every_text_size() {
        let labels = [
            "standard cake",
            "custom cake",
            "late",
            "waiting (WIP limit)",
            "station free",
            "station broken",
            "cross-unit handoff",
        ];
        for text_size in [0.8, 1.4, 1.8, 2.5] {
            let size = LEGEND_SIZE * label_scale(text_size);
            let widths: Vec<f32> = labels
                .iter()
                .map(|l| 30.0 + l.chars().count() as f32 * size * 0.6)
                .collect();
            let places = legend_places(&widths, 1.3 * size + 6.0);
            for (i, &(x, y)) in places.iter().enumerate() {
                assert!(
                    x >= -WIDTH / 2.0 && x + widths[i] <= WIDTH / 2.0 + 1.0,
                    "{text_size}: {i}"
                );
                assert!(
                    y - size * 0.6 > -HEIGHT / 2.0,
                    "{text_size}: {i} below the floor"
                );
                for (j, &(x2, y2)) in places.iter().enumerate().skip(i + 1) {
                    let apart = y != y2 || x + widths[i] <= x2 || x2 + widths[j] <= x;
                    assert!(apart, "{text_size}: entries {i} and {j} overlap");
                }
            }
        }
    }
}
