//! The quality report's words: each typed reason of a score or a yearly verdict said in
//! Vietnamese and in English, `(vi, en)`.

use super::reason::{PreviousTasks, Reason, VerdictReason};
use crate::ids::MeetingId;
use crate::rules::Threshold;
use crate::time::Timestamp;

/// A figure as a percentage with one decimal, rounded half up: `(text vi, text en)`.
fn percent(count: u32, base: u32) -> (String, String) {
    let base = u64::from(base.max(1));
    let per_mille = (u64::from(count) * 2000 + base) / (2 * base);
    let (whole, tenth) = (per_mille / 10, per_mille % 10);
    (format!("{whole},{tenth}%"), format!("{whole}.{tenth}%"))
}

/// A threshold's percentage: `(vi, en)`, e.g. `("85%", "85%")` or `("66,7%", "66.7%")`.
fn threshold_percent(t: Threshold) -> (String, String) {
    let (vi, en) = percent(t.numerator, t.denominator);
    (vi.replace(",0%", "%"), en.replace(".0%", "%"))
}

/// The comparison a measure against a threshold came to.
fn compared(met: bool, strict: bool) -> &'static str {
    match (met, strict) {
        (true, true) => ">",
        (true, false) => "≥",
        (false, true) => "≤",
        (false, false) => "<",
    }
}

/// `≥` when met, `<` when not.
fn at_least(met: bool) -> &'static str {
    if met {
        "≥"
    } else {
        "<"
    }
}

/// A criterion's reason, `(vi, en)`.
pub(super) fn reason(reason: &Reason<'_>) -> (String, String) {
    match reason {
        Reason::Defect(defect) => (defect.message_vi(), defect.message_en()),
        Reason::Attendance {
            present,
            base,
            target,
            met,
        } => attendance(*present, *base, *target, *met),
        Reason::UnexcusedAbsences(n) => (
            format!("{n} đảng viên vắng không lý do"),
            format!("{n} member(s) absent without reason"),
        ),
        Reason::Duration { minutes, min, met } => {
            let cmp = at_least(*met);
            (
                format!("họp {minutes} phút {cmp} {min} phút"),
                format!("{minutes} minutes {cmp} {min} minutes"),
            )
        }
        Reason::Preparatory(at) => preparatory(*at),
        Reason::Notice(sent) => notice(*sent),
        Reason::Documents {
            before,
            lead_hours,
            met,
        } => documents(*before, *lead_hours, *met),
        Reason::Speakers {
            speakers,
            present,
            share,
            met,
        } => speakers_reason(*speakers, *present, *share, *met),
        Reason::Conclusions(n) => (
            format!("{n} kết luận của chủ trì được ghi"),
            format!("{n} conclusion(s) of the chair recorded"),
        ),
        Reason::Resolution(tally) => resolution(tally),
        Reason::PreviousTasks(previous) => previous_tasks(previous),
        Reason::Entered { points, max } => entered(*points, *max),
        Reason::NotMeasured => (String::new(), String::new()),
    }
}

/// attendance against the summons, against the target.
fn attendance(present: u32, base: u32, target: Threshold, met: bool) -> (String, String) {
    let (rate_vi, rate_en) = percent(present, base);
    let (t_vi, t_en) = threshold_percent(target);
    let cmp = compared(met, target.strict);
    (
        format!("dự họp {rate_vi} ({present}/{base}, không tính đảng viên được miễn sinh hoạt vắng mặt) {cmp} {t_vi}"),
        format!("attendance {rate_en} ({present}/{base}, exempted members who were absent left out) {cmp} {t_en}"),
    )
}

/// when the committee prepared the meeting, or that it did not.
fn preparatory(at: Option<Timestamp>) -> (String, String) {
    match at {
        Some(at) => (
            format!("chi ủy họp chuẩn bị lúc {}", at.format("%H:%M %d/%m/%Y")),
            format!(
                "preparatory meeting held at {}",
                at.format("%Y-%m-%d %H:%M")
            ),
        ),
        None => (
            "không có cuộc họp chuẩn bị của chi ủy".to_owned(),
            "no preparatory meeting recorded".to_owned(),
        ),
    }
}

/// when the notice went out and to how many, or that it did not.
fn notice(sent: Option<(Timestamp, usize)>) -> (String, String) {
    match sent {
        Some((at, recipients)) => (
            format!(
                "đã gửi thông báo lúc {} tới {recipients} người",
                at.format("%H:%M %d/%m/%Y")
            ),
            format!(
                "notice sent at {} to {recipients} recipient(s)",
                at.format("%Y-%m-%d %H:%M")
            ),
        ),
        None => ("chưa gửi thông báo".to_owned(), "no notice sent".to_owned()),
    }
}

