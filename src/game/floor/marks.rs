//! Short-lived marks on the floor: an arrow for a cross-unit handoff (red for rework), a ring for a defect
//! found or a question asked, and a cross on every broken station unit.

use bevy::prelude::*;

use super::layout::*;
use super::{FloorStep, SelectedView, on_screen};
use crate::domain::event::{EventKind, FoundBy, SimEvent};
use crate::factory::FactorySim;
use crate::game::ui::UiSettings;
use crate::sim::{Session, SimSet};

/// At most this many marks at once, so the floor stays readable at high speed.
const MAX_MARKS: usize = 60;

/// A mark and how long (real seconds) it stays.
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

/// The marks on show.
#[derive(Resource, Default)]
pub(super) struct Marks(Vec<Mark>);

impl Marks {
    /// Takes every mark away (another team on screen).
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Marks>();
    app.add_systems(Update, collect.in_set(SimSet::Observe));
    app.add_systems(Update, (draw, crosses).in_set(FloorStep::Draw));
}

/// The mark an event of the team on screen leaves, if any.
fn mark_of(e: &SimEvent, steps: usize) -> Option<Mark> {
    let (kind, from, to) = match &e.kind {
        EventKind::Handoff {
            from_step,
            to_step,
            cross_unit,
            rework,
            ..
        } if *cross_unit || *rework => (
            if *rework {
                MarkKind::Rework
            } else {
                MarkKind::CrossHandoff
            },
            *from_step as usize,
            *to_step as usize,
        ),
        EventKind::DefectFound { step, by, .. } => (
            MarkKind::Defect,
            *step as usize,
            if *by == FoundBy::Customer {
                steps.saturating_sub(1)
            } else {
                *step as usize
            },
        ),
        EventKind::QuestionAsked { step, .. } => {
            (MarkKind::Question, *step as usize, *step as usize)
        }
        _ => return None,
    };
    Some(Mark {
        kind,
        from,
        to,
        left: MARK_SECS,
    })
}

fn collect(
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
    let steps = session.model.steps.len();
    let new = events
        .read()
        .filter(|e| e.factory == Some(selected))
        .filter_map(|e| mark_of(e, steps));
    marks.0.extend(new);
    let excess = marks.0.len().saturating_sub(MAX_MARKS);
    marks.0.drain(..excess);
}

fn draw(
    mut gizmos: Gizmos,
    marks: Res<Marks>,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
) {
    let Some(factory) = on_screen(&session, &settings, &factories) else {
        return;
    };
    let layout = Layout::new(
        session.model.steps.len(),
        factory.org().units.len(),
        label_scale(settings.scale),
    );
    let n = layout.column_x.len();
    for (i, m) in marks.0.iter().enumerate() {
        if m.from >= n || m.to >= n {
            continue;
        }
        let alpha = (m.left / MARK_SECS).clamp(0.0, 1.0);
        match m.kind {
            MarkKind::CrossHandoff | MarkKind::Rework => {
                let color = if m.kind == MarkKind::Rework {
                    Color::srgba(0.95, 0.25, 0.25, alpha)
                } else {
                    HANDOFF_ARROW.with_alpha(alpha)
                };
                let y = ARROW_Y + (i % 4) as f32 * 6.0 - 9.0;
                let a = Vec2::new(layout.column_x[m.from] + 20.0, y);
                let b = Vec2::new(layout.column_x[m.to] - 20.0, y);
                if m.from == m.to {
                    gizmos.circle_2d(a, 14.0, color);
                } else {
                    gizmos.arrow_2d(a, b, color);
                }
            }
            MarkKind::Defect => {
                let red = Color::srgba(0.95, 0.2, 0.2, alpha);
                let c = Vec2::new(layout.column_x[m.to], WORK_Y);
                gizmos.circle_2d(c, 22.0 + 18.0 * (1.0 - alpha), red);
                gizmos.line_2d(c + Vec2::new(0.0, 10.0), c + Vec2::new(0.0, -4.0), red);
            }
            MarkKind::Question => {
                let c = Vec2::new(layout.column_x[m.from] + 30.0, QUEUE_TOP + 20.0);
                let blue = Color::srgba(0.5, 0.8, 1.0, alpha);
                gizmos.circle_2d(c, 10.0 + 6.0 * (1.0 - alpha), blue);
            }
        }
    }
}

/// Broken station units wear a white cross.
fn crosses(
    mut gizmos: Gizmos,
    session: Res<Session>,
    settings: Res<UiSettings>,
    factories: Query<&FactorySim>,
    snapshot: Res<SelectedView>,
) {
    let (Some(factory), Some(view)) = (
        on_screen(&session, &settings, &factories),
        snapshot.0.as_ref(),
    ) else {
        return;
    };
    let model = &session.model;
    let layout = Layout::new(
        model.steps.len(),
        factory.org().units.len(),
        label_scale(settings.scale),
    );
    for (c, step) in model.steps.iter().enumerate() {
        let Some((s, st)) = step
            .station
            .and_then(|s| view.stations.get(s).map(|st| (s, st)))
        else {
            continue;
        };
        let count = model.stations[s].count as usize;
        for k in (st.count - st.down) as usize..st.count as usize {
            let p = layout.station(c, k, count);
            let d = layout.station_size(count) / 2.0 - 3.0;
            gizmos.line_2d(p + Vec2::new(-d, -d), p + Vec2::new(d, d), Color::WHITE);
            gizmos.line_2d(p + Vec2::new(-d, d), p + Vec2::new(d, -d), Color::WHITE);
        }
    }
}
