//! The default store of a chibo journal: one append-only JSON Lines file per commune.
//!
//! What it promises, in plain words (docs/journal.md says more):
//! - **One writer.** Opening takes an exclusive lock on the file; a second writer, in this or
//!   another process, is refused with `store.locked` until the first closes it.
//! - **Durable before acknowledged.** [`JournalFile::execute`] returns only after the record is
//!   written and `fsync`ed. An acknowledged event survives a crash or a power loss (as far as
//!   the disk honours fsync).
//! - **A torn tail is cut, and said.** A record half-written when the power went is the last,
//!   unterminated line; on open it is cut off and reported in [`Opened::torn`]. It was never
//!   acknowledged. Anything else wrong in the file (an altered or missing record) is an error
//!   naming the line, and the file is left as it is.
//! - **Nothing half-applied.** A write or fsync failure poisons the handle (`store.poisoned`):
//!   reopen the file, which cuts what was not made durable.
//!
//! The pure core (`chibo`) does the checking, hashing and replay; this crate only reads, locks,
//! appends and syncs. The wasm build does not use it.

mod error;
mod file;

pub use error::{StoreError, STORE_CODES};
pub use file::{verify_file, Batch, JournalFile, Opened, TornTail, Verified};
