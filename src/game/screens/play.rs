//! The play screen: the top bar, the ticker, the overview of all teams and the decision panel of the team on
//! screen, around the factory floor.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use super::banners::{BannerData, banner_strip};
use crate::factory::FactorySim;
use crate::factory::FactoryView;
use crate::game::clock::{GameClock, SPEEDS};
use crate::game::floor::SelectedView;
use crate::game::presenter::DeskCamera;
use crate::game::record::{OpenOffers, RoomVoices, Ticker};
use crate::game::ui::overview::{TeamRow, overview};
use crate::game::ui::team::{TeamPanelState, TeamPanelView, team_panel};
use crate::game::ui::ticker::ticker;
use crate::game::ui::topbar::{TopBarView, top_bar};
use crate::game::ui::voices::{VoicesView, voices};
use crate::game::ui::{FloorArea, PanelSet, PendingActions, UiSettings, prepare, root_ui};
use crate::metrics::LiveMetrics;
use crate::metrics::series::per_bucket;
use crate::sim::Session;

/// Simulated minutes per sparkline bucket.
const BUCKET_MIN: u64 = 30;

/// Each team's decision-panel state (open sections, typed values).
#[derive(Resource, Default)]
pub(super) struct TeamPanels(pub Vec<TeamPanelState>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TeamPanels>();
    app.add_systems(
        EguiPrimaryContextPass,
        play_ui
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Session>))
            .in_set(PanelSet),
    );
}

/// The team on screen (the selection kept within the session's teams) and its factory.
pub(super) fn team_on_screen<'a>(
    session: &Session,
    settings: &UiSettings,
    factories: &'a Query<&FactorySim>,
) -> Option<(usize, &'a FactorySim)> {
    let selected = settings
        .selected
        .min(session.factories.len().saturating_sub(1));
    let factory = factories.get(*session.factories.get(selected)?).ok()?;
    Some((selected, factory))
}

/// The top bar's view of team `selected`; `controls`: with the clock's buttons, `panels`: and with those of
/// the panels.
pub(super) fn top_bar_view(
    session: &Session,
    clock: &GameClock,
    metrics: &LiveMetrics,
    factory: &FactorySim,
    selected: usize,
    controls: bool,
    panels: bool,
) -> TopBarView {
    let live = metrics.0.live(selected, session.now).unwrap_or_default();
    TopBarView {
        team: session
            .team_names
            .get(selected)
            .cloned()
            .unwrap_or_default(),
        team_index: selected,
        design: session
            .model
            .design_title(&factory.org().design)
            .to_string(),
        round: session.round,
        rounds: session.model.rounds,
        minute: session.minute(),
        round_minutes: session.model.round_len.minutes(),
        paused: clock.paused,
        speeds: &SPEEDS,
        speed: clock.speed,
        figures: live.figures,
        wip: live.wip,
        controls,
        panels,
    }
}

/// The decision panel's view of `factory`, the team on screen.
pub(super) fn team_panel_view<'a>(
    session: &'a Session,
    factory: &'a FactorySim,
    view: &'a FactoryView,
    team: &'a str,
    focus: Option<usize>,
    offers: &OpenOffers,
) -> TeamPanelView<'a> {
    TeamPanelView {
        factory: factory.index,
        team,
        model: &session.model,
        org: factory.org(),
        view,
        round_start: session.round_start,
        round: session.round,
        offer_seconds: offers
            .0
            .iter()
            .filter(|o| o.team == factory.index)
            .map(|o| (o.offer, o.seconds_left))
            .collect(),
        focus,
    }
}

/// The session's ticker, the team on screen highlighted.
pub(super) fn ticker_of(ui: &mut egui::Ui, items: &Ticker, session: &Session, selected: usize) {
    let lines: Vec<_> = items.items.iter().collect();
    ticker(
        ui,
        &lines,
        &items.round_starts,
        &session.team_names,
        selected,
    );
}

/// Every team's row of the overview.
pub(super) fn overview_rows(session: &Session, metrics: &LiveMetrics) -> Vec<TeamRow> {
    session
        .team_names
        .iter()
        .enumerate()
        .map(|(i, name)| TeamRow {
            name: name.clone(),
            live: {
                let mut live = metrics.0.live(i, session.now).unwrap_or_default();
                live.design = session.model.design_title(&live.design).to_string();
                live
            },
            buckets: per_bucket(metrics.0.deliveries(i), BUCKET_MIN * 60_000),
        })
        .collect()
}

fn play_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    clock: Res<GameClock>,
    metrics: Res<LiveMetrics>,
    ticker_items: Res<Ticker>,
    selected_view: Res<SelectedView>,
    factories: Query<&FactorySim>,
    mut panels: ResMut<TeamPanels>,
    mut pending: ResMut<PendingActions>,
    mut area: ResMut<FloorArea>,
    desks: Query<(), With<DeskCamera>>,
    offers: Res<OpenOffers>,
    room: Res<RoomVoices>,
    banners: BannerData,
) -> Result {
    // In the presenter view the room sees no controls and no decisions: they are on the desk.
    let presenting = !desks.is_empty();
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let Some((selected, factory)) = team_on_screen(&session, &settings, &factories) else {
        return Ok(());
    };
    let mut root = root_ui(ctx, "play");
    let bar = top_bar_view(
        &session,
        &clock,
        &metrics,
        factory,
        selected,
        !presenting,
        !presenting,
    );
    egui::Panel::top("top_bar").show(&mut root, |ui| top_bar(ui, &bar, &mut pending.0));
    egui::Panel::bottom("ticker")
        .default_size(96.0)
        .resizable(true)
        .show(&mut root, |ui| {
            ticker_of(ui, &ticker_items, &session, selected)
        });
    let rows = overview_rows(&session, &metrics);
    egui::Panel::left("overview")
        .default_size(230.0)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .show(ui, |ui| overview(ui, &rows, selected, &mut pending.0));
        });
    // In one window the console, when open, takes the decision panel's place at the right edge.
    if settings.show_team_panel
        && !presenting
        && !settings.show_console
        && let Some(view) = selected_view.0.as_ref()
    {
        panels
            .0
            .resize(session.factories.len(), TeamPanelState::default());
        let v = team_panel_view(&session, factory, view, &bar.team, settings.focus, &offers);
        egui::Panel::right("team")
            .default_size(345.0)
            .resizable(true)
            .show(&mut root, |ui| {
                team_panel(ui, &v, &mut panels.0[selected], &mut pending.0);
            });
    }
    // The room's banners take their height from the floor, above it.
    let shown = banners.banners(&session, settings.lang);
    if !shown.is_empty() {
        egui::Panel::top("banners")
            .show_separator_line(false)
            .show(&mut root, |ui| banner_strip(ui, &shown));
    }
    // The room's voices, when asked for, cover the floor (the projector's view of them).
    if settings.show_voices {
        let teams: Vec<String> = session
            .team_names
            .iter()
            .map(|n| session.model.lexicon.say(settings.lang, n).to_string())
            .collect();
        let v = VoicesView {
            voices: &room.0,
            teams: &teams,
            round_starts: &ticker_items.round_starts,
        };
        egui::CentralPanel::default().show(&mut root, |ui| voices(ui, &v));
    }
    let free = root.available_rect_before_wrap();
    area.min = Vec2::new(free.min.x, free.min.y);
    area.max = Vec2::new(free.max.x, free.max.y);
    Ok(())
}
