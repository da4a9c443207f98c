//! Rush offers in the live game: each waits for its team's answer for a number of real seconds of play (the
//! countdown stands still while the game is paused), or the game pauses until every team has answered, as
//! the lobby chose. When the time runs out (or the facilitator resumes with offers still open) the offer
//! lapses through a journaled command, and its default applies. A replay gives the record's own lapses.

use bevy::prelude::*;

use super::clock::{GameClock, OfferWindow};
use super::record::OpenOffers;
use super::ui::Notice;
use crate::domain::Command;
use crate::sim::{Session, SimSet};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        tick.after(SimSet::Observe).run_if(
            resource_exists::<Session>.and_then(not(in_state(super::screens::Screen::Replay))),
        ),
    );
}

/// Starts the countdown of new offers, counts it down while the round plays, and lets offers lapse.
fn tick(
    window: Res<OfferWindow>,
    time: Res<Time<Real>>,
    session: Res<Session>,
    mut clock: ResMut<GameClock>,
    mut offers: ResMut<OpenOffers>,
    mut commands: MessageWriter<Command>,
    mut notice: ResMut<Notice>,
    mut was_paused: Local<bool>,
) {
    let resumed = *was_paused && !clock.paused;
    let mut lapse = Vec::new();
    for o in offers.0.iter_mut().filter(|o| !o.lapsing) {
        if !o.seen {
            o.seen = true;
            match *window {
                OfferWindow::Seconds(s) => o.seconds_left = Some(f64::from(s)),
                OfferWindow::Pause => {
                    clock.paused = true;
                    notice.0 = Some((
                        "Paused for a rush offer: the teams answer, then Space resumes (an offer \
                         still open then takes its default)"
                            .into(),
                        time.elapsed_secs_f64() + 8.0,
                    ));
                }
            }
            continue;
        }
        let ran_out = match o.seconds_left.as_mut() {
            Some(left) => {
                if session.running && !clock.paused {
                    *left -= f64::from(time.delta_secs());
                }
                *left <= 0.0
            }
            None => resumed,
        };
        if ran_out {
            o.lapsing = true;
            lapse.push(Command::OfferLapsed {
                factory: o.team,
                offer: o.offer,
            });
        }
    }
    commands.write_batch(lapse);
    *was_paused = clock.paused;
}
