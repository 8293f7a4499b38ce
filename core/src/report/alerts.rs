//! Alerts as of a date (R-20, R-21, R-25, R-40, R-62, R-70, R-80, R-81): what a secretary or the
//! commune office should act on, each naming its rule and the citation of the [`Rules`] parameter
//! it was measured against.
//!
//! [`alerts`] is a pure query: it reads a [`Commune`] and a date the caller gives (the core has no
//! clock) and changes nothing.
//!
//! ```text
//!   alerts(&commune, as_of) ─▶ [Alert { kind, rule, citation, cell, member, meeting, task,
//!                                       remediation, figures, message_vi, message_en }, …]
//! ```
//!
//! # How `as_of` is read
//!
//! - `as_of` is the **end** of that day: a period (month, quarter, year) whose last day is
//!   `as_of` or earlier *has ended*; a deadline date *has passed* when it is before `as_of` (a task
//!   due on `as_of` is not yet overdue). Call with 31 December to get the year-end evaluation.
//! - The year looked at is the year of `as_of`: months, quarters and attendance of earlier years
//!   are not reported (call with 31 December of that year for them).
//! - Meetings count as held when they are adopted or later (they have a roll and a vote) **and**
//!   started on or before `as_of`; a meeting recorded with a later start is left out of the
//!   counts. Tasks, remediations and preparation are read as they stand.
//!
//! # The kinds, exactly
//!
//! | code | rule | fires when | parameter |
//! |---|---|---|---|
//! | `no_regular_meeting` | R-20 | for a cell with at least one member on the roll and a month of the year that has ended, fewer regular (or combined) meetings held than required | `regular_meetings_per_month` |
//! | `thematic_quota_missed` | R-21 | for a cell with at least one member on the roll and a quarter of the year that has ended, fewer thematic (or combined) meetings held than required | `thematic_meetings_per_quarter` |
//! | `documents_late` | R-25 | for a meeting of the year: its recorded `documents_late` or `documents_missing` defect once a sitting was held by `as_of` (under the rules in force that day); for a draft, documents published later than `lead` hours before the scheduled time, or not published and that deadline's date is on or before `as_of` | `document_lead_hours` |
//! | `consecutive_absences` | R-70 | a member's longest run of absences from the regular (or combined) meetings held in the year, **absences with reason included**, is longer than allowed | `max_consecutive_absences` |
//! | `removal_proposal` | R-80 | a member was absent without reason from a meeting of any kind in at least the given number of different months of the year | `removal_absence_months` |
//! | `task_overdue` | R-40 | a task still `assigned` has a deadline before `as_of` | none (the deadline is set per task) |
//! | `remediation_overdue` | R-62 | a remediation is `overdue`, or `open` with its deadline before `as_of` | none (the deadline is set per notice) |
//! | `meeting_defect` | R-23, R-24, R-30, R-35, R-37, R-70 | a sitting held in the year by `as_of` has a recorded defect other than documents (crate::defect): one alert per defect, with the defect's rule and the citation in force that day | the defect's own |
//! | `follower_attendance_low` | R-81 | a higher-level member following cells attended fewer of their meetings in the year than the yearly quota pro rata: `floor(quota × months ended / 12)` | `provincial_follower_meetings` (members of a level above the commune), `commune_follower_meetings` (commune committee members) |
//!
//! R-70 and R-80 leave out members who have left the roll and members currently exempted,
//! suspended or temporarily transferred (their absences are not absences from a cell they are
//! expected at). Absences are read from each meeting's roll, so a member who moved cells during
//! the year is followed across both. R-80 counts missed meetings only: the record keeps dues per
//! meeting, not per member.
//!
//! The alerts are sorted by kind (in the order of [`AlertKind::ALL`]), then cell, month, member,
//! meeting, task and remediation.

pub(crate) mod attendance;
mod deadlines;
pub(crate) mod meetings;
mod words;

use crate::commune::Commune;
use crate::ids::{CellId, InspectionId, MeetingId, MemberId, RemediationId, TaskId};
use crate::inspection::RemediationState;
use crate::meeting::{Held, MeetingState};
use crate::rules::{Citation, Rules};
use crate::time::{Timestamp, YearMonth};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What an alert is about; serialised as its stable snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// R-20: a month ended without the cell's regular meeting held (chưa sinh hoạt thường kỳ).
    NoRegularMeeting,
    /// R-21: a quarter ended with fewer thematic meetings than required (thiếu sinh hoạt chuyên đề).
    ThematicQuotaMissed,
    /// R-70: a member absent more times in a row than allowed (vắng sinh hoạt liên tiếp).
    ConsecutiveAbsences,
    /// R-80: a member absent without reason in enough months to be proposed for removal (xóa tên).
    RemovalProposal,
    /// R-40: a task past its deadline and not reported (nhiệm vụ quá hạn).
    TaskOverdue,
    /// R-62: a remediation past its deadline and not remedied (khắc phục quá hạn).
    RemediationOverdue,
    /// R-25: a meeting's documents published late, or not published by the deadline.
    DocumentsLate,
    /// R-23, R-24, R-30, R-35, R-37, R-70: a defect recorded at a sitting (crate::defect).
    MeetingDefect,
    /// R-81: a higher-level member below the yearly attendance quota at the cells followed.
    FollowerAttendanceLow,
}

