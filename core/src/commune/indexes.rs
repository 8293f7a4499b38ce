//! Lookups derived from the commune's state, kept so that the rules' checks do not scan the
//! whole history (issue 20). They are not part of the state: never serialised (the field is
//! `#[serde(skip)]`), ignored by `==`, and built from the state on first use, so a commune
//! deserialised, cloned, replayed or merged answers exactly as one that ran every command.

use super::regular_meetings::RegularMeetings;
use crate::ids::{IdMap, MeetingId, TaskId};
use crate::meeting::{Header, MeetingState, UnfinishedTasks};
use crate::task::Task;
use std::sync::OnceLock;

/// The commune's derived lookups. Invariant: each one that is built equals what it would be if
/// built now from the state (every change to a task is noted).
#[derive(Clone, Default)]
pub(crate) struct Indexes {
    unfinished: OnceLock<UnfinishedTasks>,
    regular: OnceLock<RegularMeetings>,
}

impl Indexes {
    /// The unfinished tasks by cell, built from `tasks` (the commune's) the first time.
    pub(crate) fn unfinished(&self, tasks: &IdMap<TaskId, Task>) -> &UnfinishedTasks {
        self.unfinished.get_or_init(|| UnfinishedTasks::of(tasks))
    }

    /// The regular meetings by cell and month, built from `meetings` (the commune's) the first
    /// time.
    pub(crate) fn regular_meetings(
        &self,
        meetings: &IdMap<MeetingId, MeetingState>,
    ) -> &RegularMeetings {
        self.regular.get_or_init(|| RegularMeetings::of(meetings))
    }

    /// Records a meeting just drafted.
    pub(crate) fn note_meeting(&mut self, header: &Header) {
        if let Some(regular) = self.regular.get_mut() {
            regular.note(header);
        }
    }

    /// Records a task as it now is (after any change, refused or not).
    pub(crate) fn note_task(&mut self, task: &Task) {
        if let Some(unfinished) = self.unfinished.get_mut() {
            unfinished.note(task);
        }
    }

    /// Takes a task that is being replaced off the lookups.
    pub(crate) fn forget_task(&mut self, task: &Task) {
        if let Some(unfinished) = self.unfinished.get_mut() {
            unfinished.forget(task);
        }
    }
}

/// Derived state is not part of what two communes are compared on.
impl PartialEq for Indexes {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Indexes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Indexes (derived)")
    }
}
