//! Records at a glance, as the scenario files check them (`Commune::summary` in the core), typed.

use crate::command::MeetingKind;
use crate::time::YearMonth;
use chibo::commune as core;

/// The state of a meeting's lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MeetingState {
    /// Dự thảo.
    Draft,
    /// The resolution is adopted (nghị quyết).
    Adopted,
    /// Tasks are assigned (phân công).
    Assigned,
    /// Every task is reported, carried over or cancelled.
    Reported,
    /// The commune committee concluded an inspection of it.
    Inspected,
}

/// A meeting at a glance.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MeetingSummary {
    /// Its state.
    pub state: MeetingState,
    /// The cell.
    pub cell: String,
    /// The month.
    pub month: YearMonth,
    /// Its kind.
    pub kind: MeetingKind,
    /// Earlier versions of the draft kept.
    pub revisions: u64,
    /// Whether the notice has been sent.
    pub notice_sent: bool,
    /// Sittings whose vote did not adopt the resolution.
    pub failed_sittings: u64,
    /// The codes of the defects recorded on the meeting, oldest sitting first.
    pub defects: Vec<String>,
    /// Members on the roll at the latest sitting (none before one).
    pub members: Option<u32>,
    /// Members present.
    pub present: Option<u32>,
    /// The counted base of the vote.
    pub counted_base: Option<u32>,
    /// Votes for.
    pub yes: Option<u32>,
    /// Votes against.
    pub no: Option<u32>,
    /// Abstentions.
    pub abstain: Option<u32>,
    /// Length in minutes.
    pub minutes: Option<i64>,
    /// Admission decisions taken.
    pub admissions: u64,
    /// New tasks assigned.
    pub tasks: u64,
    /// Tasks carried over into it.
    pub carried_over: u64,
    /// Inspections concluded on it.
    pub inspections: u64,
}

/// The state of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum TaskState {
    /// Given, not yet reported.
    Assigned,
    /// Reported done.
    Done,
    /// Reported not done, or its report postponed by the secretary.
    Unfinished,
    /// Cancelled by the secretary.
    Cancelled,
    /// Carried into a later meeting as a new task.
    CarriedOver,
}

/// A task at a glance.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TaskSummary {
    /// Its state.
    pub state: TaskState,
    /// Who carries it out.
    pub owner: String,
    /// The meeting that assigned it and answers for it.
    pub meeting: String,
    /// The outcome reported: `exceeded`, `on_time`, `late`, `not_done`, or none while the task
    /// is assigned.
    pub outcome: Option<String>,
    /// The unfinished task of an earlier meeting it carries on, if it does.
    pub carried_from: Option<String>,
}

/// The state of an inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum InspectionState {
    /// Opened, findings being recorded.
    Open,
    /// The notice of results is issued.
    Concluded,
}

/// An inspection at a glance.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct InspectionSummary {
    /// Its state.
    pub state: InspectionState,
    /// Findings recorded.
    pub findings: u64,
    /// Remediations required.
    pub remediations: u64,
    /// Whether it referred the cell to formal inspection.
    pub referred: bool,
}

/// The state of a remediation (khắc phục).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RemediationState {
    /// Required, not yet reported.
    Open,
    /// The cell reported a remedy.
    Remedied,
    /// The supervisor accepted it.
    Verified,
    /// Past its deadline.
    Overdue,
}

/// A remediation at a glance.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RemediationSummary {
    /// Its state.
    pub state: RemediationState,
}

/// A member's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MemberStatus {
    /// Chính thức.
    Official,
    /// Dự bị.
    Probationary,
}

/// A member at a glance.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct MemberSummary {
    /// Official or probationary.
    pub status: MemberStatus,
    /// The cell, if in one of the commune's cells.
    pub cell: Option<String>,
    /// Exempted from activities.
    pub exempted: bool,
    /// Suspended.
    pub suspended: bool,
    /// Transferred.
    pub transferred: bool,
    /// Still on the roll.
    pub active: bool,
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl From<core::MeetingSummary> for MeetingSummary {
    fn from(s: core::MeetingSummary) -> Self {
        Self {
            state: match s.state {
                chibo::meeting::StateName::Draft => MeetingState::Draft,
                chibo::meeting::StateName::Adopted => MeetingState::Adopted,
                chibo::meeting::StateName::Assigned => MeetingState::Assigned,
                chibo::meeting::StateName::Reported => MeetingState::Reported,
                chibo::meeting::StateName::Inspected => MeetingState::Inspected,
            },
            cell: s.cell.to_string(),
            month: YearMonth(s.month),
            kind: s.kind.into(),
            revisions: count(s.revisions),
            notice_sent: s.notice_sent,
            failed_sittings: count(s.failed_sittings),
            defects: s.defects.iter().map(|d| (*d).to_owned()).collect(),
            members: s.members,
            present: s.present,
            counted_base: s.counted_base,
            yes: s.yes,
            no: s.no,
            abstain: s.abstain,
            minutes: s.minutes,
            admissions: count(s.admissions),
            tasks: count(s.tasks),
            carried_over: count(s.carried_over),
            inspections: count(s.inspections),
        }
    }
}

impl From<core::TaskSummary> for TaskSummary {
    fn from(s: core::TaskSummary) -> Self {
        Self {
            state: match s.state {
                chibo::task::TaskState::Assigned => TaskState::Assigned,
                chibo::task::TaskState::Done => TaskState::Done,
                chibo::task::TaskState::Unfinished => TaskState::Unfinished,
                chibo::task::TaskState::Cancelled => TaskState::Cancelled,
                chibo::task::TaskState::CarriedOver => TaskState::CarriedOver,
            },
            owner: s.owner.to_string(),
            meeting: s.meeting.to_string(),
            outcome: s.outcome.map(str::to_owned),
            carried_from: s.carried_from.map(|t| t.to_string()),
        }
    }
}

impl From<core::InspectionSummary> for InspectionSummary {
    fn from(s: core::InspectionSummary) -> Self {
        Self {
            state: match s.state {
                chibo::inspection::InspectionState::Open => InspectionState::Open,
                chibo::inspection::InspectionState::Concluded => InspectionState::Concluded,
            },
            findings: count(s.findings),
            remediations: count(s.remediations),
            referred: s.referred,
        }
    }
}

impl From<core::RemediationSummary> for RemediationSummary {
    fn from(s: core::RemediationSummary) -> Self {
        Self {
            state: match s.state {
                chibo::inspection::RemediationState::Open => RemediationState::Open,
                chibo::inspection::RemediationState::Remedied => RemediationState::Remedied,
                chibo::inspection::RemediationState::Verified => RemediationState::Verified,
                chibo::inspection::RemediationState::Overdue => RemediationState::Overdue,
            },
        }
    }
}

impl From<core::MemberSummary> for MemberSummary {
    fn from(s: core::MemberSummary) -> Self {
        Self {
            status: match s.status {
                chibo::organisation::MemberStatus::Official => MemberStatus::Official,
                chibo::organisation::MemberStatus::Probationary => MemberStatus::Probationary,
            },
            cell: s.cell.map(|c| c.to_string()),
            exempted: s.exempted,
            suspended: s.suspended,
            transferred: s.transferred,
            active: s.active,
        }
    }
}
