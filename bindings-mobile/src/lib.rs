//! The Android and iOS binding of chibo: uniffi proc-macros over the pure core (`chibo`) and the
//! journal file (`chibo-store`). Kotlin package `vn.chibo`, Swift module `Chibo` (see
//! `uniffi.toml` and docs/mobile.md).
//!
//! Nothing here decides anything: each exposed function converts values at the border and calls
//! the core, which checks every rule. A refusal crosses as [`ChiboError`] (one variant per kind of
//! refusal, keeping the core's stable code, both messages and its fields); values cross as records
//! and enums; dates as the platform's date types ([`Timestamp`], [`CalendarDate`], [`YearMonth`]).
//!
//! ```text
//!   Kotlin / Swift ──▶ Commune / CommuneFile (Mutex inside) ──▶ chibo::Journal ──▶ chibo::Commune
//!        ▲                    │ records, enums, JSON text            checks, events
//!        └── ChiboError ◀─────┘ (code, message_vi, message_en, fields)
//! ```

uniffi::setup_scaffolding!("chibo");

// Dates cross as the core declares them (chibo::ffi): instants and days.
uniffi::use_remote_type!(chibo::Timestamp);
uniffi::use_remote_type!(chibo::NaiveDate);

mod background;
mod error;
mod journal;
mod journal_file;
mod merge;
mod signing;
mod verify;
mod view;

use chibo::time::Timestamp;
use chrono::NaiveDate;

pub use error::{ChiboError, ErrorKind, Refusal};
pub use journal::{Commune, Recorded};
pub use journal_file::{Batch, CommuneFile, Opened, TornTail};
pub use merge::{Conflict, MergeReport, MergedRecord};
pub use signing::{
    key_proof_message, public_key, sign_command, sign_command_json, sign_key_proof,
    signing_message, signing_message_json, verify_signed_seal,
};
pub use verify::{
    refusal_codes, repair_journal, repair_journal_file, verify_journal, verify_journal_file, Head,
    Repaired, Verified,
};
