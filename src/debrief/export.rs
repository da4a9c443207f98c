//! Exporting a debrief to a folder: a CSV of every table, a PNG of every chart, and a self-contained HTML
//! report (charts embedded) that a participant can open at home.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;

use super::reflection::{DIALOGUE, QUESTIONS, Reflection};
use super::{Debrief, charts};
use crate::metrics::Metrics;

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exported {
    pub csv: Vec<PathBuf>,
    pub png: Vec<PathBuf>,
    pub html: PathBuf,
}

type Result<T> = std::result::Result<T, String>;

fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// A file-name-safe version of a team name.
fn slug(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    s.trim_matches('_').to_string()
}

fn write_csv(
    path: &Path,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<()> {
    let mut w = csv::Writer::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    w.write_record(header).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(&r).map_err(|e| e.to_string())?;
    }
    w.flush().map_err(io(path))
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| format!("{x:.3}"))
}

/// The metric columns of the scoreboard CSV.
const METRIC_COLUMNS: [&str; 27] = [
    "orders_received",
    "orders_delivered",
    "orders_on_time",
    "orders_late",
    "orders_lost",
    "revenue",
    "costs",
    "profit",
    "lead_time_mean_min",
    "lead_time_p90_min",
    "throughput_per_hour",
    "wip_mean",
    "flow_efficiency",
    "task_wait_mean_min",
    "handoffs",
    "cross_unit_handoffs",
    "cross_unit_wait_mean_min",
    "questions",
    "rework_tasks",
    "tasks_started",
    "defects_found",
    "ties",
    "ei_index",
    "utilization_mean",
    "utilization_cv",
    "boundary_spanners",
    "minutes",
];

fn metric_values(m: &Metrics) -> Vec<String> {
    vec![
        m.orders_received.to_string(),
        m.orders_delivered.to_string(),
        m.orders_on_time.to_string(),
        m.orders_late.to_string(),
        m.orders_lost.to_string(),
        format!("{:.2}", m.revenue),
        format!("{:.2}", m.costs),
        format!("{:.2}", m.profit),
        opt(m.lead_time_mean_min),
        opt(m.lead_time_p90_min),
        format!("{:.3}", m.throughput_per_hour),
        format!("{:.3}", m.wip_mean),
        opt(m.flow_efficiency),
        opt(m.task_wait_mean_min),
        m.handoffs.to_string(),
        m.cross_unit_handoffs.to_string(),
        opt(m.cross_unit_wait_mean_min),
        m.questions.to_string(),
        m.rework_tasks.to_string(),
        m.tasks_started.to_string(),
        m.defects_found.to_string(),
        m.ties.to_string(),
        opt(m.ei_index),
        opt(m.utilization_mean),
        opt(m.utilization_cv),
        m.boundary_spanners.join(" "),
        format!("{:.1}", m.minutes),
    ]
}

