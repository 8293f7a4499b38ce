//! A cell's own tasks of the year, for its rating as a collective (Quy định 366-QĐ/TW, art. 11:
//! a collective is rated on the tasks it was given, not on its members' tasks pooled).
//!
//! The cell's tasks the library sees are the ones the rules give it:
//! - **each month's regular meeting** (R-20), for every month ended by the cut-off (and the
//!   cut-off's own month once its meeting is held): held and adopted is done on time, and
//!   exceeds when its confirmed quality score is in the Good band; held with a confirmed
//!   score below Fair (the score withholds the criteria its defects broke), or with a recorded
//!   defect and no confirmed score, is done late, its quality not ensured; not held is not done;
//! - **each remedy required of it** (R-62) due by the cut-off, or accepted before it: accepted
//!   with the remedy reported by the deadline is on time, after it late; not accepted is not
//!   done.
//!
//! Months before the cell was added to the commune's record (or handed over to it) are not
//! counted. Excellent also asks that no member of the cell committee was disciplined in the year (art. 11:
//! no member of the leading collective disciplined); [`super::annual_review`] applies it.

use super::TaskCounts;
use crate::commune::Commune;
use crate::ids::CellId;
use crate::inspection::RemediationEntry;
use crate::report::quality::Band;
use crate::scoring::ScoreState;
use crate::time::YearMonth;
use chrono::NaiveDate;

/// The cell's tasks of the year as a collective, by class, with what each class holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CellTasks {
    /// Every task counted.
    pub counts: TaskCounts,
    /// Months counted, and of them months without a held regular meeting.
    pub months: u32,
    /// Months with no regular meeting held.
    pub months_missed: u32,
    /// Months whose meeting's quality was not ensured (score below Fair, or a defect unscored).
    pub months_with_defects: u32,
    /// Months whose meeting's confirmed score is Good.
    pub months_good: u32,
    /// Remedies counted.
    pub remedies: u32,
    /// Remedies not accepted by the cut-off.
    pub remedies_open: u32,
    /// Remedies accepted but reported after their deadline.
    pub remedies_late: u32,
}

fn last_day(month: YearMonth) -> Option<NaiveDate> {
    month.next().first_day().and_then(|d| d.pred_opt())
}

/// The cell's tasks of `year` as they stood on `cut_off`.
pub(super) fn cell_tasks(
    commune: &Commune,
    cell: &CellId,
    year: i32,
    cut_off: NaiveDate,
) -> CellTasks {
    let mut out = CellTasks::default();
    count_months(&mut out, commune, cell, year, cut_off);
    count_remedies(&mut out, commune, cell, year, cut_off);
    out
}

/// Each month of the year up to the cut-off as a task: its regular meeting held, sound, Good.
fn count_months(
    out: &mut CellTasks,
    commune: &Commune,
    cell: &CellId,
    year: i32,
    cut_off: NaiveDate,
) {
    // A cell is asked for what the rules ask from the month it joined this commune's record.
    let since = commune
        .organisation
        .cells
        .get(cell)
        .and_then(|c| c.since)
        .map(YearMonth::of);
    for month in (1..=12).filter_map(|m| YearMonth::new(year, m)) {
        if since.is_some_and(|s| month < s) {
            continue;
        }
        let Some(first) = month.first_day() else {
            continue;
        };
        if first > cut_off {
            break;
        }
        let ended = last_day(month).is_some_and(|d| d <= cut_off);
        let best = month_best(commune, cell, month, cut_off);
        if best.is_none() && !ended {
            continue;
        }
        out.months += 1;
        out.counts.total += 1;
        match best {
            None => {
                out.months_missed += 1;
                out.counts.not_done += 1;
            }
            Some((false, good)) => {
                out.months_with_defects += 1;
                out.months_good += u32::from(good);
                out.counts.late += 1;
            }
            Some((true, true)) => {
                out.months_good += 1;
                out.counts.exceeded += 1;
            }
            Some((true, false)) => out.counts.on_time += 1,
        }
    }
}

/// The month's regular meetings held by the cut-off, the soundest one: `(no defect, Good
/// score)`, or `None` when none was held.
fn month_best(
    commune: &Commune,
    cell: &CellId,
    month: YearMonth,
    cut_off: NaiveDate,
) -> Option<(bool, bool)> {
    let mut best: Option<(bool, bool)> = None;
    for state in commune.meetings.values() {
        let h = state.header();
        if &h.cell != cell || h.month != month || !h.kind.is_regular() {
            continue;
        }
        let Some(held) = state.held() else {
            continue;
        };
        if held.record.started_at.date_naive() > cut_off {
            continue;
        }
        // The meeting's quality is how well the task was done: its confirmed score's
        // band, which already withholds the criteria its defects broke; without a confirmed
        // score, a recorded defect.
        let score = commune.scores.get(&h.id).filter(|s| {
            s.state == ScoreState::Confirmed
                && s.decided_at.is_some_and(|at| at.date_naive() <= cut_off)
        });
        let (sound, good) = match score {
            Some(s) => (s.band >= Band::Fair, s.band == Band::Good),
            None => (held.all_defects().next().is_none(), false),
        };
        if best.map_or(true, |b| (sound, good) > b) {
            best = Some((sound, good));
        }
    }
    best
}

/// Each remediation due in the year as a task: accepted in time, late, or still open.
fn count_remedies(
    out: &mut CellTasks,
    commune: &Commune,
    cell: &CellId,
    year: i32,
    cut_off: NaiveDate,
) {
    for r in commune.remediations.values().filter(|r| &r.cell == cell) {
        let mut reported = None;
        let mut accepted = None;
        for entry in &r.history {
            match entry {
                RemediationEntry::Remedied { at, .. } if at.date_naive() <= cut_off => {
                    reported = Some(at.date_naive());
                }
                RemediationEntry::Checked {
                    at, accepted: true, ..
                } if at.date_naive() <= cut_off => accepted = reported,
                _ => {}
            }
        }
        if chrono::Datelike::year(&r.deadline) != year {
            continue;
        }
        let in_year = r.deadline <= cut_off;
        match accepted {
            Some(done) if done <= r.deadline => {
                out.remedies += 1;
                out.counts.total += 1;
                out.counts.on_time += 1;
            }
            Some(_) if in_year => {
                out.remedies += 1;
                out.remedies_late += 1;
                out.counts.total += 1;
                out.counts.late += 1;
            }
            None if in_year => {
                out.remedies += 1;
                out.remedies_open += 1;
                out.counts.total += 1;
                out.counts.not_done += 1;
            }
            _ => {}
        }
    }
}
