//! Finding a field inside a RON value by its name, for errors about values that were parsed without
//! positions of their own (disruptions, practices, commands): the value's text is scanned for `name:` (or a
//! string), outside strings and comments, so an error can point at the field rather than at the entry.

/// A token of RON text, as far as finding fields needs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    /// An identifier (a field or variant name, `true`, `Some`).
    Ident(&'a str),
    /// A string literal, with its raw text between the quotes (escapes left as they are).
    Str(&'a str),
    Open,
    Close,
    Colon,
    Comma,
    /// A number, a character or anything else.
    Other,
}

/// The tokens of `src` from `start`, each with its offset; comments and whitespace skipped.
struct Tokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn new(src: &'a str, start: usize) -> Self {
        Tokens {
            src,
            pos: start.min(src.len()),
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Skips whitespace and comments (`//` to the end of the line, nested `/* */`).
    fn skip_trivia(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if trimmed.starts_with("/*") {
                let mut depth = 0usize;
                let bytes = trimmed.as_bytes();
                let mut i = 0;
                while i + 1 < bytes.len() {
                    if bytes[i] == b'/' && bytes[i + 1] == b'*' {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes[i + 1] == b'/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                self.pos += i.max(2).min(trimmed.len());
            } else {
                return;
            }
        }
    }

    /// The length of a string literal at the start of `s` (quotes included), and its inside.
    fn string(s: &'a str) -> (usize, &'a str) {
        let bytes = s.as_bytes();
        let mut i = 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => return (i + 1, &s[1..i]),
                _ => i += 1,
            }
        }
        (s.len(), &s[1.min(s.len())..])
    }

    /// The length of a raw string `r#"..."#` at the start of `s`, and its inside.
    fn raw_string(s: &'a str) -> Option<(usize, &'a str)> {
        let hashes = s[1..].bytes().take_while(|&b| b == b'#').count();
        if s.as_bytes().get(1 + hashes) != Some(&b'"') {
            return None;
        }
        let open = 2 + hashes;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = s[open..].find(&close).map_or(s.len(), |e| open + e);
        Some(((end + close.len()).min(s.len()), &s[open..end]))
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (usize, Tok<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_trivia();
        let rest = self.rest();
        let start = self.pos;
        let c = rest.chars().next()?;
        let (len, tok) = match c {
            '(' | '[' | '{' => (1, Tok::Open),
            ')' | ']' | '}' => (1, Tok::Close),
            ':' => (1, Tok::Colon),
            ',' => (1, Tok::Comma),
            '"' => {
                let (len, inner) = Self::string(rest);
                (len, Tok::Str(inner))
            }
            'r' if Self::raw_string(rest).is_some() => {
                let (len, inner) = Self::raw_string(rest).unwrap_or((1, ""));
                (len, Tok::Str(inner))
            }
            '\'' => {
                let end = rest[1..].find('\'').map_or(rest.len(), |e| e + 2);
                (end, Tok::Other)
            }
            c if c.is_alphabetic() || c == '_' => {
                let len = rest
                    .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '#'))
                    .unwrap_or(rest.len());
                (len, Tok::Ident(rest[..len].trim_start_matches("r#")))
            }
            _ => {
                let len = rest
                    .find(|ch: char| ch.is_whitespace() || "()[]{}:,\"".contains(ch))
                    .unwrap_or(rest.len())
                    .max(c.len_utf8());
                (len, Tok::Other)
            }
        };
        self.pos = start + len;
        Some((start, tok))
    }
}

/// The end of the value that starts at `start` (after any whitespace): its closing bracket, or the end of its
/// single token.
pub fn value_end(src: &str, start: usize) -> usize {
    let mut depth = 0usize;
    let mut tokens = Tokens::new(src, start);
    let mut end = start;
    while let Some((at, tok)) = tokens.next() {
        match tok {
            Tok::Open => depth += 1,
            Tok::Close if depth <= 1 => return tokens.pos.min(src.len()).max(at),
            Tok::Close => depth -= 1,
            Tok::Comma if depth == 0 => return at,
            _ => {}
        }
        end = tokens.pos;
        if depth == 0 {
            // A single token, unless an opening bracket follows (`Some(..)`, `Variant(..)`).
            let mut peek = Tokens::new(src, tokens.pos);
            if !matches!(peek.next(), Some((_, Tok::Open))) {
                return end;
            }
        }
    }
    end
}

/// Inside the value at `start`: where the value of field `key` (`key: value`, at any depth) begins.
pub fn field(src: &str, start: usize, key: &str) -> Option<usize> {
    let end = value_end(src, start);
    let mut tokens = Tokens::new(src, start)
        .take_while(|(at, _)| *at < end)
        .peekable();
    while let Some((_, tok)) = tokens.next() {
        if tok == Tok::Ident(key) && matches!(tokens.peek(), Some((_, Tok::Colon))) {
            tokens.next();
            return tokens.next().map(|(at, _)| at);
        }
    }
    None
}

/// Inside the value at `start`: where the `nth` (from 0) string literal with the text `text` stands.
pub fn string(src: &str, start: usize, text: &str, nth: usize) -> Option<usize> {
    let end = value_end(src, start);
    Tokens::new(src, start)
        .take_while(|(at, _)| *at < end)
        .filter(|(_, tok)| *tok == Tok::Str(text))
        .map(|(at, _)| at)
        .nth(nth)
}

/// The best place for an error about `field` (and the string `item` inside it) of the value at `start`: the
/// item, else the field, else the value itself.
pub fn point(src: &str, start: usize, field: Option<&str>, item: Option<&str>) -> usize {
    let at = field.and_then(|f| self::field(src, start, f));
    let within = at.unwrap_or(start);
    item.and_then(|i| string(src, within, i, 0))
        .or(at)
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"[
    (id: "a", headline: "A", kind: StationBreakdown(station: "oven", duration_min: 30)),
    // a comment with station: "nope"
    (id: "b", headline: "B: (not a bracket", kind: DemandSurge(products: ["x", "y"], factor: 2.0, duration_min: 5)),
]"#;

    fn at(text: &str) -> usize {
        SRC.find(text).unwrap()
    }

    #[test]
    fn fields_are_found_inside_their_value_only() {
        let first = at("(id: \"a\"");
        assert_eq!(field(SRC, first, "station"), Some(at("\"oven\"")));
        assert_eq!(field(SRC, first, "duration_min"), Some(at("30")));
        assert_eq!(field(SRC, first, "factor"), None, "not in the first entry");
        let second = at("(id: \"b\"");
        assert_eq!(field(SRC, second, "factor"), Some(at("2.0")));
        assert_eq!(field(SRC, second, "station"), None, "comments do not count");
    }

    #[test]
    fn items_and_values_end_where_they_should() {
        let second = at("(id: \"b\"");
        assert_eq!(point(SRC, second, Some("products"), Some("y")), at("\"y\""));
        assert_eq!(point(SRC, second, Some("nothing"), None), second);
        assert_eq!(&SRC[at("30")..value_end(SRC, at("30"))], "30");
        let first = at("(id: \"a\"");
        assert!(SRC[first..value_end(SRC, first)].ends_with("duration_min: 30))"));
        let kind = field(SRC, first, "kind").unwrap();
        assert!(SRC[kind..value_end(SRC, kind)].starts_with("StationBreakdown("));
    }
}
