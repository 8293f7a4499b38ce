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

/// A measured criterion with the id and labels every preset gives it.
fn measured(measure: Measure, group: &str, max_points: u32) -> Criterion {
    let (id, vi, en) = match measure {
        Measure::PreparatoryMeeting => (
            "preparatory_meeting",
            "Chi ủy họp chuẩn bị nội dung",
            "Committee's preparatory meeting held",
        ),
        Measure::NoticeSent => (
            "notice",
            "Thông báo thời gian, địa điểm, nội dung",
            "Notice of time, place and content sent",
        ),
        Measure::DocumentsInTime => (
            "documents",
            "Tài liệu gửi đảng viên đúng hạn",
            "Documents published in time",
        ),
        Measure::AttendanceRate => (
            "attendance_rate",
            "Tỷ lệ đảng viên dự họp",
            "Attendance rate",
        ),
        Measure::NoUnexcusedAbsence => (
            "no_unexcused_absence",
            "Không có đảng viên vắng không lý do",
            "No unexcused absence",
        ),
        Measure::Duration => ("duration", "Thời gian sinh hoạt", "Length of the meeting"),
        Measure::Speakers { .. } => (
            "speakers",
            "Đảng viên phát biểu ý kiến",
            "Members who spoke",
        ),
        Measure::PreviousTasksReported => (
            "previous_tasks_reported",
            "Kiểm điểm việc thực hiện nhiệm vụ tháng trước của từng đảng viên",
            "Every member's tasks of last month reported",
        ),
        Measure::ConclusionsRecorded => (
            "conclusions",
            "Chủ trì kết luận từng nội dung",
            "The chair's conclusions recorded",
        ),
        Measure::ResolutionPassed => (
            "resolution",
            "Nghị quyết được biểu quyết thông qua",
            "Resolution adopted by vote",
        ),
        // Entered criteria are named by each preset (`entered`); this is only a fallback.
        Measure::Entered => (
            "entered",
            "Điểm do chi ủy chấm",
            "Points entered by the committee",
        ),
    };
    criterion(id, group, vi, en, max_points, measure)
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
                measured(Measure::PreparatoryMeeting, "preparation", 5),
                measured(Measure::NoticeSent, "preparation", 5),
                measured(Measure::DocumentsInTime, "preparation", 5),
                measured(Measure::AttendanceRate, "attendance", 10),
                measured(Measure::NoUnexcusedAbsence, "attendance", 10),
                measured(Measure::Duration, "conduct", 10),
                measured(SPEAKERS, "conduct", 10),
                measured(Measure::PreviousTasksReported, "conduct", 10),
                entered(
                    "content_and_order",
                    "conduct",
                    "Đúng giờ, đúng trình tự, đủ nội dung, giữ nguyên tắc",
                    "On time, in order, full content, principles kept",
                    15,
                ),
                measured(Measure::ConclusionsRecorded, "closing", 5),
                measured(Measure::ResolutionPassed, "closing", 10),
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
            criteria: hd42_criteria(),
        }
    }
}

/// The criteria of [`Rubric::hd42`], in its order.
fn hd42_criteria() -> Vec<Criterion> {
    vec![
        measured(Measure::Duration, "duration", 5),
        measured(Measure::AttendanceRate, "attendance", 3),
        measured(Measure::NoUnexcusedAbsence, "attendance", 2),
        measured(Measure::PreparatoryMeeting, "preparation", 4),
        measured(Measure::NoticeSent, "preparation", 3),
        measured(Measure::DocumentsInTime, "preparation", 3),
        measured(SPEAKERS, "conduct", 10),
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
        measured(Measure::ConclusionsRecorded, "closing", 2),
        measured(Measure::ResolutionPassed, "closing", 3),
    ]
}
