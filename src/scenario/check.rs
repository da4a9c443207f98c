//! Checks of what comes from outside against a scenario: disruptions (palette entries and injections), team
//! decisions (resolved to indices for the factory), team numbers and stand-ups. The scenario validator, the
//! plan checker, the session and the factory all use these, so a rule is written once and says the same
//! thing everywhere.

use super::limits::MAX_STANDUPS_PER_ROUND;
use super::model::{Model, Step, Worker};
use crate::domain::{
    DisruptionKind as K, DisruptionSpec, Helping, Invalid, PracticeChange, Standup, Target,
    TeamAction,
};
use crate::i18n::Lang::En;
use crate::t;

/// A team action with every name resolved against the scenario and the team's current design.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolved<'a> {
    /// Switch to this design.
    SetDesign(usize),
    /// Move a worker to a unit of the current design.
    MoveWorker {
        /// The worker.
        worker: usize,
        /// The unit.
        unit: u16,
    },
    /// Appoint or remove a boundary spanner.
    SetSpanner {
        /// The worker.
        worker: usize,
        /// Appoint (true) or remove.
        on: bool,
    },
    /// Change a practice (its numbers checked).
    SetPractice(&'a PracticeChange),
    /// Give a step to these units of the current design.
    AssignStep {
        /// The step.
        step: usize,
        /// The units, at least one.
        units: Vec<u16>,
    },
    /// Expedite an order (whether it is in the factory is known only there).
    Expedite(u64),
    /// Answer a rush offer (whether it is open is known only in the factory).
    RespondToOffer {
        /// The offer.
        offer: u32,
        /// Accept (true) or decline.
        accept: bool,
    },
}

/// `unknown {what} `{id}``, with the ids there are; `what` is the message id of the kind's name.
fn unknown<'a>(what: &str, id: &str, known: impl Iterator<Item = &'a str>) -> String {
    let known: Vec<&str> = known.take(12).collect();
    let what = crate::i18n::tr(En, what, &[]);
    if known.is_empty() {
        t!(En, "problem-unknown-none", what = what, id = id)
    } else {
        t!(
            En,
            "problem-unknown",
            what = what,
            id = id,
            known = known.join(", ")
        )
    }
}

impl Model {
    /// The index of worker `id`, or why there is none (`field` names where the id stood).
    pub fn find_worker(&self, field: &'static str, id: &str) -> Result<usize, Invalid> {
        self.worker_index(id).ok_or_else(|| {
            Invalid::item(
                field,
                id,
                unknown(
                    "problem-kind-worker",
                    id,
                    self.workers.iter().map(|w| w.id.as_str()),
                ),
            )
        })
    }

    /// The index of step `id`, or why there is none.
    pub fn find_step(&self, field: &'static str, id: &str) -> Result<usize, Invalid> {
        self.step_index(id).ok_or_else(|| {
            Invalid::item(
                field,
                id,
                unknown(
                    "problem-kind-step",
                    id,
                    self.steps.iter().map(|s| s.id.as_str()),
                ),
            )
        })
    }

    /// The index of design `name`, or why there is none.
    pub fn find_design(&self, field: &'static str, name: &str) -> Result<usize, Invalid> {
        self.design_index(name).ok_or_else(|| {
            Invalid::item(
                field,
                name,
                unknown(
                    "problem-kind-design",
                    name,
                    self.designs.iter().map(|d| d.name.as_str()),
                ),
            )
        })
    }

    /// The index of product `id`, or why there is none.
    pub fn find_product(&self, field: &'static str, id: &str) -> Result<usize, Invalid> {
        self.product_index(id).ok_or_else(|| {
            Invalid::item(
                field,
                id,
                unknown(
                    "problem-kind-product",
                    id,
                    self.products.iter().map(|p| p.id.as_str()),
                ),
            )
        })
    }

