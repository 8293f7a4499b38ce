//! Appending to the file store (`chibo-store`): one fsync per command, or one per sitting.
//!
//! Each run writes a fresh file in a scratch folder (removed when the [`Scratch`] is dropped), so
//! that every run appends to an empty journal, as the first writes of a commune's year do.

use crate::BenchError;
use chibo::Command;
use chibo_store::JournalFile;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A scratch folder for journal files, removed with everything in it when dropped.
#[derive(Debug)]
pub struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    /// A new folder `chibo-bench-<pid>-<n>` under `base` (it must be on the disk being measured:
    /// fsync on a RAM disk costs nothing).
    pub fn new(base: &Path) -> Result<Self, BenchError> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = base.join(format!("chibo-bench-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|error| BenchError::Io {
            path: dir.display().to_string(),
            error,
        })?;
        Ok(Self { dir })
    }

    /// The path of the scratch journal, with any file an earlier run left there removed (each
    /// run starts from an empty journal, and the folder does not fill up).
    pub fn fresh(&mut self) -> Result<PathBuf, BenchError> {
        let path = self.dir.join("journal.jsonl");
        match std::fs::remove_file(&path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(BenchError::Io {
                path: path.display().to_string(),
                error,
            }),
            _ => Ok(path),
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn store(error: impl std::fmt::Display) -> BenchError {
    BenchError::Store(error.to_string())
}

/// Creates a journal at `path` and appends `commands` one by one, each synced before the next
/// (`JournalFile::execute`). Returns the records written.
pub fn append_each(path: &Path, commands: &[Command]) -> Result<u64, BenchError> {
    let mut file = JournalFile::create(path).map_err(store)?;
    for command in commands {
        file.execute(command).map_err(store)?;
    }
    Ok(file.head().seq)
}

/// Creates a journal at `path` and appends `commands` in batches of the given lengths, one sync
/// per batch (`JournalFile::execute_batch`). Returns the records written.
pub fn append_batches(
    path: &Path,
    commands: &[Command],
    batches: &[usize],
) -> Result<u64, BenchError> {
    let mut file = JournalFile::create(path).map_err(store)?;
    let mut rest = commands;
    for &len in batches {
        let (batch, tail) = rest
            .split_at_checked(len)
            .ok_or_else(|| BenchError::Store(format!("a batch of {len} past the end")))?;
        let written = file.execute_batch(batch).map_err(store)?;
        if let Some((index, error)) = written.refused {
            return Err(BenchError::Store(format!(
                "command {index} of a batch refused: {}",
                error.code()
            )));
        }
        rest = tail;
    }
    Ok(file.head().seq)
}

/// Opens an existing journal file: read, verify, replay (`JournalFile::open`). Returns the
/// records read.
pub fn open(path: &Path) -> Result<u64, BenchError> {
    let (_file, opened) = JournalFile::open(path).map_err(store)?;
    Ok(opened.records)
}
