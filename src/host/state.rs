//! What the devices are shown: a team's state (its factory at a glance, its figures, its choices, its ticker)
//! and the room's state for the facilitator's console, built from the session, its factories and the live
//! metrics (the figures' one definition). Pure functions over read-only views.

use serde::Serialize;

use crate::debrief::ticker::Severity;
use crate::domain::time::minute_of_round;
use crate::domain::{Practices, SimTime};
use crate::factory::{FactorySim, OrderStatus};
use crate::i18n::Lang;
use crate::metrics::collector::Live;
use crate::scenario::Model;
use crate::sim::Session;
use crate::t;

/// How the clock runs now, as the host shows it (kept by whoever drives the session's clock).
#[derive(bevy::prelude::Resource, Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Pace {
    /// The clock stands still.
    pub paused: bool,
    /// Simulated minutes per real second when running.
    pub speed: f64,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            paused: false,
            speed: 5.0,
        }
    }
}

/// Real seconds left to answer each open offer, when the clock that drives the session counts them itself
/// (the window's live offers): `(team, offer, seconds left or None while the game waits)`. Empty: offers
/// close at their due time in simulated minutes, and the seconds follow from the pace.
#[derive(bevy::prelude::Resource, Clone, Debug, Default, PartialEq)]
pub struct OfferCountdowns(pub Vec<(u16, u32, Option<f64>)>);

/// The session's clock and rounds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClockState {
    /// The running round, else the last one played (0 before the first).
    pub round: u32,
    /// Rounds in the session.
    pub rounds: u32,
    /// A round is running.
    pub running: bool,
    /// The last round has ended.
    pub finished: bool,
    /// The minute of the round.
    pub minute: f64,
    /// A round's full length in minutes.
    pub round_minutes: f64,
    /// The clock stands still.
    pub paused: bool,
    /// Simulated minutes per real second.
    pub speed: f64,
}

/// A team's figures so far (from the live metrics).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FiguresState {
    /// Cakes delivered.
    pub delivered: u64,
    /// Of them, late.
    pub late: u64,
    /// Orders the customer cancelled.
    pub lost: u64,
    /// Revenue minus costs.
    pub profit: f64,
    /// Orders in the factory now.
    pub wip: u64,
    /// Orders in the factory already past their due time.
    pub overdue: u64,
}

/// One step of the factory now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepState {
    /// Its id (for WIP limits).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Orders waiting for a worker.
    pub queued: u32,
    /// Orders a worker is on.
    pub working: u32,
    /// Orders in unattended station time.
    pub processing: u32,
    /// Orders waiting for an answer.
    pub asking: u32,
    /// Orders waiting outside (WIP limit).
    pub blocked: u32,
    /// Orders on their way in.
    pub incoming: u32,
    /// Who works on it now.
    pub people: Vec<String>,
    /// Its WIP limit, if it has one.
    pub wip_limit: Option<u32>,
    /// Some unit of the design owns it.
    pub owned: bool,
}

/// A station pool now.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StationState {
    /// Its name.
    pub name: String,
    /// Units in the pool.
    pub count: u32,
    /// In use.
    pub in_use: u32,
    /// Broken down.
    pub down: u32,
}

/// A unit of the current design.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitState {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A person in the factory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonState {
    /// Their id.
    pub id: String,
    /// Their name.
    pub name: String,
    /// Their skills, in words ("baking 1.0").
    pub skills: String,
    /// Their unit (index into `units`).
    pub unit: u16,
    /// A boundary spanner.
    pub spanner: bool,
    /// What they do now.
    pub doing: String,
    /// For each unit, why moving them there would be refused (`None`: allowed).
    pub moves: Vec<Option<String>>,
}

/// A design the team may switch to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DesignState {
    /// Its name (for the command).
    pub name: String,
    /// Its title.
    pub title: String,
    /// What it is like.
    pub description: String,
    /// Why switching to it would be refused (`None`: allowed).
    pub refusal: Option<String>,
}

/// An order in the factory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OrderState {
    /// Its id (for expediting).
    pub id: u64,
    /// Its product.
    pub product: String,
    /// The step it is at.
    pub step: String,
    /// What it is doing there.
    pub status: String,
    /// When it is due, in minutes from the current round's start (beyond the round length: a later round).
    pub due_minute: f64,
    /// Already past due.
    pub overdue: bool,
    /// Goes first in every queue.
    pub expedited: bool,
}

/// A rush offer waiting for the team's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferState {
    /// Its number (for the answer).
    pub offer: u32,
    /// The product.
    pub product: String,
    /// How many cakes.
    pub quantity: u32,
    /// The price of each.
    pub price: f64,
    /// When they are due, in minutes from the current round's start.
    pub due_minute: f64,
    /// Real seconds left to answer at the current speed (`None`: the clock is stopped).
    pub seconds_left: Option<f64>,
}

/// A line of a team's ticker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TickerLine {
    /// The round.
    pub round: u32,
    /// The minute of the round.
    pub minute: f64,
    /// `info`, `warning` or `alert`.
    pub severity: &'static str,
    /// What happened.
    pub text: String,
}