    /// The index of unit `id` in design `design`, or why there is none.
    pub fn find_unit(&self, design: usize, field: &'static str, id: &str) -> Result<u16, Invalid> {
        let d = &self.designs[design];
        d.units
            .iter()
            .position(|u| u.id == id)
            .map(|u| u as u16)
            .ok_or_else(|| {
                Invalid::item(
                    field,
                    id,
                    t!(
                        En,
                        "problem-no-unit",
                        id = id,
                        design = d.name.as_str(),
                        units = d
                            .units
                            .iter()
                            .map(|u| u.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })
    }

    /// Checks a disruption against this scenario: its values and every id it refers to.
    pub fn check_disruption(&self, spec: &DisruptionSpec) -> Result<(), Invalid> {
        if spec.id.trim().is_empty() {
            return Err(Invalid::field("id", t!(En, "problem-disruption-id")));
        }
        if spec.headline.english().trim().is_empty() {
            return Err(Invalid::field(
                "headline",
                t!(En, "problem-disruption-headline", id = spec.id.as_str()),
            ));
        }
        spec.kind.check_values()?;
        self.check_references(&spec.kind)
    }

    /// Checks the ids a disruption refers to.
    fn check_references(&self, kind: &K) -> Result<(), Invalid> {
        let known = |found: bool, field: &'static str, what: &str, id: &str, all: Vec<&str>| {
            if found {
                Ok(())
            } else {
                Err(Invalid::item(field, id, unknown(what, id, all.into_iter())))
            }
        };
        match kind {
            K::SupplyShortage { ingredient, .. } => known(
                self.ingredient_index(ingredient).is_some(),
                "ingredient",
                "problem-kind-ingredient",
                ingredient,
                self.ingredients.iter().map(|i| i.id.as_str()).collect(),
            ),
            K::StationBreakdown { station, .. } => known(
                self.station_index(station).is_some(),
                "station",
                "problem-kind-station",
                station,
                self.stations.iter().map(|s| s.id.as_str()).collect(),
            ),
            K::WorkerAbsent { worker, .. } => self.find_worker("worker", worker).map(drop),
            K::RushOrder { product, .. } => self.find_product("product", product).map(drop),
            K::SpecChange { .. } | K::CommunicationOutage { .. } => Ok(()),
            K::DemandSurge { products, .. } => products
                .iter()
                .try_for_each(|p| self.find_product("products", p).map(drop)),
            K::NewRequirement {
                product,
                step,
                after,
                ..
            } => {
                if !product.is_empty() {
                    self.find_product("product", product)?;
                }
                let s = self.find_step("step", step)?;
                self.find_step("after", after)?;
                if self
                    .workers
                    .iter()
                    .all(|w| w.levels[self.steps[s].skill] <= 0.0)
                {
                    return Err(Invalid::item(
                        "step",
                        step,
                        t!(En, "problem-no-skill", step = step.as_str()),
                    ));
                }
                Ok(())
            }
            K::ReorganisationMandate { design } => self.find_design("design", design).map(drop),
        }
    }

    /// Checks a stand-up: its numbers, and at most [`MAX_STANDUPS_PER_ROUND`] meetings in a round.
    pub fn check_standup(&self, s: &Standup) -> Result<(), Invalid> {
        s.check()?;
        let per_round = self.round_len.minutes() / s.every_min;
        if per_round > MAX_STANDUPS_PER_ROUND {
            return Err(Invalid::field(
                "every_min",
                t!(
                    En,
                    "problem-standups",
                    every = s.every_min.to_string(),
                    count = format!("{per_round:.0}"),
                    round = self.round_len.minutes().to_string(),
                    most = MAX_STANDUPS_PER_ROUND
                ),
            ));
        }
        Ok(())
    }

    /// Resolves a team's decision for a team whose current design is `design`.
    pub fn resolve_action<'a>(
        &self,
        action: &'a TeamAction,
        design: usize,
    ) -> Result<Resolved<'a>, Invalid> {
        Ok(match action {
            TeamAction::SetDesign(name) => {
                Resolved::SetDesign(self.find_design("SetDesign", name)?)
            }
            TeamAction::MoveWorker { worker, unit } => Resolved::MoveWorker {
                worker: self.find_worker("worker", worker)?,
                unit: self.find_unit(design, "unit", unit)?,
            },
            TeamAction::SetSpanner { worker, on } => Resolved::SetSpanner {
                worker: self.find_worker("worker", worker)?,
                on: *on,
            },
            TeamAction::SetPractice(change) => {
                self.check_practice(change)?;
                Resolved::SetPractice(change)
            }
            TeamAction::AssignStep { step, units } => {
                let step = self.find_step("step", step)?;
                if units.is_empty() {
                    return Err(Invalid::field("units", t!(En, "refuse-step-no-units")));
                }
                let units = units
                    .iter()
                    .map(|u| self.find_unit(design, "units", u))
                    .collect::<Result<_, _>>()?;
                Resolved::AssignStep { step, units }
            }
            TeamAction::Expedite { order } => Resolved::Expedite(*order),
            TeamAction::RespondToOffer { offer, accept } => Resolved::RespondToOffer {
                offer: *offer,
                accept: *accept,
            },
        })
    }

