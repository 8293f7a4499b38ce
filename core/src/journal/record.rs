//! One journal record: one line of JSON, `{"v":1,"seq":…,"prev":"…","event":{…},"hash":"…"}`.
//!
//! The canonical encoding, which any SHA-256 tool can re-check (docs/journal.md):
//! - the *body* is `{"v":1,"seq":N,"prev":"<hex>","event":<event>}`, keys in that order, no
//!   spaces, the event as the library writes it; a record appended by a merge also has
//!   `"origin":"<hex>"` after the event (the device record it came from), and a signed record has
//!   `"sig":"<128 hex>"` after those and is written as `"v":2` (signature.rs);
//! - `hash` is the SHA-256 of the body's UTF-8 bytes, in 64 lowercase hex characters;
//! - the line is the body with `,"hash":"<hex>"` inserted before the final `}`, then `\n`.
//!
//! So the body of any line is the line minus its last 75 bytes, plus `}`; and each record's
//! `prev` is the `hash` of the record before it (64 zeros for the first).

use super::digest::Digest;
use super::signature::Signature;
use crate::command::Event;
use crate::error::{Error, InputError, JournalError};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// The newest schema version this library writes: 2, a record with a signature. A record without
/// one is still written as version 1, byte for byte as before signatures existed. Every older
/// version still loads.
pub const VERSION: u64 = 2;

/// The version of a record without a signature.
const UNSIGNED_VERSION: u64 = 1;

/// `,"sig":"` + 128 hex + `"`: the signature's key and value in a signed record's body.
const SIG_LEN: usize = 137;

/// `,"origin":"` + 64 hex + `"`: the origin's key and value in a merged record's body.
const ORIGIN_LEN: usize = 76;

/// The longest line the library writes or reads, in bytes (the newline excluded).
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// `,"hash":"` + 64 hex + `"}`: what follows the body's content on every line.
const SUFFIX_LEN: usize = 75;

/// A decoded, self-consistent record (its hash matches its content). Whether it follows the
/// record before it is the chain's business ([`super::Chain`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The schema version it was written in.
    pub version: u64,
    /// Its sequence number, from 1.
    pub seq: u64,
    /// The hash of the record before it ([`super::GENESIS`] for the first).
    pub prev: Digest,
    /// The accepted command.
    pub event: Event,
    /// For a record appended by a merge: the hash of the device record it came from, so that
    /// merging the same device journal again recognises it.
    pub origin: Option<Digest>,
    /// The actor's signature over the event (docs/journal.md, *Signatures*), when it has one.
    pub sig: Option<Signature>,
    /// The SHA-256 of its body.
    pub hash: Digest,
}

/// A record as written: its line (without the newline) and hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Encoded {
    /// Its sequence number.
    pub seq: u64,
    /// Its hash, which the next record's `prev` carries.
    pub hash: Digest,
    /// The line to append (without the newline).
    pub line: String,
}

#[derive(Serialize)]
struct Body<'a> {
    v: u64,
    seq: u64,
    prev: &'a Digest,
    event: &'a Event,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a Digest>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sig: Option<&'a Signature>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Line<'a, E> {
    v: u64,
    seq: u64,
    prev: Digest,
    event: E,
    #[serde(default)]
    origin: Option<Digest>,
    #[serde(default)]
    sig: Option<Signature>,
    #[serde(borrow)]
    hash: &'a str,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct VersionOnly {
    v: u64,
}

/// Encodes an event as the record with sequence number `seq` following `prev`. Refuses
/// (`input.too_long`) an event whose line would exceed [`MAX_RECORD_BYTES`].
pub fn encode(seq: u64, prev: &Digest, event: &Event) -> Result<Encoded, Error> {
    encode_signed(seq, prev, event, None, None)
}

/// [`encode`] for a record a merge appends, carrying the hash of the device record it came from.
pub fn encode_merged(
    seq: u64,
    prev: &Digest,
    event: &Event,
    origin: Option<&Digest>,
) -> Result<Encoded, Error> {
    encode_signed(seq, prev, event, origin, None)
}