/// Writes every table as CSV into `dir`.
pub fn tables(d: &Debrief, reflection: &Reflection, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut file = |name: &str| {
        let p = dir.join(name);
        out.push(p.clone());
        p
    };
    let mut header = vec!["team", "round", "design"];
    header.extend(METRIC_COLUMNS);
    write_csv(
        &file("scoreboard.csv"),
        &header,
        d.report.factories.iter().flat_map(|f| {
            std::iter::once(&f.totals).chain(&f.rounds).map(move |m| {
                let mut row = vec![f.name.clone(), m.round.to_string(), m.design.clone()];
                row.extend(metric_values(m));
                row
            })
        }),
    )?;
    write_csv(
        &file("disruptions.csv"),
        &[
            "disruption",
            "kind",
            "headline",
            "round",
            "minute",
            "team",
            "dip_pct",
            "recovery_min",
            "responses",
        ],
        d.disruptions.iter().flat_map(|dis| {
            dis.teams.iter().map(move |t| {
                vec![
                    dis.report.id.clone(),
                    dis.report.kind.clone(),
                    dis.report.headline.clone(),
                    dis.report.round.to_string(),
                    format!("{:.1}", dis.report.minute),
                    d.teams[t.team].name.clone(),
                    opt(t.dip_pct),
                    opt(t.recovery_min),
                    t.responses.join("; "),
                ]
            })
        }),
    )?;
    write_csv(
        &file("handoffs.csv"),
        &["team", "from_unit", "to_unit", "handoffs", "wait_mean_min"],
        d.teams.iter().flat_map(|t| {
            t.details.handoffs.iter().map(move |h| {
                vec![
                    t.name.clone(),
                    h.from.clone(),
                    h.to.clone(),
                    h.count.to_string(),
                    opt(h.wait_mean_min),
                ]
            })
        }),
    )?;
    write_csv(
        &file("ties.csv"),
        &["team", "worker_a", "worker_b", "ties"],
        d.teams.iter().flat_map(|t| {
            t.details.ties.pairs.iter().map(move |(&(a, b), w)| {
                let name = |i: u16| {
                    d.tables
                        .workers
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_default()
                };
                vec![t.name.clone(), name(a), name(b), w.to_string()]
            })
        }),
    )?;
    write_csv(
        &file("units.csv"),
        &["team", "unit", "ei_index", "ties_out", "ties_in"],
        d.teams.iter().flat_map(|t| {
            let ei = t.details.ties.ei_per_unit();
            t.details.units.iter().map(move |u| {
                let (e, i) = t.details.ties.per_unit.get(u).copied().unwrap_or_default();
                vec![
                    t.name.clone(),
                    u.clone(),
                    opt(ei.get(u).copied().flatten()),
                    e.to_string(),
                    i.to_string(),
                ]
            })
        }),
    )?;
    write_csv(
        &file("betweenness.csv"),
        &["team", "worker", "unit", "betweenness"],
        d.teams.iter().flat_map(|t| {
            let b = t.details.ties.betweenness(d.tables.workers.len());
            d.tables.workers.iter().enumerate().map(move |(w, name)| {
                vec![
                    t.name.clone(),
                    name.clone(),
                    t.details.worker_unit.get(w).cloned().unwrap_or_default(),
                    format!("{:.4}", b[w]),
                ]
            })
        }),
    )?;
    write_csv(
        &file("coordination.csv"),
        &[
            "team",
            "questions",
            "answers",
            "rework_cause",
            "rework_triggers",
        ],
        d.teams.iter().flat_map(|t| {
            let causes = if t.details.rework_causes.is_empty() {
                vec![("none".to_string(), 0)]
            } else {
                t.details.rework_causes.clone()
            };
            causes.into_iter().map(move |(cause, n)| {
                vec![
                    t.name.clone(),
                    t.details.questions.to_string(),
                    t.details.answers.to_string(),
                    cause,
                    n.to_string(),
                ]
            })
        }),
    )?;
    let mut flow_header = vec![
        "team".to_string(),
        "minute".into(),
        "round".into(),
        "wip".into(),
        "throughput_per_hour".into(),
        "delivered".into(),
    ];
    flow_header.extend(d.tables.steps.iter().map(|s| format!("reached_{s}")));
    let flow_header: Vec<&str> = flow_header.iter().map(String::as_str).collect();
    write_csv(
        &file("flow.csv"),
        &flow_header,
        d.teams.iter().flat_map(|t| {
            let f = &t.flow;
            (0..f.minutes.len()).map(move |i| {
                let mut row = vec![
                    t.name.clone(),
                    format!("{:.0}", f.minutes[i]),
                    f.round[i].to_string(),
                    format!("{:.0}", f.wip[i]),
                    format!("{:.0}", f.throughput[i]),
                    f.delivered[i].to_string(),
                ];
                row.extend(f.arrived.iter().map(|s| s[i].to_string()));
                row
            })
        }),
    )?;
    write_csv(
        &file("lead_times.csv"),
        &["team", "round", "lead_time_min"],
        d.teams.iter().flat_map(|t| {
            t.lead_times.iter().enumerate().flat_map(move |(r, leads)| {
                leads
                    .iter()
                    .map(move |l| vec![t.name.clone(), (r + 1).to_string(), format!("{l:.2}")])
            })
        }),
    )?;
    write_csv(
        &file("commands.csv"),
        &["team", "minute", "round", "action"],
        d.teams.iter().flat_map(|t| {
            t.commands.iter().map(move |(m, r, c)| {
                vec![t.name.clone(), format!("{m:.1}"), r.to_string(), c.clone()]
            })
        }),
    )?;
    write_csv(
        &file("reflection.csv"),
        &["team", "kind", "round", "question", "answer"],
        reflection.teams.iter().flat_map(|t| {
            let scores = QUESTIONS.iter().enumerate().flat_map(move |(q, text)| {
                [("before", t.before[q]), ("after", t.after[q])]
                    .into_iter()
                    .map(move |(k, v)| {
                        vec![
                            t.team.clone(),
                            format!("self-assessment {k}"),
                            String::new(),
                            text.to_string(),
                            v.to_string(),
                        ]
                    })
            });
            let notes = t.notes.iter().enumerate().flat_map(move |(r, n)| {
                DIALOGUE.iter().zip(n.iter()).map(move |(q, a)| {
                    vec![
                        t.team.clone(),
                        "note".into(),
                        (r + 1).to_string(),
                        q.to_string(),
                        a.clone(),
                    ]
                })
            });
            scores.chain(notes)
        }),
    )?;
    Ok(out)
}

