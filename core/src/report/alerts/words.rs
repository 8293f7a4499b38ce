//! The alerts' words: each alert's figures, with what it concerns, said in Vietnamese and in
//! English: what happened, and what to do. The detectors decide; this module only words.

use super::{date_text, month_text, time_text, Alert, Figures, FollowerLevel, Scope};
use crate::defect::Defect;
use crate::ids::{CellId, MeetingId};
use crate::meeting::StateName;
use crate::time::YearMonth;

/// What an alert's words need beyond its figures and the ids it concerns.
pub(super) enum Context<'a> {
    /// Nothing more.
    Nothing,
    /// The task's content, or the remediation's requirement.
    Text(&'a str),
    /// The state of the month's regular meeting not yet held.
    Pending(StateName),
    /// The defect recorded, and whether the draft must be revised and voted again.
    Defect { defect: &'a Defect, revote: bool },
}

/// An alert's message, `(vi, en)`.
pub(super) fn message(scope: &Scope<'_>, alert: &Alert, context: &Context<'_>) -> (String, String) {
    let cell = alert
        .cell
        .as_ref()
        .map(|c| scope.cell_label(c))
        .unwrap_or_default();
    let who = alert
        .member
        .as_ref()
        .map(|m| scope.member_label(m))
        .unwrap_or_default();
    let meeting = alert
        .meeting
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    match &alert.figures {
        Figures::NoRegularMeeting { month, held, required } => {
            let pending = match (&alert.meeting, context) {
                (Some(id), Context::Pending(state)) => Some((id, *state)),
                _ => None,
            };
            no_regular_meeting(&cell, *month, (*held, *required), pending)
        }
        Figures::ThematicQuotaMissed { year, quarter, held, required } => (
            format!("{cell} mới sinh hoạt chuyên đề {held}/{required} kỳ trong quý {quarter}/{year} (R-21). Bí thư chi bộ cần bổ sung kỳ sinh hoạt chuyên đề theo kế hoạch năm (không thay cho sinh hoạt thường kỳ) và báo cáo đảng ủy."),
            format!("{cell} held {held} of the {required} thematic meetings required in quarter {quarter}/{year} (R-21). The secretary should hold the missing thematic meeting from the yearly plan (it does not replace the regular meeting) and report to the commune committee."),
        ),
        Figures::ConsecutiveAbsences { .. } => consecutive_absences(&who, &cell, &alert.figures),
        Figures::RemovalProposal { year, months, month_count, threshold } => {
            removal_proposal(&who, &cell, *year, months, (*month_count, *threshold))
        }
        Figures::TaskOverdue { deadline, days_overdue, .. } => {
            let id = alert.task.as_ref().map(ToString::to_string).unwrap_or_default();
            let deadline = date_text(*deadline);
            let content = text(context);
            (
                format!("Nhiệm vụ {id} «{content}» của đảng viên {who} ({cell}) đã quá hạn {days_overdue} ngày (hạn {deadline}) mà chưa báo cáo kết quả (R-40, R-50). Bí thư chi bộ cần đôn đốc đảng viên báo cáo; nếu chưa hoàn thành thì chuyển sang tháng sau hoặc hủy nhiệm vụ, có nêu lý do (R-41)."),
                format!("Task {id} “{content}” of member {who} ({cell}) is {days_overdue} days past its deadline ({deadline}) and not reported (R-40, R-50). The secretary should get the member to report; if it is not done, carry it over to next month or cancel it, with the reason (R-41)."),
            )
        }
        Figures::RemediationOverdue { deadline, days_overdue, inspection, .. } => {
            let id = alert.remediation.as_ref().map(ToString::to_string).unwrap_or_default();
            let deadline = date_text(*deadline);
            let requirement = text(context);
            (
                format!("Yêu cầu khắc phục {id} trong thông báo kết luận {inspection} đối với {cell}: «{requirement}» đã quá hạn {days_overdue} ngày (hạn {deadline}) mà chưa khắc phục (R-62). Bí thư chi bộ cần khắc phục ngay và báo cáo kết quả để cấp ủy cấp trên kiểm tra lại."),
                format!("Remediation {id} required of {cell} by the notice of inspection {inspection}: “{requirement}” is {days_overdue} days past its deadline ({deadline}) and not remedied (R-62). The secretary should remedy it now and report the remedy for the supervisor to verify."),
            )
        }
        Figures::DocumentsLate { .. } => documents_late(&meeting, &cell, &alert.figures),
        Figures::MeetingDefect { started_at, .. } => {
            let day = date_text(started_at.date_naive());
            meeting_defect(&meeting, &cell, &day, context)
        }
        Figures::FollowerAttendanceLow { .. } => follower(scope, &who, &alert.figures),
    }
}

/// The text a context carries, or nothing.
fn text<'a>(context: &Context<'a>) -> &'a str {
    match context {
        Context::Text(text) => text,
        _ => "",
    }
}

