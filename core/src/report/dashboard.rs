//! The commune dashboard (bảng theo dõi sinh hoạt chi bộ): one row per cell × month, as data, with
//! commune totals per month and for the whole period, and CSV and JSON exports.
//!
//! [`dashboard`] is a pure query over a [`Commune`]: no I/O, no clock. Every figure is read from
//! the record as it stands, except the remediation counts, which are the state **at the end of the
//! row's month** (replayed from each remediation's dated history). No floats: the attendance rate
//! is an integer per mille (‰), rounded half up. `docs/reports.md` documents every CSV column.
//!
//! ```
//! use chibo::report::dashboard::{dashboard, to_csv, Period};
//! let commune = chibo::Commune::new();
//! let board = dashboard(&commune, Period::Year(2025));
//! assert!(board.rows.is_empty());
//! assert!(to_csv(&board).starts_with("cell,cell_name,month,"));
//! ```

mod csv;

pub use csv::{to_csv, totals_to_csv, CSV_COLUMNS, TOTALS_CSV_COLUMNS};

use crate::commune::Commune;
use crate::ids::{CellId, CommuneId, InspectionId, MeetingId};
use crate::inspection::{InspectionKind, Remediation, RemediationEntry, RemediationState};
use crate::meeting::{Attendance, MeetingKind, MeetingState, StateName};
use crate::task::{Outcome, TaskEntry, TaskState};
use crate::time::YearMonth;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Which months a dashboard covers: a whole year, or one month as a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// Every month of the year, January to December.
    Year(i32),
    /// One month only.
    Month(YearMonth),
}

impl Period {
    /// The months covered, in order.
    pub fn months(self) -> Vec<YearMonth> {
        match self {
            Period::Year(year) => (1..=12).filter_map(|m| YearMonth::new(year, m)).collect(),
            Period::Month(month) => vec![month],
        }
    }

    /// The year the period falls in.
    pub fn year(self) -> i32 {
        match self {
            Period::Year(year) => year,
            Period::Month(month) => month.year(),
        }
    }
}

/// What happened to the tasks a meeting answered for (R-40, R-41, R-50).
///
/// Each task is counted at the meeting that assigned it: as `new`, or as `carried_in` when it
/// carries on an unfinished task of an earlier meeting (a new task linked to the old one, R-41);
/// its report, carry-over or cancellation is counted there too, so a task not done stays not done
/// at its meeting even when the task carried on from it is done later. For each meeting,
/// `new + carried_in` equals the sum of the other fields, except that a task reported not done and
/// then cancelled is counted both as `not_done` and as `cancelled`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaskCounts {
    /// Tasks first assigned by the meeting.
    pub new: u32,
    /// Unfinished tasks of earlier meetings carried into it (R-41).
    pub carried_in: u32,
    /// Reported exceeded (vượt mức).
    pub exceeded: u32,
    /// Reported done on time (đúng hạn).
    pub on_time: u32,
    /// Reported done late (chậm).
    pub late: u32,
    /// Reported not done, or carried over by the secretary without a report (R-41).
    pub not_done: u32,
    /// Cancelled by the cell.
    pub cancelled: u32,
    /// Still assigned, waiting for a report.
    pub pending: u32,
}

impl TaskCounts {
    /// Adds `other` field by field (saturating).
    pub fn add(&mut self, other: &TaskCounts) {
        self.new = self.new.saturating_add(other.new);
        self.carried_in = self.carried_in.saturating_add(other.carried_in);
        self.exceeded = self.exceeded.saturating_add(other.exceeded);
        self.on_time = self.on_time.saturating_add(other.on_time);
        self.late = self.late.saturating_add(other.late);
        self.not_done = self.not_done.saturating_add(other.not_done);
        self.cancelled = self.cancelled.saturating_add(other.cancelled);
        self.pending = self.pending.saturating_add(other.pending);
    }
}

fn bump(counter: &mut u32) {
    *counter = counter.saturating_add(1);
}

