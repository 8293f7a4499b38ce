//! What an offline merge did, as values: the device's records appended to the shared journal and
//! those the rules now refuse (conflicts), each with its reason. Nothing is dropped silently.

use crate::error::{malformed, ChiboError, Refusal};
use chibo::time::Timestamp;

/// The result of merging a device's journal into the shared one (docs/journal.md, offline merge).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MergeReport {
    /// The last record the two journals share.
    pub fork: u64,
    /// The device's records that still hold, appended to the shared journal in order.
    pub appended: Vec<MergedRecord>,
    /// The device's records the rules now refuse, each with its reason.
    pub conflicts: Vec<Conflict>,
    /// The device's records an earlier merge already appended (by device sequence number).
    pub already_merged: Vec<u64>,
}

/// A device record appended to the shared journal.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MergedRecord {
    /// Its sequence number in the device's journal.
    pub device_seq: u64,
    /// Its sequence number in the shared journal.
    pub seq: u64,
    /// The line appended to the shared journal (without the newline), to send on if the shared
    /// journal lives elsewhere.
    pub line: String,
}

/// A device record the shared journal refuses now: shown to the secretary, who decides what to
/// do (record it again differently, or drop it).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Conflict {
    /// Its sequence number in the device's journal.
    pub device_seq: u64,
    /// Who recorded it on the device.
    pub actor: String,
    /// When it was recorded on the device.
    pub at: Timestamp,
    /// The action's name, e.g. `record_meeting`.
    pub action: String,
    /// The command as the device recorded it, as JSON text.
    pub command: String,
    /// Why the shared journal refuses it now.
    pub reason: Refusal,
}

impl TryFrom<chibo::journal::Merge> for MergeReport {
    type Error = ChiboError;

    fn try_from(merge: chibo::journal::Merge) -> Result<Self, ChiboError> {
        let conflicts = merge
            .conflicts
            .into_iter()
            .map(|c| {
                Ok(Conflict {
                    device_seq: c.device_seq,
                    actor: c.event.0.actor.to_string(),
                    at: c.event.0.at,
                    action: c.action.to_owned(),
                    command: serde_json::to_string(&c.event).map_err(malformed)?,
                    reason: Refusal::from(&c.reason),
                })
            })
            .collect::<Result<_, ChiboError>>()?;
        Ok(Self {
            fork: merge.fork,
            appended: merge
                .appended
                .into_iter()
                .map(|m| MergedRecord {
                    device_seq: m.device_seq,
                    seq: m.seq,
                    line: m.line,
                })
                .collect(),
            conflicts,
            already_merged: merge.already_merged,
        })
    }
}
