//! The factory floor of the team on screen, drawn with Bevy 2D: one column per step along the flow of work
//! (stations, queue of cakes, people at work), the units' home areas with their idle people, an area for
//! those who are away, and short-lived marks for cross-unit handoffs, questions and defects. People glide to
//! where they work, so motion looks continuous at every speed.

use bevy::prelude::*;
use bevy::sprite::Anchor;

use super::Screen;
use super::ui::{FloorArea, UiSettings, style};
use crate::factory::{FactorySim, FactoryView, OrderStatus, WorkerActivity};
use crate::scenario::Model;
use crate::sim::event::{EventKind, FoundBy, SimEvent};
use crate::sim::{Session, SimSet};

/// The floor's systems, run after the simulation's events are observed.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct FloorSet;

/// Size of the floor in world units.
pub const WIDTH: f32 = 1500.0;
pub const HEIGHT: f32 = 850.0;

const TITLE_Y: f32 = 405.0;
const HEADER_Y: f32 = 340.0;
const ARROW_Y: f32 = 300.0;
const STATION_Y: f32 = 262.0;
const WORK_Y: f32 = 196.0;
const QUEUE_TOP: f32 = 134.0;
const STATUS_Y: f32 = -40.0;
const ZONE_TOP: f32 = -85.0;
const ZONE_BOTTOM: f32 = -335.0;
const LEGEND_Y: f32 = -372.0;
const CAKES_PER_ROW: usize = 5;
const CAKE_ROWS: usize = 6;
const CAKE_R: f32 = 12.0;
const WORKER_R: f32 = 24.0;
const STATION_SIZE: f32 = 40.0;
const COLUMN_TOP: f32 = 375.0;
const COLUMN_BOTTOM: f32 = -70.0;
const STATION_FREE: Color = Color::srgb(0.62, 0.64, 0.70);
/// Real seconds a handoff or defect mark stays on screen.
const MARK_SECS: f32 = 1.6;

/// Where things go on the floor, computed from the scenario and the unit count.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub column_x: Vec<f32>,
    pub column_width: f32,
    /// (left, right) of each unit's home zone, and of the away zone last.
    pub zones: Vec<(f32, f32)>,
}

impl Layout {
    pub fn new(steps: usize, units: usize) -> Layout {
        let column_width = WIDTH / steps.max(1) as f32;
        let column_x = (0..steps)
            .map(|i| -WIDTH / 2.0 + column_width * (i as f32 + 0.5))
            .collect();
        let n = units + 1;
        let gap = 12.0;
        let zone_w = (WIDTH - gap * (n as f32 - 1.0)) / n as f32;
        let zones = (0..n)
            .map(|i| {
                let left = -WIDTH / 2.0 + i as f32 * (zone_w + gap);
                (left, left + zone_w)
            })
            .collect();
        Layout {
            column_x,
            column_width,
            zones,
        }
    }

    /// Position of the `i`th cake in a column's queue.
    pub fn cake(&self, column: usize, i: usize) -> Vec2 {
        let x0 = self.column_x[column] - (CAKES_PER_ROW as f32 - 1.0) / 2.0 * (CAKE_R * 2.6);
        Vec2::new(
            x0 + (i % CAKES_PER_ROW) as f32 * CAKE_R * 2.6,
            QUEUE_TOP - (i / CAKES_PER_ROW) as f32 * CAKE_R * 2.6,
        )
    }

    /// Side of a station unit's square when a column shows `count` of them.
    pub fn station_size(&self, count: usize) -> f32 {
        (self.column_width / count.max(1) as f32 - 5.0).clamp(8.0, STATION_SIZE)
    }

    /// Position of the `k`th station unit of a column.
    pub fn station(&self, column: usize, k: usize, count: usize) -> Vec2 {
        let spacing = self.station_size(count) + 5.0;
        Vec2::new(
            self.column_x[column] + (k as f32 - (count as f32 - 1.0) / 2.0) * spacing,
            STATION_Y,
        )
    }

