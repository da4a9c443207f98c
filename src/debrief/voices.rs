//! The room's voices, gathered from the session's log: each participant's hopes and fears, their
//! self-assessments before and after, their team's dialogue answers per round and the action they commit to;
//! the facilitator's clusters and pins. Anonymous unless a participant signed: a participant is an id their
//! device made up, and only the name they chose to sign with is ever shown.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::event::{EventKind, SimEvent};
use crate::domain::voice::{AnswerRef, HopeRef, LEVELS, THEMES, TOP_SCORE};
use crate::domain::{Command, Curation, Phase, SimTime, Voice};
use crate::i18n::Lang;
use crate::t;

/// A self-assessment: `[theme][level]`, 1..=5, 0 where none was given.
pub type Scores = [[u8; LEVELS]; THEMES];

/// What one participant said.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Participant {
    /// Their team.
    pub factory: u16,
    /// The name they signed with, the last time they gave one ("" for anonymous).
    pub signed: String,
    /// Their hopes.
    pub hopes: Vec<String>,
    /// Their fears.
    pub fears: Vec<String>,
    /// Their self-assessment before the game.
    pub before: Option<Scores>,
    /// And after.
    pub after: Option<Scores>,
    /// The action they commit to.
    pub commitment: String,
}

impl Participant {
    /// Their self-assessment of `phase`.
    pub fn scores(&self, phase: Phase) -> Option<&Scores> {
        match phase {
            Phase::Before => self.before.as_ref(),
            Phase::After => self.after.as_ref(),
        }
    }
}

/// A team's answer to a dialogue question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Which answer (the participant, round and question).
    pub at: AnswerRef,
    /// The team.
    pub factory: u16,
    /// The name its author signed with ("" for anonymous).
    pub signed: String,
    /// The answer.
    pub text: String,
    /// When it was given.
    pub t: SimTime,
}

/// A moment of the run the facilitator pinned for the next morning.
#[derive(Clone, Debug, PartialEq)]
pub struct Moment {
    /// When.
    pub t: SimTime,
    /// The team it is about, if one.
    pub team: Option<u16>,
    /// What to look at there.
    pub note: String,
}

/// A hope or fear as the room sees it: its text, its team and the theme it was put under.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Which one.
    pub at: HopeRef,
    /// Its text.
    pub text: String,
    /// The team of the participant who gave it.
    pub factory: u16,
    /// The theme it is under ("" when not yet clustered).
    pub theme: String,
}

/// Everything the participants said, and the facilitator's curation of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Voices {
    /// Each participant, by id.
    pub participants: BTreeMap<String, Participant>,
    /// The dialogue answers, the latest of each, by participant, round and question.
    pub answers: BTreeMap<AnswerRef, Answer>,
    /// The theme each clustered hope or fear is under.
    pub tags: BTreeMap<HopeRef, String>,
    /// The pinned answers.
    pub pinned: BTreeSet<AnswerRef>,
    /// The pinned moments, in time order.
    pub moments: Vec<Moment>,
}

impl Voices {
    /// The voices of a session's log.
    pub fn from_events(events: &[SimEvent]) -> Voices {
        let mut v = Voices::default();
        for e in events {
            v.observe(e);
        }
        v
    }

    /// Takes in an event (only applied voice and curation commands count).
    pub fn observe(&mut self, e: &SimEvent) {
        if let EventKind::CommandApplied { command } = &e.kind {
            self.apply(e.t, command);
        }
    }

    /// Takes in an applied command given at `t`.
    pub fn apply(&mut self, t: SimTime, command: &Command) {
        match command {
            Command::Voice {
                factory,
                participant,
                signed,
                voice,
            } => self.hear(t, *factory, participant, signed, voice),
            Command::Curate(c) => self.curate(c),
            _ => {}
        }
    }

    fn hear(&mut self, t: SimTime, factory: u16, id: &str, signed: &str, voice: &Voice) {
        let p = self.participants.entry(id.to_string()).or_default();
        p.factory = factory;
        p.signed = signed.trim().to_string();
        match voice {
            Voice::HopesAndFears { hopes, fears } => {
                p.hopes = clean(hopes);
                p.fears = clean(fears);
                // A hope or fear given anew starts outside any cluster.
                self.tags.retain(|k, _| k.participant != id);
            }
            Voice::Assessment { phase, scores } => match phase {
                Phase::Before => p.before = Some(*scores),
                Phase::After => p.after = Some(*scores),
            },
            Voice::Dialogue {
                round,
                question,
                text,
            } => {
                let at = AnswerRef {
                    participant: id.to_string(),
                    round: *round,
                    question: *question,
                };
                if text.trim().is_empty() {
                    self.answers.remove(&at);
                    self.pinned.remove(&at);
                } else {
                    let answer = Answer {
                        at: at.clone(),
                        factory,
                        signed: p.signed.clone(),
                        text: text.trim().to_string(),
                        t,
                    };
                    self.answers.insert(at, answer);
                }
            }
            Voice::Commitment { text } => p.commitment = text.trim().to_string(),
        }
    }

