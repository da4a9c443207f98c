//! Disruptions: what a facilitator can throw at the factories, as scenario palette entries and as commands.

use serde::{Deserialize, Serialize};

use super::{Dist, Invalid};
use crate::i18n::Lang::En;
use crate::i18n::{Lang, Text};
use crate::t;

/// Which factories a disruption or command hits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Every team.
    #[default]
    All,
    /// Factories by index (0 is the first team).
    Factories(Vec<u16>),
}

impl Target {
    /// Whether factory `factory` is hit.
    pub fn includes(&self, factory: u16) -> bool {
        match self {
            Target::All => true,
            Target::Factories(list) => list.contains(&factory),
        }
    }
}

/// A disruption with its identity and the text shown to the room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisruptionSpec {
    /// Unique within a session (an injected copy of a palette entry gets a suffix).
    pub id: String,
    /// One line for the ticker and the projector.
    pub headline: Text,
    /// A longer explanation for the facilitator.
    #[serde(default)]
    pub description: Text,
    /// What it does.
    pub kind: DisruptionKind,
}

/// What a disruption does. Durations are in simulated minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum DisruptionKind {
    /// The supplier of an ingredient cannot deliver for a while; a share of the stock on hand is spoiled.
    SupplyShortage {
        /// The ingredient whose supplier fails.
        ingredient: String,
        /// How long.
        duration_min: f64,
        /// Share of the stock on hand that is spoiled (0..1).
        #[serde(default)]
        stock_lost: f64,
    },
    /// Some units of a station pool break down; tasks on them are interrupted and start again elsewhere.
    StationBreakdown {
        /// The station.
        station: String,
        /// How many of its units.
        #[serde(default = "one")]
        units: u32,
        /// How long.
        duration_min: f64,
    },
    /// A worker is off sick; their current task is interrupted and goes back to its queue.
    WorkerAbsent {
        /// The worker.
        worker: String,
        /// How long.
        duration_min: f64,
    },
    /// A customer offers a rush order; the team accepts or declines within the decision window, otherwise
    /// `accept_by_default` decides.
    RushOrder {
        /// The product.
        product: String,
        /// How many cakes (1..1000).
        #[serde(default = "one")]
        quantity: u32,
        /// When they are due, from the offer.
        due_in_min: f64,
        /// Price of each as a factor of the product's price.
        #[serde(default = "one_f")]
        price_factor: f64,
        /// Time the team has to answer.
        #[serde(default = "fifteen")]
        decide_within_min: f64,
        /// What happens without an answer.
        #[serde(default = "yes")]
        accept_by_default: bool,
    },
    /// Customers of custom orders in progress change their spec: each order past its spec step goes back to
    /// it with probability `share`.
    SpecChange {
        /// The chance for each custom order in progress (0..1).
        share: f64,
    },
    /// Extra demand: arrival rates of the listed products (all when empty) are multiplied by `factor`.
    DemandSurge {
        /// The products ordered more (all when empty).
        #[serde(default)]
        products: Vec<String>,
        /// The factor on their arrival rates (at least 1).
        factor: f64,
        /// How long.
        duration_min: f64,
    },
    /// A new step is added to a product's routing (all products when `product` is empty) after step
    /// `after`, for orders received from now on.
    NewRequirement {
        /// The product (all products when empty).
        #[serde(default)]
        product: String,
        /// The step added.
        step: String,
        /// The step it comes after.
        after: String,
        /// The new step's work time.
        duration: Dist,
    },
    /// Coordination across units gets worse: handoff delay, miscommunication and question chances are
    /// multiplied.
    CommunicationOutage {
        /// How long.
        duration_min: f64,
        /// Factor on handoff delays.
        #[serde(default = "one_f")]
        delay: f64,
        /// Factor on the chance of miscommunication.
        #[serde(default = "one_f")]
        miscommunication: f64,
        /// Factor on the chance of a question.
        #[serde(default = "one_f")]
        question: f64,
    },
    /// The owners mandate a reorganisation: the factory switches to the named design at the next round start
    /// (at once when between rounds).
    ReorganisationMandate {
        /// The design.
        design: String,
    },
}

fn one() -> u32 {
    1
}
fn one_f() -> f64 {
    1.0
}
fn fifteen() -> f64 {
    15.0
}
fn yes() -> bool {
    true
}

