//! The facilitator console (its own window, F): round control for all teams, speed, disruptions from the
//! scenario's palette (headline, target, timing, adjustable numbers within the scenario's limits) and a log
//! of what was injected. Nothing here is reachable from a team's panel.

use bevy_egui::egui::{self, RichText};

use super::{UiAction, clock, remember, style};
use crate::domain::{Command, DisruptionSpec, Target};
use crate::game::record::Injection;
use crate::i18n::{Lang, tr};
use crate::scenario::Model;
use crate::t;

/// Something the facilitator should see coming: a scheduled or timed disruption, or an offer waiting for a
/// team's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Coming {
    /// When: "R2 1:30", or the time left to answer.
    pub when: String,
    /// What, and for whom.
    pub text: String,
}

/// The disruptions still to come in the round in play (or the next one between rounds): the scenario's
/// schedule and the facilitator's timed injections, in time order.
pub fn coming_disruptions(
    model: &Model,
    teams: &[String],
    round: u32,
    minute: f64,
    running: bool,
    injections: &[Injection],
    lang: Lang,
) -> Vec<Coming> {
    let (r, after) = if running {
        (round, minute)
    } else {
        (round + 1, -1.0)
    };
    let who = |t: &Target| target_words(t, teams, lang);
    let mut out: Vec<(f64, Coming)> = model
        .schedule
        .iter()
        .filter(|s| s.round == r && s.minute > after)
        .map(|s| {
            (
                s.minute,
                format!(
                    "{} ({})",
                    model.lexicon.say(lang, s.spec.headline.get(lang)),
                    who(&s.target)
                ),
            )
        })
        .chain(injections.iter().filter_map(|i| {
            let at = i.at_minute?;
            (running && i.round == r && at > after).then(|| {
                (
                    at,
                    t!(
                        lang,
                        "console-timed",
                        headline = model.lexicon.say(lang, i.headline.get(lang)),
                        target = who(&i.target)
                    ),
                )
            })
        }))
        .map(|(m, text)| {
            (
                m,
                Coming {
                    when: format!("R{r} {}", clock(m)),
                    text,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().map(|(_, c)| c).collect()
}

/// What the console shows.
pub struct ConsoleView<'a> {
    /// The session's scenario (its rounds and palette).
    pub model: &'a Model,
    /// Team names, by index.
    pub teams: &'a [String],
    /// The current (or last) round, 0 before the first.
    pub round: u32,
    /// The minute of the round.
    pub minute: f64,
    /// A round is running.
    pub running: bool,
    /// Every round has been played.
    pub finished: bool,
    /// The clock is paused.
    pub paused: bool,
    /// The speeds to choose from (simulated minutes per second).
    pub speeds: &'a [f64],
    /// The index of the current speed.
    pub speed: usize,
    /// What was injected so far.
    pub injections: &'a [Injection],
    /// Offers waiting for an answer, then the disruptions still to come.
    pub coming: &'a [Coming],
    /// The session's time now (a pinned moment is this one).
    pub now: crate::domain::SimTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsoleState {
    pub palette: usize,
    pub all_teams: bool,
    pub chosen: Vec<bool>,
    pub now: bool,
    pub at_minute: f64,
    /// Adjusted parameter values of the selected palette entry.
    pub params: Vec<f64>,
    /// The palette entry `params` belong to.
    params_of: Option<usize>,
    /// "End round" was pressed: the console asks for a confirmation.
    pub confirm_end: bool,
    /// The note for the next moment pinned.
    pub pin_note: String,
}

impl Default for ConsoleState {
    fn default() -> Self {
        ConsoleState {
            palette: 0,
            all_teams: true,
            chosen: Vec::new(),
            now: true,
            at_minute: 0.0,
            params: Vec::new(),
            params_of: None,
            confirm_end: false,
            pin_note: String::new(),
        }
    }
}

impl ConsoleState {
    /// The disruption as it would be injected now.
    pub fn spec(&self, model: &Model) -> Option<DisruptionSpec> {
        let base = model.palette.get(self.palette)?;
        let mut spec = base.clone();
        spec.kind = base.kind.with_params(&self.params);
        Some(spec)
    }

    /// The injection command the current choices make.
    pub fn command(&self, model: &Model) -> Option<Command> {
        let target = if self.all_teams {
            Target::All
        } else {
            let list: Vec<u16> = self
                .chosen
                .iter()
                .enumerate()
                .filter(|(_, c)| **c)
                .map(|(i, _)| i as u16)
                .collect();
            if list.is_empty() {
                return None;
            }
            Target::Factories(list)
        };
        Some(Command::Inject {
            disruption: self.spec(model)?,
            target,
            at_minute: (!self.now).then_some(self.at_minute),
        })
    }
}

/// The names under which the console notes where its End round button and its confirmation are.
pub const END_ROUND: &str = "end_round";
/// See [`END_ROUND`].
pub const CONFIRM_END: &str = "confirm_end_round";

/// The console: round control, speed, a disruption to inject and the log of injections.
pub fn console(
    ui: &mut egui::Ui,
    v: &ConsoleView,
    state: &mut ConsoleState,
    actions: &mut Vec<UiAction>,
) {
    let l = super::lang(ui);
    round_control(ui, v, state, actions);
    pin_moment(ui, v, state, actions);
    if ui
        .button(format!("👥 {}", t!(l, "console-voices")))
        .on_hover_text(t!(l, "console-voices-hint"))
        .clicked()
    {
        actions.push(UiAction::ToggleVoices);
    }
    ui.separator();
    coming(ui, v.coming);
    ui.separator();
    ui.heading(t!(l, "console-inject-heading"));
    if v.model.palette.is_empty() {
        ui.label(t!(l, "console-no-palette"));
        return;
    }
    choose_disruption(ui, v, state);
    choose_target(ui, v, state);
    let command = state.command(v.model);
    if ui
        .add_enabled(
            command.is_some(),
            egui::Button::new(RichText::new(format!("⚡ {}", t!(l, "console-inject"))).strong()),
        )
        .on_hover_text(t!(l, "console-inject-hint"))
        .clicked()
        && let Some(c) = command
    {
        actions.push(UiAction::Command(c));
    }
    ui.separator();
    injected(ui, v.injections, v.teams);
}

/// The confirmation before a round ends for every team.
fn confirm_end(
    ui: &mut egui::Ui,
    v: &ConsoleView,
    state: &mut ConsoleState,
    actions: &mut Vec<UiAction>,
) {
    let l = super::lang(ui);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(t!(
                l,
                "console-confirm-end",
                round = v.round,
                time = clock(v.minute)
            ))
            .color(style::WARNING),
        );
        ui.horizontal(|ui| {
            let yes = ui.button(t!(l, "console-yes-end"));
            remember(ui, CONFIRM_END, &yes);
            if yes.clicked() {
                state.confirm_end = false;
                actions.push(UiAction::Command(Command::EndRound));
            }
            if ui.button(t!(l, "console-cancel")).clicked() {
                state.confirm_end = false;
            }
        });
    });
}

/// The round's state and the buttons to start, pause and end it, and the speeds.
fn round_control(
    ui: &mut egui::Ui,
    v: &ConsoleView,
    state: &mut ConsoleState,
    actions: &mut Vec<UiAction>,
) {
    let l = super::lang(ui);
    ui.heading(t!(l, "console-round-heading"));
    ui.label(format!(
        "{} · {} · {}",
        t!(
            l,
            "bar-round",
            round = v.round.max(1),
            rounds = v.model.rounds
        ),
        if v.finished {
            t!(l, "console-all-played")
        } else if v.running {
            t!(l, "console-running", time = clock(v.minute))
        } else {
            t!(l, "console-between")
        },
        if v.paused {
            t!(l, "console-paused")
        } else {
            format!("{}x", v.speeds.get(v.speed).copied().unwrap_or(1.0))
        }
    ));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !v.running && !v.finished,
                egui::Button::new(format!("▶ {}", t!(l, "console-start"))),
            )
            .on_hover_text(t!(l, "console-start-hint"))
            .clicked()
        {
            actions.push(UiAction::StartRound);
        }
        if ui
            .button(if v.paused {
                format!("▶ {}", t!(l, "bar-resume"))
            } else {
                format!("⏸ {}", t!(l, "bar-pause"))
            })
            .on_hover_text(t!(l, "console-pause-hint"))
            .clicked()
        {
            actions.push(UiAction::TogglePause);
        }
        let end = ui
            .add_enabled(
                v.running && !state.confirm_end,
                egui::Button::new(format!("⏹ {}", t!(l, "console-end"))),
            )
            .on_hover_text(t!(l, "console-end-hint"));
        remember(ui, END_ROUND, &end);
        if end.clicked() {
            state.confirm_end = true;
        }
    });
    state.confirm_end &= v.running;
    if state.confirm_end {
        confirm_end(ui, v, state, actions);
    }
    ui.horizontal(|ui| {
        ui.label(t!(l, "console-speed"));
        for (i, s) in v.speeds.iter().enumerate() {
            if ui
                .selectable_label(v.speed == i, format!("{s}x"))
                .on_hover_text(t!(l, "bar-speed-hint", speed = *s))
                .clicked()
            {
                actions.push(UiAction::SetSpeed(i));
            }
        }
    });
}

