//! The egui systems of each screen: they gather read-only views, call the panel functions, and carry out the
//! actions those return.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::briefing::{BriefingView, briefing};
use super::console::{ConsoleState, ConsoleView, console};
use super::lobby::{LobbyState, lobby};
use super::overview::{TeamRow, overview};
use super::standings::{StandingsState, standings};
use super::team::{TeamPanelState, TeamPanelView, team_panel};
use super::ticker::ticker;
use super::topbar::{TopBarView, top_bar};
use super::{FloorArea, UiAction, UiSettings};
use crate::factory::FactorySim;
use crate::game::PlayOptions;
use crate::game::clock::GameClock;
use crate::game::debrief::OpenDebrief;
use crate::game::floor::{SelectedView, round_minute};
use crate::game::record::{EventRecord, InjectionLog, LiveStats, SessionFolder, Ticker};
use crate::game::screen::{Screen, StartGame, StartRound};
use crate::metrics::{LiveMetrics, Report};
use crate::sim::{Command, Session};

/// The systems drawing the panels.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct PanelSet;

/// Actions taken in this frame's panels, carried out next frame.
#[derive(Resource, Default)]
pub struct PendingActions(pub Vec<UiAction>);

/// Panel states that persist across frames.
#[derive(Resource, Default)]
pub struct PanelStates {
    pub lobby: LobbyState,
    pub teams: Vec<TeamPanelState>,
    pub console: ConsoleState,
    pub standings: StandingsState,
}

/// The report shown on the round-end and final screens (computed when they open).
#[derive(Resource, Default)]
pub struct ShownReport(pub Option<Report>);

/// A message for the facilitator (e.g. where the log was saved) and until when to show it.
#[derive(Resource, Default)]
pub struct Notice(pub Option<(String, f64)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiSettings>()
        .init_resource::<FloorArea>()
        .init_resource::<PendingActions>()
        .init_resource::<PanelStates>()
        .init_resource::<ShownReport>()
        .init_resource::<Notice>();
    app.add_systems(Startup, init_settings);
    app.add_systems(
        EguiPrimaryContextPass,
        (
            lobby_ui.run_if(in_state(Screen::Lobby)),
            briefing_ui.run_if(in_state(Screen::Briefing).and_then(resource_exists::<Session>)),
            play_ui.run_if(in_state(Screen::Playing).and_then(resource_exists::<Session>)),
            results_ui.run_if(
                in_state(Screen::RoundEnd)
                    .or_else(in_state(Screen::Final))
                    .and_then(resource_exists::<Session>),
            ),
            windows_ui.run_if(resource_exists::<Session>),
        )
            .chain()
            .in_set(PanelSet),
    );
    app.add_systems(PreUpdate, apply_actions);
    app.add_systems(OnEnter(Screen::RoundEnd), (compute_report, autosave));
    app.add_systems(OnEnter(Screen::Final), (compute_report, autosave));
}

fn init_settings(
    options: Res<PlayOptions>,
    mut settings: ResMut<UiSettings>,
    mut panels: ResMut<PanelStates>,
) {
    settings.scale = options.scale;
    panels.lobby.scale = options.scale;
    panels.lobby.teams = options.teams.clamp(1, 12);
    panels.lobby.seed = options.seed;
    if options.from_file {
        panels.lobby.shipped = None;
        panels.lobby.loaded = Some(std::sync::Arc::clone(&options.model));
        panels.lobby.path = options.scenario_name.clone();
    }
}

fn compute_report(metrics: Res<LiveMetrics>, mut shown: ResMut<ShownReport>) {
    shown.0 = Some(metrics.0.report());
}

/// After every round the session's event log is written to its folder, so nothing is lost on exit.
fn autosave(
    record: Res<EventRecord>,
    session: Res<Session>,
    mut folder: ResMut<SessionFolder>,
    mut notice: ResMut<Notice>,
    time: Res<Time>,
) {
    if let Err(e) = folder.save(session.seed, &record) {
        notice.0 = Some((
            format!("Could not save the event log: {e}"),
            time.elapsed_secs_f64() + 8.0,
        ));
    }
}

