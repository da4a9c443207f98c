//! What `check` accepts, `run` runs: random mutations of the shipped scenarios (numbers replaced by odd
//! values, ids by unknown ones, lists emptied, lines dropped or doubled) either get located errors or run to
//! the end, and nothing panics.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use cakefactory::headless::{self, RunOptions};
use cakefactory::scenario::{LoadError, load_str};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte ranges of number literals, string literals and bracketed lists in `src` (outside comments).
fn spans(
    src: &str,
) -> (
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
) {
    let b = src.as_bytes();
    let (mut numbers, mut strings, mut lists) = (Vec::new(), Vec::new(), Vec::new());
    let mut open = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                strings.push((start, (i + 1).min(b.len())));
            }
            b'[' => open.push(i),
            b']' => {
                if let Some(s) = open.pop() {
                    lists.push((s, i + 1));
                }
            }
            c if c.is_ascii_digit() && !b[i.saturating_sub(1)].is_ascii_alphanumeric() => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                numbers.push((start, i));
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (numbers, strings, lists)
}

/// One random mutation of `src`.
fn mutate(src: &str, rng: &mut Rng) -> String {
    const NUMBERS: [&str; 10] = [
        "0",
        "-1",
        "0.5",
        "6.5",
        "1000000",
        "1e9",
        "1e400",
        "99999999999",
        "\"x\"",
        "0.001",
    ];
    const STRINGS: [&str; 4] = ["\"\"", "\"zzz\"", "\"oven\"", "\"bake\""];
    let (numbers, strings, lists) = spans(src);
    let replace = |(a, b): (usize, usize), with: &str| format!("{}{with}{}", &src[..a], &src[b..]);
    match rng.below(5) {
        0 if !numbers.is_empty() => replace(
            numbers[rng.below(numbers.len())],
            NUMBERS[rng.below(NUMBERS.len())],
        ),
        1 if !strings.is_empty() => replace(
            strings[rng.below(strings.len())],
            STRINGS[rng.below(STRINGS.len())],
        ),
        2 if !lists.is_empty() => replace(lists[rng.below(lists.len())], "[]"),
        3 => {
            let lines: Vec<&str> = src.lines().collect();
            let k = rng.below(lines.len());
            let mut out: Vec<&str> = lines.clone();
            if rng.below(2) == 0 {
                out.remove(k);
            } else {
                out.insert(k, lines[k]);
            }
            out.join("\n")
        }
        _ => replace(
            numbers[rng.below(numbers.len())],
            NUMBERS[rng.below(NUMBERS.len())],
        ),
    }
}

#[test]
fn accepted_mutants_run_and_refused_ones_are_located() {
    let sources = [
        include_str!("../scenarios/cake_factory_2.ron"),
        include_str!("../scenarios/calm_market.ron"),
        include_str!("data/minimal.ron"),
    ];
    let mut rng = Rng(std::env::var("MUTANT_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_cafe));
    let (mut accepted, mut refused) = (0, 0);
    for round in 0..std::env::var("MUTANTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
    {
        let base = sources[round % sources.len()];
        let mut src = mutate(base, &mut rng);
        if rng.below(3) == 0 {
            src = mutate(&src, &mut rng);
        }
        let loaded = catch_unwind(|| load_str("mutant.ron", &src))
            .unwrap_or_else(|_| panic!("load_str panicked on:\n{src}"));
        match loaded {
            Ok(model) => {
                accepted += 1;
                let options = RunOptions {
                    teams: Some(1),
                    ..Default::default()
                };
                let ran = catch_unwind(AssertUnwindSafe(|| {
                    headless::run(Arc::new(model), &options, Vec::new())
                }));
                match ran {
                    Ok(Ok(_)) => {}
                    // The scenario's own schedule may name teams a one-team run does not have.
                    Ok(Err(e)) => assert!(e.contains("mutant.ron:"), "{e}\n{src}"),
                    Err(_) => panic!("an accepted scenario panicked in run:\n{src}"),
                }
            }
            Err(LoadError::Invalid { errors, .. }) => {
                refused += 1;
                let lines = src.lines().count().max(1);
                for e in &errors {
                    assert!(e.line >= 1 && e.line <= lines + 1, "{e:?}");
                    assert!(!e.message.is_empty());
                }
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert!(
        accepted > 50 && refused > 50,
        "{accepted} accepted, {refused} refused"
    );
}
