//! Team and unit colours, shared by the game, the debrief's charts and the exported report: distinct and
//! colour-blind friendly (Okabe-Ito and Tol).

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

/// The colour of unit (or team) `i`, as RGB.
pub fn rgb(i: usize) -> (u8, u8, u8) {
    PALETTE[i % PALETTE.len()]
}
