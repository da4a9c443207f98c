//! The room's banners over the floor during a round: a large PAUSED while the clock stands still, and each
//! disruption's headline as it hits, naming the teams, for a few seconds.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::Screen;
use crate::domain::event::{EventKind, SimEvent};
use crate::game::clock::GameClock;
use crate::game::ui::{FloorArea, PanelSet, style};
use crate::sim::{Session, SimSet};

/// How long a headline stays up (real seconds).
const HEADLINE_SECS: f64 = 8.0;

/// The headline on show: what hit, whom, and until when (real seconds since start).
#[derive(Resource, Default)]
struct Headline(Option<(String, Vec<u16>, f64)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Headline>();
    app.add_systems(
        Update,
        catch_headlines
            .after(SimSet::Observe)
            .run_if(resource_exists::<Session>),
    );
    app.add_systems(
        EguiPrimaryContextPass,
        banners
            .run_if(in_state(Screen::Playing).and_then(resource_exists::<Session>))
            .after(PanelSet),
    );
}

/// A disruption that starts puts its headline up; the same one in other teams at once adds their names.
fn catch_headlines(
    mut events: MessageReader<SimEvent>,
    mut shown: ResMut<Headline>,
    time: Res<Time<Real>>,
) {
    let now = time.elapsed_secs_f64();
    for e in events.read() {
        let EventKind::DisruptionStarted { spec } = &e.kind else {
            continue;
        };
        let team = e.factory.into_iter();
        match &mut shown.0 {
            Some((text, teams, until)) if *text == spec.headline && *until > now => {
                teams.extend(team.filter(|f| !teams.contains(f)).collect::<Vec<_>>());
            }
            _ => shown.0 = Some((spec.headline.clone(), team.collect(), now + HEADLINE_SECS)),
        }
    }
}

/// Who a headline hit, in words.
fn whom(teams: &[u16], names: &[String]) -> String {
    if teams.is_empty() || teams.len() >= names.len() {
        return "All teams".into();
    }
    let mut sorted = teams.to_vec();
    sorted.sort_unstable();
    sorted
        .iter()
        .filter_map(|&f| names.get(f as usize).cloned())
        .collect::<Vec<_>>()
        .join(", ")
}

fn banners(
    mut contexts: EguiContexts,
    session: Res<Session>,
    clock: Res<GameClock>,
    area: Res<FloorArea>,
    shown: Res<Headline>,
    time: Res<Time<Real>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let floor = egui::Rect::from_min_max(
        egui::pos2(area.min.x, area.min.y),
        egui::pos2(area.max.x, area.max.y),
    );
    let mut top = floor.top() + 12.0;
    if let Some((text, teams, until)) = &shown.0
        && time.elapsed_secs_f64() < *until
    {
        let who = whom(teams, &session.team_names);
        let r = banner(
            ctx,
            "headline",
            egui::pos2(floor.center().x, top),
            &format!("⚡ {text}"),
            &who,
            style::ALERT,
        );
        top = r.bottom() + 8.0;
    }
    if clock.paused && session.running {
        banner(
            ctx,
            "paused",
            egui::pos2(floor.center().x, top),
            "⏸ PAUSED",
            "",
            style::WARNING,
        );
    }
    Ok(())
}

/// A banner centred at the top of `at`: a large line and a smaller one under it.
fn banner(
    ctx: &egui::Context,
    id: &'static str,
    at: egui::Pos2,
    big: &str,
    small: &str,
    color: egui::Color32,
) -> egui::Rect {
    egui::Area::new(id.into())
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::CENTER_TOP)
        .fixed_pos(at)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(egui::Color32::from_rgba_unmultiplied(18, 20, 26, 230))
                .stroke(egui::Stroke::new(3.0, color))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(24, 10))
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.label(egui::RichText::new(big).size(34.0).strong().color(color));
                        if !small.is_empty() {
                            ui.label(egui::RichText::new(small).size(20.0));
                        }
                    });
                });
        })
        .response
        .rect
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_names_the_teams_it_hit() {
        let names: Vec<String> = ["Red", "Blue", "Green"].map(String::from).into();
        assert_eq!(whom(&[2, 0], &names), "Red, Green");
        assert_eq!(whom(&[0, 1, 2], &names), "All teams");
        assert_eq!(whom(&[], &names), "All teams");
    }
}
