//! The lobby: choose a shipped scenario or open a file, the number of teams and their names, the seed and the
//! text size, then start.

use std::path::PathBuf;
use std::sync::Arc;

use bevy_egui::egui::{self, RichText};

use super::{UiAction, lang, style};
use crate::game::clock::{DEFAULT_SECONDS, OfferWindow, SECONDS};
use crate::i18n::Lang;
use crate::scenario::{self, Model};
use crate::t;

/// A session that can be taken up again.
#[derive(Clone, Debug, PartialEq)]
pub struct Resumable {
    /// Its folder.
    pub dir: PathBuf,
    /// Its scenario's title (in English, as the record keeps it).
    pub scenario: String,
    /// How many teams play.
    pub teams: usize,
    /// Its seed.
    pub seed: u64,
    /// The round and minute it reached (`None`: before the first round).
    pub reached: Option<(u32, u64)>,
    /// When it started (Unix milliseconds).
    pub started_wall_ms: u64,
}

impl Resumable {
    /// What the lobby says about it in `l`: "Cake Factory 2.0, 4 teams, seed 1: round 2, minute 135"; the
    /// title in `l` when the scenario is a shipped one that says it.
    pub fn label(&self, l: Lang) -> String {
        let reached = match self.reached {
            Some((round, minute)) => t!(l, "lobby-reached", round = round, minute = minute),
            None => t!(l, "lobby-before-first"),
        };
        t!(
            l,
            "lobby-resumable",
            scenario = scenario::shipped_title(l, &self.scenario),
            teams = self.teams,
            seed = self.seed.to_string(),
            reached = reached
        )
    }
}

#[derive(Debug, Clone)]
pub struct LobbyState {
    /// Index into the shipped scenarios, or `None` for the file below.
    pub shipped: Option<usize>,
    pub path: String,
    /// The scenario loaded from `path`.
    pub loaded: Option<Arc<Model>>,
    pub error: Option<String>,
    pub teams: u32,
    pub names: Vec<String>,
    pub seed: u64,
    pub scale: f32,
    /// The presenter view is on (a second window for the facilitator).
    pub presenter: bool,
    /// How teams get to answer rush offers.
    pub offer_window: OfferWindow,
    /// Recorded sessions that did not finish, newest first.
    pub resumable: Vec<Resumable>,
    /// Teams play from their own devices: the game serves them the team client.
    pub hosting: bool,
    /// The address their devices open.
    pub host_address: String,
    /// The shipped scenarios, compiled once.
    shipped_models: Vec<Result<Arc<Model>, String>>,
}

impl Default for LobbyState {
    fn default() -> Self {
        LobbyState {
            shipped: Some(0),
            path: String::new(),
            loaded: None,
            error: None,
            teams: 4,
            names: Vec::new(),
            seed: 1,
            scale: style::DEFAULT_SCALE,
            presenter: false,
            offer_window: OfferWindow::default(),
            resumable: Vec::new(),
            hosting: false,
            host_address: String::new(),
            shipped_models: Vec::new(),
        }
    }
}

impl LobbyState {
    /// The shipped scenarios, compiled (once).
    fn shipped_models(&mut self) -> &[Result<Arc<Model>, String>] {
        if self.shipped_models.is_empty() {
            self.shipped_models = scenario::SHIPPED
                .iter()
                .map(|(name, src)| {
                    scenario::load_str(name, src)
                        .map(Arc::new)
                        .map_err(|e| e.to_string())
                })
                .collect();
        }
        &self.shipped_models
    }

    /// The chosen scenario, compiled.
    pub fn model(&mut self) -> Result<Arc<Model>, String> {
        match self.shipped {
            Some(i) => self
                .shipped_models()
                .get(i)
                .cloned()
                .unwrap_or_else(|| Err("no such scenario".into())),
            None => self
                .loaded
                .clone()
                .ok_or_else(|| "lobby-open-first".to_string()),
        }
    }

    /// Loads and checks the scenario file at `path`: it becomes the choice, or its errors are shown.
    pub fn open_file(&mut self) {
        match scenario::load_path(std::path::Path::new(self.path.trim())) {
            Ok(m) => {
                self.loaded = Some(Arc::new(m));
                self.error = None;
                self.shipped = None;
            }
            Err(e) => {
                self.loaded = None;
                self.error = Some(e.to_string());
            }
        }
    }

    /// Team names for `teams` teams: the ones typed, else the scenario's.
    /// The teams' names: as typed, else the scenario's.
    pub fn team_names(&self, model: &Model, lang: crate::i18n::Lang) -> Vec<String> {
        (0..self.teams as usize)
            .map(|i| {
                self.names
                    .get(i)
                    .filter(|n| !n.trim().is_empty())
                    .cloned()
                    .unwrap_or_else(|| model.team_name_in(i, lang))
            })
            .collect()
    }
}

