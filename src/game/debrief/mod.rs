//! The debrief dashboard: six tabs the facilitator puts on the projector after the rounds (scoreboard, flow,
//! collaboration, disruptions, compare, reflection), opened from the round-end and final screens, or on its
//! own as `cakefactory debrief EVENTS.jsonl`. One click exports every table, chart and an HTML report.

mod bench;
mod collaboration;
mod compare;
mod disruptions;
mod flow;
mod reflection;
mod scoreboard;
mod then_now;
mod whatifs;

pub use crate::game::ui::{caption, key};

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::PlayOptions;
use super::record::{EventRecord, SessionFolder};
use super::screens::{OpenDebrief, Screen};
use super::ui::{PanelSet, PendingActions, UiAction, UiSettings, prepare, root_ui, style};
use crate::debrief::reflection::{Reflection, load, path_for, save};
use crate::debrief::{Debrief, export};
use crate::sim::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Scoreboard,
    Flow,
    Collaboration,
    Disruptions,
    Compare,
    Reflection,
    ThenAndNow,
    WhatIf,
}

impl Tab {
    pub const ALL: [Tab; 8] = [
        Tab::Scoreboard,
        Tab::Flow,
        Tab::Collaboration,
        Tab::Disruptions,
        Tab::Compare,
        Tab::Reflection,
        Tab::ThenAndNow,
        Tab::WhatIf,
    ];

    pub fn label(self, lang: crate::i18n::Lang) -> String {
        match self {
            Tab::Scoreboard => "Scoreboard".into(),
            Tab::Flow => "Flow".into(),
            Tab::Collaboration => "Collaboration".into(),
            Tab::Disruptions => "Disruptions".into(),
            Tab::Compare => "Compare".into(),
            Tab::Reflection => "Reflection".into(),
            Tab::ThenAndNow => crate::t!(lang, "then-now"),
            Tab::WhatIf => "What-if".into(),
        }
    }
}

/// The open debrief: the analysis, the reflection and where they are kept.
#[derive(Resource)]
pub struct DebriefView {
    pub debrief: Arc<Debrief>,
    pub reflection: Reflection,
    pub reflection_path: PathBuf,
    /// Exports go into a new folder here.
    pub folder: PathBuf,
    /// The session's record, when the folder holds one (replay and what-ifs need it).
    pub record: Option<PathBuf>,
    pub tab: Tab,
    /// The tab drawn last (a tab newly shown opens at its top).
    shown: Option<Tab>,
    /// The debrief was opened from a game in progress (Back returns to it).
    pub from_game: Option<Screen>,
    pub notice: Option<String>,
    scoreboard: scoreboard::ScoreboardState,
    flow: flow::FlowState,
    collaboration: collaboration::CollaborationState,
    compare: compare::CompareState,
    reflect: reflection::ReflectionState,
    what_ifs: whatifs::WhatIfsState,
}

