use super::Refusal;
use crate::ids::{CellId, MeetingId, RemediationId};
use chrono::NaiveDate;
use serde::Serialize;

/// An inspection breaks R-60..R-62 (`inspection.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum InspectionError {
    /// `inspection.meeting_not_reported`: supervision reads members' results, so they come first.
    #[error("Meeting {meeting} is {state}: members must report their results before it is supervised (R-60, R-61).")]
    MeetingNotReported {
        /// The meeting.
        meeting: MeetingId,
        /// Its state.
        state: String,
    },
    /// `inspection.meeting_other_cell`: every meeting covered is the inspected cell's.
    #[error("Meeting {meeting} is not a meeting of cell {cell}.")]
    MeetingOtherCell {
        /// The meeting.
        meeting: MeetingId,
        /// The inspected cell.
        cell: CellId,
    },
    /// `inspection.no_meetings`: supervision covers at least one meeting.
    #[error("A supervision covers at least one meeting of the cell: list the meetings whose minutes and results were read (R-60).")]
    NoMeetings,
    /// `inspection.no_inspectors`: an inspection names who carries it out.
    #[error("No inspectors named: list the members the superior committee assigned (R-60).")]
    NoInspectors,
    /// `inspection.topic_required`: a thematic supervision follows its announced plan.
    #[error(
        "A thematic supervision needs its topic from the yearly plan announced to the cell (R-60)."
    )]
    TopicRequired,
    /// `inspection.conclusion_required`: the notice of results has its assessment.
    #[error("The notice of results needs a written assessment (R-62).")]
    ConclusionRequired,
    /// `inspection.defect_not_recorded`: a finding cites a defect the meeting does not have (or a
    /// meeting of another cell).
    #[error("Meeting {meeting} of this cell has no recorded defect `{code}`: cite a defect the meeting's record shows, or describe the finding in its text.")]
    DefectNotRecorded {
        /// The meeting cited.
        meeting: MeetingId,
        /// The defect code cited.
        code: String,
    },
    /// `inspection.open_remedies_unaddressed`: R-62, a conclusion faces every remediation of the
    /// cell still not verified (names each in `open_remedies`, with what was found), and names
    /// only those.
    #[error("The cell still has remediations not verified that the conclusion does not address: {remediations}. List each in `open_remedies` with what the inspectors found of it (R-62).")]
    OpenRemediesUnaddressed {
        /// The remediations left out (or, named but not open, those named wrongly), comma-separated.
        remediations: String,
    },
    /// `inspection.deadline_before_notice`: a remediation's deadline is after the notice.
    #[error("Remediation {remediation} has deadline {deadline}, before the notice itself: set a later deadline (R-62).")]
    DeadlineBeforeNotice {
        /// The remediation.
        remediation: RemediationId,
        /// Its deadline.
        deadline: NaiveDate,
    },
}

impl Refusal for InspectionError {
    fn code(&self) -> &'static str {
        match self {
            Self::MeetingNotReported { .. } => "inspection.meeting_not_reported",
            Self::MeetingOtherCell { .. } => "inspection.meeting_other_cell",
            Self::NoMeetings => "inspection.no_meetings",
            Self::NoInspectors => "inspection.no_inspectors",
            Self::TopicRequired => "inspection.topic_required",
            Self::ConclusionRequired => "inspection.conclusion_required",
            Self::DeadlineBeforeNotice { .. } => "inspection.deadline_before_notice",
            Self::DefectNotRecorded { .. } => "inspection.defect_not_recorded",
            Self::OpenRemediesUnaddressed { .. } => "inspection.open_remedies_unaddressed",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::DefectNotRecorded { meeting, code } => format!(
                "Kỳ sinh hoạt {meeting} của chi bộ này không có thiếu sót `{code}` được ghi nhận: hãy dẫn thiếu sót có trong hồ sơ kỳ sinh hoạt, hoặc mô tả phát hiện trong nội dung."
            ),
            Self::MeetingNotReported { meeting, .. } => format!(
                "Kỳ sinh hoạt {meeting} chưa hoàn tất báo cáo kết quả: đảng viên phải báo cáo kết quả trước khi giám sát (R-60, R-61)."
            ),
            Self::MeetingOtherCell { meeting, cell } => {
                format!("Kỳ sinh hoạt {meeting} không phải của chi bộ {cell}.")
            }
            Self::NoMeetings => "Giám sát phải gắn với ít nhất một kỳ sinh hoạt: nêu các kỳ sinh hoạt đã xem biên bản và kết quả (R-60).".to_owned(),
            Self::NoInspectors => "Chưa nêu thành viên đoàn: hãy ghi các đồng chí được cấp ủy cấp trên phân công (R-60).".to_owned(),
            Self::TopicRequired => "Giám sát chuyên đề cần ghi chủ đề theo kế hoạch năm đã thông báo cho chi bộ (R-60).".to_owned(),
            Self::ConclusionRequired => "Thông báo kết luận cần có nội dung đánh giá (R-62).".to_owned(),
            Self::OpenRemediesUnaddressed { remediations } => format!(
                "Chi bộ còn yêu cầu khắc phục chưa được xác nhận mà kết luận chưa đề cập: {remediations}. Hãy nêu từng yêu cầu trong `open_remedies` kèm nhận xét của đoàn (R-62)."
            ),
            Self::DeadlineBeforeNotice { remediation, deadline } => format!(
                "Yêu cầu khắc phục {remediation} có hạn {}, trước cả ngày thông báo: hãy đặt hạn muộn hơn (R-62).",
                deadline.format("%d/%m/%Y")
            ),
        }
    }
}

/// A remediation step breaks R-62 (`remediation.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum RemediationError {
    /// `remediation.not_due`: a remediation is overdue only after its deadline.
    #[error(
        "Remediation {remediation} is due on {deadline}: it cannot be marked overdue before then."
    )]
    NotDue {
        /// The remediation.
        remediation: RemediationId,
        /// Its deadline.
        deadline: NaiveDate,
    },
}

impl Refusal for RemediationError {
    fn code(&self) -> &'static str {
        match self {
            Self::NotDue { .. } => "remediation.not_due",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::NotDue {
                remediation,
                deadline,
            } => format!(
                "Yêu cầu khắc phục {remediation} có hạn đến {}: chưa thể ghi là quá hạn.",
                deadline.format("%d/%m/%Y")
            ),
        }
    }
}
