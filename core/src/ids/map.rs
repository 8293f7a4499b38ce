//! [`IdMap`]: records looked up by id in one hash probe, listed in id order.
//!
//! Applying a command looks members up by id many times (every role check, every roll entry,
//! every ballot): with the members in a `BTreeMap`, those searches, each comparing the id with a
//! dozen others, were about a quarter of the time to apply an event (docs/performance.md). An
//! `IdMap` finds an id by its hash, and keeps the ids' order separately, so that everything that
//! lists the records (reports, JSON, the bindings) sees them in the same order as before.
//!
//! The order is a sorted list of positions, plus the positions of the records added since it
//! was last rebuilt (a short sorted list of about √n): adding a record puts it in the short
//! list, and the two are merged once it grows past √n, so that adding to a map of n records
//! costs about √n moves of a word whatever the ids (a commune's tasks, tens of thousands after a
//! few years, arrive cell by cell, not in id order). Listing walks the two lists together.
//!
//! Records are never removed (nothing is lost: a member who leaves keeps a record with a status,
//! a meeting moves from state to state under its id).

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

/// A map from ids to records: looked up by hash, listed in id order (as a `BTreeMap` lists them).
#[derive(Clone)]
pub struct IdMap<K, V> {
    /// The records in the order they were added.
    entries: IndexMap<K, V, FxBuildHasher>,
    /// Positions in `entries`, in id order: all but those in `recent`.
    order: Vec<usize>,
    /// Positions of the records added since `order` was last rebuilt, in id order.
    recent: Vec<usize>,
}

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        Self {
            entries: IndexMap::default(),
            order: Vec::new(),
            recent: Vec::new(),
        }
    }
}

impl<K, V> IdMap<K, V> {
    /// The id of the record at `at` in `entries`.
    fn key(&self, at: usize) -> Option<&K> {
        self.entries.get_index(at).map(|(k, _)| k)
    }
}

impl<K: Hash + Eq + Ord, V> IdMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of records.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no record.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The record with this id.
    #[inline]
    pub fn get<Q>(&self, id: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.entries.get(id)
    }

    /// The record with this id, to change it.
    #[inline]
    pub fn get_mut<Q>(&mut self, id: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.entries.get_mut(id)
    }

    /// Whether a record has this id.
    #[inline]
    pub fn contains_key<Q>(&self, id: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.entries.contains_key(id)
    }

    /// Puts `value` under `id`; returns the record it replaces, if any (its place in the order
    /// is kept).
    pub fn insert(&mut self, id: K, value: V) -> Option<V> {
        if let Some(slot) = self.entries.get_mut(&id) {
            return Some(std::mem::replace(slot, value));
        }
        // Ids often arrive in order (a plan's tasks, numbered): try the end first.
        let after_all = |&i: &usize| self.key(i).is_some_and(|k| *k < id);
        let at = if self.recent.last().map_or(true, after_all) {
            self.recent.len()
        } else {
            self.recent.partition_point(after_all)
        };
        self.recent.insert(at, self.entries.len());
        self.entries.insert(id, value);
        // About √n: 2 to the half of n's bit length.
        let root = 1usize << ((usize::BITS - self.order.len().leading_zeros()) / 2);
        if self.recent.len() > 16 + root {
            self.merge_recent();
        }
        None
    }

    /// Gives back the spare room the map's lists grew into (a map that has just been built and
    /// is mostly read, as a loaded journal's).
    pub fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
        self.order.shrink_to_fit();
        self.recent.shrink_to_fit();
    }

    /// Folds `recent` into `order`: each recent position is placed by a binary search, and the
    /// runs of `order` between them are copied whole.
    fn merge_recent(&mut self) {
        let mut merged = Vec::with_capacity(self.order.len() + self.recent.len());
        let mut rest = self.order.as_slice();
        for &added in &self.recent {
            let id = self.key(added);
            let before = rest.partition_point(|&i| self.key(i) < id);
            if let Some((run, after)) = rest.split_at_checked(before) {
                merged.extend_from_slice(run);
                rest = after;
            }
            merged.push(added);
        }
        merged.extend_from_slice(rest);
        self.order = merged;
        self.recent.clear();
    }

    /// Takes the record with this id out, gives it to `step`, and puts what `step` returns in its
    /// place (a state machine's transition by value); returns `step`'s answer, or `None` when no
    /// record has this id. The record keeps its place, and no other record moves.
    pub fn replace_with<Q, R>(&mut self, id: &Q, step: impl FnOnce(V) -> (V, R)) -> Option<R>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (at, key, value) = self.entries.swap_remove_full(id)?;
        let (value, answer) = step(value);
        // The last record was moved to `at`; the record comes back at the end: swap them back.
        let (end, _) = self.entries.insert_full(key, value);
        self.entries.swap_indices(at, end);
        Some(answer)
    }

    /// Takes the record with this id out of the map. The library never does (records are kept);
    /// this is for a caller rearranging its own copy, and costs a pass over the map.
    pub fn remove<Q>(&mut self, id: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let (at, _, value) = self.entries.swap_remove_full(id)?;
        // The last record took position `at`.
        let moved = self.entries.len();
        for list in [&mut self.order, &mut self.recent] {
            list.retain(|&i| i != at);
            for i in list.iter_mut() {
                if *i == moved {
                    *i = at;
                }
            }
        }
        Some(value)
    }

    /// The ids and records, in id order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter {
            map: self,
            order: &self.order,
            recent: &self.recent,
        }
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.iter().map(|(k, _)| k)
    }

    /// The records, in id order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.iter().map(|(_, v)| v)
    }
}

