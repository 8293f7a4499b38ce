use super::Refusal;
use crate::ids::{CellId, DirectiveId, MeetingId, MemberId};
use crate::time::{Timestamp, YearMonth};
use serde::Serialize;

/// The meeting's preparation is incomplete or wrong (`preparation.*`, R-20..R-25).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum PreparationError {
    /// `preparation.directive_wrong_month`: the draft applies the commune's direction for its month.
    #[error("Directive {directive} is for {directive_month}, but the meeting is for {meeting_month}: use the commune's direction for the meeting's month (R-22).")]
    DirectiveWrongMonth {
        /// The directive named.
        directive: DirectiveId,
        /// Its month.
        directive_month: YearMonth,
        /// The meeting's month.
        meeting_month: YearMonth,
    },
    /// `preparation.duplicate_regular`: R-20, one regular meeting per cell per month.
    #[error("Cell {cell} already has regular meeting {existing} for {month}: revise that draft instead of starting another (R-20).")]
    DuplicateRegular {
        /// The cell.
        cell: CellId,
        /// The month.
        month: YearMonth,
        /// The meeting already there.
        existing: MeetingId,
    },
    /// `preparation.outside_month`: the scheduled date is not in the meeting's month.
    #[error("The meeting for {month} is scheduled on {scheduled}, outside that month: correct the date or the month.")]
    OutsideMonth {
        /// The meeting's month.
        month: YearMonth,
        /// The scheduled time.
        scheduled: Timestamp,
    },
    /// `preparation.topic_required`: a thematic or combined meeting names its topic.
    #[error(
        "A thematic meeting needs its topic from the cell's yearly plan (R-21): fill in the topic."
    )]
    TopicRequired,
    /// `preparation.no_resolution_items`: the draft resolution has at least one item.
    #[error("The draft resolution has no items: write at least one item for members to carry out (R-22).")]
    NoResolutionItems,
    /// `preparation.preparatory_attendee`: only the committee (or secretary and deputy) prepares.
    #[error("{member} is not on the cell committee (or the secretary or deputy) and cannot be listed at the preparatory meeting (R-23).")]
    PreparatoryAttendee {
        /// The member listed.
        member: MemberId,
    },
    /// `preparation.delegate_not_committee`: R-22, the secretary delegates drafting to a cell
    /// committee member.
    #[error("{member} is not on the committee of cell {cell}: the secretary delegates drafting to a cell committee member (R-22).")]
    DelegateNotCommittee {
        /// The member named.
        member: MemberId,
        /// The cell.
        cell: CellId,
    },
}

impl Refusal for PreparationError {
    fn code(&self) -> &'static str {
        match self {
            Self::DirectiveWrongMonth { .. } => "preparation.directive_wrong_month",
            Self::DuplicateRegular { .. } => "preparation.duplicate_regular",
            Self::OutsideMonth { .. } => "preparation.outside_month",
            Self::TopicRequired => "preparation.topic_required",
            Self::NoResolutionItems => "preparation.no_resolution_items",
            Self::PreparatoryAttendee { .. } => "preparation.preparatory_attendee",
            Self::DelegateNotCommittee { .. } => "preparation.delegate_not_committee",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::DirectiveWrongMonth { directive, directive_month, meeting_month } => format!(
                "Chủ trương {directive} là của tháng {directive_month}, còn kỳ sinh hoạt là tháng {meeting_month}: hãy dùng chủ trương của đảng ủy cho đúng tháng (R-22)."
            ),
            Self::DuplicateRegular { cell, month, existing } => format!(
                "Chi bộ {cell} đã có kỳ sinh hoạt thường kỳ {existing} cho tháng {month}: hãy sửa dự thảo đó thay vì tạo kỳ mới (R-20)."
            ),
            Self::OutsideMonth { month, scheduled } => format!(
                "Kỳ sinh hoạt tháng {month} lại được lên lịch vào {}, ngoài tháng đó: sửa lại ngày hoặc tháng.",
                scheduled.format("%d/%m/%Y %H:%M")
            ),
            Self::TopicRequired => "Sinh hoạt chuyên đề cần ghi chủ đề theo kế hoạch năm của chi bộ (R-21): hãy điền chủ đề.".to_owned(),
            Self::NoResolutionItems => "Dự thảo nghị quyết chưa có nội dung nào: hãy ghi ít nhất một nhiệm vụ để đảng viên thực hiện (R-22).".to_owned(),
            Self::PreparatoryAttendee { member } => format!(
                "Đồng chí {member} không phải chi ủy viên (hoặc bí thư, phó bí thư) nên không thể ghi là dự họp chuẩn bị (R-23)."
            ),
            Self::DelegateNotCommittee { member, cell } => format!(
                "Đồng chí {member} không phải chi ủy viên của chi bộ {cell}: bí thư chỉ phân công chi ủy viên chuẩn bị dự thảo (R-22)."
            ),
        }
    }
}
