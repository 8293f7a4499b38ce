//! Where a commune's journal lives: in memory (its lines kept for saving), or in a journal file
//! of the default store (`chibo-store`: locked, each record synced before it is acknowledged).

use chibo::journal::{Encoded, Merge};
use chibo::{Command, Journal};
use chibo_store::{JournalFile, StoreError};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A journal in memory or in a file.
pub enum Backend {
    /// In memory: the journal and the lines it was built from.
    Memory {
        /// The journal.
        journal: Journal,
        /// Its records' lines, without newlines.
        lines: Vec<String>,
    },
    /// A locked journal file.
    File(JournalFile),
    /// A file closed by the caller: every call refuses until it is opened again.
    Closed(PathBuf),
}

/// What a batch of commands did: how many were accepted and kept, and the first refusal.
pub struct BatchOutcome {
    /// Commands accepted (and, for a file, synced).
    pub accepted: usize,
    /// The first refused command's index and why; later commands were not tried.
    pub refused: Option<(usize, chibo::Error)>,
}

impl Backend {
    /// An empty journal in memory.
    pub fn memory() -> Self {
        Self::Memory {
            journal: Journal::new(),
            lines: Vec::new(),
        }
    }

    /// A journal in memory loaded (verified and replayed) from its text.
    pub fn load(text: &[u8]) -> Result<Self, chibo::Error> {
        let journal = Journal::load(text)?;
        let lines = chibo::journal::lines(text)
            .map(|(_, line)| String::from_utf8_lossy(line).into_owned())
            .collect();
        Ok(Self::Memory { journal, lines })
    }

    /// The journal, or `store.closed` naming the file when it was closed.
    pub fn journal(&self) -> Result<&Journal, StoreError> {
        match self {
            Self::Memory { journal, .. } => Ok(journal),
            Self::File(file) => Ok(file.journal()),
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Checks and keeps one command.
    pub fn execute(&mut self, command: &Command) -> Result<Encoded, StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                let encoded = journal.execute(command)?;
                lines.push(encoded.line.clone());
                Ok(encoded)
            }
            Self::File(file) => file.execute(command),
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Checks and keeps commands in order, stopping at the first refusal (a file syncs once).
    pub fn execute_batch(&mut self, commands: &[Command]) -> Result<BatchOutcome, StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                for (index, command) in commands.iter().enumerate() {
                    match journal.execute(command) {
                        Ok(encoded) => lines.push(encoded.line),
                        Err(error) => {
                            return Ok(BatchOutcome {
                                accepted: index,
                                refused: Some((index, error)),
                            })
                        }
                    }
                }
                Ok(BatchOutcome {
                    accepted: commands.len(),
                    refused: None,
                })
            }
            Self::File(file) => {
                let batch = file.execute_batch(commands)?;
                Ok(BatchOutcome {
                    accepted: batch.appended.len(),
                    refused: batch.refused,
                })
            }
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Merges a device's journal and keeps what holds.
    pub fn merge(&mut self, device: &[u8]) -> Result<Merge, StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                let merge = journal.merge(device)?;
                lines.extend(merge.appended.iter().map(|m| m.line.clone()));
                Ok(merge)
            }
            Self::File(file) => file.merge(device),
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// The journal's text (JSON Lines, each record ending with a newline).
    pub fn text(&self) -> Result<String, StoreError> {
        match self {
            Self::Memory { lines, .. } => {
                let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
                for line in lines {
                    text.push_str(line);
                    text.push('\n');
                }
                Ok(text)
            }
            Self::File(file) => {
                std::fs::read_to_string(file.path()).map_err(|e| io_error(file.path(), "read", &e))
            }
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Writes the journal to a new file (refused if one is there) and syncs it.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        let text = self.text()?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => StoreError::Exists {
                    path: path.to_path_buf(),
                },
                _ => io_error(path, "open", &e),
            })?;
        file.write_all(text.as_bytes())
            .map_err(|e| io_error(path, "write", &e))?;
        file.sync_all().map_err(|e| io_error(path, "sync", &e))
    }

    /// Releases a file's lock; later calls refuse. Nothing to do in memory.
    pub fn close(&mut self) {
        if let Self::File(file) = self {
            let path = file.path().to_path_buf();
            *self = Self::Closed(path);
        }
    }

    /// The file's path, if the journal is in one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Memory { .. } => None,
            Self::File(file) => Some(file.path()),
            Self::Closed(path) => Some(path),
        }
    }
}

fn closed(path: &Path) -> StoreError {
    StoreError::Closed {
        path: path.to_path_buf(),
    }
}

fn io_error(path: &Path, action: &'static str, error: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        action,
        detail: error.to_string(),
    }
}
