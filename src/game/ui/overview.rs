//! The overview of all teams: a compact row of key figures and a throughput sparkline per team; clicking a
//! row puts that team's factory on screen.

use bevy_egui::egui::{self, Color32, RichText, Sense, Stroke};

use super::{UiAction, money, style};
use crate::metrics::collector::Live;

/// One team's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    /// The team's name.
    pub name: String,
    /// Its design now, its figures so far and its work in progress (from the metrics collector).
    pub live: Live,
    /// Deliveries per half hour since the session started.
    pub buckets: Vec<u32>,
}

/// The height of a team's card, and of a compact row (points).
const CARD_H: f32 = 92.0;
const ROW_H: f32 = 26.0;

/// How the overview fits every team into `height`: cards with a sparkline, compact one-line rows, or compact
/// rows in two columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// A card per team.
    Cards,
    /// A line per team.
    Rows,
    /// A line per team, two columns.
    TwoColumns,
}

/// The roomiest way to show `teams` teams in `height` points.
pub fn fit(teams: usize, height: f32) -> Fit {
    let n = teams as f32;
    if n * CARD_H <= height {
        Fit::Cards
    } else if n * ROW_H <= height {
        Fit::Rows
    } else {
        Fit::TwoColumns
    }
}

/// Every team, a click selects one: cards when they fit, else a compact line each (in two columns if need
/// be), so that the whole session is always in view.
pub fn overview(ui: &mut egui::Ui, rows: &[TeamRow], selected: usize, actions: &mut Vec<UiAction>) {
    ui.heading("All teams");
    ui.label(RichText::new("Click a team or press Tab").color(style::MUTED));
    ui.add_space(4.0);
    match fit(rows.len(), ui.available_height()) {
        Fit::Cards => cards(ui, rows, selected, actions),
        Fit::Rows => {
            for (i, row) in rows.iter().enumerate() {
                compact(ui, i, row, selected, actions);
            }
        }
        Fit::TwoColumns => {
            let half = rows.len().div_ceil(2);
            ui.columns(2, |cols| {
                for (i, row) in rows.iter().enumerate() {
                    compact(&mut cols[i / half], i, row, selected, actions);
                }
            });
        }
    }
}

/// One team on one line: name, delivered, late and profit; a click selects it.
fn compact(
    ui: &mut egui::Ui,
    i: usize,
    row: &TeamRow,
    selected: usize,
    actions: &mut Vec<UiAction>,
) {
    let f = &row.live.figures;
    let profit = f.profit();
    let response = egui::Frame::new()
        .fill(if i == selected {
            Color32::from_gray(60)
        } else {
            Color32::from_gray(35)
        })
        .stroke(Stroke::new(
            if i == selected { 2.0 } else { 0.0 },
            style::color32(i),
        ))
        .inner_margin(egui::Margin::symmetric(4, 1))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&row.name).strong().color(style::color32(i)));
                ui.label(format!("✔{}", f.delivered));
                ui.label(RichText::new(format!("⏰{}", f.late)).color(if f.late > 0 {
                    style::WARNING
                } else {
                    Color32::LIGHT_GRAY
                }));
                ui.label(RichText::new(money(profit)).color(if profit < 0.0 {
                    style::ALERT
                } else {
                    style::GOOD
                }));
            });
        })
        .response
        .interact(Sense::click());
    if response
        .on_hover_text(format!(
            "{}: {}; delivered, late, profit so far; click to watch this team",
            row.name, row.live.design
        ))
        .clicked()
    {
        actions.push(UiAction::SelectTeam(i));
    }
    ui.add_space(1.0);
}

