//! The readable summary `run` prints: totals per team, each round, and the disruptions.

use std::fmt::Write;

use crate::headless::RunOptions;
use crate::metrics::Report;
use crate::scenario::Model;

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "-".into(), |x| format!("{x:.digits$}"))
}

fn pct(num: u64, den: u64) -> String {
    if den == 0 {
        "-".into()
    } else {
        format!("{:.0}%", 100.0 * num as f64 / den as f64)
    }
}

/// The whole summary: a title, the totals, the rounds and the disruptions.
pub(super) fn summary(model: &Model, report: &Report, options: &RunOptions) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — seed {}, {} teams, {} rounds x {} min",
        report.scenario,
        report.seed,
        report.factories.len(),
        model.rounds,
        model.round_len.minutes()
    );
    if !options.plan.is_empty() {
        let _ = writeln!(s, "plan: {} commands", options.plan.len());
    }
    let _ = writeln!(s);
    totals(&mut s, report);
    rounds(&mut s, report);
    disruptions(&mut s, report);
    s
}

/// Every team's totals, with a legend of the columns.
fn totals(s: &mut String, report: &Report) {
    let _ = writeln!(
        s,
        "{:<14} {:<18} {:>5} {:>5} {:>7} {:>5} {:>9} {:>7} {:>7} {:>6} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
        "team",
        "design",
        "recv",
        "dlvd",
        "on time",
        "lost",
        "profit",
        "lead",
        "p90",
        "thr/h",
        "WIP",
        "flow",
        "x-hand",
        "rework",
        "E-I",
        "util"
    );
    for f in &report.factories {
        let m = &f.totals;
        let _ = writeln!(
            s,
            "{:<14} {:<18} {:>5} {:>5} {:>7} {:>5} {:>9.0} {:>7} {:>7} {:>6.2} {:>5.1} {:>5} {:>6} {:>6} {:>6} {:>6}",
            truncate(&f.name, 14),
            truncate(&f.design, 18),
            m.orders_received,
            m.orders_delivered,
            pct(m.orders_on_time, m.orders_delivered),
            m.orders_lost,
            m.profit,
            opt(m.lead_time_mean_min, 1),
            opt(m.lead_time_p90_min, 1),
            m.throughput_per_hour,
            m.wip_mean,
            opt(m.flow_efficiency, 2),
            m.cross_unit_handoffs,
            m.rework_tasks,
            opt(m.ei_index, 2),
            opt(m.utilization_mean, 2),
        );
    }
    let _ = writeln!(
        s,
        "\nlead, p90: mean and 90th percentile lead time (min); thr/h: deliveries per hour; flow: touch / lead time;"
    );
    let _ = writeln!(
        s,
        "x-hand: cross-unit handoffs; E-I: Krackhardt E-I index of worker ties; util: mean utilisation."
    );
}

/// Every team's figures in each round.
fn rounds(s: &mut String, report: &Report) {
    let _ = writeln!(s, "\nPer round:");
    let _ = writeln!(
        s,
        "{:<14} {:>5} {:<18} {:>5} {:>7} {:>9} {:>7} {:>6} {:>6} {:<30}",
        "team", "round", "design", "dlvd", "on time", "profit", "lead", "x-wait", "qs", "spanners"
    );
    for f in &report.factories {
        for m in &f.rounds {
            let _ = writeln!(
                s,
                "{:<14} {:>5} {:<18} {:>5} {:>7} {:>9.0} {:>7} {:>6} {:>6} {:<30}",
                truncate(&f.name, 14),
                m.round,
                truncate(&m.design, 18),
                m.orders_delivered,
                pct(m.orders_on_time, m.orders_delivered),
                m.profit,
                opt(m.lead_time_mean_min, 1),
                opt(m.cross_unit_wait_mean_min, 1),
                m.questions,
                m.boundary_spanners.join(", "),
            );
        }
    }
}

/// The disruptions and what each cost, mean over the teams, measured against their twins.
fn disruptions(s: &mut String, report: &Report) {
    if !report.disruptions.is_empty() {
        let _ = writeln!(
            s,
            "\nDisruptions, against their twins (mean over teams; lost: twin minus team over a round's length \
             after it; settled: minutes until the delivery gap stopped growing):"
        );
        let _ = writeln!(
            s,
            "  {:<5} {:>5}  {:<22} {:<44} {:>6} {:>5} {:>8} {:>8}",
            "round", "min", "kind", "headline", "lost", "late", "profit", "settled"
        );
        for d in &report.disruptions {
            let i = d.impact.as_ref();
            let _ = writeln!(
                s,
                "  {:<5} {:>5.0}  {:<22} {:<44} {:>6} {:>5} {:>8} {:>8}",
                d.round,
                d.minute,
                d.kind,
                truncate(&d.headline, 44),
                opt(i.map(|i| i.deliveries_lost), 1),
                opt(i.map(|i| i.late_added), 1),
                opt(i.map(|i| i.profit_lost), 0),
                opt(i.map(|i| i.settled_min), 0)
            );
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
