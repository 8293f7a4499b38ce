//! The minutes of a meeting (biên bản sinh hoạt chi bộ, R-33) and the cell's resolution (nghị
//! quyết chi bộ), gathered from the state into [`Minutes`] and rendered in the customary layout as
//! Markdown or as a self-contained printable HTML page (A4), in Vietnamese or English.
//!
//! ```text
//!   Commune + meeting id ──Minutes::of──▶ Minutes (names resolved, roll sorted, tally, tasks)
//!                                           ├─ markdown(Language) / html(Language)   biên bản
//!                                           └─ resolution_markdown / resolution_html  nghị quyết
//! ```

mod document;
mod html;
mod markdown;
mod seal;
mod words;

pub use seal::SealLine;

pub use words::Language;

use crate::commune::Commune;
use crate::error::{Error, TransitionError};
use crate::ids::{MeetingId, MemberId};
use crate::meeting::{AdmissionSubject, Attendance, MeetingKind, MeetingState, Tally};
use crate::scoring::ScoreState;
use crate::time::{Timestamp, YearMonth};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Everything the minutes and the resolution show, with names resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Minutes {
    /// The commune party organisation's name.
    pub commune: String,
    /// The cell's name.
    pub cell: String,
    /// The meeting's id.
    pub meeting: MeetingId,
    /// The document number in the cell's book for the year: this meeting's place among the cell's
    /// meetings held that year, by the time they opened (`Số 3-BB/CB`, `Số 3-NQ/CB`).
    pub number: u32,
    /// The cell's secretary's name, who signs the resolution for the cell (the chair when the
    /// cell has none).
    pub secretary: String,
    /// Regular, thematic or combined.
    pub kind: MeetingKind,
    /// The month it is the meeting of.
    pub month: YearMonth,
    /// The thematic topic, if any.
    pub topic: Option<String>,
    /// When it opened.
    pub started_at: Timestamp,
    /// When it closed.
    pub ended_at: Timestamp,
    /// Where.
    pub place: String,
    /// The chair's name.
    pub chair: String,
    /// The chair's position in the cell, if any: `secretary`, `deputy` or `committee`.
    pub chair_position: Option<&'static str>,
    /// The recorder's (thư ký's) name.
    pub recorder: String,
    /// The recorder's position in the cell, if any (as `chair_position`).
    pub recorder_position: Option<&'static str>,
    /// Members on the roll.
    pub members: u32,
    /// Members present.
    pub present: u32,
    /// Each absent member, in roll order.
    pub absent: Vec<Absentee>,
    /// Guests (higher-level members), by name.
    pub guests: Vec<String>,
    /// Whether dues were collected (R-31).
    pub dues_collected: bool,
    /// The agenda items.
    pub agenda: Vec<String>,
    /// Each speaker and the gist, in order.
    pub speeches: Vec<Speaker>,
    /// The chair's conclusions.
    pub conclusions: Vec<String>,
    /// The content of the resolution as adopted.
    pub content: String,
    /// The resolution's items (next month's tasks).
    pub resolution_items: Vec<String>,
    /// The vote on the resolution, with its counted base (R-35).
    pub tally: Tally,
    /// The admission and recognition votes held at the meeting (R-36), in order.
    pub admissions: Vec<AdmissionLine>,
    /// The results of the tasks of the cell's previous meeting as they stood when this one
    /// closed: what the secretary reports to the cell (R-50, R-51).
    pub previous_results: Option<PreviousResults>,
    /// The tasks assigned at the meeting (R-40), carried-over ones included; empty before
    /// assignment.
    pub tasks: Vec<TaskLine>,
    /// The meeting's quality score as recorded (R-71), if one was proposed.
    pub quality: Option<QualityLine>,
    /// Earlier sittings on the same draft whose vote did not adopt it, oldest first.
    pub earlier_sittings: Vec<EarlierSitting>,
    /// What went against the rules, as recorded (crate::defect): the lines the inspector reads.
    pub defects: Vec<DefectLine>,
    /// The documents whose rules the sitting was checked against (those in force on its day),
    /// e.g. `12-HD/BTCTW (06/07/2018)`.
    pub rules_applied: Vec<String>,
    /// The seals of the journal made at the meeting's close (`seal_journal` naming it), each with
    /// its signed record in full; empty when none was made.
    pub seals: Vec<SealLine>,
}

/// The results of the previous meeting's tasks, as reported by the time a meeting closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PreviousResults {
    /// The previous meeting.
    pub meeting: MeetingId,
    /// Its tasks, cancelled ones left out.
    pub tasks: u32,
    /// Reported exceeded.
    pub exceeded: u32,
    /// Reported on time.
    pub on_time: u32,
    /// Reported late.
    pub late: u32,
    /// Reported not done.
    pub not_done: u32,
    /// Not reported yet.
    pub unreported: u32,
    /// The members whose task was reported not done, by name.
    pub not_done_by: Vec<String>,
}

