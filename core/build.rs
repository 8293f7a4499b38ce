//! Generates the table behind `ids::compose`: every precomposed Latin letter (U+00C0–U+024F,
//! U+1E00–U+1EFF) that is its own NFC form, with its canonical decomposition (an ASCII letter and
//! combining marks of U+0300–U+036F), and the canonical combining class of those marks. The table
//! comes from the well-kept `unicode-normalization` crate at build time, so the library carries a
//! few kilobytes instead of every script's normalisation tables (about 60 KB gzipped in the wasm
//! build).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a build script speaks to cargo on stdout

use std::fmt::Write as _;
use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

fn main() {
    let mut rows: Vec<(char, char, Vec<char>)> = Vec::new();
    for cp in (0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d));
        let Some((&base, marks)) = parts.split_first() else {
            continue;
        };
        let is_nfc = c.to_string().nfc().eq(std::iter::once(c));
        let latin = base.is_ascii_alphabetic()
            && !marks.is_empty()
            && marks.iter().all(|m| ('\u{300}'..='\u{36F}').contains(m));
        if is_nfc && latin {
            rows.push((c, base, marks.to_vec()));
        }
    }
    // Sorted by base letter and marks, for a binary search when composing.
    rows.sort_by(|a, b| (a.1, &a.2).cmp(&(b.1, &b.2)));
    let mut out = String::from("/// Precomposed Latin letters: (letter, base, marks in canonical order), sorted by base and marks.\n");
    out.push_str("pub(super) const LATIN: &[(char, char, &[char])] = &[\n");
    for (c, base, marks) in &rows {
        let marks: Vec<String> = marks
            .iter()
            .map(|m| format!("'\\u{{{:X}}}'", u32::from(*m)))
            .collect();
        let _ = writeln!(
            out,
            "    ('\\u{{{:X}}}', '{base}', &[{}]),",
            u32::from(*c),
            marks.join(", ")
        );
    }
    out.push_str("];\n\n/// The canonical combining class of U+0300..=U+036F.\npub(super) const MARK_CLASS: [u8; 0x70] = [");
    for cp in 0x300..=0x36F {
        let class = char::from_u32(cp).map_or(0, canonical_combining_class);
        let _ = write!(out, "{class}, ");
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_owned());
    let path = std::path::Path::new(&dir).join("latin_nfc.rs");
    if let Err(e) = std::fs::write(&path, out) {
        eprintln!("cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed=build.rs");
}
