//! The participants' own voice, from their devices: hopes and fears before the game, a self-assessment on
//! the game's three themes at three levels (before and after), the team's answers to the three dialogue
//! questions per round, and one action each commits to; and the facilitator's curation of them (clustering
//! hopes and fears under themes, pinning answers and moments of the run). All of it travels as commands, so
//! the journal keeps it as it is entered and a resumed session has it back.

use serde::{Deserialize, Serialize};

use super::SimTime;
use crate::i18n::Lang::En;
use crate::t;

/// The most hopes (and the most fears) one participant gives.
pub const MAX_HOPES: usize = 5;
/// The longest text a participant or the facilitator may give, in characters.
pub const MAX_TEXT: usize = 280;
/// The longest theme or participant id, in characters.
pub const MAX_LABEL: usize = 40;
/// The self-assessment's themes: working across functions, adapting to change, using boundary spanners
/// (message ids `theme-across`, `theme-change`, `theme-spanners`).
pub const THEMES: usize = 3;
/// The themes as the data exports name them.
pub const THEME_IDS: [&str; THEMES] = [
    "across_functions",
    "adapting_to_change",
    "boundary_spanners",
];
/// The self-assessment's levels: me, my organisation, us together (message ids `level-me`,
/// `level-organisation`, `level-together`).
pub const LEVELS: usize = 3;
/// The levels as the data exports name them.
pub const LEVEL_IDS: [&str; LEVELS] = ["me", "organisation", "together"];
/// The dialogue questions: what did we hear, what do we take with us, how do we apply it at home (message
/// ids `question-heard`, `question-take`, `question-apply`).
pub const QUESTIONS: usize = 3;
/// The highest score of a scale (1 = poor .. 5 = excellent; 0 = not answered).
pub const TOP_SCORE: u8 = 5;

/// When a self-assessment is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    /// Before the game.
    Before,
    /// After the game.
    After,
}

/// What a participant says from their device. A later answer of the same kind replaces the earlier one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Voice {
    /// Their hopes and fears for the day (short texts).
    HopesAndFears {
        /// What they hope for.
        hopes: Vec<String>,
        /// What they fear.
        fears: Vec<String>,
    },
    /// Their self-assessment: `scores[theme][level]`, 1..=5, 0 where they gave none.
    Assessment {
        /// Before or after the game.
        phase: Phase,
        /// The scores by theme, then level.
        scores: [[u8; LEVELS]; THEMES],
    },
    /// Their team's answer to a dialogue question after a round.
    Dialogue {
        /// The round it is about.
        round: u32,
        /// The question (0..3).
        question: u8,
        /// The answer.
        text: String,
    },
    /// The one action they commit to take home.
    Commitment {
        /// The action.
        text: String,
    },
}

/// Which hope or fear of a participant.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct HopeRef {
    /// The participant.
    pub participant: String,
    /// A fear (else a hope).
    pub fear: bool,
    /// Its place in their list.
    pub index: u8,
}

/// Which dialogue answer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AnswerRef {
    /// The participant who gave it.
    pub participant: String,
    /// The round.
    pub round: u32,
    /// The question.
    pub question: u8,
}

/// The facilitator's curation of the room's voices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Curation {
    /// Put a hope or fear under a theme ("" takes it out of any).
    Tag {
        /// The hope or fear.
        item: HopeRef,
        /// The theme.
        theme: String,
    },
    /// Pin (or unpin) a dialogue answer for the room to discuss.
    PinAnswer {
        /// The answer.
        answer: AnswerRef,
        /// Pinned.
        on: bool,
    },
    /// Pin (or unpin) a moment of the run, for the next morning.
    PinMoment {
        /// When.
        t: SimTime,
        /// The team it is about, if one.
        team: Option<u16>,
        /// What to look at there.
        note: String,
        /// Pinned.
        on: bool,
    },
}

/// Whether `text` is a short answer a participant may give: at most [`MAX_TEXT`] characters, no control
/// characters but line breaks.
fn check_text(text: &str, what: &str) -> Result<(), String> {
    if text.chars().count() > MAX_TEXT {
        return Err(t!(En, "refuse-text-long", what = what, most = MAX_TEXT));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(t!(En, "refuse-text-control", what = what));
    }
    Ok(())
}

/// Whether `id` is a participant's id: 1 to [`MAX_LABEL`] letters, digits, `-` or `_`.
pub fn check_participant(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= MAX_LABEL
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(t!(En, "refuse-participant", most = MAX_LABEL))
    }
}

