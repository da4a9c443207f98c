//! A team's controls: the design for the next round, people (moves and boundary spanners), practices,
//! expediting orders and answering rush offers. Every control becomes a team command.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, countdown, due_text, lang, style};
use crate::domain::{Command, TeamAction};
use crate::domain::{Helping, PracticeChange, Priority, SimTime, Standup, StandupScope};
use crate::factory::FactoryView;
use crate::factory::org::Org;
use crate::scenario::Model;
use crate::t;

pub struct TeamPanelView<'a> {
    pub factory: u16,
    pub team: &'a str,
    pub model: &'a Model,
    pub org: &'a Org,
    pub view: &'a FactoryView,
    /// Start of the current (or last) round, for showing due times as round minutes.
    pub round_start: SimTime,
    /// The current (or last) round.
    pub round: u32,
    /// Real seconds left to answer each open offer, by offer number (`None`: the game waits).
    pub offer_seconds: Vec<(u32, Option<f64>)>,
    /// The person clicked on the floor, if any.
    pub focus: Option<usize>,
}

/// Choices in the panel that are not yet commands.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamPanelState {
    pub design: usize,
    pub standup_every: f64,
    pub standup_minutes: f64,
    pub standup_factory: bool,
}

impl Default for TeamPanelState {
    fn default() -> Self {
        TeamPanelState {
            design: 0,
            standup_every: 120.0,
            standup_minutes: 10.0,
            standup_factory: false,
        }
    }
}

fn team_action(v: &TeamPanelView, action: TeamAction) -> UiAction {
    UiAction::Command(Command::Team {
        factory: v.factory,
        action,
    })
}

pub fn team_panel(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    ui.heading(t!(lang(ui), "team-decisions", team = v.team));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // An offer waits for an answer against the clock: it comes first.
            offers_section(ui, v, actions);
            design_section(ui, v, state, actions);
            people_section(ui, v, actions);
            practices_section(ui, v, state, actions);
            orders_section(ui, v, actions);
        });
}

/// What the switch would change, before the team applies it.
fn switch_preview(ui: &mut egui::Ui, v: &TeamPanelView, after: &Org) {
    let l = lang(ui);
    let lines = super::reorganise::design_changes(v.model, v.org, after, l);
    if lines.is_empty() {
        ui.label(RichText::new(t!(l, "team-nothing-changes")).color(style::MUTED));
        return;
    }
    ui.label(RichText::new(t!(l, "team-switch-changes")).strong());
    for line in &lines {
        ui.label(format!("• {line}"));
    }
    ui.label(RichText::new(t!(l, "team-other-decisions-stay")).color(style::MUTED));
}

fn design_section(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    let l = lang(ui);
    let say = |english: &str| v.model.lexicon.say(l, english).to_string();
    egui::CollapsingHeader::new(RichText::new(t!(l, "team-design")).strong())
        .id_salt("design_section")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(t!(
                l,
                "team-design-now",
                design = say(v.model.design_title(&v.org.design))
            ));
            if let Some(p) = &v.view.pending_design {
                ui.label(
                    RichText::new(t!(
                        l,
                        "team-design-next",
                        design = say(v.model.design_title(p))
                    ))
                    .color(style::WARNING),
                );
            }
            state.design = state.design.min(v.model.designs.len().saturating_sub(1));
            egui::ComboBox::from_id_salt("design_choice")
                .selected_text(say(&v.model.designs[state.design].title))
                .show_ui(ui, |ui| {
                    for (i, d) in v.model.designs.iter().enumerate() {
                        ui.selectable_value(&mut state.design, i, say(&d.title))
                            .on_hover_text(say(&d.description));
                    }
                });
            ui.label(
                RichText::new(say(&v.model.designs[state.design].description)).color(style::MUTED),
            );
            if let Some(after) = v.view.choices.switched.get(state.design) {
                switch_preview(ui, v, after);
            }
            let refusal = v.view.choices.designs.get(state.design).cloned().flatten();
            let button = ui
                .add_enabled(
                    refusal.is_none(),
                    egui::Button::new(t!(l, "team-use-design")),
                )
                .on_hover_text(t!(l, "team-use-design-hint"))
                .on_disabled_hover_text(refusal.unwrap_or_default());
            if button.clicked() {
                actions.push(team_action(
                    v,
                    TeamAction::SetDesign(v.model.designs[state.design].name.clone()),
                ));
            }
        });
}