/// Pins this moment of the run, with a note, for the debrief and the next morning's "then and now".
fn pin_moment(
    ui: &mut egui::Ui,
    v: &ConsoleView,
    state: &mut ConsoleState,
    actions: &mut Vec<UiAction>,
) {
    let hint = t!(super::lang(ui), "console-pin-hint");
    if let Some(note) = pin_note(ui, &mut state.pin_note, &hint) {
        actions.push(UiAction::Command(Command::Curate(
            crate::domain::Curation::PinMoment {
                t: v.now,
                team: None,
                note,
                on: true,
            },
        )));
    }
}

/// A note and the "Pin this moment" button (with `hint` on it): the note, trimmed, when the button was
/// pressed (the field is emptied then).
pub fn pin_note(ui: &mut egui::Ui, note: &mut String, hint: &str) -> Option<String> {
    let l = super::lang(ui);
    ui.add(
        egui::TextEdit::singleline(note)
            .hint_text(t!(l, "console-pin-note"))
            .desired_width(ui.available_width())
            .char_limit(crate::domain::voice::MAX_TEXT),
    );
    ui.button(format!("📌 {}", t!(l, "console-pin")))
        .on_hover_text(hint)
        .clicked()
        .then(|| std::mem::take(note).trim().to_string())
}

/// The palette entry and its numbers, within the scenario's limits.
fn choose_disruption(ui: &mut egui::Ui, v: &ConsoleView, state: &mut ConsoleState) {
    let l = super::lang(ui);
    state.palette = state.palette.min(v.model.palette.len() - 1);
    egui::ComboBox::from_id_salt("palette")
        .width(ui.available_width())
        .selected_text(
            v.model
                .lexicon
                .say(l, v.model.palette[state.palette].headline.get(l)),
        )
        .show_ui(ui, |ui| {
            for (i, d) in v.model.palette.iter().enumerate() {
                ui.selectable_value(
                    &mut state.palette,
                    i,
                    v.model.lexicon.say(l, d.headline.get(l)),
                )
                .on_hover_text(v.model.lexicon.say(l, d.description.get(l)));
            }
        });
    let base = &v.model.palette[state.palette];
    if state.params_of != Some(state.palette) {
        state.params = base.kind.params().iter().map(|(_, x)| *x).collect();
        state.params_of = Some(state.palette);
    }
    ui.label(RichText::new(v.model.lexicon.say(l, base.description.get(l))).color(style::MUTED));
    let (lo, hi) = v.model.palette_limits;
    for ((name, default), value) in base.kind.params().iter().zip(state.params.iter_mut()) {
        let (label, unit) = param_label(name);
        ui.horizontal(|ui| {
            ui.label(tr(l, label, &[]));
            let (min, max) = (default * lo, default * hi);
            ui.add(unit.drag(value, min, max)).on_hover_text(t!(
                l,
                "console-between-limits",
                min = unit.format(min),
                max = unit.format(max)
            ));
        });
    }
}

