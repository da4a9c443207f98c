//! What-if tab: the what-ifs saved beside the session's record (each a branch from a moment), one picked
//! and shown beside what happened: every team's key figures with the difference, the team's throughput and
//! WIP of both on one chart, the handoffs across units.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bevy_egui::egui::{self, RichText};

use super::caption;
use crate::debrief::Debrief;
use crate::game::ui::outcome::{OutcomeView, outcome};
use crate::game::ui::{clock, lang, style};
use crate::headless::record::{check_rebuilt, rebuild_record};
use crate::sim::record::{self, BRANCHES_DIR};
use crate::t;

/// A what-if saved beside the record.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Its folder.
    pub dir: PathBuf,
    /// Its name (the folder's).
    pub name: String,
    /// Its moment as the room reads it: "R2 1:00".
    pub moment: String,
    /// Its moment in session minutes.
    pub at_minute: f64,
}

/// The tab's state: the what-ifs found, the one shown.
#[derive(Default)]
pub struct WhatIfsState {
    /// The what-ifs of the record, listed when the tab first shows.
    found: Option<Vec<Saved>>,
    /// The one picked, and its session (or why it cannot be shown).
    shown: Option<(usize, Result<Arc<Debrief>, String>)>,
    /// The team whose chart is shown.
    team: usize,
    /// The one just picked, to load outside the panel (re-simulating runs systems of its own, which a
    /// panel's system must not wait for).
    requested: Option<(usize, PathBuf)>,
}

impl WhatIfsState {
    /// Loads the what-if just picked, if one was: the debrief's exclusive system calls this.
    pub fn load_requested(&mut self) {
        if let Some((i, dir)) = self.requested.take() {
            self.shown = Some((i, load(&dir)));
        }
    }
}

/// The what-ifs saved under a record's folder, oldest first.
pub fn saved(record: &Path) -> Vec<Saved> {
    let Ok(dirs) = std::fs::read_dir(record.join(BRANCHES_DIR)) else {
        return Vec::new();
    };
    let mut found: Vec<(u64, Saved)> = dirs
        .filter_map(Result::ok)
        .filter_map(|d| {
            let text = std::fs::read_to_string(d.path().join(record::HEADER_FILE)).ok()?;
            let header: record::Header = serde_json::from_str(&text).ok()?;
            let branch = header.branch?;
            Some((
                header.started_wall_ms,
                Saved {
                    name: d.file_name().to_string_lossy().into_owned(),
                    dir: d.path(),
                    moment: format!("R{} {}", branch.round, clock(branch.minute)),
                    at_minute: branch.at.minutes(),
                },
            ))
        })
        .collect();
    found.sort_by_key(|(started, _)| *started);
    found.into_iter().map(|(_, s)| s).collect()
}

/// The session of a saved what-if, re-simulated from its record and checked against it.
fn load(dir: &Path) -> Result<Arc<Debrief>, String> {
    let r = record::load(dir).map_err(|e| e.to_string())?;
    let rebuilt = rebuild_record(&r, Vec::new())?;
    check_rebuilt(&r, &rebuilt.events)?;
    Debrief::from_events(&rebuilt.events).map(Arc::new)
}

