//! The egui panels: small pure functions drawing read-only views and returning the actions the user took
//! (team and facilitator decisions always as simulation commands), with the style and formats they share.
//! The screens (`game::screens`) gather the views and call them; `game::actions` carries the actions out.
//! Nothing here knows a screen, the floor or the debrief.

pub mod briefing;
pub mod console;
pub mod devices;
pub mod glance;
pub mod lobby;
pub mod menu;
pub mod outcome;
pub mod overview;
pub mod reorganise;
pub mod replay;
pub mod standings;
pub mod style;
pub mod team;
pub mod ticker;
pub mod timeline;
pub mod topbar;
pub mod voices;
pub mod whatif;

use std::sync::Arc;

use bevy::prelude::*;
use bevy_egui::egui;

use crate::domain::Command;
use crate::i18n::Lang;
use crate::scenario::Model;

/// Something the user asked for, in a panel or with a key.
#[derive(Clone, Debug)]
pub enum UiAction {
    /// A team's or the facilitator's decision, through the simulation's command interface.
    Command(Command),
    /// Put this team's factory on screen.
    SelectTeam(usize),
    /// The next team's factory (Tab).
    NextTeam,
    /// The previous team's factory (Shift+Tab).
    PreviousTeam,
    /// Play at this speed (an index into the game clock's speeds).
    SetSpeed(usize),
    /// Pause or resume.
    TogglePause,
    /// Start the next round.
    StartRound,
    /// Show or hide the facilitator console.
    ToggleConsole,
    /// Show or hide the team's decision panel.
    TogglePanel,
    /// Show or hide the room's voices over the floor.
    ToggleVoices,
    /// Show or hide the menu.
    ToggleMenu,
    /// Open (true) or close the presenter view's second window, for the facilitator.
    Presenter(bool),
    /// Start a session.
    StartGame {
        /// The scenario.
        model: Arc<Model>,
        /// The teams' names, one per team.
        teams: Vec<String>,
        /// The seed of every random stream.
        seed: u64,
    },
    /// Take up the session recorded in this folder.
    Resume(std::path::PathBuf),
    /// Replay the session recorded in this folder, from a moment (the first round's start when `None`).
    OpenReplay {
        /// The record's folder.
        dir: std::path::PathBuf,
        /// The moment to show first.
        at: Option<crate::domain::SimTime>,
    },
    /// Something the replay's controls ask for.
    Replay(replay::ReplayAction),
    /// Go from the round summary to the next round's briefing.
    NextBriefing,
    /// Save the event log into the session's folder.
    SaveLog,
    /// Open the debrief of the session so far.
    OpenDebrief,
    /// End the session and go back to the lobby.
    BackToLobby,
    /// Change the text size.
    SetScale(f32),
    /// Speak this language in every panel.
    SetLang(Lang),
    /// How teams get to answer rush offers.
    SetOfferWindow(crate::game::clock::OfferWindow),
    /// Something asked of the host that serves the teams' devices.
    Host(devices::HostAction),
    /// Close the game.
    Quit,
}

/// Actions taken in this frame's panels and keys, carried out at the start of the next frame.
#[derive(Resource, Default)]
pub struct PendingActions(pub Vec<UiAction>);

/// A message for the facilitator (e.g. where the log was saved) and until when (seconds of app time) to show
/// it.
#[derive(Resource, Default)]
pub struct Notice(pub Option<(String, f64)>);

/// The systems drawing the panels.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct PanelSet;

/// Panel visibility and sizes that persist across frames.
#[derive(Resource, Debug, Clone)]
pub struct UiSettings {
    /// The text size (egui's zoom factor).
    pub scale: f32,
    /// The language every panel speaks (switched live in the lobby and the menu).
    pub lang: Lang,
    /// The facilitator console is open.
    pub show_console: bool,
    /// The menu is open.
    pub show_menu: bool,
    /// The team's decision panel is shown.
    pub show_team_panel: bool,
    /// The room's voices cover the floor (for the projector).
    pub show_voices: bool,
    /// The presenter view is wanted: the facilitator's panels in a window of their own.
    pub presenter: bool,
    /// Index of the team on screen.
    pub selected: usize,
    /// A person clicked on the floor, highlighted there and in the team panel.
    pub focus: Option<usize>,
}

