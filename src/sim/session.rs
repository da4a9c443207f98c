//! The session: its clock and rounds, its factories, and the application of commands.

use std::sync::Arc;

use bevy::prelude::*;

use super::SimSet;
use crate::domain::Command;
use crate::domain::event::{EventKind, SimEvent, Tables};
use crate::domain::time::{minute_of_round, ms_from_minutes};
use crate::domain::{DisruptionSpec, SimTime, Target};
use crate::factory::FactorySim;
use crate::i18n::Lang::En;
use crate::scenario::Model;
use crate::scenario::limits::{MAX_ORDERS, thousands};
use crate::t;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        apply_commands
            .in_set(SimSet::Commands)
            .run_if(resource_exists::<Session>),
    );
}

/// One team: its name and the index of the design it starts with.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamSetup {
    /// The team's name.
    pub name: String,
    /// The design it starts with (index).
    pub design: usize,
}

/// What a session is made of.
#[derive(Clone, Debug)]
pub struct SessionConfig {
    /// The scenario.
    pub model: Arc<Model>,
    /// The seed of every random stream.
    pub seed: u64,
    /// The teams.
    pub teams: Vec<TeamSetup>,
    /// Rush offers stay open until answered or lapsed by a command ([`Command::OfferLapsed`]), as the live
    /// game times them in real seconds; otherwise they close at their deadline in simulated minutes.
    pub live_offers: bool,
}

impl SessionConfig {
    /// The scenario's default teams, all with the given design (the scenario's default if `None`).
    pub fn new(model: Arc<Model>, seed: u64, teams: Option<u32>, design: Option<usize>) -> Self {
        let n = teams.unwrap_or(model.teams) as usize;
        let design = design.unwrap_or(model.default_design);
        let teams = (0..n)
            .map(|i| TeamSetup {
                name: model.team_name(i),
                design,
            })
            .collect();
        SessionConfig {
            model,
            seed,
            teams,
            live_offers: false,
        }
    }
}

/// The running session: clock, rounds and the factories (entities with a [`FactorySim`]).
#[derive(Resource)]
pub struct Session {
    /// The scenario.
    pub model: Arc<Model>,
    /// The seed of every random stream.
    pub seed: u64,
    /// Time every factory has been advanced to.
    pub now: SimTime,
    /// Time the session should advance to (set by whoever drives it: the headless runner or the game clock).
    pub target: SimTime,
    /// Current round while running, else the last one played (0 before the first).
    pub round: u32,
    /// A round is running.
    pub running: bool,
    /// The last round has ended.
    pub finished: bool,
    /// When the current (or last) round started.
    pub round_start: SimTime,
    /// When the current round ends at its full length.
    pub round_end: SimTime,
    /// Factory entities, by factory index.
    pub factories: Vec<Entity>,
    /// The teams' names, by factory index.
    pub team_names: Vec<String>,
    /// Upper bound on simulated time per update, adapted to keep each update's event batch moderate.
    pub(super) step_ms: u64,
    next_instance: u32,
    used_ids: Vec<String>,
    /// Orders the session may still take from injections before it reaches [`MAX_ORDERS`].
    orders_left: f64,
    /// Events waiting to be published, in order.
    pub(super) log: Vec<SimEvent>,
}

impl Session {
    fn push(&mut self, kind: EventKind) {
        self.log.push(SimEvent {
            t: self.now,
            factory: None,
            kind,
        });
    }

    /// The minute of the current (or last) round at time `t`; 0 before the first round.
    pub fn minute_at(&self, t: SimTime) -> f64 {
        if self.round == 0 {
            0.0
        } else {
            minute_of_round(t, self.round_start)
        }
    }

    /// The minute of the current (or last) round now.
    pub fn minute(&self) -> f64 {
        self.minute_at(self.now)
    }

