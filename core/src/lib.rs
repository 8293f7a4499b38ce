#![doc = include_str!("../../README.md")]
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::indexing_slicing))]

pub mod command;
pub mod commune;
pub mod defect;
pub mod directive;
pub mod error;
#[cfg(feature = "uniffi")]
pub mod ffi;
pub mod ids;
pub mod inspection;
pub mod journal;
pub mod labels;
pub mod meeting;
pub mod organisation;
pub mod report;
pub mod review;
pub mod rules;
pub mod scoring;
pub mod task;
pub mod text;
pub mod time;

pub use command::{Action, Command, Event};
pub use commune::Commune;
pub use error::{Error, ErrorKind, Refusal};
pub use journal::Journal;
pub use meeting::{Meeting, MeetingState};
pub use rules::{Preset, Rules};

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("chibo_core");

/// A count as `u32`, the type of every tally and limit; saturates rather than wrapping.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
