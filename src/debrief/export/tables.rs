//! The export's CSV tables, one function each.

use std::path::{Path, PathBuf};

use super::{METRIC_COLUMNS, Result, metric_values, opt, write_csv};
use crate::debrief::Debrief;
use crate::debrief::reflection::{DIALOGUE, QUESTIONS, Reflection};
use crate::i18n::Lang;

/// A table's writer.
type Table = fn(&Debrief, &Reflection, &Path) -> Result<()>;

/// Writes every table as CSV into `dir`.
pub fn tables(d: &Debrief, reflection: &Reflection, dir: &Path) -> Result<Vec<PathBuf>> {
    let tables: [(&str, Table); 12] = [
        ("scoreboard.csv", scoreboard),
        ("disruptions.csv", disruptions),
        ("handoffs.csv", handoffs),
        ("ties.csv", ties),
        ("units.csv", units),
        ("betweenness.csv", betweenness),
        ("coordination.csv", coordination),
        ("flow.csv", flow),
        ("lead_times.csv", lead_times),
        ("commands.csv", commands),
        ("reflection.csv", reflection_notes),
        ("voices.csv", voices),
    ];
    tables
        .iter()
        .map(|(name, write)| {
            let path = dir.join(name);
            write(d, reflection, &path)?;
            Ok(path)
        })
        .collect()
}

/// `scoreboard.csv`: Every team's metrics, in total (round 0) and per round.
fn scoreboard(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    let mut header = vec!["team", "round", "design"];
    header.extend(METRIC_COLUMNS);
    write_csv(
        path,
        &header,
        d.report.factories.iter().flat_map(|f| {
            std::iter::once(&f.totals).chain(&f.rounds).map(move |m| {
                let mut row = vec![f.name.clone(), m.round.to_string(), m.design.clone()];
                row.extend(metric_values(m));
                row
            })
        }),
    )
}

/// `disruptions.csv`: Each disruption, what it cost each team against its twin, and the team's response.
fn disruptions(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &[
            "disruption",
            "kind",
            "headline",
            "round",
            "minute",
            "team",
            "window_min",
            "deliveries_lost",
            "late_added",
            "profit_lost",
            "settled_min",
            "responses",
        ],
        d.disruptions.iter().flat_map(|dis| {
            dis.teams.iter().map(move |t| {
                vec![
                    dis.report.id.clone(),
                    dis.report.kind.clone(),
                    dis.report.headline.clone(),
                    dis.report.round.to_string(),
                    format!("{:.1}", dis.report.minute),
                    d.teams[t.team].name.clone(),
                    opt(t.impact.as_ref().map(|i| i.window_min)),
                    opt(t.impact.as_ref().map(|i| i.deliveries_lost)),
                    opt(t.impact.as_ref().map(|i| i.late_added)),
                    opt(t.impact.as_ref().map(|i| i.profit_lost)),
                    opt(t.impact.as_ref().map(|i| i.settled_min)),
                    t.responses
                        .iter()
                        .map(|c| {
                            crate::debrief::response_text(dis.report.start_min, c, None, Lang::En)
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
        }),
    )
}

/// `handoffs.csv`: Handoffs between units: how many, and the mean wait after them.
fn handoffs(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "from_unit", "to_unit", "handoffs", "wait_mean_min"],
        d.teams.iter().flat_map(|t| {
            t.details.handoffs.iter().map(move |h| {
                vec![
                    t.name.clone(),
                    h.from.clone(),
                    h.to.clone(),
                    h.count.to_string(),
                    opt(h.wait_mean_min),
                ]
            })
        }),
    )
}

/// `ties.csv`: The tie network: ties between each pair of workers.
fn ties(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "worker_a", "worker_b", "ties"],
        d.teams.iter().flat_map(|t| {
            t.details.ties.pairs.iter().map(move |(&(a, b), w)| {
                let name = |i: u16| {
                    d.tables
                        .workers
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_default()
                };
                vec![t.name.clone(), name(a), name(b), w.to_string()]
            })
        }),
    )
}

