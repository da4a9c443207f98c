//! Each participant's take-home page, for the next morning and after: their team's figures, their own hopes,
//! fears and self-assessment before and after (beside the room's), their team's dialogue answers, the moments
//! and answers the facilitator pinned, and the one action they commit to. Self-contained HTML, one file per
//! participant, named by the id their device made up; a name appears only where they signed with one.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::{Result, io};
use crate::debrief::voices::{Participant, Scores, Voices, level, question, theme};
use crate::debrief::{Debrief, round_clock};
use crate::domain::Phase;
use crate::domain::voice::{LEVELS, THEMES};
use crate::i18n::{Lang, decimal, money, percent};
use crate::t;

/// The folder of the take-home pages inside an export.
pub const FOLDER: &str = "take-home";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A score, or a dash where none was given.
fn score(s: Option<&Scores>, th: usize, lv: usize) -> String {
    match s.map(|s| s[th][lv]) {
        Some(v) if v > 0 => v.to_string(),
        _ => "–".into(),
    }
}

/// The room's mean of a scale, or a dash.
fn room_mean(v: &Voices, phase: Phase, th: usize, lv: usize, lang: Lang) -> String {
    Voices::mean(&v.distribution(phase, th, lv, None))
        .map_or_else(|| "–".into(), |m| decimal(lang, m, 1))
}

/// The page of participant `id`, in `lang` (`None` when no such participant spoke).
pub fn page(d: &Debrief, id: &str, lang: Lang) -> Option<String> {
    let v = &d.voices;
    let p = v.participants.get(id)?;
    let team = d.team_name(lang, usize::from(p.factory)).to_string();
    let mut h = String::new();
    let title = t!(lang, "takehome-title", scenario = d.say(lang, &d.scenario));
    let _ = write!(
        h,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&title)
    );
    let _ = write!(h, "<h1>{}</h1>", esc(&title));
    let whom = if p.signed.is_empty() {
        t!(lang, "takehome-for-team", team = team.as_str())
    } else {
        t!(
            lang,
            "takehome-for",
            name = p.signed.as_str(),
            team = team.as_str()
        )
    };
    let _ = write!(h, "<p class=\"lead\">{}</p>", esc(&whom));
    figures(&mut h, d, p, lang);
    hopes(&mut h, p, lang);
    assessment(&mut h, v, p, lang);
    dialogue(&mut h, d, p, lang);
    pinned(&mut h, d, lang);
    let _ = write!(h, "<h2>{}</h2>", esc(&t!(lang, "takehome-commitment")));
    if p.commitment.is_empty() {
        let _ = write!(
            h,
            "<p class=\"blank\">{}</p>",
            esc(&t!(lang, "takehome-write-one"))
        );
    } else {
        let _ = write!(h, "<p class=\"commitment\">{}</p>", esc(&p.commitment));
    }
    h.push_str("</body></html>\n");
    Some(h)
}

/// The team's figures over the whole session, from the collector.
fn figures(h: &mut String, d: &Debrief, p: &Participant, lang: Lang) {
    let Some(f) = d.report.factories.get(usize::from(p.factory)) else {
        return;
    };
    let m = &f.totals;
    let on_time = if m.orders_delivered == 0 {
        "–".to_string()
    } else {
        percent(lang, m.orders_on_time as f64 / m.orders_delivered as f64, 0)
    };
    let rows = [
        (
            t!(lang, "takehome-delivered"),
            m.orders_delivered.to_string(),
        ),
        (t!(lang, "takehome-on-time"), on_time),
        (t!(lang, "takehome-profit"), money(lang, m.profit)),
        (
            t!(lang, "takehome-lead-time"),
            m.lead_time_mean_min
                .map_or_else(|| "–".into(), |x| decimal(lang, x, 0)),
        ),
        (
            t!(lang, "takehome-cross-unit"),
            m.cross_unit_handoffs.to_string(),
        ),
        (
            t!(lang, "takehome-spanners"),
            if m.boundary_spanners.is_empty() {
                "–".into()
            } else {
                m.boundary_spanners.join(", ")
            },
        ),
    ];
    let _ = write!(h, "<h2>{}</h2><table>", esc(&t!(lang, "takehome-figures")));
    for (k, val) in rows {
        let _ = write!(h, "<tr><th>{}</th><td>{}</td></tr>", esc(&k), esc(&val));
    }
    h.push_str("</table>");
}

