//! Recovery after a disruption: time until throughput over a trailing hour is back to 90% of its level in the
//! hour before the disruption.

use crate::domain::SimTime;

/// Trailing window for throughput.
pub const WINDOW_MS: u64 = 60 * 60_000;
/// Throughput is checked once per simulated minute.
const STEP_MS: u64 = 60_000;
/// Share of the pre-disruption level that counts as recovered.
pub const RECOVERED: f64 = 0.9;

/// Deliveries in `(from, to]` of a sorted list.
fn count_in(deliveries: &[SimTime], from: u64, to: u64) -> usize {
    let a = deliveries.partition_point(|t| t.0 <= from);
    let b = deliveries.partition_point(|t| t.0 <= to);
    b - a
}

/// Minutes from `start` until the trailing-hour throughput, having dipped below 90% of the hour before
/// `start`, is back to at least 90%: `Some(0.0)` if it never dipped before `end`, `None` if it dipped and did
/// not recover by `end`, or if nothing was delivered in the hour before (no level to recover to).
pub fn recovery_minutes(deliveries: &[SimTime], start: SimTime, end: SimTime) -> Option<f64> {
    let before = start.0.saturating_sub(WINDOW_MS);
    // Deliveries in [start - W, start).
    let baseline = deliveries.partition_point(|t| t.0 < start.0)
        - deliveries.partition_point(|t| t.0 < before);
    if baseline == 0 {
        return None;
    }
    let threshold = RECOVERED * baseline as f64;
    let mut dipped = false;
    let mut m = start.0.saturating_add(STEP_MS);
    while m <= end.0 {
        let c = count_in(deliveries, m.saturating_sub(WINDOW_MS), m) as f64;
        if !dipped {
            dipped = c < threshold;
        } else if c >= threshold {
            return Some((m - start.0) as f64 / 60_000.0);
        }
        m += STEP_MS;
    }
    if dipped { None } else { Some(0.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every(minutes: std::ops::Range<u64>, step: u64) -> Vec<SimTime> {
        minutes
            .step_by(step as usize)
            .map(|m| SimTime(m * 60_000))
            .collect()
    }

    #[test]
    fn steady_flow_never_dips() {
        let d = every(0..600, 5);
        assert_eq!(
            recovery_minutes(&d, SimTime(120 * 60_000), SimTime(600 * 60_000)),
            Some(0.0)
        );
    }

    #[test]
    fn a_stop_then_restart_recovers_after_the_window_refills() {
        // One delivery a minute, none between minute 200 and 260.
        let mut d = every(0..200, 1);
        d.extend(every(260..600, 1));
        let r = recovery_minutes(&d, SimTime(200 * 60_000), SimTime(600 * 60_000)).unwrap();
        // Back to 54 per hour once the trailing hour holds 54 of the new deliveries: 260 + 53 = 313.
        assert!((r - 113.0).abs() <= 1.0, "{r}");
    }

    #[test]
    fn no_recovery_and_no_baseline() {
        let d = every(0..200, 1);
        assert_eq!(
            recovery_minutes(&d, SimTime(200 * 60_000), SimTime(600 * 60_000)),
            None
        );
        assert_eq!(
            recovery_minutes(&[], SimTime(200 * 60_000), SimTime(600 * 60_000)),
            None
        );
    }
}
