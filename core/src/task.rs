//! A task (nhiệm vụ) given to a member by the cell committee, and its small lifecycle.
//!
//! ```text
//!               report_task: exceeded | on_time | late
//!   ┌──────────┐ ─────────────────────────────────────▶ ┌──────┐
//!   │ Assigned │                                        │ Done │
//!   └──────────┘ ─── report_task: not_done (reason) ──┐ └──────┘
//!          │  └───── carry_over_task ─────────────────┤
//!          │                                          ▼
//!          │ cancel_task                       ┌────────────┐
//!          ▼                                   │ Unfinished │ ── cancel_task ──▶ Cancelled
//!     ┌───────────┐                            └────────────┘
//!     │ Cancelled │                                   │ assign_tasks of a later meeting (R-41)
//!     └───────────┘                                   ▼
//!                                              ┌─────────────┐   a new task, linked to this one
//!                                              │ CarriedOver │ ─▶ (`carried_from`), with its own
//!                                              └─────────────┘   deadline, starts `Assigned`
//! ```
//!
//! A task keeps what happened to it: one not done stays not done in the record even when the
//! task carried on from it is done later.

use crate::error::{require_state, Error, PermissionError, ReportError};
use crate::ids::{CellId, MeetingId, MemberId, TaskId};
use crate::meeting::NewTask;
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a member reports a task (R-50).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome {
    /// Vượt mức: done beyond what was asked.
    Exceeded,
    /// Hoàn thành đúng hạn.
    OnTime,
    /// Hoàn thành nhưng chậm.
    Late,
    /// Không hoàn thành, with the reason; the task carries over (R-41).
    NotDone {
        /// Why.
        reason: String,
    },
}

impl Outcome {
    /// The snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Exceeded => "exceeded",
            Outcome::OnTime => "on_time",
            Outcome::Late => "late",
            Outcome::NotDone { .. } => "not_done",
        }
    }
}

/// The state of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Given to its owner for the current meeting's month.
    Assigned,
    /// Reported done (exceeded, on time or late).
    Done,
    /// Not done, or carried over: waits for the next assignment (R-41).
    Unfinished,
    /// Cancelled by the cell: no longer carried.
    Cancelled,
    /// Carried into a later meeting as a new task (R-41): closed here, its outcome kept.
    CarriedOver,
}

impl TaskState {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Assigned => "assigned",
            TaskState::Done => "done",
            TaskState::Unfinished => "unfinished",
            TaskState::Cancelled => "cancelled",
            TaskState::CarriedOver => "carried_over",
        }
    }
}

/// One entry of a task's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "entry", rename_all = "snake_case")]
pub enum TaskEntry {
    /// The owner reported (R-50).
    Reported {
        /// When.
        at: Timestamp,
        /// The outcome.
        outcome: Outcome,
        /// Anything the owner added.
        note: Option<String>,
    },
    /// The secretary carried it over without a report (R-41).
    CarriedOver {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
        /// Why.
        reason: String,
    },
    /// A later meeting took it over as a new task (R-41).
    CarriedInto {
        /// When.
        at: Timestamp,
        /// The meeting that took it over.
        meeting: MeetingId,
        /// The new task.
        task: TaskId,
    },
    /// The cell cancelled it.
    Cancelled {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
        /// Why.
        reason: String,
    },
    /// The secretary (or a committee member) assessed the report just before (R-51).
    Assessed {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
        /// Accepted, or sent back with a reason.
        assessment: Assessment,
    },
}

impl TaskEntry {
    /// When it happened.
    pub fn at(&self) -> Timestamp {
        match self {
            TaskEntry::Reported { at, .. }
            | TaskEntry::CarriedOver { at, .. }
            | TaskEntry::CarriedInto { at, .. }
            | TaskEntry::Cancelled { at, .. }
            | TaskEntry::Assessed { at, .. } => *at,
        }
    }

    /// Whether this is an assessment sending the report back.
    pub fn is_sent_back(&self) -> bool {
        matches!(
            self,
            TaskEntry::Assessed {
                assessment: Assessment::SentBack { .. },
                ..
            }
        )
    }
}