/// The task counts of every meeting that assigned a task, by meeting id (see [`TaskCounts`]).
pub fn task_counts(commune: &Commune) -> BTreeMap<MeetingId, TaskCounts> {
    let mut counts: BTreeMap<MeetingId, TaskCounts> = BTreeMap::new();
    for task in commune.tasks.values() {
        let c = counts.entry(task.meeting.clone()).or_default();
        if task.carried_from.is_some() {
            bump(&mut c.carried_in);
        } else {
            bump(&mut c.new);
        }
        let mut entries = task.history.iter().peekable();
        while let Some(entry) = entries.next() {
            let sent_back = entries.peek().is_some_and(|next| next.is_sent_back());
            match entry {
                // A report sent back (R-51) does not stand: the owner reports again.
                TaskEntry::Reported { .. } if sent_back => {}
                TaskEntry::Reported { outcome, .. } => match outcome {
                    Outcome::Exceeded => bump(&mut c.exceeded),
                    Outcome::OnTime => bump(&mut c.on_time),
                    Outcome::Late => bump(&mut c.late),
                    Outcome::NotDone { .. } => bump(&mut c.not_done),
                },
                TaskEntry::CarriedOver { .. } => bump(&mut c.not_done),
                // Closed here; the new task is counted at the meeting that carried it on.
                TaskEntry::CarriedInto { .. } | TaskEntry::Assessed { .. } => {}
                TaskEntry::Cancelled { .. } => bump(&mut c.cancelled),
            }
        }
        if task.state == TaskState::Assigned {
            bump(&mut c.pending);
        }
    }
    counts
}

/// Meetings of a cell for a month that have been held (recorded and adopted, or later), by kind
/// (R-20, R-21). A drafted meeting not yet held is not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MeetingsHeld {
    /// Sinh hoạt thường kỳ.
    pub regular: u32,
    /// Sinh hoạt chuyên đề.
    pub thematic: u32,
    /// A thematic and a regular meeting in one session.
    pub combined: u32,
}

impl MeetingsHeld {
    fn count(&mut self, kind: MeetingKind) {
        match kind {
            MeetingKind::Regular => bump(&mut self.regular),
            MeetingKind::Thematic => bump(&mut self.thematic),
            MeetingKind::Combined => bump(&mut self.combined),
        }
    }

    fn add(&mut self, other: &MeetingsHeld) {
        self.regular = self.regular.saturating_add(other.regular);
        self.thematic = self.thematic.saturating_add(other.thematic);
        self.combined = self.combined.saturating_add(other.combined);
    }
}

/// The roll of a held meeting (điểm danh, R-31, R-33).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AttendanceCounts {
    /// Members summoned: every member on the roll, which lists each active member of the cell
    /// (exempted members included; R-31).
    pub summoned: u32,
    /// Members expected to attend, R-70's base: the summoned less exempted members who were
    /// absent, as the flags stood on the meeting's day.
    pub expected: u32,
    /// Có mặt.
    pub present: u32,
    /// Vắng có lý do.
    pub absent_excused: u32,
    /// Vắng không lý do.
    pub absent_unexcused: u32,
    /// The attendance rate on R-70's base, `present / expected` in per mille (‰), rounded half
    /// up; `None` when nobody was expected. An integer, not a float, so that every language reads
    /// the same value (857 means 85.7 %). This is the rate R-70's 85 % target is read against.
    pub rate_per_mille: Option<u32>,
    /// The plain headcount, `present / summoned` in per mille, exempted members in the base.
    pub headcount_per_mille: Option<u32>,
}

/// `part / whole` in per mille, rounded half up; `None` when `whole` is 0.
pub fn per_mille(part: u32, whole: u32) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u64::from(part), u64::from(whole));
    let value = (part * 2000 + whole) / (2 * whole);
    Some(u32::try_from(value).unwrap_or(u32::MAX))
}

impl AttendanceCounts {
    fn add(&mut self, other: &AttendanceCounts) {
        self.summoned = self.summoned.saturating_add(other.summoned);
        self.expected = self.expected.saturating_add(other.expected);
        self.present = self.present.saturating_add(other.present);
        self.absent_excused = self.absent_excused.saturating_add(other.absent_excused);
        self.absent_unexcused = self.absent_unexcused.saturating_add(other.absent_unexcused);
        self.rate_per_mille = per_mille(self.present, self.expected);
        self.headcount_per_mille = per_mille(self.present, self.summoned);
    }
}

/// The vote on the month's resolution as counted (R-34, R-35), at its latest sitting: the one that
/// adopted it, or, while it is still a draft, the latest that did not (R-37).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VoteResult {
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// The counted base of R-35.
    pub counted_base: u32,
    /// Votes for that were needed (more than half of the counted base by default).
    pub needed: u32,
    /// Whether the resolution passed.
    pub passed: bool,
}

