//! Validation of a parsed scenario and its translation into the index-based [`Model`], section by section.
//! Every problem is collected with the source offset of the value at fault (a field inside a value found by
//! [`super::locate`] when the value has no positions of its own), so a file gets all its errors reported at
//! once. A scenario that passes runs within the [`super::limits`].

use std::collections::{HashMap, HashSet};

use super::check::staffing_problems;
use super::format::*;
use super::limits::*;
use super::locate;
use super::model::*;
use super::spanned::{Spanned, line_col};
use crate::domain::{Dist, Invalid, Practices, SimTime, Target};
use crate::i18n::Lang::En;
use crate::i18n::{Lexicon, Text, tr};
use crate::t;

/// One validation problem: where (byte offset in the source, if known) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Byte offset of the value at fault.
    pub offset: Option<usize>,
    /// What is wrong, in the user's words.
    pub message: String,
}

/// The problems found so far, and the source they point into.
struct Diags<'s> {
    source: &'s str,
    found: Vec<Diagnostic>,
}

impl<'s> Diags<'s> {
    fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.at_offset(spanned.offset, message);
    }

    fn at_offset(&mut self, offset: Option<usize>, message: impl Into<String>) {
        self.found.push(Diagnostic {
            offset,
            message: message.into(),
        });
    }

    /// A problem with a field (and an item in it) of a value that has no positions of its own.
    fn invalid<T>(&mut self, value: &Spanned<T>, e: Invalid) {
        let offset = value
            .offset
            .map(|o| locate::point(self.source, o, e.field, e.item.as_deref()));
        self.at_offset(offset, e.message);
    }

    /// A problem with the field `name` of a value that has no positions of its own.
    fn field<T>(&mut self, value: &Spanned<T>, name: &'static str, message: impl Into<String>) {
        self.invalid(value, Invalid::field(name, message));
    }

    fn probability(&mut self, v: &Spanned<f64>, what: &str) -> f64 {
        if !(0.0..=1.0).contains(&v.value) {
            self.at(
                v,
                t!(
                    En,
                    "problem-probability",
                    what = what,
                    got = v.value.to_string()
                ),
            );
        }
        v.value.clamp(0.0, 1.0)
    }

    fn non_negative(&mut self, v: &Spanned<f64>, what: &str) -> f64 {
        if !(v.value.is_finite() && v.value >= 0.0 && v.value <= 1e12) {
            self.at(
                v,
                t!(
                    En,
                    "problem-non-negative",
                    what = what,
                    got = v.value.to_string()
                ),
            );
            return 0.0;
        }
        v.value
    }

    fn dist(&mut self, d: &Spanned<Dist>, what: &str, allow_zero: bool) -> Dist {
        if let Err(e) = d.check(allow_zero) {
            self.at(d, t!(En, "problem-in-field", what = what, problem = e));
        }
        d.value.clone()
    }

    /// A list that must have between one and `max` entries.
    fn count<T>(&mut self, list: &Spanned<Vec<T>>, what: &str, field: &str, max: usize) {
        if list.is_empty() {
            self.at(
                list,
                t!(
                    En,
                    "problem-none-in",
                    what = tr(En, what, &[]),
                    field = field
                ),
            );
        } else {
            self.at_most(list, field, max);
        }
    }

    /// A list of at most `max` entries.
    fn at_most<T>(&mut self, list: &Spanned<Vec<T>>, field: &str, max: usize) {
        if list.len() > max {
            self.at(
                list,
                t!(
                    En,
                    "problem-too-many",
                    field = field,
                    count = list.len().to_string(),
                    most = max.to_string()
                ),
            );
        }
    }
}

/// The ids of one kind of thing (skills, workers, ...) and their indices.
struct Ids {
    /// The message id of what they are ("problem-kind-skill").
    what: &'static str,
    index: HashMap<String, usize>,
    /// In file order, for "expected one of".
    order: Vec<String>,
}

