//! The facilitator console over any screen of a session: round control, speed, what is coming next,
//! disruptions from the palette and the log of what was injected. In the presenter view it fills the
//! facilitator's window (`desk.rs` draws it there); on a single screen it is a compact side panel at the
//! room window's right edge (F shows or hides it) that takes its width from the floor instead of covering it.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::clock::{GameClock, SPEEDS};
use crate::game::hosting::Served;
use crate::game::presenter::presenting;
use crate::game::record::{InjectionLog, OpenOffers};
use crate::game::ui::console::{Coming, ConsoleState, ConsoleView, coming_disruptions, console};
use crate::game::ui::devices::devices;
use crate::game::ui::{PanelSet, PendingActions, UiSettings, countdown, dock, prepare};
use crate::sim::Session;

/// The console's state (chosen disruption, targets, timing, adjusted numbers).
#[derive(Resource, Default)]
pub(super) struct Console(pub ConsoleState);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Console>();
    app.add_systems(
        EguiPrimaryContextPass,
        console_dock
            .run_if(
                resource_exists::<Session>
                    .and_then(not(presenting))
                    .and_then(not(in_state(super::Screen::Replay))),
            )
            .before(PanelSet),
    );
}

/// What the console reads.
#[derive(SystemParam)]
pub(super) struct ConsoleData<'w> {
    session: Res<'w, Session>,
    clock: Res<'w, GameClock>,
    injections: Res<'w, InjectionLog>,
    offers: Res<'w, OpenOffers>,
    served: Option<Res<'w, Served>>,
}

impl ConsoleData<'_> {
    /// Open offers first (they need an answer soonest), then the disruptions to come.
    fn coming(&self, lang: crate::i18n::Lang) -> Vec<Coming> {
        let s = &*self.session;
        let offers = self.offers.0.iter().map(|o| Coming {
            when: o.seconds_left.map_or_else(
                || crate::t!(lang, "console-waiting"),
                |left| crate::t!(lang, "console-left", time = countdown(left)),
            ),
            text: crate::t!(
                lang,
                "console-rush-offer",
                team = s
                    .team_names
                    .get(o.team as usize)
                    .map_or("?", String::as_str),
                terms = o.terms(&s.model, lang)
            ),
        });
        offers
            .chain(coming_disruptions(
                &s.model,
                &s.team_names,
                s.round,
                s.minute(),
                s.running,
                &self.injections.0,
                lang,
            ))
            .collect()
    }

    /// Draws the console into `ui`; `private`: on the facilitator's own screen (the console page's key may
    /// show), not the room's.
    pub(super) fn show(
        &self,
        ui: &mut egui::Ui,
        state: &mut ConsoleState,
        private: bool,
        actions: &mut Vec<crate::game::ui::UiAction>,
    ) {
        let s = &*self.session;
        let coming = self.coming(crate::game::ui::lang(ui));
        let v = ConsoleView {
            model: &s.model,
            teams: &s.team_names,
            round: s.round,
            minute: s.minute(),
            running: s.running,
            finished: s.finished,
            paused: self.clock.paused,
            speeds: &SPEEDS,
            speed: self.clock.speed,
            injections: &self.injections.0,
            coming: &coming,
            now: s.now,
        };
        console(ui, &v, state, actions);
        if let Some(served) = &self.served {
            ui.separator();
            egui::CollapsingHeader::new(
                egui::RichText::new(crate::t!(crate::game::ui::lang(ui), "devices-heading"))
                    .strong(),
            )
            .id_salt("team_devices")
            .default_open(true)
            .show(ui, |ui| {
                devices(ui, &served.view(&s.team_names, private, 0.0), true, actions);
            });
        }
    }
}

/// The console as a side panel of the room's window, when it is shown there.
fn console_dock(
    mut contexts: EguiContexts,
    settings: Res<UiSettings>,
    data: ConsoleData,
    mut state: ResMut<Console>,
    mut pending: ResMut<PendingActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !settings.show_console {
        return Ok(());
    }
    prepare(ctx, &settings);
    dock(ctx, "console_dock", |ui| {
        ui.horizontal(|ui| {
            ui.heading(crate::t!(settings.lang, "console-heading"));
            if ui
                .small_button("✖")
                .on_hover_text(crate::t!(settings.lang, "console-hide"))
                .clicked()
            {
                pending.0.push(crate::game::ui::UiAction::ToggleConsole);
            }
        });
        egui::ScrollArea::vertical()
            .show(ui, |ui| data.show(ui, &mut state.0, false, &mut pending.0));
    });
    Ok(())
}