impl Default for UiSettings {
    fn default() -> Self {
        UiSettings {
            scale: style::DEFAULT_SCALE,
            lang: Lang::En,
            show_console: false,
            show_menu: false,
            show_team_panel: true,
            show_voices: false,
            presenter: false,
            selected: 0,
            focus: None,
        }
    }
}

/// The part of the window (logical pixels) left for the factory floor between the panels.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct FloorArea {
    /// Top-left corner.
    pub min: Vec2,
    /// Bottom-right corner.
    pub max: Vec2,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiSettings>()
        .init_resource::<FloorArea>()
        .init_resource::<PendingActions>()
        .init_resource::<Notice>();
}

/// Sets the text size, the language and the dark theme of a frame's context.
pub fn prepare(ctx: &egui::Context, settings: &UiSettings) {
    if (ctx.zoom_factor() - settings.scale).abs() > f32::EPSILON {
        ctx.set_zoom_factor(settings.scale);
    }
    set_lang(ctx, settings.lang);
    ctx.set_theme(egui::ThemePreference::Dark);
}

/// Where a context keeps the language its panels speak.
const LANG: &str = "cakefactory-lang";

/// Makes the panels drawn in `ctx` speak `lang`.
pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::new(LANG), lang));
}

/// The language the panels of this `ui` speak (English until one is set).
pub fn lang(ui: &egui::Ui) -> Lang {
    lang_of(ui.ctx())
}

/// The language the panels of `ctx` speak.
pub fn lang_of(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp::<Lang>(egui::Id::new(LANG)))
        .unwrap_or_default()
}

/// Notes where a control was drawn this pass, under `name`, so that a scripted session (the smoke test) can
/// click it through the window's real mouse input, as a facilitator would.
pub fn remember(ui: &egui::Ui, name: &'static str, control: &egui::Response) {
    let rect = control.rect;
    ui.ctx()
        .data_mut(|d| d.insert_temp(egui::Id::new(("control", name)), rect));
}

/// Where the control `name` was drawn last (points of the context it was drawn in).
pub fn remembered(ctx: &egui::Context, name: &'static str) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp::<egui::Rect>(egui::Id::new(("control", name))))
}

/// Where [`dock`] notes the width it took, and in which pass.
const DOCK_WIDTH: &str = "dock_width";

/// A root UI for a screen's panels: the whole window but for a docked panel drawn before it in this pass.
pub fn root_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    let mut rect = ctx.viewport_rect();
    let docked = ctx.data(|d| d.get_temp::<(f32, u64)>(egui::Id::new(DOCK_WIDTH)));
    if let Some((width, pass)) = docked
        && pass == ctx.cumulative_pass_nr()
    {
        rect.max.x = (rect.max.x - width).max(rect.min.x);
    }
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(rect),
    )
}

/// A resizable side panel at the window's right edge, drawn before the screen's panels, which then lay
/// themselves out in what it leaves ([`root_ui`]): it covers nothing.
pub fn dock(ctx: &egui::Context, id: &'static str, add_contents: impl FnOnce(&mut egui::Ui)) {
    let viewport = ctx.viewport_rect();
    let mut root = egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(viewport),
    );
    let panel = egui::Panel::right(id)
        .default_size(280.0)
        .size_range(220.0..=560.0)
        .resizable(true)
        .show(&mut root, add_contents);
    let width = viewport.max.x - panel.response.rect.min.x;
    // The pass number is read before the memory is locked: a context call inside the lock waits on itself.
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(egui::Id::new(DOCK_WIDTH), (width, pass)));
}

/// A dark, partly transparent frame over the floor.
pub fn overlay_frame(alpha: u8) -> egui::Frame {
    egui::Frame::new()
        .fill(egui::Color32::from_rgba_unmultiplied(18, 20, 26, alpha))
        .inner_margin(egui::Margin::same(24))
}

/// Formats money as a whole number with a thousands separator, in English (the panels not yet in both
/// languages; the others use [`crate::i18n::money`] with their language).
pub fn money(v: f64) -> String {
    crate::i18n::money(Lang::En, v)
}

/// When something is due, as the room reads it: "1:58" within the round in play, "round 3 at 1:58" when
/// that is after its end (rounds follow each other: the next starts where this one ends).
pub fn due_text(
    due: crate::domain::SimTime,
    round: u32,
    round_start: crate::domain::SimTime,
    round_minutes: f64,
    lang: Lang,
) -> String {
    let m = crate::domain::time::minute_of_round(due, round_start);
    if m < round_minutes || round_minutes <= 0.0 {
        return clock(m);
    }
    let later = (m / round_minutes).floor();
    crate::t!(
        lang,
        "due-round-at",
        round = round + later as u32,
        time = clock(m - later * round_minutes)
    )
}

