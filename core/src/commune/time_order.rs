//! Time order: no command is dated before the step it follows.
//!
//! A command's `at` is the caller's clock; devices disagree by a little, so a command may be
//! dated up to [`CLOCK_SKEW_MINUTES`] before the step it follows and still be taken as after it.
//! Anything earlier is impossible (a report before its task was assigned, a record before its
//! draft, anything before the commune's record was established) and is refused with
//! `transition.dated_before`, naming the step and its time so the secretary can fix the date typed
//! or the device's clock.

use super::Commune;
use crate::command::{Action, Command};
use crate::error::{Error, TransitionError};
use crate::inspection::RemediationEntry;
use crate::meeting::MeetingState;
use crate::task::TaskEntry;
use crate::time::Timestamp;
use chrono::TimeDelta;

/// How far a command may be dated before the step it follows, in minutes: the clocks of the
/// office's computer and a secretary's phone may differ by this much. A technical tolerance, not
/// a rule of the party.
pub const CLOCK_SKEW_MINUTES: i64 = 15;

/// The step a command follows: what it was, on which record, and when. The record's id is
/// borrowed: every command is checked against its step, and only a refusal writes the id out.
struct Previous<'a> {
    kind: &'static str,
    id: &'a str,
    step: &'static str,
    at: Timestamp,
}

impl<'a> Previous<'a> {
    fn new(kind: &'static str, id: &'a str, step: &'static str, at: Timestamp) -> Self {
        Self { kind, id, step, at }
    }
}

impl Commune {
    /// Refuses a command dated before the step it follows (less the clock skew allowed).
    pub(super) fn check_time_order(&self, command: &Command) -> Result<(), Error> {
        let Some(previous) = self.previous_step(command) else {
            return Ok(());
        };
        let skew = TimeDelta::minutes(CLOCK_SKEW_MINUTES);
        let earliest = previous.at.checked_sub_signed(skew).unwrap_or(previous.at);
        if command.at >= earliest {
            return Ok(());
        }
        Err(TransitionError::DatedBefore {
            kind: previous.kind.to_owned(),
            id: previous.id.to_owned(),
            action: command.action.name().to_owned(),
            at: command.at,
            step: previous.step.to_owned(),
            earlier: previous.at,
            skew_minutes: CLOCK_SKEW_MINUTES,
        }
        .into())
    }

    /// The latest dated step the command follows, when the records it names exist (a missing
    /// record is refused by the command's own checks).
    fn previous_step<'a>(&'a self, command: &'a Command) -> Option<Previous<'a>> {
        let established = self.established_at.map(|at| {
            Previous::new(
                "commune",
                self.organisation.id.as_str(),
                "establish_commune",
                at,
            )
        });
        let specific = match &command.action {
            Action::EstablishCommune(_) => return None,
            Action::DraftMeeting(c) => self
                .directives
                .get(&c.directive)
                .map(|d| Previous::new("directive", d.id.as_str(), "issue_directive", d.issued_at)),
            Action::ReviseDraft(c) => self.draft_written(&c.meeting),
            Action::HoldPreparatoryMeeting(c) => self.draft_written(&c.meeting),
            Action::SendNotice { meeting } | Action::PublishDocuments { meeting, .. } => {
                self.draft_written(meeting)
            }
            Action::RecordMeeting { meeting, .. } => self.draft_written(meeting),
            Action::ResolveAdmission { meeting, .. } => self.meeting_started(meeting),
            Action::AssignTasks(plan) => self.meeting_started(&plan.meeting),
            Action::ProposeScore(c) => self.meeting_started(&c.meeting),
            Action::ProposeRating(c) => self.meeting_started(&c.meeting),
            Action::RecordDiscipline(c) => self.meeting_started(&c.meeting),
            Action::CloseReporting { meeting } => self.tasks_assigned(meeting),
            Action::ReportTask { task, .. }
            | Action::CarryOverTask { task, .. }
            | Action::AssessReport { task, .. }
            | Action::CancelTask { task, .. } => self.task_changed(task),
            Action::OpenInspection(c) => self.reporting_closed(&c.meetings),
            Action::RecordFinding(c) => self.inspection_opened(&c.inspection),
            Action::ConcludeInspection(c) => self.inspection_opened(&c.inspection),
            Action::ReportRemedy { remediation, .. }
            | Action::VerifyRemedy { remediation, .. }
            | Action::MarkOverdue { remediation } => self.remediation_changed(remediation),
            Action::VoteScore(c) => self.score_proposed(&c.meeting),
            Action::ConfirmScore { meeting, .. } => self.score_proposed(meeting),
            _ => None,
        };
        match (specific, established) {
            (Some(s), Some(e)) if s.at >= e.at => Some(s),
            (_, e) => e,
        }
    }