/// The ids and records of an [`IdMap`], in id order: its two sorted lists of positions walked
/// together from both ends.
pub struct Iter<'a, K, V> {
    map: &'a IdMap<K, V>,
    order: &'a [usize],
    recent: &'a [usize],
}

impl<'a, K: Ord, V> Iter<'a, K, V> {
    fn entry(&self, at: usize) -> Option<(&'a K, &'a V)> {
        self.map.entries.get_index(at)
    }

    /// Takes the next position from the front (`first`) or the back of the two lists: the one
    /// whose id comes first (or last).
    fn take(&mut self, first: bool) -> Option<usize> {
        let (o, r) = if first {
            (self.order.first(), self.recent.first())
        } else {
            (self.order.last(), self.recent.last())
        };
        let from_order = match (o, r) {
            (None, None) => return None,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some(&o), Some(&r)) => {
                let (ko, kr) = (self.map.key(o), self.map.key(r));
                if first {
                    ko < kr
                } else {
                    ko > kr
                }
            }
        };
        let list = if from_order {
            &mut self.order
        } else {
            &mut self.recent
        };
        let (taken, rest) = if first {
            list.split_first()?
        } else {
            list.split_last()?
        };
        *list = rest;
        Some(*taken)
    }
}

impl<'a, K: Ord, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.take(true)?;
        self.entry(at)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.order.len() + self.recent.len();
        (len, Some(len))
    }
}

impl<K: Ord, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let at = self.take(false)?;
        self.entry(at)
    }
}

impl<K: Ord, V> ExactSizeIterator for Iter<'_, K, V> {}

impl<'a, K: Hash + Eq + Ord, V> IntoIterator for &'a IdMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: Hash + Eq + Ord, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Self::new();
        map.extend(iter);
        map
    }
}

impl<K: Hash + Eq + Ord, V> Extend<(K, V)> for IdMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

