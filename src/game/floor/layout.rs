//! Where things go on the floor: one column per step along the flow of work, the units' home zones and the
//! away zone below them, computed from the scenario and the unit count.

use bevy::prelude::*;

/// Size of the floor in world units.
pub const WIDTH: f32 = 1500.0;
pub const HEIGHT: f32 = 850.0;

pub(super) const TITLE_Y: f32 = 405.0;
pub(super) const HEADER_Y: f32 = 340.0;
pub(super) const ARROW_Y: f32 = 300.0;
pub(super) const STATION_Y: f32 = 262.0;
pub(super) const WORK_Y: f32 = 196.0;
pub(super) const QUEUE_TOP: f32 = 134.0;
pub(super) const STATUS_Y: f32 = -40.0;
pub(super) const ZONE_TOP: f32 = -85.0;
pub(super) const ZONE_BOTTOM: f32 = -335.0;
pub(super) const LEGEND_Y: f32 = -365.0;
pub(super) const CAKES_PER_ROW: usize = 5;
pub(super) const CAKE_ROWS: usize = 6;
pub(super) const CAKE_R: f32 = 12.0;
pub(super) const WORKER_R: f32 = 24.0;
pub(super) const STATION_SIZE: f32 = 40.0;
pub(super) const COLUMN_TOP: f32 = 375.0;
pub(super) const COLUMN_BOTTOM: f32 = -70.0;
pub(super) const STATION_FREE: Color = Color::srgb(0.62, 0.64, 0.70);
pub(super) const STATION_BROKEN: Color = Color::srgb(0.75, 0.15, 0.15);
pub(super) const STANDARD_CAKE: Color = Color::srgb(0.96, 0.87, 0.70);
pub(super) const CUSTOM_CAKE: Color = Color::srgb(0.98, 0.55, 0.78);
pub(super) const LATE_CAKE: Color = Color::srgb(0.95, 0.30, 0.25);
pub(super) const BLOCKED_CAKE: Color = Color::srgb(0.45, 0.45, 0.50);
pub(super) const HANDOFF_ARROW: Color = Color::srgb(1.0, 0.65, 0.2);
pub(super) const WHITE: Color = Color::srgb(0.93, 0.93, 0.95);
pub(super) const MUTED: Color = Color::srgb(0.60, 0.62, 0.68);
/// Real seconds a handoff or defect mark stays on screen.
pub(super) const MARK_SECS: f32 = 1.6;

/// How much larger than at the default text size the floor's labels and people are drawn: they follow the
/// text size the facilitator chose for the room, within what the floor's columns hold.
pub fn label_scale(text_size: f32) -> f32 {
    (text_size / crate::game::ui::style::DEFAULT_SCALE).clamp(0.85, 1.35)
}

/// Where things go on the floor, computed from the scenario and the unit count.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub column_x: Vec<f32>,
    pub column_width: f32,
    /// (left, right) of each unit's home zone, and of the away zone last.
    pub zones: Vec<(f32, f32)>,
    /// How much larger than their base size people are drawn (they follow the text size).
    pub figure: f32,
}

impl Layout {
    /// The places for `steps` columns and `units` home zones, with people drawn `figure` times their base
    /// size.
    pub fn new(steps: usize, units: usize, figure: f32) -> Layout {
        let column_width = WIDTH / steps.max(1) as f32;
        let column_x = (0..steps)
            .map(|i| -WIDTH / 2.0 + column_width * (i as f32 + 0.5))
            .collect();
        let n = units + 1;
        let gap = 12.0;
        let zone_w = (WIDTH - gap * (n as f32 - 1.0)) / n as f32;
        let zones = (0..n)
            .map(|i| {
                let left = -WIDTH / 2.0 + i as f32 * (zone_w + gap);
                (left, left + zone_w)
            })
            .collect();
        Layout {
            column_x,
            column_width,
            zones,
            figure,
        }
    }

    /// The distance between two cakes in a queue: their base spacing at the figure's scale, as far as a
    /// column's width allows.
    fn cake_step(&self) -> f32 {
        CAKE_R * 2.6 * self.figure
    }

