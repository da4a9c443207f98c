//! Numbers, money and shares as each language writes them: `1,234.5` in English, `1 234,5` in Swedish.

use super::Lang;

/// The separators of a language: thousands, then decimals.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        // A no-break space, so a number never wraps inside.
        Lang::Sv => ('\u{a0}', ','),
    }
}

/// `x` with `decimals` decimals and grouped thousands (a minus sign only when the rounded value is below 0).
pub fn decimal(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let (group, point) = separators(lang);
    let text = format!("{:.*}", decimals, x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    let negative = x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative { format!("-{out}") } else { out }
}

/// A number with its sign always shown ("+0.25", "-1.5"), or a dash when there is none.
pub fn signed(lang: Lang, x: Option<f64>, decimals: usize) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let text = decimal(lang, v, decimals);
            if text.starts_with('-') {
                text
            } else {
                format!("+{text}")
            }
        }
        _ => "-".to_string(),
    }
}

/// A count: whole, with grouped thousands.
pub fn count(lang: Lang, n: f64) -> String {
    decimal(lang, n.round(), 0)
}

/// Money: a whole amount with grouped thousands (the game's money has no currency).
pub fn money(lang: Lang, x: f64) -> String {
    decimal(lang, x.round(), 0)
}

/// A share (0.25) as a percentage with `decimals` decimals: `25%` in English, `25 %` in Swedish.
pub fn percent(lang: Lang, share: f64, decimals: usize) -> String {
    let n = decimal(lang, share * 100.0, decimals);
    match lang {
        Lang::En => format!("{n}%"),
        Lang::Sv => format!("{n}\u{a0}%"),
    }
}
