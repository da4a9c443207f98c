//! Taps: extra consumers of the event stream (event log files, time series) installed by whoever runs the
//! session, fed in order during [`SimSet::Observe`].

use bevy::prelude::*;

use super::SimSet;
use crate::domain::SimEvent;

/// Something that wants every event.
pub trait EventTap: Send + Sync {
    /// Takes the next event (events come in session order).
    fn observe(&mut self, event: &SimEvent);

    /// The session is over: flush what is buffered and report the first failure, if any.
    fn finish(&mut self) -> Result<(), String> {
        Ok(())
    }
}

impl<F: FnMut(&SimEvent) + Send + Sync> EventTap for F {
    fn observe(&mut self, event: &SimEvent) {
        self(event)
    }
}

/// The taps of the current session, fed in the order they were added.
#[derive(Resource, Default)]
pub struct Taps(pub Vec<Box<dyn EventTap>>);

impl Taps {
    /// Finishes every tap (flushing files); the first failure, if any.
    pub fn finish(&mut self) -> Result<(), String> {
        let mut first = Ok(());
        for tap in &mut self.0 {
            let r = tap.finish();
            if first.is_ok() {
                first = r;
            }
        }
        first
    }
}

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