impl Ids {
    /// Indexes `ids`, reporting empty and duplicate ones.
    fn new<'a>(d: &mut Diags, ids: impl Iterator<Item = &'a Id>, what: &'static str) -> Ids {
        let mut index = HashMap::new();
        let mut order = Vec::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                d.at(id, t!(En, "problem-empty-id", what = tr(En, what, &[])));
            } else if index.insert(id.value.clone(), i).is_some() {
                d.at(
                    id,
                    t!(
                        En,
                        "problem-duplicate-id",
                        what = tr(En, what, &[]),
                        id = id.value.as_str()
                    ),
                );
            } else {
                order.push(id.value.clone());
            }
        }
        Ids { what, index, order }
    }

    /// The index of `id`, or a located error naming the ids there are.
    fn resolve(&self, d: &mut Diags, id: &Id) -> Option<usize> {
        let found = self.index.get(&id.value).copied();
        // With no ids at all, the empty list is the one error worth reading.
        if found.is_none() && !self.order.is_empty() {
            let message = {
                let known: Vec<&str> = self.order.iter().map(String::as_str).take(12).collect();
                t!(
                    En,
                    "problem-unknown",
                    what = tr(En, self.what, &[]),
                    id = id.value.as_str(),
                    known = known.join(", ")
                )
            };
            d.at(id, message);
        }
        found
    }
}

/// The id indices of a scenario's sections.
struct Index {
    skills: Ids,
    workers: Ids,
    stations: Ids,
    ingredients: Ids,
    steps: Ids,
    products: Ids,
}

fn display_name(name: &Text, id: &str) -> String {
    if name.english().trim().is_empty() {
        id.to_string()
    } else {
        name.english().to_string()
    }
}

/// Every translation the scenario gives, one Swedish text per English one (a second, different one is an
/// error at the text that gives it).
fn lexicon(d: &mut Diags, file: &ScenarioFile) -> Lexicon {
    let mut lexicon = Lexicon::default();
    let mut add = |d: &mut Diags, text: &Text, at: Option<usize>, field: &'static str| {
        if let Err(known) = lexicon.add(text) {
            let offset = at.map(|o| locate::point(d.source, o, Some(field), None));
            d.at_offset(
                offset,
                t!(
                    En,
                    "problem-translated-twice",
                    english = text.english(),
                    known = known
                ),
            );
        }
    };
    for text in [&file.name, &file.description]
        .into_iter()
        .chain(&file.team_names)
        .chain(&file.briefings)
    {
        add(d, text, Some(0), "name");
    }
    for w in file.workers.iter() {
        add(d, &w.name, w.offset, "name");
    }
    for s in file.stations.iter() {
        add(d, &s.name, s.offset, "name");
    }
    for i in file.ingredients.iter() {
        add(d, &i.name, i.offset, "name");
    }
    for s in file.steps.iter() {
        add(d, &s.name, s.offset, "name");
    }
    for p in file.products.iter() {
        add(d, &p.name, p.offset, "name");
    }
    for des in file.designs.iter() {
        if let Some(title) = &des.title {
            add(d, title, des.offset, "title");
        }
        add(d, &des.description, des.offset, "description");
        for u in &des.units {
            add(d, &u.name, u.offset, "name");
        }
    }
    for p in file.palette.iter() {
        add(d, &p.headline, p.offset, "headline");
        add(d, &p.description, p.offset, "description");
    }
    lexicon
}

/// Validates `file` (parsed from `source`, called `name` in messages) and builds the model, or returns every
/// problem found.
pub fn compile(name: &str, source: &str, file: &ScenarioFile) -> Result<Model, Vec<Diagnostic>> {
    let mut d = Diags {
        source,
        found: Vec::new(),
    };
    let (rounds, round_minutes) = sizes(&mut d, file);
    let ix = index(&mut d, file);
    let workers = workers(&mut d, file, &ix);
    let stations = stations(&mut d, file);
    let ingredients = ingredients(&mut d, file);
    let steps = steps(&mut d, file, &ix);
    let (products, routed) = products(&mut d, file, &ix);
    let demand = demand(&mut d, file, &ix, rounds, round_minutes);
    let coordination = coordination(&mut d, &file.coordination);
    economics(&mut d, file);
    // Who can do which step is only worth judging when the skills, workers and steps hold together.
    let routed = if d.found.is_empty() {
        routed
    } else {
        HashSet::new()
    };
    let (designs, default_design) = designs(&mut d, file, &ix, &workers, &steps, &routed);
    let lexicon = lexicon(&mut d, file);
    let mut model = Model {
        file: name.to_string(),
        source: source.into(),
        name: file.name.english().to_string(),
        description: file.description.english().to_string(),
        rounds,
        round_len: SimTime::from_minutes(round_minutes),
        teams: file.teams.value,
        team_names: file
            .team_names
            .iter()
            .map(|t| t.english().to_string())
            .collect(),
        default_design,
        briefings: file
            .briefings
            .iter()
            .map(|t| t.english().to_string())
            .collect(),
        skills: file.skills.iter().map(|s| s.value.clone()).collect(),
        workers,
        stations,
        ingredients,
        steps,
        products,
        demand,
        coordination,
        fixed_cost_per_round: file.economics.fixed_cost_per_round,
        expedite_cost: file.economics.expedite_cost,
        designs,
        lexicon,
        schedule: Vec::new(),
        palette: Vec::new(),
        palette_limits: (
            file.palette_limits.min_factor,
            file.palette_limits.max_factor,
        ),
    };
    // Designs and disruptions are checked against the model: only when it holds together.
    if d.found.is_empty() {
        check_standups(&mut d, file, &model);
        palette(&mut d, file, &mut model);
        schedule(&mut d, file, &mut model);
    }
    if d.found.is_empty() {
        workload(&mut d, file, &model);
    }
    if d.found.is_empty() {
        Ok(model)
    } else {
        Err(d.found)
    }
}

