//! Colours and sizes shared by the floor and the panels, chosen to read well on a projector.

use bevy::prelude::Color;
use bevy_egui::egui::Color32;

/// The floor's background.
pub const BACKGROUND: Color = Color::srgb(0.11, 0.12, 0.15);

/// Default UI scale: large enough for the back of a room with a 1080p projector.
pub const DEFAULT_SCALE: f32 = 1.4;

/// The text sizes (UI scale) the lobby, the menu and `--scale` allow: from a laptop to the back of a hall.
pub const SCALES: std::ops::RangeInclusive<f32> = 0.8..=2.5;

/// A UI scale brought within [`SCALES`].
pub fn clamp_scale(scale: f32) -> f32 {
    scale.clamp(*SCALES.start(), *SCALES.end())
}

/// The colour of unit (or team) `i`.
pub fn palette(i: usize) -> (u8, u8, u8) {
    crate::palette::rgb(i)
}

pub fn color(i: usize) -> Color {
    let (r, g, b) = palette(i);
    Color::srgb_u8(r, g, b)
}

pub fn color32(i: usize) -> Color32 {
    let (r, g, b) = palette(i);
    Color32::from_rgb(r, g, b)
}

/// The colour of disruption `i` in charts: warm colours, each disruption its own, none a team's.
pub fn disruption_color(i: usize) -> Color32 {
    const WARM: [(u8, u8, u8); 7] = [
        (240, 90, 80),
        (255, 160, 60),
        (230, 80, 170),
        (255, 215, 90),
        (190, 110, 230),
        (200, 60, 60),
        (250, 140, 140),
    ];
    let (r, g, b) = WARM[i % WARM.len()];
    Color32::from_rgb(r, g, b)
}

pub const ALERT: Color32 = Color32::from_rgb(240, 90, 80);
pub const WARNING: Color32 = Color32::from_rgb(240, 190, 60);
pub const GOOD: Color32 = Color32::from_rgb(110, 200, 120);
pub const MUTED: Color32 = Color32::from_rgb(150, 155, 165);
