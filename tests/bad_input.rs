//! Malformed and invalid scenarios: each gives a located error (file, line, column, what was expected) and
//! nothing panics, whatever the input.

mod common;

use cakefactory::scenario::{LoadError, Located, line_col, load_str, text_of};

const BASE: &str = include_str!("data/minimal.ron");
const ROUTING: &str = r#"(id: "cake", price: 10, routing: [
            (step: "sell", duration: Fixed(2)),
            (step: "bake", duration: Uniform(min: 5, max: 10), ingredients: {"flour": 1}),
        ]),"#;

/// Replaces `from` (which must occur once) in the base scenario.
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "`{from}` must occur once in the base"
    );
    BASE.replacen(from, to, 1)
}

fn errors(src: &str) -> Vec<Located> {
    match load_str("test.ron", src) {
        Ok(_) => panic!("accepted an invalid scenario:\n{src}"),
        Err(LoadError::Invalid { file, errors }) => {
            assert_eq!(file, "test.ron");
            errors
        }
        Err(e) => panic!("unexpected error kind: {e:?}"),
    }
}

/// `(source, needle, message part)`: the first error must be at `needle`'s position (its nth occurrence when
/// `needle` is `(text, n)`) and mention `message part`.
struct Case {
    name: &'static str,
    src: String,
    at: Option<(&'static str, usize)>,
    says: &'static str,
}

/// A case: its name, the source, where the error must stand and what it must say.
fn case(
    name: &'static str,
    src: String,
    at: Option<(&'static str, usize)>,
    says: &'static str,
) -> Case {
    Case {
        name,
        src,
        at,
        says,
    }
}

/// Files that are not RON of the right shape.
fn syntax_cases() -> Vec<Case> {
    let c = case;
    vec![
        c("empty file", String::new(), None, "the file is empty"),
        c(
            "only comments",
            "// nothing here\n".into(),
            None,
            "the file is empty",
        ),
        c(
            "unknown field",
            edit("round_minutes: 120", "round_minutse: 120"),
            Some(("round_minutse", 0)),
            "round_minutse",
        ),
        c(
            "unknown field inside a list item",
            edit("(id: \"oven\", count: 1)", "(id: \"oven\", cuont: 1)"),
            Some(("cuont", 0)),
            "cuont",
        ),
        c(
            "wrong type",
            edit("rounds: 2", "rounds: \"two\""),
            Some(("\"two\"", 0)),
            "expected a whole number (0 or more), found `\"two\"`",
        ),
        c(
            "syntax error",
            edit("name: \"Minimal\",", "name: \"Minimal\""),
            Some(("rounds", 0)),
            "expected a comma",
        ),
    ]
}

/// Well-formed files that refer to what does not exist, or leave something out.
fn content_cases() -> Vec<Case> {
    let c = case;
    vec![
        c(
            "unknown skill",
            edit("{\"baking\": 1.0}", "{\"bakign\": 1.0}"),
            Some(("\"bakign\"", 0)),
            "unknown skill `bakign`",
        ),
        c(
            "unknown worker in a unit",
            edit("members: [\"ann\", \"bob\"]", "members: [\"ann\", \"rob\"]"),
            Some(("\"rob\"", 0)),
            "unknown worker `rob`",
        ),
        c(
            "design missing a worker",
            edit("members: [\"ann\", \"bob\"]", "members: [\"ann\"]"),
            Some(("\"solo\", units", 0)),
            "missing worker `bob`",
        ),
        c(
            "a step nobody can do",
            edit(
                "(id: \"front\", members: [\"bob\"], steps: [\"sell\"])",
                "(id: \"front\", members: [\"bob\"], steps: [\"sell\", \"bake\"])",
            )
            .replacen(
                "(id: \"back\", members: [\"ann\"], steps: [\"bake\"])",
                "(id: \"back\", members: [\"ann\"], steps: [])",
                1,
            ),
            Some(("\"split\"", 0)),
            "nobody can do step `bake`",
        ),
        c(
            "step owned by no unit",
            edit(
                "(id: \"back\", members: [\"ann\"], steps: [\"bake\"])",
                "(id: \"back\", members: [\"ann\"], steps: [])",
            ),
            Some(("\"split\"", 0)),
            "no unit owns step `bake`",
        ),
    ]
}

/// Well-formed files with values out of their range.
fn value_cases() -> Vec<Case> {
    let c = case;
    vec![
        c(
            "negative duration",
            edit("duration: Fixed(2)", "duration: Fixed(-2)"),
            Some(("Fixed(-2)", 0)),
            "must not be negative",
        ),
        c(
            "zero duration",
            edit("duration: Fixed(2)", "duration: Fixed(0)"),
            Some(("Fixed(0)", 0)),
            "greater than zero",
        ),
        c(
            "inverted uniform",
            edit("Uniform(min: 5, max: 10)", "Uniform(min: 10, max: 5)"),
            Some(("Uniform(min: 10", 0)),
            "min <= max",
        ),
        c(
            "zero rate",
            edit("per_hour: 3.0", "per_hour: 0.0"),
            Some(("0.0, due_in", 0)),
            "positive rate",
        ),
        c(
            "negative rate",
            edit("per_hour: 3.0", "per_hour: -1"),
            Some(("-1", 0)),
            "positive rate",
        ),
        c(
            "empty routing",
            BASE.replacen(ROUTING, "(id: \"cake\", price: 10, routing: []),", 1),
            Some(("(id: \"cake\"", 0)),
            "empty routing",
        ),
        c(
            "probability above one",
            edit("miscommunication: 0.1", "miscommunication: 1.5"),
            Some(("1.5", 0)),
            "within 0..1",
        ),
        c(
            "duplicate ids",
            edit("(id: \"bob\", skills", "(id: \"ann\", skills"),
            Some(("\"ann\", skills", 1)),
            "duplicate worker id `ann`",
        ),
        c(
            "unknown station",
            edit("station: \"oven\")", "station: \"stove\")"),
            Some(("\"stove\"", 0)),
            "unknown station `stove`",
        ),
        c(
            "unknown palette entry",
            edit("(disruption: \"oven_down\"", "(disruption: \"oven_dwn\""),
            Some(("\"oven_dwn\"", 0)),
            "unknown disruption `oven_dwn`",
        ),
        c(
            "disruption with unknown station",
            edit(
                "StationBreakdown(station: \"oven\"",
                "StationBreakdown(station: \"kiln\"",
            ),
            Some(("\"kiln\"", 0)),
            "unknown station `kiln`",
        ),
        c(
            "schedule outside the rounds",
            edit("round: 2, minute: 10", "round: 3, minute: 10"),
            Some(("3, minute", 0)),
            "outside 1..2",
        ),
        c(
            "zero reorder quantity",
            edit("reorder_qty: 5", "reorder_qty: 0"),
            Some(("0, lead_time", 0)),
            "at least 1",
        ),
        c(
            "huge number",
            edit("round_minutes: 120", "round_minutes: 1e400"),
            None,
            "",
        ),
        c(
            "integer overflow",
            edit("rounds: 2", "rounds: 99999999999999999999"),
            Some(("99999999999999999999", 0)),
            "",
        ),
        c(
            "unknown default design",
            edit("default_design: \"solo\"", "default_design: \"duo\""),
            Some(("\"duo\"", 0)),
            "unknown design `duo`",
        ),
    ]
}

fn cases() -> Vec<Case> {
    let mut all = syntax_cases();
    all.extend(content_cases());
    all.extend(value_cases());
    all
}

#[test]
fn every_invalid_scenario_gets_a_located_error() {
    for case in cases() {
        let errs = errors(&case.src);
        let hit = errs
            .iter()
            .find(|e| e.message.contains(case.says))
            .unwrap_or_else(|| {
                panic!("{}: no error mentions `{}`: {errs:?}", case.name, case.says)
            });
        if let Some((needle, nth)) = case.at {
            let offset = case
                .src
                .match_indices(needle)
                .nth(nth)
                .unwrap_or_else(|| panic!("{}: needle `{needle}` not in source", case.name))
                .0;
            let (line, col) = line_col(&case.src, offset);
            assert!(
                hit.line == line && (hit.col as isize - col as isize).abs() <= 1,
                "{}: expected `{}` at {line}:{col}, got {:?}",
                case.name,
                case.says,
                errs
            );
        }
        let text = LoadError::Invalid {
            file: "test.ron".into(),
            errors: errs.clone(),
        }
        .to_string();
        assert!(text.starts_with("test.ron:"), "{}: {text}", case.name);
    }
}

#[test]
fn several_errors_are_reported_at_once() {
    let src = edit("{\"baking\": 1.0}", "{\"bakign\": 1.0}").replacen(
        "per_hour: 3.0",
        "per_hour: -3.0",
        1,
    );
    let errs = errors(&src);
    assert!(errs.len() >= 2, "{errs:?}");
    assert!(
        errs.windows(2)
            .all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col)),
        "sorted by position"
    );
}

