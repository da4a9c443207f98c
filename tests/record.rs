//! Session records as a facilitator and a researcher rely on them: a run killed at any moment and resumed
//! gives exactly what the uninterrupted run gives; `verify` passes a record untouched and catches every kind
//! of tampering; bad records get located errors and exit 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cakefactory"))
}

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cakefactory-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_dir_all(&path);
    path
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const RUN: [&str; 7] = ["run", "--teams", "4", "--seed", "7", "--json", "--plan"];

fn uninterrupted() -> String {
    let plan = data("plan_busy.ron");
    let (code, out, err) = run(&[&RUN[..], &[plan.as_str()]].concat());
    assert_eq!(code, 0, "{err}");
    out
}

/// A small deterministic random number generator for the kill moments.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Starts `args`, and kills it (SIGKILL) after `delay` unless it finished first; its stdout if it finished.
fn run_or_kill(args: &[&str], delay: Duration) -> Option<String> {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            assert!(
                status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return Some(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        if start.elapsed() >= delay {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_micros(500));
    }
}

/// Runs with a record, killing the run (and then each resumed run) at random moments until one finishes;
/// returns its output and how many kills it took.
fn killed_and_resumed(dir: &Path, rng: &mut Lcg) -> (String, u32) {
    let plan = data("plan_busy.ron");
    let d = dir.to_str().unwrap();
    let mut kills = 0;
    let first = [&RUN[..], &[plan.as_str(), "--record", d]].concat();
    if let Some(out) = run_or_kill(&first, Duration::from_millis(rng.below(120))) {
        return (out, kills);
    }
    kills += 1;
    loop {
        // Killed before the record was begun: nothing was accepted, so the run starts again.
        let args = if dir.join("header.json").exists() {
            vec!["run", "--resume", d, "--json", "--plan", plan.as_str()]
        } else {
            let _ = std::fs::remove_dir_all(dir);
            first.clone()
        };
        let delay = if kills >= 3 {
            Duration::from_secs(60)
        } else {
            Duration::from_millis(rng.below(150))
        };
        if let Some(out) = run_or_kill(&args, delay) {
            return (out, kills);
        }
        kills += 1;
    }
}

/// Runs with a record, killed at random moments and resumed, until at least `kills` kills happened (in at
/// most `max_runs` runs): each must end as the uninterrupted run and verify.
fn kills_at_random_moments(kills: u32, max_runs: u32, seed: u64) {
    let expected = uninterrupted();
    let mut rng = Lcg(seed);
    let mut total = 0;
    let mut runs = 0;
    while total < kills && runs < max_runs {
        let dir = tmp(&format!("kill-{seed}-{runs}"));
        let (out, k) = killed_and_resumed(&dir, &mut rng);
        total += k;
        assert_eq!(out, expected, "run {runs} after {k} kills differs");
        let (code, verdict, err) = run(&["verify", dir.to_str().unwrap()]);
        assert_eq!(code, 0, "run {runs}: {verdict}{err}");
        let _ = std::fs::remove_dir_all(&dir);
        runs += 1;
    }
    assert!(total >= kills, "only {total} kills happened in {runs} runs");
}

#[test]
fn a_run_killed_at_random_moments_and_resumed_gives_the_uninterrupted_result() {
    kills_at_random_moments(6, 30, 1);
}

/// The longer version (CI runs it): at least 50 kills.
#[test]
#[ignore = "long: run with --ignored"]
fn fifty_kills_at_random_moments() {
    kills_at_random_moments(50, 200, 2);
}

fn recorded(name: &str) -> PathBuf {
    let dir = tmp(name);
    let plan = data("plan_busy.ron");
    let args = [
        &RUN[..],
        &[plan.as_str(), "--record", dir.to_str().unwrap()],
    ]
    .concat();
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    dir
}

fn verify(dir: &Path) -> (i32, String, String) {
    run(&["verify", dir.to_str().unwrap()])
}

/// Replaces the first occurrence of `from` in a record's file.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn verify_passes_an_untouched_record() {
    let dir = recorded("untouched");
    let (code, out, err) = verify(&dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("verified: 22 commands"), "{out}");
}

