//! A factory at a glance, for the replay's side by side: the team's figures, each step's queue and who works
//! there (a wrapped line per step), the stations in use or broken, and who is away, at one moment.

use bevy_egui::egui::{self, RichText};

use super::{lang, style};
use crate::factory::{FactoryView, WorkerActivity};
use crate::i18n::{Lang, money};
use crate::metrics::collector::Live;
use crate::scenario::Model;
use crate::t;

/// One step's line.
#[derive(Clone, Debug, PartialEq)]
pub struct GlanceStep {
    /// The step's name.
    pub name: String,
    /// Orders waiting for it.
    pub queued: u32,
    /// Orders in work or being processed there.
    pub working: u32,
    /// Orders held up there (a question, a WIP limit, on the way in).
    pub held: u32,
    /// The people working on it.
    pub people: Vec<String>,
}

/// What one side shows.
#[derive(Clone, Debug, PartialEq)]
pub struct GlanceView {
    /// "Blue, round 2 at 1:30".
    pub title: String,
    /// The team's index (its colour).
    pub team: usize,
    /// The design in use.
    pub design: String,
    /// Figures so far.
    pub live: Live,
    /// Each step.
    pub steps: Vec<GlanceStep>,
    /// Each station pool: "Oven: 2 of 3 in use, 1 broken", and whether any is broken.
    pub stations: Vec<(String, bool)>,
    /// Who is away.
    pub away: Vec<String>,
}

impl GlanceView {
    /// The glance of a factory's `view` (team `team`, design `design`, figures `live`), named in `l`.
    pub fn new(
        model: &Model,
        title: String,
        team: usize,
        design: String,
        view: &FactoryView,
        live: Live,
        l: Lang,
    ) -> GlanceView {
        let name = |i: usize| {
            model
                .workers
                .get(i)
                .map_or("?", |w| model.lexicon.say(l, &w.name))
        };
        let steps = view
            .steps
            .iter()
            .enumerate()
            .map(|(s, v)| {
                GlanceStep {
                name: model.steps.get(s).map_or("?", |x| model.lexicon.say(l, &x.name)).into(),
                queued: v.queued,
                working: v.working + v.processing,
                held: v.asking + v.blocked + v.incoming,
                people: view
                    .workers
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| {
                        matches!(w.activity, WorkerActivity::Working { step } if step as usize == s)
                    })
                    .map(|(i, _)| name(i).to_string())
                    .collect(),
            }
            })
            .collect();
        let stations = view
            .stations
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let what = model
                    .stations
                    .get(i)
                    .map_or("?", |x| model.lexicon.say(l, &x.name));
                let text = if s.down > 0 {
                    t!(
                        l,
                        "glance-station-broken",
                        station = what,
                        used = s.in_use,
                        count = s.count,
                        broken = s.down
                    )
                } else {
                    t!(
                        l,
                        "glance-station",
                        station = what,
                        used = s.in_use,
                        count = s.count
                    )
                };
                (text, s.down > 0)
            })
            .collect();
        let away = view
            .workers
            .iter()
            .enumerate()
            .filter(|(_, w)| matches!(w.activity, WorkerActivity::Absent { .. }))
            .map(|(i, _)| name(i).to_string())
            .collect();
        GlanceView {
            title,
            team,
            design,
            live,
            steps,
            stations,
            away,
        }
    }
}

/// The glance.
pub fn glance(ui: &mut egui::Ui, v: &GlanceView) {
    let l = lang(ui);
    ui.label(
        RichText::new(&v.title)
            .heading()
            .color(style::color32(v.team)),
    );
    ui.label(RichText::new(&v.design).color(style::MUTED));
    let f = &v.live.figures;
    ui.label(
        RichText::new(t!(
            l,
            "glance-figures",
            delivered = f.delivered,
            late = f.late,
            profit = money(l, f.profit()),
            wip = v.live.wip
        ))
        .strong(),
    );
    ui.add_space(4.0);
    // One wrapped line per step, so that a narrow side never runs into the other.
    for s in &v.steps {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", s.name)).strong());
            let bar = "■".repeat(s.queued.min(12) as usize);
            let line = if s.held > 0 {
                t!(
                    l,
                    "glance-step-held",
                    waiting = s.queued,
                    held = s.held,
                    working = s.working
                )
            } else {
                t!(l, "glance-step", waiting = s.queued, working = s.working)
            };
            ui.label(format!("{bar} {line}"));
            if !s.people.is_empty() {
                ui.label(RichText::new(s.people.join(", ")).color(style::color32(v.team)));
            }
        });
    }
    ui.add_space(4.0);
    for (s, broken) in &v.stations {
        let colour = if *broken { style::ALERT } else { style::MUTED };
        ui.label(RichText::new(s).color(colour));
    }
    if !v.away.is_empty() {
        ui.label(
            RichText::new(t!(l, "glance-away", people = v.away.join(", "))).color(style::WARNING),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn a_glance_names_each_step_its_queue_and_who_works_there() {
        let v = GlanceView {
            title: "Blue, R2 1:30".into(),
            team: 1,
            design: "Cross-functional cells".into(),
            live: Live::default(),
            steps: vec![GlanceStep {
                name: "Baking".into(),
                queued: 2,
                working: 3,
                held: 1,
                people: vec!["Ben".into(), "Bea".into()],
            }],
            stations: vec![("Oven: 3 of 5 in use, 1 broken".into(), true)],
            away: vec!["Dana".into()],
        };
        let t = texts(|ui| glance(ui, &v));
        for s in [
            "Blue, R2 1:30",
            "Baking:",
            "■■ 2 waiting (+1 held), 3 in work",
            "Ben, Bea",
            "Oven: 3 of 5 in use, 1 broken",
            "away: Dana",
        ] {
            assert!(shows(&t, s), "{s}: {t:?}");
        }
    }
}
