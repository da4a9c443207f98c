//! The briefing screen before each round: the round's market news and every team's design.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::factory::FactorySim;
use crate::game::clock::{GameClock, SPEEDS};
use crate::game::hosting::Served;
use crate::game::ui::briefing::{BriefingView, briefing};
use crate::game::ui::devices::devices;
use crate::game::ui::{PanelSet, PendingActions, UiSettings, overlay_frame, prepare, root_ui};
use crate::sim::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        briefing_ui
            .run_if(in_state(Screen::Briefing).and_then(resource_exists::<Session>))
            .in_set(PanelSet),
    );
}

/// The briefing's view of the session: the next round's news and each team's design (and pending one).
fn view<'a>(
    session: &'a Session,
    factories: &Query<&FactorySim>,
    clock: &GameClock,
    lang: crate::i18n::Lang,
) -> BriefingView<'a> {
    let lexicon = &session.model.lexicon;
    let round = session.round + 1;
    let teams = session
        .factories
        .iter()
        .zip(&session.team_names)
        .filter_map(|(&e, name)| {
            let f = factories.get(e).ok()?;
            let title = |d: &str| lexicon.say(lang, session.model.design_title(d)).to_string();
            Some((
                name.clone(),
                title(&f.org().design),
                f.pending_design().map(|d| title(&d)),
            ))
        })
        .collect();
    BriefingView {
        round,
        rounds: session.model.rounds,
        news: session
            .model
            .briefings
            .get(round as usize - 1)
            .map_or("", |news| lexicon.say(lang, news)),
        teams,
        speeds: &SPEEDS,
        speed: clock.speed,
    }
}

fn briefing_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    session: Res<Session>,
    factories: Query<&FactorySim>,
    clock: Res<GameClock>,
    served: Option<Res<Served>>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    let v = view(&session, &factories, &clock, settings.lang);
    let mut root = root_ui(ctx, "briefing");
    egui::CentralPanel::default()
        .frame(overlay_frame(255))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                briefing(ui, &v, &mut pending.0);
                // The room joins from its devices: each team's code and QR code, and who has joined.
                if let Some(served) = &served {
                    ui.separator();
                    let size = if session.team_names.len() <= 12 {
                        120.0
                    } else {
                        90.0
                    };
                    let view = served.view(&session.team_names, false, size);
                    devices(ui, &view, false, &mut pending.0);
                }
            });
        });
    Ok(())
}