impl DebriefView {
    /// A debrief of `debrief` whose reflection lives beside the event log at `log`.
    pub fn new(debrief: Arc<Debrief>, log: PathBuf, from_game: Option<Screen>) -> Self {
        let reflection_path = path_for(&log);
        let (mut reflection, notice) = match load(&reflection_path) {
            Ok(r) => (r, None),
            Err(e) => (
                Reflection::default(),
                Some(format!("Could not read the reflection: {e}")),
            ),
        };
        reflection.fit(&debrief.tables.factories, debrief.rounds as usize);
        let folder = log
            .parent()
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        DebriefView {
            record: folder
                .join(crate::sim::record::HEADER_FILE)
                .exists()
                .then(|| folder.clone()),
            folder,
            debrief,
            reflection,
            reflection_path,
            tab: Tab::default(),
            shown: None,
            from_game,
            notice,
            scoreboard: Default::default(),
            flow: Default::default(),
            collaboration: Default::default(),
            compare: Default::default(),
            reflect: Default::default(),
            what_ifs: Default::default(),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(bench::plugin);
    app.add_systems(Startup, open_from_command_line);
    app.add_systems(Update, open_from_game);
    app.add_systems(Update, load_what_if.run_if(resource_exists::<DebriefView>));
    app.add_systems(
        EguiPrimaryContextPass,
        dashboard
            .in_set(PanelSet)
            .run_if(in_state(Screen::Debrief).and_then(resource_exists::<DebriefView>)),
    );
}

fn open_from_command_line(
    mut commands: Commands,
    options: Res<PlayOptions>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some((log, debrief)) = &options.debrief {
        let mut view = DebriefView::new(Arc::clone(debrief), log.clone(), None);
        // The next morning: a session the participants answered in opens on its "then and now".
        if !debrief.voices.is_empty() {
            view.tab = Tab::ThenAndNow;
        }
        commands.insert_resource(view);
        next.set(Screen::Debrief);
    }
}

/// Saves the game's event log to its session folder and opens its debrief.
fn open_from_game(
    mut requests: MessageReader<OpenDebrief>,
    mut commands: Commands,
    record: Res<EventRecord>,
    session: Option<Res<Session>>,
    mut folder: ResMut<SessionFolder>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if requests.read().count() == 0 {
        return;
    }
    let Some(session) = session else { return };
    let log = match folder.save(session.seed, &record) {
        Ok(p) => p,
        Err(e) => {
            warn!("{e}");
            return;
        }
    };
    let journal = folder
        .dir
        .as_deref()
        .map(crate::sim::record::journal_of)
        .unwrap_or_default();
    match Debrief::from_record(&record.0, &journal) {
        Ok(d) => {
            commands.insert_resource(DebriefView::new(Arc::new(d), log, Some(*state.get())));
            next.set(Screen::Debrief);
        }
        Err(e) => warn!("no debrief: {e}"),
    }
}

/// A team chooser.
pub fn team_picker(ui: &mut egui::Ui, d: &Debrief, team: &mut usize, id: &str) {
    *team = (*team).min(d.teams.len().saturating_sub(1));
    ui.horizontal(|ui| {
        ui.label("Team:");
        for (i, t) in d.teams.iter().enumerate() {
            let text = RichText::new(&t.name).strong();
            ui.selectable_value(
                team,
                i,
                if *team == i {
                    text
                } else {
                    text.color(style::color32(i))
                },
            )
            .on_hover_text(format!("Show {}", t.name));
        }
        let _ = id;
    });
}

fn dashboard(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    mut view: ResMut<DebriefView>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let mut root = root_ui(ctx, "debrief_root");
    let view = &mut *view;
    egui::Panel::top("debrief_tabs").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Debrief").size(24.0).strong());
            ui.label(RichText::new(&view.debrief.scenario).color(style::MUTED));
            ui.separator();
            for tab in Tab::ALL {
                if ui
                    .selectable_label(view.tab == tab, RichText::new(tab.label(settings.lang)).size(18.0))
                    .clicked()
                {
                    view.tab = tab;
                }
            }
            ui.separator();
            if ui
                .button("💾 Export")
                .on_hover_text("Write every table (CSV), every chart (PNG) and a self-contained HTML report into a new folder")
                .clicked()
            {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let dir = view.folder.join(format!("export-{stamp}"));
                view.notice = Some(match export::export(&view.debrief, &view.reflection, &dir, settings.lang) {
                    Ok(done) => format!(
                        "Exported {} tables, {} charts and the report to {}",
                        done.csv.len(),
                        done.png.len(),
                        dir.display()
                    ),
                    Err(e) => format!("Export failed: {e}"),
                });
            }
            replay_button(ui, view.record.as_ref(), &mut pending.0);
            let back = if view.from_game.is_some() { "Back to the game" } else { "Quit" };
            if ui.button(back).clicked() {
                match view.from_game {
                    Some(screen) => next.set(screen),
                    None => {
                        exit.write(AppExit::Success);
                    }
                }
            }
        });
        if let Some(n) = &view.notice {
            ui.label(RichText::new(n).color(style::WARNING));
        }
    });
    if view.shown != Some(view.tab) {
        // Every scroll area of the newly shown tab starts at its top.
        ctx.memory_mut(|m| m.data.remove_by_type::<egui::scroll_area::State>());
        view.shown = Some(view.tab);
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        let d = Arc::clone(&view.debrief);
        match view.tab {
            Tab::Scoreboard => scoreboard::ui(ui, &d, &mut view.scoreboard),
            Tab::Flow => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| flow::ui(ui, &d, &mut view.flow));
            }
            Tab::Collaboration => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| collaboration::ui(ui, &d, &mut view.collaboration));
            }
            Tab::Disruptions => disruptions::ui(ui, &d),
            Tab::Compare => compare::ui(ui, &d, &mut view.compare),
            Tab::WhatIf => {
                let record = view.record.clone();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        whatifs::ui(ui, &d, record.as_deref(), &mut view.what_ifs)
                    });
            }
            Tab::ThenAndNow => {
                if then_now::ui(ui, &d) {
                    let stamp = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_secs());
                    let dir = view.folder.join(format!("take-home-{stamp}"));
                    view.notice = Some(match export::take_home(&d, &dir, settings.lang) {
                        Ok(pages) => crate::t!(
                            settings.lang,
                            "then-now-exported",
                            count = pages.len(),
                            dir = dir.join(export::takehome::FOLDER).display().to_string()
                        ),
                        Err(e) => format!("Export failed: {e}"),
                    });
                }
            }
            Tab::Reflection => {
                if reflection::ui(ui, &d, &mut view.reflection, &mut view.reflect)
                    && let Err(e) = save(&view.reflection_path, &view.reflection)
                {
                    view.notice = Some(format!("Could not save the reflection: {e}"));
                }
            }
        }
    });
    // A click on a time chart replays that moment.
    if let Some(minute) = view.flow.jump.take() {
        match &view.record {
            Some(dir) => pending.0.push(UiAction::OpenReplay {
                dir: dir.clone(),
                at: Some(crate::domain::SimTime::from_minutes(minute)),
            }),
            None => view.notice = Some(NEEDS_RECORD.into()),
        }
    }
    Ok(())
}

