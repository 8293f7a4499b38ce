//! Small, flat views of records: what scenarios check after each step, in every language.

use super::Commune;
use crate::error::{Error, LookupError};
use crate::ids::{CellId, InspectionId, MeetingId, MemberId, RemediationId, TaskId};
use crate::inspection::{InspectionState, RemediationState};
use crate::meeting::{MeetingKind, StateName};
use crate::organisation::MemberStatus;
use crate::task::TaskState;
use crate::time::YearMonth;
use serde::Serialize;

/// A meeting at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeetingSummary {
    /// Its state.
    pub state: StateName,
    /// The cell.
    pub cell: CellId,
    /// The month.
    pub month: YearMonth,
    /// Its kind.
    pub kind: MeetingKind,
    /// Earlier versions of the draft kept.
    pub revisions: u32,
    /// Whether the notice has been sent.
    pub notice_sent: bool,
    /// Sittings held whose vote did not adopt the resolution, on the draft or before the
    /// adopting one.
    pub failed_sittings: u32,
    /// The codes of the defects recorded on the meeting (crate::defect), oldest sitting first.
    pub defects: Vec<&'static str>,
    /// Members on the roll at the latest sitting.
    pub members: Option<u32>,
    /// Members present at the latest sitting.
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
    pub admissions: u32,
    /// New tasks assigned.
    pub tasks: u32,
    /// Tasks carried over into it.
    pub carried_over: u32,
    /// Inspections concluded on it.
    pub inspections: u32,
}

/// A task at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaskSummary {
    /// Its state.
    pub state: TaskState,
    /// Who carries it out.
    pub owner: MemberId,
    /// The meeting that assigned it and answers for it.
    pub meeting: MeetingId,
    /// The outcome reported, if any: `exceeded`, `on_time`, `late`, `not_done` (`null` while the
    /// task is assigned).
    pub outcome: Option<&'static str>,
    /// The unfinished task of an earlier meeting it carries on, if it does.
    pub carried_from: Option<TaskId>,
}

/// An inspection at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InspectionSummary {
    /// Its state.
    pub state: InspectionState,
    /// Findings recorded.
    pub findings: u32,
    /// Remediations required.
    pub remediations: u32,
    /// Whether it referred the cell to formal inspection.
    pub referred: bool,
}

/// A remediation at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RemediationSummary {
    /// Its state.
    pub state: RemediationState,
}

/// A member at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MemberSummary {
    /// Official or probationary.
    pub status: MemberStatus,
    /// The cell, if in one of the commune's cells.
    pub cell: Option<CellId>,
    /// Exempted.
    pub exempted: bool,
    /// Suspended.
    pub suspended: bool,
    /// Transferred.
    pub transferred: bool,
    /// Still on the roll.
    pub active: bool,
}

/// Any record at a glance, as scenario files check it; serialises as the inner summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum Summary {
    /// A meeting.
    Meeting(MeetingSummary),
    /// A task.
    Task(TaskSummary),
    /// An inspection.
    Inspection(InspectionSummary),
    /// A remediation.
    Remediation(RemediationSummary),
    /// A member.
    Member(MemberSummary),
}

impl Commune {
    /// The kinds of record [`Commune::summary`] knows, as named in scenario files.
    pub const SUMMARY_KINDS: [&'static str; 5] = [
        "meetings",
        "tasks",
        "inspections",
        "remediations",
        "members",
    ];

    /// The summary of the record `id` of `kind` (one of [`Commune::SUMMARY_KINDS`]).
    pub fn summary(&self, kind: &str, id: &str) -> Result<Summary, Error> {
        match kind {
            "meetings" => self.meeting_summary(&id.into()).map(Summary::Meeting),
            "tasks" => self.task_summary(&id.into()).map(Summary::Task),
            "inspections" => self.inspection_summary(&id.into()).map(Summary::Inspection),
            "remediations" => self
                .remediation_summary(&id.into())
                .map(Summary::Remediation),
            "members" => self.member_summary(&id.into()).map(Summary::Member),
            other => Err(LookupError::unknown("record kind", other).into()),
        }
    }

    /// A meeting at a glance.
    pub fn meeting_summary(&self, id: &MeetingId) -> Result<MeetingSummary, Error> {
        let m = self.meeting(id)?;
        let header = m.header();
        let held = m.held();
        let latest = m.latest_sitting();
        let tally = latest.map(|(_, t)| t);
        let assignment = m.assignment();
        Ok(MeetingSummary {
            state: m.name(),
            cell: header.cell.clone(),
            month: header.month,
            kind: header.kind,
            revisions: crate::count(m.revisions().len()),
            notice_sent: m.preparation().notice.is_some(),
            failed_sittings: crate::count(m.failed_sittings().len()),
            defects: m.defects().iter().map(|d| d.code()).collect(),
            members: tally.map(|t| t.members),
            present: tally.map(|t| t.present),
            counted_base: tally.map(|t| t.counted_base),
            yes: tally.map(|t| t.yes),
            no: tally.map(|t| t.no),
            abstain: tally.map(|t| t.abstain),
            minutes: latest.map(|(r, _)| r.minutes()),
            admissions: held.map_or(0, |h| crate::count(h.admissions.len())),
            tasks: assignment.map_or(0, |a| crate::count(a.tasks.len())),
            carried_over: assignment.map_or(0, |a| crate::count(a.carried_over.len())),
            inspections: crate::count(m.inspections().len()),
        })
    }

    /// A task at a glance.
    pub fn task_summary(&self, id: &TaskId) -> Result<TaskSummary, Error> {
        let t = self.task(id)?;
        Ok(TaskSummary {
            state: t.state,
            owner: t.owner.clone(),
            meeting: t.meeting.clone(),
            outcome: t.outcome().map(|o| o.as_str()),
            carried_from: t.carried_from.clone(),
        })
    }

    /// An inspection at a glance.
    pub fn inspection_summary(&self, id: &InspectionId) -> Result<InspectionSummary, Error> {
        let i = self.inspection(id)?;
        Ok(InspectionSummary {
            state: i.state,
            findings: crate::count(i.findings.len()),
            remediations: i
                .notice
                .as_ref()
                .map_or(0, |n| crate::count(n.remediations.len())),
            referred: i.notice.as_ref().is_some_and(|n| n.referral.is_some()),
        })
    }

    /// A remediation at a glance.
    pub fn remediation_summary(&self, id: &RemediationId) -> Result<RemediationSummary, Error> {
        Ok(RemediationSummary {
            state: self.remediation(id)?.state,
        })
    }

    /// A member at a glance.
    pub fn member_summary(&self, id: &MemberId) -> Result<MemberSummary, Error> {
        let m = self.organisation.member(id)?;
        Ok(MemberSummary {
            status: m.status,
            cell: m.cell().cloned(),
            exempted: m.exempted.is_some(),
            suspended: m.suspended.is_some(),
            transferred: m.transferred.is_some(),
            active: m.is_active(),
        })
    }
}
