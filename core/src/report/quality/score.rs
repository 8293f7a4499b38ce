//! Scoring a held meeting under a rubric: each criterion measured or entered, with its reason.

use super::{Band, Measure, Rubric};
use crate::commune::Commune;
use crate::defect::Defect;
use crate::error::{Error, InputError, LookupError, TransitionError};
use crate::ids::{CellId, MeetingId};
use crate::meeting::{Attendance, MeetingKind, MeetingState};
use crate::rules::{Citation, Threshold};
use crate::task::TaskEntry;
use crate::time::YearMonth;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Whether a criterion was measured from the record or entered by people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Measured from the record.
    Automatic,
    /// Entered by the committee.
    Entered,
}

/// The points of one criterion, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CriterionScore {
    /// The criterion's id.
    pub id: String,
    /// Its group.
    pub group: String,
    /// Its label in Vietnamese.
    pub label_vi: String,
    /// Its label in English.
    pub label_en: String,
    /// The most points it gives.
    pub max_points: u32,
    /// Points awarded.
    pub awarded: u32,
    /// Points withheld: `max_points - awarded`.
    pub withheld: u32,
    /// Measured or entered.
    pub source: Source,
    /// Why, in Vietnamese, with the figures.
    pub reason_vi: String,
    /// Why, in English, with the figures.
    pub reason_en: String,
    /// The citation of the rule whose number was used, if any.
    pub rule: Option<Citation>,
    /// The code of the recorded defect (crate::defect) that withheld the points, if one did.
    pub defect: Option<&'static str>,
}

/// A meeting's quality score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Score {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its cell.
    pub cell: CellId,
    /// Its month.
    pub month: YearMonth,
    /// Regular, thematic or combined.
    pub kind: MeetingKind,
    /// The rubric's id.
    pub rubric: String,
    /// The rubric's source.
    pub rubric_source: Citation,
    /// Each criterion, in the rubric's order.
    pub criteria: Vec<CriterionScore>,
    /// Points awarded in all.
    pub total: u32,
    /// The most points the rubric gives.
    pub max_total: u32,
    /// The band of the total.
    pub band: Band,
    /// The citation of the band thresholds (`score_good`).
    pub band_source: Citation,
}

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

/// The outcome of one automatic measure.
struct Measured {
    met: bool,
    vi: String,
    en: String,
    rule: Option<Citation>,
    defect: Option<&'static str>,
}

impl Measured {
    fn new(met: bool, vi: String, en: String, rule: Option<&Citation>) -> Self {
        Self {
            met,
            vi,
            en,
            rule: rule.cloned(),
            defect: None,
        }
    }

    /// The criterion withheld by a recorded defect, with the defect's own words as the reason.
    fn withheld_by(defect: &Defect) -> Self {
        Self {
            met: false,
            vi: defect.message_vi(),
            en: defect.message_en(),
            rule: Some(defect.source.clone()),
            defect: Some(defect.code()),
        }
    }
}

/// The defect codes that withhold a measure's points, if the measure is one a defect decides.
fn defect_codes(measure: Measure) -> &'static [&'static str] {
    match measure {
        Measure::AttendanceRate => &["attendance_low"],
        Measure::Duration => &["too_short"],
        Measure::PreparatoryMeeting => &["no_preparatory_meeting", "preparatory_after_start"],
        Measure::NoticeSent => &["notice_missing", "notice_after_start"],
        Measure::DocumentsInTime => &["documents_missing", "documents_late"],
        Measure::ResolutionPassed => &["resolution_failed", "quorum_not_met"],
        _ => &[],
    }
}

/// What the measures read about one held meeting.
struct Facts<'a> {
    commune: &'a Commune,
    /// The rules in force on the day of the sitting that adopted the resolution.
    rules: &'a crate::rules::Rules,
    meeting: &'a MeetingState,
    record: &'a crate::meeting::MeetingRecord,
    tally: crate::meeting::Tally,
}

/// A measure of the meeting: withheld by the first matching defect recorded on it (any sitting;
/// a resolution adopted only at a later sitting still lost the vote once), else measured.
fn measure(facts: &Facts<'_>, measure: Measure) -> Measured {
    let codes = defect_codes(measure);
    let recorded = facts.meeting.defects();
    match recorded.iter().find(|d| codes.contains(&d.code())) {
        Some(defect) => Measured::withheld_by(defect),
        None => measured(facts, measure),
    }
}