    /// Checks a change of practice: a stand-up's numbers, a WIP limit's step and size.
    pub fn check_practice(&self, change: &PracticeChange) -> Result<(), Invalid> {
        match change {
            PracticeChange::Standup(Some(s)) => self.check_standup(s),
            PracticeChange::WipLimit { step, limit } => {
                self.find_step("step", step)?;
                if *limit == Some(0) {
                    return Err(Invalid::field("limit", t!(En, "refuse-wip-zero")));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Checks that a session of `teams` teams can run this scenario: its work fits the limits and every
    /// team its schedule names takes part. The message names the file, line and column where it can.
    pub fn check_session(&self, teams: u32) -> Result<(), String> {
        let workload = self.workload();
        if let Some(why) = workload.excess(teams, self.workers.len()) {
            return Err(format!(
                "{}: {}",
                self.file,
                t!(En, "problem-too-much-work" if teams == 1,
                    teams = teams.to_string(),
                    why = why,
                    most = workload.max_teams(self.workers.len()).to_string()
                )
            ));
        }
        for s in &self.schedule {
            if let Target::Factories(list) = &s.target
                && let Some(&bad) = list.iter().find(|&&f| u32::from(f) >= teams)
            {
                let (line, col) = s.target_at.unwrap_or((1, 1));
                return Err(format!(
                    "{}:{line}:{col}: {}",
                    self.file,
                    t!(En, "problem-schedule-teams" if teams == 1,
                        id = s.spec.id.as_str(),
                        team = bad.to_string(),
                        teams = teams.to_string(),
                        last = teams.saturating_sub(1).to_string()
                    )
                ));
            }
        }
        Ok(())
    }

    /// Checks that `team` is one of a session's `teams` teams (numbered from 0).
    pub fn check_team(teams: usize, team: u16) -> Result<(), Invalid> {
        if (team as usize) < teams {
            Ok(())
        } else {
            Err(Invalid::field("factory", no_team(teams, team)))
        }
    }

    /// Checks an injection for a session of `teams` teams: the disruption, its target and its timing.
    pub fn check_inject(
        &self,
        teams: usize,
        disruption: &DisruptionSpec,
        target: &Target,
        at_minute: Option<f64>,
    ) -> Result<(), Invalid> {
        self.check_disruption(disruption)?;
        if let Target::Factories(list) = target {
            if list.is_empty() {
                return Err(Invalid::field("target", t!(En, "refuse-target-empty")));
            }
            if let Some(&bad) = list.iter().find(|&&f| f as usize >= teams) {
                return Err(Invalid::field("target", no_team(teams, bad)));
            }
        }
        if let Some(m) = at_minute {
            let round = self.round_len.minutes();
            if !(m.is_finite() && m >= 0.0 && m < round) {
                return Err(Invalid::field(
                    "at_minute",
                    t!(
                        En,
                        "refuse-at-minute",
                        round = round.to_string(),
                        minute = m.to_string()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Why steps a routing needs would have nobody able and allowed to do them, one line per step: a step no
/// unit owns, or whose owning units have no member with its skill (as their primary skill when helping is
/// `None`; with helping `Anyone`, any worker with the skill will do). `units` are (members, steps owned).
pub fn staffing_problems(
    workers: &[Worker],
    steps: &[Step],
    skills: &[String],
    units: &[(Vec<usize>, Vec<usize>)],
    helping: Helping,
    needed: &[usize],
) -> Vec<String> {
    let mut problems = Vec::new();
    for &s in needed {
        let Some(step) = steps.get(s) else { continue };
        let owners: Vec<&(Vec<usize>, Vec<usize>)> = units
            .iter()
            .filter(|(_, owned)| owned.contains(&s))
            .collect();
        if owners.is_empty() {
            problems.push(t!(En, "problem-step-unowned", step = step.id.as_str()));
            continue;
        }
        let can = |w: usize| {
            let level = workers
                .get(w)
                .and_then(|x| x.levels.get(step.skill))
                .copied()
                .unwrap_or(0.0);
            level > 0.0 && (helping != Helping::None || workers[w].primary == step.skill)
        };
        let staffed = owners
            .iter()
            .any(|(members, _)| members.iter().any(|&w| can(w)))
            || (helping == Helping::Anyone && (0..workers.len()).any(can));
        if !staffed {
            let skill = skills.get(step.skill).map_or("?", String::as_str);
            problems.push(if helping == Helping::None {
                t!(
                    En,
                    "problem-step-unstaffed-primary",
                    step = step.id.as_str(),
                    skill = skill
                )
            } else {
                t!(
                    En,
                    "problem-step-unstaffed",
                    step = step.id.as_str(),
                    skill = skill
                )
            });
        }
    }
    problems
}

/// "there is no team N": with the teams there are.
fn no_team(teams: usize, team: u16) -> String {
    let team = team.to_string();
    match teams {
        0 => t!(En, "problem-no-team-none", team = team),
        1 => t!(En, "problem-no-team-one", team = team),
        n => t!(
            En,
            "problem-no-team",
            team = team,
            count = n.to_string(),
            last = (n - 1).to_string()
        ),
    }
}
