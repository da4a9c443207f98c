//! The self-contained HTML report: the scoreboard, the disruptions and every team's reflection and charts,
//! with the PNG charts embedded, so one file can be mailed to participants.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use super::{Result, io, slug};
use crate::debrief::Debrief;
use crate::debrief::answers::{Answer, answers};
use crate::debrief::reflection::{Reflection, TeamReflection, participants_scale, question_text};
use crate::debrief::voices::question;
use crate::domain::Phase;
use crate::i18n::{Lang, count, decimal, tr};
use crate::metrics::Metrics;
use crate::t;

/// A scoreboard column: its title's message id, its value and whether higher is better.
type Column = (&'static str, fn(&Metrics) -> Option<f64>, bool);

/// The scoreboard's columns.
const COLUMNS: [Column; 8] = [
    ("fig-delivered", |m| Some(m.orders_delivered as f64), true),
    (
        "report-on-time-share",
        |m| {
            (m.orders_delivered > 0)
                .then(|| 100.0 * m.orders_on_time as f64 / m.orders_delivered as f64)
        },
        true,
    ),
    ("fig-profit", |m| Some(m.profit), true),
    ("fig-lead-mean", |m| m.lead_time_mean_min, false),
    ("fig-lead-p90", |m| m.lead_time_p90_min, false),
    ("fig-rework", |m| Some(m.rework_tasks as f64), false),
    ("fig-cross-wait", |m| m.cross_unit_wait_mean_min, false),
    ("fig-lost", |m| Some(m.orders_lost as f64), false),
];

/// The charts of each team, by the end of their file names.
const TEAM_CHARTS: [&str; 6] = [
    "flow",
    "cumulative_flow",
    "lead_times",
    "handoffs",
    "network",
    "ei_index",
];

/// A number without decimals, or "-" when there is none.
fn num(l: Lang, x: Option<f64>) -> String {
    x.map_or("-".into(), |x| count(l, x))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A PNG file as an embedded image.
fn img(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(io(path))?;
    Ok(format!(
        "<img alt=\"{}\" src=\"data:image/png;base64,{}\">",
        esc(&path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()),
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

/// The charts of an export, found by file name.
struct Pictures<'a>(&'a [PathBuf]);

impl Pictures<'_> {
    /// The chart called `name` as an embedded image (nothing if there is none).
    fn get(&self, name: &str) -> Result<String> {
        self.0
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == name))
            .map_or(Ok(String::new()), |p| img(p))
    }
}

/// The self-contained HTML report, in `l`.
pub fn html(d: &Debrief, reflection: &Reflection, pictures: &[PathBuf], l: Lang) -> Result<String> {
    let pictures = Pictures(pictures);
    let mut h = String::new();
    head(&mut h, d, l);
    scoreboard(&mut h, d, l);
    h.push_str(&pictures.get("compare_throughput.png")?);
    if !d.disruptions.is_empty() {
        disruptions(&mut h, d, l);
        h.push_str(&pictures.get("disruption_impact.png")?);
    }
    for (t, team) in d.teams.iter().enumerate() {
        let _ = write!(h, "<h2>{}</h2>", esc(d.say(l, &team.name)));
        let empty = TeamReflection::default();
        team_reflection(
            &mut h,
            d,
            t,
            reflection.teams.get(t).unwrap_or(&empty),
            &answers(d, t, l),
            l,
        );
        let s = slug(&team.name);
        for name in TEAM_CHARTS {
            h.push_str(&pictures.get(&format!("{s}_{name}.png"))?);
        }
    }
    let _ = write!(h, "<p>{}</p></body></html>", esc(&t!(l, "report-footer")));
    Ok(h)
}

/// The document's head, style and title lines.
fn head(h: &mut String, d: &Debrief, l: Lang) {
    let scenario = d.say(l, &d.scenario);
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>body{{font-family:sans-serif;max-width:1200px;margin:auto;padding:1em;color:#222}}\
         table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:right}}\
         th{{background:#eee}}td:first-child,th:first-child{{text-align:left}}img{{max-width:100%;margin:1em 0}}\
         .best{{font-weight:bold;color:#07823a}}h2{{border-bottom:2px solid #ddd}}</style></head><body>",
        l.code(),
        esc(&t!(l, "report-title", scenario = scenario))
    );
    let _ = write!(
        h,
        "<h1>{}</h1><p>{}</p>",
        esc(&t!(l, "report-heading")),
        esc(&t!(
            l,
            "report-session",
            scenario = scenario,
            seed = d.seed.to_string(),
            teams = d.teams.len(),
            rounds = d.rounds,
            minutes = d.round_minutes
        ))
    );
}

/// Every team's totals, the best value of each column marked.
fn scoreboard(h: &mut String, d: &Debrief, l: Lang) {
    let _ = write!(
        h,
        "<h2>{}</h2><p>{}</p><table><tr><th>{}</th><th>{}</th>",
        esc(&t!(l, "tab-scoreboard")),
        esc(&t!(l, "report-scoreboard-caption")),
        esc(&t!(l, "disruptions-team")),
        esc(&t!(l, "report-design"))
    );
    for (c, _, _) in &COLUMNS {
        let _ = write!(h, "<th>{}</th>", esc(&tr(l, c, &[])));
    }
    h.push_str("</tr>");
    let best: Vec<Option<f64>> = COLUMNS
        .iter()
        .map(|(_, f, hi)| {
            d.report
                .factories
                .iter()
                .filter_map(|x| f(&x.totals))
                .reduce(|a, b| if *hi { a.max(b) } else { a.min(b) })
        })
        .collect();
    for f in &d.report.factories {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td>",
            esc(d.say(l, &f.name)),
            esc(d.say(l, &f.design))
        );
        for ((_, get, _), b) in COLUMNS.iter().zip(&best) {
            match get(&f.totals) {
                Some(v) => {
                    let class = if b.is_some_and(|b| (b - v).abs() < 1e-9) && d.teams.len() > 1 {
                        " class=\"best\""
                    } else {
                        ""
                    };
                    let _ = write!(h, "<td{class}>{}</td>", decimal(l, v, 1));
                }
                None => h.push_str("<td>-</td>"),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table>");
}

/// Each disruption, what it cost each team against its twin, and the team's response.
fn disruptions(h: &mut String, d: &Debrief, l: Lang) {
    let _ = write!(
        h,
        "<h2>{}</h2><p>{}</p><table><tr>",
        esc(&t!(l, "tab-disruptions")),
        esc(&t!(
            l,
            "disruptions-caption",
            minutes = crate::debrief::RESPONSE_MIN
        ))
    );
    for c in [
        "report-disruption",
        "disruptions-team",
        "disruptions-lost",
        "disruptions-late",
        "disruptions-profit",
        "report-settled-min",
        "disruptions-response",
    ] {
        let _ = write!(h, "<th>{}</th>", esc(&tr(l, c, &[])));
    }
    h.push_str("</tr>");
    for dis in &d.disruptions {
        let r = &dis.report;
        for t in &dis.teams {
            let responses: Vec<String> = t
                .responses
                .iter()
                .map(|c| d.response(r.start_min, c, l))
                .collect();
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                esc(&format!(
                    "{}: {}",
                    crate::debrief::round_clock(r.start_min, &d.round_starts),
                    d.say(l, &r.headline)
                )),
                esc(d.team_name(l, t.team)),
                num(l, t.impact.as_ref().map(|i| i.deliveries_lost)),
                num(l, t.impact.as_ref().map(|i| i.late_added)),
                num(l, t.impact.as_ref().map(|i| i.profit_lost)),
                num(l, t.impact.as_ref().map(|i| i.settled_min)),
                esc(&responses.join("; "))
            );
        }
    }
    h.push_str("</table>");
}

/// A team's self-assessment before and after beside the figures that answer each question (the
/// participants' own from their devices, else the facilitator's entry), then per round the team's dialogue
/// answers and the facilitator's notes.
fn team_reflection(
    h: &mut String,
    d: &Debrief,
    team: usize,
    r: &TeamReflection,
    measured: &[Answer; 3],
    l: Lang,
) {
    let _ = write!(
        h,
        "<h3>{}</h3><p>{}</p><table><tr><th></th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(&t!(l, "reflect-self")),
        esc(&t!(l, "reflect-voices-caption")),
        esc(&t!(l, "reflect-before")),
        esc(&t!(l, "reflect-after")),
        esc(&t!(l, "reflect-measured"))
    );
    let factory = team as u16;
    let score = |phase: Phase, q: usize, typed: u8| {
        participants_scale(&d.voices, phase, q, factory, l).unwrap_or_else(|| {
            if typed == 0 {
                "-".to_string()
            } else {
                format!("{typed} ({})", t!(l, "reflect-typed"))
            }
        })
    };
    for (q, answer) in measured.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}<br><i>{}</i></td></tr>",
            esc(&question_text(l, q)),
            esc(&score(Phase::Before, q, r.before[q])),
            esc(&score(Phase::After, q, r.after[q])),
            answer
                .figures
                .iter()
                .map(|f| esc(f))
                .collect::<Vec<_>>()
                .join("<br>"),
            esc(&answer.aid)
        );
    }
    h.push_str("</table>");
    for (round, notes) in r.notes.iter().enumerate() {
        let mut items = String::new();
        for (q, note) in notes.iter().enumerate() {
            let said: Vec<String> = d
                .voices
                .answers_to(round as u32 + 1, q as u8)
                .into_iter()
                .filter(|a| a.factory == factory)
                .map(|a| {
                    if a.signed.is_empty() {
                        format!("“{}”", a.text)
                    } else {
                        format!("“{}” — {}", a.text, a.signed)
                    }
                })
                .chain(
                    (!note.trim().is_empty())
                        .then(|| format!("{}: {}", t!(l, "reflect-facilitator-note"), note.trim())),
                )
                .collect();
            if !said.is_empty() {
                let _ = write!(
                    items,
                    "<li><b>{}</b> {}</li>",
                    esc(&question(l, q)),
                    said.iter().map(|x| esc(x)).collect::<Vec<_>>().join("<br>")
                );
            }
        }
        if !items.is_empty() {
            let _ = write!(
                h,
                "<h3>{}</h3><ul>{items}</ul>",
                esc(&t!(l, "report-round-dialogue", round = round + 1))
            );
        }
    }
}
