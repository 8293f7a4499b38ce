//! Comparing an id's bytes a word at a time.
//!
//! Applying a command compares and hashes ids hundreds of times (every role check, roll entry,
//! ballot and record found by id). As strings, each comparison was a call to the C library's
//! `memcmp`, and in WebAssembly a loop over single bytes; with ids of 5 to 20 bytes, two or
//! three loads of a word each answer it. The answers are those of the ids' text: equal when the
//! bytes are, ordered as the bytes are (as `str` orders them).
//!
//! Short slices are read as two words that may overlap (the first and the last 8, 4 or 2 bytes),
//! the usual way to compare a few bytes without a byte loop: every byte is in one of them.

use std::cmp::Ordering;

/// The `N` bytes of `bytes` from `at` (zeros when out of range, which the callers never ask
/// for).
#[inline(always)]
fn word<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    bytes
        .get(at..at + N)
        .and_then(|part| part.try_into().ok())
        .unwrap_or([0; N])
}

/// The 8 bytes of `bytes` from `at`, as a big-endian number: two compare as their bytes do.
#[inline(always)]
fn words8(bytes: &[u8], at: usize) -> u64 {
    u64::from_be_bytes(word::<8>(bytes, at))
}

/// Orders the first `len` bytes of `a` and `b` (both at least `len` long), lexicographically.
#[inline]
fn cmp_prefix(a: &[u8], b: &[u8], len: usize) -> Ordering {
    if len >= 8 {
        let mut at = 0;
        while at + 8 < len {
            match words8(a, at).cmp(&words8(b, at)) {
                Ordering::Equal => at += 8,
                other => return other,
            }
        }
        // The last 8 bytes, overlapping bytes already found equal.
        words8(a, len - 8).cmp(&words8(b, len - 8))
    } else if len >= 4 {
        let pair = |bytes: &[u8]| {
            (
                u32::from_be_bytes(word::<4>(bytes, 0)),
                u32::from_be_bytes(word::<4>(bytes, len - 4)),
            )
        };
        pair(a).cmp(&pair(b))
    } else if len >= 2 {
        let pair = |bytes: &[u8]| {
            (
                u16::from_be_bytes(word::<2>(bytes, 0)),
                u16::from_be_bytes(word::<2>(bytes, len - 2)),
            )
        };
        pair(a).cmp(&pair(b))
    } else if len == 1 {
        a.first().cmp(&b.first())
    } else {
        Ordering::Equal
    }
}

/// Whether `a` and `b` hold the same bytes.
#[inline]
pub(super) fn eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && cmp_prefix(a, b, a.len()).is_eq()
}

/// Orders `a` and `b` as their bytes, lexicographically (as `[u8]` and `str` order them).
#[inline]
pub(super) fn cmp(a: &[u8], b: &[u8]) -> Ordering {
    let len = a.len().min(b.len());
    cmp_prefix(a, b, len).then(a.len().cmp(&b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short byte strings of every length from 0 to 20 over a small alphabet, a zero byte
    /// included, with their neighbours: each compared with each.
    fn samples() -> Vec<Vec<u8>> {
        let alphabet = [0u8, b'-', b'0', b'9', b'a', b'z', 0xc3, 0xff];
        let mut out = vec![Vec::new()];
        for len in 1..=20usize {
            for seed in 0..12usize {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| alphabet[(seed * 7 + i * (seed + 3) + len) % alphabet.len()])
                    .collect();
                for change in [0, len / 2, len - 1] {
                    let mut other = bytes.clone();
                    other[change] = other[change].wrapping_add(1);
                    out.push(other);
                }
                out.push(bytes);
            }
        }
        out
    }

    #[test]
    fn compares_as_the_bytes_do() {
        let samples = samples();
        for a in &samples {
            for b in &samples {
                assert_eq!(cmp(a, b), a.as_slice().cmp(b.as_slice()), "{a:?} {b:?}");
                assert_eq!(eq(a, b), a == b, "{a:?} {b:?}");
                // Every prefix of `b` too (ids that begin alike).
                for end in 0..b.len() {
                    assert_eq!(cmp(a, &b[..end]), a.as_slice().cmp(&b[..end]));
                }
            }
        }
    }
}
