//! Scoring a held meeting under a rubric: each criterion measured or entered, with its reason.

use super::reason::{PreviousTasks, Reason};
use super::{words, Band, Measure, Rubric, SharedRubric};
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

/// The outcome of one automatic measure: whether it is met, and why.
struct Measured<'a> {
    met: bool,
    reason: Reason<'a>,
    rule: Option<Citation>,
    defect: Option<&'static str>,
}

impl<'a> Measured<'a> {
    fn new(met: bool, reason: Reason<'a>, rule: Option<&Citation>) -> Self {
        Self {
            met,
            reason,
            rule: rule.cloned(),
            defect: None,
        }
    }

    /// The criterion withheld by a recorded defect, with the defect's own words as the reason.
    fn withheld_by(defect: &'a Defect) -> Self {
        Self {
            met: false,
            reason: Reason::Defect(defect),
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
    /// The cell's latest regular meeting before this one's month, if any.
    previous: Option<&'a MeetingState>,
}

/// How [`facts`] finds the previous regular meeting: a command (`propose_score`) asks the
/// commune's derived index, kept by the commands themselves; a report walks the meetings, so that
/// a commune whose fields a caller changed directly is read as it is.
#[derive(Clone, Copy)]
enum Previous {
    Indexed,
    Walked,
}

/// The cell's latest regular meeting of a month before `month`, found by walking every meeting
/// (the last of the latest month in id order, as the index gives it).
fn latest_regular_walked<'a>(
    commune: &'a Commune,
    cell: &CellId,
    month: YearMonth,
) -> Option<&'a MeetingState> {
    commune
        .meetings
        .values()
        .filter(|m| {
            let h = m.header();
            &h.cell == cell && h.kind.is_regular() && h.month < month
        })
        .max_by_key(|m| m.header().month)
}

/// A measure of the meeting: withheld by the first matching defect recorded on it (any sitting;
/// a resolution adopted only at a later sitting still lost the vote once), else measured.
fn measure<'a>(facts: &Facts<'a>, measure: Measure) -> Measured<'a> {
    let codes = defect_codes(measure);
    let recorded = facts.meeting.defects();
    match recorded.iter().find(|d| codes.contains(&d.code())) {
        Some(defect) => Measured::withheld_by(defect),
        None => measured(facts, measure),
    }
}

fn measured<'a>(facts: &Facts<'a>, measure: Measure) -> Measured<'a> {
    let rules = facts.rules;
    let record = facts.record;
    let preparation = facts.meeting.preparation();
    match measure {
        Measure::AttendanceRate => attendance(facts),
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
                Reason::UnexcusedAbsences(unexcused),
                Some(&rules.attendance_target.source),
            )
        }
        Measure::Duration => duration(facts),
        Measure::PreparatoryMeeting => {
            let at = preparation.preparatory_meeting.as_ref().map(|p| p.at);
            Measured::new(at.is_some(), Reason::Preparatory(at), None)
        }
        Measure::NoticeSent => {
            let sent = preparation
                .notice
                .as_ref()
                .map(|n| (n.at, n.recipients.len()));
            Measured::new(sent.is_some(), Reason::Notice(sent), None)
        }
        Measure::DocumentsInTime => documents(facts),
        Measure::Speakers { share } => speakers(record, share),
        Measure::ConclusionsRecorded => {
            let n = record.conclusions.len();
            Measured::new(n > 0, Reason::Conclusions(n), None)
        }
        Measure::ResolutionPassed => Measured::new(
            facts.tally.passed,
            Reason::Resolution(facts.tally),
            Some(&rules.resolution_majority.source),
        ),
        Measure::PreviousTasksReported => previous_tasks(facts),
        Measure::Entered => Measured::new(false, Reason::NotMeasured, None),
    }
}

/// attendance against the summons above the target.
fn attendance<'a>(facts: &Facts<'a>) -> Measured<'a> {
    let target = &facts.rules.attendance_target;
    let (present, base) = facts
        .record
        .attendance_against_summons(&facts.commune.organisation);
    let met = target.value.is_met(present, base);
    let reason = Reason::Attendance {
        present,
        base,
        target: target.value,
        met,
    };
    Measured::new(met, reason, Some(&target.source))
}

/// the meeting at least as long as its kind needs.
fn duration<'a>(facts: &Facts<'a>) -> Measured<'a> {
    let rules = facts.rules;
    let min = if facts.meeting.header().kind == MeetingKind::Combined {
        &rules.min_combined_minutes
    } else {
        &rules.min_meeting_minutes
    };
    let minutes = facts.record.minutes();
    let met = minutes >= i64::from(min.value);
    let reason = Reason::Duration {
        minutes,
        min: min.value,
        met,
    };
    Measured::new(met, reason, Some(&min.source))
}