/// Rounds, their length and the number of teams.
fn sizes(d: &mut Diags, file: &ScenarioFile) -> (u32, f64) {
    let rounds = file.rounds.value;
    if rounds == 0 || rounds > MAX_ROUNDS {
        d.at(
            &file.rounds,
            t!(
                En,
                "problem-rounds",
                most = MAX_ROUNDS.to_string(),
                got = rounds.to_string()
            ),
        );
    }
    let round_minutes = file.round_minutes.value;
    if !(round_minutes.is_finite() && round_minutes > 0.0) {
        d.at(
            &file.round_minutes,
            t!(En, "problem-round-minutes", got = round_minutes.to_string()),
        );
    } else if round_minutes * f64::from(rounds.max(1)) > MAX_TOTAL_MINUTES {
        d.at(
            &file.round_minutes,
            t!(En, "problem-session-long" if rounds <= 1,
                rounds = rounds.max(1).to_string(),
                minutes = round_minutes.to_string(),
                most = thousands(MAX_TOTAL_MINUTES)
            ),
        );
    }
    if file.teams.value == 0 || file.teams.value > MAX_TEAMS {
        d.at(
            &file.teams,
            t!(
                En,
                "problem-teams",
                most = MAX_TEAMS.to_string(),
                got = file.teams.value.to_string()
            ),
        );
    }
    (rounds.clamp(1, MAX_ROUNDS), round_minutes)
}

/// The ids of skills, workers, stations, ingredients, steps and products, with their list sizes.
fn index(d: &mut Diags, file: &ScenarioFile) -> Index {
    d.count(&file.skills, "problem-kind-skill", "skills", MAX_SKILLS);
    d.count(&file.workers, "problem-kind-worker", "workers", MAX_WORKERS);
    d.at_most(&file.stations, "stations", MAX_STATIONS);
    d.at_most(&file.ingredients, "ingredients", MAX_INGREDIENTS);
    d.count(&file.steps, "problem-kind-step", "steps", MAX_STEPS);
    d.count(
        &file.products,
        "problem-kind-product",
        "products",
        MAX_PRODUCTS,
    );
    d.count(&file.demand, "problem-kind-demand", "demand", MAX_DEMAND);
    d.count(&file.designs, "problem-kind-design", "designs", MAX_DESIGNS);
    d.at_most(&file.palette, "palette", MAX_PALETTE);
    d.at_most(&file.schedule, "schedule", MAX_SCHEDULE);
    Index {
        skills: Ids::new(d, file.skills.iter(), "problem-kind-skill"),
        workers: Ids::new(d, file.workers.iter().map(|w| &w.id), "problem-kind-worker"),
        stations: Ids::new(
            d,
            file.stations.iter().map(|s| &s.id),
            "problem-kind-station",
        ),
        ingredients: Ids::new(
            d,
            file.ingredients.iter().map(|i| &i.id),
            "problem-kind-ingredient",
        ),
        steps: Ids::new(d, file.steps.iter().map(|s| &s.id), "problem-kind-step"),
        products: Ids::new(
            d,
            file.products.iter().map(|p| &p.id),
            "problem-kind-product",
        ),
    }
}

fn workers(d: &mut Diags, file: &ScenarioFile, ix: &Index) -> Vec<Worker> {
    let mut workers = Vec::new();
    for w in file.workers.iter() {
        let mut levels = vec![0.0; file.skills.len()];
        if w.skills.is_empty() {
            d.at(w, t!(En, "problem-no-skills", worker = w.id.value.as_str()));
        }
        for (skill, level) in w.skills.iter() {
            let Some(s) = ix.skills.resolve(d, skill) else {
                continue;
            };
            if levels[s] > 0.0 {
                d.at(
                    skill,
                    t!(En, "problem-skill-twice", skill = skill.value.as_str()),
                );
            }
            if !(level.is_finite() && level.value > 0.0 && level.value <= 10.0) {
                d.at(
                    level,
                    t!(En, "problem-skill-level", got = level.value.to_string()),
                );
            } else {
                levels[s] = level.value;
            }
        }
        let primary = levels
            .iter()
            .enumerate()
            .fold(
                (0, 0.0),
                |best, (i, &l)| if l > best.1 { (i, l) } else { best },
            )
            .0;
        workers.push(Worker {
            id: w.id.value.clone(),
            name: display_name(&w.name, &w.id),
            levels,
            primary,
            wage_per_hour: d.non_negative(&w.wage_per_hour, "wage_per_hour"),
        });
    }
    workers
}