/// The Vietnamese name of a meeting's state, inside a sentence ([`crate::labels`]).
fn state_vi(state: StateName) -> String {
    crate::labels::in_sentence(
        "meeting_state",
        state.as_str(),
        crate::report::minutes::Language::Vi,
    )
}

/// R-20, with the month's meeting not yet held, if there is one.
fn no_regular_meeting(
    cell: &str,
    month: YearMonth,
    (held, required): (u32, u32),
    pending: Option<(&MeetingId, StateName)>,
) -> (String, String) {
    let when = month_text(month);
    let (pending_vi, pending_en) = match pending {
        Some((id, state)) => (
            format!(
                " Kỳ sinh hoạt {id} của tháng này đang ở trạng thái «{}».",
                state_vi(state)
            ),
            format!(" Meeting {id} of that month is still {}.", state.as_str()),
        ),
        None => (String::new(), String::new()),
    };
    (
        format!("{cell} chưa có kỳ sinh hoạt thường kỳ tháng {when} được ghi nhận đã họp và thông qua nghị quyết ({held}/{required} kỳ, R-20).{pending_vi} Bí thư chi bộ cần tổ chức sinh hoạt và ghi biên bản, hoặc báo cáo lý do với đảng ủy."),
        format!("{cell} has no regular meeting recorded as held and adopted for {when} ({held} of {required}, R-20).{pending_en} The secretary should hold and record the meeting, or report the reason to the commune committee."),
    )
}

/// Each helper below given the figures of another kind says nothing (`message` never does).
fn consecutive_absences(who: &str, cell: &str, figures: &Figures) -> (String, String) {
    let Figures::ConsecutiveAbsences {
        year,
        in_a_row,
        most_allowed,
        excused,
        unexcused,
        first_month,
        last_month,
        ongoing,
        ..
    } = figures
    else {
        return (String::new(), String::new());
    };
    let (from, to) = (month_text(*first_month), month_text(*last_month));
    let (still_vi, still_en) = if *ongoing {
        (
            " và vẫn chưa trở lại sinh hoạt",
            ", and has not attended since",
        )
    } else {
        ("", "")
    };
    (
        format!("Đảng viên {who} của {cell} vắng {in_a_row} kỳ sinh hoạt thường kỳ liên tiếp trong năm {year} (từ tháng {from} đến tháng {to}; {excused} kỳ có lý do, {unexcused} kỳ không lý do){still_vi}, vượt quá {most_allowed} kỳ liên tiếp (R-70, tính cả vắng có lý do). Bí thư chi bộ cần gặp đảng viên, tìm hiểu lý do và nhắc nhở; nếu đảng viên không thể sinh hoạt, đề nghị cấp có thẩm quyền xem xét miễn sinh hoạt."),
        format!("Member {who} of {cell} missed {in_a_row} regular meetings in a row in {year} ({from} to {to}; {excused} with a reason, {unexcused} without){still_en}, more than the {most_allowed} in a row allowed (R-70, absences with a reason included). The secretary should meet the member, find out why and remind them; if they cannot take part, propose an exemption to the competent committee."),
    )
}

/// the months of unexcused absence.
fn removal_proposal(
    who: &str,
    cell: &str,
    year: i32,
    months: &[YearMonth],
    (month_count, threshold): (u32, u32),
) -> (String, String) {
    let list = months
        .iter()
        .map(|m| month_text(*m))
        .collect::<Vec<_>>()
        .join(", ");
    (
        format!("Đảng viên {who} của {cell} vắng sinh hoạt không lý do trong {month_count} tháng của năm {year} (tháng {list}), từ {threshold} tháng trở lên (R-80): thuộc diện đề nghị xóa tên khỏi danh sách đảng viên. Đây chỉ là cảnh báo; việc xem xét, quyết định do chi bộ và cấp ủy có thẩm quyền thực hiện. Bí thư chi bộ cần xác minh lý do vắng và đưa ra chi bộ xem xét."),
        format!("Member {who} of {cell} was absent without a reason in {month_count} months of {year} ({list}), at least the {threshold} that R-80 sets: the member falls under a proposal for removal from the roll (xóa tên). This is an alert only: the cell and the competent committee consider and decide. The secretary should verify the reasons for the absences and put the case to the cell."),
    )
}