/// The cell secretary's check of a member's report (R-51). In JSON `"accepted"` or
/// `{"sent_back": {"reason": "…"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Assessment {
    /// The report stands.
    Accepted,
    /// The report is not accepted: the task is assigned again and its owner reports anew.
    SentBack {
        /// Why, for the owner.
        reason: String,
    },
}

/// A task given to one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Task {
    /// Its id.
    pub id: TaskId,
    /// The cell.
    pub cell: CellId,
    /// Who carries it out.
    pub owner: MemberId,
    /// What to do.
    pub content: String,
    /// The resolution item (from 1) of the meeting that first assigned it.
    pub item: u32,
    /// By when.
    pub deadline: NaiveDate,
    /// The meeting that first assigned the work (the first task of a carried chain's).
    pub origin: MeetingId,
    /// The meeting that assigned this task and answers for it.
    pub meeting: MeetingId,
    /// The unfinished task of an earlier meeting it carries on (R-41), if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub carried_from: Option<TaskId>,
    /// When it was assigned.
    pub assigned_at: Timestamp,
    /// Its state.
    pub state: TaskState,
    /// What happened to it, oldest first.
    pub history: Vec<TaskEntry>,
}

impl Task {
    pub(crate) fn new(new: NewTask, cell: CellId, meeting: MeetingId, at: Timestamp) -> Self {
        Self {
            id: new.task,
            cell,
            owner: new.owner,
            content: new.content,
            item: new.item,
            deadline: new.deadline,
            origin: meeting.clone(),
            meeting,
            carried_from: None,
            assigned_at: at,
            state: TaskState::Assigned,
            history: Vec::new(),
        }
    }

    /// Adds `entry` to the history, growing it by exactly one entry: a task has one to three
    /// entries in its life, and `Vec`'s first growth would reserve four (216 bytes unused per
    /// task held, docs/performance.md).
    fn record(&mut self, entry: TaskEntry) {
        self.history.reserve_exact(1);
        self.history.push(entry);
    }

    /// The latest reported outcome, if any.
    pub fn outcome(&self) -> Option<&Outcome> {
        self.history.iter().fold(None, |standing, e| match e {
            TaskEntry::Reported { outcome, .. } => Some(outcome),
            e if e.is_sent_back() => None,
            _ => standing,
        })
    }

    /// Whether the task still waits for a report in `meeting`.
    pub fn is_open_in(&self, meeting: &MeetingId) -> bool {
        self.state == TaskState::Assigned && &self.meeting == meeting
    }

    fn require_state(&self, allowed: &[TaskState], action: &str) -> Result<(), Error> {
        Ok(require_state(
            "task",
            &self.id,
            self.state,
            allowed,
            action,
            TaskState::as_str,
        )?)
    }

    /// The owner reports the outcome (R-50): assigned → done, or unfinished when not done.
    pub fn report(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        outcome: Outcome,
        note: Option<String>,
    ) -> Result<(), Error> {
        if actor != &self.owner {
            return Err(PermissionError::NotTaskOwner {
                actor: actor.clone(),
                task: self.id.clone(),
                owner: self.owner.clone(),
            }
            .into());
        }
        self.require_state(&[TaskState::Assigned], "report_task")?;
        if let Outcome::NotDone { reason } = &outcome {
            if reason.trim().is_empty() {
                return Err(ReportError::ReasonRequired {
                    task: self.id.clone(),
                }
                .into());
            }
            text::bounded("reason", reason)?;
        }
        if let Some(note) = &note {
            text::bounded("note", note)?;
        }
        self.state = match outcome {
            Outcome::NotDone { .. } => TaskState::Unfinished,
            _ => TaskState::Done,
        };
        self.record(TaskEntry::Reported { at, outcome, note });
        Ok(())
    }

