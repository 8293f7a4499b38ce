//! Where a commune's journal lives: in memory (its lines kept for saving), or in a journal file
//! of the default store (`chibo-store`: locked, each record synced before it is acknowledged).

use crate::outcome::{Accepted, Line, Outcomes};
use chibo::journal::{Merge, Signature};
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

impl Backend {
    /// An empty journal in memory.
    pub fn memory() -> Self {
        Self::Memory {
            journal: Journal::new(),
            lines: Vec::new(),
        }
    }

    /// A journal in memory loaded (verified and replayed) from its text, its lines decoded on
    /// the machine's other cores beside the replay.
    pub fn load(text: &[u8]) -> Result<Self, chibo::Error> {
        let cores = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
        let journal = Journal::load_on(text, cores)?;
        let lines = chibo::journal::lines(text)
            // Every line decoded, so each is UTF-8: checked by simdutf8, many times faster than
            // the standard library on Vietnamese text (docs/performance.md).
            .map(|(_, line)| match simdutf8::basic::from_utf8(line) {
                Ok(line) => line.to_owned(),
                Err(_) => String::from_utf8_lossy(line).into_owned(),
            })
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

    /// Checks and keeps one command; returns its record's sequence number. (In memory the
    /// record's line moves into `lines`: nothing is copied back.)
    pub fn execute(&mut self, command: Command) -> Result<u64, StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                let encoded = journal.execute(command)?;
                lines.push(encoded.line);
                Ok(encoded.seq)
            }
            Self::File(file) => file.execute(command).map(|encoded| encoded.seq),
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// [`Backend::execute`] for a command signed by its actor.
    pub fn execute_signed(
        &mut self,
        command: &Command,
        signature: &Signature,
    ) -> Result<u64, StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                let encoded = journal.execute_signed(command, signature)?;
                lines.push(encoded.line);
                Ok(encoded.seq)
            }
            Self::File(file) => file
                .execute_signed(command, signature)
                .map(|encoded| encoded.seq),
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Checks and keeps each command in order, noting each one's outcome in `into`
    /// (`indexes[k]` is the batch position of `commands[k]`): a refused command changes nothing
    /// and the next is tried, unless `stop` (then the rest are not tried). A journal file is
    /// synced once per run of accepted commands, before this returns. A failed write (a
    /// `StoreError`) ends the batch.
    pub fn execute_each(
        &mut self,
        indexes: &[usize],
        commands: &[Command],
        stop: bool,
        into: &mut Outcomes,
    ) -> Result<(), StoreError> {
        match self {
            Self::Memory { journal, lines } => {
                for (&index, command) in indexes.iter().zip(commands) {
                    match journal.execute(command) {
                        Ok(encoded) => {
                            into.accepted.push(Accepted {
                                index,
                                seq: encoded.seq,
                                line: Line::Kept(lines.len()),
                            });
                            lines.push(encoded.line);
                        }
                        Err(error) => {
                            into.refused.push((index, error));
                            if stop {
                                break;
                            }
                        }
                    }
                }
                Ok(())
            }
            Self::File(file) => {
                let (mut indexes, mut commands) = (indexes, commands);
                while !commands.is_empty() {
                    let batch = file.execute_batch(commands)?;
                    into.accepted.extend(indexes.iter().zip(batch.appended).map(
                        |(&index, encoded)| Accepted {
                            index,
                            seq: encoded.seq,
                            line: Line::Owned(encoded.line),
                        },
                    ));
                    let Some((k, error)) = batch.refused else {
                        break;
                    };
                    let (Some(&index), Some(later_indexes), Some(later)) =
                        (indexes.get(k), indexes.get(k + 1..), commands.get(k + 1..))
                    else {
                        break;
                    };
                    into.refused.push((index, error));
                    if stop {
                        break;
                    }
                    (indexes, commands) = (later_indexes, later);
                }
                Ok(())
            }
            Self::Closed(path) => Err(closed(path)),
        }
    }

    /// Copies of the lines at these positions of a journal in memory (none for a file).
    pub fn kept_lines(&self, positions: impl Iterator<Item = usize>) -> Option<Vec<String>> {
        match self {
            Self::Memory { lines, .. } => positions.map(|p| lines.get(p).cloned()).collect(),
            Self::File(_) | Self::Closed(_) => None,
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
