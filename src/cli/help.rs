//! The command line's help in the language asked: `cakefactory --lang sv --help` (or a Swedish locale). The
//! English help is the arguments' own doc comments; the Swedish is `assets/i18n/sv/help.ftl`, put on the
//! commands and options here before the arguments are read (clap's own words, "Usage:" and the like, stay
//! as clap says them).

use std::ffi::OsString;

use clap::CommandFactory;

use super::Cli;
use crate::i18n::{Arg, Lang, help};

/// The language the arguments ask for with `--lang X` or `--lang=X` (`None`: not given, or not one the game
/// speaks; clap then says what is wrong).
pub(super) fn lang_in(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        if a == "--lang" {
            return args.next().and_then(Lang::from_code);
        }
        if let Some(code) = a.strip_prefix("--lang=") {
            return Lang::from_code(code);
        }
    }
    None
}

/// The values the help's messages take: the limits the English help states from the code.
fn values() -> Vec<(&'static str, Arg)> {
    let headless = [("most", Arg::from(crate::scenario::MAX_TEAMS))];
    #[cfg(feature = "gui")]
    let window = {
        use crate::game::ui::style;
        [
            ("min", Arg::from(*crate::game::TEAMS.start())),
            ("max", Arg::from(*crate::game::TEAMS.end())),
            ("smallest", Arg::from(*style::SCALES.start())),
            ("largest", Arg::from(*style::SCALES.end())),
            ("default", Arg::from(style::DEFAULT_SCALE)),
        ]
    };
    #[cfg(not(feature = "gui"))]
    let window: [(&'static str, Arg); 0] = [];
    headless.into_iter().chain(window).collect()
}

/// The command line with its help in `lang`.
pub(super) fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    said(cmd, lang, "help", &values())
}

/// `cmd` (whose messages' ids start with `id`) with its help, and its options' and subcommands', in `lang`
/// where the help file says them.
fn said(mut cmd: clap::Command, lang: Lang, id: &str, values: &[(&str, Arg)]) -> clap::Command {
    if let Some(about) = help(lang, id, values) {
        cmd = cmd.about(about.clone()).long_about(about);
    }
    let options: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for option in options {
        if let Some(text) = help(lang, &option_id(id, &option), values) {
            cmd = cmd.mut_arg(option.as_str(), |a| a.help(text.clone()).long_help(text));
        }
    }
    let commands: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in commands {
        let sub = format!("help-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |c| said(c, lang, &sub, values));
    }
    cmd
}

/// The message id of option `option` of the command whose id is `command`: the program's own and the
/// options every command has (`--lang`, `--help`, `--version`) are `help--OPTION`.
fn option_id(command: &str, option: &str) -> String {
    match option {
        "lang" | "help" | "version" => format!("help--{option}"),
        _ if command == "help" => format!("help--{option}"),
        _ => format!("{command}-{option}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (message id, English help) of `cmd` and below.
    fn ids(cmd: &clap::Command, id: &str, out: &mut Vec<String>) {
        out.push(id.to_string());
        for a in cmd.get_arguments() {
            out.push(option_id(id, a.get_id().as_str()));
        }
        for c in cmd.get_subcommands() {
            ids(c, &format!("help-{}", c.get_name()), out);
        }
    }

    #[test]
    fn every_command_and_option_has_its_swedish_help_and_no_other_is_kept() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut wanted = Vec::new();
        ids(&cmd, "help", &mut wanted);
        wanted.sort();
        wanted.dedup();
        let mut have = crate::i18n::help_ids();
        have.sort();
        let missing: Vec<&String> = wanted.iter().filter(|w| !have.contains(w)).collect();
        assert!(missing.is_empty(), "no Swedish help for {missing:?}");
        // The window's commands exist only with the window; their help stays for that build.
        let stale: Vec<&String> = have
            .iter()
            .filter(|h| !wanted.contains(h))
            .filter(|h| {
                cfg!(feature = "gui")
                    || !(h.starts_with("help-play") || h.starts_with("help-debrief"))
            })
            .collect();
        assert!(stale.is_empty(), "Swedish help for nothing: {stale:?}");
    }

    #[test]
    fn the_help_speaks_the_language_asked() {
        let sv = command(Lang::Sv).render_long_help().to_string();
        assert!(sv.contains("Validera scenariofiler"), "{sv}");
        let run = command(Lang::Sv)
            .find_subcommand_mut("run")
            .expect("run")
            .render_long_help()
            .to_string();
        assert!(run.contains("Frö för alla slumpströmmar"), "{run}");
        assert!(!run.contains("{ $"), "every value filled in: {run}");
        let en = command(Lang::En).render_long_help().to_string();
        assert!(en.contains("Validate scenario files"), "{en}");
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in(&args(&["cakefactory", "--lang", "sv", "run"])),
            Some(Lang::Sv)
        );
        assert_eq!(
            lang_in(&args(&["cakefactory", "run", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(lang_in(&args(&["cakefactory", "run"])), None);
    }
}
