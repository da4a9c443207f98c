//! A team's controls: the design for the next round, people (moves and boundary spanners), practices,
//! expediting orders and answering rush offers. Every control becomes a team command.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, countdown, due_text, style};
use crate::domain::{Command, TeamAction};
use crate::domain::{Helping, PracticeChange, Priority, SimTime, Standup, StandupScope};
use crate::factory::FactoryView;
use crate::factory::org::Org;
use crate::scenario::Model;

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
    ui.heading(format!("{}'s decisions", v.team));
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
    let lines = super::reorganise::design_changes(v.model, v.org, after, super::lang(ui));
    if lines.is_empty() {
        ui.label(RichText::new("Nothing would change.").color(style::MUTED));
        return;
    }
    ui.label(RichText::new("This switch would change:").strong());
    for l in &lines {
        ui.label(format!("• {l}"));
    }
    ui.label(
        RichText::new("Your other decisions (spanners, practices, WIP limits) stay.")
            .color(style::MUTED),
    );
}

fn design_section(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    egui::CollapsingHeader::new(RichText::new("Organisation design").strong())
        .default_open(true)
        .show(ui, |ui| {
            ui.label(format!("Now: {}", v.model.design_title(&v.org.design)));
            if let Some(p) = &v.view.pending_design {
                ui.label(
                    RichText::new(format!(
                        "From the next round: {}",
                        v.model.design_title(p)
                    ))
                    .color(style::WARNING),
                );
            }
            state.design = state.design.min(v.model.designs.len().saturating_sub(1));
            egui::ComboBox::from_id_salt("design_choice")
                .selected_text(&v.model.designs[state.design].title)
                .show_ui(ui, |ui| {
                    for (i, d) in v.model.designs.iter().enumerate() {
                        ui.selectable_value(&mut state.design, i, &d.title)
                            .on_hover_text(&d.description);
                    }
                });
            ui.label(RichText::new(&v.model.designs[state.design].description).color(style::MUTED));
            if let Some(after) = v.view.choices.switched.get(state.design) {
                switch_preview(ui, v, after);
            }
            let refusal = v.view.choices.designs.get(state.design).cloned().flatten();
            let button = ui
                .add_enabled(refusal.is_none(), egui::Button::new("Use this design"))
                .on_hover_text(
                    "Reorganise into this design. During a round it takes effect when the next round starts; \
                     between rounds at once. Work in progress carries over.",
                )
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
    egui::CollapsingHeader::new(RichText::new("People").strong())
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Unit, ★ boundary spanner, what they do now").color(style::MUTED));
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
                        let name = RichText::new(&worker.name)
                            .strong()
                            .color(style::color32(wv.unit as usize));
                        ui.label(if v.focus == Some(w) {
                            name.background_color(egui::Color32::from_gray(90)).underline()
                        } else {
                            name
                        })
                        .on_hover_text(format!("Skills: {}", skills.join(", ")));
                        let mut unit = wv.unit as usize;
                        egui::ComboBox::from_id_salt(("unit", w))
                            .selected_text(v.org.units.get(unit).map_or("?", |u| u.name.as_str()))
                            .show_ui(ui, |ui| {
                                for (u, unit_rt) in v.org.units.iter().enumerate() {
                                    let refusal = v.view.choices.moves.get(w).and_then(|m| m.get(u)).cloned().flatten();
                                    let shown = ui.add_enabled_ui(refusal.is_none() || u == unit, |ui| {
                                        ui.selectable_value(&mut unit, u, &unit_rt.name)
                                    });
                                    if let Some(why) = refusal {
                                        shown.inner.on_disabled_hover_text(why);
                                    }
                                }
                            })
                            .response
                            .on_hover_text(
                                "Move this person to another unit. They finish the task in hand first.",
                            );
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
                            .on_hover_text(spanner_help(v.model))
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
                        ui.label(RichText::new(wv.activity.describe(v.model, super::lang(ui))).color(style::MUTED));
                        ui.end_row();
                    }
                });
        });
}

/// What a boundary spanner does and costs, in the scenario's numbers.
fn spanner_help(model: &crate::scenario::Model) -> String {
    let (every, duration) = model.coordination.spanning;
    format!(
        "Boundary spanner: answers any unit's questions and, while at work, makes handoffs into and out of \
         their own unit smoother (as the scenario sets). Costs {:.0} of every {:.0} min spent spanning, away \
         from tasks.",
        duration.minutes(),
        every.minutes()
    )
}

