//! A factory's task queues, one per (unit, step), with a record of which hold tasks, so that finding work
//! looks only at those.

use std::collections::BTreeSet;

use super::QKey;

/// The queues, indexed by `unit * steps + step`.
#[derive(Clone, Debug, Default)]
pub(super) struct Queues {
    sets: Vec<BTreeSet<QKey>>,
    /// Bit `q % 64` of word `q / 64` is set when queue `q` holds a task.
    nonempty: Vec<u64>,
    /// Tasks in all queues.
    len: usize,
}

impl Queues {
    /// `n` empty queues.
    pub(super) fn new(n: usize) -> Self {
        Queues {
            sets: vec![BTreeSet::new(); n],
            nonempty: vec![0; n.div_ceil(64)],
            len: 0,
        }
    }

    /// Tasks in all queues.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Queue `q`.
    pub(super) fn get(&self, q: usize) -> &BTreeSet<QKey> {
        &self.sets[q]
    }

    fn mark(&mut self, q: usize) {
        let bit = 1u64 << (q % 64);
        if self.sets[q].is_empty() {
            self.nonempty[q / 64] &= !bit;
        } else {
            self.nonempty[q / 64] |= bit;
        }
    }

    /// Adds `key` to queue `q`; false if it was there already.
    pub(super) fn insert(&mut self, q: usize, key: QKey) -> bool {
        let added = self.sets[q].insert(key);
        if added {
            self.len += 1;
            self.mark(q);
        }
        added
    }

    /// Takes `key` out of queue `q`; false if it was not there.
    pub(super) fn remove(&mut self, q: usize, key: &QKey) -> bool {
        let removed = self.sets[q].remove(key);
        if removed {
            self.len -= 1;
            self.mark(q);
        }
        removed
    }

    /// Empties queue `q`, returning what it held.
    pub(super) fn take(&mut self, q: usize) -> BTreeSet<QKey> {
        let set = std::mem::take(&mut self.sets[q]);
        self.len -= set.len();
        self.mark(q);
        set
    }

    /// The number of queues.
    pub(super) fn count(&self) -> usize {
        self.sets.len()
    }

    /// The indices of the queues holding tasks, in increasing order.
    pub(super) fn nonempty(&self) -> impl Iterator<Item = usize> + '_ {
        self.nonempty.iter().enumerate().flat_map(|(i, &word)| {
            let mut w = word;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros() as usize;
                    w &= w - 1;
                    i * 64 + b
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(slot: u32) -> QKey {
        QKey {
            normal: true,
            primary: 0,
            seq: u64::from(slot),
            slot,
        }
    }

    #[test]
    fn only_queues_holding_tasks_are_listed() {
        let mut q = Queues::new(130);
        assert!(q.insert(3, key(1)) && q.insert(129, key(2)) && q.insert(64, key(3)));
        assert!(!q.insert(3, key(1)));
        assert_eq!(q.nonempty().collect::<Vec<_>>(), vec![3, 64, 129]);
        assert_eq!(q.len(), 3);
        assert!(q.remove(64, &key(3)) && !q.remove(64, &key(3)));
        assert_eq!(q.take(129).len(), 1);
        assert_eq!(q.nonempty().collect::<Vec<_>>(), vec![3]);
        assert_eq!((q.len(), q.count(), q.get(3).len()), (1, 130, 1));
    }
}
