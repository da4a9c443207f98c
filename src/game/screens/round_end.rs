//! The round-end screen: every team compared on the round and on all rounds so far, the disruptions with
//! what they cost (against their twins), and the way on (next round, debrief, save the log). Entering it saves the event log.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::game::record::{EventRecord, SessionFolder};
use crate::game::ui::standings::{StandingsState, profit_breakdown, standings};
use crate::game::ui::{
    Notice, PanelSet, PendingActions, UiAction, UiSettings, overlay_frame, prepare, root_ui, style,
};
use crate::metrics::{LiveMetrics, Report};
use crate::sim::Session;

/// The report shown on the round-end and final screens (computed when they open).
#[derive(Resource, Default)]
pub(super) struct ShownReport(pub Option<Report>);

/// The sort order of the standings tables.
#[derive(Resource, Default)]
pub(super) struct Standings(pub StandingsState);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ShownReport>()
        .init_resource::<Standings>();
    app.add_systems(OnEnter(Screen::RoundEnd), (compute_report, autosave));
    app.add_systems(
        EguiPrimaryContextPass,
        round_end_ui
            .run_if(in_state(Screen::RoundEnd).and_then(resource_exists::<Session>))
            .in_set(PanelSet),
    );
}

pub(super) fn compute_report(
    metrics: Res<LiveMetrics>,
    session: Res<Session>,
    mut shown: ResMut<ShownReport>,
) {
    shown.0 = Some(titled(metrics.0.report(), &session.model));
}

/// The report with designs by the names the room knows them by.
fn titled(mut report: Report, model: &crate::scenario::Model) -> Report {
    for f in &mut report.factories {
        f.design = model.design_title(&f.design).to_string();
        for m in std::iter::once(&mut f.totals).chain(f.rounds.iter_mut()) {
            m.design = model.design_title(&m.design).to_string();
        }
    }
    report
}

/// After every round the session's event log is written to its folder, so nothing is lost on exit.
pub(super) fn autosave(
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

fn round_end_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    shown: Res<ShownReport>,
    mut sort: ResMut<Standings>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    sort.0.selected = Some(settings.selected);
    if let Some(report) = &shown.0 {
        let title = crate::t!(settings.lang, "results-round-over", round = session.round);
        results(
            ctx,
            &title,
            report,
            Some(&session.model),
            Some(session.round),
            None,
            &mut sort.0,
            &mut pending.0,
        );
    }
    Ok(())
}

/// The results page: the title, the round's standings (when `round` is given), the standings over all rounds,
/// the disruptions and the buttons (next round only between rounds, a new game only at the end).
pub(super) fn results(
    ctx: &egui::Context,
    title: &str,
    report: &Report,
    model: Option<&crate::scenario::Model>,
    round: Option<u32>,
    replay: Option<&std::path::Path>,
    sort: &mut StandingsState,
    actions: &mut Vec<UiAction>,
) {
    let l = crate::game::ui::lang_of(ctx);
    let mut root = root_ui(ctx, "results");
    // The way on stays in view however long the tables are.
    egui::Panel::bottom("results_buttons")
        .frame(overlay_frame(255).inner_margin(egui::Margin::symmetric(24, 10)))
        .show(&mut root, |ui| {
            buttons(ui, round.is_none(), replay, actions)
        });
    egui::CentralPanel::default()
        .frame(overlay_frame(255))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(egui::RichText::new(title).size(36.0).strong());
                });
                if let Some(r) = round {
                    ui.heading(crate::t!(l, "results-round", round = r));
                    standings(ui, report, model, Some(r), sort);
                    ui.add_space(12.0);
                }
                ui.heading(crate::t!(l, "results-all-rounds"));
                standings(ui, report, model, None, sort);
                explain_profit(ui, report, round);
                disruptions(ui, report, model);
            });
        });
}

/// How the profit adds up, this round and over the session: the wages and fixed cost, which accrue during
/// play, are counted here in full.
fn explain_profit(ui: &mut egui::Ui, report: &Report, round: Option<u32>) {
    ui.add_space(12.0);
    let l = crate::game::ui::lang(ui);
    egui::CollapsingHeader::new(egui::RichText::new(crate::t!(l, "results-profit")).heading())
        .id_salt("explain_profit")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(crate::t!(l, "results-profit-help")).color(style::MUTED));
            if let Some(r) = round {
                ui.label(egui::RichText::new(crate::t!(l, "results-round", round = r)).strong());
                profit_breakdown(ui, report, Some(r));
            }
            ui.label(egui::RichText::new(crate::t!(l, "results-all-rounds")).strong());
            profit_breakdown(ui, report, None);
        });
}

/// Each disruption with what it cost the teams (mean), against their twins.
fn disruptions(ui: &mut egui::Ui, report: &Report, model: Option<&crate::scenario::Model>) {
    if report.disruptions.is_empty() {
        return;
    }
    ui.add_space(12.0);
    let l = crate::game::ui::lang(ui);
    ui.heading(crate::t!(l, "results-disruptions"));
    for d in &report.disruptions {
        let impact = d.impact.as_ref().map_or_else(
            || crate::t!(l, "results-twin-later"),
            |i| crate::t!(l, "results-mean-per-team", impact = i.summary(l)),
        );
        ui.label(crate::t!(
            l,
            "results-disruption",
            round = d.round,
            minute = d.minute.round(),
            headline = model.map_or(d.headline.as_str(), |m| m.lexicon.say(l, &d.headline)),
            impact = impact
        ));
    }
}

fn buttons(
    ui: &mut egui::Ui,
    last: bool,
    replay: Option<&std::path::Path>,
    actions: &mut Vec<UiAction>,
) {
    let l = crate::game::ui::lang(ui);
    ui.horizontal(|ui| {
        if !last
            && ui
                .button(
                    egui::RichText::new(crate::t!(l, "results-next"))
                        .size(24.0)
                        .strong(),
                )
                .on_hover_text(crate::t!(l, "results-next-hint"))
                .clicked()
        {
            actions.push(UiAction::NextBriefing);
        }
        if ui
            .button(
                egui::RichText::new(format!("📊 {}", crate::t!(l, "results-debrief")))
                    .size(24.0)
                    .strong(),
            )
            .on_hover_text(crate::t!(l, "menu-debrief-hint"))
            .clicked()
        {
            actions.push(UiAction::OpenDebrief);
        }
        if let Some(dir) = replay
            && ui
                .button(
                    egui::RichText::new(format!("⏪ {}", crate::t!(l, "results-replay")))
                        .size(24.0)
                        .strong(),
                )
                .on_hover_text(crate::t!(l, "results-replay-hint"))
                .clicked()
        {
            actions.push(UiAction::OpenReplay {
                dir: dir.to_path_buf(),
                at: None,
            });
        }
        if ui
            .button(egui::RichText::new(format!("💾 {}", crate::t!(l, "menu-save-log"))).size(20.0))
            .on_hover_text(crate::t!(l, "results-save-hint"))
            .clicked()
        {
            actions.push(UiAction::SaveLog);
        }
        if last
            && ui
                .button(egui::RichText::new(crate::t!(l, "results-new-game")).size(20.0))
                .on_hover_text(crate::t!(l, "results-new-game-hint"))
                .clicked()
        {
            actions.push(UiAction::BackToLobby);
        }
    });
}
