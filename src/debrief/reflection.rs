//! The teams' reflection as the facilitator records it: a team's self-assessment before and after the game
//! where none of its participants answered from a device, and notes per round under the three dialogue
//! questions beside what the team's devices answered. Kept in a JSON file beside the session's event log,
//! saved on every change.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::voices::Voices;
use crate::domain::Phase;
use crate::i18n::{Lang, decimal};
use crate::t;

/// The self-assessment questions, each answered 1 (poor) to 5 (excellent).
pub const QUESTIONS: [&str; 3] = [
    "How good are we at working across functions?",
    "How good were we at adapting to change?",
    "How well did we use boundary spanners?",
];

/// The dialogue questions of the learning meeting.
pub const DIALOGUE: [&str; 3] = [
    "What did we hear?",
    "What do we take with us?",
    "How do we apply it at home?",
];

/// A self-assessment question of [`QUESTIONS`] in `lang`.
pub fn question_text(lang: Lang, q: usize) -> String {
    match q {
        0 => t!(lang, "reflect-q-across"),
        1 => t!(lang, "reflect-q-change"),
        _ => t!(lang, "reflect-q-spanners"),
    }
}

/// What team `team`'s participants answered from their devices on `theme` in `phase`: the means for me · my
/// organisation · us together and how many answered ("3,4 · 2,8 · 3,9 (5)"); `None` when nobody did, and the
/// facilitator's entry for the team stands.
pub fn participants_scale(
    v: &Voices,
    phase: Phase,
    theme: usize,
    team: u16,
    lang: Lang,
) -> Option<String> {
    let n = v.assessed(phase, Some(team));
    if n == 0 {
        return None;
    }
    let mean = |level: usize| {
        Voices::mean(&v.distribution(phase, theme, level, Some(team)))
            .map_or_else(|| "-".to_string(), |m| decimal(lang, m, 1))
    };
    Some(t!(
        lang,
        "reflect-levels",
        me = mean(0),
        org = mean(1),
        us = mean(2),
        count = n
    ))
}

/// One team's reflection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamReflection {
    /// The team's name.
    pub team: String,
    /// Answers to [`QUESTIONS`] before the game (0 = not given).
    pub before: [u8; 3],
    /// Answers after the game.
    pub after: [u8; 3],
    /// Per round: notes under the three [`DIALOGUE`] questions.
    pub notes: Vec<[String; 3]>,
}

/// The reflection of every team in a session, saved beside its event log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reflection {
    /// Each team's, in team order.
    pub teams: Vec<TeamReflection>,
}

impl Reflection {
    /// Makes sure there is an entry for every team and round.
    pub fn fit(&mut self, teams: &[String], rounds: usize) {
        for (i, name) in teams.iter().enumerate() {
            if self.teams.len() <= i {
                self.teams.push(TeamReflection {
                    team: name.clone(),
                    ..Default::default()
                });
            }
            let t = &mut self.teams[i];
            if t.notes.len() < rounds {
                t.notes.resize(rounds, Default::default());
            }
            for v in t.before.iter_mut().chain(t.after.iter_mut()) {
                *v = (*v).min(5);
            }
        }
    }
}

/// Where the reflection of an event log is kept: `EVENTS.jsonl` -> `EVENTS.reflection.json`.
pub fn path_for(log: &Path) -> PathBuf {
    let stem = log
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    log.with_file_name(format!("{stem}.reflection.json"))
}

/// Loads a reflection; a missing file is an empty reflection.
pub fn load(path: &Path) -> Result<Reflection, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Reflection::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Saves atomically (a temporary file renamed over the old one), so a crash never leaves half a file.
pub fn save(path: &Path, reflection: &Reflection) -> Result<(), String> {
    let text = serde_json::to_string_pretty(reflection).map_err(|e| e.to_string())?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_reflections_load_back() {
        let dir = std::env::temp_dir().join(format!("cf-refl-{}", std::process::id()));
        // A folder left by an earlier run under the same process id must not hold its file.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let log = dir.join("events.jsonl");
        let path = path_for(&log);
        assert_eq!(path.file_name().unwrap(), "events.reflection.json");
        assert_eq!(load(&path).unwrap(), Reflection::default());
        let mut r = Reflection::default();
        r.fit(&["Red".into(), "Blue".into()], 4);
        r.teams[1].before = [2, 3, 9];
        r.fit(&["Red".into(), "Blue".into()], 4);
        assert_eq!(r.teams[1].before, [2, 3, 5]);
        r.teams[0].notes[2][1] = "Talk to purchasing early".into();
        save(&path, &r).unwrap();
        assert_eq!(load(&path).unwrap(), r);
    }
}