    /// Position of the `k`th person working at a column.
    pub fn at_work(&self, column: usize, k: usize, count: usize) -> Vec2 {
        let spacing = (WORKER_R * 2.3).min(self.column_width / count.max(1) as f32);
        Vec2::new(
            self.column_x[column] + (k as f32 - (count as f32 - 1.0) / 2.0) * spacing,
            WORK_Y,
        )
    }

    /// Position of the `k`th person in a home (or away) zone.
    pub fn in_zone(&self, zone: usize, k: usize) -> Vec2 {
        let (left, right) = self.zones[zone.min(self.zones.len() - 1)];
        let per_row = (((right - left) - 20.0) / (WORKER_R * 2.6))
            .floor()
            .max(1.0) as usize;
        Vec2::new(
            left + 10.0 + WORKER_R * 1.3 + (k % per_row) as f32 * WORKER_R * 2.6,
            ZONE_TOP - 80.0 - (k / per_row) as f32 * WORKER_R * 3.4,
        )
    }
}

/// What the floor was built for: rebuilt when the team on screen or its units change.
#[derive(Resource, Default, PartialEq, Clone)]
struct Built {
    factory: Option<Entity>,
    units: Vec<String>,
    steps: usize,
}

#[derive(Component)]
struct FloorItem;

#[derive(Component)]
struct WorkerFigure {
    index: usize,
}

#[derive(Component)]
struct WorkerLabel {
    index: usize,
}

#[derive(Component)]
struct Cake {
    column: usize,
    slot: usize,
}

#[derive(Component)]
struct StationUnit {
    station: usize,
    column: usize,
    k: usize,
}

#[derive(Component)]
struct ColumnStatus {
    column: usize,
}

#[derive(Component)]
struct TeamTitle;

/// A short-lived mark: an arrow for a cross-unit handoff, a flash for a defect or a question.
#[derive(Clone, Debug)]
struct Mark {
    kind: MarkKind,
    from: usize,
    to: usize,
    left: f32,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum MarkKind {
    CrossHandoff,
    Rework,
    Defect,
    Question,
}

#[derive(Resource, Default)]
struct Marks(Vec<Mark>);

/// The snapshot of the factory on screen, taken once per frame for the floor and the panels.
#[derive(Resource, Default)]
pub struct SelectedView(pub Option<FactoryView>);

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
    app.init_resource::<Built>()
        .init_resource::<Marks>()
        .init_resource::<SelectedView>();
    app.add_systems(Startup, setup);
    let on_floor = in_state(Screen::Playing)
        .or_else(in_state(Screen::Briefing))
        .or_else(in_state(Screen::RoundEnd));
    app.add_systems(
        Update,
        (
            collect_marks.in_set(SimSet::Observe),
            (
                snapshot,
                rebuild,
                update,
                glide,
                draw_marks,
                spanner_rings,
                fit_camera,
            )
                .chain()
                .in_set(FloorSet)
                .after(SimSet::Observe)
                .run_if(resource_exists::<Session>.and_then(on_floor)),
        ),
    );
    app.add_systems(
        Update,
        pick.after(FloorSet).run_if(
            in_state(Screen::Playing)
                .and_then(not(bevy_egui::input::egui_wants_any_pointer_input))
                .and_then(resource_exists::<Session>),
        ),
    );
    app.add_systems(OnEnter(Screen::Lobby), clear);
    app.add_systems(OnEnter(Screen::Final), clear);
}

fn setup(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    commands.spawn((Camera2d, Msaa::Sample4));
    let mat = |materials: &mut Assets<ColorMaterial>, c: Color| {
        materials.add(ColorMaterial::from_color(c))
    };
    let palette = Palette {
        circle: meshes.add(Circle::new(WORKER_R)),
        cake: meshes.add(Circle::new(CAKE_R)),
        units: (0..10)
            .map(|i| mat(&mut materials, style::color(i)))
            .collect(),
        away: mat(&mut materials, Color::srgb(0.35, 0.35, 0.38)),
        standard_cake: mat(&mut materials, Color::srgb(0.96, 0.87, 0.70)),
        custom_cake: mat(&mut materials, Color::srgb(0.98, 0.55, 0.78)),
        late_cake: mat(&mut materials, Color::srgb(0.95, 0.30, 0.25)),
        blocked_cake: mat(&mut materials, Color::srgb(0.45, 0.45, 0.50)),
    };
    commands.insert_resource(palette);
}