impl TickerLine {
    /// A line of `severity`.
    pub fn new(round: u32, minute: f64, severity: Severity, text: String) -> TickerLine {
        TickerLine {
            round,
            minute,
            severity: match severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Alert => "alert",
            },
            text,
        }
    }
}

/// Everything a team's device shows, sent as `{"type": "state", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamState {
    /// Always `"state"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The team's factory index.
    pub factory: u16,
    /// The team's name.
    pub team: String,
    /// The clock and rounds.
    pub clock: ClockState,
    /// The figures so far.
    pub figures: FiguresState,
    /// The design in use (title).
    pub design: String,
    /// The design chosen for the next round (title), if any.
    pub pending_design: Option<String>,
    /// The designs to choose from.
    pub designs: Vec<DesignState>,
    /// The factory's steps.
    pub steps: Vec<StepState>,
    /// The station pools.
    pub stations: Vec<StationState>,
    /// The current design's units.
    pub units: Vec<UnitState>,
    /// The people.
    pub people: Vec<PersonState>,
    /// The practices in use.
    pub practices: Practices,
    /// Why each helping rule (`None`, `OwnUnit`, `Anyone`) would be refused (`None`: allowed).
    pub helping_refusals: [Option<String>; 3],
    /// The orders in the factory, the earliest due first (at most [`MAX_ORDERS_SHOWN`]).
    pub orders: Vec<OrderState>,
    /// Open rush offers.
    pub offers: Vec<OfferState>,
    /// The team's latest ticker lines, the newest last.
    pub ticker: Vec<TickerLine>,
    /// What expediting an order costs.
    pub expedite_cost: f64,
    /// The team's answers to the dialogue questions, every round so far.
    pub dialogue: Vec<super::voices::AnswerState>,
    /// The learning meeting's texts in the device's language.
    pub labels: &'static super::voices::Labels,
}

/// Orders listed on a device.
pub const MAX_ORDERS_SHOWN: usize = 30;

/// A team's figures from its live metrics, with the orders in its factory past due now.
fn figures(live: &Live, overdue: u64) -> FiguresState {
    FiguresState {
        delivered: live.figures.delivered,
        late: live.figures.late,
        lost: live.figures.lost,
        profit: live.figures.profit(),
        wip: live.wip,
        overdue,
    }
}

/// The clock and rounds of `session` at `pace`.
pub fn clock_state(session: &Session, pace: &Pace) -> ClockState {
    ClockState {
        round: session.round,
        rounds: session.model.rounds,
        running: session.running,
        finished: session.finished,
        minute: session.minute(),
        round_minutes: session.model.round_len.minutes(),
        paused: pace.paused,
        speed: pace.speed,
    }
}

fn status_word(s: OrderStatus, lang: Lang) -> String {
    match s {
        OrderStatus::Queued => t!(lang, "status-queued"),
        OrderStatus::Working => t!(lang, "status-working"),
        OrderStatus::Processing => t!(lang, "status-processing"),
        OrderStatus::Asking => t!(lang, "status-asking"),
        OrderStatus::Blocked => t!(lang, "status-blocked"),
        OrderStatus::Incoming => t!(lang, "status-incoming"),
    }
}

/// The minutes from `round_start` to `t` (negative before it).
fn minutes_from(t: SimTime, round_start: SimTime) -> f64 {
    if t >= round_start {
        minute_of_round(t, round_start)
    } else {
        -minute_of_round(round_start, t)
    }
}

