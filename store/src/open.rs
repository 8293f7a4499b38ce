//! Opening a journal file without losing a byte that might be a record: a whole last record
//! without its line feed is kept (the line feed is added), a torn tail is saved beside the
//! journal before it is cut, and anything else unexpected is refused with the file untouched.

use crate::error::StoreError;
use crate::file::JournalFile;
use crate::lock::{lock, require_still_at, still_at, sync_parent};
use chibo::journal::{self, Head, Tail};
use chibo::Journal;
use serde::Serialize;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// What opening found and did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Opened {
    /// Records read, verified and replayed.
    pub records: u64,
    /// Where the journal ends.
    pub head: Head,
    /// The unterminated last line that was not a whole record, if there was one: saved beside
    /// the journal, then cut.
    pub torn: Option<TornTail>,
    /// The last record was whole but lacked its line feed (an editor saved the file): the line
    /// feed was added; no record was lost.
    pub newline_added: bool,
}

/// An unterminated last line that is not a whole record: what a write interrupted by a crash or
/// power loss leaves. It was never acknowledged (acknowledgement comes only after the whole line
/// and its line feed are synced).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TornTail {
    /// Its line number.
    pub line: u64,
    /// The byte offset where it started (the file's length after the cut).
    pub offset: u64,
    /// How many bytes it held.
    pub bytes: u64,
    /// Where its bytes were saved before the cut (`<journal>.torn-<line>`); `None` when only
    /// verified, not cut.
    pub saved_to: Option<PathBuf>,
}

impl TornTail {
    fn of(tail: &journal::TornTail, saved_to: Option<PathBuf>) -> Self {
        Self {
            line: tail.line,
            offset: tail.offset,
            bytes: tail.bytes,
            saved_to,
        }
    }
}

/// What [`verify_file`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verified {
    /// Where the records end.
    pub head: Head,
    /// An unterminated last line that is not a whole record, left in place (only opening for
    /// writing saves and cuts it).
    pub torn: Option<TornTail>,
    /// The last record is whole but lacks its line feed (opening for writing adds it).
    pub newline_missing: bool,
}

/// How many times opening retries when the path is replaced between opening and locking.
const OPEN_ATTEMPTS: usize = 3;

impl JournalFile {
    /// Opens an existing journal file: locks it, reads it, verifies and replays every record.
    ///
    /// Nothing that might be a record is lost: a whole last record lacking its line feed is kept
    /// and the line feed added ([`Opened::newline_added`]); an unterminated last line that is not
    /// a whole record (a torn write) is first saved to `<journal>.torn-<line>`, then cut
    /// ([`Opened::torn`]). CR LF or CR line endings, a byte-order mark, or any damage before the
    /// tail is an error naming the line, and the file is not changed.
    pub fn open(path: impl AsRef<Path>) -> Result<(Self, Opened), StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut file = locked(&path)?;
        let mut bytes = Vec::new();
        file.seek(SeekFrom::Start(0))
            .and_then(|_| file.read_to_end(&mut bytes))
            .map_err(|e| StoreError::io(&path, "read", &e))?;
        let layout = journal::layout(&bytes)?;
        let records = bytes.get(..layout.records_end).unwrap_or_default();
        // The lines are decoded on every core the machine offers, beside the replay.
        let cores = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
        let journal = Journal::load_on(records, cores)?;
        let mut opened = Opened {
            records: journal.len(),
            head: journal.head(),
            torn: None,
            newline_added: false,
        };
        match &layout.tail {
            Tail::Clean => {}
            Tail::MissingNewline => {
                file.write_all(b"\n")
                    .and_then(|()| file.sync_data())
                    .map_err(|e| StoreError::io(&path, "write", &e))?;
                opened.newline_added = true;
            }
            Tail::Torn(tail) => {
                let torn = bytes.get(layout.records_end..).unwrap_or_default();
                let saved = new_sibling(&path, &format!("torn-{}", tail.line), torn)?;
                file.set_len(tail.offset)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| StoreError::io(&path, "cut", &e))?;
                opened.torn = Some(TornTail::of(tail, Some(saved)));
            }
        }
        let durable = match &layout.tail {
            Tail::Clean => layout.records_end,
            Tail::MissingNewline => layout.records_end + 1,
            Tail::Torn(_) => layout.records_end,
        };
        let durable = u64::try_from(durable).unwrap_or(u64::MAX);
        Ok((Self::with(path, file, journal, durable), opened))
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
                newline_added: false,
            };
            Ok((file, opened))
        }
    }
}