fn clear(mut commands: Commands, items: Query<Entity, With<FloorItem>>, mut built: ResMut<Built>) {
    for e in &items {
        commands.entity(e).despawn();
    }
    *built = Built::default();
}

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

fn snapshot(
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    mut view: ResMut<SelectedView>,
) {
    view.0 = session
        .factories
        .get(settings.selected)
        .and_then(|&e| factories.get(e).ok())
        .map(FactorySim::view);
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
    let Some(&entity) = session.factories.get(settings.selected) else {
        return;
    };
    let Ok(factory) = factories.get(entity) else {
        return;
    };
    let model = &session.model;
    let org = factory.org();
    let wanted = Built {
        factory: Some(entity),
        units: org.units.iter().map(|u| u.id.clone()).collect(),
        steps: model.steps.len(),
    };
    if *built == wanted {
        return;
    }
    if built.factory != wanted.factory {
        marks.0.clear();
    }
    for e in &items {
        commands.entity(e).despawn();
    }
    let layout = Layout::new(model.steps.len(), org.units.len());
    let white = Color::srgb(0.93, 0.93, 0.95);
    let muted = Color::srgb(0.60, 0.62, 0.68);
    // Columns.
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
                white,
                Vec2::new(x, HEADER_Y),
                Anchor::CENTER,
            ),
            bevy::text::TextBounds::new_horizontal(layout.column_width - 8.0),
            bevy::text::TextLayout::justify(bevy::text::Justify::Center),
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
            text("", 21.0, muted, Vec2::new(x, STATUS_Y), Anchor::CENTER),
            bevy::text::TextBounds::new_horizontal(layout.column_width - 6.0),
            bevy::text::TextLayout::justify(bevy::text::Justify::Center),
            ColumnStatus { column: c },
        ));
    }
    // Unit home zones and the away zone.
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
                if away { muted } else { style::color(z) },
                Vec2::new(left + 10.0, ZONE_TOP - 20.0),
                Anchor::CENTER_LEFT,
            ),
            bevy::text::TextBounds::new_horizontal(right - left - 16.0),
        ));
    }
    // People.
    for (w, worker) in model.workers.iter().enumerate() {
        let unit = org.worker_unit[w] as usize;
        commands
            .spawn((
                Mesh2d(palette.circle.clone()),
                MeshMaterial2d(palette.units[unit % palette.units.len()].clone()),
                Transform::from_translation(layout.in_zone(unit, w).extend(3.0)),
                WorkerFigure { index: w },
                FloorItem,
            ))
            .with_child((
                Text2d::new(
                    worker
                        .name
                        .chars()
                        .next()
                        .map(String::from)
                        .unwrap_or_default(),
                ),
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
                TextColor(white),
                Transform::from_xyz(0.0, -WORKER_R - 12.0, 1.0),
                WorkerLabel { index: w },
            ));
    }
    // The team's name, large, so nobody mistakes whose factory this is.
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
    // Legend: colour swatches and what they mean.
    let legend: [(&str, Color, bool); 7] = [
        ("standard cake", Color::srgb(0.96, 0.87, 0.70), true),
        ("custom cake", Color::srgb(0.98, 0.55, 0.78), true),
        ("late", Color::srgb(0.95, 0.30, 0.25), true),
        ("waiting (WIP limit)", Color::srgb(0.45, 0.45, 0.50), true),
        ("station free", STATION_FREE, false),
        ("station broken", Color::srgb(0.75, 0.15, 0.15), false),
        ("cross-unit handoff", Color::srgb(1.0, 0.65, 0.2), false),
    ];
    let slot = WIDTH / legend.len() as f32;
    for (i, (label, color, round)) in legend.iter().enumerate() {
        let x = -WIDTH / 2.0 + i as f32 * slot;
        if *round {
            commands.spawn((
                Mesh2d(palette.cake.clone()),
                MeshMaterial2d(match i {
                    0 => palette.standard_cake.clone(),
                    1 => palette.custom_cake.clone(),
                    2 => palette.late_cake.clone(),
                    _ => palette.blocked_cake.clone(),
                }),
                Transform::from_xyz(x + CAKE_R, LEGEND_Y, 2.0),
                FloorItem,
            ));
        } else {
            commands.spawn((
                Sprite::from_color(*color, Vec2::new(22.0, if i == 6 { 6.0 } else { 22.0 })),
                Transform::from_xyz(x + 11.0, LEGEND_Y, 2.0),
                FloorItem,
            ));
        }
        commands.spawn(text(
            *label,
            19.0,
            white,
            Vec2::new(x + 30.0, LEGEND_Y),
            Anchor::CENTER_LEFT,
        ));
    }
    *built = wanted;
}

