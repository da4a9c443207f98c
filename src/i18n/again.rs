//! Texts kept in English where they are stored, said again in another language: a refusal in the event log
//! ("not done: ..."), a scenario's problem in a check's report. Such a text is made from an English message
//! whose id starts with one of [`PREFIXES`]; here it is matched against those messages' English patterns,
//! its values taken out, and the message formatted in the other language with them (a value that is itself
//! such a text is said again too). A text no pattern matches stays as it is.

use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::{Arg, Lang, tr};

/// The families of messages whose English texts are stored and said again.
pub const PREFIXES: [&str; 2] = ["refuse-", "problem-"];

/// One piece of a message's English pattern.
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(String),
    Var(String),
}

/// A message's English pattern.
#[derive(Debug)]
struct Pattern {
    id: String,
    parts: Vec<Part>,
    /// How many characters of it are fixed text (the more, the more specific).
    fixed: usize,
}

/// The English patterns of every message of [`PREFIXES`] made only of text and variables, the most specific
/// first.
fn patterns() -> &'static [Pattern] {
    static PATTERNS: OnceLock<Vec<Pattern>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut out = Vec::new();
        for (_, en, _) in super::FILES {
            let resource = FluentResource::try_new(en.to_string()).unwrap_or_else(|(r, _)| r);
            for entry in resource.entries() {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                if !PREFIXES.iter().any(|p| m.id.name.starts_with(p)) {
                    continue;
                }
                if let Some(parts) = m.value.as_ref().and_then(parts) {
                    let fixed = parts
                        .iter()
                        .map(|p| match p {
                            Part::Text(t) => t.chars().count(),
                            Part::Var(_) => 0,
                        })
                        .sum();
                    out.push(Pattern {
                        id: m.id.name.to_string(),
                        parts,
                        fixed,
                    });
                }
            }
        }
        out.sort_by(|a, b| b.fixed.cmp(&a.fixed).then_with(|| a.id.cmp(&b.id)));
        out
    })
}

/// A pattern's parts, when it has only text and variables (two variables never side by side).
fn parts(p: &ast::Pattern<&str>) -> Option<Vec<Part>> {
    let mut out: Vec<Part> = Vec::new();
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => match out.last_mut() {
                Some(Part::Text(t)) => t.push_str(value),
                _ => out.push(Part::Text((*value).to_string())),
            },
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
            } => {
                if matches!(out.last(), Some(Part::Var(_))) {
                    return None;
                }
                out.push(Part::Var(id.name.to_string()));
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The values of `parts` in `text` when it matches them whole (each variable non-empty, the first way).
fn values<'a>(parts: &[Part], text: &'a str, out: &mut Vec<&'a str>) -> bool {
    match parts.split_first() {
        None => text.is_empty(),
        Some((Part::Text(t), rest)) => text
            .strip_prefix(t.as_str())
            .is_some_and(|after| values(rest, after, out)),
        Some((Part::Var(_), [])) => {
            out.push(text);
            !text.is_empty()
        }
        Some((Part::Var(_), rest)) => {
            let Some(Part::Text(next)) = rest.first() else {
                return false;
            };
            // A value has at least its first character.
            let mut from = text.chars().next().map_or(1, char::len_utf8);
            while let Some(at) = text.get(from..).and_then(|s| s.find(next.as_str())) {
                let end = from + at;
                out.push(&text[..end]);
                if values(rest, &text[end..], out) {
                    return true;
                }
                out.pop();
                from = end + 1;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
            }
            false
        }
    }
}

/// An English number as `lang` writes it ("1,234.5" → "1 234,5" in Swedish); other text unchanged.
fn number(lang: Lang, value: &str) -> String {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let numeric = !digits.is_empty()
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && digits.matches('.').count() <= 1;
    if !numeric || lang == Lang::En {
        return value.to_string();
    }
    value
        .chars()
        .map(|c| match c {
            ',' => '\u{a0}',
            '.' => ',',
            c => c,
        })
        .collect()
}