impl AlertKind {
    /// Every kind, in the order alerts are sorted.
    pub const ALL: [AlertKind; 9] = [
        AlertKind::NoRegularMeeting,
        AlertKind::ThematicQuotaMissed,
        AlertKind::ConsecutiveAbsences,
        AlertKind::RemovalProposal,
        AlertKind::TaskOverdue,
        AlertKind::RemediationOverdue,
        AlertKind::DocumentsLate,
        AlertKind::MeetingDefect,
        AlertKind::FollowerAttendanceLow,
    ];

    /// The stable snake_case code, e.g. `no_regular_meeting`.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::NoRegularMeeting => "no_regular_meeting",
            AlertKind::ThematicQuotaMissed => "thematic_quota_missed",
            AlertKind::ConsecutiveAbsences => "consecutive_absences",
            AlertKind::RemovalProposal => "removal_proposal",
            AlertKind::TaskOverdue => "task_overdue",
            AlertKind::RemediationOverdue => "remediation_overdue",
            AlertKind::DocumentsLate => "documents_late",
            AlertKind::FollowerAttendanceLow => "follower_attendance_low",
            AlertKind::MeetingDefect => "meeting_defect",
        }
    }

    /// The rule of RULES.md it checks, e.g. `R-70`.
    pub fn rule(self) -> &'static str {
        match self {
            AlertKind::NoRegularMeeting => "R-20",
            AlertKind::ThematicQuotaMissed => "R-21",
            AlertKind::ConsecutiveAbsences => "R-70",
            AlertKind::RemovalProposal => "R-80",
            AlertKind::TaskOverdue => "R-40",
            AlertKind::RemediationOverdue => "R-62",
            AlertKind::DocumentsLate => "R-25",
            AlertKind::FollowerAttendanceLow => "R-81",
            AlertKind::MeetingDefect => "R-23..R-70",
        }
    }
}

impl std::fmt::Display for AlertKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which quota an R-81 follower is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum FollowerLevel {
    /// A member of a level above the commune (province; a district in older records):
    /// `provincial_follower_meetings`.
    HigherLevel,
    /// A member of the commune's committees, whose home is a cell of the commune:
    /// `commune_follower_meetings`.
    Commune,
}

