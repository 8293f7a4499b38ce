//! Checking a journal without keeping it: the chain of hashes, and the seal an inspector was given.

use crate::error;
use chibo::journal::{verify_sealed, Digest, Head};
use pyo3::prelude::*;
use std::path::PathBuf;

/// Checks a journal's text (JSON Lines): each record intact, in the canonical layout and in
/// order, without replaying it. With `seal=(seq, hash)` also checks that it ends exactly there
/// (records cut from or added to the end). Returns where it ends as `(seq, hash)`; raises
/// `JournalError` naming the first bad line.
#[pyfunction]
#[pyo3(signature = (text, *, seal=None))]
pub fn verify(py: Python<'_>, text: &str, seal: Option<(u64, String)>) -> PyResult<(u64, String)> {
    let seal = match seal {
        None => None,
        Some((seq, hash)) => Some(Head {
            seq,
            hash: Digest::from_hex(&hash).ok_or_else(|| {
                error::refusal(&chibo::error::InputError::malformed(
                    "the seal's hash is not 64 lowercase hex digits",
                ))
            })?,
        }),
    };
    let head = py
        .detach(|| match &seal {
            None => chibo::journal::verify(text),
            Some(seal) => verify_sealed(text, seal),
        })
        .map_err(|e| error::refusal(&e))?;
    Ok((head.seq, head.hash.to_hex()))
}

/// Checks a journal file's chain without locking, changing or replaying it (what an inspector
/// runs on a copy). Returns `(seq, hash, torn)`: where the complete records end, and whether an
/// unterminated last line (a write interrupted by a crash) follows them.
#[pyfunction]
pub fn verify_file(py: Python<'_>, path: PathBuf) -> PyResult<(u64, String, bool)> {
    let verified = py
        .detach(|| chibo_store::verify_file(&path))
        .map_err(|e| error::store(&e))?;
    Ok((
        verified.head.seq,
        verified.head.hash.to_hex(),
        verified.torn.is_some(),
    ))
}
