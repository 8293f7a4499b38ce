//! The chain: each record's sequence number follows the one before, and its `prev` is the hash
//! of the record before it.

use super::digest::Digest;
#[cfg(doc)]
use super::digest::GENESIS;
use super::record::{decode, decode_envelope, Record};
use crate::error::{Error, JournalError};
use serde::{Deserialize, Serialize};

/// Where a journal ends: its last sequence number and hash. Handed over with a journal (printed
/// on the minutes book's last page, say), it seals the end: records removed from or added to
/// the end are then detected by [`verify_sealed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Head {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last record's hash ([`GENESIS`] for an empty journal).
    pub hash: Digest,
}

/// Checks records one by one as they are read.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    head: Head,
}

impl Chain {
    /// A chain with no records yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A chain continuing after `head`.
    pub fn after(head: Head) -> Self {
        Self { head }
    }

    /// Where the chain ends so far.
    pub fn head(&self) -> Head {
        self.head
    }

    /// Decodes line number `line_no` and checks that it follows the chain; on success the chain
    /// moves on to it.
    pub fn next(&mut self, line_no: u64, line: &[u8]) -> Result<Record, Error> {
        let record = decode(line_no, line)?;
        self.accept(line_no, record.seq, record.prev, record.hash)?;
        Ok(record)
    }

    /// [`Chain::next`] without building the event (the chain and layout only).
    fn next_envelope(&mut self, line_no: u64, line: &[u8]) -> Result<(), Error> {
        let envelope = decode_envelope(line_no, line)?;
        self.accept(line_no, envelope.seq, envelope.prev, envelope.hash)
    }

    pub(super) fn accept(
        &mut self,
        line_no: u64,
        seq: u64,
        prev: Digest,
        hash: Digest,
    ) -> Result<(), Error> {
        let expected = self.head.seq.saturating_add(1);
        if seq != expected {
            return Err(JournalError::Sequence {
                line: line_no,
                expected,
                found: seq,
            }
            .into());
        }
        // An empty chain's head hash is GENESIS, the first record's `prev`.
        if prev != self.head.hash {
            return Err(JournalError::BrokenLink { line: line_no }.into());
        }
        self.head = Head { seq, hash };
        Ok(())
    }
}

/// The lines of a journal with their 1-based numbers, without their newlines. A final newline
/// is optional; an empty line elsewhere is a line (and will not decode).
pub fn lines(text: &[u8]) -> impl Iterator<Item = (u64, &[u8])> {
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    // The newlines found with `memchr` (many bytes per step), then one more line after the last.
    let ends = memchr::memchr_iter(b'\n', body).chain(std::iter::once(body.len()));
    let mut start = 0;
    let mut numbers = 1u64..;
    ends.filter(move |_| !text.is_empty()).map(move |end| {
        let line = body.get(start..end).unwrap_or_default();
        start = end + 1;
        (numbers.next().unwrap_or(u64::MAX), line)
    })
}

/// Checks a whole journal's chain (each record intact, in the canonical layout, and in order)
/// without replaying it, and returns where it ends. Names the first line that was altered,
/// removed, reordered or inserted. The events' content (known actions, valid dates, the rules) is
/// checked by [`super::Journal::load`], not here.
pub fn verify(text: impl AsRef<[u8]>) -> Result<Head, Error> {
    let text = text.as_ref();
    super::check_form(text)?;
    let mut chain = Chain::new();
    for (line_no, line) in lines(text) {
        chain.next_envelope(line_no, line)?;
    }
    Ok(chain.head())
}

/// [`verify`], and checks that the journal ends at `seal` (nothing removed from or added to the
/// end since the seal was taken).
pub fn verify_sealed(text: impl AsRef<[u8]>, seal: &Head) -> Result<Head, Error> {
    let head = verify(text)?;
    if head != *seal {
        return Err(JournalError::HeadMismatch {
            expected_seq: seal.seq,
            expected_hash: seal.hash.to_hex(),
            found_seq: head.seq,
            found_hash: head.hash.to_hex(),
        }
        .into());
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::lines;

    /// The lines as a plain byte-by-byte split gives them.
    fn split(text: &[u8]) -> Vec<(u64, Vec<u8>)> {
        if text.is_empty() {
            return Vec::new();
        }
        let body = text.strip_suffix(b"\n").unwrap_or(text);
        (1u64..)
            .zip(body.split(|&b| b == b'\n'))
            .map(|(n, l)| (n, l.to_vec()))
            .collect()
    }

    #[test]
    fn lines_are_numbered_from_one_with_an_optional_final_newline() {
        for text in [
            "", "\n", "\n\n", "a", "a\n", "a\nb", "a\nb\n", "a\n\nb\n", "\na", "a\n\n", "ăb\nc",
        ] {
            let got: Vec<(u64, Vec<u8>)> = lines(text.as_bytes())
                .map(|(n, l)| (n, l.to_vec()))
                .collect();
            assert_eq!(got, split(text.as_bytes()), "{text:?}");
        }
    }
}
