//! The tables' columns, with their types and their headers in Vietnamese and English: the one
//! description every binding, spreadsheet and doc page takes its columns from.

use super::ColumnType::{self, Bool, Code, Date, Int, Month, Text, Timestamp};
use super::{Column, TableSchema};

const fn c(name: &'static str, kind: ColumnType, vi: &'static str, en: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable: false,
        vi,
        en,
    }
}

/// A column that may be empty.
const fn n(name: &'static str, kind: ColumnType, vi: &'static str, en: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable: true,
        vi,
        en,
    }
}

const DASHBOARD: &[Column] = &[
    c("cell", Code, "Chi bộ", "Cell"),
    c("cell_name", Text, "Tên chi bộ", "Cell name"),
    c("month", Month, "Tháng", "Month"),
    n("meeting", Text, "Cuộc họp", "Meeting"),
    n("state", Code, "Trạng thái", "State"),
    c(
        "regular_held",
        Int,
        "Số buổi thường kỳ",
        "Regular meetings held",
    ),
    c(
        "thematic_held",
        Int,
        "Số buổi chuyên đề",
        "Thematic meetings held",
    ),
    c(
        "combined_held",
        Int,
        "Số buổi kết hợp",
        "Combined meetings held",
    ),
    n("summoned", Int, "Số triệu tập", "Summoned"),
    n("expected", Int, "Số phải dự", "Expected"),
    n("present", Int, "Số có mặt", "Present"),
    n("absent_excused", Int, "Vắng có lý do", "Absent with reason"),
    n(
        "absent_unexcused",
        Int,
        "Vắng không lý do",
        "Absent without reason",
    ),
    n(
        "attendance_per_mille",
        Int,
        "Tỷ lệ dự họp (‰)",
        "Attendance (‰)",
    ),
    n(
        "headcount_per_mille",
        Int,
        "Tỷ lệ có mặt (‰)",
        "Headcount (‰)",
    ),
    n("vote_yes", Int, "Tán thành", "Votes for"),
    n("vote_no", Int, "Không tán thành", "Votes against"),
    n("vote_abstain", Int, "Không biểu quyết", "Abstentions"),
    n("counted_base", Int, "Số tính biểu quyết", "Counted base"),
    n("votes_needed", Int, "Số phiếu cần", "Votes needed"),
    n("passed", Bool, "Nghị quyết thông qua", "Resolution passed"),
    c("tasks_new", Int, "Nhiệm vụ mới", "New tasks"),
    c(
        "tasks_carried_in",
        Int,
        "Nhiệm vụ chuyển tiếp",
        "Tasks carried in",
    ),
    c("tasks_exceeded", Int, "Vượt mức", "Exceeded"),
    c("tasks_on_time", Int, "Đúng hạn", "On time"),
    c("tasks_late", Int, "Trễ hạn", "Late"),
    c("tasks_not_done", Int, "Không hoàn thành", "Not done"),
    c("tasks_cancelled", Int, "Đã hủy", "Cancelled"),
    c("tasks_pending", Int, "Đang thực hiện", "Pending"),
    n("quality_band", Code, "Xếp loại chất lượng", "Quality band"),
    c(
        "inspections",
        Int,
        "Số cuộc kiểm tra, giám sát",
        "Inspections",
    ),
    n(
        "inspection",
        Text,
        "Cuộc kiểm tra kết luận",
        "Inspection concluded",
    ),
    n(
        "inspection_kind",
        Code,
        "Loại kiểm tra, giám sát",
        "Inspection kind",
    ),
    n(
        "inspection_concluded_on",
        Date,
        "Ngày kết luận",
        "Concluded on",
    ),
    n("inspection_conclusion", Text, "Kết luận", "Conclusion"),
    n(
        "inspection_remediations",
        Int,
        "Yêu cầu khắc phục",
        "Remediations required",
    ),
    n("inspection_referred", Bool, "Chuyển kiểm tra", "Referred"),
    c(
        "remediations_open",
        Int,
        "Khắc phục đang mở",
        "Remediations open",
    ),
    c(
        "remediations_overdue",
        Int,
        "Khắc phục quá hạn",
        "Remediations overdue",
    ),
    c(
        "remediations_remedied",
        Int,
        "Đã khắc phục",
        "Remediations remedied",
    ),
    c("defects", Int, "Sai sót", "Defects"),
];

const ALERTS: &[Column] = &[
    c("as_of", Date, "Tính đến ngày", "As of"),
    n("month", Month, "Tháng", "Month"),
    c("kind", Code, "Loại cảnh báo", "Kind"),
    c("rule", Code, "Quy định", "Rule"),
    n("citation", Text, "Căn cứ", "Citation"),
    n("cell", Code, "Chi bộ", "Cell"),
    n("member", Text, "Đảng viên", "Member"),
    n("meeting", Text, "Cuộc họp", "Meeting"),
    n("task", Text, "Nhiệm vụ", "Task"),
    n("remediation", Text, "Khắc phục", "Remediation"),
    n("deadline", Date, "Hạn", "Deadline"),
    n("days_overdue", Int, "Số ngày quá hạn", "Days overdue"),
    c("figures", Text, "Số liệu (JSON)", "Figures (JSON)"),
    c("message_vi", Text, "Nội dung", "Message (Vietnamese)"),
    c("message_en", Text, "Nội dung (tiếng Anh)", "Message"),
];

