//! The rating's words: each finding of the category decision said in Vietnamese and English.

use super::cell::CellTasks;
use super::finding::{CellStep, Finding, MemberStep, Share, Shortfall};
use super::{Category, Reason, TaskCounts};
use crate::organisation::Exemption;
use crate::review::DisciplineForm;
use crate::rules::Threshold;

/// `count/base (p%)`, the percentage rounded down.
fn share_text(share: Share) -> String {
    let Share { count, base } = share;
    let pct = u64::from(count) * 100 / u64::from(base.max(1));
    format!("{count}/{base} ({pct}%)")
}

/// `30%`, or `30,5%` / `30.5%` for a fraction.
pub(crate) fn pct_text(t: Threshold, comma: bool) -> String {
    let den = u64::from(t.denominator.max(1));
    let tenths = u64::from(t.numerator) * 1000 / den;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else if comma {
        format!("{},{}%", tenths / 10, tenths % 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// An upper limit: `≤ 20%`, or `< 20%` when strict, `(vi, en)`.
fn limit_text(limit: Threshold) -> (String, String) {
    let op = if limit.strict { "<" } else { "≤" };
    (
        format!("{op} {}", pct_text(limit, true)),
        format!("{op} {}", pct_text(limit, false)),
    )
}

/// A finding as a reason.
pub(super) fn finding(finding: &Finding) -> Reason {
    match finding {
        Finding::Excellent {
            points,
            excellent,
            in_time,
            exceeded,
            exceeding,
        } => excellent_reason(*points, *excellent, *in_time, *exceeded, *exceeding),
        Finding::NotExcellent(missing) => {
            let (vi, en) = shortfalls(missing);
            Reason::new(
                format!("Chưa đạt Hoàn thành xuất sắc: {vi}."),
                format!("Not Excellent: {en}."),
            )
        }
        Finding::Good {
            points,
            good,
            in_time,
        } => {
            let in_time = share_text(*in_time);
            Reason::new(
                format!("Đạt {points}/100 điểm (≥ {good}), {in_time} nhiệm vụ đúng hạn hoặc vượt mức: Hoàn thành tốt nhiệm vụ."),
                format!("{points}/100 points (≥ {good}), {in_time} of tasks on time or exceeded: Good."),
            )
        }
        Finding::NotGood(missing) => {
            let (vi, en) = shortfalls(missing);
            Reason::new(
                format!("Chưa đạt Hoàn thành tốt: {vi}."),
                format!("Not Good: {en}."),
            )
        }
        Finding::Completed {
            points,
            completed,
            late,
            limit,
        } => completed_reason(*points, *completed, *late, *limit),
        Finding::CompletedOnPoints {
            points,
            completed,
            shortfalls: missing,
        } => {
            let (vi, en) = shortfalls(missing);
            Reason::new(
                format!("Đạt {points}/100 điểm (≥ {completed}) nên không thuộc Không hoàn thành nhiệm vụ; còn {vi}: xếp Hoàn thành nhiệm vụ, cấp ủy xem xét khi quyết định."),
                format!("{points}/100 points (≥ {completed}), so not Not completed; with {en}: Completed, for the committee to weigh when it decides."),
            )
        }
        Finding::NotCompleted(missing) => {
            let (vi, en) = shortfalls(missing);
            Reason::new(
                format!("Chưa đạt Hoàn thành: {vi}. Xếp loại Không hoàn thành nhiệm vụ."),
                format!("Not Completed: {en}. Rated Not completed."),
            )
        }
    }
}

/// Excellent: the points, the tasks in time and the share exceeded.
fn excellent_reason(
    points: u32,
    excellent: u32,
    in_time: Share,
    exceeded: Share,
    exceeding: Threshold,
) -> Reason {
    let (in_time, exceeded) = (share_text(in_time), share_text(exceeded));
    Reason::new(
        format!("Đạt {points}/100 điểm (≥ {excellent}), {in_time} nhiệm vụ hoàn thành đúng hạn hoặc vượt mức, {exceeded} vượt mức (≥ {}): Hoàn thành xuất sắc nhiệm vụ.", pct_text(exceeding, true)),
        format!("{points}/100 points (≥ {excellent}), {in_time} of tasks on time or exceeded, {exceeded} exceeded (≥ {}): Excellent.", pct_text(exceeding, false)),
    )
}

/// Completed: the points, nothing undone, the share late within the limit.
fn completed_reason(points: u32, completed: u32, late: Share, limit: Threshold) -> Reason {
    let late = share_text(late);
    let (limit_vi, limit_en) = limit_text(limit);
    Reason::new(
        format!("Đạt {points}/100 điểm (≥ {completed}), không có nhiệm vụ chưa hoàn thành, {late} chậm ({limit_vi}): Hoàn thành nhiệm vụ."),
        format!("{points}/100 points (≥ {completed}), no task left undone, {late} late ({limit_en}): Completed."),
    )
}

/// The conditions missed, joined by `; `, `(vi, en)`.
fn shortfalls(missing: &[Shortfall]) -> (String, String) {
    let (vi, en): (Vec<String>, Vec<String>) = missing.iter().map(shortfall).unzip();
    (vi.join("; "), en.join("; "))
}

/// One condition missed, `(vi, en)`.
fn shortfall(missing: &Shortfall) -> (String, String) {
    match missing {
        Shortfall::Points { points, needed } => (
            format!("{points} điểm < {needed}"),
            format!("{points} points < {needed}"),
        ),
        Shortfall::NotAllInTime(in_time) => {
            let in_time = share_text(*in_time);
            (
                format!("chỉ {in_time} nhiệm vụ đúng hạn hoặc vượt mức"),
                format!("only {in_time} of tasks on time or exceeded"),
            )
        }
        Shortfall::Exceeded { exceeded, needed } => {
            let exceeded = share_text(*exceeded);
            (
                format!("{exceeded} vượt mức < {}", pct_text(*needed, true)),
                format!("{exceeded} exceeded < {}", pct_text(*needed, false)),
            )
        }
        Shortfall::Undone(undone) => {
            let undone = share_text(*undone);
            (
                format!("{undone} nhiệm vụ chưa hoàn thành"),
                format!("{undone} of tasks not done"),
            )
        }
        Shortfall::LateBeyondLimit { late, limit } => {
            let (late, (limit_vi, limit_en)) = (share_text(*late), limit_text(*limit));
            (
                format!("{late} nhiệm vụ chậm (giới hạn {limit_vi})"),
                format!("{late} of tasks late (limit {limit_en})"),
            )
        }
        Shortfall::LateBeyondNeeded { late, limit } => {
            let (late, (limit_vi, limit_en)) = (share_text(*late), limit_text(*limit));
            (
                format!("{late} nhiệm vụ chậm (cần {limit_vi})"),
                format!("{late} of tasks late (must be {limit_en})"),
            )
        }
        Shortfall::NoTask => (
            "không có nhiệm vụ nào trong năm".to_owned(),
            "no task in the year".to_owned(),
        ),
    }
}

/// A step of a member's rating as a reason.
pub(super) fn member_step(step: &MemberStep<'_>) -> Reason {
    match step {
        MemberStep::Tasks {
            counts,
            points,
            max,
            year,
        } => member_tasks(counts, *points, *max, *year),
        MemberStep::DueAfterCutOff { later, cut_off } => Reason::new(
            format!(
                "{later} nhiệm vụ có hạn sau ngày chốt đánh giá {} không tính vào kỳ đánh giá này.",
                cut_off.format("%d/%m/%Y")
            ),
            format!(
                "{later} task(s) due after the review's cut-off ({}) are outside this review.",
                cut_off.format("%Y-%m-%d")
            ),
        ),
        MemberStep::Exempted(exemption) => exempted(exemption),
        MemberStep::GeneralAboveMax { general, max } => Reason::new(
            format!("Điểm tiêu chí chung {general} vượt quá {max}: chưa xếp loại được."),
            format!("General-criteria points {general} exceed {max}: not rateable."),
        ),
        MemberStep::NoGeneral { max } => Reason::new(
            format!("Chưa nhập điểm tiêu chí chung (tối đa {max}): chưa xếp loại được."),
            format!("No general-criteria points entered (out of {max}): not rateable."),
        ),
        MemberStep::NoTaskDue { year } => Reason::new(
            format!("Không có nhiệm vụ nào có hạn trong năm {year}: chưa xếp loại được."),
            format!("No task due in {year}: not rateable."),
        ),
        MemberStep::Total {
            general,
            tasks,
            total,
        } => Reason::new(
            format!("Tổng điểm: {general} (tiêu chí chung) + {tasks} (kết quả nhiệm vụ) = {total}/100."),
            format!("Total: {general} (general criteria) + {tasks} (task results) = {total}/100."),
        ),
        MemberStep::Disciplined { form, highest } => disciplined(*form, *highest),
        MemberStep::Pending(pending) => Reason::new(
            format!("Còn {pending} nhiệm vụ chưa báo cáo, tạm tính là chưa hoàn thành: xếp loại tạm thời."),
            format!("{pending} task(s) not yet reported, counted as not done for now: provisional."),
        ),
    }
}

/// Exempted from activity: not rated.
fn exempted(exemption: &Exemption) -> Reason {
    Reason::new(
        format!(
            "Đảng viên được miễn công tác và sinh hoạt từ {} ({}): không xếp loại.",
            exemption.since.format("%d/%m/%Y"),
            exemption.reason
        ),
        format!(
            "Member exempted from activity since {} ({}): not rated.",
            exemption.since.format("%Y-%m-%d"),
            exemption.reason
        ),
    )
}

/// Disciplined in the year: the highest category allowed.
fn disciplined(form: DisciplineForm, highest: Category) -> Reason {
    Reason::new(
        format!(
            "Bị kỷ luật {} trong năm: xếp loại cao nhất là {} (R-63, R-72).",
            form.label_vi(),
            highest.name_vi()
        ),
        format!(
            "Disciplined ({}) in the year: rated at most {} (R-63, R-72).",
            form.as_str(),
            highest.name_en()
        ),
    )
}

/// The task figures and points, as a reason.
fn member_tasks(t: &TaskCounts, points: u32, max: u32, year: i32) -> Reason {
    Reason::new(
        format!(
            "Nhiệm vụ có hạn trong năm {year}: {} (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}, chưa báo cáo {}); điểm kết quả nhiệm vụ = ⌊{max} × (2 × {} + {}) / (2 × {})⌋ = {points}/{max}.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
        format!(
            "Tasks due in {year}: {} (exceeded {}, on time {}, late {}, not done {}, pending {}); task points = floor({max} × (2 × {} + {}) / (2 × {})) = {points}/{max}.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
    )
}

/// A step of a cell's rating as a reason.
pub(super) fn cell_step(step: &CellStep<'_>) -> Reason {
    match step {
        CellStep::OwnTasks { own, points, max } => own_tasks(own, *points, *max),
        CellStep::NoGeneral => Reason::new(
            "Chưa có đảng viên nào được nhập điểm tiêu chí chung: chưa xếp loại được.".to_owned(),
            "No member has general-criteria points: not rateable.".to_owned(),
        ),
        CellStep::NoTask => Reason::new(
            "Không có nhiệm vụ nào trong năm: chưa xếp loại được.".to_owned(),
            "No task in the year: not rateable.".to_owned(),
        ),
        CellStep::Total {
            general,
            with_points,
            members,
            tasks,
            total,
        } => Reason::new(
            format!("Điểm tiêu chí chung bình quân {general} (của {with_points}/{members} đảng viên) + {tasks} = {total}/100."),
            format!("Average general-criteria points {general} (of {with_points}/{members} members) + {tasks} = {total}/100."),
        ),
        CellStep::DisciplinedCommittee(members) => {
            let names = members
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            Reason::new(
                format!("Chi ủy viên bị kỷ luật trong năm ({names}): không xếp Hoàn thành xuất sắc (366-QĐ/TW, Điều 11): Hoàn thành tốt nhiệm vụ."),
                format!("A cell committee member was disciplined in the year ({names}): not Excellent (366-QĐ/TW, art. 11): Good."),
            )
        }
        CellStep::NotFinal => Reason::new(
            "Có đảng viên chưa xếp loại chính thức: xếp loại chi bộ tạm thời.".to_owned(),
            "Some members' ratings are not final: the cell's rating is provisional.".to_owned(),
        ),
    }
}

/// The cell's own tasks as a collective: meetings, remedies and the points.
fn own_tasks(own: &CellTasks, points_70: u32, task_max: u32) -> Reason {
    let tasks = own.counts;
    Reason::new(
        format!(
            "Nhiệm vụ của chi bộ trong năm: sinh hoạt thường kỳ {} tháng (không họp {}, chất lượng dưới Khá {}, đạt Tốt {}); khắc phục {} yêu cầu (chưa xong {}, chậm {}). Tổng {} nhiệm vụ (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}): {points_70}/{task_max} điểm.",
            own.months, own.months_missed, own.months_with_defects, own.months_good,
            own.remedies, own.remedies_open, own.remedies_late,
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done
        ),
        format!(
            "The cell's own tasks of the year: the regular meeting of {} month(s) ({} not held, {} below Fair, {} scored Good); {} remedy(ies) required ({} not done, {} late). {} tasks in all (exceeded {}, on time {}, late {}, not done {}): {points_70}/{task_max} points.",
            own.months, own.months_missed, own.months_with_defects, own.months_good,
            own.remedies, own.remedies_open, own.remedies_late,
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done
        ),
    )
}
