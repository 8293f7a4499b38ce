use super::{Ineligibility, Needed, Refusal};
use crate::ids::{InspectionId, MemberId, TaskId};
use serde::Serialize;

/// The actor may not take this step (`permission.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum PermissionError {
    /// `permission.denied`: the step needs a role the actor does not hold.
    #[error("{actor} may not {action}: this needs {needed}.")]
    Denied {
        /// Who tried.
        actor: MemberId,
        /// The command, e.g. `record_meeting`.
        action: String,
        /// The role the step needs.
        needed: Needed,
    },
    /// `permission.not_active`: the actor may not act at all now: not on the roll, gone from it,
    /// suspended, or temporarily transferred away.
    #[error("{actor} may not {action}: {actor} {reason}, and only a member on the roll who is not suspended or transferred away may act.")]
    NotActive {
        /// Who tried.
        actor: MemberId,
        /// The command, e.g. `draft_meeting`.
        action: String,
        /// Why the actor may not act.
        reason: Ineligibility,
    },
    /// `permission.not_task_owner`: a member reports only his own tasks.
    #[error("{actor} may not report task {task}: only its owner {owner} reports on it.")]
    NotTaskOwner {
        /// Who tried.
        actor: MemberId,
        /// The task.
        task: TaskId,
        /// The task's owner.
        owner: MemberId,
    },
    /// `permission.not_chair`: the meeting is recorded by its chair.
    #[error("{actor} may not record this meeting: the record is entered by its chair {chair}.")]
    NotChair {
        /// Who tried.
        actor: MemberId,
        /// The chair named in the record.
        chair: MemberId,
    },
    /// `permission.not_inspector`: only the inspection's own inspectors record it.
    #[error(
        "{actor} is not one of the inspectors of {inspection}: ask one of them to record this."
    )]
    NotInspector {
        /// Who tried.
        actor: MemberId,
        /// The inspection.
        inspection: InspectionId,
    },
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

impl Refusal for PermissionError {
    fn code(&self) -> &'static str {
        match self {
            Self::Denied { .. } => "permission.denied",
            Self::NotActive { .. } => "permission.not_active",
            Self::NotTaskOwner { .. } => "permission.not_task_owner",
            Self::NotChair { .. } => "permission.not_chair",
            Self::NotInspector { .. } => "permission.not_inspector",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::Denied { actor, action, needed } => format!(
                "Đồng chí {actor} không có quyền thực hiện `{action}`: việc này do {} thực hiện.",
                needed.vi()
            ),
            Self::NotActive { actor, action, reason } => format!(
                "Đồng chí {actor} không thể thực hiện `{action}`: đồng chí {}, mà chỉ đảng viên còn trong danh sách, không bị đình chỉ hay chuyển sinh hoạt tạm thời mới được thực hiện.",
                reason.vi()
            ),
            Self::NotTaskOwner { actor, task, owner } => format!(
                "Đồng chí {actor} không thể báo cáo nhiệm vụ {task}: chỉ người được giao ({owner}) báo cáo kết quả."
            ),
            Self::NotChair { actor, chair } => format!(
                "Đồng chí {actor} không thể ghi nhận kỳ sinh hoạt này: đồng chí chủ trì ({chair}) ghi nhận."
            ),
            Self::NotInspector { actor, inspection } => format!(
                "Đồng chí {actor} không thuộc đoàn kiểm tra, giám sát {inspection}: đề nghị thành viên của đoàn ghi nhận."
            ),
        }
    }
}
