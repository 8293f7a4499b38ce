//! The journal file: open (lock, read, cut a torn tail, replay), append (write, fsync), merge.

use crate::error::StoreError;
use chibo::journal::{self, Encoded, Head, Merge};
use chibo::{Command, Commune, Journal};
use serde::Serialize;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// An open journal file, locked for writing, and the commune its records rebuild.
#[derive(Debug)]
pub struct JournalFile {
    path: PathBuf,
    file: File,
    journal: Journal,
    poisoned: bool,
}

/// What opening found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opened {
    /// Records read, verified and replayed.
    pub records: u64,
    /// Where the journal ends.
    pub head: Head,
    /// The unterminated last line that was cut off, if there was one.
    pub torn: Option<TornTail>,
}

/// An unterminated last line (a write interrupted by a crash or power loss), cut off on open. It
/// was never acknowledged: acknowledgement comes only after the whole line and its newline are
/// synced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TornTail {
    /// Its line number.
    pub line: u64,
    /// The byte offset where it started (the file's length after the cut).
    pub offset: u64,
    /// How many bytes were cut.
    pub bytes: u64,
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

/// What [`verify_file`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    /// Where the complete records end.
    pub head: Head,
    /// An unterminated last line, left in place (only opening for writing cuts it).
    pub torn: Option<TornTail>,
}

impl JournalFile {
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
        Ok(Self {
            path,
            file,
            journal: Journal::new(),
            poisoned: false,
        })
    }

    /// Opens an existing journal file: locks it, reads it, verifies and replays every record, and
    /// cuts an unterminated last line (reported in [`Opened::torn`]). Any other damage is an
    /// error naming the line, and the file is not changed.
    pub fn open(path: impl AsRef<Path>) -> Result<(Self, Opened), StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .open(&path)
            .map_err(|e| StoreError::io(&path, "open", &e))?;
        lock(&file, &path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| StoreError::io(&path, "read", &e))?;
        let (complete, torn) = split_torn(&bytes);
        let journal = Journal::load(complete)?;
        if let Some(torn) = &torn {
            file.set_len(torn.offset)
                .and_then(|()| file.sync_all())
                .map_err(|e| StoreError::io(&path, "cut", &e))?;
        }
        let opened = Opened {
            records: journal.len(),
            head: journal.head(),
            torn,
        };
        Ok((
            Self {
                path,
                file,
                journal,
                poisoned: false,
            },
            opened,
        ))
    }

    /// Opens the file if it exists, or creates it.
    pub fn open_or_create(path: impl AsRef<Path>) -> Result<(Self, Opened), StoreError> {
        let path = path.as_ref();
        if path.exists() {
            Self::open(path)
        } else {
            let file = Self::create(path)?;
            let opened = Opened {
                records: 0,
                head: Head::default(),
                torn: None,
            };
            Ok((file, opened))
        }
    }

    /// Checks a command and, if the core accepts it, appends its record and syncs the file before
    /// returning. A refused command changes nothing.
    pub fn execute(&mut self, command: &Command) -> Result<Encoded, StoreError> {
        self.usable()?;
        let encoded = self.journal.execute(command)?;
        self.append(std::iter::once(encoded.line.as_str()))?;
        Ok(encoded)
    }

    /// Executes commands in order and appends the accepted ones with a single sync, returned
    /// only after the sync. Stops at the first refused command (later commands often depend on
    /// earlier ones); what was accepted before it is kept.
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

    fn usable(&self) -> Result<(), StoreError> {
        if self.poisoned {
            return Err(StoreError::Poisoned {
                path: self.path.clone(),
            });
        }
        Ok(())
    }

    /// Writes the lines, each with its newline, in one write and one sync (nothing if there are
    /// none).
    fn append<'a>(&mut self, lines: impl Iterator<Item = &'a str>) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        for line in lines {
            bytes.extend_from_slice(line.as_bytes());
            bytes.push(b'\n');
        }
        if bytes.is_empty() {
            return Ok(());
        }
        self.write_durably(&bytes)
    }

    /// Appends and syncs; on failure the in-memory journal is ahead of the file, so the handle is
    /// poisoned and must be reopened (which cuts any partial write).
    fn write_durably(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        let written = self
            .file
            .write_all(bytes)
            .map_err(|e| StoreError::io(&self.path, "write", &e))
            .and_then(|()| {
                self.file
                    .sync_data()
                    .map_err(|e| StoreError::io(&self.path, "sync", &e))
            });
        if written.is_err() {
            self.poisoned = true;
        }
        written
    }
}

/// Reads and verifies a journal file's chain without locking, changing or replaying it: what an
/// inspector runs on a copy. A torn tail is reported, not cut.
pub fn verify_file(path: impl AsRef<Path>) -> Result<Verified, StoreError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, "read", &e))?;
    let (complete, torn) = split_torn(&bytes);
    let head = journal::verify(complete)?;
    Ok(Verified { head, torn })
}

/// Splits the file into its complete lines and an unterminated tail.
fn split_torn(bytes: &[u8]) -> (&[u8], Option<TornTail>) {
    let end = bytes
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let (complete, tail) = bytes.split_at(end);
    if tail.is_empty() {
        return (complete, None);
    }
    let line = journal::lines(complete).count();
    let torn = TornTail {
        line: u64::try_from(line).unwrap_or(u64::MAX).saturating_add(1),
        offset: u64::try_from(end).unwrap_or(u64::MAX),
        bytes: u64::try_from(tail.len()).unwrap_or(u64::MAX),
    };
    (complete, Some(torn))
}

fn lock(file: &File, path: &Path) -> Result<(), StoreError> {
    file.try_lock().map_err(|e| match e {
        TryLockError::WouldBlock => StoreError::Locked {
            path: path.to_path_buf(),
        },
        TryLockError::Error(e) => StoreError::io(path, "lock", &e),
    })
}

/// Makes a new file's directory entry durable.
fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Directories can be opened for reading and synced on Unix; elsewhere this is best effort.
    if let Ok(dir) = File::open(parent) {
        if cfg!(unix) {
            dir.sync_all()
                .map_err(|e| StoreError::io(path, "sync", &e))?;
        }
    }
    Ok(())
}
