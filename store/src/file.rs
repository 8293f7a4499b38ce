//! The journal file once open: execute (check, append, fsync), merge, and what a failed write
//! leaves behind (nothing: the handle goes back to what is on disk).

use crate::error::StoreError;
use crate::lock::{lock, require_still_at, sync_parent};
use chibo::journal::{Encoded, Head, Merge, Signature};
use chibo::{Command, Commune, Journal};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// An open journal file, locked for writing, and the commune its records rebuild.
///
/// What the handle reports (its records, head and commune) is always what is on disk: a command
/// is applied in memory, then appended and synced; if the write or the sync fails, the file is cut
/// back to where it was and the handle re-reads it, so a refused write leaves neither a record
/// nor a seal that is not durable.
#[derive(Debug)]
pub struct JournalFile {
    path: PathBuf,
    file: File,
    journal: Journal,
    /// The file's length after the last synced write: everything up to here was acknowledged.
    durable: u64,
    poisoned: bool,
    /// Test-only fault: the next sync fails (a disk that reports an I/O error on fsync).
    #[cfg(test)]
    fail_next_sync: bool,
}

/// What [`JournalFile::execute_batch`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The records appended and synced, in order.
    pub appended: Vec<Encoded>,
    /// The first refused command (its index in the batch) and why. The commands after it were
    /// not tried.
    pub refused: Option<(usize, chibo::Error)>,
}

impl JournalFile {
    pub(crate) fn with(path: PathBuf, file: File, journal: Journal, durable: u64) -> Self {
        Self {
            path,
            file,
            journal,
            durable,
            poisoned: false,
            #[cfg(test)]
            fail_next_sync: false,
        }
    }