/// Targets of every person now: where they work, their unit's home zone, or away.
fn worker_targets(view: &FactoryView, layout: &Layout, units: usize) -> Vec<Vec2> {
    let columns = layout.column_x.len();
    let mut at_column = vec![Vec::new(); columns];
    let mut in_zone = vec![Vec::new(); units + 1];
    for (w, wv) in view.workers.iter().enumerate() {
        match wv.activity {
            WorkerActivity::Working { step } if (step as usize) < columns => {
                at_column[step as usize].push(w)
            }
            WorkerActivity::Absent { .. } => in_zone[units].push(w),
            _ => in_zone[(wv.unit as usize).min(units.saturating_sub(1))].push(w),
        }
    }
    let mut targets = vec![Vec2::ZERO; view.workers.len()];
    for (c, ws) in at_column.iter().enumerate() {
        for (k, &w) in ws.iter().enumerate() {
            targets[w] = layout.at_work(c, k, ws.len());
        }
    }
    for (z, ws) in in_zone.iter().enumerate() {
        for (k, &w) in ws.iter().enumerate() {
            targets[w] = layout.in_zone(z, k);
        }
    }
    targets
}

#[derive(Component, PartialEq)]
struct Target(Vec2);

fn update(
    mut commands: Commands,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    palette: Res<Palette>,
    mut workers: Query<
        (
            Entity,
            &WorkerFigure,
            &mut MeshMaterial2d<ColorMaterial>,
            Option<&mut Target>,
        ),
        Without<Cake>,
    >,
    mut labels: Query<(&WorkerLabel, &mut Text2d), (Without<ColumnStatus>, Without<TeamTitle>)>,
    mut cakes: Query<
        (&Cake, &mut Visibility, &mut MeshMaterial2d<ColorMaterial>),
        Without<WorkerFigure>,
    >,
    mut stations: Query<(&StationUnit, &mut Sprite)>,
    mut statuses: Query<(&ColumnStatus, &mut Text2d), (Without<WorkerLabel>, Without<TeamTitle>)>,
    mut title: Query<
        (&mut Text2d, &mut TextColor),
        (With<TeamTitle>, Without<WorkerLabel>, Without<ColumnStatus>),
    >,
    snapshot: Res<SelectedView>,
) {
    let (Some(factory), Some(view)) = (
        session
            .factories
            .get(settings.selected)
            .and_then(|&e| factories.get(e).ok()),
        snapshot.0.as_ref(),
    ) else {
        return;
    };
    let model: &Model = &session.model;
    let org = factory.org();
    let layout = Layout::new(model.steps.len(), org.units.len());
    let targets = worker_targets(view, &layout, org.units.len());
    for (entity, fig, mut material, target) in &mut workers {
        let Some(wv) = view.workers.get(fig.index) else {
            continue;
        };
        let wanted = match wv.activity {
            WorkerActivity::Absent { .. } => &palette.away,
            _ => &palette.units[wv.unit as usize % palette.units.len()],
        };
        if material.0 != *wanted {
            material.0 = wanted.clone();
        }
        match target {
            Some(mut t) => {
                t.set_if_neq(Target(targets[fig.index]));
            }
            None => {
                commands.entity(entity).insert(Target(targets[fig.index]));
            }
        }
    }
    for (label, mut t) in &mut labels {
        let (Some(wv), Some(worker)) = (
            view.workers.get(label.index),
            model.workers.get(label.index),
        ) else {
            continue;
        };
        let suffix = match wv.activity {
            WorkerActivity::Answering => " (answering)",
            WorkerActivity::Meeting => " (stand-up)",
            WorkerActivity::Absent { .. } => " (away)",
            _ => "",
        };
        let wanted = format!("{}{}", worker.name, suffix);
        if t.0 != wanted {
            t.0 = wanted;
        }
    }
    // Cakes waiting at each step: queued first (earliest due first), then those waiting outside.
    let columns = model.steps.len();
    let mut waiting: Vec<Vec<(bool, bool, bool)>> = vec![Vec::new(); columns];
    let mut orders: Vec<_> = view
        .orders
        .iter()
        .filter(|o| {
            matches!(
                o.status,
                OrderStatus::Queued | OrderStatus::Blocked | OrderStatus::Asking
            )
        })
        .collect();
    orders.sort_by_key(|o| (o.status == OrderStatus::Blocked, o.due, o.id));
    for o in orders {
        if let Some(col) = waiting.get_mut(o.step as usize) {
            col.push((o.custom, o.due < view.now, o.status == OrderStatus::Blocked));
        }
    }
    for (cake, mut vis, mut material) in &mut cakes {
        match waiting.get(cake.column).and_then(|w| w.get(cake.slot)) {
            Some(&(custom, late, blocked)) => {
                vis.set_if_neq(Visibility::Visible);
                let wanted = if blocked {
                    &palette.blocked_cake
                } else if late {
                    &palette.late_cake
                } else if custom {
                    &palette.custom_cake
                } else {
                    &palette.standard_cake
                };
                if material.0 != *wanted {
                    material.0 = wanted.clone();
                }
            }
            None => {
                vis.set_if_neq(Visibility::Hidden);
            }
        }
    }
    for (unit, mut sprite) in &mut stations {
        let Some(st) = view.stations.get(unit.station) else {
            continue;
        };
        let k = unit.k as u32;
        let wanted = if k >= st.count - st.down {
            Color::srgb(0.75, 0.15, 0.15)
        } else if k < st.in_use {
            style::color(
                org.owners
                    .get(unit.column)
                    .and_then(|o| o.first())
                    .map_or(9, |u| *u as usize),
            )
        } else {
            STATION_FREE
        };
        if sprite.color != wanted {
            sprite.color = wanted;
        }
    }
    for (status, mut t) in &mut statuses {
        let Some(s) = view.steps.get(status.column) else {
            continue;
        };
        let shown = waiting.get(status.column).map_or(0, Vec::len);
        let mut parts = Vec::new();
        let hidden = shown.saturating_sub(CAKES_PER_ROW * CAKE_ROWS);
        if hidden > 0 {
            parts.push(format!("+{hidden} more"));
        }
        if s.working + s.processing > 0 {
            parts.push(format!("in work {}", s.working + s.processing));
        }
        if s.asking > 0 {
            parts.push(format!("asking {}", s.asking));
        }
        if s.incoming > 0 {
            parts.push(format!("coming {}", s.incoming));
        }
        let wanted = parts.join("\n");
        if t.0 != wanted {
            t.0 = wanted;
        }
    }
    if let Ok((mut t, mut color)) = title.single_mut() {
        color.set_if_neq(TextColor(style::color(settings.selected)));
        let wanted = format!(
            "{}  -  {}{}",
            session
                .team_names
                .get(settings.selected)
                .map_or("", String::as_str),
            org.design,
            view.pending_design
                .as_ref()
                .map_or(String::new(), |p| format!("  (next round: {p})"))
        );
        if t.0 != wanted {
            t.0 = wanted;
        }
    }
}