/// Whether `name` is a name a participant may sign with (empty: anonymous).
pub fn check_signature(name: &str) -> Result<(), String> {
    if name.chars().count() > MAX_LABEL || name.chars().any(char::is_control) {
        return Err(t!(En, "refuse-signature", most = MAX_LABEL));
    }
    Ok(())
}

/// Whether a participant (`participant`, signing as `signed`) may say `voice` in a session of `rounds`
/// rounds of which `played` have started: the one check of a voice, wherever it comes from (a device, a
/// plan, the session). A dialogue answer is about a round played.
pub fn check_voice(
    participant: &str,
    signed: &str,
    voice: &Voice,
    rounds: u32,
    played: u32,
) -> Result<(), String> {
    check_participant(participant)?;
    check_signature(signed)?;
    voice.check(rounds)?;
    match voice {
        Voice::Dialogue { round, .. } if *round > played => {
            Err(t!(En, "refuse-round-not-played", round = *round))
        }
        _ => Ok(()),
    }
}

impl Voice {
    /// Whether it may be given in a session of `rounds` rounds.
    pub fn check(&self, rounds: u32) -> Result<(), String> {
        match self {
            Voice::HopesAndFears { hopes, fears } => {
                if hopes.len() > MAX_HOPES || fears.len() > MAX_HOPES {
                    return Err(t!(En, "refuse-too-many-hopes", most = MAX_HOPES));
                }
                for t in hopes.iter().chain(fears) {
                    check_text(t, &t!(En, "refuse-what-hope"))?;
                }
                Ok(())
            }
            Voice::Assessment { scores, .. } => {
                if scores.iter().flatten().any(|s| *s > TOP_SCORE) {
                    return Err(t!(En, "refuse-score", top = TOP_SCORE));
                }
                Ok(())
            }
            Voice::Dialogue {
                round,
                question,
                text,
            } => {
                if *round == 0 || *round > rounds {
                    return Err(t!(En, "refuse-round-unknown", round = *round));
                }
                if usize::from(*question) >= QUESTIONS {
                    return Err(t!(
                        En,
                        "refuse-question-unknown",
                        question = *question,
                        count = QUESTIONS
                    ));
                }
                check_text(text, &t!(En, "refuse-what-answer"))
            }
            Voice::Commitment { text } => check_text(text, &t!(En, "refuse-what-commitment")),
        }
    }
}

impl Curation {
    /// Whether it is well formed.
    pub fn check(&self) -> Result<(), String> {
        match self {
            Curation::Tag { item, theme } => {
                check_participant(&item.participant)?;
                if usize::from(item.index) >= MAX_HOPES {
                    return Err(t!(En, "refuse-no-hope"));
                }
                check_signature(theme).map_err(|_| t!(En, "refuse-theme-long", most = MAX_LABEL))
            }
            Curation::PinAnswer { answer, .. } => {
                check_participant(&answer.participant)?;
                if usize::from(answer.question) >= QUESTIONS {
                    return Err(t!(En, "refuse-no-question"));
                }
                Ok(())
            }
            Curation::PinMoment { note, .. } => check_text(note, &t!(En, "refuse-what-note")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_are_checked() {
        let ok = Voice::HopesAndFears {
            hopes: vec!["learn from others".into()],
            fears: vec![],
        };
        assert!(ok.check(4).is_ok());
        let many = Voice::HopesAndFears {
            hopes: vec!["x".into(); 6],
            fears: vec![],
        };
        assert!(many.check(4).is_err());
        let long = Voice::Commitment {
            text: "x".repeat(MAX_TEXT + 1),
        };
        assert!(long.check(4).is_err());
        let control = Voice::Commitment {
            text: "a\u{7}b".into(),
        };
        assert!(control.check(4).is_err());
        let score = Voice::Assessment {
            phase: Phase::Before,
            scores: [[1, 2, 6], [0; 3], [0; 3]],
        };
        assert!(score.check(4).is_err());
        for (round, question) in [(0, 0), (5, 0), (1, 3)] {
            let d = Voice::Dialogue {
                round,
                question,
                text: "x".into(),
            };
            assert!(d.check(4).is_err(), "{round} {question}");
        }
        assert!(check_participant("ab-12_x").is_ok());
        assert!(check_participant("").is_err());
        assert!(check_participant("a b").is_err());
        assert!(check_signature("").is_ok());
        assert!(check_signature("Anna\u{0}").is_err());
        // A dialogue answer is about a round played.
        let second = Voice::Dialogue {
            round: 2,
            question: 0,
            text: "x".into(),
        };
        assert!(check_voice("p1", "", &second, 4, 1).is_err());
        assert!(check_voice("p1", "", &second, 4, 2).is_ok());
    }
}
