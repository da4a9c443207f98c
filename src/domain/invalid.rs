//! Why a value cannot be used, and which field of it is at fault, so that a file can point at the field
//! (`FILE:LINE:COL`) and a live command can say why it was rejected.

use std::fmt;

/// A value that cannot be used: the field at fault (by its name in the file), the item inside it (an id in a
/// list, a map key), and what is wrong in the user's words.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    /// The field at fault (`station`, `duration_min`); `None` for the value as a whole.
    pub field: Option<&'static str>,
    /// The text of the item at fault inside the field (an id in a list), if it is one item.
    pub item: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl Invalid {
    /// A problem with the value as a whole.
    pub fn new(message: impl Into<String>) -> Self {
        Invalid {
            field: None,
            item: None,
            message: message.into(),
        }
    }

    /// A problem with one field.
    pub fn field(field: &'static str, message: impl Into<String>) -> Self {
        Invalid {
            field: Some(field),
            item: None,
            message: message.into(),
        }
    }

    /// A problem with one item (an id) inside a field.
    pub fn item(field: &'static str, item: &str, message: impl Into<String>) -> Self {
        Invalid {
            field: Some(field),
            item: Some(item.to_string()),
            message: message.into(),
        }
    }

    /// The same problem, with `context: ` before its message.
    pub fn context(mut self, context: &str) -> Self {
        self.message = crate::t!(
            crate::i18n::Lang::En,
            "problem-context",
            context = context,
            problem = self.message.as_str()
        );
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<Invalid> for String {
    fn from(e: Invalid) -> String {
        e.message
    }
}
