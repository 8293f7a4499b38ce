//! Offline merge: a device's journal that forked from the shared one is brought back.
//!
//! ```text
//!   shared:  1 ─ 2 ─ … ─ N ─ N+1 ─ … ─ S            (head of the shared journal)
//!   device:  1 ─ 2 ─ … ─ N ─ d1 ─ d2 ─ …            (recorded offline)
//!   merged:  1 ─ … ─ S ─ d1' ─ d2' …                (each dᵢ re-checked on top of S;
//!                                                    what the rules refuse is a conflict;
//!                                                    dᵢ' carries "origin": hash(dᵢ), so a
//!                                                    repeated merge skips it)
//! ```
//!
//! A device record that works on something an earlier device record in conflict created or
//! changed (the same meeting, task, inspection, remediation or directive; the member, cell or
//! cluster a conflicting `add_*` created) conflicts in turn (`journal.depends_on_conflict`): it was
//! written on top of the device's version, not the shared one.

use super::chain::{lines, Chain};
use super::record::{Encoded, Record};
use super::Journal;
use crate::command::{Action, Event};
use crate::error::{Error, JournalError};
use crate::ids::{each_id, IdKind};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The records a conflicting device record created or changed, each with the device sequence
/// number of the first conflict that touched it.
#[derive(Default)]
struct Tainted(BTreeMap<(IdKind, String), u64>);

impl Tainted {
    /// Marks what a conflicting record `device_seq` works on.
    fn add(&mut self, device_seq: u64, action: &Action) {
        let subject = |kind: IdKind| match action {
            Action::AddMember(_) => kind == IdKind::Member,
            Action::AddCell(_) => kind == IdKind::Cell,
            Action::FormCluster(_) => kind == IdKind::Cluster,
            _ => matches!(
                kind,
                IdKind::Directive
                    | IdKind::Meeting
                    | IdKind::Task
                    | IdKind::Inspection
                    | IdKind::Remediation
            ),
        };
        each_id(action, |kind, id| {
            if subject(kind) {
                self.0.entry((kind, id.to_owned())).or_insert(device_seq);
            }
            true
        });
    }

    /// The first record `action` names that a conflict touched, with that conflict's device
    /// sequence number.
    fn find(&self, action: &Action) -> Option<(IdKind, String, u64)> {
        let mut found = None;
        each_id(action, |kind, id| {
            found = self
                .0
                .get(&(kind, id.to_owned()))
                .map(|seq| (kind, id.to_owned(), *seq));
            found.is_none()
        });
        found
    }
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Merge {
    /// The last record the two journals share (0 only when the shared journal was empty).
    pub fork: u64,
    /// The device's records that still hold, appended to the shared journal in order.
    pub appended: Vec<Merged>,
    /// The device's records the rules now refuse, each with its reason. Nothing is dropped
    /// silently: every device record after the fork is in `appended`, here, or in
    /// `already_merged`.
    pub conflicts: Vec<Conflict>,
    /// The device's records an earlier merge already appended (a sync retried), by device
    /// sequence number: skipped, not appended twice.
    pub already_merged: Vec<u64>,
}

/// A device record appended to the shared journal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Merged {
    /// Its sequence number in the device's journal.
    pub device_seq: u64,
    /// Its sequence number in the shared journal.
    pub seq: u64,
    /// The line appended (without the newline).
    #[serde(skip)]
    pub line: String,
}

/// A device record that no longer holds on top of the shared journal.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Conflict {
    /// Its sequence number in the device's journal.
    pub device_seq: u64,
    /// The action's name, e.g. `record_meeting`.
    pub action: &'static str,
    /// The event as the device recorded it.
    pub event: Event,
    /// Why the shared journal refuses it now.
    pub reason: Error,
}

impl Journal {
    /// Merges a device's journal into this (shared) one. The device journal is verified whole
    /// first (a damaged device journal is an error and nothing is merged); the records it shares
    /// with this journal are found by hash; each later record's command is executed again on
    /// top of this journal's head. Those that hold are appended (returned in
    /// [`Merge::appended`], to be written); those the rules refuse are [`Merge::conflicts`].
    pub fn merge(&mut self, device: impl AsRef<[u8]>) -> Result<Merge, Error> {
        super::check_form(device.as_ref())?;
        let mut chain = Chain::new();
        let mut fork = 0;
        let mut after_fork: Vec<Record> = Vec::new();
        for (line_no, line) in lines(device.as_ref()) {
            let record = chain.next(line_no, line)?;
            let shared = after_fork.is_empty() && self.hash_at(record.seq) == Some(record.hash);
            if shared {
                fork = record.seq;
            } else if record.seq == 1 && !self.is_empty() {
                return Err(JournalError::Unrelated { line: 1 }.into());
            } else {
                after_fork.push(record);
            }
        }
        let mut merge = Merge {
            fork,
            appended: Vec::new(),
            conflicts: Vec::new(),
            already_merged: Vec::new(),
        };
        let mut tainted = Tainted::default();
        for record in after_fork {
            // A record the device itself got by a merge keeps its first origin.
            let origin = record.origin.unwrap_or(record.hash);
            if self.merged.contains(&origin) {
                merge.already_merged.push(record.seq);
                continue;
            }
            let action = &record.event.0.action;
            if let Some((kind, id, depends_on)) = tainted.find(action) {
                tainted.add(record.seq, action);
                merge.conflicts.push(Conflict {
                    device_seq: record.seq,
                    action: action.name(),
                    reason: JournalError::DependsOnConflict {
                        device_seq: record.seq,
                        depends_on,
                        kind: kind.field().to_owned(),
                        id,
                    }
                    .into(),
                    event: record.event,
                });
                continue;
            }
            // Fast-forward: while the shared head is where the device record was written, the
            // record is appended as it is (same line, same hash); a repeated merge then finds it
            // by hash. Otherwise it is re-encoded and carries its origin.
            let head = self.head();
            let fast_forward = record.prev == head.hash && record.seq == head.seq.saturating_add(1);
            let carried = if fast_forward {
                record.origin
            } else {
                Some(origin)
            };
            let signed = self.check_signed(record.seq, &record.event, record.sig.as_ref(), None);
            let executed = signed.and_then(|()| {
                self.execute_from(
                    Cow::Borrowed(&record.event.0),
                    carried.as_ref(),
                    record.sig.as_ref(),
                )
            });
            match executed {
                Ok(Encoded { seq, line, .. }) => merge.appended.push(Merged {
                    device_seq: record.seq,
                    seq,
                    line,
                }),
                Err(reason) => {
                    tainted.add(record.seq, &record.event.0.action);
                    merge.conflicts.push(Conflict {
                        device_seq: record.seq,
                        action: record.event.0.action.name(),
                        event: record.event,
                        reason,
                    });
                }
            }
        }
        Ok(merge)
    }
}
