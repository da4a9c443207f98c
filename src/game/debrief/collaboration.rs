//! Collaboration tab: handoffs between units (count and mean wait as a heat map), the tie network of people
//! (coloured by unit, edges as wide as the ties, spanners marked), the E-I index of each unit, the top
//! boundary spanners by betweenness, and questions, answers and rework by cause.

use bevy_egui::egui::{self, Color32, RichText, Sense, Stroke};
use egui_graphs::{
    DefaultEdgeShape, DefaultNodeShape, Graph, GraphView, SettingsInteraction, SettingsNavigation,
    SettingsStyle,
};
use petgraph::Undirected;
use petgraph::stable_graph::StableGraph;
use serde::{Deserialize, Serialize};

use super::{caption, team_picker};
use crate::debrief::Debrief;
use crate::debrief::charts::network_layout;
use crate::game::ui::{lang, style};
use crate::i18n::{Lang, decimal, signed};
use crate::t;

/// The tie network as egui_graphs draws it.
pub type TieGraph = Graph<(), u32, Undirected, u32, DefaultNodeShape, DefaultEdgeShape>;

/// Layout state of the fixed layout (nothing to remember).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct FixedState;
impl egui_graphs::LayoutState for FixedState {}

/// A layout that keeps the positions the graph was built with (units in sectors of a circle).
#[derive(Debug, Default)]
pub struct Fixed;

impl egui_graphs::Layout<FixedState> for Fixed {
    fn from_state(_: FixedState) -> impl egui_graphs::Layout<FixedState> {
        Fixed
    }
    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _: &mut Graph<N, E, Ty, Ix, Dn, De>, _: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: egui_graphs::DisplayNode<N, E, Ty, Ix>,
        De: egui_graphs::DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }
    fn state(&self) -> FixedState {
        FixedState
    }
}

#[derive(Default)]
pub struct CollaborationState {
    pub team: usize,
    /// The tie network of a team in a language, built when either changes.
    graph: Option<(usize, Lang, TieGraph)>,
}

/// Builds the tie network of a team: people on a circle grouped by unit, named in `l`.
pub fn tie_graph(d: &Debrief, t: usize, l: Lang) -> TieGraph {
    let team = &d.teams[t];
    let workers = d.tables.workers.len();
    let pos = network_layout(team, workers);
    let mut sg: StableGraph<(), u32, Undirected, u32> = StableGraph::default();
    let nodes: Vec<_> = (0..workers).map(|_| sg.add_node(())).collect();
    for (&(a, b), &w) in &team.details.ties.pairs {
        sg.add_edge(nodes[a as usize], nodes[b as usize], w);
    }
    let mut g = TieGraph::from(&sg);
    let max = team.details.max_ties() as f32;
    for (w, &n) in nodes.iter().enumerate() {
        let unit = team.details.unit_index(w);
        let spanner = team.details.spanners.contains(&(w as u16));
        if let Some(node) = g.node_mut(n) {
            // The label's size follows the node's against the spread (egui_graphs sizes it by the radius):
            // a tight circle of large nodes reads from the back of a room.
            node.set_location(egui::pos2(
                pos[w].0 as f32 * 150.0,
                -pos[w].1 as f32 * 150.0,
            ));
            node.set_color(style::color32(unit));
            node.set_label(format!(
                "{}{}",
                d.say(l, d.tables.worker_name(w)),
                if spanner { " ★" } else { "" }
            ));
            node.display_mut().radius = if spanner { 18.0 } else { 14.0 };
        }
    }
    let edges: Vec<_> = g.g().edge_indices().collect();
    for e in edges {
        if let Some(edge) = g.edge_mut(e) {
            let w = *edge.payload() as f32;
            edge.set_label(String::new());
            edge.display_mut().width = 1.0 + 7.0 * w / max;
        }
    }
    g
}

pub fn ui(ui: &mut egui::Ui, d: &Debrief, state: &mut CollaborationState) {
    team_picker(ui, d, &mut state.team, "collab_team");
    let Some(team) = d.teams.get(state.team) else {
        return;
    };
    let details = &team.details;
    let l = lang(ui);
    ui.columns(2, |cols| {
        let ui = &mut cols[0];
        ui.heading(t!(l, "collab-handoffs"));
        caption(ui, &t!(l, "collab-handoffs-caption"));
        heat_map(ui, d, state.team, l);
        ui.add_space(8.0);
        ui.heading(t!(l, "collab-ei"));
        caption(ui, &t!(l, "collab-ei-caption"));
        ei_grid(ui, d, details, l);
        ui.add_space(8.0);
        ui.heading(t!(l, "collab-questions"));
        caption(ui, &t!(l, "collab-questions-caption"));
        ui.label(t!(
            l,
            "collab-questions-count",
            asked = details.questions,
            answered = details.answers
        ));
        for (cause, n) in &details.rework_causes {
            ui.label(t!(
                l,
                "collab-rework-after",
                cause = rework_cause(l, cause),
                count = *n
            ));
        }
        if details.rework_causes.is_empty() {
            ui.label(RichText::new(t!(l, "collab-no-rework")).color(style::MUTED));
        }

        let ui = &mut cols[1];
        ui.heading(t!(l, "collab-network"));
        caption(ui, &t!(l, "collab-network-caption"));
        if state
            .graph
            .as_ref()
            .is_none_or(|(t, gl, _)| *t != state.team || *gl != l)
        {
            state.graph = Some((state.team, l, tie_graph(d, state.team, l)));
        }
        if let Some((_, _, g)) = state.graph.as_mut() {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(ui.available_width(), 420.0), Sense::hover());
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
            GraphView::<FixedState, Fixed>::new()
                .with_id(Some(format!("ties{}", state.team)))
                .with_interactions(&SettingsInteraction::new())
                .with_navigations(&SettingsNavigation::new().with_fit_to_screen_enabled(true))
                .with_styles(&SettingsStyle::new().with_labels_always(true))
                .show(&mut child, g);
        }
        ui.heading(t!(l, "collab-spanners"));
        caption(ui, &t!(l, "collab-spanners-caption"));
        let b = details.ties.betweenness(d.tables.workers.len());
        let mut ranked: Vec<(usize, f64)> = b
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, v)| *v > 0.0)
            .collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        for (w, v) in ranked.iter().take(5) {
            let unit = details.worker_unit.get(*w).cloned().unwrap_or_default();
            ui.label(format!(
                "{} ({}): {}",
                d.say(l, d.tables.worker_name(*w)),
                d.say(l, details.unit_name(&unit)),
                decimal(l, *v, 2)
            ));
        }
    });
}

