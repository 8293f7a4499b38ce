use super::declare::refusals;
use super::{Ineligibility, Needed};
use crate::ids::{InspectionId, MemberId, TaskId};

refusals! {
    /// The actor may not take this step (`permission.*`).
    pub enum PermissionError {
        /// The step needs a role the actor does not hold.
        "permission.denied" Denied {
            /// Who tried.
            actor: MemberId,
            /// The command, e.g. `record_meeting`.
            action: String,
            /// The role the step needs.
            needed: Needed,
        } => en("{actor} may not {action}: this needs {needed}."),
           vi("Đồng chí {actor} không có quyền thực hiện `{action}`: việc này do {needed} thực hiện.",
              needed = needed.vi());
        /// The actor may not act at all now: not on the roll, gone from it, suspended, or
        /// temporarily transferred away.
        "permission.not_active" NotActive {
            /// Who tried.
            actor: MemberId,
            /// The command, e.g. `draft_meeting`.
            action: String,
            /// Why the actor may not act: `left`, `suspended`, `transferred` or `not_on_roll`.
            reason: Ineligibility,
        } => en("{actor} may not {action}: {actor} {reason}, and only a member on the roll who is not suspended or transferred away may act."),
           vi("Đồng chí {actor} không thể thực hiện `{action}`: đồng chí {reason}, mà chỉ đảng viên còn trong danh sách, không bị đình chỉ hay chuyển sinh hoạt tạm thời mới được thực hiện.",
              reason = reason.vi());
        /// A member reports only his own tasks.
        "permission.not_task_owner" NotTaskOwner {
            /// Who tried.
            actor: MemberId,
            /// The task.
            task: TaskId,
            /// The task's owner.
            owner: MemberId,
        } => en("{actor} may not report task {task}: only its owner {owner} reports on it."),
           vi("Đồng chí {actor} không thể báo cáo nhiệm vụ {task}: chỉ người được giao ({owner}) báo cáo kết quả.");
        /// The meeting is recorded by its chair.
        "permission.not_chair" NotChair {
            /// Who tried.
            actor: MemberId,
            /// The chair named in the record.
            chair: MemberId,
        } => en("{actor} may not record this meeting: the record is entered by its chair {chair}."),
           vi("Đồng chí {actor} không thể ghi nhận kỳ sinh hoạt này: đồng chí chủ trì ({chair}) ghi nhận.");
        /// Only the inspection's own inspectors record it.
        "permission.not_inspector" NotInspector {
            /// Who tried.
            actor: MemberId,
            /// The inspection.
            inspection: InspectionId,
        } => en("{actor} is not one of the inspectors of {inspection}: ask one of them to record this."),
           vi("Đồng chí {actor} không thuộc đoàn kiểm tra, giám sát {inspection}: đề nghị thành viên của đoàn ghi nhận.");
    }
}

/// A refusal for an actor who lacks the role a step needs.
pub(crate) fn denied(actor: &MemberId, action: &str, needed: Needed) -> super::Error {
    PermissionError::Denied {
        actor: actor.clone(),
        action: action.to_owned(),
        needed,
    }
    .into()
}