/// The lobby: the title, the scenario on the left, the teams and the start on the right.
pub fn lobby(ui: &mut egui::Ui, state: &mut LobbyState, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.vertical_centered(|ui| {
        ui.add_space(10.0);
        ui.label(RichText::new("🎂 Cake Factory").size(44.0).strong());
        ui.label(RichText::new(t!(l, "lobby-tagline")).size(18.0));
        ui.add_space(8.0);
        super::menu::language(ui, actions);
        ui.add_space(8.0);
    });
    ui.columns(2, |cols| {
        scenario_column(&mut cols[0], state);
        resume_list(&mut cols[0], &state.resumable, actions);
        teams_column(&mut cols[1], state, actions);
    });
}

/// How many unfinished sessions the lobby lists.
const RESUMABLE_SHOWN: usize = 5;

/// The recorded sessions that did not finish, newest first, each to resume where it stood.
fn resume_list(ui: &mut egui::Ui, sessions: &[Resumable], actions: &mut Vec<UiAction>) {
    if sessions.is_empty() {
        return;
    }
    let l = lang(ui);
    ui.add_space(16.0);
    ui.heading(t!(l, "lobby-resume-heading"));
    for s in sessions.iter().take(RESUMABLE_SHOWN) {
        ui.horizontal(|ui| {
            if ui
                .button(t!(l, "lobby-resume"))
                .on_hover_text(t!(
                    l,
                    "lobby-resume-hint",
                    dir = s.dir.display().to_string()
                ))
                .clicked()
            {
                actions.push(UiAction::Resume(s.dir.clone()));
            }
            ui.label(s.label(l));
        });
    }
    if sessions.len() > RESUMABLE_SHOWN {
        ui.label(
            RichText::new(t!(
                l,
                "lobby-older",
                count = sessions.len() - RESUMABLE_SHOWN
            ))
            .color(style::MUTED),
        );
    }
}

/// The shipped scenarios, a scenario file to open, and what the chosen one is.
fn scenario_column(ui: &mut egui::Ui, state: &mut LobbyState) {
    let l = lang(ui);
    ui.heading(t!(l, "lobby-scenario"));
    let titles: Vec<String> = state
        .shipped_models()
        .iter()
        .zip(scenario::SHIPPED.iter())
        .map(|(m, (file, _))| {
            m.as_ref().map_or_else(
                |_| file.to_string(),
                |m| m.lexicon.say(l, &m.name).to_string(),
            )
        })
        .collect();
    for (i, title) in titles.into_iter().enumerate() {
        ui.radio_value(&mut state.shipped, Some(i), title);
    }
    ui.radio_value(&mut state.shipped, None, t!(l, "lobby-scenario-file"));
    ui.horizontal(|ui| {
        ui.text_edit_singleline(&mut state.path);
        if ui
            .button(t!(l, "lobby-open"))
            .on_hover_text(t!(l, "lobby-open-hint"))
            .clicked()
        {
            state.open_file();
        }
    });
    if let Some(e) = &state.error {
        let said: Vec<String> = e
            .lines()
            .map(|line| crate::i18n::again_line(l, line))
            .collect();
        ui.label(
            RichText::new(said.join("\n"))
                .color(style::ALERT)
                .monospace(),
        );
    }
    match state.model() {
        Ok(m) => {
            ui.add_space(8.0);
            ui.label(RichText::new(m.lexicon.say(l, &m.name)).strong());
            ui.label(m.lexicon.say(l, &m.description));
            ui.label(RichText::new(scenario::summary(&m, l)).color(style::MUTED));
        }
        Err(e) if e == "lobby-open-first" => {
            ui.label(RichText::new(t!(l, "lobby-open-first")).color(style::MUTED));
        }
        Err(e) => {
            ui.label(RichText::new(crate::i18n::again_line(l, &e)).color(style::MUTED));
        }
    }
}

