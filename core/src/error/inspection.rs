use super::declare::refusals;
use crate::ids::{CellId, MeetingId, RemediationId};
use chrono::NaiveDate;

refusals! {
    /// An inspection breaks R-60..R-62 (`inspection.*`).
    pub enum InspectionError {
        /// Supervision reads members' results, so they come first.
        "inspection.meeting_not_reported" MeetingNotReported {
            /// The meeting.
            meeting: MeetingId,
            /// Its state.
            state: String,
        } => en("Meeting {meeting} is {state}: members must report their results before it is supervised (R-60, R-61)."),
           vi("Kỳ sinh hoạt {meeting} chưa hoàn tất báo cáo kết quả: đảng viên phải báo cáo kết quả trước khi giám sát (R-60, R-61).");
        /// Every meeting covered is the inspected cell's.
        "inspection.meeting_other_cell" MeetingOtherCell {
            /// The meeting.
            meeting: MeetingId,
            /// The inspected cell.
            cell: CellId,
        } => en("Meeting {meeting} is not a meeting of cell {cell}."),
           vi("Kỳ sinh hoạt {meeting} không phải của chi bộ {cell}.");
        /// Supervision covers at least one meeting.
        "inspection.no_meetings" NoMeetings
        => en("A supervision covers at least one meeting of the cell: list the meetings whose minutes and results were read (R-60)."),
           vi("Giám sát phải gắn với ít nhất một kỳ sinh hoạt: nêu các kỳ sinh hoạt đã xem biên bản và kết quả (R-60).");
        /// An inspection names who carries it out.
        "inspection.no_inspectors" NoInspectors
        => en("No inspectors named: list the members the superior committee assigned (R-60)."),
           vi("Chưa nêu thành viên đoàn: hãy ghi các đồng chí được cấp ủy cấp trên phân công (R-60).");
        /// A thematic supervision follows its announced plan.
        "inspection.topic_required" TopicRequired
        => en("A thematic supervision needs its topic from the yearly plan announced to the cell (R-60)."),
           vi("Giám sát chuyên đề cần ghi chủ đề theo kế hoạch năm đã thông báo cho chi bộ (R-60).");
        /// The notice of results has its assessment.
        "inspection.conclusion_required" ConclusionRequired
        => en("The notice of results needs a written assessment (R-62)."),
           vi("Thông báo kết luận cần có nội dung đánh giá (R-62).");
        /// A finding cites a defect the meeting does not have (or a meeting of another cell).
        "inspection.defect_not_recorded" DefectNotRecorded {
            /// The meeting cited.
            meeting: MeetingId,
            /// The defect code cited.
            code: String,
        } => en("Meeting {meeting} of this cell has no recorded defect `{code}`: cite a defect the meeting's record shows, or describe the finding in its text."),
           vi("Kỳ sinh hoạt {meeting} của chi bộ này không có thiếu sót `{code}` được ghi nhận: hãy dẫn thiếu sót có trong hồ sơ kỳ sinh hoạt, hoặc mô tả phát hiện trong nội dung.");
        /// R-62, a conclusion faces every remediation of the cell still not verified (names each
        /// in `open_remedies`, with what was found), and names only those.
        "inspection.open_remedies_unaddressed" OpenRemediesUnaddressed {
            /// The remediations left out (or, named but not open, those named wrongly), comma-separated.
            remediations: String,
        } => en("The cell still has remediations not verified that the conclusion does not address: {remediations}. List each in `open_remedies` with what the inspectors found of it (R-62)."),
           vi("Chi bộ còn yêu cầu khắc phục chưa được xác nhận mà kết luận chưa đề cập: {remediations}. Hãy nêu từng yêu cầu trong `open_remedies` kèm nhận xét của đoàn (R-62).");
        /// A remediation's deadline is after the notice.
        "inspection.deadline_before_notice" DeadlineBeforeNotice {
            /// The remediation.
            remediation: RemediationId,
            /// Its deadline.
            deadline: NaiveDate,
        } => en("Remediation {remediation} has deadline {deadline}, before the notice itself: set a later deadline (R-62)."),
           vi("Yêu cầu khắc phục {remediation} có hạn {deadline}, trước cả ngày thông báo: hãy đặt hạn muộn hơn (R-62).",
              deadline = deadline.format("%d/%m/%Y"));
    }
}

refusals! {
    /// A remediation step breaks R-62 (`remediation.*`).
    pub enum RemediationError {
        /// A remediation is overdue only after its deadline.
        "remediation.not_due" NotDue {
            /// The remediation.
            remediation: RemediationId,
            /// Its deadline.
            deadline: NaiveDate,
        } => en("Remediation {remediation} is due on {deadline}: it cannot be marked overdue before then."),
           vi("Yêu cầu khắc phục {remediation} có hạn đến {deadline}: chưa thể ghi là quá hạn.",
              deadline = deadline.format("%d/%m/%Y"));
    }
}