fn stations(d: &mut Diags, file: &ScenarioFile) -> Vec<Station> {
    let mut stations = Vec::new();
    for s in file.stations.iter() {
        if s.count.value == 0 || s.count.value > MAX_STATION_COUNT {
            d.at(
                &s.count,
                t!(
                    En,
                    "problem-station-count",
                    most = MAX_STATION_COUNT.to_string(),
                    got = s.count.value.to_string()
                ),
            );
        }
        stations.push(Station {
            id: s.id.value.clone(),
            name: display_name(&s.name, &s.id),
            count: s.count.value.clamp(1, MAX_STATION_COUNT),
        });
    }
    stations
}

fn ingredients(d: &mut Diags, file: &ScenarioFile) -> Vec<Ingredient> {
    let mut ingredients = Vec::new();
    for i in file.ingredients.iter() {
        if i.reorder_qty.value == 0 {
            d.at(&i.reorder_qty, t!(En, "problem-reorder-qty"));
        }
        ingredients.push(Ingredient {
            id: i.id.value.clone(),
            name: display_name(&i.name, &i.id),
            unit_cost: d.non_negative(&i.unit_cost, "unit_cost"),
            initial_stock: i.initial_stock.value,
            reorder_point: i.reorder_point.value,
            reorder_qty: i.reorder_qty.value.max(1),
            lead_time: d.dist(&i.lead_time, "lead_time", true),
        });
    }
    ingredients
}

fn steps(d: &mut Diags, file: &ScenarioFile, ix: &Index) -> Vec<Step> {
    let mut steps = Vec::new();
    for s in file.steps.iter() {
        let skill = ix.skills.resolve(d, &s.skill).unwrap_or(0);
        let station = s.station.as_ref().and_then(|st| ix.stations.resolve(d, st));
        steps.push(Step {
            id: s.id.value.clone(),
            name: display_name(&s.name, &s.id),
            skill,
            station,
            inspects: s.inspects.as_ref().map(|p| d.probability(p, "inspects")),
            changeover: s.changeover.as_ref().map(|c| d.dist(c, "changeover", true)),
        });
    }
    steps
}

/// The products, and the steps some routing needs.
fn products(d: &mut Diags, file: &ScenarioFile, ix: &Index) -> (Vec<Product>, HashSet<usize>) {
    let mut products = Vec::new();
    let mut routed = HashSet::new();
    for p in file.products.iter() {
        if p.routing.is_empty() {
            d.at(
                p,
                t!(En, "problem-empty-routing", product = p.id.value.as_str()),
            );
        }
        if p.routing.len() > MAX_ROUTING {
            d.at(
                p,
                t!(En, "problem-routing-long", most = MAX_ROUTING.to_string()),
            );
        }
        let routing = routing(d, p, ix, &mut routed);
        let spec_pos = match &p.spec_step {
            Some(s) => p
                .routing
                .iter()
                .position(|op| op.step.value == s.value)
                .unwrap_or_else(|| {
                    d.at(
                        s,
                        t!(
                            En,
                            "problem-spec-step",
                            step = s.value.as_str(),
                            product = p.id.value.as_str()
                        ),
                    );
                    0
                }),
            None => 1.min(p.routing.len().saturating_sub(1)),
        };
        if !(p.price.is_finite() && p.price.value >= 0.0 && p.price.value <= 1e9) {
            d.at(
                &p.price,
                t!(En, "problem-price", got = p.price.value.to_string()),
            );
        }
        products.push(Product {
            id: p.id.value.clone(),
            name: display_name(&p.name, &p.id),
            price: p.price.value.clamp(0.0, 1e9),
            custom: p.custom,
            late_penalty_per_hour: d
                .non_negative(&p.late_penalty_per_hour, "late_penalty_per_hour"),
            cancel_after_late: p
                .cancel_after_late_min
                .as_ref()
                .map(|c| SimTime::from_minutes(d.non_negative(c, "cancel_after_late_min"))),
            spec_change_prob: d.probability(&p.spec_change_prob, "spec_change_prob"),
            spec_pos,
            customer_detects: d.probability(&p.customer_detects, "customer_detects"),
            routing,
        });
    }
    (products, routed)
}

