//! Exporting a debrief to a folder: a CSV of every table, a PNG of every chart, and a self-contained HTML
//! report (charts embedded) that a participant can open at home.

use std::path::{Path, PathBuf};

mod html;
mod tables;
pub mod takehome;

pub use html::html;
pub use tables::tables;
pub use takehome::take_home;

use super::reflection::Reflection;
use super::{Debrief, charts};
use crate::i18n::Lang;
use crate::metrics::Metrics;

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exported {
    /// The CSV tables written.
    pub csv: Vec<PathBuf>,
    /// The PNG charts written.
    pub png: Vec<PathBuf>,
    /// The HTML report.
    pub html: PathBuf,
    /// Each participant's take-home page (none when nobody answered from a device).
    pub take_home: Vec<PathBuf>,
}

pub(super) type Result<T> = std::result::Result<T, String>;

pub(super) fn io(path: &Path) -> impl Fn(std::io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// A file-name-safe version of a team name.
pub(super) fn slug(s: &str) -> String {
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

pub(super) fn write_csv(
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

pub(super) fn opt(v: Option<f64>) -> String {
    v.map_or_else(String::new, |x| format!("{x:.3}"))
}

/// The metric columns of the scoreboard CSV.
pub(super) const METRIC_COLUMNS: [&str; 27] = [
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

pub(super) fn metric_values(m: &Metrics) -> Vec<String> {
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

/// Renders every chart as PNG into `dir`, their texts in `l`.
pub fn pictures(d: &Debrief, dir: &Path, l: Lang) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut chart = |name: String, f: &dyn Fn(&Path) -> Result<()>| -> Result<()> {
        let p = dir.join(name);
        f(&p)?;
        out.push(p);
        Ok(())
    };
    chart("compare_throughput.png".into(), &|p| {
        charts::compare(d, p, l)
    })?;
    if !d.disruptions.is_empty() {
        chart("disruption_impact.png".into(), &|p| {
            charts::disruptions(d, p, l)
        })?;
    }
    for (t, team) in d.teams.iter().enumerate() {
        let s = slug(&team.name);
        chart(format!("{s}_flow.png"), &|p| charts::flow(d, t, p, l))?;
        chart(format!("{s}_cumulative_flow.png"), &|p| {
            charts::cfd(d, t, p, l)
        })?;
        chart(format!("{s}_lead_times.png"), &|p| {
            charts::lead_times(d, t, p, l)
        })?;
        chart(format!("{s}_handoffs.png"), &|p| {
            charts::handoffs(d, t, p, l)
        })?;
        chart(format!("{s}_network.png"), &|p| charts::network(d, t, p, l))?;
        chart(format!("{s}_ei_index.png"), &|p| charts::ei(d, t, p, l))?;
    }
    Ok(out)
}

/// Writes the whole export into `dir` (created if needed): the CSV tables in English (their columns and
/// values stay stable for analysis), the charts, the report and the take-home pages in `lang`.
pub fn export(d: &Debrief, reflection: &Reflection, dir: &Path, lang: Lang) -> Result<Exported> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let csv = tables(d, reflection, dir)?;
    let png = pictures(d, dir, lang)?;
    let html_path = dir.join("report.html");
    std::fs::write(&html_path, html(d, reflection, &png, lang)?).map_err(io(&html_path))?;
    Ok(Exported {
        csv,
        png,
        html: html_path,
        take_home: take_home(d, dir, lang)?,
    })
}