/// A dark, partly transparent frame over the floor.
fn overlay_frame(alpha: u8) -> egui::Frame {
    egui::Frame::new()
        .fill(egui::Color32::from_rgba_unmultiplied(18, 20, 26, alpha))
        .inner_margin(egui::Margin::same(24))
}

/// A root UI over the whole window, for panels.
fn root_ui(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

fn prepare(ctx: &egui::Context, settings: &UiSettings) {
    if (ctx.zoom_factor() - settings.scale).abs() > f32::EPSILON {
        ctx.set_zoom_factor(settings.scale);
    }
    ctx.set_theme(egui::ThemePreference::Dark);
}

fn lobby_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    mut panels: ResMut<PanelStates>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let mut root = root_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| lobby(ui, &mut panels.lobby, &mut pending.0));
    });
    Ok(())
}

fn briefing_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    factories: Query<&FactorySim>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let round = session.round + 1;
    let teams = session
        .factories
        .iter()
        .zip(&session.team_names)
        .filter_map(|(&e, name)| {
            let f = factories.get(e).ok()?;
            Some((
                name.clone(),
                f.org().design.clone(),
                f.view().pending_design,
            ))
        })
        .collect();
    let v = BriefingView {
        round,
        rounds: session.model.rounds,
        news: session
            .model
            .briefings
            .get(round as usize - 1)
            .map_or("", String::as_str),
        teams,
    };
    let mut root = root_ui(ctx);
    egui::CentralPanel::default()
        .frame(overlay_frame(255))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| briefing(ui, &v, &mut pending.0));
        });
    Ok(())
}

fn play_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    clock: Res<GameClock>,
    stats: Res<LiveStats>,
    ticker_items: Res<Ticker>,
    selected_view: Res<SelectedView>,
    factories: Query<&FactorySim>,
    mut panels: ResMut<PanelStates>,
    mut pending: ResMut<PendingActions>,
    mut area: ResMut<FloorArea>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let selected = settings
        .selected
        .min(session.factories.len().saturating_sub(1));
    let Some(factory) = session
        .factories
        .get(selected)
        .and_then(|&e| factories.get(e).ok())
    else {
        return Ok(());
    };
    let team_stats = stats.teams.get(selected).cloned().unwrap_or_default();
    let team_name = session
        .team_names
        .get(selected)
        .cloned()
        .unwrap_or_default();
    let mut root = root_ui(ctx);
    egui::Panel::top("top_bar").show(&mut root, |ui| {
        top_bar(
            ui,
            &TopBarView {
                team: team_name.clone(),
                team_index: selected,
                design: factory.org().design.clone(),
                round: session.round,
                rounds: session.model.rounds,
                minute: round_minute(&session),
                round_minutes: session.model.round_len.minutes(),
                paused: clock.paused,
                speed: clock.speed,
                delivered: team_stats.delivered,
                late: team_stats.late,
                profit: team_stats.profit(),
                wip: team_stats.wip,
            },
            &mut pending.0,
        );
    });
    egui::Panel::bottom("ticker")
        .default_size(96.0)
        .resizable(true)
        .show(&mut root, |ui| {
            let items: Vec<_> = ticker_items.items.iter().collect();
            ticker(ui, &items, &ticker_items.round_starts, selected);
        });
    egui::Panel::left("overview")
        .default_size(230.0)
        .resizable(true)
        .show(&mut root, |ui| {
            let rows: Vec<TeamRow> = session
                .team_names
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let s = stats.teams.get(i).cloned().unwrap_or_default();
                    TeamRow {
                        name: name.clone(),
                        design: s.design.clone(),
                        delivered: s.delivered,
                        late: s.late,
                        lost: s.lost,
                        profit: s.profit(),
                        wip: s.wip,
                        buckets: s.buckets,
                    }
                })
                .collect();
            egui::ScrollArea::vertical()
                .show(ui, |ui| overview(ui, &rows, selected, &mut pending.0));
        });
    let Some(view) = selected_view.0.as_ref() else {
        return Ok(());
    };
    panels
        .teams
        .resize(session.factories.len(), TeamPanelState::default());
    if settings.show_team_panel {
        egui::Panel::right("team")
            .default_size(345.0)
            .resizable(true)
            .show(&mut root, |ui| {
                team_panel(
                    ui,
                    &TeamPanelView {
                        factory: selected as u16,
                        team: &team_name,
                        model: &session.model,
                        org: factory.org(),
                        view,
                        round_start: session.round_start,
                        focus: settings.focus,
                    },
                    &mut panels.teams[selected],
                    &mut pending.0,
                );
            });
    }
    let free = root.available_rect_before_wrap();
    area.min = Vec2::new(free.min.x, free.min.y);
    area.max = Vec2::new(free.max.x, free.max.y);
    Ok(())
}

