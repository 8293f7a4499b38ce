//! The two rubrics that ship: Phú Thọ's (the default) and one province's rubric built on
//! Hướng dẫn 42-HD/BTCTW.

use super::{Criterion, Measure, Rubric};
use crate::rules::{Citation, Threshold};

fn criterion(
    id: &str,
    group: &str,
    label_vi: &str,
    label_en: &str,
    max_points: u32,
    measure: Measure,
) -> Criterion {
    Criterion {
        id: id.to_owned(),
        group: group.to_owned(),
        label_vi: label_vi.to_owned(),
        label_en: label_en.to_owned(),
        max_points,
        measure,
    }
}

fn entered(id: &str, group: &str, vi: &str, en: &str, max_points: u32) -> Criterion {
    criterion(id, group, vi, en, max_points, Measure::Entered)
}

const SPEAKERS: Measure = Measure::Speakers {
    share: Threshold::MORE_THAN_HALF,
};

impl Rubric {
    /// The default rubric, Phú Thọ's: preparation 15, attendance 20, conduct 45, closing 20.
    ///
    /// The split of each group into criteria is this library's (RULES.md gives only the group
    /// totals); see `docs/reports.md`.
    pub fn phu_tho() -> Self {
        Self {
            id: "phu_tho".to_owned(),
            name_vi: "Thang điểm chất lượng sinh hoạt chi bộ (Phú Thọ)".to_owned(),
            name_en: "Cell meeting quality rubric (Phú Thọ)".to_owned(),
            // RULES.md names the province but not the document nor its date: the date is that of
            // 12-HD/BTCTW, whose criteria (§3) the rubric applies.
            source: Citation::new(
                "Hướng dẫn của Tỉnh ủy Phú Thọ (document not identified)",
                (2018, 7, 6),
                "R-71 default rubric, applying 12-HD/BTCTW §3",
            )
            .unverified(),
            criteria: vec![
                criterion(
                    "preparatory_meeting",
                    "preparation",
                    "Chi ủy họp chuẩn bị nội dung",
                    "Committee's preparatory meeting held",
                    5,
                    Measure::PreparatoryMeeting,
                ),
                criterion(
                    "notice",
                    "preparation",
                    "Thông báo thời gian, địa điểm, nội dung",
                    "Notice of time, place and content sent",
                    5,
                    Measure::NoticeSent,
                ),
                criterion(
                    "documents",
                    "preparation",
                    "Tài liệu gửi đảng viên đúng hạn",
                    "Documents published in time",
                    5,
                    Measure::DocumentsInTime,
                ),
                criterion(
                    "attendance_rate",
                    "attendance",
                    "Tỷ lệ đảng viên dự họp",
                    "Attendance rate",
                    10,
                    Measure::AttendanceRate,
                ),
                criterion(
                    "no_unexcused_absence",
                    "attendance",
                    "Không có đảng viên vắng không lý do",
                    "No unexcused absence",
                    10,
                    Measure::NoUnexcusedAbsence,
                ),
                criterion(
                    "duration",
                    "conduct",
                    "Thời gian sinh hoạt",
                    "Length of the meeting",
                    10,
                    Measure::Duration,
                ),
                criterion(
                    "speakers",
                    "conduct",
                    "Đảng viên phát biểu ý kiến",
                    "Members who spoke",
                    10,
                    SPEAKERS,
                ),
                criterion(
                    "previous_tasks_reported",
                    "conduct",
                    "Kiểm điểm việc thực hiện nhiệm vụ tháng trước của từng đảng viên",
                    "Every member's tasks of last month reported",
                    10,
                    Measure::PreviousTasksReported,
                ),
                entered(
                    "content_and_order",
                    "conduct",
                    "Đúng giờ, đúng trình tự, đủ nội dung, giữ nguyên tắc",
                    "On time, in order, full content, principles kept",
                    15,
                ),
                criterion(
                    "conclusions",
                    "closing",
                    "Chủ trì kết luận từng nội dung",
                    "The chair's conclusions recorded",
                    5,
                    Measure::ConclusionsRecorded,
                ),
                criterion(
                    "resolution",
                    "closing",
                    "Nghị quyết được biểu quyết thông qua",
                    "Resolution adopted by vote",
                    10,
                    Measure::ResolutionPassed,
                ),
                entered(
                    "minutes",
                    "closing",
                    "Biên bản đầy đủ, được thông qua trước khi bế mạc",
                    "Full minutes, read back before closing",
                    5,
                ),
            ],
        }
    }