/// A cause of rework as the collector names it ("miscommunication", "process defect", "spec change") in `l`.
pub fn rework_cause(l: Lang, cause: &str) -> String {
    match cause {
        "miscommunication" => t!(l, "cause-miscommunication"),
        "process defect" => t!(l, "cause-process"),
        "spec change" => t!(l, "cause-spec-change"),
        other => other.to_string(),
    }
}

/// Each unit's E-I index as a bar with the design's forced value as a tick, and the figures beside.
fn ei_grid(
    ui: &mut egui::Ui,
    d: &Debrief,
    details: &crate::metrics::collector::TeamDetails,
    l: Lang,
) {
    let ei = details.ties.ei_units();
    let signed = |x: Option<f64>| signed(l, x, 2);
    egui::Grid::new("ei").num_columns(5).show(ui, |ui| {
        for h in [
            String::new(),
            String::new(),
            t!(l, "collab-actual"),
            t!(l, "collab-forced"),
            t!(l, "collab-beyond"),
        ] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (u, unit) in details.units.iter().enumerate() {
            let Some(x) = ei.iter().find(|x| &x.unit == unit) else {
                continue;
            };
            let Some(v) = x.actual else { continue };
            ui.label(RichText::new(d.say(l, details.unit_name(unit))).color(style::color32(u)));
            let (rect, _) = ui.allocate_exact_size(egui::vec2(160.0, 14.0), Sense::hover());
            let at = |v: f64| rect.center().x + (v as f32) * rect.width() / 2.0;
            let (mid, end) = (at(0.0), at(v));
            ui.painter().rect_filled(
                egui::Rect::from_x_y_ranges(mid.min(end)..=mid.max(end), rect.y_range()),
                2.0,
                style::color32(u),
            );
            ui.painter()
                .vline(mid, rect.y_range(), Stroke::new(1.0, Color32::GRAY));
            if let Some(f) = x.forced {
                ui.painter().vline(
                    at(f),
                    rect.y_range().expand(3.0),
                    Stroke::new(2.5, Color32::BLACK),
                );
            }
            ui.label(signed(Some(v)));
            ui.label(signed(x.forced));
            ui.label(signed(x.beyond));
            ui.end_row();
        }
    });
}

fn heat_map(ui: &mut egui::Ui, d: &Debrief, t: usize, l: Lang) {
    let details = &d.teams[t].details;
    let units = &details.units;
    let max = details
        .handoffs
        .iter()
        .map(|h| h.count)
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    egui::Grid::new(("heat", t))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            ui.label(RichText::new(t!(l, "collab-from-to")).color(style::MUTED));
            for (u, unit) in units.iter().enumerate() {
                ui.label(
                    RichText::new(d.say(l, details.unit_name(unit)))
                        .small()
                        .color(style::color32(u)),
                );
            }
            ui.end_row();
            for (i, from) in units.iter().enumerate() {
                ui.label(RichText::new(d.say(l, details.unit_name(from))).color(style::color32(i)));
                for to in units {
                    let cell = details
                        .handoffs
                        .iter()
                        .find(|h| h.from == *from && h.to == *to);
                    let (rect, resp) =
                        ui.allocate_exact_size(egui::vec2(58.0, 32.0), Sense::hover());
                    let heat = cell.map_or(0.0, |c| c.count as f32 / max);
                    ui.painter().rect_filled(
                        rect,
                        2.0,
                        Color32::from_rgb(40 + (200.0 * heat) as u8, 40 + (60.0 * heat) as u8, 45),
                    );
                    if let Some(c) = cell {
                        ui.painter().text(
                            rect.center(),
                            egui::Align2::CENTER_CENTER,
                            format!(
                                "{}\n{}",
                                c.count,
                                c.wait_mean_min.map_or("-".into(), |w| format!("{w:.0}m"))
                            ),
                            egui::FontId::proportional(11.0),
                            Color32::WHITE,
                        );
                        resp.on_hover_text(t!(
                            l,
                            "collab-cell",
                            from = d.say(l, details.unit_name(from)),
                            to = d.say(l, details.unit_name(to)),
                            count = c.count,
                            wait = c.wait_mean_min.map_or("-".into(), |w| t!(
                                l,
                                "minutes-short",
                                minutes = decimal(l, w, 1)
                            ))
                        ));
                    }
                }
                ui.end_row();
            }
        });
}