    /// Applies one command at the current time, recording it (or its rejection) in the log.
    pub fn apply(
        &mut self,
        cmd: &Command,
        factories: &mut Query<&mut FactorySim>,
    ) -> Result<(), String> {
        match self.check(cmd) {
            Err(reason) => {
                self.push(EventKind::CommandRejected {
                    command: Box::new(cmd.clone()),
                    reason: reason.clone(),
                });
                Err(reason)
            }
            Ok(()) => {
                let mark = self.log.len();
                self.push(EventKind::CommandApplied {
                    command: Box::new(cmd.clone()),
                });
                let Err(reason) = self.execute(cmd, factories) else {
                    return Ok(());
                };
                self.log.truncate(mark);
                self.push(EventKind::CommandRejected {
                    command: Box::new(cmd.clone()),
                    reason: reason.clone(),
                });
                // Whatever a factory emitted before failing is kept out of the log.
                for &e in &self.factories {
                    if let Ok(mut f) = factories.get_mut(e) {
                        f.discard_events();
                    }
                }
                Err(reason)
            }
        }
    }

    fn check(&self, cmd: &Command) -> Result<(), String> {
        match cmd {
            Command::StartRound if self.running => Err(t!(En, "refuse-round-running")),
            Command::StartRound if self.finished || self.round >= self.model.rounds => {
                Err(t!(En, "refuse-all-played"))
            }
            Command::EndRound if !self.running => Err(t!(En, "refuse-no-round")),
            Command::Team { factory, .. } | Command::OfferLapsed { factory, .. } => {
                Ok(Model::check_team(self.factories.len(), *factory)?)
            }
            Command::Voice {
                factory,
                participant,
                signed,
                voice,
            } => {
                Model::check_team(self.factories.len(), *factory)?;
                crate::domain::voice::check_voice(
                    participant,
                    signed,
                    voice,
                    self.model.rounds,
                    self.round,
                )
            }
            Command::Curate(c) => c.check(),
            Command::Inject {
                disruption,
                target,
                at_minute,
            } => {
                self.model
                    .check_inject(self.factories.len(), disruption, target, *at_minute)?;
                let extra = self.injected_orders(disruption, target, *at_minute);
                if extra > self.orders_left {
                    return Err(t!(
                        En,
                        "refuse-too-many-orders",
                        extra = thousands(extra),
                        left = thousands(self.orders_left.max(0.0)),
                        most = thousands(MAX_ORDERS)
                    ));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Orders an injection may bring, all targeted teams together.
    fn injected_orders(
        &self,
        spec: &DisruptionSpec,
        target: &Target,
        at_minute: Option<f64>,
    ) -> f64 {
        // Between rounds, an injection counts in the next round.
        let (round, now) = if self.running {
            (self.round, self.minute())
        } else {
            (self.round + 1, 0.0)
        };
        let start = at_minute.unwrap_or(now).max(now);
        self.model
            .injection_orders(&spec.kind, target, self.factories.len(), round, start)
    }

    fn execute(
        &mut self,
        cmd: &Command,
        factories: &mut Query<&mut FactorySim>,
    ) -> Result<(), String> {
        match cmd {
            Command::StartRound => {
                self.round += 1;
                self.running = true;
                self.round_start = self.now;
                self.round_end = self.now.saturating_add(self.model.round_len.0);
                let round = self.round;
                self.push(EventKind::RoundStarted { round });
                let end = self.round_end;
                self.each_factory(factories, |f| f.start_round(round, end));
            }
            Command::EndRound => self.end_round(factories),
            Command::Team { factory, action } => {
                let e = self.factories[*factory as usize];
                let mut f = factories
                    .get_mut(e)
                    .map_err(|_| t!(En, "refuse-factory-gone"))?;
                f.apply(action)?;
                f.drain_events(&mut self.log);
            }
            Command::OfferLapsed { factory, offer } => {
                let e = self.factories[*factory as usize];
                let mut f = factories
                    .get_mut(e)
                    .map_err(|_| t!(En, "refuse-factory-gone"))?;
                f.lapse_offer(*offer)?;
                f.drain_events(&mut self.log);
            }
            // Voices change nothing in the factories: `CommandApplied` keeps them in the log.
            Command::Voice { .. } | Command::Curate(_) => {}
            Command::Inject {
                disruption,
                target,
                at_minute,
            } => {
                let instance = self.model.schedule.len() as u32 + self.next_instance;
                self.next_instance += 1;
                let mut spec = disruption.clone();
                let base = spec.id.clone();
                let mut n = 1;
                while self.used_ids.contains(&spec.id)
                    || self.model.schedule.iter().any(|s| s.spec.id == spec.id)
                {
                    n += 1;
                    spec.id = format!("{base}#{n}");
                }
                self.used_ids.push(spec.id.clone());
                // A minute of the running round; between rounds, of the next one (it starts now).
                let at = match at_minute {
                    Some(m) if self.running => self.round_start.saturating_add(ms_from_minutes(*m)),
                    Some(m) => self.now.saturating_add(ms_from_minutes(*m)),
                    None => self.now,
                }
                .max(self.now);
                self.orders_left -= self.injected_orders(disruption, target, *at_minute);
                let target = target.clone();
                self.each_factory(factories, |f| {
                    if target.includes(f.index) {
                        f.inject(instance, spec.clone(), at);
                    }
                });
            }
        }
        Ok(())
    }

    /// Runs `action` on every factory in index order, collecting their events into the log.
    pub(super) fn each_factory(
        &mut self,
        factories: &mut Query<&mut FactorySim>,
        mut action: impl FnMut(&mut FactorySim),
    ) {
        for &e in &self.factories {
            if let Ok(mut f) = factories.get_mut(e) {
                action(&mut f);
                f.drain_events(&mut self.log);
            }
        }
    }

    /// Ends the running round at the current time (and the session after the last round).
    pub(super) fn end_round(&mut self, factories: &mut Query<&mut FactorySim>) {
        self.each_factory(factories, FactorySim::end_round);
        self.running = false;
        let round = self.round;
        self.push(EventKind::RoundEnded { round });
        if self.round >= self.model.rounds {
            self.finished = true;
            self.push(EventKind::SessionEnded);
        }
    }
}

pub(in crate::sim) fn apply_commands(
    mut session: ResMut<Session>,
    mut reader: MessageReader<Command>,
    mut factories: Query<&mut FactorySim>,
    mut origins: ResMut<super::Origins>,
) {
    for (cmd, id) in reader.read_with_id() {
        let outcome = session.apply(cmd, &mut factories);
        origins.answer(id.id, outcome);
    }
}

/// Starts a new session in `world` (replacing any previous one): spawns a factory per team and records the
/// `SessionStarted` event and each factory's initial organisation.
pub fn spawn_session(world: &mut World, config: SessionConfig) {
    if let Some(old) = world.remove_resource::<Session>() {
        for e in old.factories {
            world.despawn(e);
        }
    }
    let model = config.model;
    let expected_orders = model.workload().orders * config.teams.len() as f64;
    let mut factories = Vec::new();
    let mut log = vec![SimEvent {
        t: SimTime::ZERO,
        factory: None,
        kind: EventKind::SessionStarted {
            scenario: model.name.clone(),
            seed: config.seed,
            rounds: model.rounds,
            round_minutes: model.round_len.minutes(),
            live_offers: config.live_offers,
            tables: Box::new(Tables {
                factories: config.teams.iter().map(|t| t.name.clone()).collect(),
                workers: model.workers.iter().map(|w| w.id.clone()).collect(),
                skills: model.skills.clone(),
                steps: model.steps.iter().map(|s| s.id.clone()).collect(),
                products: model.products.iter().map(|p| p.id.clone()).collect(),
                stations: model.stations.iter().map(|s| s.id.clone()).collect(),
                ingredients: model.ingredients.iter().map(|i| i.id.clone()).collect(),
                worker_names: model.workers.iter().map(|w| w.name.clone()).collect(),
                step_names: model.steps.iter().map(|s| s.name.clone()).collect(),
            }),
        },
    }];
    for (i, team) in config.teams.iter().enumerate() {
        let mut f = FactorySim::new(
            Arc::clone(&model),
            i as u16,
            team.name.clone(),
            config.seed,
            team.design,
        );
        f.set_live_offers(config.live_offers);
        f.drain_events(&mut log);
        factories.push(world.spawn(f).id());
    }
    world.insert_resource(Session {
        team_names: config.teams.iter().map(|t| t.name.clone()).collect(),
        model,
        seed: config.seed,
        now: SimTime::ZERO,
        target: SimTime::ZERO,
        round: 0,
        running: false,
        finished: false,
        round_start: SimTime::ZERO,
        round_end: SimTime::ZERO,
        factories,
        step_ms: 3_600_000,
        next_instance: 0,
        used_ids: Vec::new(),
        orders_left: MAX_ORDERS - expected_orders,
        log,
    });
}
