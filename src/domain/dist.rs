//! Duration distributions (in minutes) and their sampling from a fixed number of uniform draws.
//!
//! Every sample uses at most two uniforms, taken from fixed slots of a keyed random context, so the same
//! order step draws the same random numbers whatever else happens in the factory (common random numbers).
//! That is why the distributions are sampled by inverse transform here rather than through `rand_distr`,
//! whose samplers consume a variable number of draws.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang::En;
use crate::t;

/// A distribution of a duration in minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Dist {
    /// Always the same value.
    Fixed(f64),
    /// Uniform between `min` and `max`.
    Uniform {
        /// The smallest value.
        min: f64,
        /// The largest value.
        max: f64,
    },
    /// Triangular between `min` and `max`, most likely at `mode`.
    Triangular {
        /// The smallest value.
        min: f64,
        /// The most likely value.
        mode: f64,
        /// The largest value.
        max: f64,
    },
    /// Exponential with the given mean (memoryless; used for M/M/c calibration).
    Exponential {
        /// The mean.
        mean: f64,
    },
    /// Log-normal with the given mean and standard deviation (of the value itself, not of its logarithm).
    LogNormal {
        /// The mean.
        mean: f64,
        /// The standard deviation.
        sd: f64,
    },
}

impl Dist {
    /// The distribution's mean in minutes.
    pub fn mean(&self) -> f64 {
        match *self {
            Dist::Fixed(v) => v,
            Dist::Uniform { min, max } => (min + max) / 2.0,
            Dist::Triangular { min, mode, max } => (min + mode + max) / 3.0,
            Dist::Exponential { mean } | Dist::LogNormal { mean, .. } => mean,
        }
    }

    /// Checks the parameters; `allow_zero` admits a distribution that is always zero (a delay may be none, a
    /// task duration may not). Returns a message saying what is wrong.
    pub fn check(&self, allow_zero: bool) -> Result<(), String> {
        let params: Vec<f64> = match *self {
            Dist::Fixed(v) => vec![v],
            Dist::Uniform { min, max } => vec![min, max],
            Dist::Triangular { min, mode, max } => vec![min, mode, max],
            Dist::Exponential { mean } => vec![mean],
            Dist::LogNormal { mean, sd } => vec![mean, sd],
        };
        if params.iter().any(|p| !p.is_finite()) {
            return Err(t!(En, "problem-dist-finite"));
        }
        if params.iter().any(|&p| p < 0.0) {
            return Err(t!(En, "problem-dist-negative"));
        }
        if params.iter().any(|&p| p > 1e7) {
            return Err(t!(En, "problem-dist-large", most = "10,000,000"));
        }
        match *self {
            Dist::Uniform { min, max } if min > max => {
                return Err(t!(
                    En,
                    "problem-dist-uniform",
                    min = min.to_string(),
                    max = max.to_string()
                ));
            }
            Dist::Triangular { min, mode, max } if !(min <= mode && mode <= max) => {
                return Err(t!(
                    En,
                    "problem-dist-triangular",
                    min = min.to_string(),
                    mode = mode.to_string(),
                    max = max.to_string()
                ));
            }
            Dist::Exponential { mean } | Dist::LogNormal { mean, .. } if mean <= 0.0 => {
                return Err(t!(En, "problem-dist-mean"));
            }
            _ => {}
        }
        if !allow_zero && self.mean() <= 0.0 {
            return Err(t!(En, "problem-dist-zero"));
        }
        Ok(())
    }

    /// Samples from two uniforms in `[0, 1)`; the result is finite and non-negative for checked parameters.
    pub fn sample(&self, u1: f64, u2: f64) -> f64 {
        let x = match *self {
            Dist::Fixed(v) => v,
            Dist::Uniform { min, max } => min + u1 * (max - min),
            Dist::Triangular { min, mode, max } => {
                let span = max - min;
                if span <= 0.0 {
                    min
                } else {
                    let cut = (mode - min) / span;
                    if u1 < cut {
                        min + (u1 * span * (mode - min)).sqrt()
                    } else {
                        max - ((1.0 - u1) * span * (max - mode)).sqrt()
                    }
                }
            }
            Dist::Exponential { mean } => -mean * (1.0 - u1).ln(),
            Dist::LogNormal { mean, sd } => {
                let sigma2 = (1.0 + (sd * sd) / (mean * mean)).ln();
                let mu = mean.ln() - sigma2 / 2.0;
                // Box-Muller with 1 - u1 in (0, 1].
                let z = (-2.0 * (1.0 - u1).ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
                (mu + sigma2.sqrt() * z).exp()
            }
        };
        if x.is_finite() { x.max(0.0) } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_mean(d: &Dist) -> f64 {
        // Midpoint rule over a fine grid of (u1, u2).
        let n = 400;
        let mut sum = 0.0;
        for i in 0..n {
            for j in 0..n {
                let u1 = (i as f64 + 0.5) / n as f64;
                let u2 = (j as f64 + 0.5) / n as f64;
                sum += d.sample(u1, u2);
            }
        }
        sum / (n * n) as f64
    }

    #[test]
    fn inverse_transforms_have_the_stated_means() {
        for d in [
            Dist::Fixed(3.0),
            Dist::Uniform { min: 2.0, max: 6.0 },
            Dist::Triangular {
                min: 1.0,
                mode: 2.0,
                max: 6.0,
            },
            Dist::Exponential { mean: 2.5 },
            Dist::LogNormal { mean: 4.0, sd: 1.0 },
        ] {
            let m = grid_mean(&d);
            assert!(
                (m - d.mean()).abs() / d.mean() < 0.02,
                "{d:?}: {m} vs {}",
                d.mean()
            );
        }
    }

    #[test]
    fn checks_reject_bad_parameters() {
        assert!(Dist::Fixed(0.0).check(false).is_err());
        assert!(Dist::Fixed(0.0).check(true).is_ok());
        assert!(Dist::Fixed(-1.0).check(true).is_err());
        assert!(Dist::Fixed(f64::INFINITY).check(true).is_err());
        assert!(Dist::Uniform { min: 3.0, max: 1.0 }.check(false).is_err());
        assert!(
            Dist::Triangular {
                min: 1.0,
                mode: 5.0,
                max: 4.0
            }
            .check(false)
            .is_err()
        );
        assert!(Dist::Exponential { mean: 0.0 }.check(true).is_err());
        assert!(Dist::LogNormal { mean: 2.0, sd: 0.5 }.check(false).is_ok());
    }

    #[test]
    fn samples_stay_finite_at_the_edges() {
        for d in [
            Dist::Exponential { mean: 1.0 },
            Dist::LogNormal { mean: 1.0, sd: 3.0 },
        ] {
            for u in [0.0, 1.0 - f64::EPSILON] {
                let x = d.sample(u, u);
                assert!(x.is_finite() && x >= 0.0);
            }
        }
    }
}
