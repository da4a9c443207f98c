//! Advancing the factories to the session's target time and publishing the events of the update.

use bevy::prelude::*;

use super::SimSet;
use super::session::Session;
use crate::domain::SimEvent;
use crate::factory::FactorySim;

/// Event batch sizes the adaptive step aims between.
const BATCH_LOW: usize = 8_000;
const BATCH_HIGH: usize = 40_000;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (advance, publish)
            .chain()
            .in_set(SimSet::Advance)
            .run_if(resource_exists::<Session>),
    );
}

/// Moves every factory to `min(target, round end, now + step)`; ends the round when its end is reached.
fn advance(mut session: ResMut<Session>, mut factories: Query<&mut FactorySim>) {
    if !session.running || session.target <= session.now {
        return;
    }
    let stop = session
        .target
        .min(session.round_end)
        .min(session.now.saturating_add(session.step_ms));
    factories.par_iter_mut().for_each(|mut f| f.advance(stop));
    session.now = stop;
    // Per-factory events are in time order; a stable sort by time interleaves them, ties by factory index.
    let mut batch: Vec<SimEvent> = Vec::new();
    for &e in &session.factories {
        if let Ok(mut f) = factories.get_mut(e) {
            f.drain_events(&mut batch);
        }
    }
    batch.sort_by_key(|e| e.t);
    let produced = batch.len();
    session.log.append(&mut batch);
    if stop >= session.round_end {
        session.end_round(&mut factories);
    }
    // Keep batches moderate: long calm stretches take big steps, busy ones small.
    let round_len = session.model.round_len.0.max(1);
    if produced > BATCH_HIGH {
        session.step_ms = (session.step_ms / 2).max(1_000);
    } else if produced < BATCH_LOW {
        session.step_ms = session.step_ms.saturating_mul(2).min(round_len);
    }
}

/// Publishes the update's events as messages, in order.
fn publish(mut session: ResMut<Session>, mut writer: MessageWriter<SimEvent>) {
    if !session.log.is_empty() {
        writer.write_batch(session.log.drain(..));
    }
}