/// The latest notice of results (thông báo kết luận, R-62) of an inspection covering one of the
/// row's meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InspectionConclusion {
    /// The inspection.
    pub inspection: InspectionId,
    /// Regular or thematic supervision, or formal inspection.
    pub kind: InspectionKind,
    /// The day the notice was issued (in the offset it was recorded in).
    pub concluded_on: NaiveDate,
    /// The assessment, as written.
    pub conclusion: String,
    /// Remediations the notice required.
    pub remediations: u32,
    /// Whether it referred the cell to formal inspection.
    pub referred: bool,
}

/// A cell's remediations (khắc phục, R-62) as they stood at the end of a month (its last day,
/// comparing each dated step by its local date). The three counts do not overlap; verified
/// remediations and those not yet required are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RemediationCounts {
    /// Not remedied, deadline not yet passed.
    pub open: u32,
    /// Not remedied and past the deadline on the month's last day, whether or not anyone has
    /// marked it overdue.
    pub overdue: u32,
    /// Reported remedied, waiting for the supervisor to verify.
    pub remedied: u32,
}

impl RemediationCounts {
    fn add(&mut self, other: &RemediationCounts) {
        self.open = self.open.saturating_add(other.open);
        self.overdue = self.overdue.saturating_add(other.overdue);
        self.remedied = self.remedied.saturating_add(other.remedied);
    }
}

/// One cell in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DashboardRow {
    /// The cell.
    pub cell: CellId,
    /// The cell's name.
    pub cell_name: String,
    /// The month.
    pub month: YearMonth,
    /// The month's regular (or combined) meeting, if one has been drafted.
    pub meeting: Option<MeetingId>,
    /// Its lifecycle state now (`None` without a meeting).
    pub state: Option<StateName>,
    /// Meetings of the cell for the month that have been held, by kind.
    pub held: MeetingsHeld,
    /// The roll of the regular meeting, once held.
    pub attendance: Option<AttendanceCounts>,
    /// The vote on its resolution, once held.
    pub vote: Option<VoteResult>,
    /// The tasks the month's meetings (regular, thematic and combined) answered for.
    pub tasks: TaskCounts,
    /// The regular meeting's quality band (R-70, R-71: `good`, `fair`, `average`, `weak`), once
    /// its score is confirmed (`confirm_score`); `None` before.
    pub quality_band: Option<String>,
    /// Every concluded inspection covering one of the month's meetings, oldest first.
    pub inspections: Vec<InspectionId>,
    /// The latest of them, with its conclusion.
    pub inspection: Option<InspectionConclusion>,
    /// The cell's remediations at the end of the month.
    pub remediations: RemediationCounts,
    /// Defects recorded at the sittings of the month's meetings (crate::defect): things that
    /// happened against the rules, for the inspection to read.
    pub defects: u32,
}

/// Commune totals over a set of rows: one month, or the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Totals {
    /// The month, or `None` for the period's total.
    pub month: Option<YearMonth>,
    /// Rows counted (cells × months).
    pub rows: u32,
    /// Rows whose regular meeting was not held (none drafted, or still a draft).
    pub regular_missing: u32,
    /// Meetings held, by kind.
    pub held: MeetingsHeld,
    /// The rolls of the regular meetings held, added up; the rate is recomputed from the sums.
    pub attendance: AttendanceCounts,
    /// Regular meetings whose resolution was adopted.
    pub resolutions_adopted: u32,
    /// Task counts added up.
    pub tasks: TaskCounts,
    /// Distinct inspections concluded on the rows' meetings.
    pub inspections: u32,
    /// The commune's remediations at the end of the month (for the period's total: at the end
    /// of its last month).
    pub remediations: RemediationCounts,
    /// Defects recorded at the rows' sittings, added up.
    pub defects: u32,
}

/// The dashboard of a commune for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Dashboard {
    /// The commune.
    pub commune: CommuneId,
    /// Its name.
    pub commune_name: String,
    /// The months covered.
    pub period: Period,
    /// One row per cell × month: cells in id order, each with its months in order.
    pub rows: Vec<DashboardRow>,
    /// The commune's totals for each month, in order.
    pub months: Vec<Totals>,
    /// The commune's totals for the whole period.
    pub total: Totals,
}