/// A product's routing, noting the steps it needs in `routed`.
fn routing(
    d: &mut Diags,
    p: &ProductFile,
    ix: &Index,
    routed: &mut HashSet<usize>,
) -> Vec<Operation> {
    let mut routing = Vec::new();
    for op in &p.routing {
        let step = ix.steps.resolve(d, &op.step);
        if let Some(s) = step {
            routed.insert(s);
        }
        let mut ingredients = Vec::new();
        for (ing, qty) in op.ingredients.iter() {
            let Some(i) = ix.ingredients.resolve(d, ing) else {
                continue;
            };
            if ingredients.iter().any(|(j, _)| *j == i) {
                d.at(
                    ing,
                    t!(
                        En,
                        "problem-ingredient-twice",
                        ingredient = ing.value.as_str()
                    ),
                );
            }
            if qty.value == 0 {
                d.at(qty, t!(En, "problem-ingredient-qty"));
            }
            ingredients.push((i, qty.value));
        }
        routing.push(Operation {
            step: step.unwrap_or(0),
            duration: d.dist(&op.duration, "duration", false),
            unattended: op
                .unattended
                .as_ref()
                .map(|u| d.dist(u, "unattended", false)),
            defect_prob: d.probability(&op.defect_prob, "defect_prob"),
            ingredients,
        });
    }
    routing
}

fn demand(
    d: &mut Diags,
    file: &ScenarioFile,
    ix: &Index,
    rounds: u32,
    round_minutes: f64,
) -> Vec<Demand> {
    file.demand
        .iter()
        .map(|dm| match &dm.value {
            DemandFile::Poisson {
                product,
                per_hour,
                round_factors,
                due_in,
            } => Demand::Poisson {
                product: ix.products.resolve(d, product).unwrap_or(0),
                per_hour: rate(d, per_hour),
                round_factors: factors(d, dm, round_factors, rounds),
                due_in: d.dist(due_in, "due_in", false),
            },
            DemandFile::Scheduled {
                product,
                at,
                due_in,
            } => Demand::Scheduled {
                product: ix.products.resolve(d, product).unwrap_or(0),
                at: times(d, at, rounds, round_minutes),
                due_in: d.dist(due_in, "due_in", false),
            },
        })
        .collect()
}

fn rate(d: &mut Diags, per_hour: &Spanned<f64>) -> f64 {
    if !(per_hour.is_finite() && per_hour.value > 0.0 && per_hour.value <= 1e6) {
        d.at(
            per_hour,
            t!(En, "problem-rate", got = per_hour.value.to_string()),
        );
    }
    per_hour.value
}

fn factors(
    d: &mut Diags,
    source: &Spanned<DemandFile>,
    round_factors: &[Spanned<f64>],
    rounds: u32,
) -> Vec<f64> {
    if round_factors.len() > rounds as usize {
        d.field(
            source,
            "round_factors",
            t!(En, "problem-round-factors" if rounds == 1,
                count = round_factors.len().to_string(),
                rounds = rounds.to_string()
            ),
        );
    }
    round_factors
        .iter()
        .map(|f| {
            if !(f.is_finite() && f.value >= 0.0 && f.value <= 1000.0) {
                d.at(f, t!(En, "problem-round-factor", got = f.value.to_string()));
            }
            f.value.clamp(0.0, 1000.0)
        })
        .collect()
}

/// The `(round, minute)` times of scheduled orders, sorted.
fn times(
    d: &mut Diags,
    at: &[Spanned<(u32, f64)>],
    rounds: u32,
    round_minutes: f64,
) -> Vec<(u32, f64)> {
    let mut times = Vec::new();
    for t in at {
        let (round, minute) = t.value;
        if round == 0 || round > rounds {
            d.at(
                t,
                t!(
                    En,
                    "problem-round-outside",
                    round = round.to_string(),
                    rounds = rounds.to_string()
                ),
            );
        } else if !(minute.is_finite() && minute >= 0.0 && minute < round_minutes) {
            d.at(
                t,
                t!(
                    En,
                    "problem-minute-outside",
                    minute = minute.to_string(),
                    length = round_minutes.to_string()
                ),
            );
        } else {
            times.push((round, minute));
        }
    }
    times.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    times
}