/// Renders every chart as PNG into `dir`.
pub fn pictures(d: &Debrief, dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut chart = |name: String, f: &dyn Fn(&Path) -> Result<()>| -> Result<()> {
        let p = dir.join(name);
        f(&p)?;
        out.push(p);
        Ok(())
    };
    chart("compare_throughput.png".into(), &|p| charts::compare(d, p))?;
    if !d.disruptions.is_empty() {
        chart("disruption_dips.png".into(), &|p| charts::disruptions(d, p))?;
    }
    for (t, team) in d.teams.iter().enumerate() {
        let s = slug(&team.name);
        chart(format!("{s}_flow.png"), &|p| charts::flow(d, t, p))?;
        chart(format!("{s}_cumulative_flow.png"), &|p| {
            charts::cfd(d, t, p)
        })?;
        chart(format!("{s}_lead_times.png"), &|p| {
            charts::lead_times(d, t, p)
        })?;
        chart(format!("{s}_handoffs.png"), &|p| charts::handoffs(d, t, p))?;
        chart(format!("{s}_network.png"), &|p| charts::network(d, t, p))?;
        chart(format!("{s}_ei_index.png"), &|p| charts::ei(d, t, p))?;
    }
    Ok(out)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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

/// The self-contained HTML report.
pub fn html(d: &Debrief, reflection: &Reflection, pictures: &[PathBuf]) -> Result<String> {
    let pic = |name: &str| -> Result<String> {
        pictures
            .iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy() == name))
            .map_or(Ok(String::new()), |p| img(p))
    };
    let mut h = String::new();
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
    // Scoreboard.
    h.push_str(
        "<h2>Scoreboard</h2><p>Totals over all rounds; bold green is the best in the column.</p>",
    );
    let cols: [(&str, fn(&Metrics) -> Option<f64>, bool); 8] = [
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
    h.push_str("<table><tr><th>Team</th><th>Design</th>");
    for (c, _, _) in &cols {
        let _ = write!(h, "<th>{c}</th>");
    }
    h.push_str("</tr>");
    let best: Vec<Option<f64>> = cols
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
        for ((_, get, _), b) in cols.iter().zip(&best) {
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
    h.push_str(&pic("compare_throughput.png")?);
    // Disruptions.
    if !d.disruptions.is_empty() {
        h.push_str("<h2>Disruptions</h2><p>Dip: how far throughput over the trailing hour fell below the hour before. Recovery: minutes until it was back to 90%. Response: what the team changed in the four hours after.</p><table><tr><th>Disruption</th><th>Team</th><th>Dip %</th><th>Recovery (min)</th><th>Response</th></tr>");
        for dis in &d.disruptions {
            for t in &dis.teams {
                let _ = write!(
                    h,
                    "<tr><td>R{} {:.0}: {}</td><td>{}</td><td>{}</td><td>{}</td><td style=\"text-align:left\">{}</td></tr>",
                    dis.report.round,
                    dis.report.minute,
                    esc(&dis.report.headline),
                    esc(&d.teams[t.team].name),
                    t.dip_pct.map_or("-".into(), |x| format!("{x:.0}")),
                    t.recovery_min.map_or("-".into(), |x| format!("{x:.0}")),
                    esc(&t.responses.join("; "))
                );
            }
        }
        h.push_str("</table>");
        h.push_str(&pic("disruption_dips.png")?);
    }
    // Teams.
    for (t, team) in d.teams.iter().enumerate() {
        let s = slug(&team.name);
        let _ = write!(h, "<h2>{}</h2>", esc(&team.name));
        if let Some(r) = reflection.teams.get(t) {
            h.push_str("<h3>Self-assessment (1-5)</h3><table><tr><th>Question</th><th>Before</th><th>After</th></tr>");
            for (q, text) in QUESTIONS.iter().enumerate() {
                let v = |x: u8| {
                    if x == 0 {
                        "-".to_string()
                    } else {
                        x.to_string()
                    }
                };
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(text),
                    v(r.before[q]),
                    v(r.after[q])
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
        for name in [
            "flow",
            "cumulative_flow",
            "lead_times",
            "handoffs",
            "network",
            "ei_index",
        ] {
            h.push_str(&pic(&format!("{s}_{name}.png"))?);
        }
    }
    h.push_str("<p>Made with Cake Factory. Every figure is computed from the session's event log.</p></body></html>");
    Ok(h)
}

/// Writes the whole export into `dir` (created if needed).
pub fn export(d: &Debrief, reflection: &Reflection, dir: &Path) -> Result<Exported> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let csv = tables(d, reflection, dir)?;
    let png = pictures(d, dir)?;
    let html_path = dir.join("report.html");
    std::fs::write(&html_path, html(d, reflection, &png)?).map_err(io(&html_path))?;
    Ok(Exported {
        csv,
        png,
        html: html_path,
    })
}
