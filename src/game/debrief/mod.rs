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
use super::ui::{PanelSet, PendingActions, UiAction, UiSettings, lang, prepare, root_ui, style};
use crate::debrief::reflection::{Reflection, load, path_for, save};
use crate::debrief::{Debrief, export};
use crate::i18n::Lang;
use crate::sim::Session;
use crate::t;

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
            Tab::Scoreboard => t!(lang, "tab-scoreboard"),
            Tab::Flow => t!(lang, "tab-flow"),
            Tab::Collaboration => t!(lang, "tab-collaboration"),
            Tab::Disruptions => t!(lang, "tab-disruptions"),
            Tab::Compare => t!(lang, "tab-compare"),
            Tab::Reflection => t!(lang, "tab-reflection"),
            Tab::ThenAndNow => t!(lang, "then-now"),
            Tab::WhatIf => t!(lang, "tab-what-if"),
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
    /// A debrief of `debrief` whose reflection lives beside the event log at `log`; its messages in `lang`.
    pub fn new(debrief: Arc<Debrief>, log: PathBuf, from_game: Option<Screen>, lang: Lang) -> Self {
        let reflection_path = path_for(&log);
        let (mut reflection, notice) = match load(&reflection_path) {
            Ok(r) => (r, None),
            Err(e) => (
                Reflection::default(),
                Some(t!(lang, "debrief-reflection-unreadable", error = e)),
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
    settings: Res<UiSettings>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some((log, debrief)) = &options.debrief {
        let mut view = DebriefView::new(Arc::clone(debrief), log.clone(), None, settings.lang);
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
    settings: Res<UiSettings>,
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
            let d = d.with_model(Arc::clone(&session.model));
            let (d, problems) = match folder.dir.as_deref() {
                Some(dir) => d.with_pins_from(dir),
                None => (d, Vec::new()),
            };
            for p in problems {
                warn!("{p}");
            }
            commands.insert_resource(DebriefView::new(
                Arc::new(d),
                log,
                Some(*state.get()),
                settings.lang,
            ));
            next.set(Screen::Debrief);
        }
        Err(e) => warn!("no debrief: {e}"),
    }
}

/// A team chooser.
pub fn team_picker(ui: &mut egui::Ui, d: &Debrief, team: &mut usize, id: &str) {
    *team = (*team).min(d.teams.len().saturating_sub(1));
    let l = lang(ui);
    ui.horizontal(|ui| {
        ui.label(t!(l, "debrief-team"));
        for i in 0..d.teams.len() {
            let name = d.team_name(l, i);
            let text = RichText::new(name).strong();
            ui.selectable_value(
                team,
                i,
                if *team == i {
                    text
                } else {
                    text.color(style::color32(i))
                },
            )
            .on_hover_text(t!(l, "debrief-show-team", team = name));
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
    let l = settings.lang;
    egui::Panel::top("debrief_tabs").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t!(l, "debrief-title")).size(24.0).strong());
            ui.label(
                RichText::new(view.debrief.say(l, &view.debrief.scenario)).color(style::MUTED),
            );
            ui.separator();
            for tab in Tab::ALL {
                if ui
                    .selectable_label(
                        view.tab == tab,
                        RichText::new(tab.label(settings.lang)).size(18.0),
                    )
                    .clicked()
                {
                    view.tab = tab;
                }
            }
            ui.separator();
            if ui
                .button(t!(l, "debrief-export"))
                .on_hover_text(t!(l, "debrief-export-hint"))
                .clicked()
            {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let dir = view.folder.join(format!("export-{stamp}"));
                view.notice = Some(
                    match export::export(&view.debrief, &view.reflection, &dir, l) {
                        Ok(done) => t!(
                            l,
                            "debrief-exported",
                            tables = done.csv.len(),
                            charts = done.png.len(),
                            dir = dir.display().to_string()
                        ),
                        Err(e) => t!(l, "debrief-export-failed", error = e),
                    },
                );
            }
            replay_button(ui, view.record.as_ref(), &mut pending.0);
            let back = if view.from_game.is_some() {
                t!(l, "debrief-back")
            } else {
                t!(l, "debrief-quit")
            };
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
                        Err(e) => t!(settings.lang, "debrief-export-failed", error = e),
                    });
                }
            }
            Tab::Reflection => {
                if reflection::ui(ui, &d, &mut view.reflection, &mut view.reflect)
                    && let Err(e) = save(&view.reflection_path, &view.reflection)
                {
                    view.notice = Some(t!(settings.lang, "debrief-reflection-unsaved", error = e));
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
            None => view.notice = Some(t!(settings.lang, "debrief-needs-record")),
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

/// The way into the replay, or why there is none.
fn replay_button(ui: &mut egui::Ui, record: Option<&PathBuf>, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    let button = ui.add_enabled(record.is_some(), egui::Button::new(t!(l, "debrief-replay")));
    let button = match record {
        Some(_) => button.on_hover_text(t!(l, "debrief-replay-hint")),
        None => button.on_disabled_hover_text(t!(l, "debrief-needs-record")),
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

    /// The view of `d` with its reflection in a fresh folder `name` (a folder left by an earlier run under the
    /// same process id must not hold its reflection).
    fn view_of(d: &Debrief, name: &str, lang: Lang) -> DebriefView {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        DebriefView::new(Arc::new(d.clone()), dir.join("events.jsonl"), None, lang)
    }

    #[test]
    fn every_tab_draws_and_explains_itself() {
        let d = small_debrief();
        let mut view = view_of(&d, "cf-tabs", Lang::En);
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
    fn every_tab_speaks_swedish_with_the_scenario_s_own_names() {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let d = small_debrief().with_model(model);
        let mut view = view_of(&d, "cf-tabs-sv", Lang::Sv);
        let sv = |f: &mut dyn FnMut(&mut egui::Ui)| {
            texts(|ui| {
                crate::game::ui::set_lang(ui.ctx(), Lang::Sv);
                f(ui);
            })
        };
        let t = sv(&mut |ui| scoreboard::ui(ui, &d, &mut view.scoreboard));
        assert!(shows(&t, "Alla omgångar") && shows(&t, "Omgång 1"), "{t:?}");
        let t = sv(&mut |ui| flow::ui(ui, &d, &mut view.flow));
        assert!(
            shows(&t, "Kumulativt flöde") && shows(&t, "Bakning"),
            "{t:?}"
        );
        let t = sv(&mut |ui| collaboration::ui(ui, &d, &mut view.collaboration));
        assert!(shows(&t, "Överlämningar mellan enheter") && shows(&t, "Gränsgångare"));
        let t = sv(&mut |ui| disruptions::ui(ui, &d));
        let headline = &d.disruptions[0].report.headline;
        assert_ne!(d.say(Lang::Sv, headline), headline.as_str());
        assert!(shows(&t, d.say(Lang::Sv, headline)), "{t:?}");
        assert!(shows(&t, "Förlorade leveranser"));
        let t = sv(&mut |ui| compare::ui(ui, &d, &mut view.compare));
        assert!(shows(&t, "två lag") && shows(&t, "Levererade"));
        let mut refl = view.reflection.clone();
        let t = sv(&mut |ui| {
            reflection::ui(ui, &d, &mut refl, &mut view.reflect);
        });
        assert!(shows(
            &t,
            "Hur bra är vi på att arbeta över funktionsgränser?"
        ));
        assert!(shows(&t, "Vad tar vi med oss?"));
        for tab in Tab::ALL {
            assert_ne!(tab.label(Lang::Sv), tab.label(Lang::En), "{tab:?}");
        }
    }

    #[test]
    fn measured_figures_stand_beside_the_self_assessment() {
        let d = small_debrief();
        let m = crate::debrief::answers::answers(&d, 0, Lang::En);
        assert!(m[0].figures[0].contains("cross-unit wait") && m[0].figures[1].contains("beyond"));
        assert!(m[1].figures[0].contains("twin"));
        assert!(m[2].figures[0].contains("spanner") && m[2].figures[1].contains("across units"));
        assert!(m.iter().all(|a| !a.aid.is_empty()));
    }
}
