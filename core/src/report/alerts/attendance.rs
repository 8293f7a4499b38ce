//! Attendance: members absent too often in a row, members absent without reason in enough
//! months to be proposed for removal, higher-level members attending too few meetings of
//! the cells they follow.

use super::words::Context;
use super::{Alert, AlertKind, Figures, FollowerLevel, Scope};
use crate::ids::{CellId, MeetingId, MemberId};
use crate::meeting::Attendance;
use crate::organisation::{Home, Member, Organisation};
use crate::time::YearMonth;
use std::collections::{BTreeMap, BTreeSet};

/// Whether a member's absences are looked at: on the roll, and not exempted,
/// suspended or temporarily transferred.
fn expected_at_meetings(member: &Member) -> bool {
    member.is_active()
        && member.exempted.is_none()
        && member.suspended.is_none()
        && member.transferred.is_none()
}

/// A run of absences in a row.
#[derive(Clone)]
struct Run<'a> {
    length: u32,
    excused: u32,
    first: &'a MeetingId,
    first_month: YearMonth,
    last: &'a MeetingId,
    last_month: YearMonth,
    cell: &'a CellId,
}

/// One member's runs: the current one and the longest so far (the latest if tied).
#[derive(Default)]
struct Runs<'a> {
    current: Option<Run<'a>>,
    longest: Option<Run<'a>>,
}

/// no member absent, even with reason, more than the allowed number of regular meetings in a
/// row in the year.
pub(crate) fn consecutive_absences(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.max_consecutive_absences;
    let most_allowed = param.value;
    let runs = absence_runs(scope);
    let org = &scope.commune.organisation;
    for (member, runs) in runs {
        if !org.members.get(member).is_some_and(expected_at_meetings) {
            continue;
        }
        let Some(run) = runs.longest else { continue };
        if run.length <= most_allowed {
            continue;
        }
        let ongoing = runs.current.as_ref().is_some_and(|c| c.last == run.last);
        let in_a_row = run.length;
        let excused = run.excused;
        let unexcused = in_a_row.saturating_sub(excused);
        let year = scope.year;
        out.push(
            Alert::new(
                AlertKind::ConsecutiveAbsences,
                Some(&param.source),
                Figures::ConsecutiveAbsences {
                    year,
                    in_a_row,
                    most_allowed,
                    excused,
                    unexcused,
                    first_meeting: run.first.clone(),
                    first_month: run.first_month,
                    last_month: run.last_month,
                    ongoing,
                },
            )
            .cell(run.cell)
            .member(member)
            .meeting(Some(run.last))
            .worded(scope, &Context::Nothing),
        );
    }
}

/// Each member's runs of regular meetings missed in a row, over the year's held meetings in order.
fn absence_runs<'a>(scope: &'a Scope<'_>) -> BTreeMap<&'a MemberId, Runs<'a>> {
    let mut runs: BTreeMap<&MemberId, Runs<'_>> = BTreeMap::new();
    for (meeting, held) in scope
        .held
        .iter()
        .filter(|(m, _)| m.header().kind.is_regular())
    {
        let header = meeting.header();
        for entry in &held.record.roll {
            let runs = runs.entry(&entry.member).or_default();
            if entry.attendance.is_present() {
                runs.current = None;
                continue;
            }
            let excused = u32::from(entry.attendance.is_excused());
            let run = match runs.current.take() {
                Some(mut run) => {
                    run.length = run.length.saturating_add(1);
                    run.excused = run.excused.saturating_add(excused);
                    run.last = &header.id;
                    run.last_month = header.month;
                    run.cell = &header.cell;
                    run
                }
                None => Run {
                    length: 1,
                    excused,
                    first: &header.id,
                    first_month: header.month,
                    last: &header.id,
                    last_month: header.month,
                    cell: &header.cell,
                },
            };
            if runs
                .longest
                .as_ref()
                .map_or(true, |l| run.length >= l.length)
            {
                runs.longest = Some(run.clone());
            }
            runs.current = Some(run);
        }
    }
    runs
}

/// a member absent without reason in at least the given number of different months of the
/// year is proposed for removal from the roll; the library raises it, people decide.
pub(crate) fn removal_proposals(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.removal_absence_months;
    let threshold = param.value;
    let mut absences: BTreeMap<&MemberId, (BTreeSet<YearMonth>, &MeetingId, &CellId)> =
        BTreeMap::new();
    for (meeting, held) in &scope.held {
        let header = meeting.header();
        for entry in &held.record.roll {
            if entry.attendance != Attendance::AbsentUnexcused {
                continue;
            }
            let seen = absences
                .entry(&entry.member)
                .or_insert_with(|| (BTreeSet::new(), &header.id, &header.cell));
            seen.0.insert(header.month);
            seen.1 = &header.id;
            seen.2 = &header.cell;
        }
    }
    let org = &scope.commune.organisation;
    for (member_id, (months, last_meeting, last_cell)) in absences {
        let Some(member) = org.members.get(member_id) else {
            continue;
        };
        if !expected_at_meetings(member) {
            continue;
        }
        let month_count = crate::count(months.len());
        if month_count < threshold {
            continue;
        }
        let cell = member.cell().unwrap_or(last_cell);
        let year = scope.year;
        out.push(
            Alert::new(
                AlertKind::RemovalProposal,
                Some(&param.source),
                Figures::RemovalProposal {
                    year,
                    months: months.into_iter().collect(),
                    month_count,
                    threshold,
                },
            )
            .cell(cell)
            .member(member_id)
            .meeting(Some(last_meeting))
            .worded(scope, &Context::Nothing),
        );
    }
}

/// each higher-level member attends at least the yearly quota of meetings of the cells they
/// follow, checked pro rata to the months of the year that have ended.
pub(crate) fn followers(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let org = &scope.commune.organisation;
    let followed = followed_cells(org);
    let months_ended = crate::count(scope.ended_months().count());
    for (member_id, cells) in followed {
        let Some(member) = org.members.get(member_id) else {
            continue;
        };
        if !member.is_active() {
            continue;
        }
        let (level, param) = match member.home {
            Home::Level(_) => (
                FollowerLevel::HigherLevel,
                &scope.rules.provincial_follower_meetings,
            ),
            Home::Cell(_) => (
                FollowerLevel::Commune,
                &scope.rules.commune_follower_meetings,
            ),
        };
        let yearly_quota = param.value;
        let expected = u64::from(yearly_quota) * u64::from(months_ended) / 12;
        let expected_by_now = u32::try_from(expected).unwrap_or(u32::MAX);
        let attended = crate::count(
            scope
                .held
                .iter()
                .filter(|(m, h)| {
                    cells.contains(&m.header().cell) && h.record.guests.contains(member_id)
                })
                .count(),
        );
        if attended >= expected_by_now {
            continue;
        }
        let year = scope.year;
        out.push(
            Alert::new(
                AlertKind::FollowerAttendanceLow,
                Some(&param.source),
                Figures::FollowerAttendanceLow {
                    year,
                    level,
                    cells: cells.into_iter().cloned().collect(),
                    attended,
                    expected_by_now,
                    yearly_quota,
                    months_ended,
                },
            )
            .member(member_id)
            .worded(scope, &Context::Nothing),
        );
    }
}

/// The cells each member follows.
fn followed_cells(org: &Organisation) -> BTreeMap<&MemberId, BTreeSet<&CellId>> {
    let mut followed: BTreeMap<&MemberId, BTreeSet<&CellId>> = BTreeMap::new();
    for cell in org.cells.values() {
        for follower in &cell.followers {
            followed.entry(follower).or_default().insert(&cell.id);
        }
    }
    followed
}