/// Team `factory`'s state: `sim` is its factory, `live` its live figures, `ticker` its latest ticker lines,
/// `countdowns` the offers' seconds when the clock counts them itself, `dialogue` the team's answers; its texts
/// in `lang`.
pub fn team_state(
    factory: u16,
    session: &Session,
    sim: &FactorySim,
    live: Option<Live>,
    ticker: Vec<TickerLine>,
    pace: &Pace,
    countdowns: &OfferCountdowns,
    dialogue: Vec<super::voices::AnswerState>,
    lang: Lang,
) -> TeamState {
    let model: &Model = sim.model();
    let say = |english: &str| model.lexicon.say(lang, english).to_string();
    let org = sim.org();
    let view = sim.view();
    let now = session.now;
    let start = session.round_start;
    let live = live.unwrap_or_default();
    let steps = model
        .steps
        .iter()
        .enumerate()
        .map(|(s, step)| {
            let v = view.steps.get(s).cloned().unwrap_or_default();
            StepState {
                id: step.id.clone(),
                name: say(&step.name),
                queued: v.queued,
                working: v.working,
                processing: v.processing,
                asking: v.asking,
                blocked: v.blocked,
                incoming: v.incoming,
                people: view
                    .workers
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| {
                        matches!(w.activity, crate::factory::WorkerActivity::Working { step } if step as usize == s)
                    })
                    .map(|(w, _)| say(&model.workers[w].name))
                    .collect(),
                wip_limit: org.wip_limit.get(s).copied().flatten(),
                owned: org.owners.get(s).is_some_and(|o| !o.is_empty()),
            }
        })
        .collect();
    let people = model
        .workers
        .iter()
        .enumerate()
        .filter_map(|(w, worker)| {
            let wv = view.workers.get(w)?;
            Some(PersonState {
                id: worker.id.clone(),
                name: say(&worker.name),
                skills: worker
                    .levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| **l > 0.0)
                    .map(|(s, l)| format!("{} {l:.1}", model.skills[s]))
                    .collect::<Vec<_>>()
                    .join(", "),
                unit: wv.unit,
                spanner: wv.spanner,
                doing: wv.activity.describe(model, lang),
                moves: view.choices.moves.get(w).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let mut orders: Vec<_> = view.orders.iter().collect();
    orders.sort_by_key(|o| (o.due, o.id));
    let overdue = view.orders.iter().filter(|o| o.due < now).count() as u64;
    let product = |p: u16| {
        model
            .products
            .get(p as usize)
            .map_or_else(|| "?".to_string(), |p| say(&p.name))
    };
    TeamState {
        kind: "state",
        factory,
        team: session
            .team_names
            .get(factory as usize)
            .map(|n| say(n))
            .unwrap_or_default(),
        clock: clock_state(session, pace),
        figures: figures(&live, overdue),
        design: say(model.design_title(&org.design)),
        pending_design: view
            .pending_design
            .as_deref()
            .map(|d| say(model.design_title(d))),
        designs: model
            .designs
            .iter()
            .enumerate()
            .map(|(d, design)| DesignState {
                name: design.name.clone(),
                title: say(&design.title),
                description: say(&design.description),
                refusal: view.choices.designs.get(d).cloned().flatten(),
            })
            .collect(),
        steps,
        stations: model
            .stations
            .iter()
            .zip(&view.stations)
            .map(|(s, v)| StationState {
                name: say(&s.name),
                count: v.count,
                in_use: v.in_use,
                down: v.down,
            })
            .collect(),
        units: org
            .units
            .iter()
            .map(|u| UnitState {
                id: u.id.clone(),
                name: say(&u.name),
            })
            .collect(),
        people,
        practices: org.practices.clone(),
        helping_refusals: view.choices.helping.clone(),
        orders: orders
            .into_iter()
            .take(MAX_ORDERS_SHOWN)
            .map(|o| OrderState {
                id: o.id,
                product: product(o.product),
                step: model
                    .steps
                    .get(o.step as usize)
                    .map_or_else(|| "?".to_string(), |s| say(&s.name)),
                status: status_word(o.status, lang),
                due_minute: minutes_from(o.due, start),
                overdue: o.due < now,
                expedited: o.expedited,
            })
            .collect(),
        offers: view
            .offers
            .iter()
            .map(|o| OfferState {
                offer: o.offer,
                product: product(o.product),
                quantity: o.quantity,
                price: o.price,
                due_minute: minutes_from(o.due, start),
                seconds_left: match countdowns
                    .0
                    .iter()
                    .find(|c| c.0 == factory && c.1 == o.offer)
                {
                    Some(&(_, _, left)) => left,
                    None => offer_seconds(o.due, now, session.running, pace),
                },
            })
            .collect(),
        ticker,
        expedite_cost: model.expedite_cost,
        dialogue,
        labels: super::voices::labels(lang),
    }
}

/// Real seconds until an offer closes at its due time, at the pace the clock runs now.
fn offer_seconds(due: SimTime, now: SimTime, running: bool, pace: &Pace) -> Option<f64> {
    if pace.paused || !running || pace.speed <= 0.0 {
        return None;
    }
    Some(minutes_from(due, now).max(0.0) / pace.speed)
}

/// One team as the console shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomTeam {
    /// The team's name.
    pub team: String,
    /// Its join code (grouped for reading).
    pub code: String,
    /// The address a device opens to join it.
    pub join_url: String,
    /// The join address as a QR code (SVG).
    pub qr_svg: String,
    /// The devices joined now: the names or roles they gave ("" for none).
    pub devices: Vec<String>,
    /// Its figures.
    pub figures: FiguresState,
    /// Its design now (title).
    pub design: String,
}

/// A disruption of the palette.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PaletteEntry {
    /// Its id (for `inject`).
    pub id: String,
    /// Its headline.
    pub headline: String,
}

/// Everything the console shows, sent as `{"type": "room", ...}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomState {
    /// Always `"room"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The scenario's name.
    pub scenario: String,
    /// The clock and rounds.
    pub clock: ClockState,
    /// The speeds to choose from (simulated minutes per real second).
    pub speeds: Vec<f64>,
    /// The teams.
    pub teams: Vec<RoomTeam>,
    /// The palette.
    pub palette: Vec<PaletteEntry>,
    /// The latest lines of the room's ticker.
    pub ticker: Vec<TickerLine>,
    /// The room's voices: self-assessments, hopes and fears, dialogue answers.
    pub voices: super::voices::RoomVoices,
}
