//! Brings the floor to the snapshot every frame: people (colour, where they go, what their label says),
//! waiting cakes, station units, the status line of each step and the title; people glide to their places.

use bevy::prelude::*;

use super::build::{Cake, ColumnStatus, StationUnit, TeamTitle, WorkerLabel};
use super::layout::*;
use super::{FloorStep, Palette, SelectedView, WorkerFigure, on_screen};
use crate::factory::{FactorySim, FactoryView, OrderStatus, WorkerActivity};
use crate::game::ui::{UiSettings, style};
use crate::sim::Session;

/// Where a person is heading.
#[derive(Component, PartialEq)]
struct Target(Vec2);

/// How a waiting cake looks: custom, late, waiting outside a full step.
#[derive(Clone, Copy)]
struct Waiting {
    custom: bool,
    late: bool,
    blocked: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            people,
            labels,
            cakes,
            stations,
            statuses,
            title,
            glide.after(people),
        )
            .in_set(FloorStep::Update),
    );
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

/// Each person's colour (their unit's, grey when away) and where they go.
fn people(
    mut commands: Commands,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    palette: Res<Palette>,
    snapshot: Res<SelectedView>,
    mut figures: Query<(
        Entity,
        &WorkerFigure,
        &mut MeshMaterial2d<ColorMaterial>,
        Option<&mut Target>,
    )>,
) {
    let (Some(factory), Some(view)) = (
        on_screen(&session, &settings, &factories),
        snapshot.0.as_ref(),
    ) else {
        return;
    };
    let units = factory.org().units.len();
    let targets = worker_targets(
        view,
        &Layout::new(
            session.model.steps.len(),
            units,
            label_scale(settings.scale),
        ),
        units,
    );
    for (entity, fig, mut material, target) in &mut figures {
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
}

/// Names, with what a person does when they are not at a step.
fn labels(
    session: Res<Session>,
    settings: Res<UiSettings>,
    snapshot: Res<SelectedView>,
    mut labels: Query<(&WorkerLabel, &mut Text2d)>,
) {
    let Some(view) = snapshot.0.as_ref() else {
        return;
    };
    for (label, mut t) in &mut labels {
        let (Some(wv), Some(worker)) = (
            view.workers.get(label.index),
            session.model.workers.get(label.index),
        ) else {
            continue;
        };
        let l = settings.lang;
        let suffix = match wv.activity {
            WorkerActivity::Answering => format!(" ({})", crate::t!(l, "floor-answering")),
            WorkerActivity::Meeting => format!(" ({})", crate::t!(l, "floor-standup")),
            WorkerActivity::Spanning => format!(" ({})", crate::t!(l, "floor-spanning")),
            WorkerActivity::Absent { .. } => format!(" ({})", crate::t!(l, "activity-away")),
            _ => String::new(),
        };
        let wanted = format!("{}{}", session.model.lexicon.say(l, &worker.name), suffix);
        if t.0 != wanted {
            t.0 = wanted;
        }
    }
}

/// Cakes waiting at each step: queued first (earliest due first), then those waiting outside.
fn waiting(view: &FactoryView, columns: usize) -> Vec<Vec<Waiting>> {
    let mut waiting = vec![Vec::new(); columns];
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
            col.push(Waiting {
                custom: o.custom,
                late: o.due < view.now,
                blocked: o.status == OrderStatus::Blocked,
            });
        }
    }
    waiting
}

fn cakes(
    session: Res<Session>,
    snapshot: Res<SelectedView>,
    palette: Res<Palette>,
    mut cakes: Query<(&Cake, &mut Visibility, &mut MeshMaterial2d<ColorMaterial>)>,
) {
    let Some(view) = snapshot.0.as_ref() else {
        return;
    };
    let waiting = waiting(view, session.model.steps.len());
    for (cake, mut vis, mut material) in &mut cakes {
        let Some(w) = waiting.get(cake.column).and_then(|w| w.get(cake.slot)) else {
            vis.set_if_neq(Visibility::Hidden);
            continue;
        };
        vis.set_if_neq(Visibility::Visible);
        let wanted = if w.blocked {
            &palette.blocked_cake
        } else if w.late {
            &palette.late_cake
        } else if w.custom {
            &palette.custom_cake
        } else {
            &palette.standard_cake
        };
        if material.0 != *wanted {
            material.0 = wanted.clone();
        }
    }
}

/// Station units: broken, in use (in the colour of the unit owning the step) or free.
fn stations(
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    snapshot: Res<SelectedView>,
    mut units: Query<(&StationUnit, &mut Sprite)>,
) {
    let (Some(factory), Some(view)) = (
        on_screen(&session, &settings, &factories),
        snapshot.0.as_ref(),
    ) else {
        return;
    };
    let org = factory.org();
    for (unit, mut sprite) in &mut units {
        let Some(st) = view.stations.get(unit.station) else {
            continue;
        };
        let k = unit.k as u32;
        let wanted = if k >= st.count - st.down {
            STATION_BROKEN
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
}

/// Under each column: cakes beyond the shown slots, work in hand, questions and cakes on their way.
fn statuses(
    session: Res<Session>,
    settings: Res<UiSettings>,
    snapshot: Res<SelectedView>,
    mut statuses: Query<(&ColumnStatus, &mut Text2d)>,
) {
    // The units do not matter to the queue's slots.
    let slots = Layout::new(session.model.steps.len(), 1, label_scale(settings.scale)).cake_slots();
    let Some(view) = snapshot.0.as_ref() else {
        return;
    };
    let waiting = waiting(view, session.model.steps.len());
    for (status, mut t) in &mut statuses {
        let Some(s) = view.steps.get(status.column) else {
            continue;
        };
        let shown = waiting.get(status.column).map_or(0, Vec::len);
        let l = settings.lang;
        let mut parts = Vec::new();
        let hidden = shown.saturating_sub(slots);
        if hidden > 0 {
            parts.push(crate::t!(l, "floor-more", count = hidden));
        }
        if s.working + s.processing > 0 {
            parts.push(crate::t!(
                l,
                "floor-in-work",
                count = s.working + s.processing
            ));
        }
        if s.asking > 0 {
            parts.push(crate::t!(l, "floor-asking", count = s.asking));
        }
        if s.incoming > 0 {
            parts.push(crate::t!(l, "floor-coming", count = s.incoming));
        }
        let wanted = parts.join("\n");
        if t.0 != wanted {
            t.0 = wanted;
        }
    }
}

/// The team's name, its design and the one pending for the next round, in the team's colour.
fn title(
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    snapshot: Res<SelectedView>,
    mut title: Query<(&mut Text2d, &mut TextColor), With<TeamTitle>>,
) {
    let (Some(factory), Some(view), Ok((mut t, mut color))) = (
        on_screen(&session, &settings, &factories),
        snapshot.0.as_ref(),
        title.single_mut(),
    ) else {
        return;
    };
    color.set_if_neq(TextColor(style::color(settings.selected)));
    let l = settings.lang;
    let say = |english: &str| session.model.lexicon.say(l, english).to_string();
    let wanted = format!(
        "{}  -  {}{}",
        session
            .team_names
            .get(settings.selected)
            .map_or("", String::as_str),
        say(session.model.design_title(&factory.org().design)),
        view.pending_design
            .as_ref()
            .map_or(String::new(), |p| format!(
                "  ({})",
                crate::t!(
                    l,
                    "floor-next-round",
                    design = say(session.model.design_title(p))
                )
            ))
    );
    if t.0 != wanted {
        t.0 = wanted;
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
