//! [`Commune`]: a commune and its hash-chained journal, in memory (the pure core's
//! `chibo::Journal`). For a journal kept in the app's storage, see [`crate::CommuneFile`].

use crate::error::ChiboError;
use crate::merge::MergeReport;
use crate::verify::Head;
use chibo::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// A commune (Đảng bộ xã) and the journal (nhật ký) of every accepted command, in memory. Safe
/// to share between threads: calls take turns on a lock inside.
///
/// Every change is a command checked by the core; a refused command throws [`ChiboError`] and
/// changes nothing. Accepted commands return the [`Recorded`] line to keep.
#[derive(Debug, Default, uniffi::Object)]
pub struct Commune {
    inner: Mutex<chibo::Journal>,
}

/// A command accepted and recorded in the journal.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Recorded {
    /// Its sequence number (from 1).
    pub seq: u64,
    /// Its hash (SHA-256, hex), which the next record links to.
    pub hash: String,
    /// The journal line to keep (JSON, without the newline).
    pub line: String,
}

impl From<chibo::journal::Encoded> for Recorded {
    fn from(encoded: chibo::journal::Encoded) -> Self {
        Self {
            seq: encoded.seq,
            hash: encoded.hash.to_hex(),
            line: encoded.line,
        }
    }
}

impl Commune {
    /// The journal, for one call. The core never panics on a caller's input, so the lock is
    /// never poisoned by a refused command; should it be, the journal is still whole (a refused
    /// command changes nothing), and it is used as it is.
    pub(crate) fn lock(&self) -> MutexGuard<'_, chibo::Journal> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[uniffi::export]
impl Commune {
    /// An empty journal: its first command must be `establish_commune`.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads a whole journal (JSON Lines): decodes each line, verifies the chain and replays every
    /// event, the lines decoded on the device's spare cores. The first failure (`journal.*`)
    /// names its line.
    #[uniffi::constructor]
    pub fn load(text: String) -> Result<Self, ChiboError> {
        let cores = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
        Ok(Self {
            inner: Mutex::new(chibo::Journal::load_on(text, cores)?),
        })
    }

    /// The same as [`Commune::load`], on a thread of its own: a `suspend` function in Kotlin, an
    /// `async` one in Swift, so that loading a year leaves the caller's thread free.
    #[uniffi::constructor]
    pub async fn load_in_background(text: String) -> Result<Self, ChiboError> {
        crate::background::on_a_thread(move || Self::load(text)).await
    }

    /// Checks a typed command and, if accepted, applies it and returns its record.
    pub fn execute(&self, command: Command) -> Result<Recorded, ChiboError> {
        Ok(self.lock().execute(command)?.into())
    }

    /// Checks a command given as JSON text (any action of docs/json.md) and, if accepted,
    /// applies it and returns its record. Text that is not a command is `input.malformed`.
    pub fn execute_json(&self, command: String) -> Result<Recorded, ChiboError> {
        let command = chibo::Command::from_json(&command)?;
        Ok(self.lock().execute(command)?.into())
    }

    /// [`Commune::execute`] for a command signed by its actor: `signature` is 128 lowercase hex
    /// characters, the actor's Ed25519 signature over [`crate::signing_message`] of the command
    /// (made by the platform's key store, or by [`crate::sign_command`]). The record carries it.
    /// A signature that does not verify against the key the actor has at the command's date is
    /// `journal.signature_invalid`, and nothing changes.
    pub fn execute_signed(
        &self,
        command: Command,
        signature: String,
    ) -> Result<Recorded, ChiboError> {
        let signature = chibo::journal::Signature::parse_hex(&signature)?;
        Ok(self.lock().execute_signed(command, &signature)?.into())
    }

    /// [`Commune::execute_signed`] for a command given as JSON text.
    pub fn execute_json_signed(
        &self,
        command: String,
        signature: String,
    ) -> Result<Recorded, ChiboError> {
        self.execute_signed(chibo::Command::from_json(&command)?, signature)
    }

    /// Merges a device's journal (JSON Lines) that forked from this one: what still holds is
    /// appended (keep each [`crate::MergedRecord::line`]); what the rules refuse now comes back
    /// as conflicts. A damaged or unrelated device journal is an error and nothing is merged.
    pub fn merge(&self, device_journal: String) -> Result<MergeReport, ChiboError> {
        self.lock().merge(device_journal)?.try_into()
    }

    /// Where the journal ends: the last sequence number and hash (the seal).
    pub fn head(&self) -> Head {
        self.lock().head().into()
    }

    /// How the journal stands with signatures: signed and unsigned records, the first day the
    /// commune's rules require them, the last signed seal (docs/journal.md, *Signatures*).
    pub fn signing(&self) -> chibo::journal::Signing {
        self.lock().signing()
    }
}