/// The figures behind an alert, one shape per kind (serialised without a tag: the alert's `kind`
/// says which).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum Figures {
    /// See [`AlertKind::NoRegularMeeting`].
    NoRegularMeeting {
        /// The month without its meeting.
        month: YearMonth,
        /// Regular (or combined) meetings held for it.
        held: u32,
        /// Regular meetings required each month.
        required: u32,
    },
    /// See [`AlertKind::ThematicQuotaMissed`].
    ThematicQuotaMissed {
        /// The year.
        year: i32,
        /// The quarter, 1..=4.
        quarter: u32,
        /// Thematic (or combined) meetings held in it.
        held: u32,
        /// Thematic meetings required each quarter.
        required: u32,
    },
    /// See [`AlertKind::ConsecutiveAbsences`].
    ConsecutiveAbsences {
        /// The year.
        year: i32,
        /// Regular meetings missed in a row (the longest run of the year; the latest if tied).
        in_a_row: u32,
        /// The most allowed in a row.
        most_allowed: u32,
        /// Of the run, absences with a reason.
        excused: u32,
        /// Of the run, absences without a reason.
        unexcused: u32,
        /// The first meeting missed in the run.
        first_meeting: MeetingId,
        /// The month of that meeting.
        first_month: YearMonth,
        /// The month of the last meeting missed in the run (the alert's `meeting`).
        last_month: YearMonth,
        /// Whether the run is still going: the member has attended no regular meeting since.
        ongoing: bool,
    },
    /// See [`AlertKind::RemovalProposal`].
    RemovalProposal {
        /// The year.
        year: i32,
        /// The months with an absence without reason, in order.
        months: Vec<YearMonth>,
        /// How many months.
        month_count: u32,
        /// Months that raise the proposal.
        threshold: u32,
    },
    /// See [`AlertKind::TaskOverdue`].
    TaskOverdue {
        /// The task's deadline.
        deadline: NaiveDate,
        /// Days from the deadline to `as_of`.
        days_overdue: i64,
        /// The meeting that first assigned it (the alert's `meeting` answers for it now).
        origin: MeetingId,
    },
    /// See [`AlertKind::RemediationOverdue`].
    RemediationOverdue {
        /// The remediation's deadline.
        deadline: NaiveDate,
        /// Days from the deadline to `as_of` (zero when marked overdue with `as_of` earlier).
        days_overdue: i64,
        /// Its state: `open` or `overdue`.
        state: RemediationState,
        /// The inspection whose notice required it.
        inspection: InspectionId,
    },
    /// See [`AlertKind::DocumentsLate`].
    DocumentsLate {
        /// The start: as held, or as scheduled for a draft.
        start: Timestamp,
        /// The latest time documents could be published.
        deadline: Timestamp,
        /// When they were published; `None` when not yet.
        published_at: Option<Timestamp>,
        /// Hours of lead time required.
        lead_hours: u32,
        /// Whether the meeting has been held (adopted or later).
        held: bool,
    },
    /// See [`AlertKind::MeetingDefect`].
    MeetingDefect {
        /// The defect's code (crate::defect), e.g. `too_short`.
        defect: &'static str,
        /// The meeting's month.
        month: YearMonth,
        /// When the sitting started.
        started_at: Timestamp,
    },
    /// See [`AlertKind::FollowerAttendanceLow`].
    FollowerAttendanceLow {
        /// The year.
        year: i32,
        /// Which quota applies.
        level: FollowerLevel,
        /// The cells the member follows.
        cells: Vec<CellId>,
        /// Meetings of those cells held in the year with the member among the guests.
        attended: u32,
        /// The quota pro rata: `floor(yearly_quota × months_ended / 12)`.
        expected_by_now: u32,
        /// Meetings a year required.
        yearly_quota: u32,
        /// Months of the year ended as of the date (12 on 31 December).
        months_ended: u32,
    },
}

impl Figures {
    /// The month an alert is about, for sorting.
    pub(crate) fn month(&self) -> Option<YearMonth> {
        match self {
            Figures::NoRegularMeeting { month, .. } => Some(*month),
            Figures::ThematicQuotaMissed { year, quarter, .. } => {
                YearMonth::new(*year, quarter.saturating_sub(1) * 3 + 1)
            }
            Figures::ConsecutiveAbsences { first_month, .. } => Some(*first_month),
            Figures::RemovalProposal { months, .. } => months.first().copied(),
            Figures::TaskOverdue { deadline, .. }
            | Figures::RemediationOverdue { deadline, .. } => Some(YearMonth::of(*deadline)),
            Figures::DocumentsLate { start, .. } => Some(YearMonth::of(start.date_naive())),
            Figures::MeetingDefect { month, .. } => Some(*month),
            Figures::FollowerAttendanceLow { .. } => None,
        }
    }
}

/// One thing to act on, with its rule, its source, whom it concerns, the figures and what to do.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Alert {
    /// What it is about.
    pub kind: AlertKind,
    /// The rule of RULES.md, e.g. `R-70`.
    pub rule: &'static str,
    /// The source of the [`Rules`] parameter it was measured against, exactly as the rules in
    /// force give it; `None` where no parameter applies (task and remediation deadlines are set
    /// per task and per notice).
    pub citation: Option<Citation>,
    /// The cell concerned (`None` for a follower, who may follow several: see the figures).
    pub cell: Option<CellId>,
    /// The member concerned, if any.
    pub member: Option<MemberId>,
    /// The meeting concerned, if any.
    pub meeting: Option<MeetingId>,
    /// The task concerned, if any.
    pub task: Option<TaskId>,
    /// The remediation concerned, if any.
    pub remediation: Option<RemediationId>,
    /// The numbers behind it.
    pub figures: Figures,
    /// What happened and what to do, in Vietnamese.
    pub message_vi: String,
    /// What happened and what to do, in English.
    pub message_en: String,
}

impl Alert {
    /// An alert of `kind` with nothing concerned yet.
    fn new(kind: AlertKind, citation: Option<&Citation>, figures: Figures) -> Self {
        Self {
            kind,
            rule: kind.rule(),
            citation: citation.cloned(),
            cell: None,
            member: None,
            meeting: None,
            task: None,
            remediation: None,
            figures,
            message_vi: String::new(),
            message_en: String::new(),
        }
    }

    fn cell(mut self, cell: &CellId) -> Self {
        self.cell = Some(cell.clone());
        self
    }

    fn member(mut self, member: &MemberId) -> Self {
        self.member = Some(member.clone());
        self
    }

