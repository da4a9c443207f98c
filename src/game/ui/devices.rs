//! The teams' devices on screen: the address, each team's join code and QR code, and who has joined, for the
//! projector (the briefing) and the facilitator's console; and the action that gives a team a new code.

use bevy_egui::egui::{self, Color32, RichText, Sense};

use super::{UiAction, style};

/// What the window's panels ask of the host.
#[derive(bevy::prelude::Message, Clone, Debug, PartialEq)]
pub enum HostAction {
    /// Serve sessions to devices (`true`) or stop.
    Enable(bool),
    /// Give a team a new join code (its devices must join again).
    Revoke(u16),
}

/// One team's card.
pub struct DeviceCard<'a> {
    /// The team's name.
    pub team: &'a str,
    /// Its join code, grouped for reading.
    pub code: String,
    /// The link its devices open.
    pub url: &'a str,
    /// Its QR code's modules (`true`: dark), width first.
    pub qr: Option<&'a (usize, Vec<bool>)>,
    /// The devices joined now: the names or roles they gave ("" for none).
    pub devices: Vec<String>,
}

/// Everything the devices panel shows.
pub struct DevicesView<'a> {
    /// The address devices open.
    pub address: &'a str,
    /// The facilitator's console page, with its key (shown only on the facilitator's screen).
    pub console_url: Option<&'a str>,
    /// Each team.
    pub teams: Vec<DeviceCard<'a>>,
    /// The side of each QR code (points); 0 leaves them out.
    pub qr_size: f32,
}

/// Paints a QR code of `size` points.
fn qr(ui: &mut egui::Ui, modules: &(usize, Vec<bool>), size: f32) {
    let (width, dark) = modules;
    let quiet = 2.0;
    let cell = size / (*width as f32 + 2.0 * quiet);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, Color32::WHITE);
    for (i, on) in dark.iter().enumerate() {
        if !on {
            continue;
        }
        let (x, y) = ((i % width) as f32 + quiet, (i / width) as f32 + quiet);
        let min = rect.min + egui::vec2(x * cell, y * cell);
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(cell + 0.3, cell + 0.3)),
            0.0,
            Color32::BLACK,
        );
    }
}

/// Who has joined: "3 devices: Anna, Ben (and 1 more)".
pub fn joined(devices: &[String], lang: crate::i18n::Lang) -> String {
    let named: Vec<&str> = devices
        .iter()
        .map(String::as_str)
        .filter(|d| !d.is_empty())
        .collect();
    let n = devices.len();
    let count = if n == 0 {
        crate::t!(lang, "devices-none")
    } else {
        crate::t!(lang, "devices-count", count = n)
    };
    if named.is_empty() {
        count
    } else if named.len() == n {
        format!("{count}: {}", named.join(", "))
    } else {
        crate::t!(
            lang,
            "devices-and-more",
            count = count,
            names = named.join(", "),
            more = n - named.len()
        )
    }
}

/// The panel: the address, then a card per team (wrapping); with `revoke`, a button per team for a new code.
pub fn devices(ui: &mut egui::Ui, v: &DevicesView, revoke: bool, actions: &mut Vec<UiAction>) {
    let l = super::lang(ui);
    ui.label(RichText::new(crate::t!(l, "devices-join", address = v.address)).strong());
    if let Some(url) = v.console_url {
        ui.label(RichText::new(crate::t!(l, "devices-console", url = url)).color(style::MUTED));
    }
    ui.horizontal_wrapped(|ui| {
        for (i, card) in v.teams.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(v.qr_size.max(150.0));
                ui.vertical(|ui| {
                    ui.label(RichText::new(card.team).strong().color(style::color32(i)));
                    if let (Some(m), true) = (card.qr, v.qr_size > 0.0) {
                        qr(ui, m, v.qr_size);
                    }
                    ui.label(RichText::new(&card.code).monospace().size(18.0));
                    ui.label(RichText::new(joined(&card.devices, l)).color(style::MUTED))
                        .on_hover_text(card.url);
                    if revoke
                        && ui
                            .small_button(crate::t!(l, "devices-new-code"))
                            .on_hover_text(crate::t!(l, "devices-new-code-hint"))
                            .clicked()
                    {
                        actions.push(UiAction::Host(HostAction::Revoke(i as u16)));
                    }
                });
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::texts;

    #[test]
    fn who_joined_reads_as_a_sentence() {
        assert_eq!(joined(&[], crate::i18n::Lang::En), "no device yet");
        assert_eq!(joined(&["".into()], crate::i18n::Lang::En), "1 device");
        assert_eq!(
            joined(&["Anna".into(), "Ben".into()], crate::i18n::Lang::En),
            "2 devices: Anna, Ben"
        );
        assert_eq!(
            joined(
                &["Anna".into(), "".into(), "".into()],
                crate::i18n::Lang::Sv
            ),
            "3 enheter: Anna (och 2 till)"
        );
    }

    #[test]
    fn the_panel_shows_each_team_its_code_and_devices() {
        let qr = crate::host::qr_modules("http://10.0.0.5:8080/join/ABCDEFGHJK").unwrap();
        let v = DevicesView {
            address: "http://10.0.0.5:8080",
            console_url: None,
            teams: vec![
                DeviceCard {
                    team: "Red",
                    code: "ABCDE-FGHJK".into(),
                    url: "http://10.0.0.5:8080/join/ABCDEFGHJK",
                    qr: Some(&qr),
                    devices: vec!["Anna".into()],
                },
                DeviceCard {
                    team: "Blue",
                    code: "KMNPQ-RSTUV".into(),
                    url: "http://10.0.0.5:8080/join/KMNPQRSTUV",
                    qr: None,
                    devices: Vec::new(),
                },
            ],
            qr_size: 120.0,
        };
        let mut actions = Vec::new();
        let shown = texts(|ui| devices(ui, &v, true, &mut actions)).join("\n");
        for want in [
            "http://10.0.0.5:8080",
            "Red",
            "ABCDE-FGHJK",
            "1 device: Anna",
            "Blue",
            "no device yet",
            "New code",
        ] {
            assert!(shown.contains(want), "{want} missing from {shown}");
        }
        assert!(
            !shown.contains("Facilitator's console page"),
            "the key stays off the projector"
        );
    }
}