/// how long before the start the documents were published, against the lead time.
fn documents(before: Option<i64>, lead: u32, met: bool) -> (String, String) {
    let Some(minutes) = before else {
        return (
            "chưa gửi tài liệu cho đảng viên".to_owned(),
            "no documents published".to_owned(),
        );
    };
    let (whole, rest) = (minutes.div_euclid(60), minutes.rem_euclid(60));
    let cmp = at_least(met);
    (
        format!("tài liệu gửi trước {whole} giờ {rest} phút {cmp} {lead} giờ"),
        format!("documents published {whole} h {rest} min before the start {cmp} {lead} h"),
    )
}

/// the members present who spoke, against the rubric's share.
fn speakers_reason(speakers: u32, present: u32, share: Threshold, met: bool) -> (String, String) {
    let (rate_vi, rate_en) = percent(speakers, present);
    let (t_vi, t_en) = threshold_percent(share);
    let cmp = compared(met, share.strict);
    (
        format!("{speakers}/{present} đảng viên có mặt phát biểu ({rate_vi}) {cmp} {t_vi}"),
        format!("{speakers} of {present} members present spoke ({rate_en}) {cmp} {t_en}"),
    )
}

/// the resolution's vote.
fn resolution(tally: &crate::meeting::Tally) -> (String, String) {
    let (vi, en) = if tally.passed {
        ("được thông qua", "adopted")
    } else {
        ("không được thông qua", "not adopted")
    };
    let (yes, base, needed) = (tally.yes, tally.counted_base, tally.needed);
    (
        format!("nghị quyết {vi} {yes}/{base} phiếu tán thành (cần {needed})"),
        format!("resolution {en} with {yes} of {base} in favour ({needed} needed)"),
    )
}

/// what became of the previous regular meeting's tasks.
fn previous_tasks(previous: &PreviousTasks) -> (String, String) {
    match previous {
        PreviousTasks::NoEarlierMeeting => (
            "không có kỳ sinh hoạt thường kỳ trước trong hồ sơ: không có nhiệm vụ phải báo cáo"
                .to_owned(),
            "no earlier regular meeting on record: no tasks to report".to_owned(),
        ),
        PreviousTasks::NoneAssigned(id) => (
            format!("kỳ trước ({id}) chưa phân công nhiệm vụ: không có gì để kiểm điểm"),
            format!("the previous meeting ({id}) assigned no tasks: nothing to review"),
        ),
        PreviousTasks::Reported {
            meeting: id,
            total,
            unreported,
        } => {
            let reported = total.saturating_sub(crate::count(unreported.len()));
            let vi = format!("{reported}/{total} nhiệm vụ của kỳ trước ({id}) đã được báo cáo");
            let en = format!("{reported} of {total} tasks of the previous meeting ({id}) reported");
            if unreported.is_empty() {
                return (vi, en);
            }
            let list = unreported.join(", ");
            (
                format!("{vi}; chưa báo cáo: {list}"),
                format!("{en}; not reported: {list}"),
            )
        }
    }
}

/// Points entered by the committee, or none yet.
fn entered(points: Option<u32>, max: u32) -> (String, String) {
    match points {
        Some(points) => (
            format!("chi ủy chấm {points}/{max} điểm"),
            format!("{points} of {max} points entered by the committee"),
        ),
        None => ("chưa nhập điểm".to_owned(), "no points entered".to_owned()),
    }
}

/// Meetings' ids, comma-separated.
fn list<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A yearly verdict's reason, `(vi, en)`.
pub(super) fn verdict_reason(reason: &VerdictReason<'_>) -> (String, String) {
    match reason {
        VerdictReason::GoodMeetings { good, needed } => {
            let cmp = at_least(good >= needed);
            (
                format!("{good} kỳ đạt Tốt {cmp} {needed} kỳ cần có"),
                format!("{good} Good meeting(s) {cmp} the {needed} needed"),
            )
        }
        VerdictReason::NoneBelowFair { scored } => (
            format!("không kỳ thường kỳ nào dưới mức Khá ({scored} kỳ đã chấm)"),
            format!("no regular meeting below Fair ({scored} scored)"),
        ),
        VerdictReason::BelowFair(ids) => meetings("kỳ dưới mức Khá", "meeting(s) below Fair", ids),
        VerdictReason::Unscored(ids) => {
            meetings("kỳ chưa được chấm điểm", "meeting(s) not scored", ids)
        }
        VerdictReason::MonthsWithoutMeeting(months) => {
            let months = list(months);
            (
                format!("tháng không có sinh hoạt thường kỳ: {months}"),
                format!("month(s) without a regular meeting held: {months}"),
            )
        }
    }
}

/// `label: id, id`, `(vi, en)`.
fn meetings(vi: &str, en: &str, ids: &[MeetingId]) -> (String, String) {
    let ids = list(ids);
    (format!("{vi}: {ids}"), format!("{en}: {ids}"))
}