    /// The secretary carries an unreported task over to the next month (R-41): assigned →
    /// unfinished. The caller checks that `by` leads the cell.
    pub fn carry_over(
        &mut self,
        by: &MemberId,
        at: Timestamp,
        reason: String,
    ) -> Result<(), Error> {
        self.require_state(&[TaskState::Assigned], "carry_over_task")?;
        text::required("reason", &reason)?;
        self.state = TaskState::Unfinished;
        self.record(TaskEntry::CarriedOver {
            at,
            by: by.clone(),
            reason,
        });
        Ok(())
    }

    /// The secretary or a committee member assesses the report just made (R-51): accepted, or
    /// sent back (done or unfinished → assigned, and the owner reports again). The caller checks
    /// who `by` is and that reporting is still open for a report sent back.
    pub fn assess(
        &mut self,
        by: &MemberId,
        at: Timestamp,
        assessment: Assessment,
    ) -> Result<(), Error> {
        if !matches!(self.history.last(), Some(TaskEntry::Reported { .. })) {
            return Err(ReportError::NothingToAssess {
                task: self.id.clone(),
            }
            .into());
        }
        if by == &self.owner {
            return Err(ReportError::OwnReport {
                task: self.id.clone(),
                member: by.clone(),
            }
            .into());
        }
        if let Assessment::SentBack { reason } = &assessment {
            text::required("reason", reason)?;
            self.state = TaskState::Assigned;
        }
        self.record(TaskEntry::Assessed {
            at,
            by: by.clone(),
            assessment,
        });
        Ok(())
    }

    /// The task carrying this unfinished one into `meeting` (R-41): the same owner, work and
    /// item, its own id and deadline, linked back by `carried_from`.
    pub(crate) fn carried_on(
        &self,
        task: TaskId,
        meeting: MeetingId,
        deadline: NaiveDate,
        at: Timestamp,
    ) -> Self {
        Self {
            id: task,
            cell: self.cell.clone(),
            owner: self.owner.clone(),
            content: self.content.clone(),
            item: self.item,
            deadline,
            origin: self.origin.clone(),
            meeting,
            carried_from: Some(self.id.clone()),
            assigned_at: at,
            state: TaskState::Assigned,
            history: Vec::new(),
        }
    }

    /// A later meeting carries the unfinished task on as the new task `task` (R-41): unfinished →
    /// carried over. Its outcome stays what it was.
    pub fn carry_into(
        &mut self,
        meeting: MeetingId,
        task: TaskId,
        at: Timestamp,
    ) -> Result<(), Error> {
        self.require_state(&[TaskState::Unfinished], "carry_into")?;
        self.state = TaskState::CarriedOver;
        self.record(TaskEntry::CarriedInto { at, meeting, task });
        Ok(())
    }

    /// The cell cancels the task: assigned or unfinished → cancelled. The caller checks that `by`
    /// leads the cell.
    pub fn cancel(&mut self, by: &MemberId, at: Timestamp, reason: String) -> Result<(), Error> {
        self.require_state(&[TaskState::Assigned, TaskState::Unfinished], "cancel_task")?;
        text::required("reason", &reason)?;
        self.state = TaskState::Cancelled;
        self.record(TaskEntry::Cancelled {
            at,
            by: by.clone(),
            reason,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_timestamp;

    #[test]
    fn a_history_holds_exactly_its_entries() -> Result<(), Box<dyn std::error::Error>> {
        let at = parse_timestamp("2026-01-20T08:00:00+07:00")?;
        let new = NewTask {
            task: TaskId::new("t-1"),
            owner: MemberId::new("dv-01"),
            content: "Vận động hội viên đóng quỹ".into(),
            item: 1,
            deadline: NaiveDate::from_ymd_opt(2026, 1, 31).ok_or("date")?,
        };
        let mut task = Task::new(new, CellId::new("cb-1"), MeetingId::new("m-1"), at);
        let secretary = MemberId::new("bt-01");
        task.report(&task.owner.clone(), at, Outcome::OnTime, None)?;
        assert_eq!(task.history.capacity(), 1);
        task.assess(&secretary, at, Assessment::Accepted)?;
        assert_eq!(task.history.capacity(), 2);
        assert_eq!(task.state, TaskState::Done);
        Ok(())
    }
}
