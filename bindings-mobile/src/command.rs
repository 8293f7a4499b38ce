//! Commands as typed records, for the steps of a meeting's lifecycle that a phone takes: draft,
//! prepare, notify, publish, record the meeting, assign, report, assess a report, carry over or
//! cancel, close.
//! Every other action (organisation, directives, inspections, scores…) is sent as JSON text
//! (`execute_json`, docs/json.md): one typed record per action would double the surface for steps
//! an app rarely takes, and the JSON form reaches them all through the same checks.

use crate::time::{CalendarDate, Timestamp, YearMonth};

/// A request to change the commune: who, when, what. The core checks it against the state, the
/// actor's role and the rules.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Command {
    /// The member taking the step (their id).
    pub actor: String,
    /// When, by the caller's clock, with its offset.
    pub at: Timestamp,
    /// What.
    pub action: Action,
}

/// The lifecycle steps of a meeting (kỳ sinh hoạt), draft → adopted → assigned → reported.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Action {
    /// The secretary starts a meeting as a draft (dự thảo, R-22).
    DraftMeeting {
        /// The new meeting's id.
        meeting: String,
        /// The cell (chi bộ).
        cell: String,
        /// The month it belongs to.
        month: YearMonth,
        /// Regular, thematic or combined.
        kind: MeetingKind,
        /// The commune committee's direction it follows (chủ trương).
        directive: String,
        /// The draft content.
        content: String,
        /// The draft resolution's items, numbered from 1.
        resolution_items: Vec<String>,
        /// When it is to start.
        scheduled_at: Timestamp,
        /// Where.
        place: String,
        /// The topic of a thematic meeting.
        topic: Option<String>,
    },
    /// The cell committee's preparatory meeting.
    HoldPreparatoryMeeting {
        /// The meeting.
        meeting: String,
        /// Who attended.
        attendees: Vec<String>,
        /// What was agreed.
        agreed: String,
    },
    /// The notice to members and the higher-level member.
    SendNotice {
        /// The meeting.
        meeting: String,
    },
    /// The documents published to members.
    PublishDocuments {
        /// The meeting.
        meeting: String,
        /// Their titles or references.
        documents: Vec<String>,
    },
    /// A sitting of the meeting, with its vote: draft → adopted (R-30..R-37). What went against
    /// the rules is recorded with its defects; a failed vote keeps the draft a draft.
    RecordMeeting {
        /// The meeting.
        meeting: String,
        /// What happened (biên bản).
        record: MeetingRecord,
    },
    /// Every member who can work gets a task: adopted → assigned.
    AssignTasks {
        /// The meeting.
        meeting: String,
        /// The new tasks.
        tasks: Vec<NewTask>,
        /// Unfinished tasks of earlier meetings carried into this one, each as a new task.
        carried_over: Vec<CarryOver>,
    },
    /// The owner reports a task.
    ReportTask {
        /// The task.
        task: String,
        /// How it went.
        outcome: Outcome,
        /// Anything to add.
        note: Option<String>,
    },
    /// The secretary carries an unreported task over.
    CarryOverTask {
        /// The task.
        task: String,
        /// Why.
        reason: String,
    },
    /// The secretary (or a committee member, not the owner) assesses a report.
    AssessReport {
        /// The task reported.
        task: String,
        /// Accepted, or sent back to be reported again.
        assessment: Assessment,
    },
    /// The secretary cancels a task.
    CancelTask {
        /// The task.
        task: String,
        /// Why.
        reason: String,
    },
    /// Closes reporting on a meeting: assigned → reported.
    CloseReporting {
        /// The meeting.
        meeting: String,
    },
}

/// The kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MeetingKind {
    /// Sinh hoạt thường kỳ: the monthly meeting.
    Regular,
    /// Sinh hoạt chuyên đề: a thematic meeting.
    Thematic,
    /// A thematic and a regular meeting held in one session.
    Combined,
}

/// The facts of the minutes (biên bản, R-33), recorded by the chair.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingRecord {
    /// When it started.
    pub started_at: Timestamp,
    /// When it ended.
    pub ended_at: Timestamp,
    /// Where it was held.
    pub place: String,
    /// Who chaired it.
    pub chair: String,
    /// Who kept the minutes (thư ký).
    pub recorder: String,
    /// Every member of the cell, present or absent with the reason (điểm danh).
    pub roll: Vec<RollEntry>,
    /// Higher-level members who attended.
    pub guests: Vec<String>,
    /// The agenda adopted.
    pub agenda: Vec<String>,
    /// Each speaker and the gist.
    pub speeches: Vec<Speech>,
    /// The chair's conclusions on each item.
    pub conclusions: Vec<String>,
    /// The vote on the resolution (biểu quyết).
    pub vote: Vote,
    /// Whether dues were collected.
    pub dues_collected: bool,
}

/// One line of the roll.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RollEntry {
    /// The member.
    pub member: String,
    /// Present or absent, and why.
    pub attendance: Attendance,
}

/// A member's attendance (điểm danh).
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Attendance {
    /// Có mặt.
    Present,
    /// Vắng có lý do, with the reason.
    AbsentExcused {
        /// The reason given.
        reason: String,
    },
    /// Vắng không lý do.
    AbsentUnexcused,
}

/// One speaker and the gist of what they said.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Speech {
    /// A present member or a guest.
    pub member: String,
    /// The gist.
    pub gist: String,
}

/// A show of hands (biểu quyết): who voted for, against, or abstained.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Vote {
    /// For.
    pub yes: Vec<String>,
    /// Against.
    pub no: Vec<String>,
    /// Abstaining.
    pub abstain: Vec<String>,
}

/// A task given to a member (phân công nhiệm vụ).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NewTask {
    /// The task's id.
    pub task: String,
    /// Who carries it out.
    pub owner: String,
    /// What to do.
    pub content: String,
    /// The resolution item it serves, from 1.
    pub item: u32,
    /// By when.
    pub deadline: CalendarDate,
}

/// An unfinished task carried into a meeting as a new task.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CarryOver {
    /// The unfinished task.
    pub task: String,
    /// The new task's id; none for `<task>.<meeting>`.
    #[uniffi(default = None)]
    pub new_task: Option<String>,
    /// The new task's deadline; none for the last day of the meeting's month.
    #[uniffi(default = None)]
    pub deadline: Option<CalendarDate>,
}

/// The secretary's check of a report.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Assessment {
    /// The report stands.
    Accepted,
    /// Sent back: the task is assigned again and its owner reports anew.
    SentBack {
        /// Why, for the owner.
        reason: String,
    },
}

/// How a member reports a task.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum Outcome {
    /// Vượt mức: done beyond what was asked.
    Exceeded,
    /// Hoàn thành đúng hạn.
    OnTime,
    /// Hoàn thành nhưng chậm.
    Late,
    /// Không hoàn thành, with the reason; the task carries over.
    NotDone {
        /// Why.
        reason: String,
    },
}
