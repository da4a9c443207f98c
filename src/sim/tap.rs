//! Taps: extra consumers of the event stream (event log files, time series) installed by whoever runs the
//! session, fed in order during [`SimSet::Observe`].

use bevy::prelude::*;

use super::{SimEvent, SimSet};

/// Something that wants every event.
pub trait EventTap: Send + Sync {
    fn observe(&mut self, event: &SimEvent);
}

impl<F: FnMut(&SimEvent) + Send + Sync> EventTap for F {
    fn observe(&mut self, event: &SimEvent) {
        self(event)
    }
}

#[derive(Resource, Default)]
pub struct Taps(pub Vec<Box<dyn EventTap>>);

/// Events kept by a [`recorder`] tap.
pub type Recorded = std::sync::Arc<std::sync::Mutex<Vec<SimEvent>>>;

/// A tap that keeps every event, and the shared list it keeps them in.
pub fn recorder() -> (Box<dyn EventTap>, Recorded) {
    let events = Recorded::default();
    let sink = std::sync::Arc::clone(&events);
    let tap = move |e: &SimEvent| {
        if let Ok(mut v) = sink.lock() {
            v.push(e.clone());
        }
    };
    (Box::new(tap), events)
}

/// Takes the events a recorder kept so far.
pub fn take(recorded: &Recorded) -> Vec<SimEvent> {
    recorded
        .lock()
        .map(|mut v| std::mem::take(&mut *v))
        .unwrap_or_default()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Taps>();
    app.add_systems(Update, feed_taps.in_set(SimSet::Observe));
}

fn feed_taps(mut taps: ResMut<Taps>, mut events: MessageReader<SimEvent>) {
    if taps.0.is_empty() {
        events.clear();
        return;
    }
    for e in events.read() {
        for tap in &mut taps.0 {
            tap.observe(e);
        }
    }
}
