//! Assigned → reported: every task reported, carried over or cancelled.

use super::{Assigned, Context, Meeting, Refused, Reported};
use crate::error::{Error, ReportError};
use crate::ids::MemberId;
use crate::time::Timestamp;

impl Meeting<Assigned> {
    /// Closes reporting, by the secretary or deputy: assigned → reported. Refused with
    /// `report.task_unresolved` while any task of the meeting is neither reported, carried over
    /// nor cancelled.
    pub fn close_reporting(
        self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
    ) -> Result<Meeting<Reported>, Refused<Assigned>> {
        match self.check_closing(ctx, actor) {
            Ok(()) => Ok(self.into_stage(|a: Assigned| Reported {
                held: a.held,
                assignment: a.assignment,
                closed: super::Closing {
                    by: actor.clone(),
                    at,
                },
            })),
            Err(error) => Err(self.refuse(error)),
        }
    }

    fn check_closing(&self, ctx: &Context<'_>, actor: &MemberId) -> Result<(), Error> {
        let cell = ctx.organisation.cell(&self.header.cell)?;
        ctx.organisation
            .require_leader(cell, actor, "close_reporting")?;
        let open = self.stage.assignment.all_tasks().find(|id| {
            ctx.tasks
                .get(*id)
                .is_some_and(|t| t.is_open_in(&self.header.id))
        });
        match open {
            Some(task) => Err(ReportError::Unresolved { task: task.clone() }.into()),
            None => Ok(()),
        }
    }
}