fn results_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    state: Res<State<Screen>>,
    shown: Res<ShownReport>,
    mut panels: ResMut<PanelStates>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let Some(report) = &shown.0 else {
        return Ok(());
    };
    let last = *state.get() == Screen::Final;
    let mut root = root_ui(ctx);
    egui::CentralPanel::default()
        .frame(overlay_frame(255))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(
                        egui::RichText::new(if last {
                            "Final standings".to_string()
                        } else {
                            format!("Round {} is over", session.round)
                        })
                        .size(36.0)
                        .strong(),
                    );
                });
                if !last {
                    ui.heading(format!("Round {}", session.round));
                    standings(ui, report, Some(session.round), &mut panels.standings);
                    ui.add_space(12.0);
                }
                ui.heading("All rounds so far");
                standings(ui, report, None, &mut panels.standings);
                if !report.disruptions.is_empty() {
                    ui.add_space(12.0);
                    ui.heading("Disruptions");
                    for d in &report.disruptions {
                        ui.label(format!(
                            "Round {} minute {:.0}: {} — recovery {}",
                            d.round,
                            d.minute,
                            d.headline,
                            d.recovery_min
                                .map_or("not (yet) measured".to_string(), |r| format!("{r:.0} min (mean)"))
                        ));
                    }
                }
                ui.add_space(16.0);
                ui.horizontal(|ui| {
                    if !last
                        && ui
                            .button(egui::RichText::new("Next round ▶").size(24.0).strong())
                            .on_hover_text("Go to the briefing of the next round")
                            .clicked()
                    {
                        pending.0.push(UiAction::NextBriefing);
                    }
                    if ui
                        .button(egui::RichText::new("📊 Debrief").size(24.0).strong())
                        .on_hover_text("Open the debrief dashboard of the session so far")
                        .clicked()
                    {
                        pending.0.push(UiAction::OpenDebrief);
                    }
                    if ui
                        .button(egui::RichText::new("💾 Save the event log").size(20.0))
                        .on_hover_text(
                            "Write every event of the session as JSON lines (for the debrief and researchers)",
                        )
                        .clicked()
                    {
                        pending.0.push(UiAction::SaveLog);
                    }
                    if last
                        && ui
                            .button(egui::RichText::new("New game").size(20.0))
                            .on_hover_text("Back to the lobby")
                            .clicked()
                    {
                        pending.0.push(UiAction::BackToLobby);
                    }
                });
            });
        });
    Ok(())
}

