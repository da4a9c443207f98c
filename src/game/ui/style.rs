//! Colours and sizes shared by the floor and the panels, chosen to read well on a projector.

use bevy::prelude::Color;
use bevy_egui::egui::Color32;

/// The floor's background.
pub const BACKGROUND: Color = Color::srgb(0.11, 0.12, 0.15);

/// Default UI scale: large enough for the back of a room with a 1080p projector.
pub const DEFAULT_SCALE: f32 = 1.4;

/// Distinct, colour-blind-friendly colours (Okabe-Ito and Tol) for units and teams.
const PALETTE: [(u8, u8, u8); 10] = [
    (0, 114, 178),   // blue
    (230, 159, 0),   // orange
    (0, 158, 115),   // green
    (204, 121, 167), // pink
    (86, 180, 233),  // sky
    (213, 94, 0),    // vermillion
    (240, 228, 66),  // yellow
    (170, 68, 153),  // purple
    (68, 170, 153),  // teal
    (187, 187, 187), // grey
];

/// The colour of unit (or team) `i`.
pub fn palette(i: usize) -> (u8, u8, u8) {
    PALETTE[i % PALETTE.len()]
}

pub fn color(i: usize) -> Color {
    let (r, g, b) = palette(i);
    Color::srgb_u8(r, g, b)
}

pub fn color32(i: usize) -> Color32 {
    let (r, g, b) = palette(i);
    Color32::from_rgb(r, g, b)
}

pub const ALERT: Color32 = Color32::from_rgb(240, 90, 80);
pub const WARNING: Color32 = Color32::from_rgb(240, 190, 60);
pub const GOOD: Color32 = Color32::from_rgb(110, 200, 120);
pub const MUTED: Color32 = Color32::from_rgb(150, 155, 165);