impl Dashboard {
    /// The dashboard as JSON (the field names above, snake_case; months `YYYY-MM`, days
    /// `YYYY-MM-DD`, absent values `null`).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

impl Commune {
    /// The commune's dashboard for `period`: see [`dashboard`].
    pub fn dashboard(&self, period: Period) -> Dashboard {
        dashboard(self, period)
    }
}

/// The last day of `month`.
pub(crate) fn last_day(month: YearMonth) -> Option<NaiveDate> {
    month.next().first_day().and_then(|d| d.pred_opt())
}

/// A remediation's state at the end of `day`, or `None` if not yet required then (replayed from
/// its dated history; the dashboard's months and the alerts' `as_of` both read it).
pub(crate) fn remediation_as_of(
    commune: &Commune,
    r: &Remediation,
    day: NaiveDate,
) -> Option<RemediationState> {
    let notice = commune.inspections.get(&r.inspection)?.notice.as_ref()?;
    if notice.at.date_naive() > day {
        return None;
    }
    let mut state = RemediationState::Open;
    for entry in &r.history {
        let (at, next) = match entry {
            RemediationEntry::Remedied { at, .. } => (at, RemediationState::Remedied),
            RemediationEntry::Checked { at, accepted, .. } => {
                let next = if *accepted {
                    RemediationState::Verified
                } else if r.is_past_deadline(at.date_naive()) {
                    RemediationState::Overdue
                } else {
                    RemediationState::Open
                };
                (at, next)
            }
            RemediationEntry::Overdue { at, .. } => (at, RemediationState::Overdue),
        };
        if at.date_naive() > day {
            break;
        }
        state = next;
    }
    Some(state)
}

fn remediation_counts<'a>(
    commune: &Commune,
    remediations: impl Iterator<Item = &'a Remediation>,
    month: YearMonth,
) -> RemediationCounts {
    let mut counts = RemediationCounts::default();
    let Some(day) = last_day(month) else {
        return counts;
    };
    for r in remediations {
        match remediation_as_of(commune, r, day) {
            Some(RemediationState::Open | RemediationState::Overdue) => {
                if r.is_past_deadline(day) {
                    bump(&mut counts.overdue);
                } else {
                    bump(&mut counts.open);
                }
            }
            Some(RemediationState::Remedied) => bump(&mut counts.remedied),
            Some(RemediationState::Verified) | None => {}
        }
    }
    counts
}

fn attendance(m: &MeetingState) -> Option<AttendanceCounts> {
    let held = m.held()?;
    let mut a = AttendanceCounts::default();
    for entry in &held.record.roll {
        bump(&mut a.summoned);
        match entry.attendance {
            Attendance::Present => bump(&mut a.present),
            Attendance::AbsentExcused { .. } => bump(&mut a.absent_excused),
            Attendance::AbsentUnexcused => bump(&mut a.absent_unexcused),
        }
    }
    a.expected = held.tally.expected;
    a.rate_per_mille = per_mille(a.present, a.expected);
    a.headcount_per_mille = per_mille(a.present, a.summoned);
    Some(a)
}

fn vote(m: &MeetingState) -> Option<VoteResult> {
    let (_, t) = m.latest_sitting()?;
    Some(VoteResult {
        yes: t.yes,
        no: t.no,
        abstain: t.abstain,
        counted_base: t.counted_base,
        needed: t.needed,
        passed: t.passed,
    })
}

/// The concluded inspections covering `meetings`, oldest notice first, and the latest one.
fn inspections(
    commune: &Commune,
    meetings: &[&MeetingState],
) -> (Vec<InspectionId>, Option<InspectionConclusion>) {
    let ids: BTreeSet<&InspectionId> = meetings.iter().flat_map(|m| m.inspections()).collect();
    let mut concluded: Vec<_> = ids
        .into_iter()
        .filter_map(|id| commune.inspections.get(id))
        .filter_map(|i| i.notice.as_ref().map(|n| (i, n)))
        .collect();
    concluded.sort_by(|(a, an), (b, bn)| an.at.cmp(&bn.at).then_with(|| a.id.cmp(&b.id)));
    let latest = concluded.last().map(|(i, n)| InspectionConclusion {
        inspection: i.id.clone(),
        kind: i.kind,
        concluded_on: n.at.date_naive(),
        conclusion: n.conclusion.clone(),
        remediations: crate::count(n.remediations.len()),
        referred: n.referral.is_some(),
    });
    (
        concluded.into_iter().map(|(i, _)| i.id.clone()).collect(),
        latest,
    )
}

