//! The languages of the game (English and Swedish): which one is in use, and every text of the game looked up
//! by its message id in the Fluent message files under `assets/i18n/` (compiled in).
//!
//! This is vocabulary: it depends on nothing else of the crate. Every layer above formats its texts through
//! [`tr`] (or the [`t!`](crate::t) macro) with the language it was given; nothing reads a language from a
//! global.

mod again;
mod bundle;
mod number;
mod text;

use serde::{Deserialize, Serialize};

pub use again::{PREFIXES, again, again_line};
pub use bundle::{FILES, help, help_ids, messages, web_messages};
pub use number::{count, decimal, money, percent, signed};
pub use text::{Lexicon, Text};

/// A language the game speaks.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Swedish.
    Sv,
}

impl Lang {
    /// Every language, in the order the game offers them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// Its code: `en` or `sv`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// The language a code names (`en`, `sv`, also with a region or encoding: `sv_SE.UTF-8`, `en-GB`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::En),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The language of the system's locale when the game speaks it, English otherwise.
    pub fn from_system() -> Lang {
        sys_locale::get_locales()
            .find_map(|l| Lang::from_code(&l))
            .unwrap_or_default()
    }

    /// The language as its speakers name it ("English", "Svenska").
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sv => "Svenska",
        }
    }

    /// The index of this language in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A value given to a message: a text, or a number the language formats (and chooses plural forms by).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A text, shown as given.
    Str(String),
    /// A number.
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}

macro_rules! numeric_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(n as f64)
            }
        }
    )*};
}
numeric_arg!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// The text of message `id` in `lang` with these values (the id itself when there is no such message, which
/// the tests rule out for every id the code names).
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    bundle::format(lang, id, args)
}

/// Message `id` in `lang`, or its singular twin `{id}-one` when `one` ("for 1 team" beside "for 4 teams"):
/// the form messages said again ([`again`]) use instead of a Fluent selector, which they cannot match.
pub fn tr_one(lang: Lang, id: &str, one: bool, args: &[(&str, Arg)]) -> String {
    if one {
        tr(lang, &format!("{id}-one"), args)
    } else {
        tr(lang, id, args)
    }
}

/// The text of a message in a language: `t!(lang, "lobby-title")`, or with values
/// `t!(lang, "teams-count", count = 4)`; `t!(lang, "teams-count" if n == 1, count = n)` takes the
/// message's singular twin `teams-count-one` when the condition holds (see [`tr_one`]).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::i18n::tr($lang, $id, &[])
    };
    ($lang:expr, $id:literal if $one:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::tr_one($lang, $id, $one, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::tr($lang, $id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

#[cfg(test)]
mod tests;