#[test]
fn verify_names_the_first_divergent_event_of_an_edited_journal() {
    let dir = recorded("journal");
    edit(
        &dir,
        "journal.jsonl",
        r#"{"SetDesign":"cross_functional"}"#,
        r#"{"SetDesign":"functional"}"#,
    );
    let (code, out, _) = verify(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("first divergent event: before the first round, the whole session, event 6"),
        "{out}"
    );
    assert!(
        out.contains("recorded:") && out.contains("re-simulated:"),
        "{out}"
    );
}

#[test]
fn verify_catches_an_edited_event_log() {
    let dir = recorded("events");
    edit(
        &dir,
        "events.jsonl",
        r#""type":"OrderDelivered""#,
        r#""type":"OrderLost""#,
    );
    let (code, out, _) = verify(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("first divergent event: round 1"), "{out}");
}

#[test]
fn verify_catches_an_edited_hash() {
    let dir = recorded("hashes");
    let path = dir.join("hashes.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().nth(5).unwrap();
    let hash = &line[line.find("\"hash\":\"").unwrap() + 8..][..16];
    edit(&dir, "hashes.jsonl", hash, "0123456789abcdef");
    let (code, out, _) = verify(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("hashes.jsonl:6: round"), "{out}");
}

#[test]
fn verify_refuses_an_edited_scenario_and_another_simulation_version() {
    let dir = recorded("scenario");
    edit(&dir, "scenario.ron", "rounds:", "rounds :");
    let (code, _, err) = verify(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("scenario.ron:1:1: the scenario is not the one played"),
        "{err}"
    );
    let dir = recorded("version");
    edit(
        &dir,
        "header.json",
        "\"sim_version\": 1",
        "\"sim_version\": 99",
    );
    let (code, _, err) = verify(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("header.json:4:3: recorded by cakefactory") && err.contains("version 99"),
        "{err}"
    );
}

#[test]
fn a_torn_last_journal_line_is_dropped_with_a_warning() {
    let dir = recorded("torn");
    let path = dir.join("journal.jsonl");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let torn = text.lines().count() + 1;
    text.push_str(r#"{"entry":"command","seq":23,"t":9"#);
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = verify(&dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains(&format!(
            "journal.jsonl:{torn}:1: the last line was cut off"
        )),
        "{err}"
    );
}

#[test]
fn malformed_and_missing_records_get_located_errors() {
    let dir = recorded("malformed");
    edit(
        &dir,
        "journal.jsonl",
        r#""entry":"command","seq":5"#,
        r#""entry":"comand","seq":5"#,
    );
    let (code, _, err) = verify(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("journal.jsonl:5:"), "{err}");
    assert!(err.contains("not a journal line"), "{err}");

    let dir = recorded("header");
    std::fs::write(dir.join("header.json"), "{\n  \"format\": 1,\n  \"oops\"\n").unwrap();
    let (code, _, err) = verify(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("header.json:4:1: not a record header"),
        "{err}"
    );

    let (code, _, err) = verify(&tmp("nothing"));
    assert_eq!(code, 2);
    assert!(err.contains("not a session record"), "{err}");

    let (code, _, err) = run(&["run", "--resume", tmp("nothing").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not a session record"), "{err}");
}

#[test]
fn a_record_is_never_overwritten_and_a_different_plan_is_refused_on_resume() {
    let dir = recorded("twice");
    let plan = data("plan_busy.ron");
    let args = [
        &RUN[..],
        &[plan.as_str(), "--record", dir.to_str().unwrap()],
    ]
    .concat();
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(err.contains("already holds a session record"), "{err}");
    let (code, _, err) = run(&["run", "--resume", dir.to_str().unwrap(), "--json"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the plan given is not the one this record was run with"),
        "{err}"
    );
    let (code, out, err) = run(&[
        "run",
        "--resume",
        dir.to_str().unwrap(),
        "--json",
        "--plan",
        plan.as_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        uninterrupted(),
        "resuming a finished record gives its result"
    );
}