const MEETINGS: &[Column] = &[
    c("meeting", Text, "Cuộc họp", "Meeting"),
    c("cell", Code, "Chi bộ", "Cell"),
    c("month", Month, "Tháng", "Month"),
    c("kind", Code, "Loại sinh hoạt", "Kind"),
    c("state", Code, "Trạng thái", "State"),
    c("directive", Text, "Văn bản chỉ đạo", "Directive"),
    c("drafted_at", Timestamp, "Soạn lúc", "Drafted at"),
    c("scheduled_at", Timestamp, "Dự kiến họp lúc", "Scheduled at"),
    n("held_at", Timestamp, "Họp lúc", "Held at"),
    c("place", Text, "Địa điểm", "Place"),
    c("revisions", Int, "Số lần sửa dự thảo", "Revisions"),
    c("notice_sent", Bool, "Đã gửi thông báo", "Notice sent"),
    c(
        "failed_sittings",
        Int,
        "Số phiên không thông qua",
        "Failed sittings",
    ),
    c("defects", Int, "Sai sót", "Defects"),
    n("members", Int, "Số đảng viên", "Members"),
    n("present", Int, "Số có mặt", "Present"),
    n("counted_base", Int, "Số tính biểu quyết", "Counted base"),
    n("vote_yes", Int, "Tán thành", "Votes for"),
    n("vote_no", Int, "Không tán thành", "Votes against"),
    n("vote_abstain", Int, "Không biểu quyết", "Abstentions"),
    n(
        "length_minutes",
        Int,
        "Thời lượng (phút)",
        "Length (minutes)",
    ),
    c("admissions", Int, "Kết nạp, công nhận", "Admissions"),
    c("tasks", Int, "Nhiệm vụ mới", "New tasks"),
    c(
        "carried_over",
        Int,
        "Nhiệm vụ chuyển tiếp",
        "Tasks carried over",
    ),
    c(
        "inspections",
        Int,
        "Kiểm tra kết luận",
        "Inspections concluded",
    ),
];

const TASKS: &[Column] = &[
    c("task", Text, "Nhiệm vụ", "Task"),
    c("cell", Code, "Chi bộ", "Cell"),
    c("month", Month, "Tháng giao", "Month assigned"),
    c("meeting", Text, "Cuộc họp giao", "Meeting"),
    c(
        "origin",
        Text,
        "Cuộc họp giao đầu tiên",
        "First assigned by",
    ),
    c("owner", Text, "Người thực hiện", "Owner"),
    c("item", Int, "Mục nghị quyết", "Resolution item"),
    c("content", Text, "Nội dung", "Content"),
    c("assigned_at", Timestamp, "Giao lúc", "Assigned at"),
    c("deadline", Date, "Hạn", "Deadline"),
    c("state", Code, "Trạng thái", "State"),
    n("outcome", Code, "Kết quả", "Outcome"),
    n("carried_from", Text, "Chuyển tiếp từ", "Carried from"),
];

const MEMBERS: &[Column] = &[
    c("member", Text, "Đảng viên", "Member"),
    c("name", Text, "Họ và tên", "Name"),
    n("cell", Code, "Chi bộ", "Cell"),
    c("status", Code, "Loại đảng viên", "Status"),
    c("joined_on", Date, "Ngày vào Đảng", "Joined on"),
    n("left_on", Date, "Ngày ra khỏi danh sách", "Left on"),
    c("exempted", Bool, "Miễn sinh hoạt", "Exempted"),
    c("suspended", Bool, "Đình chỉ sinh hoạt", "Suspended"),
    c("transferred", Bool, "Đã chuyển sinh hoạt", "Transferred"),
    c("active", Bool, "Còn trong danh sách", "On the roll"),
];

const RATINGS: &[Column] = &[
    c("year", Int, "Năm", "Year"),
    c("member", Text, "Đảng viên", "Member"),
    c("name", Text, "Họ và tên", "Name"),
    c("cell", Code, "Chi bộ", "Cell"),
    c("standing", Code, "Tình trạng đánh giá", "Standing"),
    n(
        "general_points",
        Int,
        "Điểm tiêu chí chung",
        "General points",
    ),
    c("task_points", Int, "Điểm kết quả nhiệm vụ", "Task points"),
    n("points", Int, "Tổng điểm", "Points"),
    n("category", Code, "Xếp loại", "Category"),
    c("capped", Bool, "Bị giới hạn tỷ lệ xuất sắc", "Capped"),
    n("disciplined", Code, "Kỷ luật", "Discipline"),
    n("decided", Code, "Cấp trên quyết định", "Decided"),
    c("tasks_total", Int, "Tổng nhiệm vụ", "Tasks"),
    c("tasks_exceeded", Int, "Vượt mức", "Exceeded"),
    c("tasks_on_time", Int, "Đúng hạn", "On time"),
    c("tasks_late", Int, "Trễ hạn", "Late"),
    c("tasks_not_done", Int, "Không hoàn thành", "Not done"),
    c("tasks_pending", Int, "Đang thực hiện", "Pending"),
];