    /// Cakes in a row of a column's queue, and rows, at this scale (at most [`CAKES_PER_ROW`] x
    /// [`CAKE_ROWS`]); the queue stays between the work row and the status line.
    pub fn cake_grid(&self) -> (usize, usize) {
        let step = self.cake_step();
        let per_row = ((self.column_width - 6.0) / step).floor().max(1.0) as usize;
        let rows =
            ((QUEUE_TOP - CAKE_R * self.figure - (STATUS_Y + 10.0)) / step).floor() as usize + 1;
        (per_row.min(CAKES_PER_ROW), rows.clamp(1, CAKE_ROWS))
    }

    /// How many waiting cakes a column shows (the rest are counted in its status line).
    pub fn cake_slots(&self) -> usize {
        let (per_row, rows) = self.cake_grid();
        per_row * rows
    }

    /// Position of the `i`th cake in a column's queue.
    pub fn cake(&self, column: usize, i: usize) -> Vec2 {
        let (per_row, _) = self.cake_grid();
        let step = self.cake_step();
        let x0 = self.column_x[column] - (per_row as f32 - 1.0) / 2.0 * step;
        Vec2::new(
            x0 + (i % per_row) as f32 * step,
            QUEUE_TOP - (i / per_row) as f32 * step,
        )
    }

    /// Side of a station unit's square when a column shows `count` of them.
    pub fn station_size(&self, count: usize) -> f32 {
        (self.column_width / count.max(1) as f32 - 5.0).clamp(8.0, STATION_SIZE * self.figure)
    }

    /// Position of the `k`th station unit of a column.
    pub fn station(&self, column: usize, k: usize, count: usize) -> Vec2 {
        let spacing = self.station_size(count) + 5.0;
        Vec2::new(
            self.column_x[column] + (k as f32 - (count as f32 - 1.0) / 2.0) * spacing,
            STATION_Y,
        )
    }

    /// Position of the `k`th person working at a column.
    pub fn at_work(&self, column: usize, k: usize, count: usize) -> Vec2 {
        let spacing = (WORKER_R * 2.3 * self.figure).min(self.column_width / count.max(1) as f32);
        Vec2::new(
            self.column_x[column] + (k as f32 - (count as f32 - 1.0) / 2.0) * spacing,
            WORK_Y,
        )
    }

    /// Position of the `k`th person in a home (or away) zone.
    pub fn in_zone(&self, zone: usize, k: usize) -> Vec2 {
        let (left, right) = self.zones[zone.min(self.zones.len() - 1)];
        let r = WORKER_R * self.figure;
        let per_row = (((right - left) - 20.0) / (r * 2.6)).floor().max(1.0) as usize;
        // Four rows always fit in the zone: with large figures in narrow zones they close up.
        let row_gap = (r * 3.4).min((ZONE_TOP - 80.0 - (ZONE_BOTTOM + r)) / 3.0);
        Vec2::new(
            left + 10.0 + r * 1.3 + (k % per_row) as f32 * r * 2.6,
            ZONE_TOP - 80.0 - (k / per_row) as f32 * row_gap,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_keeps_everything_on_the_floor() {
        for (steps, figure) in [(1, 1.0), (7, 1.0), (8, 1.35), (12, 0.85), (12, 1.35)] {
            for units in [1, 3, 7, 10] {
                let l = Layout::new(steps, units, figure);
                // The queue stays above the status line and within its column.
                let last = l.cake(0, l.cake_slots() - 1);
                assert!(
                    last.y - CAKE_R * figure > STATUS_Y + 10.0,
                    "{steps} {figure}"
                );
                let (per_row, _) = l.cake_grid();
                let right = l.cake(0, per_row - 1).x + CAKE_R * figure;
                assert!(
                    right <= l.column_x[0] + l.column_width / 2.0,
                    "{steps} {figure}"
                );
                assert_eq!(l.column_x.len(), steps);
                assert_eq!(l.zones.len(), units + 1);
                for c in 0..steps {
                    for i in 0..l.cake_slots() {
                        let p = l.cake(c, i);
                        assert!(p.x.abs() <= WIDTH / 2.0 && p.y.abs() <= HEIGHT / 2.0);
                    }
                    let p = l.at_work(c, 3, 5);
                    assert!(p.x.abs() <= WIDTH / 2.0);
                }
                for z in 0..=units {
                    let p = l.in_zone(z, 3);
                    assert!(p.x.abs() <= WIDTH / 2.0 && p.y > -HEIGHT / 2.0);
                }
                // Zones do not overlap.
                for w in l.zones.windows(2) {
                    assert!(w[0].1 <= w[1].0);
                }
            }
        }
    }
}