    /// One province's rubric built on Hướng dẫn 42-HD/BTCTW: duration 5, attendance 5,
    /// preparation 10, conduct 30, chairing 10, principles 5, results of the last resolution 30,
    /// closing 5; full marks for speakers need more than half of those present to speak.
    pub fn hd42() -> Self {
        Self {
            id: "hd42".to_owned(),
            name_vi: "Thang điểm chất lượng sinh hoạt chi bộ theo Hướng dẫn 42-HD/BTCTW".to_owned(),
            name_en: "Cell meeting quality rubric after Guidance 42-HD/BTCTW".to_owned(),
            // RULES.md cites "one 42-HD rubric" of another province, not identified.
            source: Citation::new(
                "42-HD/BTCTW",
                (2025, 10, 28),
                "R-71: one province's rubric built on it (province not identified)",
            )
            .unverified(),
            criteria: vec![
                criterion(
                    "duration",
                    "duration",
                    "Thời gian sinh hoạt",
                    "Length of the meeting",
                    5,
                    Measure::Duration,
                ),
                criterion(
                    "attendance_rate",
                    "attendance",
                    "Tỷ lệ đảng viên dự họp",
                    "Attendance rate",
                    3,
                    Measure::AttendanceRate,
                ),
                criterion(
                    "no_unexcused_absence",
                    "attendance",
                    "Không có đảng viên vắng không lý do",
                    "No unexcused absence",
                    2,
                    Measure::NoUnexcusedAbsence,
                ),
                criterion(
                    "preparatory_meeting",
                    "preparation",
                    "Chi ủy họp chuẩn bị nội dung",
                    "Committee's preparatory meeting held",
                    4,
                    Measure::PreparatoryMeeting,
                ),
                criterion(
                    "notice",
                    "preparation",
                    "Thông báo thời gian, địa điểm, nội dung",
                    "Notice of time, place and content sent",
                    3,
                    Measure::NoticeSent,
                ),
                criterion(
                    "documents",
                    "preparation",
                    "Tài liệu gửi đảng viên đúng hạn",
                    "Documents published in time",
                    3,
                    Measure::DocumentsInTime,
                ),
                criterion(
                    "speakers",
                    "conduct",
                    "Đảng viên phát biểu ý kiến",
                    "Members who spoke",
                    10,
                    SPEAKERS,
                ),
                entered(
                    "content_and_order",
                    "conduct",
                    "Đúng giờ, đúng trình tự, đủ nội dung",
                    "On time, in order, full content",
                    20,
                ),
                entered(
                    "chairing",
                    "chairing",
                    "Điều hành của chủ trì",
                    "Chairing",
                    10,
                ),
                entered(
                    "principles",
                    "principles",
                    "Giữ nguyên tắc tập trung dân chủ, tự phê bình và phê bình",
                    "Principles kept (democratic centralism, criticism and self-criticism)",
                    5,
                ),
                criterion(
                    "previous_tasks_reported",
                    "last_resolution",
                    "Từng đảng viên báo cáo nhiệm vụ tháng trước",
                    "Every member's tasks of last month reported",
                    10,
                    Measure::PreviousTasksReported,
                ),
                entered(
                    "last_resolution_results",
                    "last_resolution",
                    "Kết quả thực hiện nghị quyết kỳ trước",
                    "Results of the last resolution",
                    20,
                ),
                criterion(
                    "conclusions",
                    "closing",
                    "Chủ trì kết luận từng nội dung",
                    "The chair's conclusions recorded",
                    2,
                    Measure::ConclusionsRecorded,
                ),
                criterion(
                    "resolution",
                    "closing",
                    "Nghị quyết được biểu quyết thông qua",
                    "Resolution adopted by vote",
                    3,
                    Measure::ResolutionPassed,
                ),
            ],
        }
    }
}
