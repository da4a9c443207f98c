//! What the game keeps of the event stream: every event (saved to the session's folder for the debrief), the
//! ticker of events that matter and the log of the facilitator's injections.

use std::collections::VecDeque;
use std::path::PathBuf;

use bevy::prelude::*;

pub use crate::debrief::ticker::{Severity, describe, team_of};
use crate::domain::event::{EventKind, SimEvent};
use crate::domain::{Command, SimTime, Target};
use crate::i18n::Lang;
use crate::scenario::Model;
use crate::sim::journal;
pub use crate::sim::record::{SESSIONS_DIR, unused};
use crate::sim::{Session, SimSet};

/// How many ticker lines are kept.
const TICKER_LEN: usize = 200;

/// Where the game keeps this session's files (its record, event log, reflection, exports): a folder under
/// `cakefactory-sessions/` in the working directory.
#[derive(Resource, Default)]
pub struct SessionFolder {
    /// The folder, once made.
    pub dir: Option<PathBuf>,
    /// It holds the session's record, which keeps the event log up to date by itself.
    pub recorded: bool,
}

impl SessionFolder {
    /// The folder of a new session that started now with `seed` (never one that exists).
    pub fn new_dir(seed: u64) -> PathBuf {
        unused(PathBuf::from(SESSIONS_DIR).join(format!(
            "session-{}-seed{seed}",
            crate::sim::record::wall_ms() / 1000
        )))
    }

    /// The path of the session's event log, written there first unless the record keeps it.
    pub fn save(&mut self, seed: u64, record: &EventRecord) -> Result<PathBuf, String> {
        let dir = self.dir.get_or_insert_with(|| Self::new_dir(seed)).clone();
        let path = dir.join(crate::sim::record::EVENTS_FILE);
        if self.recorded {
            return Ok(path);
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        journal::save(&path, &record.0)?;
        Ok(path)
    }
}

/// One disruption the facilitator injected, for the console's log.
#[derive(Clone, Debug, PartialEq)]
pub struct Injection {
    /// The round it was injected in.
    pub round: u32,
    /// The minute of that round.
    pub minute: f64,
    /// What the room sees.
    pub headline: crate::i18n::Text,
    /// The teams hit.
    pub target: Target,
    /// The minute of the round it strikes at, when it was timed rather than sent at once.
    pub at_minute: Option<f64>,
}

/// A rush offer waiting for a team's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenOffer {
    /// The team it was made to.
    pub team: u16,
    /// Its number in that team's factory (for the answer).
    pub offer: u32,
    /// The product's name.
    pub product: String,
    /// How many cakes.
    pub quantity: u32,
    /// The price of each.
    pub price: f64,
    /// When the cakes are due.
    pub due: SimTime,
    /// The simulated deadline for the answer (headless runs; the live game counts real seconds).
    pub decide_by: SimTime,
    /// Real seconds of play left to answer (`None`: not counting, the game waits paused).
    pub seconds_left: Option<f64>,
    /// The game's offer clock has taken it up.
    pub seen: bool,
    /// Its time ran out and the lapse is on its way to the simulation.
    pub lapsing: bool,
}

impl OpenOffer {
    /// What is offered: "3 x Chocolate cake at 160 each" (the product as `model` says it in `lang`).
    pub fn terms(&self, model: &Model, lang: Lang) -> String {
        crate::t!(
            lang,
            "offer-terms",
            quantity = self.quantity,
            product = model.lexicon.say(lang, &self.product),
            price = crate::i18n::money(lang, self.price)
        )
    }
}

/// Rush offers waiting for an answer, oldest first.
#[derive(Resource, Default)]
pub struct OpenOffers(pub Vec<OpenOffer>);

/// Disruptions injected by the facilitator, oldest first.
#[derive(Resource, Default)]
pub struct InjectionLog(pub Vec<Injection>);

