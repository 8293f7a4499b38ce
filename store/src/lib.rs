//! The default store of a chibo journal: one append-only JSON Lines file per commune.
//!
//! What it promises, in plain words (docs/journal.md says more):
//! - **One writer.** Opening takes an exclusive lock on the file; a second writer, in this or
//!   another process, is refused with `store.locked` until the first closes it. Before every
//!   write the handle checks that the path still names its file: a file renamed or copied over
//!   the journal is detected (`store.replaced`), and nothing more is written to the old one.
//! - **Durable before acknowledged.** [`JournalFile::execute`] returns only after the record is
//!   written and `fsync`ed. An acknowledged event survives a crash or a power loss (as far as
//!   the disk honours fsync).
//! - **Nothing that might be a record is lost on open.** A whole last record without its line
//!   feed is kept (the line feed is added, [`Opened::newline_added`]). A torn tail (an
//!   unterminated last line that is not a whole record, left by a write cut short) was never
//!   acknowledged: its bytes are saved to `<journal>.torn-<line>`, then it is cut and reported in
//!   [`Opened::torn`]. CR LF or CR line endings, a byte-order mark, or any damage before the tail
//!   is an error naming the line, and the file is left as it is; [`repair_file`] rewrites line
//!   endings and the mark only after every hash checks, keeping the original beside it.
//! - **A failed write leaves nothing behind.** If a write or fsync fails (a full disk, say), the
//!   file is cut back to the last acknowledged record and re-read: the handle never reports a
//!   record, a seal or a member that is not on disk. Only if the file cannot be read back does the
//!   handle refuse everything (`store.poisoned`) until it is opened again.
//!
//! - **A key file is never overwritten.** [`create_key_file`] writes a new member's secret key
//!   (32 bytes of the system's randomness) to a new file, owner-only on Unix; a file already at
//!   the path is refused (`store.exists`), so a key is never lost by making another.
//!
//! The pure core (`chibo`) does the checking, hashing and replay; this crate only reads, locks,
//! appends and syncs. The wasm build does not use it.

mod error;
mod file;
mod key;
mod lock;
mod open;

pub use error::{StoreError, STORE_CODES};
pub use file::{Batch, JournalFile};
pub use key::{
    create_key_file, generate_secret_key, read_key_file, write_key_file, SECRET_KEY_BYTES,
};
pub use open::{repair_file, verify_file, Opened, TornTail, Verified};