/// The number of teams and their names, the seed, the text size and the start.
fn teams_column(ui: &mut egui::Ui, state: &mut LobbyState, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.heading(t!(l, "lobby-teams"));
    ui.horizontal(|ui| {
        ui.label(t!(l, "lobby-team-count"));
        ui.add(egui::Slider::new(&mut state.teams, crate::game::TEAMS));
    });
    let model = state.model().ok();
    state.names.resize(state.teams as usize, String::new());
    egui::Grid::new("team_names").num_columns(2).show(ui, |ui| {
        for i in 0..state.teams as usize {
            let number = t!(l, "lobby-team", number = i + 1);
            ui.label(RichText::new(&number).color(style::color32(i)));
            let hint = model.as_ref().map_or(number, |m| m.team_name_in(i, l));
            ui.add(egui::TextEdit::singleline(&mut state.names[i]).hint_text(hint));
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label(t!(l, "lobby-seed"));
        ui.add(egui::DragValue::new(&mut state.seed))
            .on_hover_text(t!(l, "lobby-seed-hint"));
    });
    ui.horizontal(|ui| {
        ui.label(t!(l, "menu-text-size"));
        super::menu::text_size(ui, state.scale, actions);
    });
    offer_window(ui, state.offer_window, actions);
    let mut presenter = state.presenter;
    if ui
        .checkbox(&mut presenter, t!(l, "lobby-presenter"))
        .on_hover_text(t!(l, "lobby-presenter-hint"))
        .changed()
    {
        actions.push(UiAction::Presenter(presenter));
    }
    devices_switch(ui, state, actions);
    ui.add_space(12.0);
    // The scenario must run with this many teams (its work within the limits, its schedule's teams).
    let problem = model
        .as_ref()
        .and_then(|m| m.check_session(state.teams).err());
    if let Some(p) = &problem {
        ui.label(RichText::new(p).color(style::ALERT));
    }
    let start = ui.add_enabled(
        model.is_some() && problem.is_none(),
        egui::Button::new(RichText::new(t!(l, "lobby-start")).size(24.0).strong()),
    );
    if start.clicked()
        && let Some(m) = model
    {
        actions.push(UiAction::StartGame {
            teams: state.team_names(&m, l),
            model: m,
            seed: state.seed,
        });
    }
}

/// Teams play from their own devices, or from this window's panels.
fn devices_switch(ui: &mut egui::Ui, state: &LobbyState, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    let mut on = state.hosting;
    if ui
        .checkbox(&mut on, t!(l, "lobby-devices"))
        .on_hover_text(t!(l, "lobby-devices-hint"))
        .changed()
    {
        actions.push(UiAction::Host(super::devices::HostAction::Enable(on)));
    }
    if state.hosting {
        ui.label(
            RichText::new(t!(
                l,
                "lobby-devices-open",
                address = state.host_address.as_str()
            ))
            .color(style::MUTED),
        );
    }
}

/// How teams answer rush offers: within real seconds of play, or with the game paused until they have.
fn offer_window(ui: &mut egui::Ui, current: OfferWindow, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.horizontal(|ui| {
        ui.label(t!(l, "lobby-offers"));
        let seconds = match current {
            OfferWindow::Seconds(s) => Some(s),
            OfferWindow::Pause => None,
        };
        if ui
            .radio(seconds.is_some(), t!(l, "lobby-offers-within"))
            .on_hover_text(t!(l, "lobby-offers-within-hint"))
            .clicked()
        {
            actions.push(UiAction::SetOfferWindow(OfferWindow::Seconds(
                DEFAULT_SECONDS,
            )));
        }
        let mut s = seconds.unwrap_or(DEFAULT_SECONDS);
        let drag = ui.add_enabled(
            seconds.is_some(),
            egui::DragValue::new(&mut s).range(SECONDS).suffix(" s"),
        );
        if drag.changed() {
            actions.push(UiAction::SetOfferWindow(OfferWindow::Seconds(s)));
        }
        if ui
            .radio(seconds.is_none(), t!(l, "lobby-offers-pause"))
            .on_hover_text(t!(l, "lobby-offers-pause-hint"))
            .clicked()
        {
            actions.push(UiAction::SetOfferWindow(OfferWindow::Pause));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn the_lobby_lists_the_shipped_scenarios_and_starts_a_game() {
        let mut state = LobbyState::default();
        let t = texts(|ui| lobby(ui, &mut state, &mut Vec::new()));
        assert!(shows(&t, "Cake Factory 2.0"));
        assert!(shows(&t, "Calm market"));
        assert!(shows(&t, "Start the game"));
        assert!(!shows(&t, "Resume an unfinished session"));
        state.resumable = vec![Resumable {
            dir: "cakefactory-sessions/session-1-seed1".into(),
            scenario: "Cake Factory 2.0".into(),
            teams: 4,
            seed: 1,
            reached: Some((2, 135)),
            started_wall_ms: 1,
        }];
        assert_eq!(
            state.resumable[0].label(Lang::Sv),
            "Tårtfabriken 2.0, 4 lag, frö 1: omgång 2, minut 135"
        );
        let mut actions = Vec::new();
        let t = texts(|ui| lobby(ui, &mut state, &mut actions));
        assert!(shows(&t, "Resume an unfinished session"));
        assert!(shows(
            &t,
            "Cake Factory 2.0, 4 teams, seed 1: round 2, minute 135"
        ));
        let model = state.model().unwrap();
        state.names = vec!["Red".into(), String::new()];
        state.teams = 2;
        assert_eq!(
            state.team_names(&model, crate::i18n::Lang::En),
            vec!["Red".to_string(), "Team 2".to_string()]
        );
    }

    #[test]
    fn an_invalid_file_shows_its_located_error() {
        let mut state = LobbyState {
            shipped: None,
            path: "/nonexistent/scenario.ron".into(),
            ..Default::default()
        };
        assert!(state.model().is_err());
    }
}