/// `english`, a text made from a message of [`PREFIXES`], said in `lang`.
pub fn again(lang: Lang, english: &str) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    for p in patterns() {
        let mut found = Vec::new();
        if !values(&p.parts, english, &mut found) {
            continue;
        }
        let names = p.parts.iter().filter_map(|x| match x {
            Part::Var(name) => Some(name.as_str()),
            Part::Text(_) => None,
        });
        let args: Vec<(&str, Arg)> = names
            .zip(found)
            .map(|(name, v)| (name, Arg::Str(number(lang, &again(lang, v)))))
            .collect();
        return tr(lang, &p.id, &args);
    }
    english.to_string()
}

/// A line that may begin with where it is about ("FILE:LINE:COL: ", "FILE: "), said in `lang`: the first
/// tail after a `": "` that is such a text is said again, its place kept as it is.
pub fn again_line(lang: Lang, line: &str) -> String {
    if lang == Lang::En {
        return line.to_string();
    }
    let whole = again(lang, line);
    if whole != line {
        return whole;
    }
    for (at, _) in line.match_indices(": ") {
        let (place, rest) = line.split_at(at + 2);
        let said = again(lang, rest);
        if said != rest {
            return format!("{place}{said}");
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t;

    #[test]
    fn a_stored_english_text_is_said_again_in_swedish() {
        let inner = t!(Lang::En, "refuse-already-expedited", order = "12");
        assert_eq!(
            again(Lang::Sv, &inner),
            t!(Lang::Sv, "refuse-already-expedited", order = "12")
        );
        assert_eq!(again(Lang::En, &inner), inner);
        // A value that is itself such a text is said again too.
        let problem = t!(Lang::En, "problem-step-unowned", step = "bake");
        let outer = t!(Lang::En, "refuse-stuck", problem = problem.as_str());
        let sv_problem = t!(Lang::Sv, "problem-step-unowned", step = "bake");
        assert_eq!(
            again(Lang::Sv, &outer),
            t!(Lang::Sv, "refuse-stuck", problem = sv_problem.as_str())
        );
        // A located line keeps its place.
        let located = format!("scenario.ron:3:14: {inner}");
        assert_eq!(
            again_line(Lang::Sv, &located),
            format!("scenario.ron:3:14: {}", again(Lang::Sv, &inner))
        );
        // A value may begin with any character.
        let with = t!(
            Lang::En,
            "refuse-already-in",
            worker = "åsa",
            unit = "bakning"
        );
        assert_eq!(
            again(Lang::Sv, &with),
            t!(
                Lang::Sv,
                "refuse-already-in",
                worker = "åsa",
                unit = "bakning"
            )
        );
        // A text no message made stays as it is.
        assert_eq!(again(Lang::Sv, "something else"), "something else");
    }

    #[test]
    fn numbers_in_a_text_said_again_follow_the_language() {
        assert_eq!(number(Lang::Sv, "1,234.5"), "1\u{a0}234,5");
        assert_eq!(number(Lang::Sv, "-0.25"), "-0,25");
        assert_eq!(number(Lang::Sv, "`sara`"), "`sara`");
        assert_eq!(number(Lang::Sv, "1.2.3"), "1.2.3");
    }

    #[test]
    fn every_pattern_reads_back_its_own_values() {
        for p in patterns() {
            let vars: Vec<(&str, Arg)> = p
                .parts
                .iter()
                .filter_map(|x| match x {
                    Part::Var(n) => Some((n.as_str(), Arg::Str(format!("<{n}>")))),
                    Part::Text(_) => None,
                })
                .collect();
            let english = tr(Lang::En, &p.id, &vars);
            let mut found = Vec::new();
            assert!(values(&p.parts, &english, &mut found), "{}", p.id);
            let expected: Vec<String> = vars
                .iter()
                .map(|(_, v)| match v {
                    Arg::Str(s) => s.clone(),
                    Arg::Num(n) => n.to_string(),
                })
                .collect();
            assert_eq!(found, expected, "{}", p.id);
            // Said again, it is the Swedish message with the same values.
            assert_eq!(
                again(Lang::Sv, &english),
                tr(Lang::Sv, &p.id, &vars),
                "{}",
                p.id
            );
        }
        assert!(patterns().len() > 20);
    }
}