/// The facilitator console and the menu, over any screen of a session.
fn windows_ui(
    mut contexts: EguiContexts,
    mut settings: ResMut<UiSettings>,
    session: Res<Session>,
    clock: Res<GameClock>,
    injections: Res<InjectionLog>,
    notice: Res<Notice>,
    time: Res<Time>,
    mut panels: ResMut<PanelStates>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut open = settings.show_console;
    egui::Window::new("Facilitator console")
        .open(&mut open)
        .default_width(420.0)
        .default_pos(egui::pos2(420.0, 120.0))
        .show(ctx, |ui| {
            console(
                ui,
                &ConsoleView {
                    model: &session.model,
                    teams: &session.team_names,
                    round: session.round,
                    minute: round_minute(&session),
                    running: session.running,
                    finished: session.finished,
                    paused: clock.paused,
                    speed: clock.speed,
                    injections: &injections.0,
                },
                &mut panels.console,
                &mut pending.0,
            );
        });
    settings.show_console = open;
    let mut menu = settings.show_menu;
    egui::Window::new("Menu")
        .open(&mut menu)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Text size");
                let mut scale = settings.scale;
                if ui.add(egui::Slider::new(&mut scale, 0.8..=2.5)).changed() {
                    pending.0.push(UiAction::SetScale(scale));
                }
            });
            if ui.button("Save the event log").clicked() {
                pending.0.push(UiAction::SaveLog);
            }
            if ui
                .button("Open the debrief")
                .on_hover_text("The debrief dashboard of the session so far")
                .clicked()
            {
                pending.0.push(UiAction::OpenDebrief);
            }
            if ui.button("Back to the lobby (ends this session)").clicked() {
                pending.0.push(UiAction::BackToLobby);
            }
            if ui.button("Quit").clicked() {
                pending.0.push(UiAction::Quit);
            }
        });
    settings.show_menu = menu;
    if let Some((text, until)) = &notice.0
        && time.elapsed_secs_f64() < *until
    {
        egui::Area::new("notice".into())
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(egui::RichText::new(text).size(18.0));
                });
            });
    }
    Ok(())
}

fn apply_actions(
    mut pending: ResMut<PendingActions>,
    mut commands: MessageWriter<Command>,
    mut clock: ResMut<GameClock>,
    mut settings: ResMut<UiSettings>,
    mut start_game: MessageWriter<StartGame>,
    mut start_round: MessageWriter<StartRound>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    record: Res<EventRecord>,
    session: Option<Res<Session>>,
    mut notice: ResMut<Notice>,
    time: Res<Time>,
    mut folder: ResMut<SessionFolder>,
    mut open_debrief: MessageWriter<OpenDebrief>,
) {
    for action in pending.0.drain(..) {
        match action {
            UiAction::Command(c) => {
                commands.write(c);
            }
            UiAction::SelectTeam(i) => settings.selected = i,
            UiAction::SetSpeed(i) => {
                clock.speed = i;
                clock.paused = false;
            }
            UiAction::TogglePause => clock.paused = !clock.paused,
            UiAction::StartRound => {
                start_round.write(StartRound);
            }
            UiAction::ToggleConsole => settings.show_console = !settings.show_console,
            UiAction::TogglePanel => settings.show_team_panel = !settings.show_team_panel,
            UiAction::StartGame { model, teams, seed } => {
                settings.selected = 0;
                start_game.write(StartGame { model, teams, seed });
            }
            UiAction::NextBriefing => next.set(Screen::Briefing),
            UiAction::SaveLog => {
                let seed = session.as_ref().map_or(0, |s| s.seed);
                let text = match folder.save(seed, &record) {
                    Ok(path) => format!("Event log saved to {}", path.display()),
                    Err(e) => format!("Could not save the event log: {e}"),
                };
                notice.0 = Some((text, time.elapsed_secs_f64() + 6.0));
            }
            UiAction::OpenDebrief => {
                settings.show_menu = false;
                open_debrief.write(OpenDebrief);
            }
            UiAction::BackToLobby => {
                settings.show_menu = false;
                settings.show_console = false;
                next.set(Screen::Lobby);
            }
            UiAction::SetScale(s) => settings.scale = s.clamp(0.8, 2.5),
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}
