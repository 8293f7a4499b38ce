//! The journal: the commune's minutes book as a hash-chained list of events.
//!
//! ```text
//!   command ──execute──▶ Commune checks state, role, rules ──▶ event
//!                                                               │ encode
//!   line N:  {"v":1,"seq":N,"prev":H(N-1),"event":{…},"hash":H(N)}
//!                                  ▲                          │
//!                                  └──────── next line ◀──────┘
//! ```
//!
//! A [`Journal`] is a [`Commune`] together with the hash of every record it was built from. It
//! loads from JSON Lines (decode, verify the chain, replay each event through the same checks as
//! a live command), executes new commands into records to append, and merges a device's journal
//! that forked from it ([`Journal::merge`]). Everything here is pure: the file that holds the
//! lines, its lock and its fsync live in the `chibo-store` crate. The format, the canonical
//! encoding and the merge rules are in docs/journal.md.

mod chain;
mod digest;
mod layout;
mod merge;
mod parallel;
mod record;
mod signature;
mod signing;

pub use chain::{lines, verify, verify_sealed, Chain, Head};
pub use digest::{Digest, GENESIS};
pub use layout::{check_form, layout, repair, Layout, Tail, TornTail};
pub use merge::{Conflict, Merge, Merged};
pub use record::{
    decode, encode, encode_merged, encode_signed, event_bytes, Encoded, Record, MAX_RECORD_BYTES,
    VERSION,
};
pub use signature::{
    event_json, event_message, key_message, secret_key, sign_command, sign_key_proof,
    signing_message, PublicKey, Signature, EVENT_DOMAIN, KEY_DOMAIN,
};
pub use signing::{verify_signed_seal, Signing};

use crate::command::{Command, Event};
use crate::commune::Commune;
use crate::error::{Error, JournalError};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// A commune and the chain of records it was built from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Journal {
    commune: Commune,
    hashes: Vec<Digest>,
    /// The device records merged in so far (their hashes), so a repeated merge skips them.
    merged: BTreeSet<Digest>,
    /// How many records carry a signature.
    signed: u64,
    /// The latest date of any record so far: from when the rules there require signatures,
    /// every later record needs one, whatever date it gives itself.
    latest: Option<crate::time::Timestamp>,
}

impl Journal {
    /// An empty journal: its first command must be `establish_commune`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads a whole journal: decodes each line, checks the chain and replays each event. The
    /// first failure names its line.
    pub fn load(text: impl AsRef<[u8]>) -> Result<Self, Error> {
        let text = text.as_ref();
        check_form(text)?;
        let mut journal = Self::new();
        for (line_no, line) in lines(text) {
            journal.push_line(line_no, line)?;
        }
        journal.shrink_to_fit();
        Ok(journal)
    }

    /// Reads the next line of a journal (line number `line_no`): decodes it, checks that it
    /// follows the last record, and replays its event. On failure nothing changes.
    pub fn push_line(&mut self, line_no: u64, line: &[u8]) -> Result<(), Error> {
        let mut chain = Chain::after(self.head());
        let record = chain.next(line_no, line)?;
        self.push_record(line_no, record, None)
    }

    /// Replays a record already decoded and chained after the head; `verified` is a key its
    /// signature is already known to verify under (checked on another thread), if any.
    fn push_record(
        &mut self,
        line_no: u64,
        record: Record,
        verified: Option<&PublicKey>,
    ) -> Result<(), Error> {
        self.check_signed(line_no, &record.event, record.sig.as_ref(), verified)?;
        let kept = Kept::of(&record.event, record.sig, record.hash, record.origin);
        self.commune
            .apply_owned(record.event)
            .map_err(|refusal| JournalError::Refused {
                line: line_no,
                refusal: Box::new(refusal),
            })?;
        self.keep(kept);
        Ok(())
    }

    /// Gives back the spare room the commune's largest lists grew into while loading: a loaded
    /// journal is mostly read, and held, sometimes by the hundred (docs/performance.md, "Fifth
    /// round").
    fn shrink_to_fit(&mut self) {
        self.hashes.shrink_to_fit();
        self.commune.meetings.shrink_to_fit();
        self.commune.tasks.shrink_to_fit();
    }

    /// Keeps what the journal knows of a record its commune has just applied.
    fn keep(&mut self, kept: Kept) {
        if let (Some(sig), true) = (kept.sig, kept.seal) {
            // The commune saw the seal unsigned; the minutes print it with its signature.
            self.commune.sign_last_seal(sig);
        }
        self.signed += u64::from(kept.sig.is_some());
        self.latest = self.latest.max(Some(kept.at));
        self.hashes.push(kept.hash);
        if let Some(origin) = kept.origin {
            self.merged.insert(origin);
        }
    }

    /// Checks a command against the commune and, if accepted, applies it and returns the record
    /// to append. A refused command changes nothing.
    ///
    /// Takes the command by reference or by value: given by value, its texts and lists are moved
    /// into the commune rather than copied.
    pub fn execute<'c>(&mut self, command: impl Into<Cow<'c, Command>>) -> Result<Encoded, Error> {
        self.execute_from(command.into(), None, None)
    }

    /// [`Journal::execute`] for a command signed by its actor ([`sign_command`]): the record
    /// carries the signature, which must verify against the key the actor has at the command's
    /// date (`journal.signature_invalid` otherwise).
    pub fn execute_signed<'c>(
        &mut self,
        command: impl Into<Cow<'c, Command>>,
        signature: &Signature,
    ) -> Result<Encoded, Error> {
        self.execute_from(command.into(), None, Some(signature))
    }

    /// [`Journal::execute`], recording where a merged record came from and the actor's signature.
    fn execute_from(
        &mut self,
        command: Cow<'_, Command>,
        origin: Option<&Digest>,
        sig: Option<&Signature>,
    ) -> Result<Encoded, Error> {
        let head = self.head();
        let event = Event(command.into_owned());
        let seq = head.seq.saturating_add(1);
        self.check_signed(seq, &event, sig, None)?;
        let encoded = encode_signed(seq, &head.hash, &event, origin, sig)?;
        let kept = Kept::of(&event, sig.copied(), encoded.hash, origin.copied());
        self.commune.apply_owned(event)?;
        self.keep(kept);
        Ok(encoded)
    }

    /// The commune as the journal's events leave it.
    pub fn commune(&self) -> &Commune {
        &self.commune
    }

    /// Where the journal ends.
    pub fn head(&self) -> Head {
        Head {
            seq: self.len(),
            hash: self.hashes.last().copied().unwrap_or(GENESIS),
        }
    }

    /// How many records it holds.
    pub fn len(&self) -> u64 {
        u64::try_from(self.hashes.len()).unwrap_or(u64::MAX)
    }

    /// Whether it holds no record.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The hash of record `seq` (from 1).
    pub fn hash_at(&self, seq: u64) -> Option<Digest> {
        let index = usize::try_from(seq.checked_sub(1)?).ok()?;
        self.hashes.get(index).copied()
    }
}

/// What the journal keeps of a record beside its commune's state, taken before the event moves
/// into the commune.
struct Kept {
    hash: Digest,
    sig: Option<Signature>,
    /// Whether it is a seal, whose signature the commune keeps for the minutes.
    seal: bool,
    at: crate::time::Timestamp,
    origin: Option<Digest>,
}

impl Kept {
    fn of(event: &Event, sig: Option<Signature>, hash: Digest, origin: Option<Digest>) -> Self {
        Self {
            hash,
            sig,
            seal: matches!(event.0.action, crate::command::Action::SealJournal(_)),
            at: event.0.at,
            origin,
        }
    }
}