const SCORES: &[Column] = &[
    c("meeting", Text, "Cuộc họp", "Meeting"),
    c("cell", Code, "Chi bộ", "Cell"),
    c("month", Month, "Tháng", "Month"),
    c("rubric", Code, "Bộ tiêu chí", "Rubric"),
    c("total", Int, "Tổng điểm", "Total"),
    c("band", Code, "Xếp loại", "Band"),
    c("state", Code, "Trạng thái", "State"),
    c("proposed_by", Text, "Người đề xuất", "Proposed by"),
    c("proposed_at", Timestamp, "Đề xuất lúc", "Proposed at"),
    n("vote_yes", Int, "Tán thành", "Votes for"),
    n("vote_no", Int, "Không tán thành", "Votes against"),
    n("vote_abstain", Int, "Không biểu quyết", "Abstentions"),
    n("decided_by", Text, "Người quyết định", "Decided by"),
    n("decided_at", Timestamp, "Quyết định lúc", "Decided at"),
    n("note", Text, "Ghi chú", "Note"),
];

const DEFECTS: &[Column] = &[
    c("meeting", Text, "Cuộc họp", "Meeting"),
    c("cell", Code, "Chi bộ", "Cell"),
    c("month", Month, "Tháng", "Month"),
    c("code", Code, "Sai sót", "Defect"),
    c("rule", Code, "Quy định", "Rule"),
    c("blocks_adoption", Bool, "Chặn thông qua", "Blocks adoption"),
    c("source", Text, "Căn cứ", "Source"),
    c("message_vi", Text, "Nội dung", "Message (Vietnamese)"),
    c("message_en", Text, "Nội dung (tiếng Anh)", "Message"),
];

/// The `dashboard` table.
pub const DASHBOARD_TABLE: TableSchema = TableSchema {
    name: "dashboard",
    vi: "Bảng theo dõi sinh hoạt chi bộ",
    en: "Dashboard",
    row: "a cell in a month of the period",
    columns: DASHBOARD,
};

/// The `alerts` table.
pub const ALERTS_TABLE: TableSchema = TableSchema {
    name: "alerts",
    vi: "Cảnh báo",
    en: "Alerts",
    row: "an alert as of the period's last day about a month of the period (or about its year)",
    columns: ALERTS,
};

/// The `meetings` table.
pub const MEETINGS_TABLE: TableSchema = TableSchema {
    name: "meetings",
    vi: "Các cuộc sinh hoạt",
    en: "Meetings",
    row: "a meeting of a month of the period",
    columns: MEETINGS,
};

/// The `tasks` table.
pub const TASKS_TABLE: TableSchema = TableSchema {
    name: "tasks",
    vi: "Nhiệm vụ",
    en: "Tasks",
    row: "a task assigned by a meeting of the period",
    columns: TASKS,
};

/// The `members` table.
pub const MEMBERS_TABLE: TableSchema = TableSchema {
    name: "members",
    vi: "Đảng viên",
    en: "Members",
    row: "a member who joined by the period's last day (left members included), with their status and flags as the journal records them now",
    columns: MEMBERS,
};

/// The `ratings` table.
pub const RATINGS_TABLE: TableSchema = TableSchema {
    name: "ratings",
    vi: "Đánh giá, xếp loại đảng viên",
    en: "Annual ratings",
    row: "a member rated for the period's year (R-72)",
    columns: RATINGS,
};

/// The `scores` table.
pub const SCORES_TABLE: TableSchema = TableSchema {
    name: "scores",
    vi: "Chấm điểm chất lượng sinh hoạt",
    en: "Meeting scores",
    row: "a meeting of the period with a recorded quality score (R-71)",
    columns: SCORES,
};

/// The `defects` table.
pub const DEFECTS_TABLE: TableSchema = TableSchema {
    name: "defects",
    vi: "Sai sót",
    en: "Defects",
    row: "a defect recorded at a meeting of the period",
    columns: DEFECTS,
};

/// Every table's schema, in the order of [`super::TableKind::ALL`].
pub const SCHEMAS: [TableSchema; 8] = [
    DASHBOARD_TABLE,
    ALERTS_TABLE,
    MEETINGS_TABLE,
    TASKS_TABLE,
    MEMBERS_TABLE,
    RATINGS_TABLE,
    SCORES_TABLE,
    DEFECTS_TABLE,
];
