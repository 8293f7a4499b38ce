//! SplitMix64: a tiny seeded pseudo-random generator, the same on every machine, so that one seed
//! always gives the same province.

/// A SplitMix64 generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// A generator for item `index` of a collection drawn from `seed` (one commune of a
    /// province, say): each item's stream is independent of how many items come before it.
    pub fn for_item(seed: u64, index: u64) -> Self {
        let mut outer = Self::new(seed ^ 0xC0FF_EE00_D15E_A5E5);
        let mut inner = Self::new(outer.next_u64() ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        Self::new(inner.next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// A number in `lo..=hi` (`lo` when `hi <= lo`).
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        let span = u64::from(hi - lo) + 1;
        lo + u32::try_from(self.next_u64() % span).unwrap_or(0)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.next_u64() % 100 < u64::from(percent)
    }

    /// One item of a slice, or `None` when it is empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len());
        items.get(i)
    }

    /// One text of a list (the empty text when the list is empty).
    pub fn text(&mut self, items: &[&'static str]) -> &'static str {
        self.pick(items).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_items_differ() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(7).next_u64()).collect();
        assert!(a.windows(2).all(|w| w.first() == w.get(1)));
        let mut x = Rng::for_item(7, 0);
        let mut y = Rng::for_item(7, 1);
        assert_ne!(x.next_u64(), y.next_u64());
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            let v = r.range(3, 5);
            assert!((3..=5).contains(&v));
            assert!(r.below(4) < 4);
        }
        assert_eq!(r.below(0), 0);
    }
}