impl DisruptionKind {
    /// The variant's name, as used in reports.
    pub fn name(&self) -> &'static str {
        match self {
            DisruptionKind::SupplyShortage { .. } => "SupplyShortage",
            DisruptionKind::StationBreakdown { .. } => "StationBreakdown",
            DisruptionKind::WorkerAbsent { .. } => "WorkerAbsent",
            DisruptionKind::RushOrder { .. } => "RushOrder",
            DisruptionKind::SpecChange { .. } => "SpecChange",
            DisruptionKind::DemandSurge { .. } => "DemandSurge",
            DisruptionKind::NewRequirement { .. } => "NewRequirement",
            DisruptionKind::CommunicationOutage { .. } => "CommunicationOutage",
            DisruptionKind::ReorganisationMandate { .. } => "ReorganisationMandate",
        }
    }

    /// How long the disruption lasts, if it has a duration.
    pub fn duration_min(&self) -> Option<f64> {
        match *self {
            DisruptionKind::SupplyShortage { duration_min, .. }
            | DisruptionKind::StationBreakdown { duration_min, .. }
            | DisruptionKind::WorkerAbsent { duration_min, .. }
            | DisruptionKind::DemandSurge { duration_min, .. }
            | DisruptionKind::CommunicationOutage { duration_min, .. } => Some(duration_min),
            _ => None,
        }
    }

    /// Checks numbers that do not depend on the scenario (references are checked against it elsewhere).
    pub fn check_values(&self) -> Result<(), Invalid> {
        if let Some(d) = self.duration_min() {
            positive(d, "duration_min")?;
        }
        match self {
            DisruptionKind::SupplyShortage { stock_lost, .. } => {
                probability(*stock_lost, "stock_lost")
            }
            DisruptionKind::StationBreakdown { units, .. } if *units == 0 => {
                Err(Invalid::field("units", t!(En, "problem-units")))
            }
            DisruptionKind::RushOrder {
                quantity,
                due_in_min,
                price_factor,
                decide_within_min,
                ..
            } => {
                if *quantity == 0 || *quantity > MAX_RUSH_QUANTITY {
                    return Err(Invalid::field(
                        "quantity",
                        t!(
                            En,
                            "problem-quantity",
                            most = MAX_RUSH_QUANTITY.to_string(),
                            got = quantity.to_string()
                        ),
                    ));
                }
                positive(*due_in_min, "due_in_min")?;
                positive(*decide_within_min, "decide_within_min")?;
                factor(*price_factor, "price_factor")
            }
            DisruptionKind::SpecChange { share } => probability(*share, "share"),
            DisruptionKind::DemandSurge { factor: f, .. } => {
                factor(*f, "factor")?;
                if *f < 1.0 {
                    Err(Invalid::field(
                        "factor",
                        t!(En, "problem-surge", got = f.to_string()),
                    ))
                } else {
                    Ok(())
                }
            }
            DisruptionKind::NewRequirement { duration, .. } => duration
                .check(false)
                .map_err(|e| Invalid::field("duration", e)),
            DisruptionKind::CommunicationOutage {
                delay,
                miscommunication,
                question,
                ..
            } => {
                factor(*delay, "delay")?;
                factor(*miscommunication, "miscommunication")?;
                factor(*question, "question")
            }
            _ => Ok(()),
        }
    }
}

/// The most cakes one rush order may ask for.
pub const MAX_RUSH_QUANTITY: u32 = 1000;

/// The longest a disruption may last, in minutes (about 19 years).
pub const MAX_DURATION_MIN: f64 = 1e7;

fn positive(v: f64, what: &'static str) -> Result<(), Invalid> {
    if v.is_finite() && v > 0.0 && v <= MAX_DURATION_MIN {
        Ok(())
    } else {
        Err(Invalid::field(
            what,
            t!(
                En,
                "problem-minutes",
                what = what,
                most = MAX_DURATION_MIN.to_string(),
                got = v.to_string()
            ),
        ))
    }
}

fn probability(v: f64, what: &'static str) -> Result<(), Invalid> {
    if (0.0..=1.0).contains(&v) {
        Ok(())
    } else {
        Err(Invalid::field(
            what,
            t!(En, "problem-probability", what = what, got = v.to_string()),
        ))
    }
}

fn factor(v: f64, what: &'static str) -> Result<(), Invalid> {
    if v.is_finite() && (0.0..=1000.0).contains(&v) {
        Ok(())
    } else {
        Err(Invalid::field(
            what,
            t!(En, "problem-factor", what = what, got = v.to_string()),
        ))
    }
}

impl DisruptionKind {
    /// What a kind of disruption is, in words in `lang`, by its name (as [`name`](Self::name) gives it).
    pub fn words(name: &str, lang: Lang) -> String {
        match name {
            "SupplyShortage" => t!(lang, "kind-supply-shortage"),
            "StationBreakdown" => t!(lang, "kind-station-breakdown"),
            "WorkerAbsent" => t!(lang, "kind-worker-absent"),
            "RushOrder" => t!(lang, "kind-rush-order"),
            "SpecChange" => t!(lang, "kind-spec-change"),
            "DemandSurge" => t!(lang, "kind-demand-surge"),
            "CommunicationOutage" => t!(lang, "kind-communication-outage"),
            "NewRequirement" => t!(lang, "kind-new-requirement"),
            "ReorganisationMandate" => t!(lang, "kind-reorganisation"),
            _ => t!(lang, "kind-other"),
        }
    }

