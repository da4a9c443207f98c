//! The message files of every language, compiled in and parsed once, and the formatting of one message.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, number};

/// The message files: a name and its text in English and in Swedish (`assets/i18n/<lang>/<name>.ftl`).
pub const FILES: [(&str, &str, &str); 5] = [
    (
        "common",
        include_str!("../../assets/i18n/en/common.ftl"),
        include_str!("../../assets/i18n/sv/common.ftl"),
    ),
    (
        "cli",
        include_str!("../../assets/i18n/en/cli.ftl"),
        include_str!("../../assets/i18n/sv/cli.ftl"),
    ),
    (
        "game",
        include_str!("../../assets/i18n/en/game.ftl"),
        include_str!("../../assets/i18n/sv/game.ftl"),
    ),
    (
        "debrief",
        include_str!("../../assets/i18n/en/debrief.ftl"),
        include_str!("../../assets/i18n/sv/debrief.ftl"),
    ),
    (
        "web",
        include_str!("../../assets/i18n/en/web.ftl"),
        include_str!("../../assets/i18n/sv/web.ftl"),
    ),
];

/// The prefix of the messages the browser pages use.
const WEB: &str = "web-";

type Bundle = FluentBundle<FluentResource>;

/// The source of every message file of a language.
fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, en, sv)| {
        (
            *name,
            match lang {
                Lang::En => *en,
                Lang::Sv => *sv,
            },
        )
    })
}

/// How a language writes a number the messages are given.
fn formatter<M>(lang: Lang) -> fn(&FluentValue, &M) -> Option<String> {
    fn with(lang: Lang, v: &FluentValue) -> Option<String> {
        match v {
            FluentValue::Number(n) => {
                let decimals =
                    n.options
                        .minimum_fraction_digits
                        .unwrap_or(if n.value.fract() == 0.0 {
                            0
                        } else {
                            n.options.maximum_fraction_digits.unwrap_or(1)
                        });
                Some(number::decimal(lang, n.value, decimals))
            }
            _ => None,
        }
    }
    match lang {
        Lang::En => |v, _| with(Lang::En, v),
        Lang::Sv => |v, _| with(Lang::Sv, v),
    }
}

/// Builds a language's bundle from its files. A file that does not parse is a build error caught by the
/// tests; its valid entries are still used.
fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language code");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(formatter(lang)));
    for (_, source) in sources(lang) {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The bundle of a language, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    &BUNDLES.get_or_init(|| Lang::ALL.map(build))[lang.index()]
}

/// Formats message `id` of `lang` with `args`.
pub(super) fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    say(bundle(lang), id, args).unwrap_or_else(|| id.to_string())
}

/// Message `id` of `bundle` with `args`, when the bundle has it.
fn say(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        match v {
            Arg::Str(s) => fluent.set(*k, FluentValue::String(Cow::Owned(s.clone()))),
            Arg::Num(n) => fluent.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent), &mut errors)
            .into_owned(),
    )
}

/// The command line's help in Swedish. Its English is the code's own documentation (the doc comments of
/// the command line's arguments), so this file has no English twin; a test checks it against the commands.
const HELP_SV: &str = include_str!("../../assets/i18n/sv/help.ftl");

/// The Swedish help's bundle, built on first use.
fn help_bundle() -> &'static Bundle {
    static HELP: OnceLock<Bundle> = OnceLock::new();
    HELP.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = "sv".parse().expect("a valid language code");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(formatter(Lang::Sv)));
        let resource = FluentResource::try_new(HELP_SV.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// Help message `id` of the command line in `lang` with `args`; `None` in English (the doc comments say
/// it) and for an id the help file does not have.
pub fn help(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::Sv => say(help_bundle(), id, args),
    }
}

/// Every id of the command line's Swedish help.
pub fn help_ids() -> Vec<String> {
    let resource = FluentResource::try_new(HELP_SV.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every message id of a language's files with its file, in file order.
pub fn messages(lang: Lang) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (file, source) in sources(lang) {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                out.push((file, m.id.name.to_string()));
            }
        }
    }
    out
}

/// The browser pages' messages of a language (ids starting `web-`, without the prefix), with variables left
/// as `{$name}` for the page to fill in.
pub fn web_messages(lang: Lang) -> BTreeMap<String, String> {
    let bundle = bundle(lang);
    messages(lang)
        .into_iter()
        .filter_map(|(_, id)| {
            let key = id.strip_prefix(WEB)?.to_string();
            let pattern = bundle.get_message(&id)?.value()?;
            let mut errors = Vec::new();
            Some((
                key,
                bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned(),
            ))
        })
        .collect()
}