fn people_section(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    let say = |english: &str| v.model.lexicon.say(l, english).to_string();
    egui::CollapsingHeader::new(RichText::new(t!(l, "team-people")).strong())
        .id_salt("people_section")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new(t!(l, "team-people-help")).color(style::MUTED));
            egui::Grid::new("people")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for (w, worker) in v.model.workers.iter().enumerate() {
                        let Some(wv) = v.view.workers.get(w) else {
                            continue;
                        };
                        let skills: Vec<String> = worker
                            .levels
                            .iter()
                            .enumerate()
                            .filter(|(_, l)| **l > 0.0)
                            .map(|(s, l)| format!("{} {:.1}", v.model.skills[s], l))
                            .collect();
                        let name = RichText::new(say(&worker.name))
                            .strong()
                            .color(style::color32(wv.unit as usize));
                        ui.label(if v.focus == Some(w) {
                            name.background_color(egui::Color32::from_gray(90))
                                .underline()
                        } else {
                            name
                        })
                        .on_hover_text(t!(
                            l,
                            "team-skills",
                            skills = skills.join(", ")
                        ));
                        let mut unit = wv.unit as usize;
                        egui::ComboBox::from_id_salt(("unit", w))
                            .selected_text(
                                v.org
                                    .units
                                    .get(unit)
                                    .map_or_else(|| "?".to_string(), |u| say(&u.name)),
                            )
                            .show_ui(ui, |ui| {
                                for (u, unit_rt) in v.org.units.iter().enumerate() {
                                    let refusal = v
                                        .view
                                        .choices
                                        .moves
                                        .get(w)
                                        .and_then(|m| m.get(u))
                                        .cloned()
                                        .flatten();
                                    let shown = ui
                                        .add_enabled_ui(refusal.is_none() || u == unit, |ui| {
                                            ui.selectable_value(&mut unit, u, say(&unit_rt.name))
                                        });
                                    if let Some(why) = refusal {
                                        shown.inner.on_disabled_hover_text(why);
                                    }
                                }
                            })
                            .response
                            .on_hover_text(t!(l, "team-move-hint"));
                        if unit != wv.unit as usize {
                            actions.push(team_action(
                                v,
                                TeamAction::MoveWorker {
                                    worker: worker.id.clone(),
                                    unit: v.org.units[unit].id.clone(),
                                },
                            ));
                        }
                        let mut spanner = wv.spanner;
                        if ui
                            .checkbox(&mut spanner, "★")
                            .on_hover_text(spanner_help(v.model, l))
                            .changed()
                        {
                            actions.push(team_action(
                                v,
                                TeamAction::SetSpanner {
                                    worker: worker.id.clone(),
                                    on: spanner,
                                },
                            ));
                        }
                        ui.label(
                            RichText::new(wv.activity.describe(v.model, l)).color(style::MUTED),
                        );
                        ui.end_row();
                    }
                });
        });
}

/// What a boundary spanner does and costs, in the scenario's numbers.
fn spanner_help(model: &crate::scenario::Model, l: crate::i18n::Lang) -> String {
    let (every, duration) = model.coordination.spanning;
    t!(
        l,
        "team-spanner-hint",
        minutes = duration.minutes().round(),
        every = every.minutes().round()
    )
}

/// The team's practices: stand-ups, the shared board, helping, queue priority and WIP limits.
fn practices_section(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    let l = lang(ui);
    egui::CollapsingHeader::new(RichText::new(t!(l, "team-practices")).strong())
        .id_salt("practices_section")
        .default_open(true)
        .show(ui, |ui| {
            standup(ui, v, state, actions);
            let mut board = v.org.practices.shared_board;
            if ui
                .checkbox(&mut board, t!(l, "team-board"))
                .on_hover_text(t!(
                    l,
                    "team-board-hint",
                    minutes =
                        crate::i18n::decimal(l, v.model.coordination.board_upkeep.minutes(), 1)
                ))
                .changed()
            {
                actions.push(practice(v, PracticeChange::SharedBoard(board)));
            }
            helping_and_priority(ui, v, actions);
            wip_limits(ui, v, actions);
        });
}

/// A change of practice for this team.
fn practice(v: &TeamPanelView, change: PracticeChange) -> UiAction {
    team_action(v, TeamAction::SetPractice(change))
}