/// Opens and locks the file at `path`, making sure the lock is on the file the path names (not
/// one renamed away in between).
fn locked(path: &Path) -> Result<File, StoreError> {
    for _ in 1..OPEN_ATTEMPTS {
        let file = open_append(path)?;
        lock(&file, path)?;
        if still_at(&file, path)? {
            return Ok(file);
        }
    }
    let file = open_append(path)?;
    lock(&file, path)?;
    require_still_at(&file, path)?;
    Ok(file)
}

fn open_append(path: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .read(true)
        .append(true)
        .open(path)
        .map_err(|e| StoreError::io(path, "open", &e))
}

/// Reads and verifies a journal file's chain without locking, changing or replaying it: what an
/// inspector runs on a copy. A torn tail and a missing last line feed are reported, not changed;
/// CR LF or CR line endings and a byte-order mark are refused naming the line.
pub fn verify_file(path: impl AsRef<Path>) -> Result<Verified, StoreError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, "read", &e))?;
    let layout = journal::layout(&bytes)?;
    let head = journal::verify(bytes.get(..layout.records_end).unwrap_or_default())?;
    Ok(Verified {
        head,
        torn: match &layout.tail {
            Tail::Torn(tail) => Some(TornTail::of(tail, None)),
            _ => None,
        },
        newline_missing: layout.tail == Tail::MissingNewline,
    })
}

/// Rewrites a journal file saved with CR LF or CR line endings, or a byte-order mark, in the
/// journal's own form, after checking every record's hash ([`chibo::journal::repair`]). The
/// original is kept as `<journal>.before-repair` (or `…-2`…); the repaired text is written to a new
/// file, synced, and renamed over the journal. Returns where the journal ends and where the
/// original was kept. Refuses a file that does not verify, changing nothing, and a journal that is
/// open for writing (`store.locked`).
pub fn repair_file(path: impl AsRef<Path>) -> Result<(Head, PathBuf), StoreError> {
    let path = path.as_ref();
    let original = open_append(path)?;
    lock(&original, path)?;
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, "read", &e))?;
    let (text, head) = journal::repair(&bytes)?;
    let kept = new_sibling(path, "before-repair", &bytes)?;
    let fresh = new_sibling(path, "repairing", text.as_bytes())?;
    std::fs::rename(&fresh, path).map_err(|e| StoreError::io(path, "write", &e))?;
    sync_parent(path)?;
    Ok((head, kept))
}

/// Writes `bytes` to a new, synced file `<journal>.<label>` (or `…-2`…) beside the journal.
fn new_sibling(path: &Path, label: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let name = path
        .file_name()
        .map_or_else(|| "journal".into(), |n| n.to_string_lossy().into_owned());
    for copy in 1..1000u32 {
        let suffix = if copy == 1 {
            format!("{name}.{label}")
        } else {
            format!("{name}.{label}-{copy}")
        };
        let target = path.with_file_name(suffix);
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
        {
            Ok(mut file) => {
                file.write_all(bytes)
                    .and_then(|()| file.sync_all())
                    .map_err(|e| StoreError::io(&target, "write", &e))?;
                sync_parent(&target)?;
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(StoreError::io(&target, "write", &e)),
        }
    }
    Err(StoreError::Exists {
        path: path.with_file_name(format!("{name}.{label}")),
    })
}
