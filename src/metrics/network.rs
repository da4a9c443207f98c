//! The tie network between workers: ties from work that happened (handoffs, questions answered, tasks taken
//! over), Krackhardt's E-I index beside the value the design forces, Freeman betweenness (Brandes'
//! algorithm); and meetings as a separate layer that enters neither.

use std::collections::{BTreeMap, VecDeque};

/// Ties counted by kind: across units (E) and inside them (I), overall and per unit (by id).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Ties inside a unit.
    pub internal: u64,
    /// Ties across units.
    pub external: u64,
    /// Per unit: (ties of its members to other units, ties inside it).
    pub per_unit: BTreeMap<String, (u64, u64)>,
}

impl Tally {
    /// Counts one tie between units `ua` and `ub`.
    fn add(&mut self, ua: &str, ub: &str) {
        if ua == ub {
            self.internal += 1;
            self.per_unit.entry(ua.to_string()).or_default().1 += 1;
        } else {
            self.external += 1;
            self.per_unit.entry(ua.to_string()).or_default().0 += 1;
            self.per_unit.entry(ub.to_string()).or_default().0 += 1;
        }
    }

    fn merge(&mut self, other: &Tally) {
        self.internal += other.internal;
        self.external += other.external;
        for (u, (e, i)) in &other.per_unit {
            let x = self.per_unit.entry(u.clone()).or_default();
            x.0 += e;
            x.1 += i;
        }
    }

    /// (E - I) / (E + I); `None` without ties.
    pub fn ei(&self) -> Option<f64> {
        ei(self.external, self.internal)
    }

    /// The E-I index of each unit: E counts its members' ties to other units, I the ties inside it.
    pub fn ei_per_unit(&self) -> BTreeMap<String, Option<f64>> {
        self.per_unit
            .iter()
            .map(|(u, (e, i))| (u.clone(), ei(*e, *i)))
            .collect()
    }
}

/// Undirected tie counts between workers, each pair stored once as (low, high): the work network (who
/// handed over to whom, who answered whose question, who took over whose task) and, apart from it, who met.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ties {
    /// Work tie counts by pair.
    pub pairs: BTreeMap<(u16, u16), u32>,
    /// Work ties inside units and across them, by the units people were in when each tie formed.
    pub actual: Tally,
    /// The same ties as the design forces them: each counted between the units the routings and the
    /// organisation send the work between (the sending unit and the unit owning the next step; the asker's
    /// unit and the unit asked; the task's unit for a task taken over), whoever actually did it.
    pub forced: Tally,
    /// Meeting tie counts by pair (a separate layer: not in `pairs`, betweenness or the E-I index).
    pub met: BTreeMap<(u16, u16), u32>,
}

/// The units a tie joined: as it happened, and as the design forces it.
#[derive(Clone, Copy, Debug)]
pub struct TieUnits<'a> {
    /// The units of the two people when the tie formed.
    pub actual: (&'a str, &'a str),
    /// The units the design sends this piece of work between.
    pub forced: (&'a str, &'a str),
}

impl Ties {
    /// Records one work tie between `a` and `b`.
    pub fn add(&mut self, a: u16, b: u16, units: TieUnits) {
        if a == b {
            return;
        }
        *self.pairs.entry((a.min(b), a.max(b))).or_insert(0) += 1;
        self.actual.add(units.actual.0, units.actual.1);
        self.forced.add(units.forced.0, units.forced.1);
    }

    /// Records that `a` and `b` met (a stand-up).
    pub fn meet(&mut self, a: u16, b: u16) {
        if a != b {
            *self.met.entry((a.min(b), a.max(b))).or_insert(0) += 1;
        }
    }

    /// Adds another network's ties.
    pub fn merge(&mut self, other: &Ties) {
        for (k, v) in &other.pairs {
            *self.pairs.entry(*k).or_insert(0) += v;
        }
        for (k, v) in &other.met {
            *self.met.entry(*k).or_insert(0) += v;
        }
        self.actual.merge(&other.actual);
        self.forced.merge(&other.forced);
    }

    /// Total work tie count (weighted).
    pub fn total(&self) -> u64 {
        self.actual.internal + self.actual.external
    }

    /// Total meeting tie count (weighted).
    pub fn meetings(&self) -> u64 {
        self.met.values().map(|&v| u64::from(v)).sum()
    }

    /// (E - I) / (E + I) over all work ties; `None` without ties.
    pub fn ei_index(&self) -> Option<f64> {
        self.actual.ei()
    }

    /// Each unit's E-I index as it happened, as the design forces it, and the difference (collaboration
    /// across units beyond what the structure requires when positive, less when negative).
    pub fn ei_units(&self) -> Vec<UnitEi> {
        let forced = self.forced.ei_per_unit();
        self.actual
            .ei_per_unit()
            .into_iter()
            .map(|(unit, actual)| {
                let forced = forced.get(&unit).copied().flatten();
                UnitEi {
                    beyond: actual.zip(forced).map(|(a, f)| a - f),
                    unit,
                    actual,
                    forced,
                }
            })
            .collect()
    }

