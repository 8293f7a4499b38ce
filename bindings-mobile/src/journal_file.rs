//! [`CommuneFile`]: the journal kept in a file in the app's storage (`chibo-store`): locked for
//! one writer, each record synced before it is acknowledged, a torn last line saved and cut on
//! open, a whole last record lacking its line feed kept.

use crate::error::ChiboError;
use crate::journal::Recorded;
use crate::merge::MergeReport;
use crate::verify::Head;
use chibo::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// A journal file (nhật ký) and the commune its records rebuild. Safe to share between threads:
/// calls take turns on a lock inside. The file stays locked against other writers until the
/// object is released (`close()` in Kotlin, the last reference dropped in Swift).
#[derive(Debug, uniffi::Object)]
pub struct CommuneFile {
    inner: Mutex<chibo_store::JournalFile>,
    opened: Opened,
}

/// What opening found.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Opened {
    /// Records read, verified and replayed.
    pub records: u64,
    /// Where the journal ends.
    pub head: Head,
    /// The unterminated last line that was not a whole record, if there was one (a write
    /// interrupted by a crash; it was never acknowledged): saved beside the journal, then cut.
    pub torn: Option<TornTail>,
    /// The last record was whole but lacked its line feed (an editor saved the file): the line
    /// feed was added; no record was lost.
    pub newline_added: bool,
}

/// An unterminated last line that is not a whole record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TornTail {
    /// Its line number.
    pub line: u64,
    /// The byte offset where it started (the file's length after the cut).
    pub offset: u64,
    /// How many bytes it held.
    pub bytes: u64,
    /// Where its bytes were saved before the cut (`<journal>.torn-<line>`); `None` when the file
    /// was only verified, not opened.
    pub saved_to: Option<String>,
}

/// What [`CommuneFile::execute_batch`] did.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Batch {
    /// The records appended and synced, in order.
    pub appended: Vec<Recorded>,
    /// The index of the first refused command in the batch, if one was; the commands after it
    /// were not tried.
    pub refused_index: Option<u64>,
    /// Why it was refused.
    pub refused: Option<crate::error::Refusal>,
}

impl From<chibo_store::TornTail> for TornTail {
    fn from(torn: chibo_store::TornTail) -> Self {
        Self {
            line: torn.line,
            offset: torn.offset,
            bytes: torn.bytes,
            saved_to: torn.saved_to.map(|p| p.display().to_string()),
        }
    }
}

impl From<chibo_store::Opened> for Opened {
    fn from(opened: chibo_store::Opened) -> Self {
        Self {
            records: opened.records,
            head: opened.head.into(),
            torn: opened.torn.map(Into::into),
            newline_added: opened.newline_added,
        }
    }
}

impl CommuneFile {
    fn with(file: chibo_store::JournalFile, opened: chibo_store::Opened) -> Self {
        Self {
            inner: Mutex::new(file),
            opened: opened.into(),
        }
    }

    /// The file, for one call. A failed write poisons the store's handle (`store.poisoned`), not
    /// this lock; the lock itself is never poisoned by a refusal, and is used as it is.
    pub(crate) fn lock(&self) -> MutexGuard<'_, chibo_store::JournalFile> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[uniffi::export]
impl CommuneFile {
    /// Creates a new, empty journal file and locks it (`store.exists` if a file is there).
    #[uniffi::constructor]
    pub fn create(path: String) -> Result<Self, ChiboError> {
        let file = chibo_store::JournalFile::create(path)?;
        let opened = chibo_store::Opened {
            records: 0,
            head: file.head(),
            torn: None,
            newline_added: false,
        };
        Ok(Self::with(file, opened))
    }

    /// Opens an existing journal file: locks it (`store.locked` if another writer has it),
    /// verifies and replays every record. Nothing that might be a record is lost: a whole last
    /// record without its line feed is kept (the line feed added), an unterminated last line that
    /// is not a record is saved to `<journal>.torn-<line>` and cut (see [`CommuneFile::opened`]).
    /// CR LF or CR line endings, a byte-order mark, or any other damage is a `journal.*` error
    /// naming the line, and the file is unchanged ([`repair_journal_file`] rewrites the first
    /// two).
    ///
    /// [`repair_journal_file`]: crate::verify::repair_journal_file
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Self, ChiboError> {
        let (file, opened) = chibo_store::JournalFile::open(path)?;
        Ok(Self::with(file, opened))
    }

