//! What a switch of design would change, in words, shown before the team applies it: units, people, boundary
//! spanners, stand-ups, the board, helping, queue order and WIP limits. Whatever is not listed stays.

use crate::domain::{Practices, Standup, StandupScope};
use crate::factory::org::Org;
use crate::i18n::Lang;
use crate::scenario::Model;

/// Every difference between the organisation now and the one a switch gives, one line each.
pub fn design_changes(model: &Model, now: &Org, after: &Org, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    units(&mut out, now, after);
    people(&mut out, model, now, after);
    spanners(&mut out, model, now, after);
    practices(&mut out, model, &now.practices, &after.practices, lang);
    out
}

fn unit_names(org: &Org) -> Vec<&str> {
    org.units.iter().map(|u| u.name.as_str()).collect()
}

fn units(out: &mut Vec<String>, now: &Org, after: &Org) {
    let (a, b) = (unit_names(now), unit_names(after));
    if a != b {
        out.push(format!("Units: {} become {}", a.join(", "), b.join(", ")));
    }
}

/// Who changes unit: each by name when few do, else how many.
fn people(out: &mut Vec<String>, model: &Model, now: &Org, after: &Org) {
    let unit = |org: &Org, w: usize| org.units[org.worker_unit[w] as usize].name.clone();
    let moves: Vec<String> = (0..model.workers.len())
        .filter(|&w| unit(now, w) != unit(after, w))
        .map(|w| format!("{} to {}", model.workers[w].name, unit(after, w)))
        .collect();
    match moves.len() {
        0 => {}
        1..=4 => out.push(format!("Moves: {}", moves.join(", "))),
        n => out.push(format!("{n} of {} people change unit", model.workers.len())),
    }
}

fn spanners(out: &mut Vec<String>, model: &Model, now: &Org, after: &Org) {
    let names = |on: bool| -> Vec<String> {
        (0..model.workers.len())
            .filter(|&w| now.spanner[w] != after.spanner[w] && after.spanner[w] == on)
            .map(|w| model.workers[w].name.clone())
            .collect()
    };
    let (start, stop) = (names(true), names(false));
    if !start.is_empty() {
        out.push(format!("New boundary spanners: {}", start.join(", ")));
    }
    if !stop.is_empty() {
        out.push(format!("No longer boundary spanners: {}", stop.join(", ")));
    }
}

/// A stand-up in words.
fn standup(s: &Option<Standup>) -> String {
    match s {
        None => "none".into(),
        Some(s) => format!(
            "every {:.0} min for {:.0} min, {}",
            s.every_min,
            s.duration_min,
            match s.scope {
                StandupScope::Unit => "each unit",
                StandupScope::Factory => "whole factory",
            }
        ),
    }
}

fn practices(out: &mut Vec<String>, model: &Model, now: &Practices, after: &Practices, lang: Lang) {
    if now.standup != after.standup {
        out.push(format!(
            "Stand-ups: {} (now {})",
            standup(&after.standup),
            standup(&now.standup)
        ));
    }
    if now.shared_board != after.shared_board {
        out.push(if after.shared_board {
            "The shared board goes on".into()
        } else {
            "The shared board goes off".into()
        });
    }
    if now.helping != after.helping {
        out.push(format!(
            "Helping: {} (now {})",
            after.helping.words(lang),
            now.helping.words(lang)
        ));
    }
    if now.priority != after.priority {
        out.push(format!(
            "Queues: {} (now {})",
            after.priority.words(lang),
            now.priority.words(lang)
        ));
    }
    for step in &model.steps {
        let limit = |p: &Practices| {
            p.wip_limits
                .iter()
                .find(|(s, _)| *s == step.id)
                .map_or("none".to_string(), |(_, l)| l.to_string())
        };
        let (a, b) = (limit(now), limit(after));
        if a != b {
            out.push(format!("WIP limit on {}: {b} (now {a})", step.name));
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
