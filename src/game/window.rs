//! The window fits the display it opens on: the game's shape, as large as the primary monitor holds with a
//! margin for the title bar and the taskbar, centred, so that a 1280x720 projector shows the whole window
//! and a 1920x1080 one is filled.

use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, WindowPosition};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, fit_to_monitor);
}

/// The share of a monitor a window that does not fit may take.
const MARGIN: f32 = 0.94;

/// The physical size for a window of the shape of `preferred` on a monitor of `monitor` (both physical
/// pixels): the largest of that shape within the margin (`preferred` when the monitor is unknown).
pub fn fit(monitor: UVec2, preferred: UVec2) -> UVec2 {
    if monitor.x == 0 || monitor.y == 0 || preferred.x == 0 || preferred.y == 0 {
        return preferred;
    }
    let k = (MARGIN * monitor.x as f32 / preferred.x as f32)
        .min(MARGIN * monitor.y as f32 / preferred.y as f32);
    UVec2::new(
        (preferred.x as f32 * k).floor() as u32,
        (preferred.y as f32 * k).floor() as u32,
    )
}

/// Once the primary monitor is known, fits the primary window to it.
fn fit_to_monitor(
    monitors: Query<&Monitor, With<PrimaryMonitor>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
    mut done: Local<bool>,
) {
    if *done {
        return;
    }
    let (Ok(monitor), Ok(mut window)) = (monitors.single(), windows.single_mut()) else {
        return;
    };
    *done = true;
    let scale = monitor.scale_factor as f32;
    let preferred =
        (Vec2::new(window.resolution.width(), window.resolution.height()) * scale).as_uvec2();
    let size = fit(monitor.physical_size(), preferred);
    if size != preferred {
        window.resolution.set_physical_resolution(size.x, size.y);
        window.position = WindowPosition::Centered(MonitorSelection::Primary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_fits_the_display() {
        let preferred = UVec2::new(1600, 900);
        assert_eq!(
            fit(UVec2::new(1920, 1080), preferred),
            UVec2::new(1804, 1015)
        );
        assert_eq!(fit(UVec2::new(1600, 900), preferred), UVec2::new(1504, 846));
        let small = fit(UVec2::new(1280, 720), preferred);
        assert!(small.x <= 1280 && small.y <= 720, "{small}");
        assert_eq!((small.x, small.y), (1203, 676));
        // A tall, narrow display: the width decides.
        let narrow = fit(UVec2::new(1024, 1280), preferred);
        assert!(narrow.x <= 1024 && narrow.y < 900, "{narrow}");
    }
}