    fn curate(&mut self, c: &Curation) {
        match c {
            Curation::Tag { item, theme } => {
                if theme.trim().is_empty() {
                    self.tags.remove(item);
                } else {
                    self.tags.insert(item.clone(), theme.trim().to_string());
                }
            }
            Curation::PinAnswer { answer, on } => {
                if *on && self.answers.contains_key(answer) {
                    self.pinned.insert(answer.clone());
                } else {
                    self.pinned.remove(answer);
                }
            }
            Curation::PinMoment {
                t: at,
                team,
                note,
                on,
            } => {
                self.moments.retain(|m| !(m.t == *at && m.team == *team));
                if *on {
                    self.moments.push(Moment {
                        t: *at,
                        team: *team,
                        note: note.trim().to_string(),
                    });
                    self.moments.sort_by_key(|m| (m.t, m.team));
                }
            }
        }
    }

    /// How many gave `phase`'s self-assessment for `theme` at `level` each score 1..=5 (in the team, or the
    /// room when `team` is None).
    pub fn distribution(
        &self,
        phase: Phase,
        theme: usize,
        level: usize,
        team: Option<u16>,
    ) -> [u32; 5] {
        let mut out = [0; 5];
        for p in self.of_team(team) {
            if let Some(s) = p.scores(phase).and_then(|s| s.get(theme)?.get(level))
                && (1..=TOP_SCORE).contains(s)
            {
                out[usize::from(*s) - 1] += 1;
            }
        }
        out
    }

    /// The mean score of a distribution, when anyone answered.
    pub fn mean(counts: &[u32; 5]) -> Option<f64> {
        let n: u32 = counts.iter().sum();
        (n > 0).then(|| {
            counts
                .iter()
                .enumerate()
                .map(|(i, c)| (i as f64 + 1.0) * f64::from(*c))
                .sum::<f64>()
                / f64::from(n)
        })
    }

    /// The participants of a team (every one when `team` is None).
    pub fn of_team(&self, team: Option<u16>) -> impl Iterator<Item = &Participant> {
        self.participants
            .values()
            .filter(move |p| team.is_none_or(|t| p.factory == t))
    }

    /// How many took `phase`'s self-assessment.
    pub fn assessed(&self, phase: Phase, team: Option<u16>) -> usize {
        self.of_team(team)
            .filter(|p| p.scores(phase).is_some())
            .count()
    }

    /// Every hope (or every fear), with its theme, in participant order.
    pub fn items(&self, fear: bool) -> Vec<Item> {
        let mut out = Vec::new();
        for (id, p) in &self.participants {
            let list = if fear { &p.fears } else { &p.hopes };
            for (i, text) in list.iter().enumerate() {
                let at = HopeRef {
                    participant: id.clone(),
                    fear,
                    index: i as u8,
                };
                let theme = self.tags.get(&at).cloned().unwrap_or_default();
                out.push(Item {
                    at,
                    text: text.clone(),
                    factory: p.factory,
                    theme,
                });
            }
        }
        out
    }

    /// The hopes (or fears) by theme: the facilitator's clusters in the order of their names, then those not
    /// yet clustered (theme "").
    pub fn clusters(&self, fear: bool) -> Vec<(String, Vec<Item>)> {
        let mut by: BTreeMap<String, Vec<Item>> = BTreeMap::new();
        for item in self.items(fear) {
            by.entry(item.theme.clone()).or_default().push(item);
        }
        let loose = by.remove("");
        let mut out: Vec<_> = by.into_iter().collect();
        if let Some(l) = loose {
            out.push((String::new(), l));
        }
        out
    }

    /// The themes the facilitator has used, in order.
    pub fn themes(&self) -> Vec<String> {
        let set: BTreeSet<&String> = self.tags.values().collect();
        set.into_iter().cloned().collect()
    }

    /// The answers to `question` about `round`, in the order given.
    pub fn answers_to(&self, round: u32, question: u8) -> Vec<&Answer> {
        let mut out: Vec<&Answer> = self
            .answers
            .values()
            .filter(|a| a.at.round == round && a.at.question == question)
            .collect();
        out.sort_by_key(|a| (a.t, a.factory));
        out
    }

    /// The pinned answers, in the order given.
    pub fn pinned_answers(&self) -> Vec<&Answer> {
        let mut out: Vec<&Answer> = self
            .pinned
            .iter()
            .filter_map(|p| self.answers.get(p))
            .collect();
        out.sort_by_key(|a| (a.t, a.factory));
        out
    }