    /// Betweenness centrality of each of `n` workers in the unweighted tie graph (normalised to 0..1).
    pub fn betweenness(&self, n: usize) -> Vec<f64> {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in self.pairs.keys() {
            if (a as usize) < n && (b as usize) < n {
                adj[a as usize].push(b as usize);
                adj[b as usize].push(a as usize);
            }
        }
        brandes(&adj)
    }
}

/// One unit's E-I index as it happened and as its design forces it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitEi {
    /// The unit's id.
    pub unit: String,
    /// From the ties that formed.
    pub actual: Option<f64>,
    /// From the same ties counted between the units the design sends the work between.
    pub forced: Option<f64>,
    /// `actual - forced`.
    pub beyond: Option<f64>,
}

fn ei(e: u64, i: u64) -> Option<f64> {
    (e + i > 0).then(|| (e as f64 - i as f64) / (e + i) as f64)
}

/// Brandes (2001) betweenness for an unweighted undirected graph, normalised by (n-1)(n-2)/2.
pub fn brandes(adj: &[Vec<usize>]) -> Vec<f64> {
    let n = adj.len();
    let mut cb = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut stack = Vec::with_capacity(n);
    let mut queue = VecDeque::new();
    for s in 0..n {
        for v in 0..n {
            preds[v].clear();
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
        }
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &adj[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                cb[w] += delta[w];
            }
        }
    }
    // Each pair was counted from both ends in an undirected graph.
    let norm = if n > 2 {
        ((n - 1) * (n - 2)) as f64
    } else {
        1.0
    };
    cb.iter().map(|c| c / norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_centre_has_all_betweenness() {
        // 0 is the centre of a star with 4 leaves.
        let adj = vec![vec![1, 2, 3, 4], vec![0], vec![0], vec![0], vec![0]];
        let b = brandes(&adj);
        assert!((b[0] - 1.0).abs() < 1e-12, "{b:?}");
        assert!(b[1..].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn path_middle_nodes() {
        // 0 - 1 - 2 - 3: node 1 lies on (0,2) and (0,3): 2 of 3 pairs not involving it.
        let adj = vec![vec![1], vec![0, 2], vec![1, 3], vec![2]];
        let b = brandes(&adj);
        assert!((b[1] - 2.0 / 3.0).abs() < 1e-12, "{b:?}");
        assert!((b[2] - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(b[0], 0.0);
    }

    fn same(a: (&'static str, &'static str)) -> TieUnits<'static> {
        TieUnits {
            actual: a,
            forced: a,
        }
    }

    #[test]
    fn ei_index_of_silos_and_bridges() {
        let mut t = Ties::default();
        t.add(0, 1, same(("a", "a")));
        t.add(0, 1, same(("a", "a")));
        assert_eq!(t.ei_index(), Some(-1.0));
        t.add(1, 2, same(("a", "b")));
        t.add(1, 3, same(("a", "b")));
        assert_eq!(t.ei_index(), Some(0.0));
        assert_eq!(t.total(), 4);
        assert_eq!(Ties::default().ei_index(), None);
        let per = t.actual.ei_per_unit();
        // Unit a: 2 ties out, 2 inside.
        assert_eq!(per["a"], Some(0.0));
        assert_eq!(per["b"], Some(1.0));
    }

    #[test]
    fn collaboration_beyond_the_structure() {
        // Unit a hands over inside itself twice; once a worker of unit b took the task over (a help):
        // as it happened 1 tie out and 1 in for a, as forced 0 out and 2 in.
        let mut t = Ties::default();
        t.add(0, 1, same(("a", "a")));
        t.add(
            0,
            2,
            TieUnits {
                actual: ("a", "b"),
                forced: ("a", "a"),
            },
        );
        let a = &t.ei_units()[0];
        assert_eq!(a.unit, "a");
        assert_eq!(a.actual, Some(0.0));
        assert_eq!(a.forced, Some(-1.0));
        assert_eq!(a.beyond, Some(1.0));
        // b never appears in the forced tally: no forced value, no difference.
        let b = &t.ei_units()[1];
        assert_eq!((b.actual, b.forced, b.beyond), (Some(1.0), None, None));
    }

    #[test]
    fn meetings_are_a_layer_apart() {
        let mut t = Ties::default();
        t.add(0, 1, same(("a", "b")));
        t.add(1, 2, same(("b", "c")));
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            t.meet(a, b);
        }
        assert_eq!((t.total(), t.meetings()), (2, 3));
        // Worker 1 still lies between 0 and 2: the meeting's triangle does not count.
        assert_eq!(t.betweenness(3), vec![0.0, 1.0, 0.0]);
    }
}
