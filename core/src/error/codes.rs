//! [`CODES`](super::CODES) computed at compile time from the declarations ([`Declaration`]): every
//! code once, sorted, so that a refusal added to its concern's `refusals!` is listed with no other
//! edit. (Indexing here runs only in `const` evaluation: out of bounds is a compile error, never
//! a panic at run time.)

#![allow(clippy::indexing_slicing)]

use super::Declaration;

/// Whether `a` sorts strictly before `b`, byte by byte (`str`'s `Ord`, in a `const fn`).
const fn before(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The least code of `kinds` that sorts after `after` (after nothing: the least of all).
const fn next_after(kinds: &[&[Declaration]], after: Option<&str>) -> Option<&'static str> {
    let mut least: Option<&'static str> = None;
    let mut k = 0;
    while k < kinds.len() {
        let mut d = 0;
        while d < kinds[k].len() {
            let code = kinds[k][d].code;
            let later = match after {
                Some(after) => before(after, code),
                None => true,
            };
            let less = match least {
                Some(least) => before(code, least),
                None => true,
            };
            if later && less {
                least = Some(code);
            }
            d += 1;
        }
        k += 1;
    }
    least
}

/// How many distinct codes `kinds` declare.
pub(super) const fn distinct(kinds: &[&[Declaration]]) -> usize {
    let mut count = 0;
    let mut last = next_after(kinds, None);
    while let Some(code) = last {
        count += 1;
        last = next_after(kinds, Some(code));
    }
    count
}

/// The `N` distinct codes `kinds` declare, sorted (`N` is [`distinct`]'s count).
pub(super) const fn sorted<const N: usize>(kinds: &[&[Declaration]]) -> [&'static str; N] {
    let mut codes = [""; N];
    let mut i = 0;
    let mut last = next_after(kinds, None);
    while let Some(code) = last {
        codes[i] = code;
        i += 1;
        last = next_after(kinds, Some(code));
    }
    codes
}