    fn task(mut self, task: &TaskId) -> Self {
        self.task = Some(task.clone());
        self
    }

    fn remediation(mut self, remediation: &RemediationId) -> Self {
        self.remediation = Some(remediation.clone());
        self
    }

    fn meeting(mut self, meeting: Option<&MeetingId>) -> Self {
        self.meeting = meeting.cloned();
        self
    }

    /// The alert with its message, worded from its figures by [`words`].
    fn worded(mut self, scope: &Scope<'_>, context: &words::Context<'_>) -> Self {
        let (vi, en) = words::message(scope, &self, context);
        self.message_vi = vi;
        self.message_en = en;
        self
    }

    #[allow(clippy::type_complexity)]
    fn sort_key(
        &self,
    ) -> (
        AlertKind,
        Option<&CellId>,
        Option<YearMonth>,
        Option<&MemberId>,
        Option<&MeetingId>,
        Option<&TaskId>,
        Option<&RemediationId>,
    ) {
        (
            self.kind,
            self.cell.as_ref(),
            self.figures.month(),
            self.member.as_ref(),
            self.meeting.as_ref(),
            self.task.as_ref(),
            self.remediation.as_ref(),
        )
    }
}

/// Every alert of `commune` as of the end of the day `as_of`, sorted (see the module
/// documentation for each kind's exact definition).
pub fn alerts(commune: &Commune, as_of: NaiveDate) -> Vec<Alert> {
    let scope = Scope::new(commune, as_of);
    let mut out = Vec::new();
    meetings::missing_regular(&scope, &mut out);
    meetings::thematic_quota(&scope, &mut out);
    meetings::documents_late(&scope, &mut out);
    meetings::meeting_defects(&scope, &mut out);
    attendance::consecutive_absences(&scope, &mut out);
    attendance::removal_proposals(&scope, &mut out);
    attendance::followers(&scope, &mut out);
    deadlines::tasks(&scope, &mut out);
    deadlines::remediations(&scope, &mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// What every check needs: the commune, the date, its year, and the meetings held in that year.
pub(crate) struct Scope<'a> {
    commune: &'a Commune,
    rules: &'a Rules,
    as_of: NaiveDate,
    year: i32,
    /// Meetings of the year held (adopted or later) and started on or before `as_of`, in order of
    /// start, then id.
    held: Vec<(&'a MeetingState, &'a Held)>,
}

impl<'a> Scope<'a> {
    fn new(commune: &'a Commune, as_of: NaiveDate) -> Self {
        let year = as_of.year();
        let mut held: Vec<_> = commune
            .meetings
            .values()
            .filter(|m| m.header().month.year() == year)
            .filter_map(|m| m.held().map(|h| (m, h)))
            .filter(|(_, h)| h.record.started_at.date_naive() <= as_of)
            .collect();
        held.sort_by(|(ma, ha), (mb, hb)| {
            (ha.record.started_at, &ma.header().id).cmp(&(hb.record.started_at, &mb.header().id))
        });
        Self {
            commune,
            rules: commune.rules_on(as_of),
            as_of,
            year,
            held,
        }
    }

    /// Whether a period ending on `last_day` has ended as of the end of `as_of`.
    fn has_ended(&self, last_day: Option<NaiveDate>) -> bool {
        last_day.is_some_and(|d| d <= self.as_of)
    }

    /// The months of the year that have ended.
    fn ended_months(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (1..=12)
            .filter_map(|m| YearMonth::new(self.year, m))
            .filter(|m| self.has_ended(last_day(*m)))
    }

    /// "Chi bộ xóm 1 (xom-1)", or the bare id of an unknown cell.
    fn cell_label(&self, id: &CellId) -> String {
        match self.commune.organisation.cells.get(id) {
            Some(cell) => format!("{} ({id})", cell.name),
            None => id.to_string(),
        }
    }

    /// "Hoàng Văn Nam (x1-06)", or the bare id of an unknown member.
    fn member_label(&self, id: &MemberId) -> String {
        match self.commune.organisation.members.get(id) {
            Some(member) => format!("{} ({id})", member.name),
            None => id.to_string(),
        }
    }
}

/// The last day of a month.
fn last_day(month: YearMonth) -> Option<NaiveDate> {
    month.next().first_day().and_then(|d| d.pred_opt())
}

/// `03/2025`.
fn month_text(month: YearMonth) -> String {
    format!("{:02}/{}", month.month(), month.year())
}

/// `31/03/2025`.
fn date_text(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `07:30 05/03/2025`.
fn time_text(at: Timestamp) -> String {
    at.format("%H:%M %d/%m/%Y").to_string()
}

/// Days from `from` to `to`, never negative.
fn days_after(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days().max(0)
}
