//! Task commands.

use super::Commune;
use crate::error::{Error, LookupError, OrganisationError, ReportError};
use crate::ids::{MemberId, TaskId};
use crate::meeting::MeetingState;
use crate::task::{Assessment, Outcome, Task};
use crate::time::Timestamp;

impl Commune {
    /// Runs `change` on a task, then notes the task as it now is in the derived lookups.
    fn change_task(
        &mut self,
        id: &TaskId,
        change: impl FnOnce(&mut Task) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let task = self
            .tasks
            .get_mut(id)
            .ok_or_else(|| Error::from(LookupError::unknown("task", id)))?;
        let changed = change(task);
        self.indexes.note_task(task);
        changed
    }

    fn require_cell_leader(
        &self,
        actor: &MemberId,
        task: &TaskId,
        action: &str,
    ) -> Result<(), Error> {
        let task = self.task(task)?;
        let org = &self.organisation;
        org.require_leader(org.cell(&task.cell)?, actor, action)
    }

    pub(super) fn report_task(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &TaskId,
        outcome: Outcome,
        note: Option<String>,
    ) -> Result<(), Error> {
        if !self.organisation.member(actor)?.is_active() {
            return Err(OrganisationError::MemberLeft {
                member: actor.clone(),
            }
            .into());
        }
        self.change_task(id, |t| t.report(actor, at, outcome, note))
    }

    pub(super) fn carry_over_task(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &TaskId,
        reason: &str,
    ) -> Result<(), Error> {
        self.require_cell_leader(actor, id, "carry_over_task")?;
        self.change_task(id, |t| t.carry_over(actor, at, reason.to_owned()))
    }

    pub(super) fn assess_report(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &TaskId,
        assessment: &Assessment,
    ) -> Result<(), Error> {
        let task = self.task(id)?;
        let org = &self.organisation;
        org.require_committee(org.cell(&task.cell)?, actor, "assess_report")?;
        if matches!(assessment, Assessment::SentBack { .. }) {
            let open = matches!(
                self.meetings.get(&task.meeting),
                Some(MeetingState::Assigned(_))
            );
            if !open {
                return Err(ReportError::ReportingClosed {
                    task: id.clone(),
                    meeting: task.meeting.clone(),
                }
                .into());
            }
        }
        self.change_task(id, |t| t.assess(actor, at, assessment.clone()))
    }

    pub(super) fn cancel_task(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &TaskId,
        reason: &str,
    ) -> Result<(), Error> {
        self.require_cell_leader(actor, id, "cancel_task")?;
        self.change_task(id, |t| t.cancel(actor, at, reason.to_owned()))
    }
}
