//! Deadlines: tasks past their deadline and not reported, remediations past their deadline
//! and not remedied. Neither deadline is a [`crate::Rules`] parameter: each is set per task
//! and per notice, so these alerts carry no citation.

use super::{date_text, days_after, Alert, AlertKind, Figures, Scope};
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
        let who = scope.member_label(&task.owner);
        let cell = scope.cell_label(&task.cell);
        let (id, content, deadline) = (&task.id, &task.content, date_text(task.deadline));
        let mut alert = Alert::new(
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
        .message(
            format!(
                "Nhiệm vụ {id} «{content}» của đảng viên {who} ({cell}) đã quá hạn {days_overdue} ngày (hạn {deadline}) mà chưa báo cáo kết quả (R-40, R-50). Bí thư chi bộ cần đôn đốc đảng viên báo cáo; nếu chưa hoàn thành thì chuyển sang tháng sau hoặc hủy nhiệm vụ, có nêu lý do (R-41)."
            ),
            format!(
                "Task {id} “{content}” of member {who} ({cell}) is {days_overdue} days past its deadline ({deadline}) and not reported (R-40, R-50). The secretary should get the member to report; if it is not done, carry it over to next month or cancel it, with the reason (R-41)."
            ),
        );
        alert.task = Some(task.id.clone());
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
        let cell = scope.cell_label(&remediation.cell);
        let (id, inspection, requirement) = (
            &remediation.id,
            &remediation.inspection,
            &remediation.requirement,
        );
        let deadline = date_text(remediation.deadline);
        let mut alert = Alert::new(
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
        .message(
            format!(
                "Yêu cầu khắc phục {id} trong thông báo kết luận {inspection} đối với {cell}: «{requirement}» đã quá hạn {days_overdue} ngày (hạn {deadline}) mà chưa khắc phục (R-62). Bí thư chi bộ cần khắc phục ngay và báo cáo kết quả để cấp ủy cấp trên kiểm tra lại."
            ),
            format!(
                "Remediation {id} required of {cell} by the notice of inspection {inspection}: “{requirement}” is {days_overdue} days past its deadline ({deadline}) and not remedied (R-62). The secretary should remedy it now and report the remedy for the supervisor to verify."
            ),
        );
        alert.remediation = Some(remediation.id.clone());
        out.push(alert);
    }
}