/// [`encode_merged`] with the actor's signature, if any: a signed record is written as version 2,
/// an unsigned one as version 1. The signature is not checked here ([`super::Journal`] does).
pub fn encode_signed(
    seq: u64,
    prev: &Digest,
    event: &Event,
    origin: Option<&Digest>,
    sig: Option<&Signature>,
) -> Result<Encoded, Error> {
    let body = serde_json::to_string(&Body {
        v: if sig.is_some() {
            VERSION
        } else {
            UNSIGNED_VERSION
        },
        seq,
        prev,
        event,
        origin,
        sig,
    })
    .map_err(|e| InputError::Malformed {
        detail: e.to_string(),
    })?;
    let length = body.len() + SUFFIX_LEN - 1;
    if length > MAX_RECORD_BYTES {
        return Err(InputError::TooLong {
            field: "event".to_owned(),
            length: crate::count(length),
            max: crate::count(MAX_RECORD_BYTES),
        }
        .into());
    }
    let hash = Digest(Sha256::digest(body.as_bytes()).into());
    let mut line = body;
    line.pop();
    line.push_str(",\"hash\":\"");
    hash.with_hex(|hex| line.push_str(hex));
    line.push_str("\"}");
    Ok(Encoded { seq, hash, line })
}

/// Decodes line number `line_no` (1-based, without its newline) and checks it against its own
/// hash. Never panics; every failure is a [`JournalError`] naming the line.
pub fn decode(line_no: u64, line: &[u8]) -> Result<Record, Error> {
    let (envelope, event) = decode_as::<Event>(line_no, line)?;
    if envelope.sig.is_some() {
        // The signature covers the event's bytes as they stand; the library checks it against
        // the event as it writes it, so the two must be the same bytes (and a merge, which
        // writes the event again, carries a signature that still verifies).
        let stored = event_bytes(line, envelope.origin.is_some(), true);
        let canonical = serde_json::to_string(&event).map_err(InputError::malformed)?;
        if stored != Some(canonical.as_bytes()) {
            return Err(JournalError::Malformed {
                line: line_no,
                detail: "a signed record's event is not written as the library writes it \
                         (compact JSON, fields in order): its signature covers those bytes"
                    .to_owned(),
            }
            .into());
        }
    }
    Ok(Record {
        version: envelope.version,
        seq: envelope.seq,
        prev: envelope.prev,
        event,
        origin: envelope.origin,
        sig: envelope.sig,
        hash: envelope.hash,
    })
}

/// The bytes of a line's event as they stand in it (what its signature covers): after the first
/// `"event":`, before the optional `origin` and `sig` and the hash, whose lengths are fixed. `None`
/// when the line is shorter than that (it then did not decode either).
pub fn event_bytes(line: &[u8], has_origin: bool, has_sig: bool) -> Option<&[u8]> {
    const KEY: &[u8] = b",\"event\":";
    let start = memchr::memmem::find(line, KEY)? + KEY.len();
    let end = line
        .len()
        .checked_sub(SUFFIX_LEN)?
        .checked_sub(if has_origin { ORIGIN_LEN } else { 0 })?
        .checked_sub(if has_sig { SIG_LEN } else { 0 })?;
    line.get(start..end)
}

/// A record's chain fields, without its event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Envelope {
    pub(crate) version: u64,
    pub(crate) seq: u64,
    pub(crate) prev: Digest,
    pub(crate) origin: Option<Digest>,
    pub(crate) sig: Option<Signature>,
    pub(crate) hash: Digest,
}

/// [`decode`] without building the event: the JSON is still read whole (so the layout is
/// checked), but the event's fields are skipped, not allocated. What `verify` uses.
pub(crate) fn decode_envelope(line_no: u64, line: &[u8]) -> Result<Envelope, Error> {
    decode_as::<serde::de::IgnoredAny>(line_no, line).map(|(envelope, _)| envelope)
}