/// How a disruption's number reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamUnit {
    /// Simulated minutes.
    Minutes,
    /// A count (stations, cakes).
    Count,
    /// A share, shown in per cent.
    Percent,
    /// A multiple of the normal value, shown as "x 1.5".
    Times,
}

impl ParamUnit {
    /// The number as the room reads it.
    pub fn format(self, v: f64) -> String {
        match self {
            ParamUnit::Minutes => format!("{v:.0} min"),
            ParamUnit::Count => format!("{v:.0}"),
            ParamUnit::Percent => format!("{:.0} %", v * 100.0),
            ParamUnit::Times => format!("x {v:.2}"),
        }
    }

    /// A drag value over `min..=max` that shows and reads the number in this unit.
    fn drag(self, value: &mut f64, min: f64, max: f64) -> egui::DragValue<'_> {
        let d = egui::DragValue::new(value)
            .range(min..=max)
            .speed((max - min) / 100.0);
        match self {
            ParamUnit::Minutes => d.suffix(" min").max_decimals(0),
            ParamUnit::Count => d.max_decimals(0),
            ParamUnit::Percent => d
                .custom_formatter(|n, _| format!("{:.0} %", n * 100.0))
                .custom_parser(|t| {
                    t.trim_end_matches('%')
                        .trim()
                        .parse::<f64>()
                        .ok()
                        .map(|p| p / 100.0)
                }),
            ParamUnit::Times => d.prefix("x ").max_decimals(2),
        }
    }
}