    /// The numeric parameters a facilitator may adjust before injecting, by name.
    pub fn params(&self) -> Vec<(&'static str, f64)> {
        match self {
            DisruptionKind::SupplyShortage {
                duration_min,
                stock_lost,
                ..
            } => vec![("duration_min", *duration_min), ("stock_lost", *stock_lost)],
            DisruptionKind::StationBreakdown {
                units,
                duration_min,
                ..
            } => vec![
                ("units", f64::from(*units)),
                ("duration_min", *duration_min),
            ],
            DisruptionKind::WorkerAbsent { duration_min, .. } => {
                vec![("duration_min", *duration_min)]
            }
            DisruptionKind::RushOrder {
                quantity,
                due_in_min,
                price_factor,
                ..
            } => vec![
                ("quantity", f64::from(*quantity)),
                ("due_in_min", *due_in_min),
                ("price_factor", *price_factor),
            ],
            DisruptionKind::SpecChange { share } => vec![("share", *share)],
            DisruptionKind::DemandSurge {
                factor,
                duration_min,
                ..
            } => vec![("factor", *factor), ("duration_min", *duration_min)],
            DisruptionKind::CommunicationOutage {
                duration_min,
                delay,
                miscommunication,
                question,
            } => vec![
                ("duration_min", *duration_min),
                ("delay", *delay),
                ("miscommunication", *miscommunication),
                ("question", *question),
            ],
            DisruptionKind::NewRequirement { .. }
            | DisruptionKind::ReorganisationMandate { .. } => Vec::new(),
        }
    }

    /// A copy with the parameters of [`params`](Self::params) replaced, in the same order; counts are rounded,
    /// probabilities clamped to 0..1 and surge factors kept at 1 or more.
    pub fn with_params(&self, values: &[f64]) -> DisruptionKind {
        let mut k = self.clone();
        let v = |i: usize, current: f64| values.get(i).copied().unwrap_or(current);
        let count = |x: f64| x.round().clamp(1.0, f64::from(MAX_RUSH_QUANTITY)) as u32;
        match &mut k {
            DisruptionKind::SupplyShortage {
                duration_min,
                stock_lost,
                ..
            } => {
                *duration_min = v(0, *duration_min);
                *stock_lost = v(1, *stock_lost).clamp(0.0, 1.0);
            }
            DisruptionKind::StationBreakdown {
                units,
                duration_min,
                ..
            } => {
                *units = count(v(0, f64::from(*units)));
                *duration_min = v(1, *duration_min);
            }
            DisruptionKind::WorkerAbsent { duration_min, .. } => {
                *duration_min = v(0, *duration_min)
            }
            DisruptionKind::RushOrder {
                quantity,
                due_in_min,
                price_factor,
                ..
            } => {
                *quantity = count(v(0, f64::from(*quantity)));
                *due_in_min = v(1, *due_in_min);
                *price_factor = v(2, *price_factor);
            }
            DisruptionKind::SpecChange { share } => *share = v(0, *share).clamp(0.0, 1.0),
            DisruptionKind::DemandSurge {
                factor,
                duration_min,
                ..
            } => {
                *factor = v(0, *factor).max(1.0);
                *duration_min = v(1, *duration_min);
            }
            DisruptionKind::CommunicationOutage {
                duration_min,
                delay,
                miscommunication,
                question,
            } => {
                *duration_min = v(0, *duration_min);
                *delay = v(1, *delay);
                *miscommunication = v(2, *miscommunication);
                *question = v(3, *question);
            }
            DisruptionKind::NewRequirement { .. }
            | DisruptionKind::ReorganisationMandate { .. } => {}
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_and_stay_valid() {
        let k = DisruptionKind::StationBreakdown {
            station: "oven".into(),
            units: 1,
            duration_min: 120.0,
        };
        assert_eq!(k.params(), vec![("units", 1.0), ("duration_min", 120.0)]);
        assert_eq!(k.with_params(&[1.0, 120.0]), k);
        let k2 = k.with_params(&[2.4, 60.0]);
        assert_eq!(k2.params(), vec![("units", 2.0), ("duration_min", 60.0)]);
        let s = DisruptionKind::SpecChange { share: 0.5 }.with_params(&[1.7]);
        assert_eq!(s, DisruptionKind::SpecChange { share: 1.0 });
        assert!(s.check_values().is_ok());
    }

    #[test]
    fn every_kind_has_words() {
        for name in [
            "SupplyShortage",
            "StationBreakdown",
            "WorkerAbsent",
            "RushOrder",
            "SpecChange",
            "DemandSurge",
            "NewRequirement",
            "CommunicationOutage",
            "ReorganisationMandate",
        ] {
            assert_ne!(
                DisruptionKind::words(name, Lang::En),
                DisruptionKind::words("", Lang::En),
                "{name}"
            );
        }
    }
}