fn coordination(d: &mut Diags, c: &CoordinationFile) -> Coordination {
    let handoff = |d: &mut Diags, h: &Spanned<HandoffFile>| HandoffParams {
        delay: d.dist(&h.delay, "delay", true),
        miscommunication: d.probability(&h.miscommunication, "miscommunication"),
        question: d.probability(&h.question, "question"),
    };
    Coordination {
        cross_unit: handoff(d, &c.cross_unit),
        within_unit: handoff(d, &c.within_unit),
        answer_time: d.dist(&c.answer_time, "answer_time", false),
        help_after: SimTime::from_minutes(d.non_negative(&c.help_after_min, "help_after_min")),
        spanner: effect(d, &c.effects.spanner),
        shared_board: effect(d, &c.effects.shared_board),
        unit_standup: effect(d, &c.effects.unit_standup),
        factory_standup: effect(d, &c.effects.factory_standup),
        spanning: duty(d, &c.spanning),
        board_upkeep: SimTime::from_minutes(
            d.non_negative(&c.board_upkeep_min, "board_upkeep_min"),
        ),
        standup_fade: SimTime::from_minutes(
            d.non_negative(&c.standup_fade_min, "standup_fade_min"),
        ),
    }
}

/// A recurring duty: a positive interval, and a session shorter than it (or none).
fn duty(d: &mut Diags, duty: &Spanned<DutyFile>) -> (SimTime, SimTime) {
    let (every, duration) = (duty.every_min, duty.duration_min);
    if !((1.0..=1e6).contains(&every)) {
        d.field(
            duty,
            "every_min",
            t!(En, "problem-duty-every", got = every.to_string()),
        );
    } else if !(duration.is_finite() && duration >= 0.0 && duration < every) {
        d.field(
            duty,
            "duration_min",
            t!(En, "problem-duty-duration", got = duration.to_string()),
        );
    }
    (
        SimTime::from_minutes(every),
        SimTime::from_minutes(duration),
    )
}

/// A practice's effect: every multiplier within 0..1000.
fn effect(d: &mut Diags, e: &Spanned<EffectFile>) -> Effect {
    for (boundary, m) in [
        ("cross_unit", &e.cross_unit),
        ("within_unit", &e.within_unit),
    ] {
        for (name, v) in [
            ("delay", m.delay),
            ("miscommunication", m.miscommunication),
            ("question", m.question),
        ] {
            if !(v.is_finite() && (0.0..=1000.0).contains(&v)) {
                let at = e.offset.map(|o| {
                    let within = locate::field(d.source, o, boundary).unwrap_or(o);
                    locate::field(d.source, within, name).unwrap_or(within)
                });
                d.at_offset(at, t!(En, "problem-effect", got = v.to_string()));
            }
        }
    }
    Effect {
        cross_unit: e.cross_unit.clone(),
        within_unit: e.within_unit.clone(),
    }
}

/// Costs and the facilitator's limits on palette numbers.
fn economics(d: &mut Diags, file: &ScenarioFile) {
    let econ = &file.economics;
    for (v, what) in [
        (econ.fixed_cost_per_round, "fixed_cost_per_round"),
        (econ.expedite_cost, "expedite_cost"),
    ] {
        if !(v.is_finite() && (0.0..=1e9).contains(&v)) {
            d.field(
                econ,
                what,
                t!(En, "problem-cost", what = what, got = v.to_string()),
            );
        }
    }
    let limits = &file.palette_limits;
    if !(limits.min_factor.is_finite() && limits.min_factor > 0.0 && limits.min_factor <= 1.0) {
        d.field(
            limits,
            "min_factor",
            t!(
                En,
                "problem-min-factor",
                got = limits.min_factor.to_string()
            ),
        );
    }
    if !(limits.max_factor.is_finite() && limits.max_factor >= 1.0 && limits.max_factor <= 100.0) {
        d.field(
            limits,
            "max_factor",
            t!(
                En,
                "problem-max-factor",
                got = limits.max_factor.to_string()
            ),
        );
    }
}

