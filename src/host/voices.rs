//! What the devices and the console are shown of the room's voices: to a team, its own dialogue answers; to
//! the console (the projector), the room's self-assessments as distributions, its hopes and fears by the
//! facilitator's themes and every dialogue answer with its pin. Anonymous: a participant appears by the id
//! their device made up, and by name only where they signed.

use serde::Serialize;

use crate::debrief::voices::{Voices, level, question, suggested_clusters, theme};
use crate::domain::Phase;
use crate::domain::voice::{LEVELS, QUESTIONS, THEMES};
use crate::i18n::Lang;

/// A dialogue answer as shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerState {
    /// The team's factory index.
    pub factory: u16,
    /// The participant's id (to pin it by).
    pub participant: String,
    /// The round.
    pub round: u32,
    /// The question (0..3).
    pub question: u8,
    /// The answer.
    pub text: String,
    /// The name its author signed with ("" for anonymous).
    pub signed: String,
    /// Pinned by the facilitator.
    pub pinned: bool,
}

/// One scale of the self-assessment, for the room: how many gave each score 1..5, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleState {
    /// The theme (0..3).
    pub theme: usize,
    /// The level (0..3).
    pub level: usize,
    /// Before the game: the count of each score 1..5.
    pub before: [u32; 5],
    /// After the game.
    pub after: [u32; 5],
}

/// A hope or fear as shown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemState {
    /// The participant's id (to cluster it by).
    pub participant: String,
    /// Its place in their list.
    pub index: u8,
    /// Its text.
    pub text: String,
    /// The theme it is under ("" for none yet).
    pub theme: String,
}

/// The room's voices for the console.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoomVoices {
    /// How many participants said anything.
    pub participants: usize,
    /// How many took the self-assessment before and after.
    pub assessed: [usize; 2],
    /// The self-assessment's themes and levels and the dialogue questions, in the console's language.
    pub labels: &'static Labels,
    /// Every scale.
    pub scales: Vec<ScaleState>,
    /// The hopes.
    pub hopes: Vec<ItemState>,
    /// The fears.
    pub fears: Vec<ItemState>,
    /// The themes the facilitator has used, then those the method suggests.
    pub clusters: Vec<String>,
    /// Every dialogue answer, in the order given.
    pub answers: Vec<AnswerState>,
    /// The moments pinned: when ("R2 1:30") and the note.
    pub moments: Vec<(String, String)>,
}

/// The learning meeting's texts in a language: the self-assessment's themes and levels, the dialogue
/// questions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Labels {
    /// The themes.
    pub themes: Vec<String>,
    /// The levels.
    pub levels: Vec<String>,
    /// The dialogue questions.
    pub questions: Vec<String>,
}

/// The learning meeting's texts in `lang`, formatted once (every state update sends them).
pub fn labels(lang: Lang) -> &'static Labels {
    static LABELS: std::sync::OnceLock<[Labels; 2]> = std::sync::OnceLock::new();
    &LABELS.get_or_init(|| {
        Lang::ALL.map(|lang| Labels {
            themes: (0..THEMES).map(|i| theme(lang, i)).collect(),
            levels: (0..LEVELS).map(|i| level(lang, i)).collect(),
            questions: (0..QUESTIONS).map(|i| question(lang, i)).collect(),
        })
    })[lang.index()]
}

/// A team's dialogue answers (every round), for its devices.
pub fn team_answers(voices: &Voices, factory: u16) -> Vec<AnswerState> {
    answers(voices, Some(factory))
}

fn answers(voices: &Voices, team: Option<u16>) -> Vec<AnswerState> {
    let mut out: Vec<_> = voices
        .answers
        .values()
        .filter(|a| team.is_none_or(|t| a.factory == t))
        .map(|a| AnswerState {
            factory: a.factory,
            participant: a.at.participant.clone(),
            round: a.at.round,
            question: a.at.question,
            text: a.text.clone(),
            signed: a.signed.clone(),
            pinned: voices.pinned.contains(&a.at),
        })
        .collect();
    out.sort_by_key(|a| (a.round, a.question, a.factory));
    out
}

fn items(voices: &Voices, fear: bool) -> Vec<ItemState> {
    voices
        .items(fear)
        .into_iter()
        .map(|i| ItemState {
            participant: i.at.participant,
            index: i.at.index,
            text: i.text,
            theme: i.theme,
        })
        .collect()
}

/// A moment as the room reads it: "R2 1:30" (the round it falls in and the time into it).
fn moment_clock(t: crate::domain::SimTime, round_starts: &[crate::domain::SimTime]) -> String {
    let starts: Vec<f64> = round_starts.iter().map(|s| s.minutes()).collect();
    crate::debrief::round_clock(t.minutes(), &starts)
}

/// The room's voices for the console, in `lang`; `round_starts`: when each round started.
pub fn room_voices(
    voices: &Voices,
    lang: Lang,
    round_starts: &[crate::domain::SimTime],
) -> RoomVoices {
    let mut clusters = voices.themes();
    for c in suggested_clusters(lang) {
        if !clusters.contains(&c) {
            clusters.push(c);
        }
    }
    RoomVoices {
        participants: voices.participants.len(),
        assessed: [
            voices.assessed(Phase::Before, None),
            voices.assessed(Phase::After, None),
        ],
        labels: labels(lang),
        scales: (0..THEMES)
            .flat_map(|theme| (0..LEVELS).map(move |level| (theme, level)))
            .map(|(theme, level)| ScaleState {
                theme,
                level,
                before: voices.distribution(Phase::Before, theme, level, None),
                after: voices.distribution(Phase::After, theme, level, None),
            })
            .collect(),
        hopes: items(voices, false),
        fears: items(voices, true),
        clusters,
        answers: answers(voices, None),
        moments: voices
            .moments
            .iter()
            .map(|m| (moment_clock(m.t, round_starts), m.note.clone()))
            .collect(),
    }
}
