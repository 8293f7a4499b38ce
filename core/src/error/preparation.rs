use super::declare::refusals;
use crate::ids::{CellId, DirectiveId, MeetingId, MemberId};
use crate::time::{Timestamp, YearMonth};

refusals! {
    /// The meeting's preparation is incomplete or wrong (`preparation.*`, R-20..R-25).
    pub enum PreparationError {
        /// The draft applies the commune's direction for its month.
        "preparation.directive_wrong_month" DirectiveWrongMonth {
            /// The directive named.
            directive: DirectiveId,
            /// Its month.
            directive_month: YearMonth,
            /// The meeting's month.
            meeting_month: YearMonth,
        } => en("Directive {directive} is for {directive_month}, but the meeting is for {meeting_month}: use the commune's direction for the meeting's month (R-22)."),
           vi("Chủ trương {directive} là của tháng {directive_month}, còn kỳ sinh hoạt là tháng {meeting_month}: hãy dùng chủ trương của đảng ủy cho đúng tháng (R-22).");
        /// R-20, one regular meeting per cell per month.
        "preparation.duplicate_regular" DuplicateRegular {
            /// The cell.
            cell: CellId,
            /// The month.
            month: YearMonth,
            /// The meeting already there.
            existing: MeetingId,
        } => en("Cell {cell} already has regular meeting {existing} for {month}: revise that draft instead of starting another (R-20)."),
           vi("Chi bộ {cell} đã có kỳ sinh hoạt thường kỳ {existing} cho tháng {month}: hãy sửa dự thảo đó thay vì tạo kỳ mới (R-20).");
        /// The scheduled date is not in the meeting's month.
        "preparation.outside_month" OutsideMonth {
            /// The meeting's month.
            month: YearMonth,
            /// The scheduled time.
            scheduled: Timestamp,
        } => en("The meeting for {month} is scheduled on {scheduled}, outside that month: correct the date or the month."),
           vi("Kỳ sinh hoạt tháng {month} lại được lên lịch vào {scheduled}, ngoài tháng đó: sửa lại ngày hoặc tháng.",
              scheduled = scheduled.format("%d/%m/%Y %H:%M"));
        /// A thematic or combined meeting names its topic.
        "preparation.topic_required" TopicRequired
        => en("A thematic meeting needs its topic from the cell's yearly plan (R-21): fill in the topic."),
           vi("Sinh hoạt chuyên đề cần ghi chủ đề theo kế hoạch năm của chi bộ (R-21): hãy điền chủ đề.");
        /// The draft resolution has at least one item.
        "preparation.no_resolution_items" NoResolutionItems
        => en("The draft resolution has no items: write at least one item for members to carry out (R-22)."),
           vi("Dự thảo nghị quyết chưa có nội dung nào: hãy ghi ít nhất một nhiệm vụ để đảng viên thực hiện (R-22).");
        /// Only the committee (or secretary and deputy) prepares.
        "preparation.preparatory_attendee" PreparatoryAttendee {
            /// The member listed.
            member: MemberId,
        } => en("{member} is not on the cell committee (or the secretary or deputy) and cannot be listed at the preparatory meeting (R-23)."),
           vi("Đồng chí {member} không phải chi ủy viên (hoặc bí thư, phó bí thư) nên không thể ghi là dự họp chuẩn bị (R-23).");
        /// R-22, the secretary delegates drafting to a cell committee member.
        "preparation.delegate_not_committee" DelegateNotCommittee {
            /// The member named.
            member: MemberId,
            /// The cell.
            cell: CellId,
        } => en("{member} is not on the committee of cell {cell}: the secretary delegates drafting to a cell committee member (R-22)."),
           vi("Đồng chí {member} không phải chi ủy viên của chi bộ {cell}: bí thư chỉ phân công chi ủy viên chuẩn bị dự thảo (R-22).");
    }
}