/// Every event of the session, in order.
#[derive(Resource, Default)]
pub struct EventRecord(pub Vec<SimEvent>);

/// What the participants said from their devices so far, and the facilitator's curation of it.
#[derive(Resource, Default)]
pub struct RoomVoices(pub crate::debrief::voices::Voices);

/// One line of the ticker.
#[derive(Clone, Debug, PartialEq)]
pub struct TickerItem {
    /// When it happened.
    pub t: SimTime,
    /// The round it happened in.
    pub round: u32,
    /// The teams it concerns (none: the whole room); the same event in several teams at the same moment is
    /// one line naming them all.
    pub teams: Vec<u16>,
    /// How much it matters.
    pub severity: Severity,
    /// What happened, in English (the teams' names come before it on screen).
    pub text: String,
    /// What happened, in Swedish.
    pub sv: String,
}

impl TickerItem {
    /// What happened, in `lang`.
    pub fn text_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text,
            Lang::Sv => &self.sv,
        }
    }
}

impl Ticker {
    /// Adds what happened in `team` (or the whole room) at `t`: to the line of the same event at the same
    /// moment if there is one, else as a new line.
    pub fn push(&mut self, item: TickerItem) {
        let same = self
            .items
            .iter_mut()
            .rev()
            .take_while(|i| i.t == item.t)
            .find(|i| i.severity == item.severity && i.text == item.text && !i.teams.is_empty());
        match same {
            Some(line) if !item.teams.is_empty() => {
                for f in item.teams {
                    if !line.teams.contains(&f) {
                        line.teams.push(f);
                    }
                }
            }
            _ => self.items.push_back(item),
        }
        while self.items.len() > TICKER_LEN {
            self.items.pop_front();
        }
    }
}

/// The latest events that matter, newest last.
#[derive(Resource, Default)]
pub struct Ticker {
    /// The lines, at most the last 200.
    pub items: VecDeque<TickerItem>,
    /// When each round started, to show times as minutes into the round.
    pub round_starts: Vec<SimTime>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventRecord>()
        .init_resource::<Ticker>()
        .init_resource::<InjectionLog>()
        .init_resource::<OpenOffers>()
        .init_resource::<RoomVoices>()
        .init_resource::<SessionFolder>();
    app.add_systems(
        Update,
        observe
            .in_set(SimSet::Observe)
            .run_if(resource_exists::<Session>),
    );
}

fn observe(
    mut events: MessageReader<SimEvent>,
    session: Res<Session>,
    mut record: ResMut<EventRecord>,
    mut ticker: ResMut<Ticker>,
    mut injections: ResMut<InjectionLog>,
    mut offers: ResMut<OpenOffers>,
    mut voices: ResMut<RoomVoices>,
) {
    let mut round = session.round;
    for e in events.read() {
        match &e.kind {
            EventKind::SessionStarted { .. } => {
                record.0.clear();
                ticker.items.clear();
                ticker.round_starts.clear();
                injections.0.clear();
                offers.0.clear();
                voices.0 = Default::default();
            }
            EventKind::RoundStarted { round: r } => {
                round = *r;
                ticker.round_starts.push(e.t);
            }
            EventKind::CommandApplied { command } => {
                let start = ticker.round_starts.last().copied();
                if let Some(i) = injection(round, start, e.t, command) {
                    injections.0.push(i);
                }
            }
            _ => follow_offers(&session.model, e, &mut offers.0),
        }
        voices.0.observe(e);
        record.0.push(e.clone());
        if let Some((severity, text)) = describe(&session.model, e, Lang::En) {
            let team = team_of(e);
            let sv = describe(&session.model, e, Lang::Sv).map_or_else(|| text.clone(), |(_, t)| t);
            ticker.push(TickerItem {
                t: e.t,
                round,
                teams: team.into_iter().collect(),
                severity,
                text,
                sv,
            });
        }
    }
}

