//! The replay's timeline under the floor: the rounds, the disruptions, the team's decisions and its late
//! deliveries along the session (each kind in its colour, named by its step buttons), the moment on screen as
//! a line; a click (or a drag) puts the session at that moment, a marker's hover says what it was (a
//! decision: what and who), and the buttons step to the previous or next moment of a kind.

use bevy_egui::egui::{self, Color32, Pos2, Rect, RichText, Sense, Stroke, vec2};

use super::replay::ReplayAction;
use super::{UiAction, lang, style};
use crate::debrief::timeline::{Marker, MarkerKind, Timeline};
use crate::domain::SimTime;
use crate::t;

/// What the timeline shows.
pub struct TimelineView<'a> {
    /// The session's timeline.
    pub timeline: &'a Timeline,
    /// The moment on screen.
    pub now: SimTime,
    /// The team on screen.
    pub team: u16,
    /// "R2 1:30": the moment on screen in words.
    pub moment: String,
}

/// The kinds of marker, in their rows' order.
const KINDS: [MarkerKind; 3] = [
    MarkerKind::Disruption,
    MarkerKind::Decision,
    MarkerKind::Late,
];

fn colour(kind: MarkerKind, team: u16) -> Color32 {
    match kind {
        MarkerKind::Disruption => style::ALERT,
        MarkerKind::Decision => style::color32(team as usize),
        MarkerKind::Late => style::WARNING,
    }
}

/// The step buttons and the timeline.
pub fn timeline(ui: &mut egui::Ui, v: &TimelineView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&v.moment).strong().monospace());
        for kind in KINDS {
            let name = kind.name(l);
            ui.separator();
            let step = |forward| UiAction::Replay(ReplayAction::Step { kind, forward });
            if ui
                .button("◀")
                .on_hover_text(t!(l, "timeline-previous", kind = name.as_str()))
                .clicked()
            {
                actions.push(step(false));
            }
            ui.label(RichText::new(&name).color(colour(kind, v.team)));
            if ui
                .button("▶")
                .on_hover_text(t!(l, "timeline-next", kind = name.as_str()))
                .clicked()
            {
                actions.push(step(true));
            }
        }
    });
    strip(ui, v, actions);
}

/// Where moment `t` lies across `rect`.
fn x_of(rect: Rect, t: SimTime, end: SimTime) -> f32 {
    let share = if end.0 == 0 {
        0.0
    } else {
        t.0 as f64 / end.0 as f64
    };
    rect.left() + rect.width() * share.clamp(0.0, 1.0) as f32
}

/// The moment at `x` across `rect`.
fn t_at(rect: Rect, x: f32, end: SimTime) -> SimTime {
    let share = ((x - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
    SimTime((end.0 as f64 * f64::from(share)).round() as u64)
}

/// The painted strip: a band of rounds, then a row per kind of marker.
fn strip(ui: &mut egui::Ui, v: &TimelineView, actions: &mut Vec<UiAction>) {
    let l = lang(ui);
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), row * 3.4),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    let end = v.timeline.end;
    let band = |i: usize| {
        Rect::from_min_size(
            Pos2::new(rect.left(), rect.top() + row * 0.85 * i as f32),
            vec2(rect.width(), row * 0.8),
        )
    };
    for (i, r) in v.timeline.rounds.iter().enumerate() {
        let span = Rect::from_x_y_ranges(
            x_of(rect, r.start, end)..=x_of(rect, r.end, end),
            band(0).y_range(),
        );
        let fill = Color32::from_gray(if i % 2 == 0 { 60 } else { 75 });
        painter.rect_filled(span, 2.0, fill);
        painter.text(
            span.left_center() + vec2(4.0, 0.0),
            egui::Align2::LEFT_CENTER,
            t!(l, "debrief-round", round = r.round),
            egui::FontId::proportional(row * 0.8),
            Color32::from_gray(220),
        );
    }
    let mine: Vec<&Marker> = v
        .timeline
        .markers
        .iter()
        .filter(|m| m.team == v.team)
        .collect();
    let pointer = response.hover_pos();
    let mut hovered: Option<&Marker> = None;
    for (k, kind) in KINDS.iter().enumerate() {
        let y = band(k + 1).center().y;
        for m in mine.iter().filter(|m| m.kind == *kind) {
            let x = x_of(rect, m.t, end);
            let c = colour(m.kind, v.team);
            match m.kind {
                MarkerKind::Late => {
                    painter.line_segment(
                        [Pos2::new(x, y - row * 0.3), Pos2::new(x, y + row * 0.3)],
                        Stroke::new(1.5, c),
                    );
                }
                _ => {
                    painter.circle_filled(Pos2::new(x, y), row * 0.3, c);
                }
            }
            if let Some(p) = pointer
                && (p.x - x).abs() <= row * 0.4
                && (p.y - y).abs() <= row * 0.5
            {
                hovered = Some(m);
            }
        }
    }
    let cursor = x_of(rect, v.now, end);
    painter.line_segment(
        [
            Pos2::new(cursor, rect.top()),
            Pos2::new(cursor, rect.bottom()),
        ],
        Stroke::new(2.5, Color32::WHITE),
    );
    let response = match hovered {
        Some(m) => response.on_hover_text_at_pointer(&m.text),
        None => response.on_hover_text_at_pointer(t!(l, "timeline-hint")),
    };
    let clicked_at = |p: Pos2| hovered.map_or_else(|| t_at(rect, p.x, end), |m| m.t);
    if (response.clicked() || response.drag_stopped())
        && let Some(p) = response.interact_pointer_pos()
    {
        actions.push(UiAction::Replay(ReplayAction::Seek(clicked_at(p))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debrief::timeline::RoundSpan;
    use crate::game::ui::testing::{shows, texts};

    #[test]
    fn the_timeline_shows_the_rounds_the_moment_and_the_steps() {
        let tl = Timeline {
            end: SimTime(960 * 60_000),
            rounds: vec![
                RoundSpan {
                    round: 1,
                    start: SimTime(0),
                    end: SimTime(480 * 60_000),
                },
                RoundSpan {
                    round: 2,
                    start: SimTime(480 * 60_000),
                    end: SimTime(960 * 60_000),
                },
            ],
            markers: Vec::new(),
        };
        let v = TimelineView {
            timeline: &tl,
            now: SimTime(500 * 60_000),
            team: 0,
            moment: "R2 0:20".into(),
        };
        let t = texts(|ui| timeline(ui, &v, &mut Vec::new()));
        for s in [
            "R2 0:20",
            "Round 1",
            "Round 2",
            "disruption",
            "decision",
            "late delivery",
            "◀",
            "▶",
        ] {
            assert!(shows(&t, s), "{s}: {t:?}");
        }
    }

    #[test]
    fn moments_map_to_places_and_back() {
        let rect = Rect::from_min_size(Pos2::new(100.0, 0.0), vec2(800.0, 50.0));
        let end = SimTime(1_000_000);
        assert_eq!(x_of(rect, SimTime(500_000), end), 500.0);
        assert_eq!(t_at(rect, 500.0, end), SimTime(500_000));
        assert_eq!(t_at(rect, 0.0, end), SimTime(0));
        assert_eq!(t_at(rect, 2000.0, end), end);
    }
}