/// `units.csv`: Each unit's E-I index as it happened and as its design forces it, the difference, and the
/// ties out and in behind both.
fn units(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &[
            "team",
            "unit",
            "ei_index",
            "ei_forced",
            "ei_beyond_structure",
            "ties_out",
            "ties_in",
            "forced_out",
            "forced_in",
        ],
        d.teams.iter().flat_map(|t| {
            let ties = &t.details.ties;
            let ei = ties.ei_units();
            t.details.units.iter().map(move |u| {
                let (e, i) = ties.actual.per_unit.get(u).copied().unwrap_or_default();
                let (fe, fi) = ties.forced.per_unit.get(u).copied().unwrap_or_default();
                let x = ei.iter().find(|x| &x.unit == u);
                vec![
                    t.name.clone(),
                    u.clone(),
                    opt(x.and_then(|x| x.actual)),
                    opt(x.and_then(|x| x.forced)),
                    opt(x.and_then(|x| x.beyond)),
                    e.to_string(),
                    i.to_string(),
                    fe.to_string(),
                    fi.to_string(),
                ]
            })
        }),
    )
}

/// `betweenness.csv`: Each worker's betweenness centrality.
fn betweenness(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "worker", "unit", "betweenness"],
        d.teams.iter().flat_map(|t| {
            let b = t.details.ties.betweenness(d.tables.workers.len());
            d.tables.workers.iter().enumerate().map(move |(w, name)| {
                vec![
                    t.name.clone(),
                    name.clone(),
                    t.details.worker_unit.get(w).cloned().unwrap_or_default(),
                    format!("{:.4}", b[w]),
                ]
            })
        }),
    )
}

/// `coordination.csv`: Questions, answers (all, and by someone of another unit than the asker's) and the
/// causes of rework.
fn coordination(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &[
            "team",
            "questions",
            "answers",
            "answered_across_units",
            "rework_cause",
            "rework_triggers",
        ],
        d.teams.iter().flat_map(|t| {
            let causes = if t.details.rework_causes.is_empty() {
                vec![("none".to_string(), 0)]
            } else {
                t.details.rework_causes.clone()
            };
            causes.into_iter().map(move |(cause, n)| {
                vec![
                    t.name.clone(),
                    t.details.questions.to_string(),
                    t.details.answers.to_string(),
                    t.details.answers_across.to_string(),
                    cause,
                    n.to_string(),
                ]
            })
        }),
    )
}

/// `flow.csv`: The flow of every team, minute by minute.
fn flow(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    let mut flow_header = vec![
        "team".to_string(),
        "minute".into(),
        "round".into(),
        "wip".into(),
        "throughput_per_hour".into(),
        "delivered".into(),
    ];
    flow_header.extend(d.tables.steps.iter().map(|s| format!("reached_{s}")));
    let flow_header: Vec<&str> = flow_header.iter().map(String::as_str).collect();
    write_csv(
        path,
        &flow_header,
        d.teams.iter().flat_map(|t| {
            let f = &t.flow;
            (0..f.minutes.len()).map(move |i| {
                let mut row = vec![
                    t.name.clone(),
                    format!("{:.0}", f.minutes[i]),
                    f.round[i].to_string(),
                    format!("{:.0}", f.wip[i]),
                    format!("{:.0}", f.throughput[i]),
                    f.delivered[i].to_string(),
                ];
                row.extend(f.arrived.iter().map(|s| s[i].to_string()));
                row
            })
        }),
    )
}

/// `lead_times.csv`: Every delivery's lead time.
fn lead_times(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "round", "lead_time_min"],
        d.teams.iter().flat_map(|t| {
            t.lead_times.iter().enumerate().flat_map(move |(r, leads)| {
                leads
                    .iter()
                    .map(move |l| vec![t.name.clone(), (r + 1).to_string(), format!("{l:.2}")])
            })
        }),
    )
}

/// `commands.csv`: Every team decision.
fn commands(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "minute", "round", "action"],
        d.teams.iter().flat_map(|t| {
            t.commands.iter().map(move |c| {
                vec![
                    t.name.clone(),
                    format!("{:.1}", c.minute),
                    c.round.to_string(),
                    c.text(None, Lang::En),
                ]
            })
        }),
    )
}