    /// When the meeting's tasks were assigned.
    fn tasks_assigned<'a>(&'a self, meeting: &'a crate::ids::MeetingId) -> Option<Previous<'a>> {
        let assignment = self.meetings.get(meeting)?.assignment()?;
        Some(Previous::new(
            "meeting",
            meeting.as_str(),
            "assign_tasks",
            assignment.at,
        ))
    }

    /// The task's last report or change, or its assignment.
    fn task_changed<'a>(&'a self, task: &'a crate::ids::TaskId) -> Option<Previous<'a>> {
        let task = self.tasks.get(task)?;
        let last = task.history.last().map(TaskEntry::at);
        Some(match last {
            Some(at) if at > task.assigned_at => {
                Previous::new("task", task.id.as_str(), "its last report or change", at)
            }
            _ => Previous::new("task", task.id.as_str(), "assign_tasks", task.assigned_at),
        })
    }

    /// The latest close of reporting among the meetings an inspection covers.
    fn reporting_closed<'a>(
        &'a self,
        meetings: &'a [crate::ids::MeetingId],
    ) -> Option<Previous<'a>> {
        meetings
            .iter()
            .filter_map(|id| {
                let closed = match self.meetings.get(id)? {
                    MeetingState::Reported(m) => m.stage.closed.at,
                    MeetingState::Inspected(m) => m.stage.closed.at,
                    _ => return None,
                };
                Some(Previous::new(
                    "meeting",
                    id.as_str(),
                    "close_reporting",
                    closed,
                ))
            })
            .max_by_key(|p| p.at)
    }

    /// The remediation's last step, or the notice that required it.
    fn remediation_changed<'a>(
        &'a self,
        remediation: &'a crate::ids::RemediationId,
    ) -> Option<Previous<'a>> {
        let r = self.remediations.get(remediation)?;
        let last = r.history.last().map(|e| match e {
            RemediationEntry::Remedied { at, .. }
            | RemediationEntry::Checked { at, .. }
            | RemediationEntry::Overdue { at, .. } => *at,
        });
        match last {
            Some(at) => Some(Previous::new(
                "remediation",
                r.id.as_str(),
                "its last step",
                at,
            )),
            None => {
                let notice = self.inspections.get(&r.inspection)?.notice.as_ref()?;
                Some(Previous::new(
                    "remediation",
                    r.id.as_str(),
                    "conclude_inspection",
                    notice.at,
                ))
            }
        }
    }

    fn draft_written<'a>(&'a self, meeting: &'a crate::ids::MeetingId) -> Option<Previous<'a>> {
        let state = self.meetings.get(meeting)?;
        let step = if state.revisions().is_empty() {
            "draft_meeting"
        } else {
            "revise_draft"
        };
        Some(Previous::new(
            "meeting",
            meeting.as_str(),
            step,
            state.draft().written_at,
        ))
    }

    fn meeting_started<'a>(&'a self, meeting: &'a crate::ids::MeetingId) -> Option<Previous<'a>> {
        let held = self.meetings.get(meeting)?.held()?;
        Some(Previous::new(
            "meeting",
            meeting.as_str(),
            "the meeting's start",
            held.record.started_at,
        ))
    }

    fn inspection_opened<'a>(
        &'a self,
        inspection: &'a crate::ids::InspectionId,
    ) -> Option<Previous<'a>> {
        let inspection = self.inspections.get(inspection)?;
        Some(match inspection.findings.last() {
            Some(f) if f.at > inspection.opened_at => {
                Previous::new("inspection", inspection.id.as_str(), "record_finding", f.at)
            }
            _ => Previous::new(
                "inspection",
                inspection.id.as_str(),
                "open_inspection",
                inspection.opened_at,
            ),
        })
    }

    fn score_proposed<'a>(&'a self, meeting: &'a crate::ids::MeetingId) -> Option<Previous<'a>> {
        let score = self.scores.get(meeting)?;
        Some(Previous::new(
            "score",
            meeting.as_str(),
            "propose_score",
            score.proposed_at,
        ))
    }
}