fn measured(facts: &Facts<'_>, measure: Measure) -> Measured {
    let rules = facts.rules;
    let record = facts.record;
    let preparation = facts.meeting.preparation();
    match measure {
        Measure::AttendanceRate => {
            let target = &rules.attendance_target;
            let (present, base) = record.attendance_against_summons(&facts.commune.organisation);
            let met = target.value.is_met(present, base);
            let (rate_vi, rate_en) = percent(present, base);
            let (t_vi, t_en) = threshold_percent(target.value);
            let (cmp_vi, cmp_en) = match (met, target.value.strict) {
                (true, true) => (format!("> {t_vi}"), format!("> {t_en}")),
                (true, false) => (format!("≥ {t_vi}"), format!("≥ {t_en}")),
                (false, true) => (format!("≤ {t_vi}"), format!("≤ {t_en}")),
                (false, false) => (format!("< {t_vi}"), format!("< {t_en}")),
            };
            Measured::new(
                met,
                format!("dự họp {rate_vi} ({present}/{base}, không tính đảng viên được miễn sinh hoạt vắng mặt) {cmp_vi}"),
                format!("attendance {rate_en} ({present}/{base}, exempted members who were absent left out) {cmp_en}"),
                Some(&target.source),
            )
        }
        Measure::NoUnexcusedAbsence => {
            let unexcused = crate::count(
                record
                    .roll
                    .iter()
                    .filter(|e| e.attendance == Attendance::AbsentUnexcused)
                    .count(),
            );
            Measured::new(
                unexcused == 0,
                format!("{unexcused} đảng viên vắng không lý do"),
                format!("{unexcused} member(s) absent without reason"),
                Some(&rules.attendance_target.source),
            )
        }
        Measure::Duration => {
            let min = if facts.meeting.header().kind == MeetingKind::Combined {
                &rules.min_combined_minutes
            } else {
                &rules.min_meeting_minutes
            };
            let minutes = record.minutes();
            let met = minutes >= i64::from(min.value);
            let cmp = if met { "≥" } else { "<" };
            Measured::new(
                met,
                format!("họp {minutes} phút {cmp} {} phút", min.value),
                format!("{minutes} minutes {cmp} {} minutes", min.value),
                Some(&min.source),
            )
        }
        Measure::PreparatoryMeeting => match &preparation.preparatory_meeting {
            Some(p) => Measured::new(
                true,
                format!("chi ủy họp chuẩn bị lúc {}", p.at.format("%H:%M %d/%m/%Y")),
                format!(
                    "preparatory meeting held at {}",
                    p.at.format("%Y-%m-%d %H:%M")
                ),
                None,
            ),
            None => Measured::new(
                false,
                "không có cuộc họp chuẩn bị của chi ủy".to_owned(),
                "no preparatory meeting recorded".to_owned(),
                None,
            ),
        },
        Measure::NoticeSent => match &preparation.notice {
            Some(n) => Measured::new(
                true,
                format!(
                    "đã gửi thông báo lúc {} tới {} người",
                    n.at.format("%H:%M %d/%m/%Y"),
                    n.recipients.len()
                ),
                format!(
                    "notice sent at {} to {} recipient(s)",
                    n.at.format("%Y-%m-%d %H:%M"),
                    n.recipients.len()
                ),
                None,
            ),
            None => Measured::new(
                false,
                "chưa gửi thông báo".to_owned(),
                "no notice sent".to_owned(),
                None,
            ),
        },
        Measure::DocumentsInTime => {
            let lead = &rules.document_lead_hours;
            match &preparation.documents {
                Some(d) => {
                    let hours = (record.started_at - d.at).num_minutes();
                    let met = hours >= i64::from(lead.value) * 60;
                    let (whole, rest) = (hours.div_euclid(60), hours.rem_euclid(60));
                    let cmp = if met { "≥" } else { "<" };
                    Measured::new(
                        met,
                        format!(
                            "tài liệu gửi trước {whole} giờ {rest} phút {cmp} {} giờ",
                            lead.value
                        ),
                        format!(
                            "documents published {whole} h {rest} min before the start {cmp} {} h",
                            lead.value
                        ),
                        Some(&lead.source),
                    )
                }
                None => Measured::new(
                    false,
                    "chưa gửi tài liệu cho đảng viên".to_owned(),
                    "no documents published".to_owned(),
                    Some(&lead.source),
                ),
            }
        }
        Measure::Speakers { share } => {
            let present = crate::count(
                record
                    .roll
                    .iter()
                    .filter(|e| e.attendance.is_present())
                    .count(),
            );
            let speakers = crate::count(
                record
                    .speeches
                    .iter()
                    .map(|s| &s.member)
                    .filter(|m| record.is_present(m))
                    .collect::<BTreeSet<_>>()
                    .len(),
            );
            let met = share.is_met(speakers, present);
            let (rate_vi, rate_en) = percent(speakers, present);
            let (t_vi, t_en) = threshold_percent(share);
            let cmp = match (met, share.strict) {
                (true, true) => ">",
                (true, false) => "≥",
                (false, true) => "≤",
                (false, false) => "<",
            };
            Measured::new(
                met,
                format!("{speakers}/{present} đảng viên có mặt phát biểu ({rate_vi}) {cmp} {t_vi}"),
                format!("{speakers} of {present} members present spoke ({rate_en}) {cmp} {t_en}"),
                None,
            )
        }
        Measure::ConclusionsRecorded => {
            let n = record.conclusions.len();
            Measured::new(
                n > 0,
                format!("{n} kết luận của chủ trì được ghi"),
                format!("{n} conclusion(s) of the chair recorded"),
                None,
            )
        }
        Measure::ResolutionPassed => {
            let tally = facts.tally;
            Measured::new(
                tally.passed,
                format!(
                    "nghị quyết {} {}/{} phiếu tán thành (cần {})",
                    if tally.passed {
                        "được thông qua"
                    } else {
                        "không được thông qua"
                    },
                    tally.yes,
                    tally.counted_base,
                    tally.needed
                ),
                format!(
                    "resolution {} with {} of {} in favour ({} needed)",
                    if tally.passed {
                        "adopted"
                    } else {
                        "not adopted"
                    },
                    tally.yes,
                    tally.counted_base,
                    tally.needed
                ),
                Some(&rules.resolution_majority.source),
            )
        }
        Measure::PreviousTasksReported => previous_tasks(facts),
        Measure::Entered => Measured::new(false, String::new(), String::new(), None),
    }
}