/// A countdown in seconds as `m:ss`.
pub fn countdown(seconds: f64) -> String {
    let s = seconds.max(0.0).ceil() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// A one-line explanation under a chart or table: what it measures, in which units.
pub fn caption(ui: &mut egui::Ui, text: &str) {
    ui.label(egui::RichText::new(text).italics().color(style::MUTED));
}

/// A chart's key above it, outside the data: each series' colour and full name.
pub fn key(ui: &mut egui::Ui, entries: &[(String, egui::Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *color);
            ui.label(name);
            ui.add_space(10.0);
        }
    });
}

/// `h:mm` of a number of minutes.
pub fn clock(minutes: f64) -> String {
    let m = minutes.max(0.0).floor() as u64;
    format!("{}:{:02}", m / 60, m % 60)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running panel functions in a headless egui context.
    use bevy_egui::egui;

    /// Runs `f` in a fresh context for one pass and returns every text the pass painted.
    pub fn texts(mut f: impl FnMut(&mut egui::Ui)) -> Vec<String> {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 900.0),
            )),
            ..Default::default()
        };
        let mut out = Vec::new();
        // Two passes: egui lays some widgets out on the second.
        for _ in 0..2 {
            let full = ctx.run_ui(input.clone(), |ui| f(ui));
            out = full
                .shapes
                .iter()
                .filter_map(|s| match &s.shape {
                    egui::epaint::Shape::Text(t) => Some(t.galley.text().to_string()),
                    _ => None,
                })
                .collect();
        }
        out
    }

    /// The projector sizes the panels must hold: 1280x720 at text size 1.4 and 1920x1080 at 1.8 (physical
    /// pixels and egui zoom).
    pub const PROJECTORS: [(f32, f32, f32); 2] = [(1280.0, 720.0, 1.4), (1920.0, 1080.0, 1.8)];

    /// Runs `f` in a panel of `width` points (of a window of `size` physical pixels at text size `zoom`) and
    /// returns what is wrong with its text: a text running past the panel's right edge (cut off on screen),
    /// or two texts overlapping. Empty when the layout is sound.
    pub fn layout_problems(
        (w, h, zoom): (f32, f32, f32),
        width: f32,
        mut f: impl FnMut(&mut egui::Ui),
    ) -> Vec<String> {
        let ctx = egui::Context::default();
        ctx.set_zoom_factor(zoom);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..Default::default()
        };
        let mut rects = Vec::new();
        for _ in 0..4 {
            let out = ctx.run_ui(input.clone(), |ui| {
                ui.allocate_ui(egui::vec2(width, ui.available_height()), |ui| {
                    ui.set_max_width(width);
                    f(ui);
                });
            });
            rects = out
                .shapes
                .iter()
                .filter_map(|s| match &s.shape {
                    egui::epaint::Shape::Text(t) if !t.galley.text().trim().is_empty() => Some((
                        t.galley.text().to_string(),
                        t.galley.rect.translate(t.pos.to_vec2()),
                    )),
                    _ => None,
                })
                .collect::<Vec<_>>();
        }
        let right = ctx.content_rect().left() + width + 1.0;
        let mut problems = Vec::new();
        for (i, (text, r)) in rects.iter().enumerate() {
            if r.right() > right {
                problems.push(format!(
                    "{text:?} runs to {:.0}, past the panel's {:.0}",
                    r.right(),
                    right
                ));
            }
            for (other, r2) in &rects[i + 1..] {
                let overlap = r.intersect(*r2);
                if overlap.width() > 2.0 && overlap.height() > 2.0 {
                    problems.push(format!("{text:?} overlaps {other:?}"));
                }
            }
        }
        problems
    }

    /// Whether any painted text contains `needle`.
    pub fn shows(texts: &[String], needle: &str) -> bool {
        texts.iter().any(|t| t.contains(needle))
    }

    /// A headless egui context at 1600x900 that feeds `f` pointer input, as a mouse would.
    pub struct Pointer {
        ctx: egui::Context,
    }

    impl Pointer {
        /// A fresh context, laid out once.
        pub fn new(f: &mut impl FnMut(&mut egui::Ui)) -> Self {
            let p = Pointer {
                ctx: egui::Context::default(),
            };
            p.pass(Vec::new(), f);
            p.pass(Vec::new(), f);
            p
        }

        /// One pass with these input events; returns what it painted.
        pub fn pass(
            &self,
            events: Vec<egui::Event>,
            f: &mut impl FnMut(&mut egui::Ui),
        ) -> egui::FullOutput {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1600.0, 900.0),
                )),
                events,
                ..Default::default()
            };
            self.ctx.run_ui(input, |ui| f(ui))
        }

        /// The centre of the text `label` as the last pass painted it.
        pub fn find(&self, label: &str, f: &mut impl FnMut(&mut egui::Ui)) -> Option<egui::Pos2> {
            let out = self.pass(Vec::new(), f);
            out.shapes.iter().find_map(|s| match &s.shape {
                egui::epaint::Shape::Text(t) if t.galley.text() == label => {
                    Some(t.pos + t.galley.rect.center().to_vec2())
                }
                _ => None,
            })
        }

        /// The primary button goes down or up at `pos`.
        pub fn button(&self, pos: egui::Pos2, pressed: bool, f: &mut impl FnMut(&mut egui::Ui)) {
            self.pass(
                vec![
                    egui::Event::PointerMoved(pos),
                    egui::Event::PointerButton {
                        pos,
                        button: egui::PointerButton::Primary,
                        pressed,
                        modifiers: Default::default(),
                    },
                ],
                f,
            );
        }

        /// Clicks the text `label`; false when nothing shows it.
        pub fn click(&self, label: &str, f: &mut impl FnMut(&mut egui::Ui)) -> bool {
            let Some(pos) = self.find(label, f) else {
                return false;
            };
            self.button(pos, true, f);
            self.button(pos, false, f);
            self.pass(Vec::new(), f);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_clock_format() {
        assert_eq!(money(1234567.4), "1,234,567");
        assert_eq!(money(-950.0), "-950");
        assert_eq!(money(0.2), "0");
        assert_eq!(clock(125.9), "2:05");
        assert_eq!(countdown(42.2), "0:43");
    }

    #[test]
    fn the_layout_check_finds_cut_off_and_overlapping_text() {
        let p = testing::PROJECTORS[0];
        let wide = testing::layout_problems(p, 200.0, |ui| {
            ui.horizontal(|ui| {
                ui.label("a label far too long for the narrow panel it is in");
            });
        });
        assert!(
            wide.iter().any(|x| x.contains("past the panel")),
            "{wide:?}"
        );
        let stacked = testing::layout_problems(p, 400.0, |ui| {
            let at = ui.cursor().min;
            ui.put(
                egui::Rect::from_min_size(at, egui::vec2(200.0, 20.0)),
                egui::Label::new("first"),
            );
            ui.put(
                egui::Rect::from_min_size(at, egui::vec2(200.0, 20.0)),
                egui::Label::new("second"),
            );
        });
        assert!(
            stacked.iter().any(|x| x.contains("overlaps")),
            "{stacked:?}"
        );
        let fine = testing::layout_problems(p, 400.0, |ui| {
            ui.label("first");
            ui.label("second");
        });
        assert!(fine.is_empty(), "{fine:?}");
    }

    #[test]
    fn a_docked_panel_leaves_its_width_to_the_screens_panels() {
        let mut free = egui::Rect::NOTHING;
        let t = testing::texts(|ui| {
            dock(ui.ctx(), "dock", |ui| {
                ui.label("console");
            });
            free = root_ui(ui.ctx(), "screen").max_rect();
        });
        assert!(testing::shows(&t, "console"));
        assert!(free.width() < 1600.0 - 200.0, "{free:?}");
        assert!(free.width() > 1000.0, "{free:?}");
    }

    #[test]
    fn a_due_time_after_the_round_says_which_round() {
        use crate::domain::SimTime;
        let start = SimTime(60 * 60_000);
        let due = |m: u64| SimTime(start.0 + m * 60_000);
        assert_eq!(due_text(due(118), 2, start, 480.0, Lang::En), "1:58");
        assert_eq!(
            due_text(due(480 + 118), 2, start, 480.0, Lang::En),
            "round 3 at 1:58"
        );
        assert_eq!(
            due_text(due(480 + 118), 2, start, 480.0, Lang::Sv),
            "omgång 3 kl. 1:58"
        );
    }
}