    /// The same as [`CommuneFile::open`], on a thread of its own: a `suspend` function in
    /// Kotlin, an `async` one in Swift, so that opening a year leaves the caller's thread free.
    #[uniffi::constructor]
    pub async fn open_in_background(path: String) -> Result<Self, ChiboError> {
        crate::background::on_a_thread(move || Self::open(path)).await
    }

    /// Opens the file if it exists, or creates it.
    #[uniffi::constructor]
    pub fn open_or_create(path: String) -> Result<Self, ChiboError> {
        let (file, opened) = chibo_store::JournalFile::open_or_create(path)?;
        Ok(Self::with(file, opened))
    }

    /// What opening found: records replayed, the head, a torn tail saved and cut, a line feed
    /// added.
    pub fn opened(&self) -> Opened {
        self.opened.clone()
    }

    /// Checks a typed command and, if accepted, appends its record and syncs the file before
    /// returning.
    pub fn execute(&self, command: Command) -> Result<Recorded, ChiboError> {
        Ok(self.lock().execute(command)?.into())
    }

    /// Checks a command given as JSON text (any action of docs/json.md), then as
    /// [`CommuneFile::execute`].
    pub fn execute_json(&self, command: String) -> Result<Recorded, ChiboError> {
        let command = chibo::Command::from_json(&command)?;
        Ok(self.lock().execute(command)?.into())
    }

    /// [`CommuneFile::execute`] for a command signed by its actor: `signature` is 128 lowercase
    /// hex characters, the actor's Ed25519 signature over [`crate::signing_message`] of the
    /// command (made by the platform's key store, or by [`crate::sign_command`]). The record
    /// carries it and is synced before returning. A signature that does not verify against the
    /// key the actor has at the command's date is `journal.signature_invalid`, and nothing is
    /// written.
    pub fn execute_signed(
        &self,
        command: Command,
        signature: String,
    ) -> Result<Recorded, ChiboError> {
        let signature = chibo::journal::Signature::parse_hex(&signature)?;
        Ok(self.lock().execute_signed(command, &signature)?.into())
    }

    /// [`CommuneFile::execute_signed`] for a command given as JSON text.
    pub fn execute_json_signed(
        &self,
        command: String,
        signature: String,
    ) -> Result<Recorded, ChiboError> {
        self.execute_signed(chibo::Command::from_json(&command)?, signature)
    }

    /// Executes typed commands in order and appends the accepted ones with a single sync. Stops
    /// at the first refused command; what was accepted before it is kept.
    pub fn execute_batch(&self, commands: Vec<Command>) -> Result<Batch, ChiboError> {
        let batch = self.lock().execute_batch(&commands)?;
        let (refused_index, refused) = match batch.refused {
            Some((index, error)) => (
                Some(u64::try_from(index).unwrap_or(u64::MAX)),
                Some((&error).into()),
            ),
            None => (None, None),
        };
        Ok(Batch {
            appended: batch.appended.into_iter().map(Into::into).collect(),
            refused_index,
            refused,
        })
    }

    /// Merges a device's journal (JSON Lines text, e.g. read from the phone that recorded a
    /// meeting offline): what still holds is appended and synced; the conflicts are returned, not
    /// written.
    pub fn merge(&self, device_journal: String) -> Result<MergeReport, ChiboError> {
        self.lock().merge(device_journal)?.try_into()
    }

    /// Where the journal ends: hand this over with the file to seal it.
    pub fn head(&self) -> Head {
        self.lock().head().into()
    }

    /// How the journal stands with signatures: signed and unsigned records, the first day the
    /// commune's rules require them, the last signed seal (docs/journal.md, *Signatures*).
    pub fn signing(&self) -> chibo::journal::Signing {
        self.lock().journal().signing()
    }

    /// The file's path.
    pub fn path(&self) -> String {
        self.lock().path().display().to_string()
    }
}