/// the tasks of the cell's latest earlier regular meeting, each reported or cancelled
/// by the end of this one.
fn previous_tasks(facts: &Facts<'_>) -> Measured {
    let header = facts.meeting.header();
    let previous = facts
        .commune
        .meetings
        .values()
        .filter(|m| {
            let h = m.header();
            h.cell == header.cell && h.kind.is_regular() && h.month < header.month
        })
        .max_by_key(|m| m.header().month);
    let Some(previous) = previous else {
        return Measured::new(
            true,
            "không có kỳ sinh hoạt thường kỳ trước trong hồ sơ: không có nhiệm vụ phải báo cáo"
                .to_owned(),
            "no earlier regular meeting on record: no tasks to report".to_owned(),
            None,
        );
    };
    let id = &previous.header().id;
    let Some(assignment) = previous.assignment() else {
        return Measured::new(
            false,
            format!("kỳ trước ({id}) chưa phân công nhiệm vụ: không có gì để kiểm điểm"),
            format!("the previous meeting ({id}) assigned no tasks: nothing to review"),
            None,
        );
    };
    let end = facts.record.ended_at;
    let mut total = 0u32;
    let mut unreported = Vec::new();
    for task in assignment.all_tasks() {
        total = total.saturating_add(1);
        let done = facts.commune.tasks.get(task).is_some_and(|t| {
            t.history.iter().any(|e| match e {
                TaskEntry::Reported { at, .. } | TaskEntry::Cancelled { at, .. } => *at <= end,
                _ => false,
            })
        });
        if !done {
            unreported.push(task.to_string());
        }
    }
    let missing = crate::count(unreported.len());
    let reported = total.saturating_sub(missing);
    let list = unreported.join(", ");
    if missing == 0 {
        Measured::new(
            true,
            format!("{reported}/{total} nhiệm vụ của kỳ trước ({id}) đã được báo cáo"),
            format!("{reported} of {total} tasks of the previous meeting ({id}) reported"),
            None,
        )
    } else {
        Measured::new(
            false,
            format!("{reported}/{total} nhiệm vụ của kỳ trước ({id}) đã được báo cáo; chưa báo cáo: {list}"),
            format!("{reported} of {total} tasks of the previous meeting ({id}) reported; not reported: {list}"),
            None,
        )
    }
}

