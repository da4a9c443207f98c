//! Simulated time: exact integer milliseconds since the session started.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A point in simulated time, in whole milliseconds since the start of the session. Rounds follow each other
/// without a gap, so round `r` of length `L` starts wherever round `r - 1` ended.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SimTime(pub u64);

/// Milliseconds in a simulated minute.
pub const MS_PER_MINUTE: f64 = 60_000.0;

impl SimTime {
    /// The start of the session.
    pub const ZERO: SimTime = SimTime(0);
    /// The end of time (never reached).
    pub const MAX: SimTime = SimTime(u64::MAX);

    /// Converts minutes to the nearest millisecond (negative and non-finite values clamp to zero; huge ones to
    /// `MAX`).
    pub fn from_minutes(minutes: f64) -> SimTime {
        SimTime(ms_from_minutes(minutes))
    }

    /// Minutes since the session started.
    pub fn minutes(self) -> f64 {
        self.0 as f64 / MS_PER_MINUTE
    }

    /// `ms` milliseconds later (at most [`SimTime::MAX`]).
    pub fn saturating_add(self, ms: u64) -> SimTime {
        SimTime(self.0.saturating_add(ms))
    }

    /// Milliseconds since `earlier` (0 if it is later).
    pub fn since(self, earlier: SimTime) -> u64 {
        self.0.saturating_sub(earlier.0)
    }
}

/// Milliseconds in `minutes`, rounded; clamps negative/NaN to 0 and overflow to `u64::MAX`.
pub fn ms_from_minutes(minutes: f64) -> u64 {
    let ms = (minutes * MS_PER_MINUTE).round();
    if ms.is_nan() || ms <= 0.0 {
        0
    } else if ms >= u64::MAX as f64 {
        u64::MAX
    } else {
        ms as u64
    }
}

/// Minutes in `ms` milliseconds.
pub fn minutes_from_ms(ms: u64) -> f64 {
    ms as f64 / MS_PER_MINUTE
}

/// The minute of the round at time `t` for a round that started at `round_start` (0 before it): the one
/// definition behind every "minute" the game, the logs and the metrics show.
pub fn minute_of_round(t: SimTime, round_start: SimTime) -> f64 {
    minutes_from_ms(t.since(round_start))
}

impl fmt::Display for SimTime {
    /// `h:mm:ss` of simulated time.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0 / 1000;
        write!(f, "{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    }
}

/// The game's speeds in simulated minutes per real second (keys 1-6 in the window, the console's choices).
pub const SPEEDS: [f64; 6] = [1.0, 2.0, 5.0, 10.0, 30.0, 60.0];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_trip_and_clamp() {
        assert_eq!(SimTime::from_minutes(1.5).0, 90_000);
        assert_eq!(SimTime::from_minutes(-3.0), SimTime::ZERO);
        assert_eq!(SimTime::from_minutes(f64::NAN), SimTime::ZERO);
        assert_eq!(SimTime::from_minutes(1e300), SimTime::MAX);
        assert_eq!(SimTime(90_000).minutes(), 1.5);
        assert_eq!(SimTime(3_723_000).to_string(), "1:02:03");
    }
}
