//! The overview of all teams: a compact row of key figures and a throughput sparkline per team; clicking a
//! row puts that team's factory on screen.

use bevy_egui::egui::{self, Color32, RichText, Sense, Stroke};

use super::{UiAction, lang, money, style};
use crate::metrics::collector::Live;
use crate::t;

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

/// The smallest width and the height of a tile (points), the side of a small tile, and the gap between.
const TILE_W: f32 = 54.0;
const TILE_H: f32 = 36.0;
const MINI: f32 = 26.0;
const TILE_GAP: f32 = 3.0;

/// How the overview fits every team into `height`: cards with a sparkline, compact one-line rows, or tiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// A card per team.
    Cards,
    /// A line per team.
    Rows,
    /// A small tile per team (name, delivered, profit), as many to a row as the width holds: up to 50 teams.
    Tiles,
}

/// The roomiest way to show `teams` teams in `height` points.
pub fn fit(teams: usize, height: f32) -> Fit {
    let n = teams as f32;
    if n * CARD_H <= height {
        Fit::Cards
    } else if n * ROW_H <= height {
        Fit::Rows
    } else {
        Fit::Tiles
    }
}

/// Every team, a click selects one: cards when they fit, else a compact line each, else a tile each, so that
/// the whole session is always in view.
pub fn overview(ui: &mut egui::Ui, rows: &[TeamRow], selected: usize, actions: &mut Vec<UiAction>) {
    let l = super::lang(ui);
    ui.heading(crate::t!(l, "all-teams"));
    ui.label(RichText::new(crate::t!(l, "overview-hint")).color(style::MUTED));
    ui.add_space(4.0);
    match fit(rows.len(), ui.available_height()) {
        Fit::Cards => cards(ui, rows, selected, actions),
        Fit::Rows => {
            for (i, row) in rows.iter().enumerate() {
                compact(ui, i, row, selected, actions);
            }
        }
        Fit::Tiles => tiles(ui, rows, selected, actions),
    }
}

/// A tile per team, in rows as wide as the panel: the name, deliveries and profit; when the panel is too
/// short for those, small tiles with the team's number (or the start of its name) over a bar green for a
/// profit, red for a loss. The team on screen stands out (lit, a thick border in its colour); hovering gives
/// every figure, a click selects.
fn tiles(ui: &mut egui::Ui, rows: &[TeamRow], selected: usize, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    let width = ui.available_width();
    let height = ui.available_height();
    let layout = |min_w: f32, h: f32| {
        let per_row = ((width + TILE_GAP) / (min_w + TILE_GAP)).floor().max(1.0);
        let w = ((width + TILE_GAP) / per_row - TILE_GAP).floor();
        let lines = (rows.len() as f32 / per_row).ceil();
        (per_row as usize, w, h, lines * (h + TILE_GAP))
    };
    let full = layout(TILE_W, TILE_H);
    let (per_row, w, h, total) = if full.3 <= height {
        full
    } else {
        layout(MINI, MINI)
    };
    let mini = h < TILE_H;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let (area, _) = ui.allocate_exact_size(egui::vec2(width, total), Sense::hover());
        for (i, row) in rows.iter().enumerate() {
            let at = area.min
                + egui::vec2(
                    (i % per_row) as f32 * (w + TILE_GAP),
                    (i / per_row) as f32 * (h + TILE_GAP),
                );
            let rect = egui::Rect::from_min_size(at, egui::vec2(w, h));
            let response = ui.interact(rect, ui.id().with(("tile", i)), Sense::click());
            tile(ui, rect, i, row, i == selected, mini);
            let f = &row.live.figures;
            if response
                .on_hover_text(t!(
                    l,
                    "overview-tile-hint",
                    team = row.name.as_str(),
                    design = row.live.design.as_str(),
                    delivered = f.delivered,
                    late = f.late,
                    lost = f.lost,
                    wip = row.live.wip,
                    profit = money(f.profit())
                ))
                .clicked()
            {
                actions.push(UiAction::SelectTeam(i));
            }
        }
    });
}