/// Keeps the list of open offers: an offer opens with its event and closes with its answer.
fn follow_offers(model: &Model, e: &SimEvent, offers: &mut Vec<OpenOffer>) {
    let Some(team) = e.factory else {
        return;
    };
    match &e.kind {
        EventKind::RushOffered {
            offer,
            product,
            quantity,
            due,
            price,
            decide_by,
            ..
        } => offers.push(OpenOffer {
            team,
            offer: *offer,
            product: model
                .products
                .get(*product as usize)
                .map_or_else(|| "?".into(), |p| p.name.clone()),
            quantity: *quantity,
            price: *price,
            due: *due,
            decide_by: *decide_by,
            seconds_left: None,
            seen: false,
            lapsing: false,
        }),
        EventKind::RushAnswered { offer, .. } => {
            offers.retain(|o| !(o.team == team && o.offer == *offer));
        }
        _ => {}
    }
}

/// The console's log line of an applied command, if it injected a disruption (in `round`, which started at
/// `round_start`).
fn injection(
    round: u32,
    round_start: Option<SimTime>,
    t: SimTime,
    command: &Command,
) -> Option<Injection> {
    let Command::Inject {
        disruption,
        target,
        at_minute,
    } = command
    else {
        return None;
    };
    Some(Injection {
        round,
        minute: round_start.map_or(0.0, |start| crate::domain::time::minute_of_round(t, start)),
        headline: disruption.headline.clone(),
        target: target.clone(),
        at_minute: *at_minute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TeamAction;
    use crate::game::ui::ticker::who;

    fn item(t: u64, teams: Vec<u16>, text: &str) -> TickerItem {
        TickerItem {
            t: SimTime(t),
            round: 1,
            teams,
            sv: text.to_string(),
            severity: Severity::Alert,
            text: text.into(),
        }
    }

    #[test]
    fn one_event_in_several_teams_is_one_line_naming_them() {
        let names: Vec<String> = ["Red", "Blue", "Green"].map(String::from).into();
        let mut ticker = Ticker::default();
        for f in [0, 2] {
            ticker.push(item(5, vec![f], "Oven 2 is broken"));
        }
        ticker.push(item(5, vec![1], "a customer cancelled"));
        ticker.push(item(6, vec![1], "Oven 2 is broken"));
        ticker.push(item(6, Vec::new(), "Round 1 is over"));
        ticker.push(item(6, Vec::new(), "Round 1 is over"));
        let lines: Vec<String> = ticker
            .items
            .iter()
            .map(|i| format!("{}{}", who(i, &names, Lang::En), i.text))
            .collect();
        assert_eq!(
            lines,
            [
                "Green, Red: Oven 2 is broken",
                "Blue: a customer cancelled",
                "Blue: Oven 2 is broken",
                "Round 1 is over",
                "Round 1 is over",
            ]
        );
        let mut all = Ticker::default();
        for f in 0..3 {
            all.push(item(9, vec![f], "Flour supplier goes bankrupt!"));
        }
        assert_eq!(who(&all.items[0], &names, Lang::En), "All teams: ");
        assert_eq!(who(&all.items[0], &names, Lang::Sv), "Alla lag: ");
    }

    #[test]
    fn a_team_decision_says_what_it_did() {
        let model = crate::scenario::load_str(
            "s.ron",
            crate::scenario::shipped("cake_factory_2").unwrap().1,
        )
        .unwrap();
        let e = SimEvent {
            t: SimTime(0),
            factory: None,
            kind: EventKind::CommandApplied {
                command: Box::new(Command::Team {
                    factory: 1,
                    action: TeamAction::SetSpanner {
                        worker: "sara".into(),
                        on: true,
                    },
                }),
            },
        };
        let (_, text) = describe(&model, &e, Lang::En).unwrap();
        assert_eq!(text, "made Sara a boundary spanner");
        assert_eq!(team_of(&e), Some(1));
    }
}
