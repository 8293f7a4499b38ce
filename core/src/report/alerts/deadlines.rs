//! Deadlines: tasks past their deadline and not reported, remediations past their deadline
//! and not remedied. Neither deadline is a [`crate::Rules`] parameter: each is set per task
//! and per notice, so these alerts carry no citation.

use super::words::Context;
use super::{days_after, Alert, AlertKind, Figures, Scope};
use crate::inspection::RemediationState;
use crate::report::dashboard::remediation_as_of;
use crate::task::TaskState;

/// a task still assigned with its deadline before `as_of`.
pub(super) fn tasks(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    for task in scope.commune.tasks.values() {
        if task.state != TaskState::Assigned || task.deadline >= scope.as_of {
            continue;
        }
        let days_overdue = days_after(task.deadline, scope.as_of);
        let alert = Alert::new(
            AlertKind::TaskOverdue,
            None,
            Figures::TaskOverdue {
                deadline: task.deadline,
                days_overdue,
                origin: task.origin.clone(),
            },
        )
        .cell(&task.cell)
        .member(&task.owner)
        .meeting(Some(&task.meeting))
        .task(&task.id)
        .worded(scope, &Context::Text(&task.content));
        out.push(alert);
    }
}

/// a remediation marked overdue, or still open with its deadline before `as_of`, as it stood
/// on `as_of`.
pub(super) fn remediations(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    for remediation in scope.commune.remediations.values() {
        // The state on `as_of`, not today's: a remediation required or marked overdue later does
        // not show in an earlier day's alerts.
        let state = match remediation_as_of(scope.commune, remediation, scope.as_of) {
            Some(state @ RemediationState::Overdue) => state,
            Some(state @ RemediationState::Open) if remediation.is_past_deadline(scope.as_of) => {
                state
            }
            _ => continue,
        };
        let days_overdue = days_after(remediation.deadline, scope.as_of);
        let alert = Alert::new(
            AlertKind::RemediationOverdue,
            None,
            Figures::RemediationOverdue {
                deadline: remediation.deadline,
                days_overdue,
                state,
                inspection: remediation.inspection.clone(),
            },
        )
        .cell(&remediation.cell)
        .remediation(&remediation.id)
        .worded(scope, &Context::Text(&remediation.requirement));
        out.push(alert);
    }
}