#[test]
fn the_base_scenario_is_valid() {
    load_str("minimal.ron", BASE).unwrap();
}

#[test]
fn binary_garbage_is_rejected_with_a_position() {
    let bytes: Vec<u8> = b"(\n  name: \"x\xff\xfe\"".to_vec();
    let err = text_of("bin.ron", &bytes).unwrap_err();
    match err {
        LoadError::Invalid { errors, .. } => {
            assert_eq!((errors[0].line, errors[0].col), (2, 11));
            assert!(errors[0].message.contains("UTF-8"));
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn deep_nesting_and_random_bytes_never_panic() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(load_str("deep.ron", &deep).is_err());
    let deep_field = BASE.replacen(
        "teams: 2,",
        &format!(
            "teams: 2, briefings: {}{},",
            "[".repeat(5_000),
            "]".repeat(5_000)
        ),
        1,
    );
    assert!(load_str("deep.ron", &deep_field).is_err());
    // Truncations of a valid file at every position.
    for cut in (0..BASE.len()).step_by(7) {
        if BASE.is_char_boundary(cut) {
            let _ = load_str("cut.ron", &BASE[..cut]);
        }
    }
    // Pseudo-random printable noise.
    let mut x: u64 = 0x1234_5678;
    for _ in 0..200 {
        let s: String = (0..200)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b" ()[]{}:,\"abc0123456789.-_eE"[(x % 28) as usize])
            })
            .collect();
        let _ = load_str("noise.ron", &s);
    }
}