/// Stand-ups on or off, how often, how long and who meets.
fn standup(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    let l = lang(ui);
    let mut on = v.org.practices.standup.is_some();
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut on, t!(l, "team-standups"))
            .on_hover_text(t!(
                l,
                "team-standups-hint",
                minutes = v.model.coordination.standup_fade.minutes().round()
            ))
            .changed()
        {
            actions.push(practice(
                v,
                PracticeChange::Standup(on.then_some(Standup {
                    every_min: state.standup_every,
                    duration_min: state.standup_minutes,
                    scope: if state.standup_factory {
                        StandupScope::Factory
                    } else {
                        StandupScope::Unit
                    },
                })),
            ));
        }
    });
    ui.horizontal(|ui| {
        ui.label(t!(l, "team-every"));
        ui.add(
            egui::DragValue::new(&mut state.standup_every)
                .range(30.0..=480.0)
                .suffix(" min"),
        );
        ui.label(t!(l, "team-for"));
        ui.add(
            egui::DragValue::new(&mut state.standup_minutes)
                .range(5.0..=30.0)
                .suffix(" min"),
        );
        ui.checkbox(&mut state.standup_factory, t!(l, "team-whole-factory"))
            .on_hover_text(t!(l, "team-whole-factory-hint"));
    });
}

