//! The cell's yearly verdict from its meetings' scores.

use super::reason::VerdictReason;
use super::{words, Band, Score};
use crate::commune::Commune;
use crate::ids::{CellId, MeetingId};
use crate::rules::Citation;
use crate::time::YearMonth;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A regular meeting of the year as the verdict sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct YearMeeting {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its month.
    pub month: YearMonth,
    /// Its band, if a score was given for it.
    pub band: Option<Band>,
    /// Its total, if a score was given for it.
    pub total: Option<u32>,
}

/// A cell's year: Good when every regular meeting is Fair or better and at least
/// `good_meetings_per_year` are Good.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Verdict {
    /// The cell.
    pub cell: CellId,
    /// The year.
    pub year: i32,
    /// Whether the year is Good.
    pub good: bool,
    /// The year's regular (and combined) meetings that were held, by month.
    pub meetings: Vec<YearMeeting>,
    /// Good meetings.
    pub good_meetings: u32,
    /// Good meetings needed (`good_meetings_per_year`).
    pub good_needed: u32,
    /// Held regular meetings below Fair.
    pub below_fair: Vec<MeetingId>,
    /// Held regular meetings with no score given.
    pub unscored: Vec<MeetingId>,
    /// Months of the year without a held regular meeting.
    pub months_without_meeting: Vec<YearMonth>,
    /// The citation of `good_meetings_per_year`.
    pub source: Citation,
    /// Why, in Vietnamese.
    pub reasons_vi: Vec<String>,
    /// Why, in English.
    pub reasons_en: Vec<String>,
}

/// The cell's yearly verdict from the scores given (scores of other cells or years are
/// ignored; of two scores for one meeting the last counts).
///
/// The year is Good when every held regular meeting has a score, all are Fair or better, at least
/// `good_meetings_per_year` are Good, and no month of the year lacks its held regular meeting
/// . A year in progress is therefore not Good until its twelve meetings are held and scored.
pub fn yearly_verdict(commune: &Commune, cell: &CellId, year: i32, scores: &[Score]) -> Verdict {
    let rules = commune.rules_on(year_end(year));
    let meetings = year_meetings(commune, cell, year, scores);
    let held_months: BTreeSet<YearMonth> = meetings.iter().map(|m| m.month).collect();
    let months_without_meeting: Vec<YearMonth> = (1..=12)
        .filter_map(|m| YearMonth::new(year, m))
        .filter(|m| !held_months.contains(m))
        .collect();
    let good_meetings = crate::count(
        meetings
            .iter()
            .filter(|m| m.band == Some(Band::Good))
            .count(),
    );
    let below_fair = ids_where(&meetings, |m| m.band.is_some_and(|b| b < Band::Fair));
    let unscored = ids_where(&meetings, |m| m.band.is_none());
    let needed = rules.good_meetings_per_year.value;
    let good = good_meetings >= needed
        && below_fair.is_empty()
        && unscored.is_empty()
        && months_without_meeting.is_empty();
    let reasons = reasons(
        good_meetings,
        needed,
        meetings.len().saturating_sub(unscored.len()),
        &below_fair,
        &unscored,
        &months_without_meeting,
    );
    let (reasons_vi, reasons_en) = reasons.iter().map(words::verdict_reason).unzip();
    Verdict {
        cell: cell.clone(),
        year,
        good,
        meetings,
        good_meetings,
        good_needed: needed,
        below_fair,
        unscored,
        months_without_meeting,
        source: rules.good_meetings_per_year.source.clone(),
        reasons_vi,
        reasons_en,
    }
}

/// The cell's held regular meetings of the year with their scores, by month.
fn year_meetings(
    commune: &Commune,
    cell: &CellId,
    year: i32,
    scores: &[Score],
) -> Vec<YearMeeting> {
    let by_meeting: BTreeMap<&MeetingId, &Score> = scores
        .iter()
        .filter(|s| &s.cell == cell && s.month.year() == year)
        .map(|s| (&s.meeting, s))
        .collect();
    let mut meetings: Vec<YearMeeting> = commune
        .meetings
        .values()
        .filter(|m| {
            let h = m.header();
            &h.cell == cell && h.month.year() == year && h.kind.is_regular() && m.held().is_some()
        })
        .map(|m| {
            let h = m.header();
            let score = by_meeting.get(&h.id);
            YearMeeting {
                meeting: h.id.clone(),
                month: h.month,
                band: score.map(|s| s.band),
                total: score.map(|s| s.total),
            }
        })
        .collect();
    meetings.sort_by(|a, b| a.month.cmp(&b.month).then(a.meeting.cmp(&b.meeting)));
    meetings
}

fn ids_where(meetings: &[YearMeeting], keep: impl Fn(&YearMeeting) -> bool) -> Vec<MeetingId> {
    meetings
        .iter()
        .filter(|m| keep(m))
        .map(|m| m.meeting.clone())
        .collect()
}

/// The verdict's reasons, in order: the Good meetings, those below Fair (or none), the unscored,
/// the months without a meeting.
fn reasons<'a>(
    good: u32,
    needed: u32,
    scored: usize,
    below_fair: &'a [MeetingId],
    unscored: &'a [MeetingId],
    months: &'a [YearMonth],
) -> Vec<VerdictReason<'a>> {
    let mut reasons = vec![VerdictReason::GoodMeetings { good, needed }];
    reasons.push(if below_fair.is_empty() {
        VerdictReason::NoneBelowFair { scored }
    } else {
        VerdictReason::BelowFair(below_fair)
    });
    if !unscored.is_empty() {
        reasons.push(VerdictReason::Unscored(unscored));
    }
    if !months.is_empty() {
        reasons.push(VerdictReason::MonthsWithoutMeeting(months));
    }
    reasons
}

/// The last day of `year`: the year's verdict is given under the rules in force then.
pub(crate) fn year_end(year: i32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(chrono::NaiveDate::MAX)
}
