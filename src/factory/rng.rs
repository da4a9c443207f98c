//! Random number streams. Each stream (demand, process, supply, disruption) is a ChaCha8 generator keyed by
//! (session seed, stream), so a change in one never shifts another. Process randomness is further keyed by
//! (order, step position, attempt): the same order step draws the same numbers in every factory whatever the
//! team decides (common random numbers), and two factories with identical decisions behave identically.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Stream {
    Demand = 1,
    Process = 2,
    Supply = 3,
    Disruption = 4,
}

/// SplitMix64 finaliser: a well-mixed 64-bit hash of a 64-bit value.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The generator of one stream of a session.
pub fn stream_rng(seed: u64, stream: Stream) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(mix64(seed ^ mix64(stream as u64)))
}

/// A sub-stream of a stream (e.g. one demand process), independent of its siblings.
pub fn substream_rng(seed: u64, stream: Stream, key: u64) -> ChaCha8Rng {
    let mut rng = stream_rng(seed, stream);
    rng.set_stream(key);
    rng
}

/// A uniform in `[0, 1)` from 53 random bits.
pub fn unit_f64(x: u64) -> f64 {
    (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Draws a uniform in `[0, 1)` from a sequential generator.
pub fn next_unit(rng: &mut ChaCha8Rng) -> f64 {
    unit_f64(rng.next_u64())
}

/// Number of uniforms in one keyed context.
pub const SLOTS: usize = 16;

/// Keyed draws: `context(key, index)` gives the same [`SLOTS`] uniforms for the same key and index, whatever
/// was drawn before.
#[derive(Clone)]
pub struct Keyed {
    base: ChaCha8Rng,
}

impl Keyed {
    pub fn new(seed: u64, stream: Stream) -> Self {
        Keyed {
            base: stream_rng(seed, stream),
        }
    }

    /// The uniforms of context `index` of sub-stream `key`.
    pub fn context(&self, key: u64, index: u64) -> Draws {
        let mut rng = self.base.clone();
        rng.set_stream(key);
        // Each context owns 4 ChaCha blocks (64 words), the generator's buffer size: one refill.
        rng.set_word_pos(u128::from(index) * 64);
        let mut u = [0.0; SLOTS];
        for slot in &mut u {
            *slot = unit_f64(rng.next_u64());
        }
        Draws(u)
    }
}

/// A fixed set of uniforms with named uses, so each purpose always reads the same slot.
#[derive(Clone, Copy, Debug)]
pub struct Draws(pub [f64; SLOTS]);

impl Draws {
    pub const DURATION: usize = 0; // and 1
    pub const UNATTENDED: usize = 2; // and 3
    pub const DEFECT: usize = 4;
    pub const MISCOMMUNICATION: usize = 5;
    pub const QUESTION: usize = 6;
    pub const DELAY: usize = 7; // and 8
    pub const ANSWER: usize = 9; // and 10
    pub const INSPECTION: usize = 11;
    pub const CUSTOMER: usize = 12;
    // Slot 13 is unused (kept so the other slots, and so every run, stay as they are).
    pub const CHANGEOVER: usize = 14; // and 15

    pub fn u(&self, slot: usize) -> f64 {
        self.0[slot]
    }
    /// Two uniforms starting at `slot`, for a distribution sample.
    pub fn pair(&self, slot: usize) -> (f64, f64) {
        (self.0[slot], self.0[slot + 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_contexts_are_stable_and_distinct() {
        let k = Keyed::new(7, Stream::Process);
        let a = k.context(5, 3).0;
        let b = k.context(5, 3).0;
        assert_eq!(a, b);
        assert_ne!(a, k.context(5, 4).0);
        assert_ne!(a, k.context(6, 3).0);
        assert_ne!(a, Keyed::new(8, Stream::Process).context(5, 3).0);
        assert_ne!(a, Keyed::new(7, Stream::Demand).context(5, 3).0);
        assert!(a.iter().all(|u| (0.0..1.0).contains(u)));
    }

    #[test]
    fn uniforms_are_uniform() {
        let k = Keyed::new(1, Stream::Process);
        let n = 20_000;
        let mean: f64 = (0..n).map(|i| k.context(i, 0).u(0)).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
    }
}