/// Equal when they hold the same records under the same ids (as two `BTreeMap`s are).
impl<K: Hash + Eq + Ord, V: PartialEq> PartialEq for IdMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<K: Hash + Eq + Ord + fmt::Debug, V: fmt::Debug> fmt::Debug for IdMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Written as a JSON object in id order, exactly as a `BTreeMap` is.
impl<K: Hash + Eq + Ord + Serialize, V: Serialize> Serialize for IdMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Read from a JSON object in any order; a repeated id keeps its last record, as a `BTreeMap`
/// read by serde does.
impl<'de, K, V> Deserialize<'de> for IdMap<K, V>
where
    K: Hash + Eq + Ord + Deserialize<'de>,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for MapVisitor<K, V>
        where
            K: Hash + Eq + Ord + Deserialize<'de>,
            V: Deserialize<'de>,
        {
            type Value = IdMap<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by id")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = IdMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// The same schema as a `BTreeMap` of the same types: an object keyed by id.
#[cfg(feature = "schema")]
impl<K: schemars::JsonSchema, V: schemars::JsonSchema> schemars::JsonSchema for IdMap<K, V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<K, V>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<K, V>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Inserted in any order, with ids replaced, the map lists, serialises, reads back and
    /// compares as a `BTreeMap` fed the same inserts does.
    #[test]
    fn behaves_as_a_btree_map_does() {
        let inserts = [
            ("x02-01", 1),
            ("x01-10", 2),
            ("x01-02", 3),
            ("x02-01", 4),
            ("a", 5),
            ("x01-02\u{0}", 6),
            ("zz", 7),
            ("x01-02", 8),
        ];
        let mut map = IdMap::new();
        let mut tree = BTreeMap::new();
        for (k, v) in inserts {
            assert_eq!(map.insert(k.to_owned(), v), tree.insert(k.to_owned(), v));
            assert!(map.iter().eq(tree.iter()));
            assert!(map.iter().rev().eq(tree.iter().rev()));
        }
        assert_eq!(map.len(), tree.len());
        assert_eq!(map.get("x01-02"), Some(&8));
        assert!(!map.contains_key("x01"));
        assert!(map.keys().eq(tree.keys()));
        assert!(map.values().eq(tree.values()));
        let json = serde_json::to_string(&map).unwrap_or_default();
        assert_eq!(json, serde_json::to_string(&tree).unwrap_or_default());
        let back: IdMap<String, i32> =
            serde_json::from_str(r#"{"b":1,"a":2,"c":3,"a":4}"#).unwrap_or_default();
        assert_eq!(
            serde_json::to_string(&back).ok().as_deref(),
            Some(r#"{"a":4,"b":1,"c":3}"#)
        );
        let reordered: IdMap<String, i32> = tree.clone().into_iter().rev().collect();
        assert_eq!(reordered, map);
        if let Some(v) = map.get_mut("zz") {
            *v = 9;
        }
        assert_ne!(reordered, map);
        assert_eq!(format!("{map:?}").split(", ").next(), Some("{\"a\": 5"));
        for id in ["a", "x01-02", "zz", "x02-01"] {
            let before: Vec<(String, i32)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
            assert_eq!(
                map.replace_with(id, |v| (v * 10, v)),
                map.get(id).map(|v| v / 10)
            );
            let after: Vec<(String, i32)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
            let expected: Vec<(String, i32)> = before
                .into_iter()
                .map(|(k, v)| if k == id { (k, v * 10) } else { (k, v) })
                .collect();
            assert_eq!(after, expected);
        }
        assert_eq!(map.replace_with("missing", |v| (v, ())), None);
        for id in ["x01-02", "a", "zz", "missing"] {
            let kept = map.get(id).copied();
            assert_eq!(map.remove(id), kept);
            tree.remove(id);
            assert!(map.keys().eq(tree.keys()));
            assert!(tree.keys().all(|k| map.get(k).is_some()) && map.get(id).is_none());
        }
        map.insert("b".to_owned(), 1);
        tree.insert("b".to_owned(), 1);
        assert!(map.keys().eq(tree.keys()));
    }

    /// Thousands of ids in a scrambled order (so that the recent list is merged many times),
    /// some removed and replaced: listed from both ends as a `BTreeMap` lists them.
    #[test]
    fn many_inserts_keep_the_order() {
        let mut map = IdMap::new();
        let mut tree = BTreeMap::new();
        let mut x: u64 = 7;
        for n in 0..5_000u32 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let id = format!("xom-{:02}-t{}", (x >> 33) % 40, (x >> 40) % 3_000);
            assert_eq!(map.insert(id.clone(), n), tree.insert(id.clone(), n));
            if n % 97 == 0 {
                assert_eq!(map.remove(&id), tree.remove(&id));
            }
            if n % 499 == 0 {
                assert!(map.iter().eq(tree.iter()));
                assert!(map.iter().rev().eq(tree.iter().rev()));
            }
        }
        assert!(map.iter().eq(tree.iter()));
        assert!(map.iter().rev().eq(tree.iter().rev()));
        let mut both = map.iter();
        let mut expected = tree.iter();
        while let (Some(a), Some(b)) = (both.next(), expected.next()) {
            assert_eq!(a, b);
            assert_eq!(both.next_back(), expected.next_back());
            assert_eq!(both.len(), expected.len());
        }
    }

    /// Runs of ids in order (as a plan's numbered tasks arrive), between and after ids out of
    /// order: the end of the recent list is tried first, and must still land each id in place.
    #[test]
    fn ids_in_order_keep_the_order() {
        let mut map = IdMap::new();
        let mut tree = BTreeMap::new();
        for run in 0..60u32 {
            let cell = (run * 7) % 13;
            for task in 0..25u32 {
                let id = format!("xom-{cell:02}-2025-{run:02}-t{task:02}");
                assert_eq!(map.insert(id.clone(), task), tree.insert(id, task));
            }
            let stray = format!("a-{}", 60 - run);
            assert_eq!(map.insert(stray.clone(), run), tree.insert(stray, run));
            assert!(map.iter().eq(tree.iter()));
        }
        assert!(map.iter().rev().eq(tree.iter().rev()));
    }
}
