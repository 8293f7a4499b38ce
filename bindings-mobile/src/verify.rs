//! Checking a journal without replaying it (what an inspector runs on a copy), and the list of
//! refusal codes.

use crate::error::ChiboError;
use crate::journal_file::TornTail;

/// Where a journal ends: its last sequence number and hash. Handed over with the file, it seals
/// the journal: nothing can be cut off its end unnoticed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Head {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last record's hash (SHA-256, hex).
    pub hash: String,
}

impl From<chibo::journal::Head> for Head {
    fn from(head: chibo::journal::Head) -> Self {
        Self {
            seq: head.seq,
            hash: head.hash.to_hex(),
        }
    }
}

/// What checking a journal file found.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Verified {
    /// Where the complete records end.
    pub head: Head,
    /// An unterminated last line that is not a whole record, left in place.
    pub torn: Option<TornTail>,
    /// The last record is whole but lacks its line feed (opening the file adds it).
    pub newline_missing: bool,
}

/// What repairing a journal file did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Repaired {
    /// Where the journal ends (unchanged by the repair).
    pub head: Head,
    /// Where the original file was kept (`<journal>.before-repair`).
    pub kept: String,
}

/// Verifies a journal's hash chain (JSON Lines text) without replaying it, and returns where it
/// ends. A broken chain is `journal.*`, naming the line.
#[uniffi::export]
pub fn verify_journal(text: String) -> Result<Head, ChiboError> {
    Ok(chibo::journal::verify(text)?.into())
}

/// Verifies a journal file's chain without locking or changing it; an unterminated last line is
/// reported, not cut.
#[uniffi::export]
pub fn verify_journal_file(path: String) -> Result<Verified, ChiboError> {
    let verified = chibo_store::verify_file(path)?;
    Ok(Verified {
        head: verified.head.into(),
        torn: verified.torn.map(Into::into),
        newline_missing: verified.newline_missing,
    })
}

/// Rewrites a journal (JSON Lines text) saved with CR LF or CR line endings, or a byte-order mark,
/// in the journal's own form, after checking every record's hash; returns the text.
#[uniffi::export]
pub fn repair_journal(text: String) -> Result<String, ChiboError> {
    Ok(chibo::journal::repair(text.as_bytes())?.0)
}

/// Rewrites a journal file saved with CR LF or CR line endings, or a byte-order mark, in the
/// journal's own form, after checking every record's hash; the original is kept beside it.
#[uniffi::export]
pub fn repair_journal_file(path: String) -> Result<Repaired, ChiboError> {
    let (head, kept) = chibo_store::repair_file(path)?;
    Ok(Repaired {
        head: head.into(),
        kept: kept.display().to_string(),
    })
}

/// Every refusal code the core and the journal file can give, sorted within each.
#[uniffi::export]
pub fn refusal_codes() -> Vec<String> {
    chibo::error::CODES
        .iter()
        .chain(chibo_store::STORE_CODES)
        .map(|c| (*c).to_owned())
        .collect()
}