/// the documents published at least the lead time before the start.
fn documents<'a>(facts: &Facts<'a>) -> Measured<'a> {
    let lead = &facts.rules.document_lead_hours;
    let before = facts
        .meeting
        .preparation()
        .documents
        .as_ref()
        .map(|d| (facts.record.started_at - d.at).num_minutes());
    let met = before.is_some_and(|minutes| minutes >= i64::from(lead.value) * 60);
    let reason = Reason::Documents {
        before,
        lead_hours: lead.value,
        met,
    };
    Measured::new(met, reason, Some(&lead.source))
}

/// the share of members present who spoke, against the rubric's share.
fn speakers<'a>(record: &crate::meeting::MeetingRecord, share: Threshold) -> Measured<'a> {
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
    let reason = Reason::Speakers {
        speakers,
        present,
        share,
        met,
    };
    Measured::new(met, reason, None)
}

/// the tasks of the cell's latest earlier regular meeting, each reported or cancelled
/// by the end of this one.
fn previous_tasks<'a>(facts: &Facts<'a>) -> Measured<'a> {
    let Some(previous) = facts.previous else {
        return Measured::new(
            true,
            Reason::PreviousTasks(PreviousTasks::NoEarlierMeeting),
            None,
        );
    };
    let id = &previous.header().id;
    let Some(assignment) = previous.assignment() else {
        return Measured::new(
            false,
            Reason::PreviousTasks(PreviousTasks::NoneAssigned(id.clone())),
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
    let met = unreported.is_empty();
    let reason = PreviousTasks::Reported {
        meeting: id.clone(),
        total,
        unreported,
    };
    Measured::new(met, Reason::PreviousTasks(reason), None)
}

/// Refuses entered points for a criterion not in the rubric, measured from the record, or above
/// the criterion's maximum.
fn check_entered(rubric: &Rubric, entered: &BTreeMap<String, u32>) -> Result<(), Error> {
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
    Ok(())
}

/// One criterion's points: entered by the committee, or measured (all or nothing).
fn criterion_score(
    facts: &Facts<'_>,
    c: &super::Criterion,
    entered: &BTreeMap<String, u32>,
) -> CriterionScore {
    let (awarded, source, reason, rule, defect) = if c.measure == Measure::Entered {
        let points = entered.get(&c.id).copied();
        let reason = Reason::Entered {
            points,
            max: c.max_points,
        };
        (points.unwrap_or(0), Source::Entered, reason, None, None)
    } else {
        let m = measure(facts, c.measure);
        let points = if m.met { c.max_points } else { 0 };
        (points, Source::Automatic, m.reason, m.rule, m.defect)
    };
    let (reason_vi, reason_en) = words::reason(&reason);
    CriterionScore {
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
    }
}

/// What a score is measured from: the held meeting, checked, with the rules of its sitting.
fn facts<'a>(
    commune: &'a Commune,
    meeting_id: &MeetingId,
    rubric: &Rubric,
    entered: &BTreeMap<String, u32>,
    previous: Previous,
    rubric_checked: bool,
) -> Result<Facts<'a>, Error> {
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
    if !rubric_checked {
        rubric.check()?;
    }
    check_entered(rubric, entered)?;
    let header = meeting.header();
    let previous = match previous {
        Previous::Indexed => commune.latest_regular_before(&header.cell, header.month),
        Previous::Walked => latest_regular_walked(commune, &header.cell, header.month),
    };
    Ok(Facts {
        commune,
        rules: commune.rules_on(held.record.started_at.date_naive()),
        meeting,
        record: &held.record,
        tally: held.tally,
        previous,
    })
}

/// The points a criterion gives: entered, or its maximum when its measure is met.
fn awarded(facts: &Facts<'_>, c: &super::Criterion, entered: &BTreeMap<String, u32>) -> u32 {
    if c.measure == Measure::Entered {
        entered.get(&c.id).copied().unwrap_or(0)
    } else if measure(facts, c.measure).met {
        c.max_points
    } else {
        0
    }
}

/// The total and band of [`score`], without the words of each criterion: what a proposed score
/// records. Refused as [`score`] is.
pub(crate) fn total(
    commune: &Commune,
    meeting_id: &MeetingId,
    rubric: &SharedRubric,
    entered: &BTreeMap<String, u32>,
) -> Result<(u32, Band), Error> {
    let facts = facts(
        commune,
        meeting_id,
        rubric,
        entered,
        Previous::Indexed,
        rubric.is_preset(),
    )?;
    let total = rubric
        .criteria
        .iter()
        .map(|c| awarded(&facts, c, entered))
        .sum();
    Ok((total, Band::of(facts.rules, total)))
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
    let facts = facts(
        commune,
        meeting_id,
        rubric,
        entered,
        Previous::Walked,
        false,
    )?;
    let (meeting, rules) = (facts.meeting, facts.rules);
    let criteria: Vec<CriterionScore> = rubric
        .criteria
        .iter()
        .map(|c| criterion_score(&facts, c, entered))
        .collect();
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