/// Moves people smoothly towards their targets.
fn glide(time: Res<Time>, mut q: Query<(&mut Transform, &Target), With<WorkerFigure>>) {
    let k = 1.0 - (-time.delta_secs() * 7.0).exp();
    for (mut t, target) in &mut q {
        let now = t.translation.truncate();
        if now.distance_squared(target.0) > 0.01 {
            t.translation = now.lerp(target.0, k).extend(t.translation.z);
        }
    }
}

fn collect_marks(
    mut events: MessageReader<SimEvent>,
    session: Option<Res<Session>>,
    settings: Res<UiSettings>,
    mut marks: ResMut<Marks>,
    time: Res<Time>,
) {
    let dt = time.delta_secs();
    marks.0.retain_mut(|m| {
        m.left -= dt;
        m.left > 0.0
    });
    let Some(session) = session else {
        events.clear();
        return;
    };
    let selected = settings.selected as u16;
    for e in events.read() {
        if e.factory != Some(selected) {
            continue;
        }
        let mark = match &e.kind {
            EventKind::Handoff {
                from_step,
                to_step,
                cross_unit,
                rework,
                ..
            } if *cross_unit || *rework => Some(Mark {
                kind: if *rework {
                    MarkKind::Rework
                } else {
                    MarkKind::CrossHandoff
                },
                from: *from_step as usize,
                to: *to_step as usize,
                left: MARK_SECS,
            }),
            EventKind::DefectFound { step, by, .. } => Some(Mark {
                kind: MarkKind::Defect,
                from: *step as usize,
                to: if *by == FoundBy::Customer {
                    session.model.steps.len().saturating_sub(1)
                } else {
                    *step as usize
                },
                left: MARK_SECS,
            }),
            EventKind::QuestionAsked { step, .. } => Some(Mark {
                kind: MarkKind::Question,
                from: *step as usize,
                to: *step as usize,
                left: MARK_SECS,
            }),
            _ => None,
        };
        if let Some(m) = mark {
            marks.0.push(m);
        }
    }
    // Keep the floor readable at high speed.
    let excess = marks.0.len().saturating_sub(60);
    marks.0.drain(..excess);
}

