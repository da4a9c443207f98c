//! The command line as a user meets it: exit codes (0 ok, 1 invalid scenario in `check`, 2 bad flags or
//! unusable input, never 101), located errors, and the files `run` writes.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cakefactory"))
}

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cakefactory-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_accepts_the_shipped_scenarios() {
    for f in [
        "cake_factory_2.ron",
        "calm_market.ron",
        "calibration_mmc.ron",
    ] {
        let path = data("scenarios").join(f);
        let (code, out, err) = run(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{f}: {err}");
        assert_eq!(out.lines().count(), 1);
        assert!(out.contains(": ok: "), "{out}");
    }
}

#[test]
fn check_reports_located_errors_with_exit_code_1() {
    let bad = tmp("bad.ron");
    let src =
        include_str!("data/minimal.ron").replacen("{\"baking\": 1.0}", "{\"bakign\": 1.0}", 1);
    std::fs::write(&bad, src).unwrap();
    let (code, out, err) = run(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    let line = err.lines().next().unwrap();
    let prefix = format!("{}:10:", bad.display());
    assert!(line.starts_with(&prefix), "{line}");
    assert!(line.contains("unknown skill `bakign`"), "{line}");
}

#[test]
fn check_says_its_errors_in_the_language_asked_and_keeps_their_place() {
    let bad = tmp("bad_sv.ron");
    let src =
        include_str!("data/minimal.ron").replacen("{\"baking\": 1.0}", "{\"bakign\": 1.0}", 1);
    std::fs::write(&bad, src).unwrap();
    let (code, _, err) = run(&["--lang", "sv", "check", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    let line = err.lines().next().unwrap();
    assert!(
        line.starts_with(&format!("{}:10:", bad.display())),
        "{line}"
    );
    assert!(
        line.contains("okänd färdighet `bakign` (förväntade en av:"),
        "{line}"
    );
    // A file that does not parse is said in Swedish too, at its place.
    let broken = tmp("broken_sv.ron");
    let src = include_str!("data/minimal.ron").replacen("rounds:", "rundor:", 1);
    std::fs::write(&broken, src).unwrap();
    let (code, _, err) = run(&["--lang", "sv", "check", broken.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{}:", broken.display())), "{err}");
    assert!(err.contains("okänt fält `rundor`"), "{err}");
    let (_, _, err) = run(&["--lang", "en", "check", broken.to_str().unwrap()]);
    assert!(err.contains("unknown field `rundor`"), "{err}");
}

#[test]
fn check_of_a_missing_file_exits_2() {
    let (code, _, err) = run(&["check", "/nonexistent/x.ron"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn bad_flags_and_inputs_exit_2_without_a_panic() {
    for args in [
        vec!["run", "--seed", "minus-one"],
        vec!["run", "--teams", "0"],
        vec!["run", "--teams", "1000"],
        vec!["run", "--design", "matrix"],
        vec!["run", "/nonexistent/scenario.ron"],
        vec!["run", "--plan", "/nonexistent/plan.ron"],
        vec!["frobnicate"],
        vec!["check"],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.is_empty(), "{args:?}: no message");
    }
}

#[test]
fn a_broken_plan_is_located() {
    let plan = tmp("plan.ron");
    std::fs::write(&plan, "[\n  (round: 9, minute: 0, command: StartRound),\n]").unwrap();
    let (code, _, err) = run(&["run", "--plan", plan.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{}:2:11: round 9 is outside 1..4", plan.display())),
        "{err}"
    );
}

#[test]
fn run_json_writes_the_result_object_and_the_files() {
    let events = tmp("events.jsonl");
    let csv = tmp("metrics.csv");
    let plan = data("tests/data/plan_busy.ron");
    let (code, out, err) = run(&[
        "run",
        "--seed",
        "3",
        "--teams",
        "4",
        "--plan",
        plan.to_str().unwrap(),
        "--json",
        "--events",
        events.to_str().unwrap(),
        "--metrics-csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("stdout is only JSON");
    assert_eq!(v["seed"], 3);
    assert_eq!(v["scenario"], "Cake Factory 2.0");
    let factories = v["factories"].as_array().unwrap();
    assert_eq!(factories.len(), 4);
    for key in [
        "round",
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
        "defects_found",
        "ties",
        "ei_index",
        "utilization_mean",
        "utilization_cv",
        "boundary_spanners",
    ] {
        assert!(
            factories[0]["totals"].get(key).is_some(),
            "totals lack {key}"
        );
        assert!(
            factories[0]["rounds"][0].get(key).is_some(),
            "rounds lack {key}"
        );
    }
    assert_eq!(factories[0]["totals"]["round"], 0);
    assert_eq!(factories[0]["rounds"].as_array().unwrap().len(), 4);
    let d = &v["disruptions"].as_array().unwrap()[0];
    for key in [
        "id",
        "kind",
        "start_min",
        "factories",
        "impact",
        "impact_by_factory",
    ] {
        assert!(d.get(key).is_some(), "disruption lacks {key}");
    }
    let log = std::fs::read_to_string(&events).unwrap();
    let first: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(first["type"], "SessionStarted");
    assert!(log.lines().count() > 10_000);
    let series = std::fs::read_to_string(&csv).unwrap();
    let header = series.lines().next().unwrap();
    assert!(
        header.starts_with("factory,round,minute,round_minute,wip,"),
        "{header}"
    );
    assert!(header.contains("wip_bake") && header.contains("queue_decorate"));
    // One row per factory per minute of the four rounds (the last round ends early at minute 400).
    assert_eq!(series.lines().count() - 1, 4 * (480 * 3 + 400));
}

#[test]
fn run_without_a_file_uses_the_embedded_scenario_from_any_directory() {
    let out = bin()
        .arg("run")
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Cake Factory 2.0"), "{text}");
    assert!(text.contains("Team 6"));
}

/// Without a display the game says so and exits 2 (no panic, no backtrace).
#[cfg(feature = "gui")]
#[test]
fn the_game_without_a_display_is_a_clear_error() {
    let out = bin()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("display"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_closed_stdout_is_not_a_panic() {
    let mut child = bin()
        .args(["run", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped (closed) here.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(status.code(), Some(101));
}