/// The people-facing name (a message id) and unit of a disruption's number.
pub fn param_label(name: &str) -> (&'static str, ParamUnit) {
    match name {
        "duration_min" => ("param-lasts", ParamUnit::Minutes),
        "stock_lost" => ("param-stock-lost", ParamUnit::Percent),
        "units" => ("param-units", ParamUnit::Count),
        "quantity" => ("param-quantity", ParamUnit::Count),
        "due_in_min" => ("param-due-within", ParamUnit::Minutes),
        "price_factor" => ("param-price", ParamUnit::Percent),
        "share" => ("param-share", ParamUnit::Percent),
        "factor" => ("param-demand", ParamUnit::Times),
        "delay" => ("param-delay", ParamUnit::Times),
        "miscommunication" => ("param-miscommunication", ParamUnit::Times),
        "question" => ("param-questions", ParamUnit::Times),
        _ => ("param-amount", ParamUnit::Times),
    }
}

/// Which teams, and now or at a minute of the round.
fn choose_target(ui: &mut egui::Ui, v: &ConsoleView, state: &mut ConsoleState) {
    let l = super::lang(ui);
    ui.horizontal(|ui| {
        ui.label(t!(l, "console-teams"));
        ui.radio_value(&mut state.all_teams, true, t!(l, "console-all"));
        ui.radio_value(&mut state.all_teams, false, t!(l, "console-chosen"));
    });
    state.chosen.resize(v.teams.len(), false);
    if !state.all_teams {
        ui.horizontal_wrapped(|ui| {
            for (i, t) in v.teams.iter().enumerate() {
                ui.checkbox(
                    &mut state.chosen[i],
                    RichText::new(t).color(style::color32(i)),
                );
            }
        });
    }
    ui.horizontal(|ui| {
        ui.label(t!(l, "console-when"));
        ui.radio_value(&mut state.now, true, t!(l, "console-now"));
        ui.radio_value(&mut state.now, false, t!(l, "console-at-minute"));
        // Minutes of the round: up to just before its end.
        let last = (v.model.round_len.minutes() - 1.0).max(0.0);
        ui.add_enabled(
            !state.now,
            egui::DragValue::new(&mut state.at_minute).range(0.0..=last),
        );
    });
}

/// What is coming next.
fn coming(ui: &mut egui::Ui, coming: &[Coming]) {
    let l = super::lang(ui);
    ui.heading(t!(l, "console-coming"));
    if coming.is_empty() {
        ui.label(RichText::new(t!(l, "console-nothing-scheduled")).color(style::MUTED));
    }
    for c in coming {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&c.when).monospace().color(style::WARNING));
            ui.label(&c.text);
        });
    }
}