/// The designs and the index of the default one.
fn designs(
    d: &mut Diags,
    file: &ScenarioFile,
    ix: &Index,
    workers: &[Worker],
    steps: &[Step],
    routed: &HashSet<usize>,
) -> (Vec<Design>, usize) {
    let names = Ids::new(
        d,
        file.designs.iter().map(|x| &x.name),
        "problem-kind-design",
    );
    let designs = file
        .designs
        .iter()
        .map(|des| {
            let units = units(d, des, ix, workers);
            practices(d, &des.practices, ix);
            doable(d, des, &units, workers, steps, routed, &file.skills);
            let mut spanners = Vec::new();
            for s in &des.spanners {
                if let Some(w) = ix.workers.resolve(d, s) {
                    if spanners.contains(&w) {
                        d.at(
                            s,
                            t!(En, "problem-spanner-twice", worker = s.value.as_str()),
                        );
                    }
                    spanners.push(w);
                }
            }
            Design {
                name: des.name.value.clone(),
                title: des
                    .title
                    .as_ref()
                    .map(|t| t.english().to_string())
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| humanize(&des.name.value)),
                description: des.description.english().to_string(),
                units,
                spanners,
                practices: des.practices.value.clone(),
            }
        })
        .collect();
    let default = names.resolve(d, &file.default_design).unwrap_or(0);
    (designs, default)
}

/// A design's units: every worker in exactly one, every step listed once per unit.
fn units(d: &mut Diags, des: &DesignFile, ix: &Index, workers: &[Worker]) -> Vec<Unit> {
    Ids::new(d, des.units.iter().map(|u| &u.id), "problem-kind-unit");
    if des.units.is_empty() {
        d.at(
            &des.name,
            t!(En, "problem-no-units", design = des.name.value.as_str()),
        );
    }
    let mut unit_of = vec![None; workers.len()];
    let mut units = Vec::new();
    for (ui, u) in des.units.iter().enumerate() {
        let mut members = Vec::new();
        for m in &u.members {
            let Some(w) = ix.workers.resolve(d, m) else {
                continue;
            };
            match unit_of[w] {
                Some(prev) if prev != ui => d.at(
                    m,
                    t!(
                        En,
                        "problem-two-units",
                        worker = m.value.as_str(),
                        design = des.name.value.as_str()
                    ),
                ),
                Some(_) => d.at(m, t!(En, "problem-worker-twice", worker = m.value.as_str())),
                None => {
                    unit_of[w] = Some(ui);
                    members.push(w);
                }
            }
        }
        let mut owned = Vec::new();
        for s in &u.steps {
            match ix.steps.resolve(d, s) {
                Some(si) if owned.contains(&si) => {
                    d.at(s, t!(En, "problem-step-twice", step = s.value.as_str()));
                }
                Some(si) => owned.push(si),
                None => {}
            }
        }
        units.push(Unit {
            id: u.id.value.clone(),
            name: display_name(&u.name, &u.id),
            members,
            steps: owned,
        });
    }
    for (w, unit) in unit_of.iter().enumerate() {
        if unit.is_none() {
            d.at(
                &des.name,
                t!(
                    En,
                    "problem-missing-worker",
                    design = des.name.value.as_str(),
                    worker = workers[w].id.as_str()
                ),
            );
        }
    }
    units
}

/// A design's practices: a stand-up's numbers, WIP limits on known steps, each at least 1 and each step once.
fn practices(d: &mut Diags, practices: &Spanned<Practices>, ix: &Index) {
    if let Some(s) = &practices.standup
        && let Err(e) = s.check()
    {
        d.invalid(practices, e);
    }
    let mut seen = HashSet::new();
    for (step, limit) in practices.wip_limits.iter() {
        let nth = usize::from(!seen.insert(step.as_str()));
        let at = practices.offset.map(|o| {
            let map = locate::field(d.source, o, "wip_limits").unwrap_or(o);
            locate::string(d.source, map, step, nth).unwrap_or(map)
        });
        if nth > 0 {
            d.at_offset(at, t!(En, "problem-two-wip-limits", step = step.as_str()));
        }
        if !ix.steps.order.is_empty() && !ix.steps.index.contains_key(step) {
            d.at_offset(at, t!(En, "problem-wip-unknown", step = step.as_str()));
        }
        if *limit == 0 {
            d.at_offset(at, t!(En, "problem-wip-zero", step = step.as_str()));
        }
    }
}

/// Every routed step must be owned and doable under the design's helping policy.
fn doable(
    d: &mut Diags,
    des: &DesignFile,
    units: &[Unit],
    workers: &[Worker],
    steps: &[Step],
    routed: &HashSet<usize>,
    skills: &[Id],
) {
    let mut needed: Vec<usize> = routed.iter().copied().collect();
    needed.sort_unstable();
    let skills: Vec<String> = skills.iter().map(|s| s.value.clone()).collect();
    let units: Vec<(Vec<usize>, Vec<usize>)> = units
        .iter()
        .map(|u| (u.members.clone(), u.steps.clone()))
        .collect();
    let helping = des.practices.helping;
    for problem in staffing_problems(workers, steps, &skills, &units, helping, &needed) {
        d.at(
            &des.name,
            t!(
                En,
                "problem-in-design",
                design = des.name.value.as_str(),
                problem = problem
            ),
        );
    }
}

