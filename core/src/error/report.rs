use super::declare::refusals;
use crate::ids::{CellId, MeetingId, MemberId, TaskId};
use crate::report::rating::Category;
use crate::review::DisciplineForm;

refusals! {
    /// A report on a task breaks R-50 (`report.*`).
    pub enum ReportError {
        /// R-50, "not done" states its reason.
        "report.reason_required" ReasonRequired {
            /// The task.
            task: TaskId,
        } => en("Task {task} is reported not done without a reason: write the reason (R-50)."),
           vi("Nhiệm vụ {task} báo cáo không hoàn thành nhưng chưa nêu lý do: hãy ghi lý do (R-50).");
        /// R-50, every task is reported or carried over before closing.
        "report.task_unresolved" Unresolved {
            /// The task still open.
            task: TaskId,
        } => en("Task {task} has neither been reported nor carried over: its owner reports it, or the secretary carries it over (R-50, R-41)."),
           vi("Nhiệm vụ {task} chưa được báo cáo kết quả cũng chưa được chuyển tiếp: người được giao báo cáo, hoặc bí thư chuyển tiếp (R-50, R-41).");
        /// R-51, only a report just made (and not yet assessed) is assessed.
        "report.nothing_to_assess" NothingToAssess {
            /// The task.
            task: TaskId,
        } => en("Task {task} has no report waiting to be assessed: its owner reports first, and each report is assessed once (R-51)."),
           vi("Nhiệm vụ {task} không có báo cáo nào đang chờ đánh giá: người được giao báo cáo trước, mỗi báo cáo được đánh giá một lần (R-51).");
        /// R-51, the secretary checks members' reports, not their own.
        "report.own_report" OwnReport {
            /// The task.
            task: TaskId,
            /// Its owner, who tried to assess it.
            member: MemberId,
        } => en("{member} owns task {task} and cannot assess their own report: another committee member assesses it (R-51)."),
           vi("Đồng chí {member} là người được giao nhiệm vụ {task}, không tự đánh giá báo cáo của mình: chi ủy viên khác đánh giá (R-51).");
        /// A report is sent back only while its meeting's reporting is open.
        "report.reporting_closed" ReportingClosed {
            /// The task.
            task: TaskId,
            /// Its meeting.
            meeting: MeetingId,
        } => en("Reporting on meeting {meeting} is closed, so the report on task {task} can no longer be sent back: accept it, or follow it up in the inspection (R-51)."),
           vi("Kỳ sinh hoạt {meeting} đã kết thúc báo cáo, không thể trả lại báo cáo nhiệm vụ {task}: hãy chấp nhận, hoặc theo dõi khi kiểm tra, giám sát (R-51).");
        /// R-72, a member exempted from activity is not rated.
        "report.not_rateable" NotRateable {
            /// The member.
            member: MemberId,
        } => en("{member} is exempted from party activity and is not rated in the annual review (R-72)."),
           vi("Đồng chí {member} được miễn công tác và sinh hoạt đảng, không đánh giá, xếp loại (R-72).");
        /// R-72, Excellent is capped at a share of the cell's members proposed or decided Good or
        /// better.
        "report.excellent_cap_reached" ExcellentCapReached {
            /// The member the decision was for.
            member: MemberId,
            /// Their cell.
            cell: CellId,
            /// Members of the cell already decided Excellent.
            excellent: u32,
            /// The cap's base: members proposed or decided Good or better.
            base: u32,
            /// The cap, as a share (`≤ 20%`).
            cap: String,
        } => en("Cell {cell} already has {excellent} member(s) decided Excellent, the most its {base} member(s) proposed or decided Good or better allow under the cap ({cap}): decide {member} Good, or move another decision (R-72)."),
           vi("Chi bộ {cell} đã có {excellent} đảng viên được quyết định Hoàn thành xuất sắc nhiệm vụ, tối đa mà {base} đảng viên được đề nghị hoặc quyết định Hoàn thành tốt trở lên cho phép (giới hạn {cap}): hãy quyết định đồng chí {member} Hoàn thành tốt nhiệm vụ, hoặc xem lại quyết định khác (R-72).");
        /// a member disciplined in the year is rated at most the rules' highest
        /// category for them.
        "report.above_discipline_cap" AboveDisciplineCap {
            /// The member.
            member: MemberId,
            /// The discipline recorded.
            form: DisciplineForm,
            /// The highest category allowed.
            highest: Category,
        } => en("{member} was disciplined ({form}) in the year: the highest category the rules allow is {highest} (R-63, R-72).",
              form = form.as_str(), highest = highest.name_en()),
           vi("Đồng chí {member} bị kỷ luật {form} trong năm: mức xếp loại cao nhất theo quy định là {highest} (R-63, R-72).",
              form = form.label_vi(), highest = highest.name_vi());
    }
}