/// Scores a held meeting (adopted or later) under `rubric`; `entered` gives the points of the
/// criteria measured by people, keyed by criterion id (a criterion not entered gets 0).
///
/// Refused: a meeting that is still a draft (`transition.out_of_order`); an unknown meeting or an
/// entered id that is not a criterion of the rubric (`lookup.unknown`); points entered for an
/// automatic criterion or above a criterion's maximum (`input.malformed`).
pub fn score(
    commune: &Commune,
    meeting_id: &MeetingId,
    rubric: &Rubric,
    entered: &BTreeMap<String, u32>,
) -> Result<Score, Error> {
    let meeting = commune.meeting(meeting_id)?;
    let held = meeting.held().ok_or_else(|| {
        Error::from(TransitionError::out_of_order(
            "meeting",
            meeting_id.as_str(),
            meeting.name().as_str(),
            "score",
            "adopted",
        ))
    })?;
    rubric.check()?;
    for (id, points) in entered {
        let criterion = rubric
            .criterion(id)
            .ok_or_else(|| Error::from(LookupError::unknown("criterion", id)))?;
        if criterion.measure != Measure::Entered {
            return Err(InputError::Malformed {
                detail: format!(
                    "criterion `{id}` is measured from the record; points cannot be entered for it"
                ),
            }
            .into());
        }
        if *points > criterion.max_points {
            return Err(InputError::Malformed {
                detail: format!(
                    "{points} points entered for criterion `{id}`, whose maximum is {}",
                    criterion.max_points
                ),
            }
            .into());
        }
    }
    let rules = commune.rules_on(held.record.started_at.date_naive());
    let facts = Facts {
        commune,
        rules,
        meeting,
        record: &held.record,
        tally: held.tally,
    };
    let mut criteria = Vec::with_capacity(rubric.criteria.len());
    for c in &rubric.criteria {
        let mut defect = None;
        let (awarded, source, reason_vi, reason_en, rule) = if c.measure == Measure::Entered {
            match entered.get(&c.id) {
                Some(points) => (
                    *points,
                    Source::Entered,
                    format!("chi ủy chấm {points}/{} điểm", c.max_points),
                    format!(
                        "{points} of {} points entered by the committee",
                        c.max_points
                    ),
                    None,
                ),
                None => (
                    0,
                    Source::Entered,
                    "chưa nhập điểm".to_owned(),
                    "no points entered".to_owned(),
                    None,
                ),
            }
        } else {
            let m = measure(&facts, c.measure);
            let points = if m.met { c.max_points } else { 0 };
            defect = m.defect;
            (points, Source::Automatic, m.vi, m.en, m.rule)
        };
        criteria.push(CriterionScore {
            id: c.id.clone(),
            group: c.group.clone(),
            label_vi: c.label_vi.clone(),
            label_en: c.label_en.clone(),
            max_points: c.max_points,
            awarded,
            withheld: c.max_points.saturating_sub(awarded),
            source,
            reason_vi,
            reason_en,
            rule,
            defect,
        });
    }
    let total = criteria.iter().map(|c| c.awarded).sum();
    let header = meeting.header();
    Ok(Score {
        meeting: header.id.clone(),
        cell: header.cell.clone(),
        month: header.month,
        kind: header.kind,
        rubric: rubric.id.clone(),
        rubric_source: rubric.source.clone(),
        criteria,
        total,
        max_total: rubric.max_points(),
        band: Band::of(rules, total),
        band_source: rules.score_good.source.clone(),
    })
}