/// The label of a small tile: the number of "Team 12" (or "Lag 12"), else the start of the name.
fn short_name(name: &str) -> String {
    match name.split_once(' ') {
        Some((_, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => n.to_string(),
        _ => name.chars().take(3).collect(),
    }
}

/// Paints team `i`'s tile.
fn tile(ui: &egui::Ui, rect: egui::Rect, i: usize, row: &TeamRow, on: bool, mini: bool) {
    let painter = ui.painter_at(rect);
    // The team on screen: filled with its colour, framed in white, its text white.
    let (fill, frame, text) = if on {
        (
            style::color32(i).gamma_multiply(0.7),
            Stroke::new(2.5, Color32::WHITE),
            Color32::WHITE,
        )
    } else {
        (
            Color32::from_gray(35),
            Stroke::new(1.0, style::color32(i)),
            style::color32(i),
        )
    };
    painter.rect_filled(rect, 3.0, fill);
    painter.rect_stroke(
        rect.shrink(frame.width / 2.0),
        3.0,
        frame,
        egui::StrokeKind::Inside,
    );
    let profit = row.live.figures.profit();
    let money_color = if profit < 0.0 {
        style::ALERT
    } else {
        style::GOOD
    };
    if mini {
        painter.text(
            rect.center() - egui::vec2(0.0, 2.0),
            egui::Align2::CENTER_CENTER,
            short_name(&row.name),
            egui::FontId::proportional(12.0),
            text,
        );
        let bar = egui::Rect::from_min_max(
            rect.left_bottom() + egui::vec2(3.0, -5.0),
            rect.right_bottom() + egui::vec2(-3.0, -2.0),
        );
        painter.rect_filled(bar, 1.0, money_color);
        return;
    }
    let font = egui::FontId::proportional(10.0);
    painter.text(
        rect.left_top() + egui::vec2(4.0, 3.0),
        egui::Align2::LEFT_TOP,
        &row.name,
        egui::FontId::proportional(12.0),
        text,
    );
    painter.text(
        rect.left_bottom() + egui::vec2(4.0, -3.0),
        egui::Align2::LEFT_BOTTOM,
        format!("✔{}", row.live.figures.delivered),
        font.clone(),
        Color32::LIGHT_GRAY,
    );
    painter.text(
        rect.right_bottom() + egui::vec2(-4.0, -3.0),
        egui::Align2::RIGHT_BOTTOM,
        short_money(profit),
        font,
        money_color,
    );
}

/// Money in a tile's width: "-12k", "1.2k", "-850".
fn short_money(x: f64) -> String {
    if x.abs() >= 9999.5 {
        format!("{:.0}k", x / 1000.0)
    } else if x.abs() >= 999.5 {
        format!("{:.1}k", x / 1000.0)
    } else {
        format!("{x:.0}")
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
        .on_hover_text(t!(
            lang(ui),
            "overview-row-hint",
            team = row.name.as_str(),
            design = row.live.design.as_str()
        ))
        .clicked()
    {
        actions.push(UiAction::SelectTeam(i));
    }
    ui.add_space(1.0);
}

/// A card per team: figures and a throughput sparkline.
fn cards(ui: &mut egui::Ui, rows: &[TeamRow], selected: usize, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
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
                        .on_hover_text(t!(l, "overview-delivered"));
                    ui.label(
                        RichText::new(format!("⏰ {}", f.late)).color(if f.late > 0 {
                            style::WARNING
                        } else {
                            Color32::LIGHT_GRAY
                        }),
                    )
                    .on_hover_text(t!(l, "overview-late"));
                    ui.label(format!("✖ {}", f.lost))
                        .on_hover_text(t!(l, "overview-lost"));
                    ui.label(t!(l, "overview-wip-short", wip = row.live.wip))
                        .on_hover_text(t!(l, "overview-wip"));
                    ui.label(RichText::new(money(profit)).color(if profit < 0.0 {
                        style::ALERT
                    } else {
                        style::GOOD
                    }))
                    .on_hover_text(t!(l, "overview-profit"));
                });
                sparkline(ui, &row.buckets, style::color32(i));
            })
            .response
            .interact(Sense::click());
        if response
            .on_hover_text(t!(l, "overview-sparkline"))
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

    /// `n` teams with a long design name and a loss of five figures: the widest rows there are.
    fn team_rows(n: u64) -> Vec<TeamRow> {
        (0..n)
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
            .collect()
    }

    #[test]
    fn the_overview_holds_twelve_teams_on_both_projectors() {
        let rows = team_rows(12);
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
        assert_eq!(fit(12, 250.0), Fit::Tiles);
        assert_eq!(fit(50, 500.0), Fit::Tiles);
    }

    #[test]
    fn the_overview_holds_fifty_teams_on_both_projectors() {
        let rows = team_rows(50);
        for p in crate::game::ui::testing::PROJECTORS {
            let problems = crate::game::ui::testing::layout_problems(p, 230.0, |ui| {
                overview(ui, &rows, 37, &mut Vec::new());
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
        let shown = crate::game::ui::testing::texts(|ui| overview(ui, &rows, 0, &mut Vec::new()));
        for i in 1..=50 {
            let (long, short) = (format!("Team {i}"), i.to_string());
            assert!(
                shown.iter().any(|t| *t == long || *t == short),
                "Team {i} missing: {shown:?}"
            );
        }
        // A short panel: small numbered tiles, every team still there.
        let small = crate::game::ui::testing::texts(|ui| {
            ui.allocate_ui(egui::vec2(150.0, 300.0), |ui| {
                overview(ui, &rows, 0, &mut Vec::new());
            });
        });
        for i in 1..=50 {
            assert!(
                small.iter().any(|t| *t == i.to_string()),
                "tile {i} missing: {small:?}"
            );
        }
        assert_eq!(short_name("Team 12"), "12");
        assert_eq!(short_name("Blue"), "Blu");
    }
}
