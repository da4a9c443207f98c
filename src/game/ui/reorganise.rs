//! What a switch of design would change, in words, shown before the team applies it: units, people, boundary
//! spanners, stand-ups, the board, helping, queue order and WIP limits. Whatever is not listed stays.

use crate::domain::{Practices, Standup, StandupScope};
use crate::factory::org::Org;
use crate::i18n::Lang;
use crate::scenario::Model;
use crate::t;

/// Every difference between the organisation now and the one a switch gives, one line each, in `lang` with
/// the scenario's own names.
pub fn design_changes(model: &Model, now: &Org, after: &Org, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    units(&mut out, model, now, after, lang);
    people(&mut out, model, now, after, lang);
    spanners(&mut out, model, now, after, lang);
    practices(&mut out, model, &now.practices, &after.practices, lang);
    out
}

fn unit_names<'a>(model: &'a Model, org: &'a Org, lang: Lang) -> Vec<&'a str> {
    org.units
        .iter()
        .map(|u| model.lexicon.say(lang, &u.name))
        .collect()
}

fn units(out: &mut Vec<String>, model: &Model, now: &Org, after: &Org, lang: Lang) {
    let (a, b) = (unit_names(model, now, lang), unit_names(model, after, lang));
    if a != b {
        out.push(t!(
            lang,
            "reorg-units",
            now = a.join(", "),
            after = b.join(", ")
        ));
    }
}

/// Who changes unit: each by name when few do, else how many.
fn people(out: &mut Vec<String>, model: &Model, now: &Org, after: &Org, lang: Lang) {
    let unit = |org: &Org, w: usize| org.units[org.worker_unit[w] as usize].name.clone();
    let moves: Vec<String> = (0..model.workers.len())
        .filter(|&w| unit(now, w) != unit(after, w))
        .map(|w| {
            t!(
                lang,
                "reorg-move",
                worker = model.lexicon.say(lang, &model.workers[w].name),
                unit = model.lexicon.say(lang, &unit(after, w))
            )
        })
        .collect();
    match moves.len() {
        0 => {}
        1..=4 => out.push(t!(lang, "reorg-moves", moves = moves.join(", "))),
        n => out.push(t!(
            lang,
            "reorg-many-move",
            count = n,
            people = model.workers.len()
        )),
    }
}

fn spanners(out: &mut Vec<String>, model: &Model, now: &Org, after: &Org, lang: Lang) {
    let names = |on: bool| -> Vec<String> {
        (0..model.workers.len())
            .filter(|&w| now.spanner[w] != after.spanner[w] && after.spanner[w] == on)
            .map(|w| model.lexicon.say(lang, &model.workers[w].name).to_string())
            .collect()
    };
    let (start, stop) = (names(true), names(false));
    if !start.is_empty() {
        out.push(t!(lang, "reorg-spanners-new", people = start.join(", ")));
    }
    if !stop.is_empty() {
        out.push(t!(lang, "reorg-spanners-gone", people = stop.join(", ")));
    }
}

/// A stand-up in words.
fn standup(s: &Option<Standup>, lang: Lang) -> String {
    match s {
        None => t!(lang, "reorg-none"),
        Some(s) => t!(
            lang,
            "reorg-standup",
            every = format!("{:.0}", s.every_min),
            minutes = format!("{:.0}", s.duration_min),
            scope = match s.scope {
                StandupScope::Unit => t!(lang, "reorg-each-unit"),
                StandupScope::Factory => t!(lang, "reorg-whole-factory"),
            }
        ),
    }
}

fn practices(out: &mut Vec<String>, model: &Model, now: &Practices, after: &Practices, lang: Lang) {
    if now.standup != after.standup {
        out.push(t!(
            lang,
            "reorg-standups",
            after = standup(&after.standup, lang),
            now = standup(&now.standup, lang)
        ));
    }
    if now.shared_board != after.shared_board {
        out.push(if after.shared_board {
            t!(lang, "reorg-board-on")
        } else {
            t!(lang, "reorg-board-off")
        });
    }
    if now.helping != after.helping {
        out.push(t!(
            lang,
            "reorg-helping",
            after = after.helping.words(lang),
            now = now.helping.words(lang)
        ));
    }
    if now.priority != after.priority {
        out.push(t!(
            lang,
            "reorg-queues",
            after = after.priority.words(lang),
            now = now.priority.words(lang)
        ));
    }
    for step in &model.steps {
        let limit = |p: &Practices| {
            p.wip_limits
                .iter()
                .find(|(s, _)| *s == step.id)
                .map_or_else(|| t!(lang, "reorg-none"), |(_, l)| l.to_string())
        };
        let (a, b) = (limit(now), limit(after));
        if a != b {
            out.push(t!(
                lang,
                "reorg-wip",
                step = model.lexicon.say(lang, &step.name),
                after = b,
                now = a
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        crate::scenario::load_str(
            "s.ron",
            crate::scenario::shipped("cake_factory_2").unwrap().1,
        )
        .unwrap()
    }

    #[test]
    fn a_switch_lists_what_changes_and_keeps_the_teams_decisions() {
        let m = model();
        let functional = m.design_index("functional").unwrap();
        let cells = m.design_index("cross_functional").unwrap();
        let mut now = Org::from_design(&m, functional);
        // The team's own decisions: a spanner and a WIP limit.
        let sara = m.workers.iter().position(|w| w.id == "sara").unwrap();
        now.spanner[sara] = true;
        now.practices.wip_limits.0.push(("bake".into(), 3));
        now.refresh(&m);
        let after = Org::switched(&m, cells, &now, |_| true);
        assert!(after.spanner[sara], "the spanner is kept");
        assert!(
            after
                .practices
                .wip_limits
                .iter()
                .any(|(s, l)| s == "bake" && *l == 3),
            "the WIP limit is kept"
        );
        let lines = design_changes(&m, &now, &after, Lang::En);
        assert!(
            lines.iter().any(|l| l.starts_with("Units: Sales")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|l| l.contains("people change unit")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Stand-ups: every 240 min")),
            "{lines:?}"
        );
        assert!(!lines.iter().any(|l| l.contains("spanner")), "{lines:?}");
        assert!(!lines.iter().any(|l| l.contains("WIP")), "{lines:?}");
        // Back to the same design: nothing changes.
        assert!(
            design_changes(
                &m,
                &now,
                &Org::switched(&m, functional, &now, |_| true),
                Lang::En
            )
            .is_empty()
        );
    }

    #[test]
    fn a_move_is_kept_where_the_new_design_has_the_unit() {
        let m = model();
        let functional = m.design_index("functional").unwrap();
        let spanners = m.design_index("functional_spanners").unwrap();
        let mut now = Org::from_design(&m, functional);
        let ben = m.workers.iter().position(|w| w.id == "ben").unwrap();
        now.worker_unit[ben] = now.unit_index("decorating").unwrap();
        now.refresh(&m);
        let after = Org::switched(&m, spanners, &now, |_| true);
        assert_eq!(
            after.worker_unit[ben],
            after.unit_index("decorating").unwrap()
        );
        let refused = Org::switched(&m, spanners, &now, |_| false);
        assert_eq!(
            refused.worker_unit[ben],
            refused.unit_index("bakery").unwrap()
        );
    }
}
