//! The replay screen: the top bar, the ticker and the floor of the team on screen (picked in the replay's
//! panel, or with Tab) as they were at the moment on the timeline below; beside it another team or the same
//! team in another round; the what-if being put together (with the team's decision panel to add decisions)
//! and its comparison with what happened.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use super::play::{team_on_screen, team_panel_view, ticker_of, top_bar_view};
use crate::debrief::describe_action;
use crate::domain::{Command, SimTime};
use crate::factory::FactorySim;
use crate::game::clock::GameClock;
use crate::game::floor::SelectedView;
use crate::game::record::{OpenOffers, Ticker};
use crate::game::replay::{OtherRound, Replay};
use crate::game::ui::glance::{GlanceView, glance};
use crate::game::ui::outcome::{OutcomeView, outcome};
use crate::game::ui::replay::{Compare, ReplayAction, ReplayPanelView, replay_panel};
use crate::game::ui::team::{TeamPanelState, team_panel};
use crate::game::ui::timeline::{TimelineView, timeline};
use crate::game::ui::topbar::top_bar;
use crate::game::ui::whatif::{DraftView, draft};
use crate::game::ui::{
    FloorArea, PanelSet, PendingActions, UiAction, UiSettings, clock, lang, prepare, root_ui,
};
use crate::i18n::Lang;
use crate::metrics::LiveMetrics;
use crate::sim::Session;
use crate::sim::record::Entry;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        replay_ui
            .run_if(
                in_state(Screen::Replay)
                    .and_then(resource_exists::<Replay>)
                    .and_then(resource_exists::<Session>),
            )
            .in_set(PanelSet),
    );
}

/// Lines of the ticker the replay shows (it scrolls back).
const TICKER_LINES: f32 = 2.0;

/// A moment as the room reads it, as the top bar's clock does: "R2 1:30".
fn moment(replay: &Replay, t: SimTime) -> String {
    match replay.timeline.moment(t) {
        (0, minutes) => clock(minutes),
        (round, minute) => format!("R{round} {}", clock(minute)),
    }
}

/// The draft's view: the record's team decisions from its moment on and those added.
fn draft_view(replay: &Replay, session: &Session, team: &str, lang: Lang) -> Option<DraftView> {
    let d = replay.draft.as_ref()?;
    let name = |f: u16| {
        session
            .team_names
            .get(f as usize)
            .map(|n| session.model.lexicon.say(lang, n).to_string())
            .unwrap_or_default()
    };
    let said = |t: SimTime, c: &Command| match c {
        Command::Team { factory, action } => format!(
            "{} {}: {}",
            moment(replay, t),
            name(*factory),
            describe_action(action, Some(&session.model), lang)
        ),
        other => format!("{} {other:?}", moment(replay, t)),
    };
    let later = replay
        .record
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Command {
                seq, t, command, ..
            } if *t >= d.at && matches!(**command, Command::Team { .. }) => {
                Some((*seq, said(*t, command), d.removed.contains(seq)))
            }
            _ => None,
        })
        .collect();
    Some(DraftView {
        moment: moment(replay, d.at),
        team: team.to_string(),
        later,
        added: d.added.iter().map(|a| said(a.t, &a.command)).collect(),
    })
}