/// An admission or recognition vote at the meeting (R-36).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AdmissionLine {
    /// `admit` (đề nghị kết nạp) or `recognise_official` (công nhận đảng viên chính thức).
    pub subject: &'static str,
    /// The candidate's or the probationary member's name.
    pub name: String,
    /// Votes for, against, abstaining.
    pub yes: u32,
    /// Against.
    pub no: u32,
    /// Abstaining.
    pub abstain: u32,
    /// The cell's official members: the base of R-36.
    pub officials: u32,
    /// Votes for needed.
    pub needed: u32,
    /// Whether it passed.
    pub passed: bool,
}

/// An earlier sitting whose vote did not adopt the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct EarlierSitting {
    /// When it opened.
    pub started_at: Timestamp,
    /// Its vote.
    pub tally: Tally,
}

/// A recorded defect as the minutes state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DefectLine {
    /// Its code, e.g. `too_short`.
    pub code: &'static str,
    /// The rule of RULES.md.
    pub rule: &'static str,
    /// The document in force that day.
    pub source: String,
    /// What happened, in Vietnamese.
    pub message_vi: String,
    /// What happened, in English.
    pub message_en: String,
}

/// The quality score as the minutes state it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct QualityLine {
    /// The total.
    pub total: u32,
    /// Out of.
    pub max: u32,
    /// Its band.
    pub band: crate::report::quality::Band,
    /// Proposed, voted, confirmed or returned.
    pub state: crate::scoring::ScoreState,
}

/// An absent member and the reason given (none: without reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Absentee {
    /// The member's name.
    pub name: String,
    /// The approved reason, if any.
    pub reason: Option<String>,
    /// Exempted from activity on the meeting's day (R-14): not expected, apart from those absent
    /// with a reason.
    pub exempted: bool,
}

/// A speaker and the gist of what they said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Speaker {
    /// The member's name.
    pub name: String,
    /// The gist.
    pub gist: String,
}

/// A task as the minutes list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TaskLine {
    /// The owner's name.
    pub owner: String,
    /// What to do.
    pub content: String,
    /// The resolution item it serves (from 1).
    pub item: u32,
    /// The deadline.
    pub deadline: NaiveDate,
    /// Whether it was carried over from an earlier month (R-41).
    pub carried_over: bool,
}

/// The results of the tasks of the cell's latest earlier meeting that assigned tasks, as reported
/// by `closed` (a report sent back before then does not stand).
fn previous_results(
    commune: &Commune,
    meeting: &crate::meeting::MeetingState,
    closed: Timestamp,
    name: &dyn Fn(&crate::ids::MemberId) -> String,
) -> Option<PreviousResults> {
    use crate::task::{Outcome, TaskEntry, TaskState};
    let header = meeting.header();
    let previous = commune
        .meetings
        .values()
        .filter(|m| m.header().cell == header.cell && m.header().month < header.month)
        .filter(|m| m.assignment().is_some())
        .max_by_key(|m| m.header().month)?;
    let assignment = previous.assignment()?;
    let mut results = PreviousResults {
        meeting: previous.header().id.clone(),
        tasks: 0,
        exceeded: 0,
        on_time: 0,
        late: 0,
        not_done: 0,
        unreported: 0,
        not_done_by: Vec::new(),
    };
    for task in assignment
        .all_tasks()
        .filter_map(|id| commune.tasks.get(id))
    {
        if task.state == TaskState::Cancelled {
            continue;
        }
        results.tasks += 1;
        let mut standing = None;
        let mut entries = task.history.iter().filter(|e| e.at() <= closed).peekable();
        while let Some(entry) = entries.next() {
            let sent_back = entries.peek().is_some_and(|next| next.is_sent_back());
            if let TaskEntry::Reported { outcome, .. } = entry {
                standing = (!sent_back).then_some(outcome);
            }
        }
        match standing {
            Some(Outcome::Exceeded) => results.exceeded += 1,
            Some(Outcome::OnTime) => results.on_time += 1,
            Some(Outcome::Late) => results.late += 1,
            Some(Outcome::NotDone { .. }) => {
                results.not_done += 1;
                results.not_done_by.push(name(&task.owner));
            }
            None => results.unreported += 1,
        }
    }
    Some(results)
}

/// A member's position in the cell's leadership, if any.
fn position(
    leadership: &crate::organisation::Leadership,
    member: &crate::ids::MemberId,
) -> Option<&'static str> {
    if leadership.secretary.as_ref() == Some(member) {
        Some("secretary")
    } else if leadership.deputy.as_ref() == Some(member) {
        Some("deputy")
    } else if leadership.committee.contains(member) {
        Some("committee")
    } else {
        None
    }
}