/// Re-simulates the what-if the What-if tab asked for (in an exclusive system: the re-simulation runs
/// systems of its own).
fn load_what_if(world: &mut World) {
    world
        .resource_mut::<DebriefView>()
        .what_ifs
        .load_requested();
}

/// Why an event log alone cannot be replayed.
const NEEDS_RECORD: &str = "Replay and what-ifs need the session's record (the game's session folder, or \
     `run --record DIR`); an event log alone shows the debrief only";

/// The way into the replay, or why there is none.
fn replay_button(ui: &mut egui::Ui, record: Option<&PathBuf>, actions: &mut Vec<UiAction>) {
    let button = ui.add_enabled(record.is_some(), egui::Button::new("⏪ Replay"));
    let button = match record {
        Some(_) => button.on_hover_text(
            "Put any moment of any team back on the screen, side by side, and try what-ifs",
        ),
        None => button.on_disabled_hover_text(NEEDS_RECORD),
    };
    if button.clicked()
        && let Some(dir) = record
    {
        actions.push(UiAction::OpenReplay {
            dir: dir.clone(),
            at: None,
        });
    }
}

/// Selects a tab (for the smoke test and keyboard).
pub fn select(view: &mut DebriefView, tab: Tab) {
    view.tab = tab;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};
    use crate::headless::{self, RunOptions};
    use crate::sim::tap::{recorder, take};

    fn small_debrief() -> Debrief {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let (tap, events) = recorder();
        headless::run(
            model,
            &RunOptions {
                teams: Some(2),
                ..Default::default()
            },
            vec![tap],
        )
        .unwrap();
        Debrief::from_events(&take(&events)).unwrap()
    }

    #[test]
    fn every_tab_draws_and_explains_itself() {
        let d = small_debrief();
        let dir = std::env::temp_dir().join(format!("cf-tabs-{}", std::process::id()));
        // A folder left by an earlier run under the same process id must not hold its reflection.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut view = DebriefView::new(Arc::new(d.clone()), dir.join("events.jsonl"), None);
        let t = texts(|ui| scoreboard::ui(ui, &d, &mut view.scoreboard));
        assert!(shows(&t, "Team 1") && shows(&t, "Profit"));
        let t = texts(|ui| flow::ui(ui, &d, &mut view.flow));
        assert!(
            shows(&t, "Cumulative flow") && shows(&t, "Lead time per round"),
            "{t:?}"
        );
        let t = texts(|ui| collaboration::ui(ui, &d, &mut view.collaboration));
        assert!(shows(&t, "Handoffs between units") && shows(&t, "Boundary spanners"));
        let t = texts(|ui| disruptions::ui(ui, &d));
        assert!(shows(&t, &d.disruptions[0].report.headline), "{t:?}");
        let t = texts(|ui| compare::ui(ui, &d, &mut view.compare));
        assert!(shows(&t, "A: Team 1") && shows(&t, "B: Team 2"));
        let mut refl = view.reflection.clone();
        let t = texts(|ui| {
            reflection::ui(ui, &d, &mut refl, &mut view.reflect);
        });
        assert!(shows(&t, "How good are we at working across functions?"));
        assert!(shows(&t, "What do we take with us?"));
    }

    #[test]
    fn measured_figures_stand_beside_the_self_assessment() {
        let d = small_debrief();
        let m = crate::debrief::answers::answers(&d, 0);
        assert!(m[0].figures[0].contains("cross-unit wait") && m[0].figures[1].contains("beyond"));
        assert!(m[1].figures[0].contains("twin"));
        assert!(m[2].figures[0].contains("spanner") && m[2].figures[1].contains("across units"));
        assert!(m.iter().all(|a| !a.aid.is_empty()));
    }
}
