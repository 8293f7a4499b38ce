//! The bytes of a journal file as a crash, an editor or a copy may leave them, read without
//! losing a record.
//!
//! The journal writes every record as one line ending with a line feed, appended in one write. So
//! the only damage a crash can leave is at the very end: bytes after the last line feed that are
//! not a whole record (a write cut short, or zeros the file system added). That is a *torn tail*:
//! it was never acknowledged, and the store cuts it after saving its bytes beside the journal.
//! Everything else keeps every byte:
//!
//! - a whole, valid last record without its line feed (an editor saved the file) is kept, and the
//!   store adds the line feed;
//! - CR LF or CR line endings and a byte-order mark, which chibo never writes, are refused with a
//!   typed error naming the line ([`JournalError::LineEnding`], [`JournalError::ByteOrderMark`])
//!   and nothing is changed; [`repair`] rewrites such a file in the journal's own form, but only
//!   after every record's hash has been checked;
//! - any other damage is refused by the chain's checks, naming the line.

use super::chain::{lines, verify, Head};
use super::record::decode;
use crate::error::{Error, JournalError};
use serde::Serialize;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What follows the journal's last line feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Tail {
    /// Nothing: the file ends with a line feed (or is empty).
    Clean,
    /// A whole record that only lacks its line feed: kept; the line feed is to be added.
    MissingNewline,
    /// Bytes that are not a whole record, left by a write cut short.
    Torn(TornTail),
}

/// An unterminated last line that is not a whole record: what a crash mid-append leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TornTail {
    /// Its line number.
    pub line: u64,
    /// The byte offset where it starts (the file's length once it is cut).
    pub offset: u64,
    /// How many bytes it has.
    pub bytes: u64,
}

/// How a journal file's bytes divide into records and what follows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// How many leading bytes hold the records (a [`Tail::MissingNewline`] record included).
    pub records_end: usize,
    /// What follows the last line feed.
    pub tail: Tail,
}

/// Refuses bytes chibo never writes at the level of lines: a byte-order mark, or a carriage
/// return anywhere (JSON text escapes it, so a raw one can only be a line ending an editor or a
/// copy put there), naming the first line so ended.
pub fn check_form(bytes: &[u8]) -> Result<(), Error> {
    if bytes.starts_with(BOM) {
        return Err(JournalError::ByteOrderMark.into());
    }
    // memchr's search, many bytes at a time: a byte-by-byte scan of the whole text was 3 % of
    // the instructions of loading a journal.
    let Some(cr) = memchr::memchr(b'\r', bytes) else {
        return Ok(());
    };
    let before = bytes.get(..cr).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count();
    let ending = if bytes.get(cr + 1) == Some(&b'\n') {
        "CR LF"
    } else {
        "CR"
    };
    Err(JournalError::LineEnding {
        line: u64::try_from(line).unwrap_or(u64::MAX).saturating_add(1),
        ending: ending.to_owned(),
    }
    .into())
}

/// Divides a journal file's bytes ([`check_form`] first): the records, and a tail that is clean,
/// a whole record lacking its line feed, or torn.
pub fn layout(bytes: &[u8]) -> Result<Layout, Error> {
    check_form(bytes)?;
    let end = bytes
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let (complete, tail) = bytes.split_at(end);
    if tail.is_empty() {
        return Ok(Layout {
            records_end: end,
            tail: Tail::Clean,
        });
    }
    let line = u64::try_from(lines(complete).count())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    if decode(line, tail).is_ok() {
        return Ok(Layout {
            records_end: bytes.len(),
            tail: Tail::MissingNewline,
        });
    }
    Ok(Layout {
        records_end: end,
        tail: Tail::Torn(TornTail {
            line,
            offset: u64::try_from(end).unwrap_or(u64::MAX),
            bytes: u64::try_from(tail.len()).unwrap_or(u64::MAX),
        }),
    })
}

/// Rewrites a journal saved with CR LF or CR line endings, or a byte-order mark, in the journal's
/// own form (LF after every record, no mark), and returns it with where it ends. Every record's
/// hash and link is checked first ([`verify`]; line endings are not part of any hash), so the
/// rewrite changes no record; anything that does not verify is refused, naming the line, and
/// nothing is returned.
pub fn repair(bytes: &[u8]) -> Result<(String, Head), Error> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut fixed = Vec::with_capacity(body.len() + 1);
    let mut rest = body.iter().peekable();
    while let Some(&b) = rest.next() {
        if b == b'\r' {
            if rest.peek() == Some(&&b'\n') {
                rest.next();
            }
            fixed.push(b'\n');
        } else {
            fixed.push(b);
        }
    }
    if !fixed.is_empty() && !fixed.ends_with(b"\n") {
        fixed.push(b'\n');
    }
    let head = verify(&fixed)?;
    let text = String::from_utf8(fixed).map_err(|_| JournalError::Malformed {
        line: 1,
        detail: "not UTF-8 text".to_owned(),
    })?;
    Ok((text, head))
}
