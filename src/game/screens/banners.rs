//! The room's banners during a round, in a strip above the floor (it takes its height from the floor instead
//! of covering it): each disruption's headline as it hits, naming the teams, for a few seconds; each rush
//! offer waiting for answers, with the teams still to answer and the time left; and a large PAUSED while the
//! clock stands still.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;

use crate::domain::event::{EventKind, SimEvent};
use crate::game::clock::GameClock;
use crate::game::record::{OpenOffer, OpenOffers};
use crate::game::ui::{countdown, due_text, style};
use crate::sim::{Session, SimSet};
use crate::t;

/// How long a headline stays up (real seconds).
const HEADLINE_SECS: f64 = 8.0;

/// The headline on show: what hit, whom, and until when (real seconds since start).
#[derive(Resource, Default)]
struct Headline(Option<(crate::i18n::Text, Vec<u16>, f64)>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Headline>();
    app.add_systems(
        Update,
        catch_headlines
            .after(SimSet::Observe)
            .run_if(resource_exists::<Session>),
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

/// The same offer made to several teams at once is one banner: the offer, the teams still to answer, and
/// the least time any of them has left.
fn offer_groups(offers: &[OpenOffer]) -> Vec<(&OpenOffer, Vec<u16>, Option<f64>)> {
    let mut groups: Vec<(&OpenOffer, Vec<u16>, Option<f64>)> = Vec::new();
    for o in offers.iter().filter(|o| !o.lapsing) {
        let same = groups.iter_mut().find(|(g, _, _)| {
            g.product == o.product
                && g.quantity == o.quantity
                && g.due == o.due
                && g.price == o.price
        });
        match same {
            Some((_, teams, left)) => {
                teams.push(o.team);
                *left = match (*left, o.seconds_left) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            None => groups.push((o, vec![o.team], o.seconds_left)),
        }
    }
    groups
}

/// Who a headline hit, in words.
fn whom(teams: &[u16], names: &[String], lang: crate::i18n::Lang) -> String {
    if teams.is_empty() || teams.len() >= names.len() {
        return t!(lang, "all-teams");
    }
    let mut sorted = teams.to_vec();
    sorted.sort_unstable();
    sorted
        .iter()
        .filter_map(|&f| names.get(f as usize).cloned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One banner: a line in its colour and size, and a detail after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Banner {
    /// The line.
    pub text: String,
    /// What follows it, smaller.
    pub detail: String,
    /// Its size in points.
    pub size: f32,
    /// Its colour.
    pub color: egui::Color32,
}

/// What the banners read.
#[derive(SystemParam)]
pub(super) struct BannerData<'w> {
    headline: Res<'w, Headline>,
    offers: Res<'w, OpenOffers>,
    clock: Res<'w, GameClock>,
    time: Res<'w, Time<Real>>,
}

impl BannerData<'_> {
    /// The banners to show now.
    pub(super) fn banners(&self, session: &Session, lang: crate::i18n::Lang) -> Vec<Banner> {
        let mut out = Vec::new();
        if let Some((text, teams, until)) = &self.headline.0
            && self.time.elapsed_secs_f64() < *until
        {
            out.push(Banner {
                text: format!("⚡ {}", session.model.lexicon.say(lang, text.get(lang))),
                detail: whom(teams, &session.team_names, lang),
                size: 22.0,
                color: style::ALERT,
            });
        }
        for (offer, teams, left) in offer_groups(&self.offers.0) {
            let who = whom(&teams, &session.team_names, lang);
            let due = due_text(
                offer.due,
                session.round,
                session.round_start,
                session.model.round_len.minutes(),
                lang,
            );
            out.push(Banner {
                text: t!(
                    lang,
                    "banner-rush",
                    terms = offer.terms(&session.model, lang),
                    due = due
                ),
                detail: match left {
                    Some(s) => t!(lang, "banner-rush-left", who = who, time = countdown(s)),
                    None => t!(lang, "banner-rush-waits", who = who),
                },
                size: 18.0,
                color: style::WARNING,
            });
        }
        if self.clock.paused && session.running {
            out.push(Banner {
                text: format!("⏸ {}", t!(lang, "bar-paused")),
                detail: String::new(),
                size: 32.0,
                color: style::WARNING,
            });
        }
        out
    }
}

/// The banners, one under the other, each wrapping within the strip.
pub fn banner_strip(ui: &mut egui::Ui, banners: &[Banner]) {
    for b in banners {
        egui::Frame::new()
            .fill(egui::Color32::from_rgb(18, 20, 26))
            .stroke(egui::Stroke::new(2.0, b.color))
            .corner_radius(6.0)
            .inner_margin(egui::Margin::symmetric(12, 3))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(&b.text)
                            .size(b.size)
                            .strong()
                            .color(b.color),
                    );
                    if !b.detail.is_empty() {
                        ui.label(egui::RichText::new(&b.detail).size(16.0));
                    }
                });
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_names_the_teams_it_hit() {
        let names: Vec<String> = ["Red", "Blue", "Green"].map(String::from).into();
        let en = crate::i18n::Lang::En;
        assert_eq!(whom(&[2, 0], &names, en), "Red, Green");
        assert_eq!(whom(&[0, 1, 2], &names, en), "All teams");
        assert_eq!(whom(&[], &names, crate::i18n::Lang::Sv), "Alla lag");
    }
}