/// `reflection.csv`: The self-assessments and the notes of the dialogue.
fn reflection_notes(_: &Debrief, reflection: &Reflection, path: &Path) -> Result<()> {
    write_csv(
        path,
        &["team", "kind", "round", "question", "answer"],
        reflection.teams.iter().flat_map(|t| {
            let scores = QUESTIONS.iter().enumerate().flat_map(move |(q, text)| {
                [("before", t.before[q]), ("after", t.after[q])]
                    .into_iter()
                    .map(move |(k, v)| {
                        vec![
                            t.team.clone(),
                            format!("self-assessment {k}"),
                            String::new(),
                            text.to_string(),
                            v.to_string(),
                        ]
                    })
            });
            let notes = t.notes.iter().enumerate().flat_map(move |(r, n)| {
                DIALOGUE.iter().zip(n.iter()).map(move |(q, a)| {
                    vec![
                        t.team.clone(),
                        "note".into(),
                        (r + 1).to_string(),
                        q.to_string(),
                        a.clone(),
                    ]
                })
            });
            scores.chain(notes)
        }),
    )
}

/// `voices.csv`: What every participant said from a device, one row per answer: each score of the
/// self-assessment (`kind` before/after), each hope and fear (with the facilitator's theme), each dialogue
/// answer (with whether it was pinned) and each commitment. A participant is the id their device made up;
/// `signed` is the name they chose to show, empty when they stayed anonymous.
fn voices(d: &Debrief, _: &Reflection, path: &Path) -> Result<()> {
    use crate::domain::Phase;
    use crate::domain::voice::HopeRef;
    let v = &d.voices;
    let team = |f: u16| {
        d.teams
            .get(usize::from(f))
            .map_or_else(String::new, |t| t.name.clone())
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let row = |team: String, id: &str, signed: &str, kind: &str, fields: [String; 7]| {
        let mut r = vec![team, id.to_string(), signed.to_string(), kind.to_string()];
        r.extend(fields);
        r
    };
    let blank = String::new;
    for (id, p) in &v.participants {
        for (phase, kind) in [(Phase::Before, "before"), (Phase::After, "after")] {
            let Some(scores) = p.scores(phase) else {
                continue;
            };
            for (th, levels) in scores.iter().enumerate() {
                for (lv, score) in levels.iter().enumerate() {
                    if *score == 0 {
                        continue;
                    }
                    rows.push(row(
                        team(p.factory),
                        id,
                        &p.signed,
                        kind,
                        [
                            blank(),
                            crate::domain::voice::THEME_IDS[th].into(),
                            crate::domain::voice::LEVEL_IDS[lv].into(),
                            blank(),
                            score.to_string(),
                            blank(),
                            blank(),
                        ],
                    ));
                }
            }
        }
        for (fear, list) in [(false, &p.hopes), (true, &p.fears)] {
            for (i, text) in list.iter().enumerate() {
                let at = HopeRef {
                    participant: id.clone(),
                    fear,
                    index: i as u8,
                };
                rows.push(row(
                    team(p.factory),
                    id,
                    &p.signed,
                    if fear { "fear" } else { "hope" },
                    [
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        blank(),
                        text.clone(),
                        v.tags.get(&at).cloned().unwrap_or_default(),
                    ],
                ));
            }
        }
        if !p.commitment.is_empty() {
            rows.push(row(
                team(p.factory),
                id,
                &p.signed,
                "commitment",
                [
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    p.commitment.clone(),
                    blank(),
                ],
            ));
        }
    }
    for (at, a) in &v.answers {
        rows.push(row(
            team(a.factory),
            &at.participant,
            &a.signed,
            if v.pinned.contains(at) {
                "answer (pinned)"
            } else {
                "answer"
            },
            [
                at.round.to_string(),
                blank(),
                blank(),
                (at.question + 1).to_string(),
                blank(),
                a.text.clone(),
                blank(),
            ],
        ));
    }
    write_csv(
        path,
        &[
            "team",
            "participant",
            "signed",
            "kind",
            "round",
            "theme",
            "level",
            "question",
            "score",
            "text",
            "cluster",
        ],
        rows,
    )
}
