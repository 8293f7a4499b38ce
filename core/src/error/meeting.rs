use super::declare::refusals;
use crate::ids::MemberId;

refusals! {
    /// The meeting as recorded breaks R-30..R-33 (`meeting.*`).
    pub enum MeetingError {
        /// The end time is not after the start time.
        "meeting.ends_before_start" EndsBeforeStart
        => en("The meeting ends before it starts: check the start and end times."),
           vi("Giờ kết thúc không sau giờ bắt đầu: kiểm tra lại thời gian.");
        /// A later sitting on the same draft starts before the previous one ended.
        "meeting.sitting_overlaps" SittingOverlaps {
            /// When the previous sitting ended.
            previous_end: crate::time::Timestamp,
        } => en("This sitting starts before the previous sitting on the same draft ended ({previous_end}): check the start time.",
              previous_end = previous_end.format("%H:%M %d/%m/%Y")),
           vi("Buổi họp này bắt đầu trước khi buổi họp trước về cùng dự thảo kết thúc ({previous_end}): kiểm tra lại giờ bắt đầu.",
              previous_end = previous_end.format("%H:%M %d/%m/%Y"));
        /// R-31, every member of the cell is on the roll.
        "meeting.roll_incomplete" RollIncomplete {
            /// The member left out.
            member: MemberId,
        } => en("{member} is a member of the cell but is not on the roll: mark them present or absent (with the reason) (R-31)."),
           vi("Đồng chí {member} là đảng viên của chi bộ nhưng chưa có trong danh sách điểm danh: ghi có mặt hoặc vắng (kèm lý do) (R-31).");
        /// The roll lists someone who is not a member of the cell.
        "meeting.roll_not_in_cell" RollNotInCell {
            /// The member listed.
            member: MemberId,
        } => en("{member} is on the roll but is not a member of this cell: list higher-level members as guests."),
           vi("Đồng chí {member} có trong danh sách điểm danh nhưng không sinh hoạt ở chi bộ này: đồng chí cấp trên ghi vào mục khách mời.");
        /// A member appears twice on the roll.
        "meeting.roll_duplicate" RollDuplicate {
            /// The member listed twice.
            member: MemberId,
        } => en("{member} appears twice on the roll: keep one entry."),
           vi("Đồng chí {member} xuất hiện hai lần trong danh sách điểm danh: chỉ giữ một dòng.");
        /// An excused absence states its reason.
        "meeting.absence_reason_required" AbsenceReasonRequired {
            /// The member.
            member: MemberId,
        } => en("{member} is marked absent with reason, but no reason is given: write the reason (R-33)."),
           vi("Đồng chí {member} được ghi vắng có lý do nhưng chưa ghi lý do: hãy ghi rõ lý do (R-33).");
        /// The chair is present and a member of the cell.
        "meeting.chair_absent" ChairAbsent {
            /// The chair.
            chair: MemberId,
        } => en("The chair {chair} must be a member of the cell and present."),
           vi("Đồng chí chủ trì {chair} phải là đảng viên của chi bộ và có mặt.");
        /// The chair is the secretary, deputy or a committee member.
        "meeting.chair_not_leader" ChairNotLeader {
            /// The chair.
            chair: MemberId,
        } => en("The chair {chair} is not the secretary, deputy or a cell committee member: one of them chairs the meeting."),
           vi("Đồng chí chủ trì {chair} không phải bí thư, phó bí thư hay chi ủy viên: một trong các đồng chí đó chủ trì.");
        /// R-31, the recorder is a present member of the cell.
        "meeting.recorder_absent" RecorderAbsent {
            /// The recorder.
            recorder: MemberId,
        } => en("The recorder {recorder} must be a member of the cell and present (R-31)."),
           vi("Thư ký {recorder} phải là đảng viên của chi bộ và có mặt (R-31).");
        /// Guests are higher-level members, not members of the cell.
        "meeting.guest_not_higher_level" GuestNotHigherLevel {
            /// The guest listed.
            member: MemberId,
        } => en("{member} cannot be listed as a guest: guests are higher-level members (R-24)."),
           vi("Không thể ghi đồng chí {member} là khách mời: khách mời là đồng chí cấp ủy cấp trên (R-24).");
        /// R-33, speakers are present members or guests.
        "meeting.speaker_not_present" SpeakerNotPresent {
            /// The speaker listed.
            member: MemberId,
        } => en("{member} is listed as a speaker but was not present: correct the list of speakers (R-33)."),
           vi("Đồng chí {member} được ghi là phát biểu nhưng không có mặt: sửa lại danh sách phát biểu (R-33).");
    }
}