fn decode_as<E: serde::de::DeserializeOwned>(
    line_no: u64,
    line: &[u8],
) -> Result<(Envelope, E), Error> {
    if line.len() > MAX_RECORD_BYTES {
        return Err(JournalError::TooLong {
            line: line_no,
            length: crate::count(line.len()),
            max: crate::count(MAX_RECORD_BYTES),
        }
        .into());
    }
    // One UTF-8 pass over the whole line, then a parser that trusts it (measured faster than
    // `from_slice`, which validates string by string). The pass is simdutf8's, 16 or 32 bytes
    // at a time: the standard library's checks the journal's Vietnamese text (mostly multi-byte)
    // character by character, a tenth of the time to load a journal (docs/performance.md).
    let Ok(text) = simdutf8::basic::from_utf8(line) else {
        return Err(JournalError::Malformed {
            line: line_no,
            detail: "not UTF-8 text".to_owned(),
        }
        .into());
    };
    match serde_json::from_str::<Line<'_, E>>(text) {
        Ok(parsed) => {
            if parsed.v > VERSION {
                return Err(unsupported(line_no, parsed.v));
            }
            // Version 1 had no signatures; a signed record says it is version 2.
            if parsed.sig.is_some() != (parsed.v >= VERSION) {
                return Err(JournalError::Malformed {
                    line: line_no,
                    detail: format!(
                        "a record of version {} {} a signature",
                        parsed.v,
                        if parsed.sig.is_some() { "has" } else { "lacks" }
                    ),
                }
                .into());
            }
            // The stored hash is the last key (the canonical layout), so `check_hash` reads the
            // same bytes as `parsed.hash`.
            let _ = parsed.hash;
            let hash = check_hash(line_no, line)?;
            let envelope = Envelope {
                version: parsed.v,
                seq: parsed.seq,
                prev: parsed.prev,
                origin: parsed.origin,
                sig: parsed.sig,
                hash,
            };
            Ok((envelope, parsed.event))
        }
        Err(parse) => Err(explain(line_no, line, &parse)),
    }
}

/// Why a line that does not parse as a record failed: a newer version, an alteration (the hash
/// no longer matches), or plain malformation.
fn explain(line_no: u64, line: &[u8], parse: &serde_json::Error) -> Error {
    if let Ok(VersionOnly { v }) = serde_json::from_slice::<VersionOnly>(line) {
        if v > VERSION {
            return unsupported(line_no, v);
        }
    }
    match check_hash(line_no, line) {
        Err(_) if has_hash_suffix(line) => JournalError::HashMismatch { line: line_no }.into(),
        _ => JournalError::Malformed {
            line: line_no,
            detail: parse.to_string(),
        }
        .into(),
    }
}

fn unsupported(line_no: u64, version: u64) -> Error {
    JournalError::UnsupportedVersion {
        line: line_no,
        version,
        supported: VERSION,
    }
    .into()
}

fn has_hash_suffix(line: &[u8]) -> bool {
    line.len() > SUFFIX_LEN
        && line.get(line.len() - SUFFIX_LEN..).is_some_and(|tail| {
            tail.starts_with(b",\"hash\":\"")
                && tail.ends_with(b"\"}")
                && tail
                    .get(9..73)
                    .is_some_and(|hex| hex.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')))
        })
}

/// The SHA-256 of the line's body; refuses a line whose hash is not where the canonical layout
/// puts it, or whose stored hash differs.
fn check_hash(line_no: u64, line: &[u8]) -> Result<Digest, Error> {
    if !has_hash_suffix(line) {
        return Err(JournalError::Malformed {
            line: line_no,
            detail: "the line does not end with `,\"hash\":\"<64 hex>\"}` (canonical layout)"
                .to_owned(),
        }
        .into());
    }
    let cut = line.len() - SUFFIX_LEN;
    let head = line.get(..cut).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(head);
    hasher.update(b"}");
    let hash = Digest(hasher.finalize().into());
    let mut hex = [0u8; 64];
    hash.write_hex(&mut hex);
    if line.get(cut + 9..cut + 73) != Some(&hex[..]) {
        return Err(JournalError::HashMismatch { line: line_no }.into());
    }
    Ok(hash)
}
