//! A factory at a glance, for the replay's side by side: the team's figures, each step's queue and who works
//! there (a wrapped line per step), the stations in use or broken, and who is away, at one moment.

use bevy_egui::egui::{self, RichText};

use super::{money, style};
use crate::factory::{FactoryView, WorkerActivity};
use crate::metrics::collector::Live;
use crate::scenario::Model;

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
    /// Each station pool: "Oven: 2 of 3 in use, 1 broken".
    pub stations: Vec<String>,
    /// Who is away.
    pub away: Vec<String>,
}

impl GlanceView {
    /// The glance of a factory's `view` (team `team`, design `design`, figures `live`).
    pub fn new(
        model: &Model,
        title: String,
        team: usize,
        design: String,
        view: &FactoryView,
        live: Live,
    ) -> GlanceView {
        let name = |i: usize| model.workers.get(i).map_or("?", |w| w.name.as_str());
        let steps = view
            .steps
            .iter()
            .enumerate()
            .map(|(s, v)| {
                GlanceStep {
                name: model.steps.get(s).map_or("?", |x| x.name.as_str()).into(),
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
                let what = model.stations.get(i).map_or("?", |x| x.name.as_str());
                let broken = if s.down > 0 {
                    format!(", {} broken", s.down)
                } else {
                    String::new()
                };
                format!("{what}: {} of {} in use{broken}", s.in_use, s.count)
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
    ui.label(
        RichText::new(&v.title)
            .heading()
            .color(style::color32(v.team)),
    );
    ui.label(RichText::new(&v.design).color(style::MUTED));
    let f = &v.live.figures;
    ui.label(
        RichText::new(format!(
            "delivered {} · late {} · profit {} · WIP {}",
            f.delivered,
            f.late,
            money(f.profit()),
            v.live.wip
        ))
        .strong(),
    );
    ui.add_space(4.0);
    // One wrapped line per step, so that a narrow side never runs into the other.
    for s in &v.steps {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", s.name)).strong());
            let bar = "■".repeat(s.queued.min(12) as usize);
            let held = if s.held > 0 {
                format!(" (+{} held)", s.held)
            } else {
                String::new()
            };
            ui.label(format!(
                "{bar} {} waiting{held}, {} in work",
                s.queued, s.working
            ));
            if !s.people.is_empty() {
                ui.label(RichText::new(s.people.join(", ")).color(style::color32(v.team)));
            }
        });
    }
    ui.add_space(4.0);
    for s in &v.stations {
        let colour = if s.contains("broken") {
            style::ALERT
        } else {
            style::MUTED
        };
        ui.label(RichText::new(s).color(colour));
    }
    if !v.away.is_empty() {
        ui.label(RichText::new(format!("away: {}", v.away.join(", "))).color(style::WARNING));
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
            stations: vec!["Oven: 3 of 5 in use, 1 broken".into()],
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