/// A card per team: figures and a throughput sparkline.
fn cards(ui: &mut egui::Ui, rows: &[TeamRow], selected: usize, actions: &mut Vec<UiAction>) {
    for (i, row) in rows.iter().enumerate() {
        let is_selected = i == selected;
        let frame = egui::Frame::new()
            .fill(if is_selected {
                Color32::from_gray(60)
            } else {
                Color32::from_gray(35)
            })
            .stroke(Stroke::new(
                if is_selected { 3.0 } else { 1.0 },
                style::color32(i),
            ))
            .inner_margin(egui::Margin::same(6))
            .corner_radius(4.0);
        let f = &row.live.figures;
        let profit = f.profit();
        let response = frame
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new(&row.name)
                            .strong()
                            .size(17.0)
                            .color(style::color32(i)),
                    );
                    ui.label(
                        RichText::new(&row.live.design)
                            .size(12.0)
                            .color(style::MUTED),
                    );
                });
                ui.horizontal(|ui| {
                    ui.label(format!("✔ {}", f.delivered))
                        .on_hover_text("Delivered");
                    ui.label(
                        RichText::new(format!("⏰ {}", f.late)).color(if f.late > 0 {
                            style::WARNING
                        } else {
                            Color32::LIGHT_GRAY
                        }),
                    )
                    .on_hover_text("Delivered late");
                    ui.label(format!("✖ {}", f.lost))
                        .on_hover_text("Lost (customer cancelled)");
                    ui.label(format!("WIP {}", row.live.wip))
                        .on_hover_text("Orders in the factory now");
                    ui.label(RichText::new(money(profit)).color(if profit < 0.0 {
                        style::ALERT
                    } else {
                        style::GOOD
                    }))
                    .on_hover_text("Profit so far");
                });
                sparkline(ui, &row.buckets, style::color32(i));
            })
            .response
            .interact(Sense::click());
        if response
            .on_hover_text(
                "Deliveries per half hour since the start (sparkline); click to watch this team",
            )
            .clicked()
        {
            actions.push(UiAction::SelectTeam(i));
        }
        ui.add_space(3.0);
    }
}

/// A small line chart of the values, scaled to the largest.
pub fn sparkline(ui: &mut egui::Ui, values: &[u32], color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 20.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, Color32::from_gray(25));
    let shown: &[u32] = if values.len() > 64 {
        &values[values.len() - 64..]
    } else {
        values
    };
    if shown.len() < 2 {
        return;
    }
    let max =
        f32::from(u16::try_from(*shown.iter().max().unwrap_or(&1)).unwrap_or(u16::MAX)).max(1.0);
    let step = rect.width() / (shown.len() - 1) as f32;
    let points: Vec<egui::Pos2> = shown
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let y = rect.bottom() - 2.0 - (rect.height() - 4.0) * (*v as f32 / max);
            egui::pos2(rect.left() + i as f32 * step, y)
        })
        .collect();
    painter.add(egui::Shape::line(points, Stroke::new(1.8, color)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn lists_every_team() {
        let rows: Vec<TeamRow> = (0..12)
            .map(|i| TeamRow {
                name: format!("Team {}", i + 1),
                live: Live {
                    design: "functional".into(),
                    figures: crate::metrics::collector::Figures {
                        delivered: i,
                        costs: 5.0,
                        ..Default::default()
                    },
                    wip: 3,
                },
                buckets: vec![1, 2, 3],
            })
            .collect();
        let t = texts(|ui| {
            egui::ScrollArea::vertical().show(ui, |ui| overview(ui, &rows, 3, &mut Vec::new()));
        });
        assert!(shows(&t, "Team 1"));
        assert!(shows(&t, "All teams"));
        // In a panel of a 720p window, every team is named.
        let t = texts(|ui| {
            ui.allocate_ui(egui::vec2(230.0, 420.0), |ui| {
                overview(ui, &rows, 3, &mut Vec::new());
            });
        });
        for i in 1..=12 {
            assert!(
                t.iter().any(|x| x == &format!("Team {i}")),
                "Team {i}: {t:?}"
            );
        }
    }

    #[test]
    fn the_overview_holds_twelve_teams_on_both_projectors() {
        let rows: Vec<TeamRow> = (0..12)
            .map(|i| TeamRow {
                name: format!("Team {}", i + 1),
                live: Live {
                    design: "Departments with boundary spanners".into(),
                    figures: crate::metrics::collector::Figures {
                        delivered: 40 + i,
                        late: 12,
                        costs: 12_345.0,
                        ..Default::default()
                    },
                    wip: 23,
                },
                buckets: vec![1, 2, 3],
            })
            .collect();
        for p in crate::game::ui::testing::PROJECTORS {
            let problems = crate::game::ui::testing::layout_problems(p, 230.0, |ui| {
                overview(ui, &rows, 3, &mut Vec::new());
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
    }

    #[test]
    fn the_overview_fits_every_team() {
        assert_eq!(fit(4, 600.0), Fit::Cards);
        assert_eq!(fit(8, 600.0), Fit::Rows);
        assert_eq!(fit(12, 250.0), Fit::TwoColumns);
    }
}
