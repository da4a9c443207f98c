//! Plans: RON lists of timed commands for headless runs, e.g.
//! `[(round: 2, minute: 0, command: Team(factory: 0, action: SetDesign("cross_functional")))]`.
//! Commands at minute 0 are applied before the round starts (so a design chosen there holds for the round).
//!
//! A plan is checked against the scenario and the run before anything runs: its times, the teams it names,
//! every worker, unit, design, step, station and product, each disruption it injects and the orders those
//! bring. Units are checked against the design each team will have at that moment, following the plan's
//! own design changes and the scenario's mandated reorganisations. What remains open until the run (an
//! order to expedite, an offer to answer) is decided live and logged as `CommandRejected` if impossible.

use serde::{Deserialize, Serialize};

use crate::domain::{Command, DisruptionKind, Invalid, Target, TeamAction};
use crate::i18n::Lang::En;
use crate::scenario::limits::{MAX_ORDERS, thousands};
use crate::scenario::locate;
use crate::scenario::spanned::{Spanned, line_col, parse_located, without_bom};
use crate::scenario::{LoadError, Located, Model, read_bounded, text_of};
use crate::sim::SessionConfig;
use crate::t;

/// One command of a plan and when it is given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedCommand {
    /// 1-based round.
    pub round: u32,
    /// Minutes into the round.
    pub minute: f64,
    /// What is done then.
    pub command: Command,
}

