//! Validation of a parsed scenario and its translation into the index-based [`Model`]. Every problem is
//! collected with the source offset of the value at fault, so a file gets all its errors reported at once.

use std::collections::{HashMap, HashSet};

use super::format::*;
use super::model::*;
use super::spanned::Spanned;
use crate::domain::{Dist, Helping, SimTime, Target};

/// One validation problem: where (byte offset in the source, if known) and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub offset: Option<usize>,
    pub message: String,
}

/// Upper bound on a scenario's total simulated time, in minutes (about 1,900 years).
const MAX_TOTAL_MINUTES: f64 = 1e9;
pub const MAX_TEAMS: u32 = 100;

#[derive(Default)]
struct Diags(Vec<Diagnostic>);

impl Diags {
    fn at<T>(&mut self, spanned: &Spanned<T>, message: impl Into<String>) {
        self.0.push(Diagnostic {
            offset: spanned.offset,
            message: message.into(),
        });
    }
    fn at_offset(&mut self, offset: Option<usize>, message: impl Into<String>) {
        self.0.push(Diagnostic {
            offset,
            message: message.into(),
        });
    }
    fn probability(&mut self, v: &Spanned<f64>, what: &str) -> f64 {
        if !(0.0..=1.0).contains(&v.value) {
            self.at(
                v,
                format!(
                    "`{what}` is a probability and must be within 0..1 (got {})",
                    v.value
                ),
            );
        }
        v.value.clamp(0.0, 1.0)
    }
    fn non_negative(&mut self, v: &Spanned<f64>, what: &str) -> f64 {
        if !(v.value.is_finite() && v.value >= 0.0 && v.value <= 1e12) {
            self.at(
                v,
                format!(
                    "`{what}` must be zero or a positive number (got {})",
                    v.value
                ),
            );
            return 0.0;
        }
        v.value
    }
    fn dist(&mut self, d: &Spanned<Dist>, what: &str, allow_zero: bool) -> Dist {
        if let Err(e) = d.check(allow_zero) {
            self.at(d, format!("`{what}`: {e}"));
        }
        d.value.clone()
    }
}

/// Index of ids in a list, reporting duplicates and empty ids.
fn index_ids<'a>(
    diags: &mut Diags,
    ids: impl Iterator<Item = &'a Id>,
    what: &str,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            diags.at(id, format!("a {what} id must not be empty"));
        } else if map.insert(id.value.clone(), i).is_some() {
            diags.at(id, format!("duplicate {what} id `{}`", id.value));
        }
    }
    map
}

fn resolve(diags: &mut Diags, map: &HashMap<String, usize>, id: &Id, what: &str) -> Option<usize> {
    let found = map.get(&id.value).copied();
    if found.is_none() {
        let known: Vec<&str> = {
            let mut v: Vec<(&String, &usize)> = map.iter().collect();
            v.sort_by_key(|(_, i)| **i);
            v.into_iter().map(|(k, _)| k.as_str()).take(12).collect()
        };
        diags.at(
            id,
            format!(
                "unknown {what} `{}` (expected one of: {})",
                id.value,
                known.join(", ")
            ),
        );
    }
    found
}

fn display_name(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        id.to_string()
    } else {
        name.to_string()
    }
}