fn draw_marks(
    mut gizmos: Gizmos,
    marks: Res<Marks>,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    snapshot: Res<SelectedView>,
) {
    let Some(factory) = session
        .factories
        .get(settings.selected)
        .and_then(|&e| factories.get(e).ok())
    else {
        return;
    };
    let layout = Layout::new(session.model.steps.len(), factory.org().units.len());
    let n = layout.column_x.len();
    for (i, m) in marks.0.iter().enumerate() {
        if m.from >= n || m.to >= n {
            continue;
        }
        let alpha = (m.left / MARK_SECS).clamp(0.0, 1.0);
        let lane = (i % 4) as f32 * 6.0;
        match m.kind {
            MarkKind::CrossHandoff | MarkKind::Rework => {
                let color = if m.kind == MarkKind::Rework {
                    Color::srgba(0.95, 0.25, 0.25, alpha)
                } else {
                    Color::srgba(1.0, 0.65, 0.2, alpha)
                };
                let y = ARROW_Y + lane - 9.0;
                let a = Vec2::new(layout.column_x[m.from] + 20.0, y);
                let b = Vec2::new(layout.column_x[m.to] - 20.0, y);
                if m.from == m.to {
                    gizmos.circle_2d(a, 14.0, color);
                } else {
                    gizmos.arrow_2d(a, b, color);
                }
            }
            MarkKind::Defect => {
                let c = Vec2::new(layout.column_x[m.to], WORK_Y);
                let r = 22.0 + 18.0 * (1.0 - alpha);
                gizmos.circle_2d(c, r, Color::srgba(0.95, 0.2, 0.2, alpha));
                gizmos.line_2d(
                    c + Vec2::new(0.0, 10.0),
                    c + Vec2::new(0.0, -4.0),
                    Color::srgba(0.95, 0.2, 0.2, alpha),
                );
            }
            MarkKind::Question => {
                let c = Vec2::new(layout.column_x[m.from] + 30.0, QUEUE_TOP + 20.0);
                gizmos.circle_2d(
                    c,
                    10.0 + 6.0 * (1.0 - alpha),
                    Color::srgba(0.5, 0.8, 1.0, alpha),
                );
            }
        }
    }
    // Broken stations wear a cross.
    let Some(view) = snapshot.0.as_ref() else {
        return;
    };
    for (c, step) in session.model.steps.iter().enumerate() {
        if let (Some(s), Some(st)) = (
            step.station,
            step.station.and_then(|s| view.stations.get(s)),
        ) {
            let count = session.model.stations[s].count as usize;
            for k in (st.count - st.down) as usize..st.count as usize {
                let p = layout.station(c, k, count);
                let d = layout.station_size(count) / 2.0 - 3.0;
                gizmos.line_2d(p + Vec2::new(-d, -d), p + Vec2::new(d, d), Color::WHITE);
                gizmos.line_2d(p + Vec2::new(-d, d), p + Vec2::new(d, -d), Color::WHITE);
            }
        }
    }
}

