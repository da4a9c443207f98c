//! The readable summary `run` prints: totals per team, each round, and the disruptions, in the language asked
//! for.

use std::fmt::Write;

use crate::headless::RunOptions;
use crate::i18n::{Lang, decimal, percent};
use crate::metrics::Report;
use crate::scenario::Model;
use crate::t;

fn opt(lang: Lang, v: Option<f64>, digits: usize) -> String {
    v.map_or_else(|| "-".into(), |x| decimal(lang, x, digits))
}

fn pct(lang: Lang, num: u64, den: u64) -> String {
    if den == 0 {
        "-".into()
    } else {
        percent(lang, num as f64 / den as f64, 0)
    }
}

/// The whole summary: a title, the totals, the rounds and the disruptions.
pub(super) fn summary(model: &Model, report: &Report, options: &RunOptions, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        t!(
            lang,
            "cli-run-title",
            scenario = model.lexicon.say(lang, &report.scenario),
            seed = report.seed.to_string(),
            teams = report.factories.len(),
            rounds = model.rounds,
            minutes = model.round_len.minutes()
        )
    );
    if !options.plan.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            t!(lang, "cli-run-plan", count = options.plan.len())
        );
    }
    let _ = writeln!(s);
    totals(&mut s, model, report, lang);
    rounds(&mut s, model, report, lang);
    disruptions(&mut s, model, report, lang);
    s
}

/// Every team's totals, with a legend of the columns.
fn totals(s: &mut String, model: &Model, report: &Report, lang: Lang) {
    let _ = writeln!(
        s,
        "{:<14} {:<18} {:>5} {:>5} {:>7} {:>5} {:>9} {:>7} {:>7} {:>6} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
        t!(lang, "cli-col-team"),
        t!(lang, "cli-col-design"),
        t!(lang, "cli-col-received"),
        t!(lang, "cli-col-delivered"),
        t!(lang, "cli-col-on-time"),
        t!(lang, "cli-col-lost"),
        t!(lang, "cli-col-profit"),
        t!(lang, "cli-col-lead"),
        t!(lang, "cli-col-p90"),
        t!(lang, "cli-col-throughput"),
        t!(lang, "cli-col-wip"),
        t!(lang, "cli-col-flow"),
        t!(lang, "cli-col-cross"),
        t!(lang, "cli-col-rework"),
        t!(lang, "cli-col-ei"),
        t!(lang, "cli-col-util")
    );
    for f in &report.factories {
        let m = &f.totals;
        let _ = writeln!(
            s,
            "{:<14} {:<18} {:>5} {:>5} {:>7} {:>5} {:>9} {:>7} {:>7} {:>6} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}",
            truncate(model.lexicon.say(lang, &f.name), 14),
            truncate(&design_title(model, &f.design, lang), 18),
            m.orders_received,
            m.orders_delivered,
            pct(lang, m.orders_on_time, m.orders_delivered),
            m.orders_lost,
            decimal(lang, m.profit, 0),
            opt(lang, m.lead_time_mean_min, 1),
            opt(lang, m.lead_time_p90_min, 1),
            decimal(lang, m.throughput_per_hour, 2),
            decimal(lang, m.wip_mean, 1),
            opt(lang, m.flow_efficiency, 2),
            m.cross_unit_handoffs,
            m.rework_tasks,
            opt(lang, m.ei_index, 2),
            opt(lang, m.utilization_mean, 2),
        );
    }
    let _ = writeln!(s, "\n{}", t!(lang, "cli-run-legend"));
}

/// A design as the room reads it in `lang` (its name when the scenario has no such design).
fn design_title(model: &Model, design: &str, lang: Lang) -> String {
    model
        .designs
        .iter()
        .find(|d| d.name == design)
        .map_or(design, |d| model.lexicon.say(lang, &d.title))
        .to_string()
}

/// Every team's figures in each round.
fn rounds(s: &mut String, model: &Model, report: &Report, lang: Lang) {
    let _ = writeln!(s, "\n{}", t!(lang, "cli-run-per-round"));
    let _ = writeln!(
        s,
        "{:<14} {:>5} {:<18} {:>5} {:>7} {:>9} {:>7} {:>6} {:>6} {:<30}",
        t!(lang, "cli-col-team"),
        t!(lang, "cli-col-round"),
        t!(lang, "cli-col-design"),
        t!(lang, "cli-col-delivered"),
        t!(lang, "cli-col-on-time"),
        t!(lang, "cli-col-profit"),
        t!(lang, "cli-col-lead"),
        t!(lang, "cli-col-cross-wait"),
        t!(lang, "cli-col-questions"),
        t!(lang, "cli-col-spanners")
    );
    for f in &report.factories {
        for m in &f.rounds {
            let _ = writeln!(
                s,
                "{:<14} {:>5} {:<18} {:>5} {:>7} {:>9} {:>7} {:>6} {:>6} {:<30}",
                truncate(model.lexicon.say(lang, &f.name), 14),
                m.round,
                truncate(&design_title(model, &m.design, lang), 18),
                m.orders_delivered,
                pct(lang, m.orders_on_time, m.orders_delivered),
                decimal(lang, m.profit, 0),
                opt(lang, m.lead_time_mean_min, 1),
                opt(lang, m.cross_unit_wait_mean_min, 1),
                m.questions,
                m.boundary_spanners.join(", "),
            );
        }
    }
}

/// The disruptions and what each cost, mean over the teams, measured against their twins.
fn disruptions(s: &mut String, model: &Model, report: &Report, lang: Lang) {
    if !report.disruptions.is_empty() {
        let _ = writeln!(s, "\n{}", t!(lang, "cli-run-disruptions"));
        let _ = writeln!(
            s,
            "  {:<5} {:>5}  {:<22} {:<44} {:>6} {:>5} {:>8} {:>8}",
            t!(lang, "cli-col-round"),
            t!(lang, "cli-col-minute"),
            t!(lang, "cli-col-kind"),
            t!(lang, "cli-col-headline"),
            t!(lang, "cli-col-lost"),
            t!(lang, "cli-col-late"),
            t!(lang, "cli-col-profit"),
            t!(lang, "cli-col-settled")
        );
        for d in &report.disruptions {
            let i = d.impact.as_ref();
            let _ = writeln!(
                s,
                "  {:<5} {:>5}  {:<22} {:<44} {:>6} {:>5} {:>8} {:>8}",
                d.round,
                decimal(lang, d.minute, 0),
                d.kind,
                truncate(model.lexicon.say(lang, &d.headline), 44),
                opt(lang, i.map(|i| i.deliveries_lost), 1),
                opt(lang, i.map(|i| i.late_added), 1),
                opt(lang, i.map(|i| i.profit_lost), 0),
                opt(lang, i.map(|i| i.settled_min), 0)
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