/// The teams a disruption hits, in words: "all teams", or their names (`teams`, in `lang`).
pub fn target_words(t: &Target, teams: &[String], lang: Lang) -> String {
    match t {
        Target::All => t!(lang, "console-all-teams"),
        Target::Factories(list) => list
            .iter()
            .filter_map(|&f| teams.get(f as usize).cloned())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What was injected, newest first.
fn injected(ui: &mut egui::Ui, injections: &[Injection], teams: &[String]) {
    let l = super::lang(ui);
    ui.heading(t!(l, "console-injected"));
    if injections.is_empty() {
        ui.label(RichText::new(t!(l, "console-nothing-yet")).color(style::MUTED));
    }
    for i in injections.iter().rev() {
        ui.label(format!(
            "R{} {}  {}  ({})",
            i.round,
            clock(i.minute),
            i.headline.get(l),
            target_words(&i.target, teams, l)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::ui::testing::{shows, texts};

    fn model() -> Model {
        let (name, src) = crate::scenario::DEFAULT_SCENARIO;
        crate::scenario::load_str(name, src).unwrap()
    }

    /// The console of round 2 running at minute 30, nothing injected or coming.
    fn running<'a>(model: &'a Model, teams: &'a [String]) -> ConsoleView<'a> {
        ConsoleView {
            model,
            teams,
            round: 2,
            minute: 30.0,
            running: true,
            finished: false,
            paused: false,
            speeds: &crate::game::clock::SPEEDS,
            speed: 1,
            injections: &[],
            coming: &[],
            now: crate::domain::SimTime::ZERO,
        }
    }

    #[test]
    fn the_console_shows_round_control_and_the_palette() {
        let model = model();
        let teams = vec!["Team 1".to_string(), "Team 2".to_string()];
        let v = running(&model, &teams);
        let mut state = ConsoleState::default();
        let t = texts(|ui| console(ui, &v, &mut state, &mut Vec::new()));
        for p in crate::game::ui::testing::PROJECTORS {
            let problems = crate::game::ui::testing::layout_problems(p, 280.0, |ui| {
                console(ui, &v, &mut state, &mut Vec::new());
            });
            assert!(problems.is_empty(), "{p:?}: {problems:#?}");
        }
        assert!(shows(&t, "Start round"));
        assert!(shows(&t, "End round"));
        assert!(shows(&t, model.palette[0].headline.english()), "{t:?}");
        assert_eq!(state.params.len(), model.palette[0].kind.params().len());
    }

    #[test]
    fn the_command_targets_the_chosen_teams() {
        let model = model();
        let mut state = ConsoleState {
            all_teams: false,
            chosen: vec![false, true, true],
            now: false,
            at_minute: 90.0,
            ..Default::default()
        };
        state.params = model.palette[0]
            .kind
            .params()
            .iter()
            .map(|(_, x)| x * 2.0)
            .collect();
        match state.command(&model) {
            Some(Command::Inject {
                disruption,
                target,
                at_minute,
            }) => {
                assert_eq!(target, Target::Factories(vec![1, 2]));
                assert_eq!(at_minute, Some(90.0));
                assert_eq!(
                    disruption.kind.params()[0].1,
                    model.palette[0].kind.params()[0].1 * 2.0
                );
            }
            other => panic!("{other:?}"),
        }
        state.chosen = vec![false; 3];
        assert_eq!(state.command(&model), None);
    }

    #[test]
    fn every_number_of_the_palettes_has_a_people_facing_name() {
        for (name, src) in crate::scenario::SHIPPED {
            let model = crate::scenario::load_str(name, src).unwrap();
            for d in &model.palette {
                for (p, v) in d.kind.params() {
                    let (label, unit) = param_label(p);
                    assert_ne!(label, "param-amount", "{name}: {p} has no name");
                    for l in Lang::ALL {
                        assert_ne!(tr(l, label, &[]), label, "{label} has no message");
                    }
                    assert!(!unit.format(v).contains("0.33"), "{}", unit.format(v));
                }
            }
        }
        assert_eq!(ParamUnit::Percent.format(0.33), "33 %");
        assert_eq!(ParamUnit::Minutes.format(180.0), "180 min");
    }

    #[test]
    fn ending_a_round_asks_first() {
        use crate::game::ui::testing::Pointer;
        let model = model();
        let teams = vec!["Team 1".to_string()];
        let v = running(&model, &teams);
        let mut state = ConsoleState::default();
        let mut actions = Vec::new();
        let mut draw = |ui: &mut egui::Ui| console(ui, &v, &mut state, &mut actions);
        let p = Pointer::new(&mut draw);
        assert!(p.click("⏹ End round", &mut draw));
        assert!(p.find("Yes, end the round", &mut draw).is_some());
        assert!(p.click("Cancel", &mut draw));
        assert!(p.find("Yes, end the round", &mut draw).is_none());
        assert!(p.click("⏹ End round", &mut draw));
        assert!(p.click("Yes, end the round", &mut draw));
        assert!(
            matches!(actions.as_slice(), [UiAction::Command(Command::EndRound)]),
            "{actions:?}"
        );
        assert!(!state.confirm_end);
    }
}
