//! Who gave the commands that the session's usual sources do not name (a participant's device, the host's
//! console page), and how each of them turned out: the journal takes the giver from here, and the host
//! answers each command from its outcome.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;

use super::record::Source;
use crate::domain::Command;

/// Commands given with their giver, by message id, until the session applies them; then their outcomes.
#[derive(Resource, Default)]
pub struct Origins {
    given: HashMap<usize, Source>,
    answered: Vec<Answer>,
}

/// How a command given through [`Origins::give`] turned out.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Who gave it.
    pub source: Source,
    /// Applied, or rejected with the reason (the same words as the log's `CommandRejected`).
    pub outcome: Result<(), String>,
}

impl Origins {
    /// Writes `command` for the next update, as given by `source`.
    pub fn give(&mut self, writer: &mut MessageWriter<Command>, command: Command, source: Source) {
        let id = writer.write(command);
        self.given.insert(id.id, source);
    }

    /// Who gave the command of message `id`, if it came through [`give`](Origins::give).
    pub(super) fn source(&self, id: usize) -> Option<&Source> {
        self.given.get(&id)
    }

    /// Keeps the outcome of the command of message `id`, if it came through [`give`](Origins::give).
    pub(super) fn answer(&mut self, id: usize, outcome: Result<(), String>) {
        if let Some(source) = self.given.remove(&id) {
            self.answered.push(Answer { source, outcome });
        }
    }

    /// The outcomes since the last call, in the order the commands were applied.
    pub fn take_answers(&mut self) -> Vec<Answer> {
        std::mem::take(&mut self.answered)
    }
}
