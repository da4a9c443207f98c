//! The message files: both languages have every message with the same variables, every id the code and the
//! pages name exists, and numbers follow each language.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// The variables a pattern uses, and whether it uses anything but text and variables (selectors, functions,
/// terms).
fn variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, plain: &mut bool) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars, plain);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, plain: &mut bool) {
    match e {
        ast::Expression::Inline(i) => inline_variables(i, vars, plain),
        ast::Expression::Select { selector, variants } => {
            *plain = false;
            inline_variables(selector, vars, plain);
            for v in variants {
                variables(&v.value, vars, plain);
            }
        }
    }
}

fn inline_variables(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    plain: &mut bool,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            *plain = false;
            for a in &arguments.positional {
                inline_variables(a, vars, plain);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, vars, plain)
        }
        _ => *plain = false,
    }
}

/// Per message id of a language: its variables and whether it is plain.
fn catalogue(lang: Lang) -> BTreeMap<String, (BTreeSet<String>, bool)> {
    let mut out = BTreeMap::new();
    for (name, en, sv) in FILES {
        let source = if lang == Lang::En { en } else { sv };
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, e)| {
            panic!(
                "assets/i18n/{}/{name}.ftl does not parse: {e:?}",
                lang.code()
            )
        });
        for entry in resource.entries() {
            match entry {
                ast::Entry::Message(m) => {
                    let (mut vars, mut plain) = (BTreeSet::new(), true);
                    let value = m
                        .value
                        .as_ref()
                        .unwrap_or_else(|| panic!("{} has no value", m.id.name));
                    variables(value, &mut vars, &mut plain);
                    assert!(
                        m.attributes.is_empty(),
                        "{}: the game uses no attributes",
                        m.id.name
                    );
                    let before = out.insert(m.id.name.to_string(), (vars, plain));
                    assert!(
                        before.is_none(),
                        "{} is defined twice in {}",
                        m.id.name,
                        lang.code()
                    );
                }
                ast::Entry::Term(t) => panic!("{}: the game uses no terms", t.id.name),
                ast::Entry::Junk { content } => {
                    panic!("{name}.ftl ({}) has junk: {content}", lang.code())
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn both_languages_have_every_message_with_the_same_variables() {
    let en = catalogue(Lang::En);
    let sv = catalogue(Lang::Sv);
    let only_en: Vec<_> = en.keys().filter(|k| !sv.contains_key(*k)).collect();
    let only_sv: Vec<_> = sv.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "messages in English and not in Swedish: {only_en:?}"
    );
    assert!(
        only_sv.is_empty(),
        "messages in Swedish and not in English: {only_sv:?}"
    );
    for (id, (vars, _)) in &en {
        assert_eq!(
            vars, &sv[id].0,
            "{id} uses other variables in Swedish than in English"
        );
    }
    assert!(en.len() > 50, "the files hold the game's texts");
}

#[test]
fn each_message_sits_in_the_same_file_in_both_languages() {
    assert_eq!(messages(Lang::En).len(), catalogue(Lang::En).len());
    let mut en = messages(Lang::En);
    let mut sv = messages(Lang::Sv);
    en.sort_by(|a, b| a.1.cmp(&b.1));
    sv.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(en, sv);
}

#[test]
fn the_pages_messages_are_text_and_variables_only() {
    for lang in Lang::ALL {
        for (id, (_, plain)) in catalogue(lang) {
            if id.starts_with("web-") {
                assert!(
                    plain,
                    "{id} ({}) must be text and {{ $variables }} only",
                    lang.code()
                );
            }
        }
        let web = web_messages(lang);
        assert!(web.values().all(|v| !v.is_empty()));
        assert_eq!(
            web.len(),
            catalogue(lang)
                .keys()
                .filter(|k| k.starts_with("web-"))
                .count()
        );
    }
}

/// Every `"id"` after `pattern` in the text.
fn named_ids(text: &str, pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(pattern) {
        // The call itself, not the end of another name (`assert!(`, `attr(`).
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &text[at + pattern.len()..];
        let Some(open) = rest.find('"') else { continue };
        // Only a literal in the call's first arguments: `t!(lang, "id"` or `t('id'`.
        if rest[..open].contains([';', '{', '}', ')']) {
            continue;
        }
        let id: String = rest[open + 1..].chars().take_while(|c| *c != '"').collect();
        // `t!(lang, "id" if one, ...)` names the singular twin `id-one` too.
        let singular = rest[open + 1 + id.len()..]
            .strip_prefix('"')
            .is_some_and(|a| a.starts_with(" if "));
        // Message ids are lower-case words joined by hyphens; anything else is not a message id.
        if !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            if singular {
                out.push(format!("{id}-one"));
            }
            out.push(id);
        }
    }
    out
}

fn files(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

#[test]
fn every_message_the_code_names_exists() {
    let known = catalogue(Lang::En);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src"), "rs", &mut sources);
    let mut named = 0;
    // The messages' own module names ids only in its examples and tests.
    for path in sources
        .iter()
        .filter(|p| !p.starts_with(root.join("src/i18n")))
    {
        let text = std::fs::read_to_string(path).unwrap();
        for id in named_ids(&text, "t!(")
            .into_iter()
            .chain(named_ids(&text, " tr("))
        {
            named += 1;
            assert!(
                known.contains_key(&id),
                "{} names message {id:?}, which no file has",
                path.display()
            );
        }
    }
    let mut pages = Vec::new();
    files(&root.join("assets/web"), "js", &mut pages);
    files(&root.join("assets/web"), "html", &mut pages);
    for path in &pages {
        let text = std::fs::read_to_string(path).unwrap().replace('\'', "\"");
        let ids = ["t(", "data-t=", "data-t-placeholder="]
            .into_iter()
            .flat_map(|p| named_ids(&text, p));
        for id in ids {
            named += 1;
            assert!(
                known.contains_key(&format!("web-{id}")),
                "{} names message {id:?}, which has no web-{id} in the files",
                path.display()
            );
        }
    }
    assert!(named > 20, "the code names its texts through t!");
}

#[test]
fn messages_take_their_values() {
    assert_eq!(t!(Lang::En, "lang-name"), "English");
    assert_eq!(t!(Lang::Sv, "lang-name"), "Svenska");
    assert_eq!(t!(Lang::Sv, "no-such-message"), "no-such-message");
    let en = tr(Lang::En, "cli-teams", &[("count", Arg::from(1200))]);
    let sv = tr(Lang::Sv, "cli-teams", &[("count", Arg::from(1200))]);
    assert_eq!(en, "1,200 teams");
    assert_eq!(sv, "1\u{a0}200 lag");
    assert_eq!(
        tr(Lang::En, "cli-teams", &[("count", Arg::from(1))]),
        "1 team"
    );
}

#[test]
fn numbers_follow_the_language() {
    assert_eq!(decimal(Lang::En, 1234567.891, 2), "1,234,567.89");
    assert_eq!(decimal(Lang::Sv, 1234567.891, 2), "1\u{a0}234\u{a0}567,89");
    assert_eq!(decimal(Lang::Sv, -0.04, 1), "0,0");
    assert_eq!(decimal(Lang::En, -12.5, 1), "-12.5");
    assert_eq!(money(Lang::En, -1500.4), "-1,500");
    assert_eq!(money(Lang::Sv, 999.6), "1\u{a0}000");
    assert_eq!(count(Lang::En, 12.0), "12");
    assert_eq!(percent(Lang::En, 0.256, 0), "26%");
    assert_eq!(percent(Lang::Sv, 0.256, 1), "25,6\u{a0}%");
    assert_eq!(decimal(Lang::En, f64::NAN, 1), "–");
}

#[test]
fn a_language_is_found_from_its_code_or_locale() {
    assert_eq!(Lang::from_code("sv_SE.UTF-8"), Some(Lang::Sv));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("SV"), Some(Lang::Sv));
    assert_eq!(Lang::from_code("de_DE"), None);
    assert_eq!(Lang::from_code(""), None);
}

#[test]
fn a_text_is_one_string_or_one_per_language() {
    let plain: Text = ron::from_str(r#""Rush order""#).unwrap();
    assert_eq!(plain.get(Lang::Sv), "Rush order");
    let both: Text = ron::from_str(r#"(en: "Rush order", sv: "Brådskande order")"#).unwrap();
    assert_eq!(both.get(Lang::Sv), "Brådskande order");
    assert_eq!(both.english(), "Rush order");
    for bad in [
        r#"(en: "Rush order")"#,
        r#"(en: "Rush", sv: "Brått", de: "Eilig")"#,
        r#"(en: "Rush", sv: "")"#,
        r#"(en: "Rush", en: "Again", sv: "Brått")"#,
        "12",
    ] {
        assert!(ron::from_str::<Text>(bad).is_err(), "{bad} is refused");
    }
    let json = serde_json::to_string(&both).unwrap();
    assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), both);
    assert_eq!(serde_json::to_string(&plain).unwrap(), r#""Rush order""#);
}

#[test]
fn the_lexicon_translates_what_the_scenario_translates() {
    let mut lexicon = Lexicon::default();
    lexicon.add(&Text::from("Oven")).unwrap();
    let both = Text::both("Oven", "Ugn");
    lexicon.add(&both).unwrap();
    lexicon.add(&both).unwrap();
    let other = Text::both("Oven", "Bakugn");
    assert_eq!(lexicon.add(&other), Err("Ugn".to_string()));
    assert_eq!(lexicon.say(Lang::Sv, "Oven"), "Ugn");
    assert_eq!(lexicon.say(Lang::En, "Oven"), "Oven");
    assert_eq!(lexicon.say(Lang::Sv, "Van"), "Van");
}
