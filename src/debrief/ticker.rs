//! The ticker's line for an event that matters to the room (a disruption's headline, a breakdown, a rush
//! offer, a late delivery, a team's decision) and how much it matters: one wording for the game's ticker and
//! the team devices' own.

use crate::debrief::describe_action;
use crate::domain::event::{EventKind, SimEvent};
use crate::domain::{Command, TeamAction};
use crate::i18n::{Lang, money};
use crate::scenario::Model;
use crate::t;

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
pub fn describe(model: &Model, e: &SimEvent, lang: Lang) -> Option<(Severity, String)> {
    let say = |english: &str| model.lexicon.say(lang, english).to_string();
    let worker_name = |i: u16| {
        model
            .workers
            .get(i as usize)
            .map_or_else(|| "?".to_string(), |w| say(&w.name))
    };
    let product_name = |i: u16| {
        model
            .products
            .get(i as usize)
            .map_or_else(|| "?".to_string(), |p| say(&p.name))
    };
    let station_name = |i: u16| {
        model
            .stations
            .get(i as usize)
            .map_or_else(|| "?".to_string(), |s| say(&s.name))
    };
    match &e.kind {
        EventKind::RoundStarted { round } => Some((
            Severity::Info,
            t!(lang, "ticker-round-starts", round = *round),
        )),
        EventKind::RoundEnded { round } => Some((
            Severity::Info,
            t!(lang, "ticker-round-over", round = *round),
        )),
        EventKind::DisruptionStarted { spec } => Some((
            Severity::Alert,
            model.lexicon.say(lang, spec.headline.get(lang)).to_string(),
        )),
        EventKind::StationDown { station, units, .. } => Some((
            Severity::Warning,
            t!(
                lang,
                "ticker-station-down",
                units = *units,
                station = station_name(*station)
            ),
        )),
        EventKind::WorkerAbsent { worker, .. } => Some((
            Severity::Warning,
            t!(lang, "ticker-worker-away", worker = worker_name(*worker)),
        )),
        EventKind::RushOffered {
            product,
            quantity,
            price,
            ..
        } => Some((
            Severity::Alert,
            t!(
                lang,
                "ticker-rush-offer",
                quantity = *quantity,
                product = product_name(*product),
                price = money(lang, *price)
            ),
        )),
        EventKind::OrderReceived { product, price, .. } if *price >= 400.0 => Some((
            Severity::Info,
            t!(
                lang,
                "ticker-big-order",
                product = product_name(*product),
                price = money(lang, *price)
            ),
        )),
        EventKind::OrderDelivered { late_ms, .. } if *late_ms >= 30 * 60_000 => Some((
            Severity::Warning,
            t!(lang, "ticker-late", minutes = late_ms / 60_000),
        )),
        EventKind::OrderLost { .. } => Some((Severity::Warning, t!(lang, "ticker-cancelled"))),
        EventKind::DefectFound {
            by: crate::domain::event::FoundBy::Customer,
            ..
        } => Some((Severity::Warning, t!(lang, "ticker-sent-back"))),
        EventKind::CommandRejected { reason, .. } => Some((
            Severity::Warning,
            t!(
                lang,
                "ticker-not-done",
                reason = crate::i18n::again(lang, reason)
            ),
        )),
        // Every team decision says what it did (an answer to an offer through its `RushAnswered`).
        EventKind::CommandApplied { command } => match &**command {
            Command::Team {
                action: TeamAction::RespondToOffer { .. },
                ..
            } => None,
            Command::Team { action, .. } => {
                Some((Severity::Info, describe_action(action, Some(model), lang)))
            }
            _ => None,
        },
        EventKind::RushAnswered {
            accepted,
            by_default,
            ..
        } => Some(match (by_default, accepted) {
            (false, true) => (Severity::Info, t!(lang, "ticker-rush-accepted")),
            (false, false) => (Severity::Info, t!(lang, "ticker-rush-declined")),
            (true, true) => (Severity::Warning, t!(lang, "ticker-rush-taken-default")),
            (true, false) => (Severity::Warning, t!(lang, "ticker-rush-declined-default")),
        }),
        _ => None,
    }
}
