use super::Refusal;
use crate::ids::MemberId;
use serde::Serialize;

/// The meeting as recorded breaks R-30..R-33 (`meeting.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum MeetingError {
    /// `meeting.ends_before_start`: the end time is not after the start time.
    #[error("The meeting ends before it starts: check the start and end times.")]
    EndsBeforeStart,
    /// `meeting.sitting_overlaps`: a later sitting on the same draft starts before the previous
    /// one ended.
    #[error("This sitting starts before the previous sitting on the same draft ended ({}): check the start time.", previous_end.format("%H:%M %d/%m/%Y"))]
    SittingOverlaps {
        /// When the previous sitting ended.
        previous_end: crate::time::Timestamp,
    },
    /// `meeting.roll_incomplete`: R-31, every member of the cell is on the roll.
    #[error("{member} is a member of the cell but is not on the roll: mark them present or absent (with the reason) (R-31).")]
    RollIncomplete {
        /// The member left out.
        member: MemberId,
    },
    /// `meeting.roll_not_in_cell`: the roll lists someone who is not a member of the cell.
    #[error("{member} is on the roll but is not a member of this cell: list higher-level members as guests.")]
    RollNotInCell {
        /// The member listed.
        member: MemberId,
    },
    /// `meeting.roll_duplicate`: a member appears twice on the roll.
    #[error("{member} appears twice on the roll: keep one entry.")]
    RollDuplicate {
        /// The member listed twice.
        member: MemberId,
    },
    /// `meeting.absence_reason_required`: an excused absence states its reason.
    #[error(
        "{member} is marked absent with reason, but no reason is given: write the reason (R-33)."
    )]
    AbsenceReasonRequired {
        /// The member.
        member: MemberId,
    },
    /// `meeting.chair_absent`: the chair is present and a member of the cell.
    #[error("The chair {chair} must be a member of the cell and present.")]
    ChairAbsent {
        /// The chair.
        chair: MemberId,
    },
    /// `meeting.chair_not_leader`: the chair is the secretary, deputy or a committee member.
    #[error("The chair {chair} is not the secretary, deputy or a cell committee member: one of them chairs the meeting.")]
    ChairNotLeader {
        /// The chair.
        chair: MemberId,
    },
    /// `meeting.recorder_absent`: R-31, the recorder is a present member of the cell.
    #[error("The recorder {recorder} must be a member of the cell and present (R-31).")]
    RecorderAbsent {
        /// The recorder.
        recorder: MemberId,
    },
    /// `meeting.guest_not_higher_level`: guests are higher-level members, not members of the cell.
    #[error("{member} cannot be listed as a guest: guests are higher-level members (R-24).")]
    GuestNotHigherLevel {
        /// The guest listed.
        member: MemberId,
    },
    /// `meeting.speaker_not_present`: R-33, speakers are present members or guests.
    #[error(
        "{member} is listed as a speaker but was not present: correct the list of speakers (R-33)."
    )]
    SpeakerNotPresent {
        /// The speaker listed.
        member: MemberId,
    },
}

impl Refusal for MeetingError {
    fn code(&self) -> &'static str {
        match self {
            Self::EndsBeforeStart => "meeting.ends_before_start",
            Self::SittingOverlaps { .. } => "meeting.sitting_overlaps",
            Self::RollIncomplete { .. } => "meeting.roll_incomplete",
            Self::RollNotInCell { .. } => "meeting.roll_not_in_cell",
            Self::RollDuplicate { .. } => "meeting.roll_duplicate",
            Self::AbsenceReasonRequired { .. } => "meeting.absence_reason_required",
            Self::ChairAbsent { .. } => "meeting.chair_absent",
            Self::ChairNotLeader { .. } => "meeting.chair_not_leader",
            Self::RecorderAbsent { .. } => "meeting.recorder_absent",
            Self::GuestNotHigherLevel { .. } => "meeting.guest_not_higher_level",
            Self::SpeakerNotPresent { .. } => "meeting.speaker_not_present",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::EndsBeforeStart => "Giờ kết thúc không sau giờ bắt đầu: kiểm tra lại thời gian.".to_owned(),
            Self::SittingOverlaps { previous_end } => format!(
                "Buổi họp này bắt đầu trước khi buổi họp trước về cùng dự thảo kết thúc ({}): kiểm tra lại giờ bắt đầu.",
                previous_end.format("%H:%M %d/%m/%Y")
            ),
            Self::RollIncomplete { member } => format!(
                "Đồng chí {member} là đảng viên của chi bộ nhưng chưa có trong danh sách điểm danh: ghi có mặt hoặc vắng (kèm lý do) (R-31)."
            ),
            Self::RollNotInCell { member } => format!(
                "Đồng chí {member} có trong danh sách điểm danh nhưng không sinh hoạt ở chi bộ này: đồng chí cấp trên ghi vào mục khách mời."
            ),
            Self::RollDuplicate { member } => format!(
                "Đồng chí {member} xuất hiện hai lần trong danh sách điểm danh: chỉ giữ một dòng."
            ),
            Self::AbsenceReasonRequired { member } => format!(
                "Đồng chí {member} được ghi vắng có lý do nhưng chưa ghi lý do: hãy ghi rõ lý do (R-33)."
            ),
            Self::ChairAbsent { chair } => format!(
                "Đồng chí chủ trì {chair} phải là đảng viên của chi bộ và có mặt."
            ),
            Self::ChairNotLeader { chair } => format!(
                "Đồng chí chủ trì {chair} không phải bí thư, phó bí thư hay chi ủy viên: một trong các đồng chí đó chủ trì."
            ),
            Self::RecorderAbsent { recorder } => format!(
                "Thư ký {recorder} phải là đảng viên của chi bộ và có mặt (R-31)."
            ),
            Self::GuestNotHigherLevel { member } => format!(
                "Không thể ghi đồng chí {member} là khách mời: khách mời là đồng chí cấp ủy cấp trên (R-24)."
            ),
            Self::SpeakerNotPresent { member } => format!(
                "Đồng chí {member} được ghi là phát biểu nhưng không có mặt: sửa lại danh sách phát biểu (R-33)."
            ),
        }
    }
}