/// published late or not at all, for a meeting held or still a draft.
fn documents_late(id: &str, label: &str, figures: &Figures) -> (String, String) {
    let Figures::DocumentsLate {
        start,
        deadline,
        published_at,
        lead_hours,
        held,
    } = figures
    else {
        return (String::new(), String::new());
    };
    let (start_t, deadline_t) = (time_text(*start), time_text(*deadline));
    match (published_at.map(time_text), held) {
        (Some(at), true) => (
            format!("Tài liệu kỳ sinh hoạt {id} của {label} (họp lúc {start_t}) đăng tải lúc {at}, muộn hơn hạn {deadline_t} (trước giờ họp {lead_hours} giờ, R-25). Bí thư chi bộ cần rút kinh nghiệm, đăng tải tài liệu đúng hạn ở các kỳ sau."),
            format!("The documents of meeting {id} of {label} (held at {start_t}) were published at {at}, later than {deadline_t} ({lead_hours} hours before the start, R-25). The secretary should publish documents in time for the next meetings."),
        ),
        (None, true) => (
            format!("Kỳ sinh hoạt {id} của {label} (họp lúc {start_t}) diễn ra mà tài liệu không được đăng tải cho đảng viên (R-25). Bí thư chi bộ cần rút kinh nghiệm, đăng tải tài liệu trước giờ họp {lead_hours} giờ ở các kỳ sau."),
            format!("Meeting {id} of {label} (held at {start_t}) took place without its documents published to the members (R-25). The secretary should publish them {lead_hours} hours before the start at the next meetings."),
        ),
        (Some(at), false) => (
            format!("Tài liệu kỳ sinh hoạt {id} của {label} (dự kiến họp lúc {start_t}) đăng tải lúc {at}, muộn hơn hạn {deadline_t} (trước giờ họp {lead_hours} giờ, R-25): họp vào giờ đó sẽ bị ghi nhận là chưa đúng quy định. Bí thư chi bộ nên sửa dự thảo, dời kỳ sinh hoạt sang thời điểm muộn hơn và gửi lại thông báo."),
            format!("The documents of meeting {id} of {label} (scheduled at {start_t}) were published at {at}, later than {deadline_t} ({lead_hours} hours before the start, R-25): held at that time, the meeting will be recorded as departing from the rule. The secretary should revise the draft to a later time and send the notice again."),
        ),
        (None, false) => (
            format!("Kỳ sinh hoạt {id} của {label} dự kiến họp lúc {start_t} nhưng tài liệu chưa được đăng tải; hạn đăng tải là {deadline_t} (trước giờ họp {lead_hours} giờ, R-25). Bí thư chi bộ cần đăng tải tài liệu ngay và, nếu không còn đủ thời gian, dời kỳ sinh hoạt và gửi lại thông báo."),
            format!("Meeting {id} of {label} is scheduled at {start_t} but its documents have not been published; the deadline is {deadline_t} ({lead_hours} hours before the start, R-25). The secretary should publish them now and, if there is no longer time, move the meeting and send the notice again."),
        ),
    }
}

/// A recorded defect in its own words, and what the cell committee should do.
fn meeting_defect(id: &str, label: &str, day: &str, context: &Context<'_>) -> (String, String) {
    let Context::Defect { defect, revote } = context else {
        return (String::new(), String::new());
    };
    let (todo_vi, todo_en) = if *revote {
        (
            "Chi ủy cần sửa dự thảo và tổ chức biểu quyết lại.",
            "The cell committee should revise the draft and hold a new vote.",
        )
    } else {
        (
            "Chi ủy cần rút kinh nghiệm; cấp ủy cấp trên xem xét khi kiểm tra, giám sát.",
            "The cell committee should learn from it; the superior committee takes it into account when supervising.",
        )
    };
    (
        format!(
            "Kỳ sinh hoạt {id} của {label} ngày {day}: {} {todo_vi}",
            defect.message_vi()
        ),
        format!(
            "Meeting {id} of {label} on {day}: {} {todo_en}",
            defect.message_en()
        ),
    )
}

/// the follower's attendance against the quota so far.
fn follower(scope: &Scope<'_>, who: &str, figures: &Figures) -> (String, String) {
    let Figures::FollowerAttendanceLow {
        year,
        level,
        cells,
        attended,
        expected_by_now,
        yearly_quota,
        months_ended,
    } = figures
    else {
        return (String::new(), String::new());
    };
    let cell_list = cells
        .iter()
        .map(|c: &CellId| scope.cell_label(c))
        .collect::<Vec<_>>()
        .join(", ");
    let (level_vi, level_en) = match level {
        FollowerLevel::HigherLevel => ("cán bộ cấp trên", "higher-level"),
        FollowerLevel::Commune => ("cấp ủy viên đảng ủy xã", "commune committee"),
    };
    (
        format!("Đồng chí {who}, {level_vi} được phân công theo dõi {cell_list}, mới dự {attended} kỳ sinh hoạt của các chi bộ này trong năm {year}; định mức {yearly_quota} kỳ/năm tính theo {months_ended}/12 tháng đã qua là ít nhất {expected_by_now} kỳ (R-81). Văn phòng đảng ủy cần nhắc đồng chí bố trí dự sinh hoạt tại chi bộ được phân công trong các tháng tới."),
        format!("{who}, a {level_en} member assigned to follow {cell_list}, attended {attended} of their meetings in {year}; the quota of {yearly_quota} a year, pro rata to the {months_ended} of 12 months ended, is at least {expected_by_now} (R-81). The commune office should remind them to attend the followed cells' coming meetings."),
    )
}