/// The tab.
pub fn ui(ui: &mut egui::Ui, d: &Debrief, record: Option<&Path>, state: &mut WhatIfsState) {
    let l = lang(ui);
    let Some(record) = record else {
        caption(ui, &t!(l, "debrief-needs-record"));
        return;
    };
    let found = state.found.get_or_insert_with(|| saved(record)).clone();
    if found.is_empty() {
        caption(ui, &t!(l, "whatifs-none"));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(t!(l, "whatifs-label"));
        for (i, s) in found.iter().enumerate() {
            let on = state.shown.as_ref().is_some_and(|(j, _)| *j == i);
            if ui
                .selectable_label(
                    on,
                    t!(
                        l,
                        "whatifs-from",
                        name = s.name.as_str(),
                        moment = s.moment.as_str()
                    ),
                )
                .clicked()
                && !on
            {
                state.requested = Some((i, s.dir.clone()));
            }
        }
    });
    super::team_picker(ui, d, &mut state.team, "whatif_team");
    match &state.shown {
        None if state.requested.is_some() => caption(ui, &t!(l, "whatifs-running")),
        None => caption(ui, &t!(l, "whatifs-pick")),
        Some((_, Err(e))) => {
            ui.label(RichText::new(e).color(style::ALERT));
        }
        Some((i, Ok(what_if))) => {
            let s = &found[*i];
            let v = OutcomeView {
                actual: d,
                what_if,
                team: state.team,
                at_minute: s.at_minute,
                moment: s.moment.clone(),
                saved: s.dir.display().to_string(),
            };
            outcome(ui, &v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Command, SimTime, TeamAction};
    use crate::game::ui::testing::{shows, texts};
    use crate::headless::record::run_recorded;
    use crate::headless::replay::{Added, WhatIf, what_if};
    use crate::headless::{RunOptions, config};

    #[test]
    fn the_tab_lists_the_saved_what_ifs_and_shows_one_beside_what_happened() {
        let dir = std::env::temp_dir()
            .join(format!("cakefactory-whatifs-{}", std::process::id()))
            .join("record");
        let _ = std::fs::remove_dir_all(&dir);
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let options = RunOptions {
            teams: Some(2),
            ..Default::default()
        };
        assert!(config(Arc::clone(&model), &options).is_ok());
        run_recorded(model, &options, Vec::new(), &dir).unwrap();
        let rec = record::load(&dir).unwrap();
        let at = SimTime::from_minutes(540.0);
        let change = WhatIf {
            at,
            remove: Vec::new(),
            add: vec![Added {
                t: at,
                command: Command::Team {
                    factory: 1,
                    action: TeamAction::SetSpanner {
                        worker: "sara".into(),
                        on: true,
                    },
                },
            }],
        };
        let branch = dir.join(BRANCHES_DIR).join("sara");
        what_if(&rec, &change, Some(&branch)).unwrap();
        let found = saved(&dir);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "sara");
        assert_eq!(found[0].moment, "R2 1:00");
        let actual = load(&dir).unwrap();
        let mut state = WhatIfsState {
            shown: Some((0, load(&branch))),
            ..Default::default()
        };
        let t = texts(|ui| ui_tab(ui, &actual, &dir, &mut state));
        for s in [
            "sara (from R2 1:00)",
            "What happened, and what if from R2 1:00",
            "Team 2",
        ] {
            assert!(shows(&t, s), "{s}: {t:?}");
        }
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }

    fn ui_tab(ui: &mut egui::Ui, d: &Debrief, record: &Path, state: &mut WhatIfsState) {
        super::ui(ui, d, Some(record), state);
    }
}

#[cfg(test)]
mod click_tests {
    //! A click on a saved what-if, through egui's input, loads it (outside the panel) and shows it.
    use super::*;
    use crate::domain::SimTime;
    use crate::headless::RunOptions;
    use crate::headless::record::run_recorded;
    use crate::headless::replay::{WhatIf, what_if};

    #[test]
    fn clicking_a_what_if_shows_it() {
        let dir = std::env::temp_dir()
            .join(format!("cakefactory-whatifs-click-{}", std::process::id()))
            .join("record");
        let _ = std::fs::remove_dir_all(&dir);
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let options = RunOptions {
            teams: Some(2),
            ..Default::default()
        };
        run_recorded(model, &options, Vec::new(), &dir).unwrap();
        let rec = record::load(&dir).unwrap();
        let change = WhatIf {
            at: SimTime::from_minutes(540.0),
            ..Default::default()
        };
        what_if(&rec, &change, Some(&dir.join(BRANCHES_DIR).join("same"))).unwrap();
        let actual = load(&dir).unwrap();
        let ctx = egui::Context::default();
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 900.0));
        let mut state = WhatIfsState::default();
        let mut pos = egui::Pos2::ZERO;
        let input = |events: Vec<egui::Event>| egui::RawInput {
            screen_rect: Some(screen),
            events,
            ..Default::default()
        };
        for step in 0..8 {
            let events = match step {
                2 => vec![egui::Event::PointerMoved(pos)],
                3 => vec![egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: Default::default(),
                }],
                4 => vec![egui::Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed: false,
                    modifiers: Default::default(),
                }],
                _ => vec![],
            };
            let out = ctx.run_ui(input(events), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| super::ui(ui, &actual, Some(&dir), &mut state));
                });
            });
            for s in &out.shapes {
                if let egui::epaint::Shape::Text(t) = &s.shape
                    && t.galley.text().contains("(from")
                {
                    pos = t.pos + egui::vec2(5.0, 5.0);
                }
            }
            state.load_requested();
        }
        assert!(
            matches!(state.shown, Some((0, Ok(_)))),
            "a click on the what-if loads and shows it"
        );
        let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    }
}