/// Validates `file` and builds the model, or returns every problem found.
pub fn compile(file: &ScenarioFile) -> Result<Model, Vec<Diagnostic>> {
    let mut d = Diags::default();

    // Sizes.
    let rounds = file.rounds.value;
    if rounds == 0 || rounds > 1000 {
        d.at(
            &file.rounds,
            format!("`rounds` must be within 1..1000 (got {rounds})"),
        );
    }
    let round_minutes = file.round_minutes.value;
    if !(round_minutes.is_finite() && round_minutes > 0.0) {
        d.at(
            &file.round_minutes,
            format!("`round_minutes` must be a positive number (got {round_minutes})"),
        );
    } else if round_minutes * f64::from(rounds.max(1)) > MAX_TOTAL_MINUTES {
        d.at(
            &file.round_minutes,
            format!("rounds x round_minutes must be at most {MAX_TOTAL_MINUTES} minutes"),
        );
    }
    if file.teams.value == 0 || file.teams.value > MAX_TEAMS {
        d.at(
            &file.teams,
            format!("`teams` must be within 1..{MAX_TEAMS}"),
        );
    }

    // Skills.
    if file.skills.is_empty() {
        d.at_offset(None, "the scenario needs at least one skill in `skills`");
    }
    let skill_ix = index_ids(&mut d, file.skills.iter(), "skill");

    // Workers.
    if file.workers.is_empty() {
        d.at_offset(None, "the scenario needs at least one worker in `workers`");
    }
    let worker_ix = index_ids(&mut d, file.workers.iter().map(|w| &w.id), "worker");
    let mut workers = Vec::new();
    for w in &file.workers {
        let mut levels = vec![0.0; file.skills.len()];
        if w.skills.is_empty() {
            d.at(
                w,
                format!("worker `{}` needs at least one skill", w.id.value),
            );
        }
        for (skill, level) in w.skills.iter() {
            if let Some(s) = resolve(&mut d, &skill_ix, skill, "skill") {
                if levels[s] > 0.0 {
                    d.at(skill, format!("skill `{}` listed twice", skill.value));
                }
                if !(level.is_finite() && level.value > 0.0 && level.value <= 10.0) {
                    d.at(
                        level,
                        format!("a skill level must be within (0, 10] (got {})", level.value),
                    );
                } else {
                    levels[s] = level.value;
                }
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
        let wage = d.non_negative(&w.wage_per_hour, "wage_per_hour");
        workers.push(Worker {
            id: w.id.value.clone(),
            name: display_name(&w.name, &w.id),
            levels,
            primary,
            wage_per_hour: wage,
        });
    }

    // Stations.
    let station_ix = index_ids(&mut d, file.stations.iter().map(|s| &s.id), "station");
    let mut stations = Vec::new();
    for s in &file.stations {
        if s.count.value == 0 || s.count.value > 1000 {
            d.at(
                &s.count,
                format!(
                    "a station `count` must be within 1..1000 (got {})",
                    s.count.value
                ),
            );
        }
        stations.push(Station {
            id: s.id.value.clone(),
            name: display_name(&s.name, &s.id),
            count: s.count.value.clamp(1, 1000),
        });
    }

    // Ingredients.
    let ingredient_ix = index_ids(&mut d, file.ingredients.iter().map(|i| &i.id), "ingredient");
    let mut ingredients = Vec::new();
    for i in &file.ingredients {
        if i.reorder_qty.value == 0 {
            d.at(&i.reorder_qty, "`reorder_qty` must be at least 1");
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

    // Steps.
    if file.steps.is_empty() {
        d.at_offset(None, "the scenario needs at least one step in `steps`");
    }
    let step_ix = index_ids(&mut d, file.steps.iter().map(|s| &s.id), "step");
    let mut steps = Vec::new();
    for s in &file.steps {
        let skill = resolve(&mut d, &skill_ix, &s.skill, "skill").unwrap_or(0);
        let station = s
            .station
            .as_ref()
            .and_then(|st| resolve(&mut d, &station_ix, st, "station"));
        let inspects = s.inspects.as_ref().map(|p| d.probability(p, "inspects"));
        let changeover = s.changeover.as_ref().map(|c| d.dist(c, "changeover", true));
        steps.push(Step {
            id: s.id.value.clone(),
            name: display_name(&s.name, &s.id),
            skill,
            station,
            inspects,
            changeover,
        });
    }

    // Products.
    if file.products.is_empty() {
        d.at_offset(
            None,
            "the scenario needs at least one product in `products`",
        );
    }
    let product_ix = index_ids(&mut d, file.products.iter().map(|p| &p.id), "product");
    let mut products = Vec::new();
    let mut routed_steps = HashSet::new();
    for p in &file.products {
        if p.routing.is_empty() {
            d.at(p, format!("product `{}` has an empty routing", p.id.value));
        }
        if p.routing.len() > 64 {
            d.at(p, "a routing may have at most 64 steps");
        }
        let mut routing = Vec::new();
        for op in &p.routing {
            let step = resolve(&mut d, &step_ix, &op.step, "step");
            if let Some(s) = step {
                routed_steps.insert(s);
            }
            let mut ingr = Vec::new();
            for (ing, qty) in op.ingredients.iter() {
                if let Some(i) = resolve(&mut d, &ingredient_ix, ing, "ingredient") {
                    if ingr.iter().any(|(j, _)| *j == i) {
                        d.at(ing, format!("ingredient `{}` listed twice", ing.value));
                    }
                    if qty.value == 0 {
                        d.at(qty, "an ingredient quantity must be at least 1");
                    }
                    ingr.push((i, qty.value));
                }
            }
            routing.push(Operation {
                step: step.unwrap_or(0),
                duration: d.dist(&op.duration, "duration", false),
                unattended: op
                    .unattended
                    .as_ref()
                    .map(|u| d.dist(u, "unattended", false)),
                defect_prob: d.probability(&op.defect_prob, "defect_prob"),
                ingredients: ingr,
            });
        }
        let spec_pos = match &p.spec_step {
            Some(s) => match p.routing.iter().position(|op| op.step.value == s.value) {
                Some(pos) => pos,
                None => {
                    d.at(
                        s,
                        format!(
                            "`spec_step` `{}` is not a step of product `{}`'s routing",
                            s.value, p.id.value
                        ),
                    );
                    0
                }
            },
            None => 1.min(p.routing.len().saturating_sub(1)),
        };
        if !(p.price.is_finite() && p.price.value >= 0.0 && p.price.value <= 1e9) {
            d.at(
                &p.price,
                format!("`price` must be zero or positive (got {})", p.price.value),
            );
        }
        let cancel_after_late = p
            .cancel_after_late_min
            .as_ref()
            .map(|c| SimTime::from_minutes(d.non_negative(c, "cancel_after_late_min")));
        products.push(Product {
            id: p.id.value.clone(),
            name: display_name(&p.name, &p.id),
            price: p.price.value.clamp(0.0, 1e9),
            custom: p.custom,
            late_penalty_per_hour: d
                .non_negative(&p.late_penalty_per_hour, "late_penalty_per_hour"),
            cancel_after_late,
            spec_change_prob: d.probability(&p.spec_change_prob, "spec_change_prob"),
            spec_pos,
            customer_detects: d.probability(&p.customer_detects, "customer_detects"),
            routing,
        });
    }

    // Demand.
    if file.demand.is_empty() {
        d.at_offset(
            None,
            "the scenario needs at least one source of orders in `demand`",
        );
    }
    let mut demand = Vec::new();
    for dm in &file.demand {
        match &dm.value {
            DemandFile::Poisson {
                product,
                per_hour,
                round_factors,
                due_in,
            } => {
                let product = resolve(&mut d, &product_ix, product, "product").unwrap_or(0);
                if !(per_hour.is_finite() && per_hour.value > 0.0 && per_hour.value <= 1e6) {
                    d.at(
                        per_hour,
                        format!(
                            "`per_hour` must be a positive rate of at most 1,000,000 (got {})",
                            per_hour.value
                        ),
                    );
                }
                if round_factors.len() > rounds as usize {
                    d.at(dm, "more `round_factors` than rounds");
                }
                let factors = round_factors
                    .iter()
                    .map(|f| {
                        if !(f.is_finite() && f.value >= 0.0 && f.value <= 1000.0) {
                            d.at(
                                f,
                                format!("a round factor must be within 0..1000 (got {})", f.value),
                            );
                        }
                        f.value.clamp(0.0, 1000.0)
                    })
                    .collect();
                demand.push(Demand::Poisson {
                    product,
                    per_hour: per_hour.value,
                    round_factors: factors,
                    due_in: d.dist(due_in, "due_in", false),
                });
            }
            DemandFile::Scheduled {
                product,
                at,
                due_in,
            } => {
                let product = resolve(&mut d, &product_ix, product, "product").unwrap_or(0);
                let mut times = Vec::new();
                for t in at {
                    let (round, minute) = t.value;
                    if round == 0 || round > rounds {
                        d.at(t, format!("round {round} is outside 1..{rounds}"));
                    } else if !(minute.is_finite() && minute >= 0.0 && minute < round_minutes) {
                        d.at(
                            t,
                            format!("minute {minute} is outside the round (0..{round_minutes})"),
                        );
                    } else {
                        times.push((round, minute));
                    }
                }
                times.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
                demand.push(Demand::Scheduled {
                    product,
                    at: times,
                    due_in: d.dist(due_in, "due_in", false),
                });
            }
        }
    }

    // Coordination.
    let c = &file.coordination;
    let handoff = |d: &mut Diags, h: &Spanned<HandoffFile>| HandoffParams {
        delay: d.dist(&h.delay, "delay", true),
        miscommunication: d.probability(&h.miscommunication, "miscommunication"),
        question: d.probability(&h.question, "question"),
    };
    let effect = |d: &mut Diags, e: &Spanned<EffectFile>| {
        for m in [&e.cross_unit, &e.within_unit] {
            for v in [m.delay, m.miscommunication, m.question] {
                if !(v.is_finite() && (0.0..=1000.0).contains(&v)) {
                    d.at(
                        e,
                        format!("an effect multiplier must be within 0..1000 (got {v})"),
                    );
                }
            }
        }
        Effect {
            cross_unit: e.cross_unit.clone(),
            within_unit: e.within_unit.clone(),
        }
    };
    let coordination = Coordination {
        cross_unit: handoff(&mut d, &c.cross_unit),
        within_unit: handoff(&mut d, &c.within_unit),
        answer_time: d.dist(&c.answer_time, "answer_time", false),
        help_after: SimTime::from_minutes(d.non_negative(&c.help_after_min, "help_after_min")),
        spanner: effect(&mut d, &c.effects.spanner),
        shared_board: effect(&mut d, &c.effects.shared_board),
        unit_standup: effect(&mut d, &c.effects.unit_standup),
        factory_standup: effect(&mut d, &c.effects.factory_standup),
    };
    let econ = &file.economics;
    for (v, what) in [
        (econ.fixed_cost_per_round, "fixed_cost_per_round"),
        (econ.expedite_cost, "expedite_cost"),
    ] {
        if !(v.is_finite() && (0.0..=1e9).contains(&v)) {
            d.at(econ, format!("`{what}` must be zero or positive (got {v})"));
        }
    }

    let limits = &file.palette_limits;
    if !(limits.min_factor.is_finite()
        && limits.max_factor.is_finite()
        && limits.min_factor > 0.0
        && limits.min_factor <= 1.0
        && limits.max_factor >= 1.0
        && limits.max_factor <= 100.0)
    {
        d.at(
            limits,
            "`palette_limits` needs 0 < min_factor <= 1 <= max_factor <= 100",
        );
    }

    // Designs.
    if file.designs.is_empty() {
        d.at_offset(None, "the scenario needs at least one design in `designs`");
    }
    let design_ix = index_ids(&mut d, file.designs.iter().map(|x| &x.name), "design");
    let mut designs = Vec::new();
    for des in &file.designs {
        let mut units = Vec::new();
        let mut unit_of = vec![None; workers.len()];
        let _ = index_ids(&mut d, des.units.iter().map(|u| &u.id), "unit");
        if des.units.is_empty() {
            d.at(des, format!("design `{}` has no units", des.name.value));
        }
        for (ui, u) in des.units.iter().enumerate() {
            let mut members = Vec::new();
            for m in &u.members {
                if let Some(w) = resolve(&mut d, &worker_ix, m, "worker") {
                    match unit_of[w] {
                        Some(prev) if prev != ui => d.at(
                            m,
                            format!(
                                "worker `{}` is in two units of design `{}`",
                                m.value, des.name.value
                            ),
                        ),
                        Some(_) => d.at(m, format!("worker `{}` listed twice", m.value)),
                        None => {
                            unit_of[w] = Some(ui);
                            members.push(w);
                        }
                    }
                }
            }
            let mut owned = Vec::new();
            for s in &u.steps {
                if let Some(si) = resolve(&mut d, &step_ix, s, "step") {
                    if owned.contains(&si) {
                        d.at(s, format!("step `{}` listed twice", s.value));
                    } else {
                        owned.push(si);
                    }
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
                    format!(
                        "design `{}` is missing worker `{}`: every worker must belong to one unit",
                        des.name.value, workers[w].id
                    ),
                );
            }
        }
        let practices = des.practices.value.clone();
        if let Some(s) = &practices.standup
            && let Err(e) = s.check()
        {
            d.at(&des.practices, e);
        }
        for (step, limit) in practices.wip_limits.iter() {
            if !step_ix.contains_key(step) {
                d.at(
                    &des.practices,
                    format!("unknown step `{step}` in `wip_limits`"),
                );
            }
            if *limit == 0 {
                d.at(
                    &des.practices,
                    format!("the WIP limit of `{step}` must be at least 1"),
                );
            }
        }
        // Every routed step must be owned and doable under the design's helping policy.
        let mut sorted_steps: Vec<usize> = routed_steps.iter().copied().collect();
        sorted_steps.sort_unstable();
        for s in sorted_steps {
            let Some(step) = steps.get(s) else { continue };
            let owners: Vec<&Unit> = units.iter().filter(|u| u.steps.contains(&s)).collect();
            if owners.is_empty() {
                d.at(
                    &des.name,
                    format!(
                        "in design `{}` no unit owns step `{}`, which a routing needs",
                        des.name.value, step.id
                    ),
                );
                continue;
            }
            let can = |w: usize| match practices.helping {
                Helping::None => workers[w].primary == step.skill,
                _ => workers[w].levels[step.skill] > 0.0,
            };
            let doable = owners.iter().any(|u| u.members.iter().any(|&w| can(w)))
                || (practices.helping == Helping::Anyone && (0..workers.len()).any(can));
            if !doable {
                d.at(
                    &des.name,
                    format!(
                        "in design `{}` nobody can do step `{}`: no member of a unit owning it has skill `{}`{}",
                        des.name.value,
                        step.id,
                        file.skills.get(step.skill).map_or("?", |s| s.value.as_str()),
                        if practices.helping == Helping::None {
                            " as their primary skill (helping: None)"
                        } else {
                            ""
                        }
                    ),
                );
            }
        }
        let mut spanners = Vec::new();
        for s in &des.spanners {
            if let Some(w) = resolve(&mut d, &worker_ix, s, "worker") {
                if spanners.contains(&w) {
                    d.at(s, format!("spanner `{}` listed twice", s.value));
                }
                spanners.push(w);
            }
        }
        designs.push(Design {
            name: des.name.value.clone(),
            description: des.description.clone(),
            units,
            spanners,
            practices,
        });
    }
    let default_design = resolve(&mut d, &design_ix, &file.default_design, "design").unwrap_or(0);

    let mut model = Model {
        name: file.name.clone(),
        description: file.description.clone(),
        rounds,
        round_len: SimTime::from_minutes(round_minutes),
        teams: file.teams.value,
        team_names: file.team_names.clone(),
        default_design,
        briefings: file.briefings.clone(),
        skills: file.skills.iter().map(|s| s.value.clone()).collect(),
        workers,
        stations,
        ingredients,
        steps,
        products,
        demand,
        coordination,
        fixed_cost_per_round: econ.fixed_cost_per_round,
        expedite_cost: econ.expedite_cost,
        designs,
        schedule: Vec::new(),
        palette: Vec::new(),
        palette_limits: (
            file.palette_limits.min_factor,
            file.palette_limits.max_factor,
        ),
    };
    if !d.0.is_empty() {
        return Err(d.0);
    }

    // Disruptions are checked against the built model.
    let mut palette_ids = HashMap::new();
    for p in &file.palette {
        if palette_ids
            .insert(p.id.clone(), model.palette.len())
            .is_some()
        {
            d.at(p, format!("duplicate disruption id `{}`", p.id));
        }
        if let Err(e) = model.check_disruption(p) {
            d.at(p, format!("disruption `{}`: {e}", p.id));
        }
        if let crate::domain::DisruptionKind::NewRequirement { step, .. } = &p.kind
            && let Some(s) = model.step_index(step)
            && !model
                .workers
                .iter()
                .any(|w| w.levels[model.steps[s].skill] > 0.0)
        {
            d.at(
                p,
                format!(
                    "disruption `{}`: no worker has the skill step `{step}` needs",
                    p.id
                ),
            );
        }
        model.palette.push(p.value.clone());
    }
    for s in &file.schedule {
        let Some(&pi) = palette_ids.get(&s.disruption.value) else {
            d.at(
                &s.disruption,
                format!(
                    "unknown disruption `{}` (the schedule refers to palette ids)",
                    s.disruption.value
                ),
            );
            continue;
        };
        if s.round.value == 0 || s.round.value > rounds {
            d.at(
                &s.round,
                format!("round {} is outside 1..{rounds}", s.round.value),
            );
        }
        if !(s.minute.is_finite() && s.minute.value >= 0.0 && s.minute.value < round_minutes) {
            d.at(
                &s.minute,
                format!(
                    "minute {} is outside the round (0..{round_minutes})",
                    s.minute.value
                ),
            );
        }
        if let Target::Factories(list) = &s.target
            && let Some(bad) = list.iter().find(|&&f| u32::from(f) >= MAX_TEAMS)
        {
            d.at(s, format!("team index {bad} is out of range"));
        }
        model.schedule.push(Scheduled {
            spec: model.palette[pi].clone(),
            round: s.round.value,
            minute: s.minute.value,
            target: s.target.clone(),
        });
    }
    model
        .schedule
        .sort_by(|a, b| a.round.cmp(&b.round).then(a.minute.total_cmp(&b.minute)));
    // Scheduled copies of one palette entry get distinct ids.
    let mut seen: HashMap<String, u32> = HashMap::new();
    for s in &mut model.schedule {
        let n = seen.entry(s.spec.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            s.spec.id = format!("{}#{}", s.spec.id, n);
        }
    }
    if d.0.is_empty() { Ok(model) } else { Err(d.0) }
}
