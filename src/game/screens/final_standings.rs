//! The final screen after the last round: the standings over all rounds, the disruptions, and the way into
//! the debrief and the replay. Entering it saves the event log.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::Screen;
use super::round_end::{ShownReport, Standings, autosave, compute_report, results};
use crate::game::record::SessionFolder;
use crate::game::ui::{PanelSet, PendingActions, UiSettings, prepare};
use crate::sim::Session;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Final), (compute_report, autosave));
    app.add_systems(
        EguiPrimaryContextPass,
        final_ui
            .run_if(in_state(Screen::Final).and_then(resource_exists::<Session>))
            .in_set(PanelSet),
    );
}

fn final_ui(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    shown: Res<ShownReport>,
    mut sort: ResMut<Standings>,
    mut pending: ResMut<PendingActions>,
    folder: Res<SessionFolder>,
    session: Option<Res<crate::sim::Session>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    prepare(ctx, &settings);
    sort.0.selected = Some(settings.selected);
    if let Some(report) = &shown.0 {
        results(
            ctx,
            &crate::t!(settings.lang, "results-final"),
            report,
            session.as_ref().map(|s| &*s.model),
            None,
            folder.dir.as_deref().filter(|_| folder.recorded),
            &mut sort.0,
            &mut pending.0,
        );
    }
    Ok(())
}
