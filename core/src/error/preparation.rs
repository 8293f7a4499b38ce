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
    /// `preparation.no_preparatory_meeting`: R-23, the committee meets before the cell does.
    #[error("The cell committee (or secretary and deputy) has not met to prepare meeting {meeting} (R-23): record the preparatory meeting first.")]
    NoPreparatoryMeeting {
        /// The meeting.
        meeting: MeetingId,
    },
    /// `preparation.preparatory_attendee`: only the committee (or secretary and deputy) prepares.
    #[error("{member} is not on the cell committee (or the secretary or deputy) and cannot be listed at the preparatory meeting (R-23).")]
    PreparatoryAttendee {
        /// The member listed.
        member: MemberId,
    },
    /// `preparation.notice_missing`: R-24, members and the higher-level member are notified first.
    #[error("Members and the assigned higher-level member have not been sent the time, place and content of meeting {meeting} (R-24): send the notice first.")]
    NoticeMissing {
        /// The meeting.
        meeting: MeetingId,
    },
    /// `preparation.documents_missing`: R-25, documents are published before the meeting.
    #[error("The documents of meeting {meeting} have not been published to members (R-25): publish them, then hold the meeting.")]
    DocumentsMissing {
        /// The meeting.
        meeting: MeetingId,
    },
    /// `preparation.documents_late`: R-25, published at least the lead time before the meeting.
    #[error("The documents of meeting {meeting} were published at {published_at}, later than {deadline} ({lead_hours} hours before the start, R-25): move the meeting to a later time.")]
    DocumentsLate {
        /// The meeting.
        meeting: MeetingId,
        /// When the documents were published.
        published_at: Timestamp,
        /// The latest time allowed.
        deadline: Timestamp,
        /// The lead time of R-25.
        lead_hours: u32,
    },
    /// `preparation.not_before_start`: a preparation step dated after the meeting began.
    #[error(
        "The {step} of meeting {meeting} is dated after the meeting started: it must come before."
    )]
    NotBeforeStart {
        /// The meeting.
        meeting: MeetingId,
        /// Which step: `notice` or `preparatory meeting`.
        step: String,
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
            Self::NoPreparatoryMeeting { .. } => "preparation.no_preparatory_meeting",
            Self::PreparatoryAttendee { .. } => "preparation.preparatory_attendee",
            Self::NoticeMissing { .. } => "preparation.notice_missing",
            Self::DocumentsMissing { .. } => "preparation.documents_missing",
            Self::DocumentsLate { .. } => "preparation.documents_late",
            Self::NotBeforeStart { .. } => "preparation.not_before_start",
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
            Self::NoPreparatoryMeeting { meeting } => format!(
                "Chi ủy (hoặc bí thư, phó bí thư) chưa họp chuẩn bị cho kỳ sinh hoạt {meeting} (R-23): hãy ghi nhận cuộc họp chuẩn bị trước."
            ),
            Self::PreparatoryAttendee { member } => format!(
                "Đồng chí {member} không phải chi ủy viên (hoặc bí thư, phó bí thư) nên không thể ghi là dự họp chuẩn bị (R-23)."
            ),
            Self::NoticeMissing { meeting } => format!(
                "Chưa thông báo thời gian, địa điểm, nội dung kỳ sinh hoạt {meeting} cho đảng viên và đồng chí cấp trên được phân công (R-24): hãy gửi thông báo trước."
            ),
            Self::DocumentsMissing { meeting } => format!(
                "Tài liệu kỳ sinh hoạt {meeting} chưa được đăng tải cho đảng viên (R-25): hãy đăng tải rồi mới tổ chức sinh hoạt."
            ),
            Self::DocumentsLate { meeting, published_at, deadline, lead_hours } => format!(
                "Tài liệu kỳ sinh hoạt {meeting} đăng tải lúc {}, muộn hơn hạn {} (trước giờ họp {lead_hours} giờ, R-25): hãy dời kỳ sinh hoạt sang thời điểm muộn hơn.",
                published_at.format("%H:%M %d/%m/%Y"),
                deadline.format("%H:%M %d/%m/%Y")
            ),
            Self::NotBeforeStart { meeting, step } => format!(
                "Bước \"{}\" của kỳ sinh hoạt {meeting} ghi sau giờ bắt đầu họp: bước này phải diễn ra trước.",
                if step == "notice" { "thông báo" } else { "họp chuẩn bị" }
            ),
        }
    }
}