/// The side by side: the team on screen and the other team, or itself in the other round.
fn side_by_side(
    ui: &mut egui::Ui,
    session: &Session,
    metrics: &LiveMetrics,
    factories: &Query<&FactorySim>,
    replay: &Replay,
    other: Option<&OtherRound>,
    selected: usize,
) {
    let l = lang(ui);
    let say = |english: &str| session.model.lexicon.say(l, english).to_string();
    let team_name = |t: usize| {
        session
            .team_names
            .get(t)
            .map(|n| say(n))
            .unwrap_or_default()
    };
    let here = moment(replay, session.now);
    let glance_of = |team: usize| -> Option<GlanceView> {
        let f = factories.get(*session.factories.get(team)?).ok()?;
        Some(GlanceView::new(
            &session.model,
            format!("{}, {here}", team_name(team)),
            team,
            say(session.model.design_title(&f.org().design)),
            &f.view(),
            metrics.0.live(team, session.now).unwrap_or_default(),
            l,
        ))
    };
    let right = match replay.compare {
        Compare::Team(t) => glance_of(t),
        Compare::Round(_) => other.map(|o| {
            GlanceView::new(
                &session.model,
                format!("{}, {}", team_name(selected), moment(replay, o.t)),
                selected,
                say(&o.design),
                &o.view,
                o.live.clone(),
                l,
            )
        }),
        Compare::Off => None,
    };
    ui.columns(2, |cols| {
        if let Some(g) = glance_of(selected) {
            glance(&mut cols[0], &g);
        }
        match &right {
            Some(g) => glance(&mut cols[1], g),
            None => {
                cols[1].label("…");
            }
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn replay_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    clock: Res<GameClock>,
    metrics: Res<LiveMetrics>,
    ticker_items: Res<Ticker>,
    selected_view: Res<SelectedView>,
    factories: Query<&FactorySim>,
    replay: Res<Replay>,
    other: Option<Res<OtherRound>>,
    offers: Res<OpenOffers>,
    mut panels: Local<Vec<TeamPanelState>>,
    mut pending: ResMut<PendingActions>,
    mut area: ResMut<FloorArea>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let Some((selected, factory)) = team_on_screen(&session, &settings, &factories) else {
        return Ok(());
    };
    let mut root = root_ui(ctx, "replay");
    let bar = top_bar_view(&session, &clock, &metrics, factory, selected, true, false);
    egui::Panel::top("top_bar").show(&mut root, |ui| top_bar(ui, &bar, &mut pending.0));
    // Two lines of the ticker (its text is 16 points): the floor and the timeline need the room.
    egui::Panel::bottom("replay_ticker")
        .exact_size(TICKER_LINES * 16.0 * 1.6)
        .show(&mut root, |ui| {
            ticker_of(ui, &ticker_items, &session, selected)
        });
    let tv = TimelineView {
        timeline: &replay.timeline,
        now: session.now,
        team: selected as u16,
        moment: moment(&replay, session.now),
    };
    egui::Panel::bottom("timeline").show(&mut root, |ui| timeline(ui, &tv, &mut pending.0));
    let panel = ReplayPanelView {
        record: replay.record.dir.display().to_string(),
        teams: session
            .team_names
            .iter()
            .map(|n| session.model.lexicon.say(settings.lang, n).to_string())
            .collect(),
        selected,
        rounds: replay.timeline.rounds.iter().map(|r| r.round).collect(),
        round: replay.timeline.round_at(session.now),
        compare: replay.compare,
        what_if_open: replay.draft.is_some(),
    };
    egui::Panel::right("replay")
        .default_size(330.0)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                replay_panel(ui, &panel, &mut pending.0);
                if let Some(d) = draft_view(&replay, &session, &bar.team, settings.lang) {
                    ui.separator();
                    draft(ui, &d, &mut pending.0);
                    // The team's own decision panel adds decisions to the what-if instead of giving them.
                    if let Some(view) = selected_view.0.as_ref() {
                        ui.separator();
                        panels.resize(session.factories.len(), TeamPanelState::default());
                        let v = team_panel_view(&session, factory, view, &bar.team, None, &offers);
                        let mut asked = Vec::new();
                        team_panel(ui, &v, &mut panels[selected], &mut asked);
                        pending.0.extend(asked.into_iter().map(|a| match a {
                            UiAction::Command(c) => UiAction::Replay(ReplayAction::Add(c)),
                            other => other,
                        }));
                    }
                }
            });
        });
    if let Some(o) = &replay.outcome {
        let v = OutcomeView {
            actual: &o.actual,
            what_if: &o.what_if,
            team: selected,
            at_minute: o.at.minutes(),
            moment: moment(&replay, o.at),
            saved: o.dir.display().to_string(),
        };
        egui::CentralPanel::default().show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| outcome(ui, &v));
        });
    } else if replay.compare != Compare::Off {
        egui::CentralPanel::default().show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                side_by_side(
                    ui,
                    &session,
                    &metrics,
                    &factories,
                    &replay,
                    other.as_deref(),
                    selected,
                );
            });
        });
    }
    let free = root.available_rect_before_wrap();
    area.min = Vec2::new(free.min.x, free.min.y);
    area.max = Vec2::new(free.max.x, free.max.y);
    Ok(())
}