    /// Every name a participant chose to sign with.
    pub fn names_given(&self) -> BTreeSet<String> {
        self.participants
            .values()
            .map(|p| p.signed.clone())
            .chain(self.answers.values().map(|a| a.signed.clone()))
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Whether anyone said anything.
    pub fn is_empty(&self) -> bool {
        self.participants.is_empty() && self.moments.is_empty()
    }
}

/// A theme of the self-assessment in `lang`.
pub fn theme(lang: Lang, i: usize) -> String {
    match i {
        0 => t!(lang, "theme-across"),
        1 => t!(lang, "theme-change"),
        _ => t!(lang, "theme-spanners"),
    }
}

/// A level of the self-assessment in `lang`.
pub fn level(lang: Lang, i: usize) -> String {
    match i {
        0 => t!(lang, "level-me"),
        1 => t!(lang, "level-organisation"),
        _ => t!(lang, "level-together"),
    }
}

/// A dialogue question in `lang`.
pub fn question(lang: Lang, i: usize) -> String {
    match i {
        0 => t!(lang, "question-heard"),
        1 => t!(lang, "question-take"),
        _ => t!(lang, "question-apply"),
    }
}

/// The clusters the method suggests for hopes and fears, in `lang`.
pub fn suggested_clusters(lang: Lang) -> Vec<String> {
    [
        "cluster-knowledge",
        "cluster-plans",
        "cluster-courage",
        "cluster-collaboration",
        "cluster-practice",
        "cluster-behaviour",
        "cluster-resources",
        "cluster-friction",
    ]
    .iter()
    .map(|id| crate::i18n::tr(lang, id, &[]))
    .collect()
}

/// The non-empty texts of a list, trimmed.
fn clean(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(v: &mut Voices, t: u64, factory: u16, id: &str, signed: &str, voice: Voice) {
        v.apply(
            SimTime(t),
            &Command::Voice {
                factory,
                participant: id.into(),
                signed: signed.into(),
                voice,
            },
        );
    }

    #[test]
    fn the_room_s_voices_add_up() {
        let mut v = Voices::default();
        let hopes = |h: &[&str], f: &[&str]| Voice::HopesAndFears {
            hopes: h.iter().map(|s| s.to_string()).collect(),
            fears: f.iter().map(|s| s.to_string()).collect(),
        };
        voice(&mut v, 1, 0, "a1", "", hopes(&["learn", " "], &["silos"]));
        voice(&mut v, 2, 1, "b2", "Bea", hopes(&["courage"], &[]));
        let before = |s: u8| Voice::Assessment {
            phase: Phase::Before,
            scores: [[s, 0, 0], [0; 3], [0; 3]],
        };
        voice(&mut v, 3, 0, "a1", "", before(2));
        voice(&mut v, 4, 1, "b2", "Bea", before(4));
        voice(&mut v, 5, 1, "b2", "Bea", before(5));
        assert_eq!(v.distribution(Phase::Before, 0, 0, None), [0, 1, 0, 0, 1]);
        assert_eq!(
            v.distribution(Phase::Before, 0, 0, Some(0)),
            [0, 1, 0, 0, 0]
        );
        assert_eq!(v.distribution(Phase::Before, 0, 1, None), [0; 5]);
        assert_eq!(
            Voices::mean(&v.distribution(Phase::Before, 0, 0, None)),
            Some(3.5)
        );
        assert_eq!(v.assessed(Phase::After, None), 0);
        // The blank hope is dropped; clustering puts one under a theme and leaves the rest loose.
        assert_eq!(v.items(false).len(), 2);
        let courage = v.items(false)[1].at.clone();
        v.apply(
            SimTime(6),
            &Command::Curate(Curation::Tag {
                item: courage.clone(),
                theme: "Courage".into(),
            }),
        );
        let clusters = v.clusters(false);
        assert_eq!(clusters[0].0, "Courage");
        assert_eq!(clusters[1].0, "");
        // Giving hopes anew takes them out of clusters.
        voice(&mut v, 7, 1, "b2", "Bea", hopes(&["trust"], &[]));
        assert!(v.tags.is_empty());
        // Answers: the latest counts, an empty one withdraws it, and only an existing answer is pinned.
        let answer = |text: &str| Voice::Dialogue {
            round: 1,
            question: 0,
            text: text.into(),
        };
        voice(&mut v, 8, 0, "a1", "", answer("handoffs hurt"));
        voice(&mut v, 9, 0, "a1", "", answer("handoffs hurt most"));
        assert_eq!(v.answers_to(1, 0).len(), 1);
        assert_eq!(v.answers_to(1, 0)[0].text, "handoffs hurt most");
        let at = v.answers_to(1, 0)[0].at.clone();
        v.apply(
            SimTime(10),
            &Command::Curate(Curation::PinAnswer {
                answer: at.clone(),
                on: true,
            }),
        );
        assert_eq!(v.pinned_answers().len(), 1);
        voice(&mut v, 11, 0, "a1", "", answer(""));
        assert!(v.pinned_answers().is_empty());
        assert_eq!(v.names_given(), BTreeSet::from(["Bea".to_string()]));
    }
}