/// Parses a plan and checks it against the session it is for (scenario, teams, their starting designs).
/// Commands are returned sorted by time (stable for equal times).
pub fn parse_plan(
    file: &str,
    source: &str,
    config: &SessionConfig,
) -> Result<Vec<TimedCommand>, LoadError> {
    let source = without_bom(source);
    let items: Vec<Spanned<TimedCommand>> =
        parse_located(source).map_err(|e| LoadError::parse(file, e))?;
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&items[a].value, &items[b].value);
        a.round.cmp(&b.round).then(a.minute.total_cmp(&b.minute))
    });
    let mut checker = Checker::new(config);
    let mut errors = Vec::new();
    for &i in &order {
        if let Err(e) = checker.check(&items[i].value) {
            let offset = items[i]
                .offset
                .map_or(0, |o| locate::point(source, o, e.field, e.item.as_deref()));
            let (line, col) = line_col(source, offset);
            errors.push((
                offset,
                Located {
                    line,
                    col,
                    message: e.message,
                },
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|(o, _)| *o);
        return Err(LoadError::Invalid {
            file: file.into(),
            errors: errors.into_iter().map(|(_, e)| e).collect(),
        });
    }
    Ok(order.into_iter().map(|i| items[i].value.clone()).collect())
}

/// Reads, parses and checks a plan file.
pub fn load_plan(
    path: &std::path::Path,
    config: &SessionConfig,
) -> Result<Vec<TimedCommand>, LoadError> {
    let file = path.display().to_string();
    let bytes = read_bounded(path).map_err(|reason| LoadError::Unreadable {
        file: file.clone(),
        reason,
    })?;
    parse_plan(&file, text_of(&file, &bytes)?, config)
}

/// One team's design as the plan goes on: the current one and the one chosen for the next round.
#[derive(Clone, Copy)]
struct Designs {
    current: usize,
    pending: Option<usize>,
}

/// Walks a plan in time order, keeping what a check depends on.
struct Checker<'a> {
    model: &'a Model,
    teams: Vec<Designs>,
    /// The last round started so far (0 before the first).
    started: u32,
    /// The scenario's mandated reorganisations still to come: (round, minute, design, target).
    mandates: Vec<(u32, f64, usize, &'a Target)>,
    /// Orders the plan's injections may still bring.
    orders_left: f64,
}

impl<'a> Checker<'a> {
    fn new(config: &'a SessionConfig) -> Self {
        let model = &*config.model;
        let mut mandates: Vec<_> = model
            .schedule
            .iter()
            .filter_map(|s| match &s.spec.kind {
                DisruptionKind::ReorganisationMandate { design } => model
                    .design_index(design)
                    .map(|d| (s.round, s.minute, d, &s.target)),
                _ => None,
            })
            .collect();
        mandates.reverse();
        Checker {
            model,
            teams: config
                .teams
                .iter()
                .map(|t| Designs {
                    current: t.design,
                    pending: None,
                })
                .collect(),
            started: 0,
            mandates,
            orders_left: MAX_ORDERS - model.workload().orders * config.teams.len() as f64,
        }
    }

    /// Checks one command (commands come in time order) and notes what it changes.
    fn check(&mut self, c: &TimedCommand) -> Result<(), Invalid> {
        self.check_time(c)?;
        let running = c.minute > 0.0;
        self.advance(c.round, c.minute, running);
        match &c.command {
            Command::StartRound => Err(Invalid::new(t!(En, "problem-plan-start-round"))),
            Command::EndRound if !running => {
                Err(Invalid::field("minute", t!(En, "problem-plan-end-round")))
            }
            Command::EndRound => Ok(()),
            Command::OfferLapsed { .. } => Err(Invalid::new(t!(En, "problem-plan-offer-lapsed"))),
            Command::Team { factory, action } => {
                Model::check_team(self.teams.len(), *factory)?;
                let team = &mut self.teams[*factory as usize];
                self.model.resolve_action(action, team.current)?;
                if let TeamAction::SetDesign(name) = action
                    && let Some(d) = self.model.design_index(name)
                {
                    choose(team, d, running);
                }
                Ok(())
            }
            Command::Inject {
                disruption,
                target,
                at_minute,
            } => {
                self.model
                    .check_inject(self.teams.len(), disruption, target, *at_minute)?;
                self.count_orders(c, &disruption.kind, target, *at_minute)?;
                if let DisruptionKind::ReorganisationMandate { design } = &disruption.kind
                    && let Some(d) = self.model.design_index(design)
                {
                    self.mandate(d, target, running);
                }
                Ok(())
            }
            // A record's voices come back in its exported plan as they were given.
            Command::Voice {
                factory,
                participant,
                signed,
                voice,
            } => {
                Model::check_team(self.teams.len(), *factory)?;
                // A command at minute 0 is given before its round starts.
                let played = if running { c.round } else { c.round - 1 };
                crate::domain::voice::check_voice(
                    participant,
                    signed,
                    voice,
                    self.model.rounds,
                    played,
                )
                .map_err(Invalid::new)
            }
            Command::Curate(curation) => curation.check().map_err(Invalid::new),
        }
    }

    fn check_time(&self, c: &TimedCommand) -> Result<(), Invalid> {
        let rounds = self.model.rounds;
        if c.round == 0 || c.round > rounds {
            return Err(Invalid::field(
                "round",
                t!(
                    En,
                    "problem-round-outside",
                    round = c.round.to_string(),
                    rounds = rounds.to_string()
                ),
            ));
        }
        let round_minutes = self.model.round_len.minutes();
        if !(c.minute.is_finite() && c.minute >= 0.0 && c.minute < round_minutes) {
            return Err(Invalid::field(
                "minute",
                t!(
                    En,
                    "problem-plan-minute",
                    minute = c.minute.to_string(),
                    length = round_minutes.to_string()
                ),
            ));
        }
        Ok(())
    }

    /// Moves the plan's clock to `minute` of `round`: rounds start (pending designs take over) and the
    /// scenario's mandates before that moment are chosen.
    fn advance(&mut self, round: u32, minute: f64, running: bool) {
        let last = if running { round } else { round - 1 };
        while let Some(&(r, m, d, target)) = self.mandates.last() {
            if (r, m) >= (round, minute) {
                break;
            }
            self.start_rounds(r);
            self.mandate(d, target, true);
            self.mandates.pop();
        }
        self.start_rounds(last);
    }

    /// Starts every round up to `last`.
    fn start_rounds(&mut self, last: u32) {
        while self.started < last {
            self.started += 1;
            for t in &mut self.teams {
                if let Some(d) = t.pending.take() {
                    t.current = d;
                }
            }
        }
    }

    fn mandate(&mut self, design: usize, target: &Target, running: bool) {
        for (i, t) in self.teams.iter_mut().enumerate() {
            if target.includes(i as u16) {
                choose(t, design, running);
            }
        }
    }

    /// The orders an injection brings must fit the run's limit.
    fn count_orders(
        &mut self,
        c: &TimedCommand,
        kind: &DisruptionKind,
        target: &Target,
        at_minute: Option<f64>,
    ) -> Result<(), Invalid> {
        let start = at_minute.unwrap_or(c.minute).max(c.minute);
        self.orders_left -=
            self.model
                .injection_orders(kind, target, self.teams.len(), c.round, start);
        if self.orders_left < 0.0 {
            return Err(Invalid::field(
                "kind",
                t!(
                    En,
                    "problem-plan-orders",
                    extra = thousands(-self.orders_left),
                    most = thousands(MAX_ORDERS)
                ),
            ));
        }
        Ok(())
    }
}

/// A design choice: at once between rounds, otherwise from the next round.
fn choose(team: &mut Designs, design: usize, running: bool) {
    if running {
        team.pending = Some(design);
    } else {
        team.current = design;
        team.pending = None;
    }
}