/// Stand-ups against the round length (at most [`MAX_STANDUPS_PER_ROUND`] a round).
fn check_standups(d: &mut Diags, file: &ScenarioFile, model: &Model) {
    for (des, design) in file.designs.iter().zip(&model.designs) {
        if let Some(s) = &design.practices.standup
            && let Err(e) = model.check_standup(s)
        {
            let at = des.practices.offset.map(|o| {
                let standup = locate::field(d.source, o, "standup").unwrap_or(o);
                locate::point(d.source, standup, e.field, None)
            });
            d.at_offset(at, e.message);
        }
    }
}

/// The disruptions the facilitator can inject, each checked against the model.
fn palette(d: &mut Diags, file: &ScenarioFile, model: &mut Model) {
    let mut ids = HashSet::new();
    for p in file.palette.iter() {
        if !ids.insert(p.id.clone()) {
            d.field(
                p,
                "id",
                t!(En, "problem-duplicate-disruption", id = p.id.as_str()),
            );
        }
        if let Err(e) = model.check_disruption(p) {
            let id = p.id.clone();
            d.invalid(p, e.context(&t!(En, "problem-disruption-context", id = id)));
        }
        model.palette.push(p.value.clone());
    }
}

/// The disruptions at set times, in time order; copies of one palette entry get distinct ids.
fn schedule(d: &mut Diags, file: &ScenarioFile, model: &mut Model) {
    let rounds = model.rounds;
    let round_minutes = model.round_len.minutes();
    for s in file.schedule.iter() {
        let Some(pi) = model
            .palette
            .iter()
            .position(|p| p.id == s.disruption.value)
        else {
            d.at(
                &s.disruption,
                t!(
                    En,
                    "problem-unknown-scheduled",
                    id = s.disruption.value.as_str()
                ),
            );
            continue;
        };
        if s.round.value == 0 || s.round.value > rounds {
            d.at(
                &s.round,
                t!(
                    En,
                    "problem-round-outside",
                    round = s.round.value.to_string(),
                    rounds = rounds.to_string()
                ),
            );
        }
        if !(s.minute.is_finite() && s.minute.value >= 0.0 && s.minute.value < round_minutes) {
            d.at(
                &s.minute,
                t!(
                    En,
                    "problem-minute-outside",
                    minute = s.minute.value.to_string(),
                    length = round_minutes.to_string()
                ),
            );
        }
        let target_at = s
            .offset
            .map(|o| locate::field(d.source, o, "target").unwrap_or(o));
        if let Target::Factories(list) = &s.target
            && let Some(&bad) = list.iter().find(|&&f| u32::from(f) >= model.teams)
        {
            d.at_offset(
                target_at,
                t!(En, "problem-scheduled-team" if model.teams == 1,
                    team = bad.to_string(),
                    teams = model.teams.to_string(),
                    last = model.teams.saturating_sub(1).to_string()
                ),
            );
        }
        model.schedule.push(Scheduled {
            spec: model.palette[pi].clone(),
            round: s.round.value,
            minute: s.minute.value,
            target: s.target.clone(),
            target_at: target_at.map(|o| line_col(d.source, o)),
        });
    }
    model
        .schedule
        .sort_by(|a, b| a.round.cmp(&b.round).then(a.minute.total_cmp(&b.minute)));
    let mut seen: HashMap<String, u32> = HashMap::new();
    for s in &mut model.schedule {
        let n = seen.entry(s.spec.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.spec.id = format!("{}#{}", s.spec.id, n);
        }
    }
}

/// The session the scenario makes must fit the limits, for its own number of teams.
fn workload(d: &mut Diags, file: &ScenarioFile, model: &Model) {
    let w = model.workload();
    let Some(why) = w.excess(model.teams, model.workers.len()) else {
        return;
    };
    // Point at what makes most of the work: the shortest step, or the busiest source of orders.
    let at = match (w.shortest_operation, w.biggest_source) {
        (Some((p, k)), _) if w.orders * f64::from(model.teams) <= MAX_ORDERS => file
            .products
            .get(p)
            .and_then(|p| p.routing.get(k))
            .and_then(|op| op.duration.offset),
        (_, Some(i)) => file.demand.get(i).and_then(|s| {
            let rate = s
                .offset
                .and_then(|o| locate::field(d.source, o, "per_hour"));
            rate.or(s.offset)
        }),
        _ => file.round_minutes.offset,
    };
    d.at_offset(at, format!("too much work for one run: {why}"));
}
