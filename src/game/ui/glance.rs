//! A factory at a glance, for the replay's side by side: the team's figures, each step's queue and who works
//! there, the stations in use or broken, and who is away, at one moment.

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
    egui::Grid::new(("glance", v.team, &v.title))
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for h in ["step", "waiting", "in work", "who"] {
                ui.label(RichText::new(h).color(style::MUTED));
            }
            ui.end_row();
            for s in &v.steps {
                ui.label(&s.name);
                let held = if s.held > 0 {
                    format!(" (+{} held)", s.held)
                } else {
                    String::new()
                };
                let bar = "■".repeat(s.queued.min(12) as usize);
                ui.label(format!("{bar} {}{held}", s.queued));
                ui.label(s.working.to_string());
                ui.label(s.people.join(", "));
                ui.end_row();
            }
        });
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