/// A click on the floor (never one on a panel: egui takes those) picks the person under the pointer.
fn pick(
    buttons: Res<ButtonInput<MouseButton>>,
    windows: Query<&Window, With<bevy::window::PrimaryWindow>>,
    cameras: Query<(&Camera, &GlobalTransform), With<Camera2d>>,
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
        .filter(|(d, _)| *d <= WORKER_R * 1.3)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i);
}

/// Spanner rings follow the figures (drawn after they moved); the picked person gets a white ring.
fn spanner_rings(
    mut gizmos: Gizmos,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    figures: Query<(&Transform, &WorkerFigure)>,
) {
    let Some(factory) = session
        .factories
        .get(settings.selected)
        .and_then(|&e| factories.get(e).ok())
    else {
        return;
    };
    let spanner = &factory.org().spanner;
    for (t, fig) in &figures {
        if settings.focus == Some(fig.index) {
            gizmos.circle_2d(t.translation.truncate(), WORKER_R + 10.0, Color::WHITE);
        }
        if spanner.get(fig.index).copied().unwrap_or(false) {
            let p = t.translation.truncate();
            gizmos.circle_2d(p, WORKER_R + 4.0, Color::srgb(1.0, 0.84, 0.2));
            gizmos.circle_2d(p, WORKER_R + 6.0, Color::srgb(1.0, 0.84, 0.2));
        }
    }
}

/// Fits the floor into the area the panels leave free.
fn fit_camera(
    area: Res<FloorArea>,
    settings: Res<UiSettings>,
    windows: Query<&Window, With<bevy::window::PrimaryWindow>>,
    mut camera: Query<(&mut Transform, &mut Projection), With<Camera2d>>,
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

/// Current simulated minute of the round, for labels.
pub fn round_minute(session: &Session) -> f64 {
    if session.round == 0 {
        0.0
    } else {
        session.now.since(session.round_start) as f64 / 60_000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_keeps_everything_on_the_floor() {
        for steps in [1, 7, 8, 12] {
            for units in [1, 3, 7, 10] {
                let l = Layout::new(steps, units);
                assert_eq!(l.column_x.len(), steps);
                assert_eq!(l.zones.len(), units + 1);
                for c in 0..steps {
                    for i in 0..CAKES_PER_ROW * CAKE_ROWS {
                        let p = l.cake(c, i);
                        assert!(p.x.abs() <= WIDTH / 2.0 && p.y.abs() <= HEIGHT / 2.0);
                    }
                    let p = l.at_work(c, 3, 5);
                    assert!(p.x.abs() <= WIDTH / 2.0);
                }
                for z in 0..=units {
                    let p = l.in_zone(z, 3);
                    assert!(p.x.abs() <= WIDTH / 2.0 && p.y > -HEIGHT / 2.0);
                }
                // Zones do not overlap.
                for w in l.zones.windows(2) {
                    assert!(w[0].1 <= w[1].0);
                }
            }
        }
    }
}
