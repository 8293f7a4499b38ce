use super::Refusal;
use crate::ids::TaskId;
use serde::Serialize;

/// A report on a task breaks R-50 (`report.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum ReportError {
    /// `report.reason_required`: R-50, "not done" states its reason.
    #[error("Task {task} is reported not done without a reason: write the reason (R-50).")]
    ReasonRequired {
        /// The task.
        task: TaskId,
    },
    /// `report.task_unresolved`: R-50, every task is reported or carried over before closing.
    #[error("Task {task} has neither been reported nor carried over: its owner reports it, or the secretary carries it over (R-50, R-41).")]
    Unresolved {
        /// The task still open.
        task: TaskId,
    },
}

impl Refusal for ReportError {
    fn code(&self) -> &'static str {
        match self {
            Self::ReasonRequired { .. } => "report.reason_required",
            Self::Unresolved { .. } => "report.task_unresolved",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::ReasonRequired { task } => format!(
                "Nhiệm vụ {task} báo cáo không hoàn thành nhưng chưa nêu lý do: hãy ghi lý do (R-50)."
            ),
            Self::Unresolved { task } => format!(
                "Nhiệm vụ {task} chưa được báo cáo kết quả cũng chưa được chuyển tiếp: người được giao báo cáo, hoặc bí thư chuyển tiếp (R-50, R-41)."
            ),
        }
    }
}
