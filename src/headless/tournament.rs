//! A tournament of organisation strategies: every design of a scenario and the degenerate choices a team
//! could make in the panel (everyone a spanner with the shared board, stand-ups every 30 minutes, everyone
//! helping everyone, WIP limits of one), each set at round 1, minute 0 by one team of a session, so that all
//! strategies play the same orders (common random numbers); repeated over seeds. Researchers run it with
//! `cakefactory tournament`; a test holds the game to "no strategy wins everywhere".

use std::sync::Arc;

use super::plan::TimedCommand;
use super::{RunOptions, run};
use crate::domain::{Command, PracticeChange, Standup, StandupScope, TeamAction};
use crate::metrics::Metrics;
use crate::scenario::Model;

/// A strategy: its name and the decisions that make it.
#[derive(Clone, Debug, PartialEq)]
pub struct Strategy {
    /// What it is called in tables.
    pub name: String,
    /// The team's decisions at round 1, minute 0.
    pub actions: Vec<TeamAction>,
}

/// The strategies of a scenario: each design as it is, and the degenerate choices on the default design.
pub fn strategies(model: &Model) -> Vec<Strategy> {
    let default = model.designs[model.default_design].name.clone();
    let on_default = |name: &str, mut more: Vec<TeamAction>| {
        let mut actions = vec![TeamAction::SetDesign(default.clone())];
        actions.append(&mut more);
        Strategy {
            name: format!("{default}, {name}"),
            actions,
        }
    };
    let mut all: Vec<Strategy> = model
        .designs
        .iter()
        .map(|d| Strategy {
            name: d.name.clone(),
            actions: vec![TeamAction::SetDesign(d.name.clone())],
        })
        .collect();
    let already = &model.designs[model.default_design].spanners;
    let mut spanners: Vec<TeamAction> = model
        .workers
        .iter()
        .enumerate()
        .filter(|(w, _)| !already.contains(w))
        .map(|(_, w)| TeamAction::SetSpanner {
            worker: w.id.clone(),
            on: true,
        })
        .collect();
    spanners.push(TeamAction::SetPractice(PracticeChange::SharedBoard(true)));
    all.push(on_default("everyone a spanner, shared board", spanners));
    all.push(on_default(
        "stand-ups every 30 min",
        vec![TeamAction::SetPractice(PracticeChange::Standup(Some(
            Standup {
                every_min: 30.0,
                duration_min: 10.0,
                scope: StandupScope::Factory,
            },
        )))],
    ));
    all.push(on_default(
        "everyone helping everyone",
        vec![TeamAction::SetPractice(PracticeChange::Helping(
            crate::domain::Helping::Anyone,
        ))],
    ));
    all.push(on_default(
        "WIP limits of 1",
        model
            .steps
            .iter()
            .map(|s| {
                TeamAction::SetPractice(PracticeChange::WipLimit {
                    step: s.id.clone(),
                    limit: Some(1),
                })
            })
            .collect(),
    ));
    all
}

/// Every strategy's totals and rounds in one session of `seed`: team `i` plays `strategies[i]`.
pub fn play(
    model: &Arc<Model>,
    strategies: &[Strategy],
    seed: u64,
) -> Result<Vec<(Metrics, Vec<Metrics>)>, String> {
    let plan = strategies
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.actions.iter().map(move |a| TimedCommand {
                round: 1,
                minute: 0.0,
                command: Command::Team {
                    factory: i as u16,
                    action: a.clone(),
                },
            })
        })
        .collect();
    let options = RunOptions {
        seed,
        teams: Some(strategies.len() as u32),
        design: None,
        plan,
    };
    let report = run(Arc::clone(model), &options, Vec::new())?;
    Ok(report
        .factories
        .into_iter()
        .map(|f| (f.totals, f.rounds))
        .collect())
}

/// A strategy's means over the seeds played.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Standing {
    /// The strategy.
    pub name: String,
    /// Mean orders delivered.
    pub delivered: f64,
    /// Mean profit.
    pub profit: f64,
    /// Mean share of deliveries on time, per round.
    pub on_time: Vec<f64>,
    /// Mean work in progress, per round.
    pub wip: Vec<f64>,
    /// Mean cross-unit handoffs.
    pub cross_unit_handoffs: f64,
    /// Mean rework tasks.
    pub rework: f64,
}

/// Plays `seeds` sessions and returns each strategy's means.
pub fn standings(
    model: &Arc<Model>,
    strategies: &[Strategy],
    seeds: std::ops::Range<u64>,
) -> Result<Vec<Standing>, String> {
    let n = seeds.clone().count().max(1) as f64;
    let rounds = model.rounds as usize;
    let mut out: Vec<Standing> = strategies
        .iter()
        .map(|s| Standing {
            name: s.name.clone(),
            on_time: vec![0.0; rounds],
            wip: vec![0.0; rounds],
            ..Default::default()
        })
        .collect();
    for seed in seeds {
        for (st, (totals, per_round)) in out.iter_mut().zip(play(model, strategies, seed)?) {
            st.delivered += totals.orders_delivered as f64 / n;
            st.profit += totals.profit / n;
            st.cross_unit_handoffs += totals.cross_unit_handoffs as f64 / n;
            st.rework += totals.rework_tasks as f64 / n;
            for (r, m) in per_round.iter().enumerate().take(rounds) {
                let on_time = if m.orders_delivered > 0 {
                    m.orders_on_time as f64 / m.orders_delivered as f64
                } else {
                    0.0
                };
                st.on_time[r] += on_time / n;
                st.wip[r] += m.wip_mean / n;
            }
        }
    }
    Ok(out)
}