fn hopes(h: &mut String, p: &Participant, lang: Lang) {
    let list = |items: &[String]| -> String {
        if items.is_empty() {
            "<p class=\"blank\">–</p>".into()
        } else {
            format!(
                "<ul>{}</ul>",
                items
                    .iter()
                    .map(|i| format!("<li>{}</li>", esc(i)))
                    .collect::<String>()
            )
        }
    };
    let _ = write!(
        h,
        "<h2>{}</h2><div class=\"two\"><div><h3>{}</h3>{}</div><div><h3>{}</h3>{}</div></div>",
        esc(&t!(lang, "takehome-then")),
        esc(&t!(lang, "takehome-hopes")),
        list(&p.hopes),
        esc(&t!(lang, "takehome-fears")),
        list(&p.fears)
    );
}

fn assessment(h: &mut String, v: &Voices, p: &Participant, lang: Lang) {
    let _ = write!(
        h,
        "<h2>{}</h2><table><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(&t!(lang, "takehome-assessment")),
        esc(&t!(lang, "takehome-you-before")),
        esc(&t!(lang, "takehome-you-after")),
        esc(&t!(lang, "takehome-room-before")),
        esc(&t!(lang, "takehome-room-after"))
    );
    for th in 0..THEMES {
        let _ = write!(
            h,
            "<tr><th colspan=\"5\" class=\"theme\">{}</th></tr>",
            esc(&theme(lang, th))
        );
        for lv in 0..LEVELS {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&level(lang, lv)),
                score(p.before.as_ref(), th, lv),
                score(p.after.as_ref(), th, lv),
                room_mean(v, Phase::Before, th, lv, lang),
                room_mean(v, Phase::After, th, lv, lang)
            );
        }
    }
    h.push_str("</table>");
}

/// The team's answers to the dialogue questions, round by round.
fn dialogue(h: &mut String, d: &Debrief, p: &Participant, lang: Lang) {
    let _ = write!(h, "<h2>{}</h2>", esc(&t!(lang, "takehome-dialogue")));
    let mut any = false;
    for round in 1..=d.rounds {
        for q in 0..3u8 {
            let answers: Vec<_> = d
                .voices
                .answers_to(round, q)
                .into_iter()
                .filter(|a| a.factory == p.factory)
                .collect();
            if answers.is_empty() {
                continue;
            }
            any = true;
            let _ = write!(
                h,
                "<h3>{} · {}</h3><ul>",
                esc(&t!(lang, "takehome-round", round = round)),
                esc(&question(lang, usize::from(q)))
            );
            for a in answers {
                let by = if a.signed.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"by\">— {}</span>", esc(&a.signed))
                };
                let _ = write!(h, "<li>{}{by}</li>", esc(&a.text));
            }
            h.push_str("</ul>");
        }
    }
    if !any {
        h.push_str("<p class=\"blank\">–</p>");
    }
}

/// The moments and answers the facilitator pinned for the room.
fn pinned(h: &mut String, d: &Debrief, lang: Lang) {
    let v = &d.voices;
    if v.moments.is_empty() && v.pinned.is_empty() {
        return;
    }
    let _ = write!(h, "<h2>{}</h2><ul>", esc(&t!(lang, "takehome-pinned")));
    for m in &v.moments {
        let team = m.team.map_or_else(String::new, |t| {
            format!(" ({})", d.team_name(lang, usize::from(t)))
        });
        let at = round_clock(crate::domain::time::minutes_from_ms(m.t.0), &d.round_starts);
        let _ = write!(
            h,
            "<li><strong>{}</strong>{} {}</li>",
            esc(&at),
            esc(&team),
            esc(&m.note)
        );
    }
    for a in v.pinned_answers() {
        let team = d.team_name(lang, usize::from(a.factory));
        let _ = write!(
            h,
            "<li>“{}” <span class=\"by\">({})</span></li>",
            esc(&a.text),
            esc(team)
        );
    }
    h.push_str("</ul>");
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}table{border-collapse:collapse}\
th,td{padding:4px 10px;text-align:left;border-bottom:1px solid #eee}th.theme{padding-top:12px}\
.two{display:grid;grid-template-columns:1fr 1fr;gap:1em}.blank{color:#888}.by{color:#666}\
.commitment{font-size:1.2em;border-left:4px solid #e0b040;padding-left:10px}.lead{font-size:1.1em}";

/// Writes every participant's page into `dir/take-home/`, in `lang`; returns the files written.
pub fn take_home(d: &Debrief, dir: &Path, lang: Lang) -> Result<Vec<PathBuf>> {
    if d.voices.participants.is_empty() {
        return Ok(Vec::new());
    }
    let folder = dir.join(FOLDER);
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let mut out = Vec::new();
    for id in d.voices.participants.keys() {
        let Some(html) = page(d, id, lang) else {
            continue;
        };
        let path = folder.join(format!("{}.html", super::slug(id)));
        std::fs::write(&path, html).map_err(io(&path))?;
        out.push(path);
    }
    Ok(out)
}
