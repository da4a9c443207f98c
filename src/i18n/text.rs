//! A text a scenario gives (a name, headline, description or briefing): one string for every language, or
//! one per language; and the lexicon that finds a text's translation for the screens.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Lang;

/// A scenario's text: `"Rush order"` for every language, or `(en: "Rush order", sv: "Brådskande order")`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    /// The same in every language.
    Plain(String),
    /// One text per language (boxed: most texts are plain, and commands carry texts).
    Both(Box<Both>),
}

/// A text in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Both {
    /// English.
    pub en: String,
    /// Swedish.
    pub sv: String,
}

impl Default for Text {
    fn default() -> Text {
        Text::Plain(String::new())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

impl Text {
    /// A text in English and Swedish.
    pub fn both(en: impl Into<String>, sv: impl Into<String>) -> Text {
        Text::Both(Box::new(Both {
            en: en.into(),
            sv: sv.into(),
        }))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Text::Plain(s), _) => s,
            (Text::Both(b), Lang::En) => &b.en,
            (Text::Both(b), Lang::Sv) => &b.sv,
        }
    }

    /// The English text: the one the game's logs, tables and identifiers use.
    pub fn english(&self) -> &str {
        self.get(Lang::En)
    }

    /// Whether it has no text.
    pub fn is_empty(&self) -> bool {
        self.english().is_empty()
    }

    /// The translation it gives (English, Swedish), when it gives one.
    pub fn pair(&self) -> Option<(&str, &str)> {
        match self {
            Text::Plain(_) => None,
            Text::Both(b) => Some((&b.en, &b.sv)),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Both(b) => {
                let mut st = s.serialize_struct("Text", 2)?;
                st.serialize_field("en", &b.en)?;
                st.serialize_field("sv", &b.sv)?;
                st.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a text: "..." or (en: "...", sv: "...")"#)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::Plain(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::Plain(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let (mut en, mut sv) = (None::<String>, None::<String>);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "en" => &mut en,
                "sv" => &mut sv,
                other => return Err(de::Error::unknown_field(other, &["en", "sv"])),
            };
            if slot.is_some() {
                return Err(de::Error::custom(crate::t!(
                    Lang::En,
                    "problem-text-twice",
                    key = key.as_str()
                )));
            }
            *slot = Some(map.next_value()?);
        }
        let missing = |code: &str| {
            de::Error::custom(crate::t!(Lang::En, "problem-text-missing", code = code))
        };
        let en = en.ok_or_else(|| missing("en"))?;
        let sv = sv.ok_or_else(|| missing("sv"))?;
        if en.trim().is_empty() != sv.trim().is_empty() {
            return Err(de::Error::custom(crate::t!(Lang::En, "problem-text-empty")));
        }
        Ok(Text::both(en, sv))
    }
}

/// The translations a scenario gives: from each English text to its Swedish one. The game keeps English texts
/// in its model, logs and tables, and the screens look their translation up here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon(BTreeMap<String, String>);

impl Lexicon {
    /// Adds a text's translation. Err with the Swedish text already given when the same English text has
    /// another one.
    pub fn add(&mut self, text: &Text) -> Result<(), String> {
        let Some((en, sv)) = text.pair() else {
            return Ok(());
        };
        match self.0.get(en) {
            Some(known) if known != sv => Err(known.clone()),
            Some(_) => Ok(()),
            None => {
                self.0.insert(en.to_string(), sv.to_string());
                Ok(())
            }
        }
    }

    /// `english` in `lang`: its translation when the scenario gives one, else as it is.
    pub fn say<'a>(&'a self, lang: Lang, english: &'a str) -> &'a str {
        match lang {
            Lang::En => english,
            Lang::Sv => self.0.get(english).map_or(english, String::as_str),
        }
    }

    /// How many translations it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
