//! The ticker's line for an event that matters to the room (a disruption's headline, a breakdown, a rush
//! offer, a late delivery, a team's decision) and how much it matters: one wording for the game's ticker and
//! the team devices' own.

use crate::debrief::describe_action;
use crate::domain::event::{EventKind, SimEvent};
use crate::domain::{Command, TeamAction};
use crate::scenario::Model;

/// How much a ticker line matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Round starts and ends, big orders.
    Info,
    /// Something that slows a team down.
    Warning,
    /// A disruption or a decision the team must take.
    Alert,
}

/// The team an event concerns: its factory's, or the team a command was for; `None` for the room.
pub fn team_of(e: &SimEvent) -> Option<u16> {
    e.factory.or(match &e.kind {
        EventKind::CommandApplied { command } | EventKind::CommandRejected { command, .. } => {
            match &**command {
                Command::Team { factory, .. } => Some(*factory),
                _ => None,
            }
        }
        _ => None,
    })
}

/// The ticker line of an event that matters to the room, if it is one.
pub fn describe(model: &Model, e: &SimEvent) -> Option<(Severity, String)> {
    let worker_name = |i: u16| {
        model
            .workers
            .get(i as usize)
            .map_or("?", |w| w.name.as_str())
    };
    let product_name = |i: u16| {
        model
            .products
            .get(i as usize)
            .map_or("?", |p| p.name.as_str())
    };
    let station_name = |i: u16| {
        model
            .stations
            .get(i as usize)
            .map_or("?", |s| s.name.as_str())
    };
    match &e.kind {
        EventKind::RoundStarted { round } => {
            Some((Severity::Info, format!("Round {round} starts")))
        }
        EventKind::RoundEnded { round } => Some((Severity::Info, format!("Round {round} is over"))),
        EventKind::DisruptionStarted { spec } => Some((Severity::Alert, spec.headline.clone())),
        EventKind::StationDown { station, units, .. } => Some((
            Severity::Warning,
            format!("{units} x {} out of action", station_name(*station)),
        )),
        EventKind::WorkerAbsent { worker, .. } => Some((
            Severity::Warning,
            format!("{} is away", worker_name(*worker)),
        )),
        EventKind::RushOffered {
            product,
            quantity,
            price,
            ..
        } => Some((
            Severity::Alert,
            format!(
                "rush offer: {quantity} x {} at {:.0} each, accept or decline!",
                product_name(*product),
                price
            ),
        )),
        EventKind::OrderReceived { product, price, .. } if *price >= 400.0 => Some((
            Severity::Info,
            format!("big order: {} ({:.0})", product_name(*product), price),
        )),
        EventKind::OrderDelivered { late_ms, .. } if *late_ms >= 30 * 60_000 => Some((
            Severity::Warning,
            format!("delivered {} min late", late_ms / 60_000),
        )),
        EventKind::OrderLost { .. } => {
            Some((Severity::Warning, "a customer cancelled".to_string()))
        }
        EventKind::DefectFound {
            by: crate::domain::event::FoundBy::Customer,
            ..
        } => Some((Severity::Warning, "a customer sent a cake back".to_string())),
        EventKind::CommandRejected { reason, .. } => {
            Some((Severity::Warning, format!("not done: {reason}")))
        }
        // Every team decision says what it did (an answer to an offer through its `RushAnswered`).
        EventKind::CommandApplied { command } => match &**command {
            Command::Team {
                action: TeamAction::RespondToOffer { .. },
                ..
            } => None,
            Command::Team { action, .. } => {
                Some((Severity::Info, describe_action(action, Some(model))))
            }
            _ => None,
        },
        EventKind::RushAnswered {
            accepted,
            by_default,
            ..
        } => Some(match (by_default, accepted) {
            (false, true) => (Severity::Info, "accepted the rush offer".into()),
            (false, false) => (Severity::Info, "declined the rush offer".into()),
            (true, true) => (
                Severity::Warning,
                "no answer to the rush offer in time: taken by default".into(),
            ),
            (true, false) => (
                Severity::Warning,
                "no answer to the rush offer in time: declined by default".into(),
            ),
        }),
        _ => None,
    }
}
