//! The lobby: choose a shipped scenario or open a file, the number of teams and their names, the seed and the
//! text size, then start.

use std::path::PathBuf;
use std::sync::Arc;

use bevy_egui::egui::{self, RichText};

use super::{UiAction, style};
use crate::game::clock::{DEFAULT_SECONDS, OfferWindow, SECONDS};
use crate::scenario::{self, Model};

/// A session that can be taken up again.
#[derive(Clone, Debug, PartialEq)]
pub struct Resumable {
    /// Its folder.
    pub dir: PathBuf,
    /// What the lobby says about it: "Cake Factory 2.0, 4 teams, seed 1: round 2, minute 135".
    pub label: String,
    /// When it started (Unix milliseconds).
    pub started_wall_ms: u64,
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
                .ok_or_else(|| "open a scenario file first".to_string()),
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
    pub fn team_names(&self, model: &Model) -> Vec<String> {
        (0..self.teams as usize)
            .map(|i| {
                self.names
                    .get(i)
                    .filter(|n| !n.trim().is_empty())
                    .cloned()
                    .unwrap_or_else(|| model.team_name(i))
            })
            .collect()
    }
}

/// The lobby: the title, the scenario on the left, the teams and the start on the right.
pub fn lobby(ui: &mut egui::Ui, state: &mut LobbyState, actions: &mut Vec<UiAction>) {
    ui.vertical_centered(|ui| {
        ui.add_space(10.0);
        ui.label(RichText::new("🎂 Cake Factory").size(44.0).strong());
        ui.label(
            RichText::new(
                "Run a cake factory together. Collaborate across functions. Adapt to change.",
            )
            .size(18.0),
        );
        ui.add_space(16.0);
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
    ui.add_space(16.0);
    ui.heading("Resume an unfinished session");
    for s in sessions.iter().take(RESUMABLE_SHOWN) {
        ui.horizontal(|ui| {
            if ui
                .button("Resume")
                .on_hover_text(format!(
                    "Rebuild this session from its record ({}) and go on, paused, where it stood",
                    s.dir.display()
                ))
                .clicked()
            {
                actions.push(UiAction::Resume(s.dir.clone()));
            }
            ui.label(&s.label);
        });
    }
    if sessions.len() > RESUMABLE_SHOWN {
        ui.label(
            RichText::new(format!(
                "and {} older ones (cakefactory play --resume DIR)",
                sessions.len() - RESUMABLE_SHOWN
            ))
            .color(style::MUTED),
        );
    }
}

/// The shipped scenarios, a scenario file to open, and what the chosen one is.
fn scenario_column(ui: &mut egui::Ui, state: &mut LobbyState) {
    ui.heading("Scenario");
    let titles: Vec<String> = state
        .shipped_models()
        .iter()
        .zip(scenario::SHIPPED.iter())
        .map(|(m, (file, _))| {
            m.as_ref()
                .map_or_else(|_| file.to_string(), |m| m.name.clone())
        })
        .collect();
    for (i, title) in titles.into_iter().enumerate() {
        ui.radio_value(&mut state.shipped, Some(i), title);
    }
    ui.radio_value(&mut state.shipped, None, "A scenario file:");
    ui.horizontal(|ui| {
        ui.text_edit_singleline(&mut state.path);
        if ui
            .button("Open")
            .on_hover_text("Load and check the scenario file")
            .clicked()
        {
            state.open_file();
        }
    });
    if let Some(e) = &state.error {
        ui.label(RichText::new(e).color(style::ALERT).monospace());
    }
    match state.model() {
        Ok(m) => {
            ui.add_space(8.0);
            ui.label(RichText::new(&m.name).strong());
            ui.label(&m.description);
            ui.label(RichText::new(scenario::summary(&m)).color(style::MUTED));
        }
        Err(e) => {
            ui.label(RichText::new(e).color(style::MUTED));
        }
    }
}

/// The number of teams and their names, the seed, the text size and the start.
fn teams_column(ui: &mut egui::Ui, state: &mut LobbyState, actions: &mut Vec<UiAction>) {
    ui.heading("Teams");
    ui.horizontal(|ui| {
        ui.label("Number of teams");
        ui.add(egui::Slider::new(&mut state.teams, crate::game::TEAMS));
    });
    let model = state.model().ok();
    state.names.resize(state.teams as usize, String::new());
    egui::Grid::new("team_names").num_columns(2).show(ui, |ui| {
        for i in 0..state.teams as usize {
            ui.label(RichText::new(format!("Team {}", i + 1)).color(style::color32(i)));
            let hint = model
                .as_ref()
                .map_or_else(|| format!("Team {}", i + 1), |m| m.team_name(i));
            ui.add(egui::TextEdit::singleline(&mut state.names[i]).hint_text(hint));
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label("Seed");
        ui.add(egui::DragValue::new(&mut state.seed))
            .on_hover_text("The same seed and the same decisions give exactly the same game");
    });
    ui.horizontal(|ui| {
        ui.label("Text size");
        super::menu::text_size(ui, state.scale, actions);
    });
    offer_window(ui, state.offer_window, actions);
    let mut presenter = state.presenter;
    if ui
        .checkbox(
            &mut presenter,
            "Presenter view: a second window for the facilitator",
        )
        .on_hover_text(
            "The console, the teams' decisions and what is coming next in a window of their own, for \
             your screen; this window, for the projector, shows only what the room should see",
        )
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
        egui::Button::new(RichText::new("Start the game ▶").size(24.0).strong()),
    );
    if start.clicked()
        && let Some(m) = model
    {
        actions.push(UiAction::StartGame {
            teams: state.team_names(&m),
            model: m,
            seed: state.seed,
        });
    }
}

/// Teams play from their own devices, or from this window's panels.
fn devices_switch(ui: &mut egui::Ui, state: &LobbyState, actions: &mut Vec<UiAction>) {
    let mut on = state.hosting;
    if ui
        .checkbox(&mut on, "Teams play from their own devices (phones, tablets, laptops)")
        .on_hover_text(
            "The game serves each team a page in the browser, nothing to install: each team joins with its \
             own code or QR code, shown here, on the briefings and in the console",
        )
        .changed()
    {
        actions.push(UiAction::Host(super::devices::HostAction::Enable(on)));
    }
    if state.hosting {
        ui.label(
            RichText::new(format!(
                "Devices on the room's network open {}",
                state.host_address
            ))
            .color(style::MUTED),
        );
    }
}

/// How teams answer rush offers: within real seconds of play, or with the game paused until they have.
fn offer_window(ui: &mut egui::Ui, current: OfferWindow, actions: &mut Vec<UiAction>) {
    ui.horizontal(|ui| {
        ui.label("Rush offers:");
        let seconds = match current {
            OfferWindow::Seconds(s) => Some(s),
            OfferWindow::Pause => None,
        };
        if ui
            .radio(seconds.is_some(), "answer within")
            .on_hover_text("Each offer waits this many seconds of play (pauses do not count)")
            .clicked()
        {
            actions.push(UiAction::SetOfferWindow(OfferWindow::Seconds(DEFAULT_SECONDS)));
        }
        let mut s = seconds.unwrap_or(DEFAULT_SECONDS);
        let drag = ui.add_enabled(
            seconds.is_some(),
            egui::DragValue::new(&mut s)
                .range(SECONDS)
                .suffix(" s"),
        );
        if drag.changed() {
            actions.push(UiAction::SetOfferWindow(OfferWindow::Seconds(s)));
        }
        if ui
            .radio(seconds.is_none(), "pause the game until answered")
            .on_hover_text(
                "The game pauses when an offer arrives; resuming lets an offer still open take its default",
            )
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
            label: "Cake Factory 2.0, 4 teams, seed 1: round 2, minute 135".into(),
            started_wall_ms: 1,
        }];
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
            state.team_names(&model),
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