    /// Creates a new, empty journal file and locks it. Refuses (`store.exists`) if a file is
    /// already there.
    pub fn create(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::Exists { path: path.clone() },
                _ => StoreError::io(&path, "open", &e),
            })?;
        lock(&file, &path)?;
        sync_parent(&path)?;
        Ok(Self::with(path, file, Journal::new(), 0))
    }

    /// Checks a command and, if the core accepts it, appends its record and syncs the file before
    /// returning. A refused command changes nothing; a failed write changes nothing either.
    ///
    /// Takes the command by reference or by value (by value, it is moved into the commune).
    pub fn execute<'c>(
        &mut self,
        command: impl Into<std::borrow::Cow<'c, Command>>,
    ) -> Result<Encoded, StoreError> {
        self.usable()?;
        let encoded = self.journal.execute(command)?;
        self.append(std::iter::once(encoded.line.as_str()))?;
        Ok(encoded)
    }

    /// [`JournalFile::execute`] for a command signed by its actor
    /// ([`chibo::journal::sign_command`]): the record carries the signature, which must verify
    /// against the key the actor has at the command's date (`journal.signature_invalid`
    /// otherwise). Durable as `execute`: appended and synced before it returns.
    pub fn execute_signed<'c>(
        &mut self,
        command: impl Into<std::borrow::Cow<'c, Command>>,
        signature: &Signature,
    ) -> Result<Encoded, StoreError> {
        self.usable()?;
        let encoded = self.journal.execute_signed(command, signature)?;
        self.append(std::iter::once(encoded.line.as_str()))?;
        Ok(encoded)
    }

    /// Executes commands in order and appends the accepted ones with a single sync, returned
    /// only after the sync. Stops at the first refused command (later commands often depend on
    /// earlier ones); what was accepted before it is kept. If the write fails, none of the batch
    /// is kept.
    pub fn execute_batch(&mut self, commands: &[Command]) -> Result<Batch, StoreError> {
        self.usable()?;
        let mut batch = Batch {
            appended: Vec::with_capacity(commands.len()),
            refused: None,
        };
        for (index, command) in commands.iter().enumerate() {
            match self.journal.execute(command) {
                Ok(encoded) => batch.appended.push(encoded),
                Err(error) => {
                    batch.refused = Some((index, error));
                    break;
                }
            }
        }
        self.append(batch.appended.iter().map(|e| e.line.as_str()))?;
        Ok(batch)
    }

    /// Merges a device's journal (see [`Journal::merge`]) and appends what holds, with a single
    /// sync. The conflicts are returned, not written.
    pub fn merge(&mut self, device: impl AsRef<[u8]>) -> Result<Merge, StoreError> {
        self.usable()?;
        let merge = self.journal.merge(device)?;
        self.append(merge.appended.iter().map(|m| m.line.as_str()))?;
        Ok(merge)
    }

    /// The journal as written so far.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The commune the journal rebuilds.
    pub fn commune(&self) -> &Commune {
        self.journal.commune()
    }

    /// Where the journal ends: hand this over with the file to seal it.
    pub fn head(&self) -> Head {
        self.journal.head()
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a failed write left the file unreadable, so that the handle refuses everything
    /// (`store.poisoned`) until the file is opened again.
    pub fn is_poisoned(&self) -> bool {
        self.poisoned
    }

    fn usable(&self) -> Result<(), StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// Writes the lines, each with its line feed, in one write and one sync (nothing if there
    /// are none). On any failure the handle goes back to what is on disk before returning it.
    fn append<'a>(&mut self, lines: impl Iterator<Item = &'a str>) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        for line in lines {
            bytes.extend_from_slice(line.as_bytes());
            bytes.push(b'\n');
        }
        if bytes.is_empty() {
            return Ok(());
        }
        let written = self.write_durably(&bytes);
        match written {
            Ok(()) => self.durable += u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            Err(_) => self.back_to_disk(),
        }
        written
    }

    fn write_durably(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        require_still_at(&self.file, &self.path)?;
        self.file
            .write_all(bytes)
            .map_err(|e| StoreError::io(&self.path, "write", &e))?;
        #[cfg(test)]
        if std::mem::take(&mut self.fail_next_sync) {
            let e = std::io::Error::other("injected fsync failure");
            return Err(StoreError::io(&self.path, "sync", &e));
        }
        self.file
            .sync_data()
            .map_err(|e| StoreError::io(&self.path, "sync", &e))
    }

    /// After a failed write: cuts the file back to the records the handle knew were durable
    /// (whatever part of the write reached it was never acknowledged) and re-reads it, so the
    /// handle holds exactly what is on disk. If the file cannot be read back, the handle empties
    /// and refuses everything (`store.poisoned`) until the file is opened again, which saves and
    /// cuts any torn tail.
    fn back_to_disk(&mut self) {
        let reread = self
            .file
            .set_len(self.durable)
            .and_then(|()| self.file.sync_all())
            .ok()
            .and_then(|()| {
                let mut bytes = Vec::new();
                self.file
                    .seek(SeekFrom::Start(0))
                    .and_then(|_| self.file.read_to_end(&mut bytes))
                    .ok()
                    .map(|_| bytes)
            })
            .and_then(|bytes| Journal::load(&bytes).ok());
        match reread {
            Some(journal) => self.journal = journal,
            None => {
                self.journal = Journal::new();
                self.poisoned = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::JournalFile;
    use chibo::{Command, Refusal};

    fn command(json: serde_json::Value) -> Command {
        serde_json::from_value(json).unwrap()
    }

    /// A sync that fails after the bytes were written: the record is cut from the file and the
    /// handle re-reads it, so neither reports the record.
    #[test]
    fn a_failed_sync_leaves_neither_the_record_nor_its_seal() {
        let dir = std::env::temp_dir().join(format!("chibo-sync-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("journal.jsonl");
        let mut file = JournalFile::create(&path).unwrap();
        file.execute(command(serde_json::json!({"actor": "vp", "at": "2025-01-02T08:00:00+07:00",
            "action": {"establish_commune": {"commune": "x", "name": "Đảng bộ xã X", "registrar": "vp"}}})))
            .unwrap();
        let head = file.head();
        let bytes = std::fs::read(&path).unwrap();
        file.fail_next_sync = true;
        let cell = command(
            serde_json::json!({"actor": "vp", "at": "2025-01-02T08:01:00+07:00",
            "action": {"add_cell": {"cell": "xom-1", "name": "Chi bộ xóm 1", "kind": "residential"}}}),
        );
        let error = file.execute(&cell).unwrap_err();
        assert_eq!(error.code(), "store.io");
        assert_eq!(file.head(), head);
        assert!(file.commune().organisation.cells.is_empty());
        assert!(!file.is_poisoned());
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        // The handle goes on from what is on disk.
        assert_eq!(file.execute(&cell).unwrap().seq, 2);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
