//! The cell's meetings: regular meetings held each month, thematic meetings each quarter
//! documents published in time.

use super::{last_day, month_text, time_text, Alert, AlertKind, Figures, Scope};
use crate::ids::CellId;
use crate::meeting::{MeetingState, StateName};
use crate::organisation::Cell;
use crate::time::YearMonth;
use chrono::{DateTime, TimeDelta, Utc};

impl Scope<'_> {
    /// The cells that have at least one member on the roll: an empty cell has no meeting to hold.
    fn cells_with_members(&self) -> impl Iterator<Item = &Cell> + '_ {
        let org = &self.commune.organisation;
        org.cells
            .values()
            .filter(move |cell| org.cell_members(cell).next().is_some())
    }

    /// Held meetings of `cell` whose month satisfies `month` and whose kind satisfies `kind`.
    fn held_count(
        &self,
        cell: &CellId,
        month: impl Fn(YearMonth) -> bool,
        kind: impl Fn(&MeetingState) -> bool,
    ) -> u32 {
        crate::count(
            self.held
                .iter()
                .filter(|(m, _)| &m.header().cell == cell && month(m.header().month) && kind(m))
                .count(),
        )
    }
}

/// The Vietnamese name of a meeting's state.
fn state_vi(state: StateName) -> &'static str {
    match state {
        StateName::Draft => "dự thảo",
        StateName::Adopted => "đã thông qua",
        StateName::Assigned => "đã phân công",
        StateName::Reported => "đã báo cáo",
        StateName::Inspected => "đã kiểm tra, giám sát",
    }
}

/// every month of the year that has ended has the cell's regular meeting(s), held.
pub(super) fn missing_regular(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.regular_meetings_per_month;
    let required = param.value;
    for cell in scope.cells_with_members() {
        for month in scope.ended_months() {
            let held = scope.held_count(&cell.id, |m| m == month, |m| m.header().kind.is_regular());
            if held >= required {
                continue;
            }
            // A regular meeting of the month that exists but is not (yet) held, if any.
            let pending = scope
                .commune
                .meetings
                .values()
                .filter(|m| {
                    let h = m.header();
                    h.cell == cell.id && h.month == month && h.kind.is_regular()
                })
                .find(|m| {
                    !scope
                        .held
                        .iter()
                        .any(|(x, _)| x.header().id == m.header().id)
                });
            let label = scope.cell_label(&cell.id);
            let when = month_text(month);
            let (pending_vi, pending_en) = match pending {
                Some(m) => (
                    format!(
                        " Kỳ sinh hoạt {} của tháng này đang ở trạng thái «{}».",
                        m.header().id,
                        state_vi(m.name())
                    ),
                    format!(
                        " Meeting {} of that month is still {}.",
                        m.header().id,
                        m.name().as_str()
                    ),
                ),
                None => (String::new(), String::new()),
            };
            out.push(
                Alert::new(
                    AlertKind::NoRegularMeeting,
                    Some(&param.source),
                    Figures::NoRegularMeeting {
                        month,
                        held,
                        required,
                    },
                )
                .cell(&cell.id)
                .meeting(pending.map(|m| &m.header().id))
                .message(
                    format!(
                        "{label} chưa có kỳ sinh hoạt thường kỳ tháng {when} được ghi nhận đã họp và thông qua nghị quyết ({held}/{required} kỳ, R-20).{pending_vi} Bí thư chi bộ cần tổ chức sinh hoạt và ghi biên bản, hoặc báo cáo lý do với đảng ủy."
                    ),
                    format!(
                        "{label} has no regular meeting recorded as held and adopted for {when} ({held} of {required}, R-20).{pending_en} The secretary should hold and record the meeting, or report the reason to the commune committee."
                    ),
                ),
            );
        }
    }
}

/// every quarter of the year that has ended has the cell's thematic meeting(s), held.
pub(super) fn thematic_quota(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.thematic_meetings_per_quarter;
    let required = param.value;
    for cell in scope.cells_with_members() {
        for quarter in 1..=4_u32 {
            let ended = YearMonth::new(scope.year, quarter * 3).and_then(last_day);
            if !scope.has_ended(ended) {
                continue;
            }
            let held = scope.held_count(
                &cell.id,
                |m| m.quarter() == quarter,
                |m| m.header().kind.is_thematic(),
            );
            if held >= required {
                continue;
            }
            let label = scope.cell_label(&cell.id);
            let year = scope.year;
            out.push(
                Alert::new(
                    AlertKind::ThematicQuotaMissed,
                    Some(&param.source),
                    Figures::ThematicQuotaMissed {
                        year,
                        quarter,
                        held,
                        required,
                    },
                )
                .cell(&cell.id)
                .message(
                    format!(
                        "{label} mới sinh hoạt chuyên đề {held}/{required} kỳ trong quý {quarter}/{year} (R-21). Bí thư chi bộ cần bổ sung kỳ sinh hoạt chuyên đề theo kế hoạch năm (không thay cho sinh hoạt thường kỳ) và báo cáo đảng ủy."
                    ),
                    format!(
                        "{label} held {held} of the {required} thematic meetings required in quarter {quarter}/{year} (R-21). The secretary should hold the missing thematic meeting from the yearly plan (it does not replace the regular meeting) and report to the commune committee."
                    ),
                ),
            );
        }
    }
}

