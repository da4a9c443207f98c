//! Mistakes a facilitator could make in a scenario or a plan, each a small edit of a shipped file: every one
//! is refused with a message about it, on the line (and near the column) of the mistake; a few that are not
//! mistakes (a byte-order mark) are accepted.

mod common;

use std::sync::Arc;

use cakefactory::headless::{self, RunOptions};
use cakefactory::scenario::{LoadError, Located, line_col, load_str};

const STANDARD: &str = include_str!("../scenarios/cake_factory_2.ron");

/// A mistake: the standard scenario with `from` (which must occur once) replaced by `to`; the error must
/// mention `says` and stand where `at` (a piece of `to`, its `nth` occurrence in the edited file) does.
struct Mistake {
    name: &'static str,
    from: &'static str,
    to: &'static str,
    at: (&'static str, usize),
    says: &'static str,
}

const fn m(
    name: &'static str,
    from: &'static str,
    to: &'static str,
    at: (&'static str, usize),
    says: &'static str,
) -> Mistake {
    Mistake {
        name,
        from,
        to,
        at,
        says,
    }
}

const SCENARIO_MISTAKES: &[Mistake] = &[
    m(
        "no skills",
        r#"skills: ["sales", "design", "purchasing", "baking", "decorating", "quality", "delivery"],"#,
        "skills: [],",
        ("[]", 0),
        "at least one skill",
    ),
    m(
        "a rate far too high",
        "per_hour: 1.5,",
        "per_hour: 1000000,",
        ("1000000", 0),
        "too much work",
    ),
    m(
        "round length typed in milliseconds",
        "round_minutes: 480,",
        "round_minutes: 28800000,",
        ("28800000", 0),
        "minutes a session may last",
    ),
    m(
        "a fractional team count",
        "teams: 6,",
        "teams: 6.5,",
        ("6.5", 0),
        "expected a whole number (0 or more), found `6.5`",
    ),
    m(
        "no products",
        "    products: [\n        (id: \"sponge\"",
        "    products: [],\n    xproducts: [\n        (id: \"sponge\"",
        ("xproducts", 0),
        "unknown field `xproducts`",
    ),
    m(
        "a palette entry names an unknown worker",
        r#"WorkerAbsent(worker: "ben""#,
        r#"WorkerAbsent(worker: "benn""#,
        ("\"benn\"", 0),
        "unknown worker `benn`",
    ),
    m(
        "a palette entry names an unknown station",
        r#"station: "oven", units: 1"#,
        r#"station: "ovn", units: 1"#,
        ("\"ovn\"", 0),
        "unknown station `ovn`",
    ),
    m(
        "a palette entry names an unknown product",
        r#"RushOrder(product: "chocolate""#,
        r#"RushOrder(product: "choc""#,
        ("\"choc\"", 0),
        "unknown product `choc`",
    ),
    m(
        "a palette entry names an unknown ingredient",
        r#"SupplyShortage(ingredient: "flour""#,
        r#"SupplyShortage(ingredient: "flower""#,
        ("\"flower\"", 0),
        "unknown ingredient `flower`",
    ),
    m(
        "a palette entry names an unknown design",
        r#"ReorganisationMandate(design: "cross_functional")"#,
        r#"ReorganisationMandate(design: "cells")"#,
        ("\"cells\"", 0),
        "unknown design `cells`",
    ),
    m(
        "a palette entry names an unknown step",
        r#"NewRequirement(step: "allergen", after: "decorate""#,
        r#"NewRequirement(step: "allergen", after: "decorating""#,
        ("\"decorating\", duration", 0),
        "unknown step `decorating`",
    ),
    m(
        "a spoiled share above one",
        "stock_lost: 0.33",
        "stock_lost: 1.5",
        ("1.5)", 0),
        "`stock_lost` is a probability",
    ),
    m(
        "a rush order of no cakes",
        "quantity: 3,",
        "quantity: 0,",
        ("0, due_in_min", 0),
        "`quantity` must be within 1..1000",
    ),
    m(
        "a breakdown of no units",
        "units: 1, duration_min: 120",
        "units: 0, duration_min: 120",
        ("0, duration_min: 120", 0),
        "`units` must be at least 1",
    ),
    m(
        "a surge that lowers demand",
        "DemandSurge(factor: 1.5",
        "DemandSurge(factor: 0.5",
        ("0.5, duration_min: 120", 0),
        "`factor` must be at least 1",
    ),
    m(
        "a negative duration",
        r#"WorkerAbsent(worker: "dana", duration_min: 180)"#,
        r#"WorkerAbsent(worker: "dana", duration_min: -180)"#,
        ("-180", 0),
        "`duration_min` must be a positive number",
    ),
    m(
        "a schedule naming an unknown disruption",
        r#"(disruption: "oven_breaks",          round: 2"#,
        r#"(disruption: "oven_broke",          round: 2"#,
        ("\"oven_broke\"", 0),
        "unknown disruption `oven_broke`",
    ),
    m(
        "a schedule in a round that does not exist",
        r#"(disruption: "designer_sick",        round: 3"#,
        r#"(disruption: "designer_sick",        round: 5"#,
        ("5, minute: 60", 0),
        "round 5 is outside 1..4",
    ),
    m(
        "a schedule past the round's end",
        "round: 3, minute: 300",
        "round: 3, minute: 500",
        ("500", 0),
        "minute 500 is outside the round",
    ),
    m(
        "a schedule for a team the scenario does not have",
        r#"(disruption: "spec_storm",           round: 4, minute: 90),"#,
        r#"(disruption: "spec_storm",           round: 4, minute: 90, target: Factories([6])),"#,
        ("Factories([6])", 0),
        "there is no team 6: the scenario has 6 teams, numbered 0 to 5",
    ),
    m(
        "a step with two WIP limits",
        r#"wip_limits: {"bake": 6, "decorate": 6, "quality": 4}"#,
        r#"wip_limits: {"bake": 6, "decorate": 6, "bake": 4}"#,
        ("\"bake\": 4", 0),
        "step `bake` has two WIP limits",
    ),
    m(
        "a stand-up every few seconds",
        "standup: (every_min: 240, duration_min: 10",
        "standup: (every_min: 0.1, duration_min: 0.05",
        ("0.1, duration_min: 0.05", 0),
        "meetings in a 480-minute round",
    ),
    m(
        "a unit member who does not exist",
        r#"members: ["quinn"],                                   steps"#,
        r#"members: ["quin"],                                   steps"#,
        ("\"quin\"", 0),
        "unknown worker `quin`",
    ),
    m(
        "a text in two languages without its Swedish",
        r#"headline: (en: "Oven 2 is broken", sv: "Ugn 2 är trasig"),"#,
        r#"headline: (en: "Oven 2 is broken"),"#,
        ("\"),\n         description: (en: \"One oven", 0),
        "`sv` is missing",
    ),
    m(
        "a text in two languages with one side empty",
        r#"headline: (en: "Oven 2 is broken", sv: "Ugn 2 är trasig"),"#,
        r#"headline: (en: "Oven 2 is broken", sv: ""),"#,
        ("\"\"),\n         description: (en: \"One oven", 0),
        "needs both",
    ),
    m(
        "a text in a language the game does not speak",
        r#"headline: (en: "Oven 2 is broken", sv: "Ugn 2 är trasig"),"#,
        r#"headline: (en: "Oven 2 is broken", de: "Ofen 2 ist kaputt"),"#,
        ("de: \"Ofen", 0),
        "unknown field `de`",
    ),
    m(
        "one English text translated two ways",
        r#"name: (en: "Van", sv: "Skåpbil")"#,
        r#"name: (en: "Oven", sv: "Bakugn")"#,
        ("(en: \"Oven\", sv: \"Bakugn", 0),
        "one English text has one Swedish text",
    ),
];

/// The scenario with one edit.
fn edited(from: &str, to: &str) -> String {
    assert_eq!(
        STANDARD.matches(from).count(),
        1,
        "`{from}` must occur once"
    );
    STANDARD.replacen(from, to, 1)
}

/// The located errors of a refused source.
fn refused(what: &str, result: Result<impl Sized, LoadError>) -> Vec<Located> {
    match result {
        Err(LoadError::Invalid { errors, .. }) => errors,
        Err(e) => panic!("{what}: {e}"),
        Ok(_) => panic!("{what}: accepted"),
    }
}

/// Checks that one of `errors` says `says` at the place of `at` in `src`.
fn check_place(name: &str, src: &str, errors: &[Located], at: (&str, usize), says: &str) {
    let hit = errors
        .iter()
        .find(|e| e.message.contains(says))
        .unwrap_or_else(|| panic!("{name}: no error says `{says}`: {errors:?}"));
    let offset = src
        .match_indices(at.0)
        .nth(at.1)
        .unwrap_or_else(|| panic!("{name}: `{}` is not in the file", at.0))
        .0;
    let (line, col) = line_col(src, offset);
    assert!(
        hit.line == line && hit.col.abs_diff(col) <= 2,
        "{name}: expected {line}:{col}, got {}:{}: {}",
        hit.line,
        hit.col,
        hit.message
    );
}

#[test]
fn every_scenario_mistake_is_located_at_its_line() {
    for case in SCENARIO_MISTAKES {
        let src = edited(case.from, case.to);
        let errors = refused(case.name, load_str("mistake.ron", &src));
        check_place(case.name, &src, &errors, case.at, case.says);
    }
}

#[test]
fn an_empty_list_is_located_at_its_brackets_without_follow_on_errors() {
    for field in [
        "skills", "workers", "steps", "products", "demand", "designs",
    ] {
        let start = STANDARD
            .find(&format!("\n    {field}: ["))
            .unwrap_or_else(|| panic!("{field} in the standard scenario"))
            + 1;
        let open = start + STANDARD[start..].find('[').unwrap();
        let mut depth = 0;
        let close = open
            + STANDARD[open..]
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '[' => 1,
                        ']' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .unwrap()
                .0;
        let src = format!("{}[]{}", &STANDARD[..open], &STANDARD[close + 1..]);
        let errors = refused(field, load_str("empty.ron", &src));
        let (line, col) = line_col(&src, open);
        assert_eq!(errors.len(), 1, "{field}: {errors:?}");
        assert_eq!(
            (errors[0].line, errors[0].col),
            (line, col),
            "{field}: {errors:?}"
        );
        assert!(
            errors[0].message.contains(&format!("in `{field}`")),
            "{errors:?}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_not_a_mistake() {
    let src = format!("\u{feff}{STANDARD}");
    load_str("bom.ron", &src).expect("a file with a byte-order mark");
}

/// Plan mistakes for a run of the standard game with 6 teams: (name, command, the piece to point at, what
/// the error says).
const PLAN_MISTAKES: &[(&str, &str, &str, &str)] = &[
    (
        "a team beyond the count",
        r#"(round: 1, minute: 0, command: Team(factory: 6, action: SetDesign("functional")))"#,
        "6, action",
        "there is no team 6: the session has 6 teams, numbered 0 to 5",
    ),
    (
        "an unknown worker",
        r#"(round: 1, minute: 10, command: Team(factory: 0, action: SetSpanner(worker: "sarah", on: true)))"#,
        "\"sarah\"",
        "unknown worker `sarah`",
    ),
    (
        "a unit of another design",
        r#"(round: 1, minute: 10, command: Team(factory: 0, action: MoveWorker(worker: "bea", unit: "cell_a")))"#,
        "\"cell_a\"",
        "no unit `cell_a` in design `functional`",
    ),
    (
        "an unknown design",
        r#"(round: 2, minute: 0, command: Team(factory: 1, action: SetDesign("cells")))"#,
        "\"cells\"",
        "unknown design `cells`",
    ),
    (
        "an unknown step",
        r#"(round: 2, minute: 5, command: Team(factory: 2, action: SetPractice(WipLimit(step: "baking", limit: Some(3)))))"#,
        "\"baking\"",
        "unknown step `baking`",
    ),
    (
        "an unknown station",
        r#"(round: 2, minute: 5, command: Inject(disruption: (id: "x", headline: "X", kind: StationBreakdown(station: "kiln", duration_min: 30)), target: All))"#,
        "\"kiln\"",
        "unknown station `kiln`",
    ),
    (
        "an injection after the round's end",
        r#"(round: 2, minute: 5, command: Inject(disruption: (id: "y", headline: "Y", kind: SpecChange(share: 0.5)), target: All, at_minute: Some(600.0)))"#,
        "Some(600.0)",
        "`at_minute` must be a minute of the round",
    ),
    (
        "a command after the round's end",
        r#"(round: 2, minute: 480, command: EndRound)"#,
        "480",
        "minute 480 is outside the round",
    ),
    (
        "a dialogue about a round not played yet (minute 0 comes before its round starts)",
        r#"(round: 2, minute: 0, command: Voice(factory: 0, participant: "p1", signed: "", voice: Dialogue(round: 2, question: 0, text: "too early")))"#,
        r#"(round: 2, minute: 0, command: Voice("#,
        "round 2 has not been played yet",
    ),
    (
        "a round started by hand",
        r#"(round: 2, minute: 0, command: StartRound)"#,
        "(round: 2, minute: 0, command: StartRound)",
        "rounds start by themselves",
    ),
];

#[test]
fn every_plan_mistake_is_located_at_its_line() {
    let model = Arc::new(common::shipped("cake_factory_2"));
    let config = headless::config(
        Arc::clone(&model),
        &RunOptions {
            teams: Some(6),
            ..Default::default()
        },
    )
    .unwrap();
    for (name, command, at, says) in PLAN_MISTAKES {
        let src = format!(
            "[\n    (round: 1, minute: 0, command: Team(factory: 1, action: SetDesign(\"flow_kanban\"))),\n    {command},\n]"
        );
        let errors = refused(name, headless::parse_plan("plan.ron", &src, &config));
        check_place(name, &src, &errors, (at, 0), says);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
    }
}

#[test]
fn a_unit_of_the_design_a_team_has_then_is_accepted() {
    // Team 0 chooses cells during round 1: from round 2 its units are cell_a, cell_b and quality.
    let model = Arc::new(common::shipped("cake_factory_2"));
    let config = headless::config(model, &RunOptions::default()).unwrap();
    let src = r#"[
        (round: 1, minute: 30, command: Team(factory: 0, action: SetDesign("cross_functional"))),
        (round: 1, minute: 40, command: Team(factory: 0, action: MoveWorker(worker: "bea", unit: "decorating"))),
        (round: 2, minute: 10, command: Team(factory: 0, action: MoveWorker(worker: "bea", unit: "cell_a"))),
    ]"#;
    headless::parse_plan("plan.ron", src, &config).expect("units of the design at each moment");
    let wrong = src.replace("unit: \"decorating\"", "unit: \"cell_b\"");
    let errors = refused(
        "too early",
        headless::parse_plan("plan.ron", &wrong, &config),
    );
    check_place(
        "too early",
        &wrong,
        &errors,
        ("\"cell_b\"", 0),
        "no unit `cell_b`",
    );
}

#[test]
fn a_run_with_fewer_teams_than_the_schedule_names_points_at_the_schedule() {
    let src = edited(
        r#"(disruption: "spec_storm",           round: 4, minute: 90),"#,
        r#"(disruption: "spec_storm",           round: 4, minute: 90, target: Factories([3])),"#,
    );
    let model = Arc::new(load_str("mistake.ron", &src).expect("valid for 6 teams"));
    let err = headless::config(
        model,
        &RunOptions {
            teams: Some(2),
            ..Default::default()
        },
    )
    .unwrap_err();
    let (line, col) = line_col(&src, src.find("Factories([3])").unwrap());
    assert!(
        err.starts_with(&format!("mistake.ron:{line}:{col}: ")) && err.contains("team 3"),
        "{err}"
    );
}