/// Who may take a task, and in which order queued tasks are taken.
fn helping_and_priority(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    let p = &v.org.practices;
    let l = lang(ui);
    ui.horizontal(|ui| {
        ui.label(t!(l, "team-helping"));
        for (h, label, tip) in [
            (
                Helping::None,
                t!(l, "team-helping-none"),
                t!(l, "team-helping-none-hint"),
            ),
            (
                Helping::OwnUnit,
                t!(l, "team-helping-own"),
                t!(l, "team-helping-own-hint"),
            ),
            (
                Helping::Anyone,
                t!(l, "team-helping-anyone"),
                t!(l, "team-helping-anyone-hint"),
            ),
        ] {
            let refusal = v.view.choices.helping[h as usize]
                .clone()
                .filter(|_| p.helping != h);
            let clicked = ui
                .add_enabled_ui(refusal.is_none(), |ui| {
                    ui.selectable_label(p.helping == h, label)
                        .on_hover_text(tip)
                })
                .inner
                .on_disabled_hover_text(refusal.unwrap_or_default())
                .clicked();
            if clicked && p.helping != h {
                actions.push(practice(v, PracticeChange::Helping(h)));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(t!(l, "team-queues"));
        for (pr, label, tip) in [
            (Priority::Fifo, t!(l, "team-fifo"), t!(l, "team-fifo-hint")),
            (
                Priority::EarliestDue,
                t!(l, "team-edd"),
                t!(l, "team-edd-hint"),
            ),
        ] {
            if ui
                .selectable_label(p.priority == pr, label)
                .on_hover_text(tip)
                .clicked()
                && p.priority != pr
            {
                actions.push(practice(v, PracticeChange::Priority(pr)));
            }
        }
    });
}

/// A WIP limit for each step the team's units own.
fn wip_limits(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.label(t!(l, "team-wip-limits"))
        .on_hover_text(t!(l, "team-wip-limits-hint"));
    egui::Grid::new("wip_limits").num_columns(2).show(ui, |ui| {
        for (s, step) in v.model.steps.iter().enumerate() {
            if v.org.owners.get(s).is_none_or(|o| o.is_empty()) {
                continue;
            }
            let current = v
                .org
                .practices
                .wip_limits
                .iter()
                .find(|(id, _)| *id == step.id)
                .map(|(_, l)| *l);
            let mut on = current.is_some();
            let mut limit = current.unwrap_or(5);
            ui.checkbox(&mut on, v.model.lexicon.say(l, &step.name));
            let drag = ui.add_enabled(on, egui::DragValue::new(&mut limit).range(1..=50));
            ui.end_row();
            let changed = (on != current.is_some()) || (on && drag.changed());
            if changed {
                actions.push(practice(
                    v,
                    PracticeChange::WipLimit {
                        step: step.id.clone(),
                        limit: on.then_some(limit),
                    },
                ));
            }
        }
    });
}

fn offers_section(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    if v.view.offers.is_empty() {
        return;
    }
    let l = lang(ui);
    egui::CollapsingHeader::new(
        RichText::new(t!(l, "team-rush-offers"))
            .strong()
            .color(style::ALERT),
    )
    .id_salt("offers_section")
    .default_open(true)
    .show(ui, |ui| {
        for o in &v.view.offers {
            let product = v
                .model
                .products
                .get(o.product as usize)
                .map_or("?", |p| v.model.lexicon.say(l, &p.name));
            ui.label(
                RichText::new(t!(
                    l,
                    "team-rush-terms",
                    quantity = o.quantity,
                    product = product,
                    price = crate::i18n::money(l, o.price),
                    due = due_text(
                        o.due,
                        v.round,
                        v.round_start,
                        v.model.round_len.minutes(),
                        l
                    )
                ))
                .strong(),
            );
            let left = v
                .offer_seconds
                .iter()
                .find(|(n, _)| *n == o.offer)
                .and_then(|(_, s)| *s);
            ui.label(
                RichText::new(match left {
                    Some(s) => t!(l, "team-left-to-answer", time = countdown(s)),
                    None => t!(l, "team-game-waits"),
                })
                .color(style::WARNING),
            );
            ui.horizontal(|ui| {
                if ui
                    .button(t!(l, "team-accept"))
                    .on_hover_text(t!(l, "team-accept-hint"))
                    .clicked()
                {
                    actions.push(team_action(
                        v,
                        TeamAction::RespondToOffer {
                            offer: o.offer,
                            accept: true,
                        },
                    ));
                }
                if ui
                    .button(t!(l, "team-decline"))
                    .on_hover_text(t!(l, "team-decline-hint"))
                    .clicked()
                {
                    actions.push(team_action(
                        v,
                        TeamAction::RespondToOffer {
                            offer: o.offer,
                            accept: false,
                        },
                    ));
                }
            });
        }
    });
}

fn orders_section(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    egui::CollapsingHeader::new(
        RichText::new(t!(l, "team-orders", count = v.view.orders.len())).strong(),
    )
    .id_salt("orders_section")
    .default_open(false)
    .show(ui, |ui| {
        let mut orders: Vec<_> = v.view.orders.iter().collect();
        orders.sort_by_key(|o| (o.due, o.id));
        egui::Grid::new("orders")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for o in orders.iter().take(40) {
                    let product = v
                        .model
                        .products
                        .get(o.product as usize)
                        .map_or("?", |p| v.model.lexicon.say(l, &p.name));
                    let step = v
                        .model
                        .steps
                        .get(o.step as usize)
                        .map_or("?", |s| v.model.lexicon.say(l, &s.name));
                    let late = o.due < v.view.now;
                    ui.label(format!(
                        "#{} {product}",
                        o.id % crate::domain::event::DISRUPTION_ORDER_BASE
                    ));
                    ui.label(RichText::new(step).color(style::MUTED));
                    let minutes_left = (o.due.0 as f64 - v.view.now.0 as f64) / 60_000.0;
                    ui.label(
                        RichText::new(if late {
                            t!(l, "team-late-by", minutes = (-minutes_left).round())
                        } else {
                            t!(l, "team-due-in", minutes = minutes_left.round())
                        })
                        .color(if late {
                            style::ALERT
                        } else {
                            egui::Color32::LIGHT_GRAY
                        }),
                    );
                    if o.expedited {
                        ui.label(RichText::new(t!(l, "team-expedited")).color(style::WARNING));
                    } else if ui
                        .small_button(t!(l, "team-expedite"))
                        .on_hover_text(t!(
                            l,
                            "team-expedite-hint",
                            cost = crate::i18n::money(l, v.model.expedite_cost)
                        ))
                        .clicked()
                    {
                        actions.push(team_action(v, TeamAction::Expedite { order: o.id }));
                    }
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factory::FactorySim;
    use crate::game::ui::testing::{shows, texts};
    use std::sync::Arc;

    #[test]
    fn the_panel_shows_designs_people_and_practices() {
        let model = Arc::new(crate::scenario::default_model().unwrap());
        let factory = FactorySim::new(Arc::clone(&model), 0, "Red".into(), 1, 0);
        let view = factory.view();
        let v = TeamPanelView {
            factory: 0,
            team: "Red",
            model: &model,
            org: factory.org(),
            view: &view,
            round_start: SimTime::ZERO,
            round: 1,
            offer_seconds: Vec::new(),
            focus: Some(1),
        };
        let mut state = TeamPanelState::default();
        let mut actions = Vec::new();
        let t = texts(|ui| team_panel(ui, &v, &mut state, &mut actions));
        assert!(shows(&t, "Red's decisions"));
        assert!(shows(&t, "Use this design"));
        assert!(shows(&t, &model.workers[0].name));
        assert!(shows(&t, "Shared board"));
        assert!(actions.is_empty(), "drawing alone decides nothing");
        // As the room and the facilitator see it: the panel's default width on both projectors.
        for p in crate::game::ui::testing::PROJECTORS {
            let problems = crate::game::ui::testing::layout_problems(p, 345.0, |ui| {
                team_panel(ui, &v, &mut state, &mut actions);
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
    }
}