/// The team's practices: stand-ups, the shared board, helping, queue priority and WIP limits.
fn practices_section(
    ui: &mut egui::Ui,
    v: &TeamPanelView,
    state: &mut TeamPanelState,
    actions: &mut Vec<UiAction>,
) {
    egui::CollapsingHeader::new(RichText::new("Practices").strong())
        .default_open(true)
        .show(ui, |ui| {
            standup(ui, v, state, actions);
            let mut board = v.org.practices.shared_board;
            if ui
                .checkbox(&mut board, "Shared board")
                .on_hover_text(format!(
                    "Everyone sees every order's status: handoffs wait less and raise fewer questions. \
                     Keeping it up to date adds {:.1} min to every task.",
                    v.model.coordination.board_upkeep.minutes()
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
    let mut on = v.org.practices.standup.is_some();
    ui.horizontal(|ui| {
        if ui
            .checkbox(&mut on, "Stand-up meetings")
            .on_hover_text(format!(
                "Regular short meetings: people join when they finish their task. They cost working \
                 time but improve handoffs as the scenario sets; the effect fades to nothing over {:.0} \
                 min after each.",
                v.model.coordination.standup_fade.minutes()
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
        ui.label("every");
        ui.add(
            egui::DragValue::new(&mut state.standup_every)
                .range(30.0..=480.0)
                .suffix(" min"),
        );
        ui.label("for");
        ui.add(
            egui::DragValue::new(&mut state.standup_minutes)
                .range(5.0..=30.0)
                .suffix(" min"),
        );
        ui.checkbox(&mut state.standup_factory, "whole factory")
            .on_hover_text("Unchecked: each unit meets on its own");
    });
}

/// Who may take a task, and in which order queued tasks are taken.
fn helping_and_priority(ui: &mut egui::Ui, v: &TeamPanelView, actions: &mut Vec<UiAction>) {
    let p = &v.org.practices;
    ui.horizontal(|ui| {
        ui.label("Helping:");
        for (h, label, tip) in [
            (Helping::None, "none", "Specialists only do their own speciality in their own unit."),
            (Helping::OwnUnit, "own unit", "Anyone in the unit with the skill takes the unit's tasks."),
            (
                Helping::Anyone,
                "anyone",
                "Idle people also take other units' tasks they have the skill for, once those have waited a while.",
            ),
        ] {
            let refusal = v.view.choices.helping[h as usize].clone().filter(|_| p.helping != h);
            let clicked = ui
                .add_enabled_ui(refusal.is_none(), |ui| {
                    ui.selectable_label(p.helping == h, label).on_hover_text(tip)
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
        ui.label("Queues:");
        for (pr, label, tip) in [
            (
                Priority::Fifo,
                "first come",
                "Tasks are taken in the order they arrived.",
            ),
            (
                Priority::EarliestDue,
                "earliest due",
                "The task of the order due first is taken first.",
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
    ui.label("WIP limits (orders allowed in a step at once):")
        .on_hover_text("Orders wait outside a step that is full: less work piles up inside.");
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
            ui.checkbox(&mut on, &step.name);
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
    egui::CollapsingHeader::new(RichText::new("Rush offers").strong().color(style::ALERT))
        .default_open(true)
        .show(ui, |ui| {
            for o in &v.view.offers {
                let product = v
                    .model
                    .products
                    .get(o.product as usize)
                    .map_or("?", |p| p.name.as_str());
                ui.label(
                    RichText::new(format!(
                        "{} x {} at {:.0} each, due {}",
                        o.quantity,
                        product,
                        o.price,
                        due_text(o.due, v.round, v.round_start, v.model.round_len.minutes())
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
                        Some(s) => format!("{} left to answer", countdown(s)),
                        None => "The game waits for your answer".into(),
                    })
                    .color(style::WARNING),
                );
                ui.horizontal(|ui| {
                    if ui
                        .button("Accept")
                        .on_hover_text("Take the rush order")
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
                        .button("Decline")
                        .on_hover_text("Turn the rush order down")
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
    egui::CollapsingHeader::new(
        RichText::new(format!("Orders in the factory ({})", v.view.orders.len())).strong(),
    )
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
                        .map_or("?", |p| p.name.as_str());
                    let step = v
                        .model
                        .steps
                        .get(o.step as usize)
                        .map_or("?", |s| s.name.as_str());
                    let late = o.due < v.view.now;
                    ui.label(format!(
                        "#{} {product}",
                        o.id % crate::domain::event::DISRUPTION_ORDER_BASE
                    ));
                    ui.label(RichText::new(step).color(style::MUTED));
                    let minutes_left = (o.due.0 as f64 - v.view.now.0 as f64) / 60_000.0;
                    ui.label(
                        RichText::new(if late {
                            format!("late {:.0} min", -minutes_left)
                        } else {
                            format!("due in {minutes_left:.0} min")
                        })
                        .color(if late {
                            style::ALERT
                        } else {
                            egui::Color32::LIGHT_GRAY
                        }),
                    );
                    if o.expedited {
                        ui.label(RichText::new("expedited").color(style::WARNING));
                    } else if ui
                        .small_button("Expedite")
                        .on_hover_text(format!(
                            "Put this order ahead of all others in every queue (costs {:.0})",
                            v.model.expedite_cost
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
