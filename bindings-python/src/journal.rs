//! Checking a journal without keeping it: the chain of hashes, and the seal an inspector was given;
//! rewriting a journal an editor saved with other line endings; and the warning given when
//! opening a file recovered a torn tail or a missing line feed.

use crate::{convert, error};
use chibo::error::InputError;
use chibo::journal::{verify_sealed, Digest, Head};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyAny, PyType};
use std::path::PathBuf;

static RECOVERED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn bad_seal(detail: &str) -> PyErr {
    error::refusal(&InputError::malformed(format!(
        "the seal is not (seq, hash): {detail}"
    )))
}

/// A seal given as `(seq, hash)`: a sequence number from 0 and 64 lowercase hex digits.
fn seal_of(seal: &Bound<'_, PyAny>) -> PyResult<Head> {
    let (seq, hash): (Bound<'_, PyAny>, Bound<'_, PyAny>) = seal
        .extract()
        .map_err(|_| bad_seal("give a pair such as (24, \"ab12…\")"))?;
    let seq: i128 = seq
        .extract()
        .map_err(|_| bad_seal("the sequence number is not an integer"))?;
    let seq = u64::try_from(seq)
        .map_err(|_| bad_seal("the sequence number must be from 0 to 18446744073709551615"))?;
    let hash: String = hash
        .extract()
        .map_err(|_| bad_seal("the hash is not a string"))?;
    let hash = Digest::from_hex(&hash)
        .ok_or_else(|| bad_seal("the hash is not 64 lowercase hex digits"))?;
    Ok(Head { seq, hash })
}

/// Checks a journal's text (JSON Lines, as `str` or `bytes`): each record intact, in the
/// canonical layout and in order, without replaying it. With `seal=(seq, hash)` also checks that
/// it ends exactly there (records cut from or added to the end). Returns where it ends as
/// `(seq, hash)`; raises `JournalError` naming the first bad line.
#[pyfunction]
#[pyo3(signature = (text, *, seal=None))]
pub fn verify(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    seal: Option<&Bound<'_, PyAny>>,
) -> PyResult<(u64, String)> {
    let seal = seal.filter(|s| !s.is_none()).map(seal_of).transpose()?;
    let bytes = convert::journal_bytes(text)?;
    let head = py
        .detach(|| match &seal {
            None => chibo::journal::verify(&bytes),
            Some(seal) => verify_sealed(&bytes, seal),
        })
        .map_err(|e| error::refusal(&e))?;
    Ok((head.seq, head.hash.to_hex()))
}

/// Checks a journal file's chain without locking, changing or replaying it (what an inspector
/// runs on a copy). Returns `(seq, hash, torn)`: where the records end, and whether an
/// unterminated last line that is not a whole record (a write interrupted by a crash) follows
/// them. A whole last record without its line feed counts as a record.
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

/// Rewrites a journal (as `str` or `bytes`) saved with CR LF or CR line endings, or a byte-order
/// mark, in the journal's own form, after checking every record's hash; returns the text. Raises
/// `JournalError` naming the first record that does not verify (then nothing is rewritten).
#[pyfunction]
pub fn repair(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let bytes = convert::journal_bytes(text)?;
    py.detach(|| chibo::journal::repair(&bytes))
        .map(|(text, _)| text)
        .map_err(|e| error::refusal(&e))
}

/// Rewrites a journal file saved with CR LF or CR line endings, or a byte-order mark, in the
/// journal's own form, after checking every record's hash. The original is kept beside it as
/// `<journal>.before-repair`. Returns `(seq, hash, kept)`: where the journal ends and the path of
/// the original. Raises `JournalError` (nothing changed) or `StoreError`.
#[pyfunction]
pub fn repair_file(py: Python<'_>, path: PathBuf) -> PyResult<(u64, String, PathBuf)> {
    let (head, kept) = py
        .detach(|| chibo_store::repair_file(&path))
        .map_err(|e| error::store(&e))?;
    Ok((head.seq, head.hash.to_hex(), kept))
}

/// Warns (`chibo.JournalRecoveredWarning`) when opening a journal file cut a torn tail (saved
/// first) or added a missing line feed: nothing was lost, but someone should know.
pub fn warn_recovered(py: Python<'_>, opened: &chibo_store::Opened) -> PyResult<()> {
    let message = match (&opened.torn, opened.newline_added) {
        (Some(torn), _) => format!(
            "Sổ ghi có dòng {} ghi dở ({} byte, do máy tắt đột ngột khi đang ghi): đã lưu sang {} rồi cắt khỏi sổ; mọi bản ghi đã xác nhận vẫn còn đủ. / Line {} was half-written ({} bytes, a write cut short): saved to {} and cut; every acknowledged record is there.",
            torn.line,
            torn.bytes,
            torn.saved_to.as_deref().map_or_else(String::new, |p| p.display().to_string()),
            torn.line,
            torn.bytes,
            torn.saved_to.as_deref().map_or_else(String::new, |p| p.display().to_string()),
        ),
        (None, true) => "Bản ghi cuối thiếu ký tự xuống dòng (tệp đã được lưu bằng trình soạn thảo): đã thêm vào, không mất bản ghi nào. / The last record lacked its line feed (an editor saved the file): it was added; no record was lost.".to_owned(),
        (None, false) => return Ok(()),
    };
    let category = RECOVERED.import(py, "chibo.errors", "JournalRecoveredWarning")?;
    let message = std::ffi::CString::new(message.replace('\0', ""))
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    PyErr::warn(py, category.as_any(), &message, 2)
}
