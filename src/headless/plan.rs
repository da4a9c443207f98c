//! Plans: RON lists of timed commands for headless runs, e.g.
//! `[(round: 2, minute: 0, command: Team(factory: 0, action: SetDesign("cross_functional")))]`.
//! Commands at minute 0 are applied before the round starts (so a design chosen there holds for the round).

use serde::{Deserialize, Serialize};

use crate::domain::Command;
use crate::scenario::spanned::{Spanned, line_col, parse_located};
use crate::scenario::{LoadError, Located, Model, read_bounded, text_of};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedCommand {
    /// 1-based round.
    pub round: u32,
    /// Minutes into the round.
    pub minute: f64,
    pub command: Command,
}

/// Parses and checks a plan against a scenario: rounds and minutes must lie inside the scenario's rounds.
/// Commands are returned sorted by time (stable for equal times).
pub fn parse_plan(file: &str, source: &str, model: &Model) -> Result<Vec<TimedCommand>, LoadError> {
    let items: Vec<Spanned<TimedCommand>> =
        parse_located(source).map_err(|e| LoadError::parse(file, e))?;
    let round_minutes = model.round_len.minutes();
    let mut errors = Vec::new();
    for item in &items {
        let c = &item.value;
        let problem = if c.round == 0 || c.round > model.rounds {
            Some(format!("round {} is outside 1..{}", c.round, model.rounds))
        } else if !(c.minute.is_finite() && c.minute >= 0.0 && c.minute < round_minutes) {
            Some(format!(
                "minute {} is outside the round (0..{round_minutes})",
                c.minute
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            let (line, col) = item.offset.map_or((1, 1), |o| line_col(source, o));
            errors.push(Located { line, col, message });
        }
    }
    if !errors.is_empty() {
        return Err(LoadError::Invalid {
            file: file.into(),
            errors,
        });
    }
    let mut plan: Vec<TimedCommand> = items.into_iter().map(|i| i.value).collect();
    plan.sort_by(|a, b| a.round.cmp(&b.round).then(a.minute.total_cmp(&b.minute)));
    Ok(plan)
}

/// Reads and parses a plan file.
pub fn load_plan(path: &std::path::Path, model: &Model) -> Result<Vec<TimedCommand>, LoadError> {
    let file = path.display().to_string();
    let bytes = read_bounded(path).map_err(|reason| LoadError::Unreadable {
        file: file.clone(),
        reason,
    })?;
    parse_plan(&file, text_of(&file, &bytes)?, model)
}
