use super::Refusal;
use crate::ids::{MeetingId, MemberId, TaskId};
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
    /// `report.nothing_to_assess`: R-51, only a report just made (and not yet assessed) is
    /// assessed.
    #[error("Task {task} has no report waiting to be assessed: its owner reports first, and each report is assessed once (R-51).")]
    NothingToAssess {
        /// The task.
        task: TaskId,
    },
    /// `report.own_report`: R-51, the secretary checks members' reports, not their own.
    #[error("{member} owns task {task} and cannot assess their own report: another committee member assesses it (R-51).")]
    OwnReport {
        /// The task.
        task: TaskId,
        /// Its owner, who tried to assess it.
        member: MemberId,
    },
    /// `report.reporting_closed`: a report is sent back only while its meeting's reporting is
    /// open.
    #[error("Reporting on meeting {meeting} is closed, so the report on task {task} can no longer be sent back: accept it, or follow it up in the inspection (R-51).")]
    ReportingClosed {
        /// The task.
        task: TaskId,
        /// Its meeting.
        meeting: MeetingId,
    },
}

impl Refusal for ReportError {
    fn code(&self) -> &'static str {
        match self {
            Self::ReasonRequired { .. } => "report.reason_required",
            Self::Unresolved { .. } => "report.task_unresolved",
            Self::NothingToAssess { .. } => "report.nothing_to_assess",
            Self::OwnReport { .. } => "report.own_report",
            Self::ReportingClosed { .. } => "report.reporting_closed",
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
            Self::NothingToAssess { task } => format!(
                "Nhiệm vụ {task} không có báo cáo nào đang chờ đánh giá: người được giao báo cáo trước, mỗi báo cáo được đánh giá một lần (R-51)."
            ),
            Self::OwnReport { task, member } => format!(
                "Đồng chí {member} là người được giao nhiệm vụ {task}, không tự đánh giá báo cáo của mình: chi ủy viên khác đánh giá (R-51)."
            ),
            Self::ReportingClosed { task, meeting } => format!(
                "Kỳ sinh hoạt {meeting} đã kết thúc báo cáo, không thể trả lại báo cáo nhiệm vụ {task}: hãy chấp nhận, hoặc theo dõi khi kiểm tra, giám sát (R-51)."
            ),
        }
    }
}
