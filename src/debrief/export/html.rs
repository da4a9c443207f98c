//! The self-contained HTML report: the scoreboard, the disruptions and every team's reflection and charts,
//! with the PNG charts embedded, so one file can be mailed to participants.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use super::{Result, io, slug};
use crate::debrief::Debrief;
use crate::debrief::answers::{Answer, answers};
use crate::debrief::reflection::{DIALOGUE, QUESTIONS, Reflection, TeamReflection};
use crate::metrics::Metrics;

/// A scoreboard column: its title, its value and whether higher is better.
type Column = (&'static str, fn(&Metrics) -> Option<f64>, bool);

/// The scoreboard's columns.
const COLUMNS: [Column; 8] = [
    ("Delivered", |m| Some(m.orders_delivered as f64), true),
    (
        "On time %",
        |m| {
            (m.orders_delivered > 0)
                .then(|| 100.0 * m.orders_on_time as f64 / m.orders_delivered as f64)
        },
        true,
    ),
    ("Profit", |m| Some(m.profit), true),
    ("Lead mean (min)", |m| m.lead_time_mean_min, false),
    ("Lead p90 (min)", |m| m.lead_time_p90_min, false),
    ("Rework tasks", |m| Some(m.rework_tasks as f64), false),
    (
        "Cross-unit wait (min)",
        |m| m.cross_unit_wait_mean_min,
        false,
    ),
    ("Lost", |m| Some(m.orders_lost as f64), false),
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
fn num(x: Option<f64>) -> String {
    x.map_or("-".into(), |x| format!("{x:.0}"))
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

/// The self-contained HTML report.
pub fn html(d: &Debrief, reflection: &Reflection, pictures: &[PathBuf]) -> Result<String> {
    let pictures = Pictures(pictures);
    let mut h = String::new();
    head(&mut h, d);
    scoreboard(&mut h, d);
    h.push_str(&pictures.get("compare_throughput.png")?);
    if !d.disruptions.is_empty() {
        disruptions(&mut h, d);
        h.push_str(&pictures.get("disruption_impact.png")?);
    }
    for (t, team) in d.teams.iter().enumerate() {
        let _ = write!(h, "<h2>{}</h2>", esc(&team.name));
        let empty = TeamReflection::default();
        team_reflection(
            &mut h,
            reflection.teams.get(t).unwrap_or(&empty),
            &answers(d, t),
        );
        let s = slug(&team.name);
        for name in TEAM_CHARTS {
            h.push_str(&pictures.get(&format!("{s}_{name}.png"))?);
        }
    }
    h.push_str("<p>Made with Cake Factory. Every figure is computed from the session's event log.</p></body></html>");
    Ok(h)
}

/// The document's head, style and title lines.
fn head(h: &mut String, d: &Debrief) {
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Cake Factory debrief: {}</title>\
         <style>body{{font-family:sans-serif;max-width:1200px;margin:auto;padding:1em;color:#222}}\
         table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:right}}\
         th{{background:#eee}}td:first-child,th:first-child{{text-align:left}}img{{max-width:100%;margin:1em 0}}\
         .best{{font-weight:bold;color:#07823a}}h2{{border-bottom:2px solid #ddd}}</style></head><body>",
        esc(&d.scenario)
    );
    let _ = write!(
        h,
        "<h1>Cake Factory debrief</h1><p>Scenario <b>{}</b>, seed {}, {} teams, {} rounds of {} minutes.</p>",
        esc(&d.scenario),
        d.seed,
        d.teams.len(),
        d.rounds,
        d.round_minutes
    );
}

/// Every team's totals, the best value of each column marked.
fn scoreboard(h: &mut String, d: &Debrief) {
    h.push_str(
        "<h2>Scoreboard</h2><p>Totals over all rounds; bold green is the best in the column.</p>",
    );
    h.push_str("<table><tr><th>Team</th><th>Design</th>");
    for (c, _, _) in &COLUMNS {
        let _ = write!(h, "<th>{c}</th>");
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
            esc(&f.name),
            esc(&f.design)
        );
        for ((_, get, _), b) in COLUMNS.iter().zip(&best) {
            match get(&f.totals) {
                Some(v) => {
                    let class = if b.is_some_and(|b| (b - v).abs() < 1e-9) && d.teams.len() > 1 {
                        " class=\"best\""
                    } else {
                        ""
                    };
                    let _ = write!(h, "<td{class}>{v:.1}</td>");
                }
                None => h.push_str("<td>-</td>"),
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</table>");
}

/// Each disruption, what it cost each team against its twin, and the team's response.
fn disruptions(h: &mut String, d: &Debrief) {
    h.push_str("<h2>Disruptions</h2><p>What each disruption cost, against the team's twin: the same factory re-simulated from the instant before without it (same later decisions and random draws), over a round's length after it. Lost: the twin's deliveries (profit) minus the team's; late: the team's late deliveries minus the twin's; settled: minutes until the delivery gap stopped growing. Response: what the team changed in the four hours after.</p><table><tr><th>Disruption</th><th>Team</th><th>Deliveries lost</th><th>More late</th><th>Profit lost</th><th>Settled after (min)</th><th>Response</th></tr>");
    for dis in &d.disruptions {
        for t in &dis.teams {
            let _ = write!(
                h,
                "<tr><td>R{} {:.0}: {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                dis.report.round,
                dis.report.minute,
                esc(&dis.report.headline),
                esc(&d.teams[t.team].name),
                num(t.impact.as_ref().map(|i| i.deliveries_lost)),
                num(t.impact.as_ref().map(|i| i.late_added)),
                num(t.impact.as_ref().map(|i| i.profit_lost)),
                num(t.impact.as_ref().map(|i| i.settled_min)),
                esc(&t.responses.join("; "))
            );
        }
    }
    h.push_str("</table>");
}

/// A team's self-assessment before and after beside the figures that answer each question, and its notes
/// per round.
fn team_reflection(h: &mut String, r: &TeamReflection, measured: &[Answer; 3]) {
    h.push_str(
        "<h3>Self-assessment (1-5)</h3><table><tr><th>Question</th><th>Before</th><th>After</th><th>Measured</th></tr>",
    );
    let score = |x: u8| {
        if x == 0 {
            "-".to_string()
        } else {
            x.to_string()
        }
    };
    for (q, text) in QUESTIONS.iter().enumerate() {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}<br><i>{}</i></td></tr>",
            esc(text),
            score(r.before[q]),
            score(r.after[q]),
            measured[q]
                .figures
                .iter()
                .map(|f| esc(f))
                .collect::<Vec<_>>()
                .join("<br>"),
            esc(measured[q].aid)
        );
    }
    h.push_str("</table>");
    for (round, notes) in r.notes.iter().enumerate() {
        if notes.iter().all(|n| n.trim().is_empty()) {
            continue;
        }
        let _ = write!(h, "<h3>Round {} reflections</h3><ul>", round + 1);
        for (q, n) in DIALOGUE.iter().zip(notes) {
            if !n.trim().is_empty() {
                let _ = write!(h, "<li><b>{}</b> {}</li>", esc(q), esc(n));
            }
        }
        h.push_str("</ul>");
    }
}