/// documents published at least the lead time before the start.
pub(super) fn documents_late(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.document_lead_hours;
    let lead_hours = param.value;
    for meeting in scope.commune.meetings.values() {
        let header = meeting.header();
        if header.month.year() != scope.year {
            continue;
        }
        let held = meeting.held();
        let start = held.map_or(meeting.draft().scheduled_at, |h| h.record.started_at);
        // As when adopting: a lead time too long for the calendar puts the deadline at the start
        // of time.
        let deadline = TimeDelta::try_hours(i64::from(lead_hours))
            .and_then(|lead| start.checked_sub_signed(lead))
            .unwrap_or_else(|| DateTime::<Utc>::MIN_UTC.fixed_offset());
        let published_at = meeting.preparation().documents.as_ref().map(|d| d.at);
        let late = match published_at {
            Some(at) => at > deadline,
            None => held.is_none() && deadline.date_naive() <= scope.as_of,
        };
        if !late {
            continue;
        }
        let label = scope.cell_label(&header.cell);
        let id = &header.id;
        let (start_t, deadline_t) = (time_text(start), time_text(deadline));
        let (vi, en) = match (published_at, held.is_some()) {
            (Some(at), true) => (
                format!(
                    "Tài liệu kỳ sinh hoạt {id} của {label} (họp lúc {start_t}) đăng tải lúc {}, muộn hơn hạn {deadline_t} (trước giờ họp {lead_hours} giờ, R-25). Bí thư chi bộ cần rút kinh nghiệm, đăng tải tài liệu đúng hạn ở các kỳ sau.",
                    time_text(at)
                ),
                format!(
                    "The documents of meeting {id} of {label} (held at {start_t}) were published at {}, later than {deadline_t} ({lead_hours} hours before the start, R-25). The secretary should publish documents in time for the next meetings.",
                    time_text(at)
                ),
            ),
            (Some(at), false) => (
                format!(
                    "Tài liệu kỳ sinh hoạt {id} của {label} (dự kiến họp lúc {start_t}) đăng tải lúc {}, muộn hơn hạn {deadline_t} (trước giờ họp {lead_hours} giờ, R-25): kỳ sinh hoạt không thể thông qua vào giờ đó. Bí thư chi bộ cần sửa dự thảo, dời kỳ sinh hoạt sang thời điểm muộn hơn và gửi lại thông báo.",
                    time_text(at)
                ),
                format!(
                    "The documents of meeting {id} of {label} (scheduled at {start_t}) were published at {}, later than {deadline_t} ({lead_hours} hours before the start, R-25): the meeting cannot be adopted at that time. The secretary should revise the draft to a later time and send the notice again.",
                    time_text(at)
                ),
            ),
            (None, _) => (
                format!(
                    "Kỳ sinh hoạt {id} của {label} dự kiến họp lúc {start_t} nhưng tài liệu chưa được đăng tải; hạn đăng tải là {deadline_t} (trước giờ họp {lead_hours} giờ, R-25). Bí thư chi bộ cần đăng tải tài liệu ngay và, nếu không còn đủ thời gian, dời kỳ sinh hoạt và gửi lại thông báo."
                ),
                format!(
                    "Meeting {id} of {label} is scheduled at {start_t} but its documents have not been published; the deadline is {deadline_t} ({lead_hours} hours before the start, R-25). The secretary should publish them now and, if there is no longer time, move the meeting and send the notice again."
                ),
            ),
        };
        out.push(
            Alert::new(
                AlertKind::DocumentsLate,
                Some(&param.source),
                Figures::DocumentsLate {
                    start,
                    deadline,
                    published_at,
                    lead_hours,
                    held: held.is_some(),
                },
            )
            .cell(&header.cell)
            .meeting(Some(id))
            .message(vi, en),
        );
    }
}
