//! The debrief reads a session's event log and computes every figure with the same code as `run --json`;
//! the export writes every table, every chart and a self-contained HTML report.

mod common;

use cakefactory::debrief::{Debrief, export, reflection};
use cakefactory::sim::journal;
use common::*;

fn busy_session() -> (cakefactory::metrics::Report, String) {
    let model = shipped("cake_factory_2");
    let plan = plan(&model, 4, include_str!("data/plan_busy.ron"));
    let (report, events) = run_capture(&model, &options(7, 4, plan));
    (report, jsonl(&events))
}

#[test]
fn the_debrief_of_a_log_has_the_figures_of_run_json() {
    let (report, log_text) = busy_session();
    let events = journal::parse_log("events.jsonl", &log_text).unwrap();
    let d = Debrief::from_events(&events).unwrap();
    assert_eq!(
        serde_json::to_string(&d.report).unwrap(),
        serde_json::to_string(&report).unwrap()
    );
    assert_eq!(d.teams.len(), 4);
    assert_eq!(d.disruptions.len(), report.disruptions.len());
}

#[test]
fn flows_are_consistent() {
    let (report, log_text) = busy_session();
    let d = Debrief::from_events(&journal::parse_log("e", &log_text).unwrap()).unwrap();
    for (t, team) in d.teams.iter().enumerate() {
        let f = &team.flow;
        assert_eq!(f.minutes.len(), f.wip.len());
        // Cumulative flow lines never cross: each step has at least as many orders as the next, and the
        // last step at least as many as were delivered.
        for i in 0..f.minutes.len() {
            for s in 1..f.arrived.len() {
                assert!(
                    f.arrived[s - 1][i] >= f.arrived[s][i],
                    "team {t} step {s} at {i}"
                );
            }
            assert!(f.arrived.last().unwrap()[i] >= f.delivered[i]);
        }
        // Deliveries are sampled each minute; the last delivery may fall after the last sample.
        assert!(*f.delivered.last().unwrap() <= report.factories[t].totals.orders_delivered);
        assert!(*f.delivered.last().unwrap() + 5 >= report.factories[t].totals.orders_delivered);
        let leads: usize = team.lead_times.iter().map(Vec::len).sum();
        assert_eq!(leads as u64, report.factories[t].totals.orders_delivered);
        let handoffs: u64 = team.details.handoffs.iter().map(|h| h.count).sum();
        assert_eq!(handoffs, report.factories[t].totals.handoffs);
        assert_eq!(team.details.ties.total(), report.factories[t].totals.ties);
    }
    // Team 0 issued commands in the busy plan; they are listed as its responses where they fall.
    assert!(!d.teams[0].commands.is_empty());
}

#[test]
fn the_export_writes_tables_charts_and_a_self_contained_report() {
    let (_, log_text) = busy_session();
    let dir = std::env::temp_dir().join(format!("cf-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = Debrief::from_events(&journal::parse_log("e", &log_text).unwrap()).unwrap();
    let mut refl = reflection::Reflection::default();
    refl.fit(&d.tables.factories, d.rounds as usize);
    refl.teams[1].before = [2, 3, 1];
    refl.teams[1].notes[0][0] = "Sales and bakery never talked".into();
    let done = export::export(&d, &refl, &dir, cakefactory::i18n::Lang::En).unwrap();
    assert!(done.csv.len() >= 10);
    assert_eq!(done.png.len(), 2 + 6 * 4);
    for png in &done.png {
        let bytes = std::fs::read(png).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 5_000,
            "{}",
            png.display()
        );
    }
    let scoreboard = std::fs::read_to_string(dir.join("scoreboard.csv")).unwrap();
    assert_eq!(
        scoreboard.lines().count(),
        1 + 4 * 5,
        "totals and 4 rounds per team"
    );
    let html = std::fs::read_to_string(&done.html).unwrap();
    assert!(html.contains("data:image/png;base64,"));
    assert!(
        !html.contains("src=\"http"),
        "the report must not load anything from outside"
    );
    assert!(html.contains("Sales and bakery never talked"));
    assert_eq!(html.matches("<img").count(), done.png.len());
}

#[test]
fn the_report_speaks_the_language_asked_with_the_scenario_s_own_names() {
    let (_, log_text) = busy_session();
    let dir = std::env::temp_dir().join(format!("cf-export-sv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let model = std::sync::Arc::new(shipped("cake_factory_2"));
    let d = Debrief::from_events(&journal::parse_log("e", &log_text).unwrap())
        .unwrap()
        .with_model(model);
    let mut refl = reflection::Reflection::default();
    refl.fit(&d.tables.factories, d.rounds as usize);
    refl.teams[0].notes[0][1] = "Prata med inköp tidigt".into();
    let done = export::export(&d, &refl, &dir, cakefactory::i18n::Lang::Sv).unwrap();
    let html = std::fs::read_to_string(&done.html).unwrap();
    for sv in [
        "<html lang=\"sv\">",
        "Resultattavla",
        "Störningar",
        "Självskattning",
        "Hur bra är vi på att arbeta över funktionsgränser?",
        "Vad tar vi med oss?",
        "Prata med inköp tidigt",
    ] {
        assert!(html.contains(sv), "{sv}");
    }
    for en in [
        "Scoreboard",
        "Self-assessment",
        "Deliveries lost",
        "What do we take with us?",
    ] {
        assert!(!html.contains(en), "{en} left in English");
    }
    // A scheduled disruption's headline comes in the scenario's own Swedish.
    let headline = &d
        .disruptions
        .iter()
        .find(|x| d.say(cakefactory::i18n::Lang::Sv, &x.report.headline) != x.report.headline)
        .expect("a disruption of the scenario's schedule")
        .report
        .headline;
    let swedish = d.say(cakefactory::i18n::Lang::Sv, headline);
    assert!(html.contains(swedish), "{swedish}");
    // The tables keep their English columns and values for analysis.
    let disruptions = std::fs::read_to_string(dir.join("disruptions.csv")).unwrap();
    assert!(disruptions.starts_with("disruption,kind,headline,"));
    assert!(disruptions.contains(headline.as_str()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_report_command_reads_a_log_and_rejects_a_broken_one() {
    let (_, log_text) = busy_session();
    let dir = std::env::temp_dir().join(format!("cf-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("events.jsonl");
    std::fs::write(&log_path, &log_text).unwrap();
    let bin = env!("CARGO_BIN_EXE_cakefactory");
    let out = std::process::Command::new(bin)
        .args([
            "report",
            log_path.to_str().unwrap(),
            "--out",
            dir.join("out").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("out/report.html").exists());
    let broken = dir.join("broken.jsonl");
    let mut lines: Vec<&str> = log_text.lines().take(5).collect();
    lines.push("{\"t\": 5, \"type\": \"Nonsense\"}");
    std::fs::write(&broken, lines.join("\n")).unwrap();
    let out = std::process::Command::new(bin)
        .args([
            "report",
            broken.to_str().unwrap(),
            "--out",
            dir.join("out2").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(&format!("{}:6:", broken.display())),
        "{err}"
    );
}