impl Minutes {
    /// Gathers the minutes of a meeting's latest sitting: the one that adopted the resolution, or
    /// the latest that did not. A draft never sat on has no minutes (`transition.out_of_order`).
    pub fn of(commune: &Commune, id: &MeetingId) -> Result<Self, Error> {
        let meeting = commune.meeting(id)?;
        let (record, tally) = latest_sitting(meeting, id)?;
        let org = &commune.organisation;
        let name = |member: &MemberId| member_name(org, member);
        let header = meeting.header();
        let draft = meeting.draft();
        let tasks = task_lines(commune, meeting, &name);
        let cell = org.cell(&header.cell)?;
        Ok(Self {
            commune: org.name.clone(),
            cell: cell.name.clone(),
            meeting: header.id.clone(),
            number: number_in_year(commune, &header.cell, record.started_at),
            secretary: cell
                .leadership
                .secretary
                .as_ref()
                .map_or_else(|| name(&record.chair), name),
            kind: header.kind,
            month: header.month,
            topic: draft.topic.clone(),
            started_at: record.started_at,
            ended_at: record.ended_at,
            place: record.place.clone(),
            chair: name(&record.chair),
            chair_position: position(&cell.leadership, &record.chair),
            recorder: name(&record.recorder),
            recorder_position: position(&cell.leadership, &record.recorder),
            members: crate::count(record.roll.len()),
            present: crate::count(
                record
                    .roll
                    .iter()
                    .filter(|e| e.attendance.is_present())
                    .count(),
            ),
            absent: absentees(org, record, &name),
            guests: record.guests.iter().map(name).collect(),
            dues_collected: record.dues_collected,
            agenda: record.agenda.clone(),
            speeches: speakers(record, &name),
            conclusions: record.conclusions.clone(),
            content: draft.content.clone(),
            resolution_items: draft.resolution_items.clone(),
            tally,
            previous_results: previous_results(commune, meeting, record.ended_at, &name),
            admissions: admission_lines(meeting, &name),
            tasks,
            quality: quality_line(commune, id, record.ended_at),
            earlier_sittings: earlier_sittings(meeting),
            rules_applied: rules_applied(commune.rules_on(record.started_at.date_naive())),
            seals: seal::seal_lines(commune, id, &name),
            defects: defect_lines(meeting),
        })
    }

    /// The minutes as Markdown.
    pub fn markdown(&self, language: Language) -> String {
        markdown::render(&document::minutes(self, language))
    }

    /// The minutes as a self-contained HTML page that prints on A4.
    pub fn html(&self, language: Language) -> String {
        html::page(language, &document::minutes(self, language))
    }

    /// The cell's resolution as Markdown.
    pub fn resolution_markdown(&self, language: Language) -> String {
        markdown::render(&document::resolution(self, language))
    }

    /// The cell's resolution as a self-contained HTML page that prints on A4.
    pub fn resolution_html(&self, language: Language) -> String {
        html::page(language, &document::resolution(self, language))
    }
}

/// The sittings before the latest, each with its vote: those before the adopting sitting of a
/// held meeting, or the failed sittings before the last of a draft.
fn earlier_sittings(meeting: &MeetingState) -> Vec<EarlierSitting> {
    let earlier = match meeting.held() {
        Some(held) => &held.earlier_sittings[..],
        None => meeting
            .failed_sittings()
            .split_last()
            .map_or(&[][..], |(_, earlier)| earlier),
    };
    earlier
        .iter()
        .map(|s| EarlierSitting {
            started_at: s.record.started_at,
            tally: s.tally,
        })
        .collect()
}

/// The sitting the minutes are of: the one that adopted the resolution, or the latest that did
/// not; a draft never sat on has none (`transition.out_of_order`).
fn latest_sitting<'a>(
    meeting: &'a MeetingState,
    id: &MeetingId,
) -> Result<(&'a crate::meeting::MeetingRecord, Tally), Error> {
    meeting.latest_sitting().ok_or_else(|| {
        Error::from(TransitionError::out_of_order(
            "meeting",
            id.as_str(),
            meeting.name().as_str(),
            "minutes",
            "adopted",
        ))
    })
}

/// Each speaker, by name, and the gist, in order.
fn speakers(
    record: &crate::meeting::MeetingRecord,
    name: &dyn Fn(&MemberId) -> String,
) -> Vec<Speaker> {
    record
        .speeches
        .iter()
        .map(|s| Speaker {
            name: name(&s.member),
            gist: s.gist.clone(),
        })
        .collect()
}

/// A member's name, or the bare id of an unknown member.
fn member_name(org: &crate::organisation::Organisation, member: &MemberId) -> String {
    org.members
        .get(member)
        .map_or_else(|| member.to_string(), |m| m.name.clone())
}

