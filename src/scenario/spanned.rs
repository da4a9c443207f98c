//! Values that remember where they stood in a RON source, so that validation errors can name a line and column.
//!
//! `Spanned<T>` deserialises its value through ron's `RawValue`, which hands out a slice of the source text; the
//! slice's address, compared with the source being parsed (held in a thread-local during [`parse_located`]),
//! gives the byte offset. Type errors inside a spanned value are re-anchored to absolute positions the same way.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::Deref;

use ron::value::RawValue;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Lang::En;
use crate::i18n::tr;
use crate::t;

/// A value with the byte offset of its text in the source it was parsed from (if it came from one).
#[derive(Clone, Default)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Byte offset of its text in the source.
    pub offset: Option<usize>,
}

impl<T> Spanned<T> {
    /// A value that did not come from a source (built in code).
    pub fn new(value: T) -> Self {
        Self {
            value,
            offset: None,
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

thread_local! {
    /// Address range of the source text being parsed by `parse_located` on this thread.
    static SOURCE: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    /// The innermost located type error seen while parsing (absolute byte offset, message).
    static FIRST_ERROR: RefCell<Option<(usize, String)>> = const { RefCell::new(None) };
}

/// ron options used for every scenario-like file: implicit `Some`, default recursion limit.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn offset_in_source(text: &str) -> Option<usize> {
    let (base, len) = SOURCE.with(Cell::get);
    let addr = text.as_ptr() as usize;
    (len > 0 && addr >= base && addr <= base + len).then(|| addr - base)
}

/// Byte offset of a 1-based (line, column-in-chars) position inside `text`.
fn offset_of_position(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw: &RawValue = Deserialize::deserialize(deserializer)?;
        let text = raw.get_ron();
        let offset = offset_in_source(text);
        match ron_options().from_str::<T>(text) {
            Ok(value) => Ok(Spanned { value, offset }),
            Err(err) => {
                let message = in_words(&err.code, text, Some(std::any::type_name::<T>()));
                if let Some(base) = offset {
                    let rel = offset_of_position(text, err.span.start.line, err.span.start.col);
                    FIRST_ERROR.with(|slot| {
                        let mut slot = slot.borrow_mut();
                        if slot.is_none() {
                            *slot = Some((base + rel, message.clone()));
                        }
                    });
                }
                Err(D::Error::custom(message))
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A parse failure with its absolute position.
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong.
    pub message: String,
}

/// The text without the byte-order mark some editors put at its start.
pub fn without_bom(source: &str) -> &str {
    source.strip_prefix('\u{feff}').unwrap_or(source)
}

/// The message id of what kind of value a Rust type is, in a user's words.
fn kind_of(type_name: &str) -> Option<&'static str> {
    let leaf = type_name.rsplit("::").next().unwrap_or(type_name);
    Some(match leaf {
        "u8" | "u16" | "u32" | "u64" | "usize" => "problem-value-count",
        "i32" | "i64" => "problem-value-whole",
        "f32" | "f64" => "problem-value-number",
        "String" => "problem-value-text",
        "bool" => "problem-value-bool",
        _ => return None,
    })
}

/// A parse error in the user's words: what was expected (from the type being read, when known) and what
/// was found.
fn in_words(code: &ron::error::Error, found: &str, type_name: Option<&str>) -> String {
    use ron::error::Error as E;
    let found = found.trim();
    let shown: String = found.chars().take(40).collect();
    let shown = shown.as_str();
    let expected = type_name.and_then(kind_of);
    match code {
        E::TrailingCharacters
        | E::ExpectedInteger
        | E::IntegerOutOfBounds
        | E::ExpectedFloat
        | E::ExpectedString
        | E::ExpectedBoolean
        | E::InvalidValueForType { .. }
            if expected.is_some() =>
        {
            let what = tr(En, expected.unwrap_or_default(), &[]);
            if matches!(code, E::IntegerOutOfBounds) {
                t!(En, "problem-expected-fitting", what = what, found = shown)
            } else {
                t!(En, "problem-expected-found", what = what, found = shown)
            }
        }
        E::TrailingCharacters => t!(En, "problem-trailing", found = shown),
        E::Eof => t!(En, "problem-eof"),
        E::ExpectedComma => t!(En, "problem-expected-comma"),
        E::ExpectedArray => t!(En, "problem-expected-list"),
        E::ExpectedMap => t!(En, "problem-expected-map"),
        E::ExpectedMapColon => t!(En, "problem-expected-colon"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => t!(En, "problem-expected-group"),
        E::ExpectedString => t!(En, "problem-expected-text"),
        E::ExpectedInteger => t!(En, "problem-expected-whole"),
        E::ExpectedFloat => t!(En, "problem-expected-number"),
        E::IntegerOutOfBounds => t!(En, "problem-out-of-bounds"),
        E::MissingStructField { field, outer } => match outer {
            Some(o) => t!(
                En,
                "problem-needs-field",
                outer = o.to_string(),
                field = field.to_string()
            ),
            None => t!(En, "problem-missing-field", field = field.to_string()),
        },
        E::DuplicateStructField { field, .. } => {
            t!(En, "problem-field-twice", field = field.to_string())
        }
        E::NoSuchStructField {
            expected, found, ..
        } => {
            if expected.is_empty() {
                t!(En, "problem-unknown-field", found = found.as_str())
            } else {
                t!(
                    En,
                    "problem-unknown-field-here",
                    found = found.as_str(),
                    expected = expected.join(", ")
                )
            }
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => t!(
            En,
            "problem-unknown-kind",
            found = found.as_str(),
            expected = expected.join(", ")
        ),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// Parses `source` as RON into `T`; on failure returns the innermost error with its absolute position.
pub fn parse_located<T: DeserializeOwned>(source: &str) -> Result<T, LocatedError> {
    SOURCE.with(|s| s.set((source.as_ptr() as usize, source.len())));
    FIRST_ERROR.with(|slot| slot.borrow_mut().take());
    let result = ron_options().from_str::<T>(source);
    SOURCE.with(|s| s.set((0, 0)));
    let inner = FIRST_ERROR.with(|slot| slot.borrow_mut().take());
    result.map_err(|err| match inner {
        Some((offset, message)) => {
            let (line, col) = line_col(source, offset);
            LocatedError { line, col, message }
        }
        None => LocatedError {
            line: err.span.start.line,
            col: err.span.start.col,
            message: in_words(&err.code, "", None),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: Spanned<String>,
        size: Spanned<f64>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Top {
        items: Vec<Spanned<Item>>,
    }

    #[test]
    fn offsets_point_at_values() {
        let src = "Top(\n  items: [\n    Item(name: \"a\", size: 1.5),\n    Item(name: \"bb\", size: 2),\n  ],\n)";
        let top: Top = parse_located(src).unwrap();
        let second = &top.items[1];
        assert_eq!(line_col(src, second.offset.unwrap()), (4, 5));
        assert_eq!(line_col(src, second.name.offset.unwrap()), (4, 16));
        assert_eq!(line_col(src, second.size.offset.unwrap()), (4, 28));
        assert_eq!(second.size.value, 2.0);
    }

    #[test]
    fn inner_type_errors_are_located_absolutely() {
        let src = "Top(\n  items: [\n    Item(name: \"a\", size: 1.5),\n    Item(name: \"b\", sise: 2),\n  ],\n)";
        let err = parse_located::<Top>(src).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("sise"), "{}", err.message);
        assert!(err.col >= 20 && err.col <= 26, "col {}", err.col);
    }

    #[test]
    fn syntax_errors_are_located() {
        let src = "Top(\n  items: [\n    Item(name: \"a\" size: 1.5),\n  ],\n)";
        let err = parse_located::<Top>(src).unwrap_err();
        assert_eq!(err.line, 3);
    }
}
