//! The tie network between workers: Krackhardt's E-I index and Freeman betweenness (Brandes' algorithm).

use std::collections::{BTreeMap, VecDeque};

/// Undirected tie counts between workers, each pair stored once as (low, high).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ties {
    /// Tie counts by pair.
    pub pairs: BTreeMap<(u16, u16), u32>,
    /// Weighted ties inside units and across them, as counted when each tie formed.
    pub internal: u64,
    /// See `internal`.
    pub external: u64,
    /// Per unit (by id): (ties to other units, ties inside) counted at tie time.
    pub per_unit: BTreeMap<String, (u64, u64)>,
}

impl Ties {
    /// Records one tie between `a` and `b`, who were in units `ua` and `ub` at the time.
    pub fn add(&mut self, a: u16, b: u16, ua: &str, ub: &str) {
        if a == b {
            return;
        }
        *self.pairs.entry((a.min(b), a.max(b))).or_insert(0) += 1;
        if ua == ub {
            self.internal += 1;
            self.per_unit.entry(ua.to_string()).or_default().1 += 1;
        } else {
            self.external += 1;
            self.per_unit.entry(ua.to_string()).or_default().0 += 1;
            self.per_unit.entry(ub.to_string()).or_default().0 += 1;
        }
    }

    /// Adds another network's ties.
    pub fn merge(&mut self, other: &Ties) {
        for (k, v) in &other.pairs {
            *self.pairs.entry(*k).or_insert(0) += v;
        }
        self.internal += other.internal;
        self.external += other.external;
        for (u, (e, i)) in &other.per_unit {
            let x = self.per_unit.entry(u.clone()).or_default();
            x.0 += e;
            x.1 += i;
        }
    }

    /// Total tie count (weighted).
    pub fn total(&self) -> u64 {
        self.internal + self.external
    }

    /// (E - I) / (E + I) over all ties; `None` without ties.
    pub fn ei_index(&self) -> Option<f64> {
        ei(self.external, self.internal)
    }

    /// E-I index of each unit: E counts its members' ties to other units, I the ties inside it.
    pub fn ei_per_unit(&self) -> BTreeMap<String, Option<f64>> {
        self.per_unit
            .iter()
            .map(|(u, (e, i))| (u.clone(), ei(*e, *i)))
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

    #[test]
    fn ei_index_of_silos_and_bridges() {
        let mut t = Ties::default();
        t.add(0, 1, "a", "a");
        t.add(0, 1, "a", "a");
        assert_eq!(t.ei_index(), Some(-1.0));
        t.add(1, 2, "a", "b");
        t.add(1, 3, "a", "b");
        assert_eq!(t.ei_index(), Some(0.0));
        assert_eq!(t.total(), 4);
        assert_eq!(Ties::default().ei_index(), None);
        let per = t.ei_per_unit();
        // Unit 0: 2 ties out, 2 inside.
        assert_eq!(per["a"], Some(0.0));
        assert_eq!(per["b"], Some(1.0));
    }
}