fn totals<'a>(month: Option<YearMonth>, rows: impl Iterator<Item = &'a DashboardRow>) -> Totals {
    let mut t = Totals {
        month,
        rows: 0,
        regular_missing: 0,
        held: MeetingsHeld::default(),
        attendance: AttendanceCounts::default(),
        resolutions_adopted: 0,
        tasks: TaskCounts::default(),
        inspections: 0,
        remediations: RemediationCounts::default(),
        defects: 0,
    };
    let mut inspections = BTreeSet::new();
    for row in rows {
        bump(&mut t.rows);
        match &row.attendance {
            Some(a) => t.attendance.add(a),
            None => bump(&mut t.regular_missing),
        }
        if row.vote.is_some_and(|v| v.passed) {
            bump(&mut t.resolutions_adopted);
        }
        t.held.add(&row.held);
        t.tasks.add(&row.tasks);
        t.remediations.add(&row.remediations);
        t.defects = t.defects.saturating_add(row.defects);
        inspections.extend(row.inspections.iter());
    }
    t.inspections = crate::count(inspections.len());
    t
}

/// The dashboard of `commune` for `period`: one row per cell × month (every cell of the commune,
/// every month of the period, with or without a meeting), the commune's totals for each month and
/// for the period. A pure query: nothing is read but the commune.
pub fn dashboard(commune: &Commune, period: Period) -> Dashboard {
    let months = period.months();
    let counts = task_counts(commune);
    let mut by_cell_month: BTreeMap<(&CellId, YearMonth), Vec<&MeetingState>> = BTreeMap::new();
    for m in commune.meetings.values() {
        let h = m.header();
        by_cell_month.entry((&h.cell, h.month)).or_default().push(m);
    }
    let mut remediations_by_cell: BTreeMap<&CellId, Vec<&Remediation>> = BTreeMap::new();
    for r in commune.remediations.values() {
        remediations_by_cell.entry(&r.cell).or_default().push(r);
    }
    let mut rows = Vec::new();
    for cell in commune.organisation.cells.values() {
        let cell_remediations = remediations_by_cell
            .get(&cell.id)
            .map_or(&[][..], Vec::as_slice);
        for &month in &months {
            let meetings = by_cell_month
                .get(&(&cell.id, month))
                .map_or(&[][..], Vec::as_slice);
            rows.push(row(
                commune,
                &counts,
                cell,
                month,
                meetings,
                cell_remediations,
            ));
        }
    }
    let month_totals: Vec<Totals> = months
        .iter()
        .map(|&month| totals(Some(month), rows.iter().filter(|r| r.month == month)))
        .collect();
    let mut total = totals(None, rows.iter());
    // Remediations are a state, not a flow: the period's figure is its last month's.
    total.remediations = month_totals
        .last()
        .map_or_else(RemediationCounts::default, |t| t.remediations);
    Dashboard {
        commune: commune.organisation.id.clone(),
        commune_name: commune.organisation.name.clone(),
        period,
        rows,
        months: month_totals,
        total,
    }
}

/// The row of one cell for one month: its meetings of the month, the regular one's figures.
fn row(
    commune: &Commune,
    counts: &BTreeMap<MeetingId, TaskCounts>,
    cell: &crate::organisation::Cell,
    month: YearMonth,
    meetings: &[&MeetingState],
    cell_remediations: &[&Remediation],
) -> DashboardRow {
    let regular = meetings.iter().find(|m| m.header().kind.is_regular());
    let mut held = MeetingsHeld::default();
    let mut tasks = TaskCounts::default();
    let mut defects = 0u32;
    for m in meetings {
        defects = defects.saturating_add(crate::count(m.defects().len()));
        if m.held().is_some() {
            held.count(m.header().kind);
        }
        if let Some(c) = counts.get(&m.header().id) {
            tasks.add(c);
        }
    }
    let (inspection_ids, inspection) = inspections(commune, meetings);
    DashboardRow {
        cell: cell.id.clone(),
        cell_name: cell.name.clone(),
        month,
        meeting: regular.map(|m| m.header().id.clone()),
        state: regular.map(|m| m.name()),
        held,
        attendance: regular.and_then(|m| attendance(m)),
        vote: regular.and_then(|m| vote(m)),
        tasks,
        quality_band: regular.and_then(|m| confirmed_band(commune, &m.header().id)),
        inspections: inspection_ids,
        inspection,
        remediations: remediation_counts(commune, cell_remediations.iter().copied(), month),
        defects,
    }
}

/// The band of a meeting's confirmed score, as its snake_case code.
fn confirmed_band(commune: &Commune, meeting: &MeetingId) -> Option<String> {
    let score = commune.scores.get(meeting)?;
    (score.state == crate::scoring::ScoreState::Confirmed).then(|| score.band.as_str().to_owned())
}