/// The tasks the meeting assigned, then those it carried over.
fn task_lines(
    commune: &Commune,
    meeting: &MeetingState,
    name: &dyn Fn(&MemberId) -> String,
) -> Vec<TaskLine> {
    let Some(assignment) = meeting.assignment() else {
        return Vec::new();
    };
    let carried = assignment.carried_over.iter().map(|t| (t, true));
    let assigned = assignment.tasks.iter().map(|t| (t, false));
    assigned
        .chain(carried)
        .filter_map(|(task, carried_over)| {
            commune.tasks.get(task).map(|task| TaskLine {
                owner: name(&task.owner),
                content: task.content.clone(),
                item: task.item,
                deadline: task.deadline,
                carried_over,
            })
        })
        .collect()
}

/// The number of a sitting in the cell's book for its year: its place among the cell's meetings
/// held that year, by the time they opened.
fn number_in_year(commune: &Commune, cell: &crate::ids::CellId, started_at: Timestamp) -> u32 {
    let year = started_at.date_naive().year();
    crate::count(
        commune
            .meetings
            .values()
            .filter(|m| &m.header().cell == cell)
            .filter_map(|m| m.latest_sitting().map(|(r, _)| r.started_at))
            .filter(|at| at.date_naive().year() == year && *at <= started_at)
            .count(),
    )
}

/// Each member absent, in roll order, with the reason given and whether exempted that day.
fn absentees(
    org: &crate::organisation::Organisation,
    record: &crate::meeting::MeetingRecord,
    name: &dyn Fn(&MemberId) -> String,
) -> Vec<Absentee> {
    let day = record.started_at.date_naive();
    let exempted_on = |member: &MemberId| {
        org.members
            .get(member)
            .and_then(|m| m.exempted.as_ref())
            .is_some_and(|e| e.since <= day)
    };
    record
        .roll
        .iter()
        .filter_map(|e| {
            let reason = match &e.attendance {
                Attendance::Present => return None,
                Attendance::AbsentExcused { reason } => Some(reason.clone()),
                Attendance::AbsentUnexcused => None,
            };
            Some(Absentee {
                name: name(&e.member),
                reason,
                exempted: exempted_on(&e.member),
            })
        })
        .collect()
}

/// The admission and recognition votes of a held meeting.
fn admission_lines(
    meeting: &MeetingState,
    name: &dyn Fn(&MemberId) -> String,
) -> Vec<AdmissionLine> {
    let Some(held) = meeting.held() else {
        return Vec::new();
    };
    held.admissions
        .iter()
        .map(|d| {
            let (subject, who) = match &d.subject {
                AdmissionSubject::Admit { candidate } => ("admit", candidate.clone()),
                AdmissionSubject::RecogniseOfficial { member } => {
                    ("recognise_official", name(member))
                }
            };
            AdmissionLine {
                subject,
                name: who,
                yes: d.yes,
                no: d.no,
                abstain: d.abstain,
                officials: d.officials,
                needed: d.needed,
                passed: d.passed,
            }
        })
        .collect()
}

/// The meeting's score as it stood when the sitting ended: the minutes are dated the meeting's
/// day, so a confirmation or return by the superior after that day is not in them yet (the
/// score stands as voted).
fn quality_line(commune: &Commune, id: &MeetingId, ended_at: Timestamp) -> Option<QualityLine> {
    commune.scores.get(id).map(|s| QualityLine {
        total: s.total,
        max: s.rubric.max_points(),
        band: s.band,
        state: match (s.state, s.decided_at) {
            (ScoreState::Confirmed | ScoreState::Returned, Some(at))
                if at.date_naive() > ended_at.date_naive() =>
            {
                ScoreState::Voted
            }
            (state, _) => state,
        },
    })
}

/// The defects recorded on the meeting, each with its rule, source and words.
fn defect_lines(meeting: &MeetingState) -> Vec<DefectLine> {
    meeting
        .defects()
        .into_iter()
        .map(|d| DefectLine {
            code: d.code(),
            rule: d.kind.rule(),
            source: d.source.to_string(),
            message_vi: d.message_vi(),
            message_en: d.message_en(),
        })
        .collect()
}

/// The documents of the parameters a sitting is checked against (R-23..R-37, R-70), each once, in
/// the order of the rules.
fn rules_applied(rules: &crate::rules::Rules) -> Vec<String> {
    let sources = [
        &rules.preparatory_meeting_required.source,
        &rules.notice_required.source,
        &rules.document_lead_hours.source,
        &rules.min_meeting_minutes.source,
        &rules.min_combined_minutes.source,
        &rules.attendance_target.source,
        &rules.quorum.source,
        &rules.resolution_majority.source,
    ];
    let mut out: Vec<String> = Vec::new();
    for source in sources {
        let text = format!("{} ({})", source.document, source.date.format("%d/%m/%Y"));
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}
