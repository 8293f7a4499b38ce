//! A cell meeting (kỳ sinh hoạt chi bộ) and its lifecycle.
//!
//! ```text
//!   draft_meeting
//!        │   revise_draft · hold_preparatory_meeting · send_notice · publish_documents
//!        ▼
//!   ┌─────────┐  record_meeting (held, vote passes)   ┌──────────┐
//!   │  Draft  │ ─────────────────────────────────────▶ │ Adopted  │  resolve_admission
//!   └─────────┘  vote fails: the sitting is kept on   └──────────┘
//!     ▲    │     the draft with its defects (R-37)         │ assign_tasks (every member who can work,
//!     └────┘ revise, vote again at a later sitting      ▼  unfinished tasks carried over)
//!                                                     ┌──────────┐
//!                                                     │ Assigned │  report_task · carry_over_task
//!                                                     └──────────┘  cancel_task
//!                                                          │ close_reporting (every task reported,
//!                                                          ▼  carried over or cancelled)
//!                                                     ┌──────────┐
//!                                                     │ Reported │
//!                                                     └──────────┘
//!                                                          │ conclude_inspection (an inspection
//!                                                          ▼  covering the meeting concludes)
//!                                                     ┌───────────┐
//!                                                     │ Inspected │  (further inspections append)
//!                                                     └───────────┘
//! ```
//!
//! In Rust the states are types: [`Meeting<Draft>`] has [`Meeting::adopt`],
//! [`Meeting<Adopted>`] has [`Meeting::assign`], and calling `assign` on a draft does not
//! compile. A refused transition gives the meeting back unchanged inside [`Refused`]. Callers whose
//! steps arrive at run time hold a [`MeetingState`] (what the [`crate::Commune`] keeps), whose
//! commands run through exactly these methods.

mod adopt;
mod assign;
mod draft;
mod record;
mod report;
mod roll_index;
mod unfinished;
mod vote;

pub use adopt::Adoption;
pub use assign::{CarryOver, CarryOverDetails, NewTask, TaskPlan};
pub use draft::{
    DraftContent, DraftMeeting, Notice, Preparation, PreparatoryMeeting, PreparatoryRecord,
    Publication, Revision,
};
pub use record::{Attendance, MeetingRecord, RollEntry, Speech};
pub use unfinished::UnfinishedTasks;
pub(crate) use vote::count_vote;
pub use vote::{
    count_admission, count_resolution, AdmissionDecision, AdmissionSubject, Tally, Vote,
};

use crate::defect::Defect;
use crate::error::Error;
use crate::ids::{CellId, DirectiveId, IdMap, InspectionId, MeetingId, MemberId, TaskId};
use crate::organisation::Organisation;
use crate::rules::Rules;
use crate::task::Task;
use crate::time::{Timestamp, YearMonth};
use serde::{Deserialize, Serialize};

/// The kind of meeting (R-20, R-21, R-30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Sinh hoạt thường kỳ: the monthly meeting.
    Regular,
    /// Sinh hoạt chuyên đề: a thematic meeting from the yearly plan.
    Thematic,
    /// A thematic and a regular meeting held one after the other in one session.
    Combined,
}

impl MeetingKind {
    /// Whether this meeting is (or includes) the month's regular meeting.
    pub fn is_regular(self) -> bool {
        matches!(self, MeetingKind::Regular | MeetingKind::Combined)
    }

    /// Whether this meeting is (or includes) a thematic meeting.
    pub fn is_thematic(self) -> bool {
        matches!(self, MeetingKind::Thematic | MeetingKind::Combined)
    }
}

/// What the core needs to know to check a meeting's steps: the rules, the organisation, and the
/// tasks already recorded (for carry-over and reporting).
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The rules in force.
    pub rules: &'a Rules,
    /// Who is who.
    pub organisation: &'a Organisation,
    /// Every task recorded so far.
    pub tasks: &'a IdMap<TaskId, Task>,
    /// The unfinished tasks among `tasks`, by cell ([`UnfinishedTasks::of`]`(tasks)`).
    pub unfinished: &'a UnfinishedTasks,
}

/// The parts of a meeting that every state has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Header {
    /// Its id.
    pub id: MeetingId,
    /// The cell.
    pub cell: CellId,
    /// The month it is for.
    pub month: YearMonth,
    /// Regular, thematic or combined.
    pub kind: MeetingKind,
    /// The commune's direction it applies (R-22).
    pub directive: DirectiveId,
    /// Who drafted it.
    pub author: MemberId,
    /// When it was drafted.
    pub drafted_at: Timestamp,
}

/// State 1, Dự thảo: content and draft resolution being prepared; and the sittings held on it
/// whose vote did not adopt it (R-37: the draft is kept for revision and a later vote).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Draft {
    /// Sittings held on the draft that did not adopt it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sittings: Vec<Sitting>,
}

/// One sitting of the cell on a meeting: what was recorded, the vote as counted, and what went
/// against the rules. A sitting whose vote did not pass is kept on the draft; the one that adopts
/// the resolution becomes the meeting's [`Held`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Sitting {
    /// The minutes' facts: times, roll, chair, recorder, speakers, the vote.
    pub record: MeetingRecord,
    /// The vote on the resolution, counted per R-34/R-35.
    pub tally: Tally,
    /// What went against the rules at this sitting, with the rules in force on its day.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub defects: Vec<Defect>,
}

/// The meeting as held and its adopted resolution: common to every state after the draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Held {
    /// The minutes' facts: times, roll, chair, recorder, speakers, the vote.
    pub record: MeetingRecord,
    /// The vote on the resolution, counted per R-34/R-35.
    pub tally: Tally,
    /// What went against the rules at the sitting that adopted the resolution (its preparation
    /// included), with the rules in force on its day.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub defects: Vec<Defect>,
    /// Earlier sittings on the same draft whose vote did not adopt it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub earlier_sittings: Vec<Sitting>,
    /// Admissions and recognitions decided at the meeting (R-36).
    pub admissions: Vec<AdmissionDecision>,
}

impl Held {
    /// Every defect of the meeting: those of the earlier sittings, then the adopting one's.
    pub fn all_defects(&self) -> impl Iterator<Item = &Defect> {
        self.earlier_sittings
            .iter()
            .flat_map(|s| s.defects.iter())
            .chain(self.defects.iter())
    }
}

/// The tasks assigned from the resolution (R-40, R-41).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Assignment {
    /// Who assigned them.
    pub by: MemberId,
    /// When.
    pub at: Timestamp,
    /// Tasks created by this assignment.
    pub tasks: Vec<TaskId>,
    /// Unfinished tasks of earlier months carried into this one.
    pub carried_over: Vec<TaskId>,
}

impl Assignment {
    /// Every task this meeting answers for: new and carried over.
    pub fn all_tasks(&self) -> impl Iterator<Item = &TaskId> {
        self.tasks.iter().chain(self.carried_over.iter())
    }
}

/// When reporting was closed and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Closing {
    /// Who closed it.
    pub by: MemberId,
    /// When.
    pub at: Timestamp,
}

/// State 2, Đã thông qua: held, and the resolution adopted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Adopted {
    /// The meeting as held.
    pub held: Held,
}

/// State 3, Đã phân công: every member who can work has tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Assigned {
    /// The meeting as held.
    pub held: Held,
    /// The tasks.
    pub assignment: Assignment,
}

/// State 4, Đã báo cáo: every task reported or carried over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reported {
    /// The meeting as held.
    pub held: Held,
    /// The tasks.
    pub assignment: Assignment,
    /// When reporting closed.
    pub closed: Closing,
}

/// State 5, Đã kiểm tra, giám sát: a superior's inspection has concluded on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Inspected {
    /// The meeting as held.
    pub held: Held,
    /// The tasks.
    pub assignment: Assignment,
    /// When reporting closed.
    pub closed: Closing,
    /// The concluded inspections that covered it, oldest first.
    pub inspections: Vec<InspectionId>,
}

/// A meeting in state `S`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meeting<S> {
    /// Id, cell, month, kind, directive, author.
    pub header: Header,
    /// The current draft.
    pub draft: DraftContent,
    /// Earlier versions of the draft, oldest first: nothing is lost when it is revised.
    pub revisions: Vec<DraftContent>,
    /// The preparatory meeting, notice and documents (R-23..R-25).
    pub preparation: Preparation,
    /// What this state adds.
    pub stage: S,
}

/// A refused transition: the meeting, unchanged, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused<S> {
    /// The meeting as it was.
    pub meeting: Box<Meeting<S>>,
    /// Why the step was refused.
    pub error: Error,
}

impl<S> std::fmt::Display for Refused<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl<S: std::fmt::Debug> std::error::Error for Refused<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl<S> From<Refused<S>> for Error {
    fn from(refused: Refused<S>) -> Self {
        refused.error
    }
}

impl<S> Meeting<S> {
    fn refuse(self, error: impl Into<Error>) -> Refused<S> {
        Refused {
            meeting: Box::new(self),
            error: error.into(),
        }
    }

    fn into_stage<T>(self, next: impl FnOnce(S) -> T) -> Meeting<T> {
        Meeting {
            header: self.header,
            draft: self.draft,
            revisions: self.revisions,
            preparation: self.preparation,
            stage: next(self.stage),
        }
    }
}

impl Meeting<Reported> {
    /// Records that an inspection concluded on the meeting (R-62): reported → inspected.
    pub fn inspect(self, inspection: InspectionId) -> Meeting<Inspected> {
        self.into_stage(|r| Inspected {
            held: r.held,
            assignment: r.assignment,
            closed: r.closed,
            inspections: vec![inspection],
        })
    }
}

impl Meeting<Inspected> {
    /// Records a further inspection that concluded on an already inspected meeting.
    pub fn inspect_again(&mut self, inspection: InspectionId) {
        self.stage.inspections.push(inspection);
    }
}

/// The state of a meeting, for callers whose steps arrive at run time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum MeetingState {
    /// Dự thảo.
    Draft(Meeting<Draft>),
    /// Đã thông qua.
    Adopted(Meeting<Adopted>),
    /// Đã phân công.
    Assigned(Meeting<Assigned>),
    /// Đã báo cáo.
    Reported(Meeting<Reported>),
    /// Đã kiểm tra, giám sát.
    Inspected(Meeting<Inspected>),
}

/// The name of a meeting's state, as used in scenarios and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum StateName {
    /// Dự thảo.
    Draft,
    /// Đã thông qua.
    Adopted,
    /// Đã phân công.
    Assigned,
    /// Đã báo cáo.
    Reported,
    /// Đã kiểm tra, giám sát.
    Inspected,
}

impl StateName {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            StateName::Draft => "draft",
            StateName::Adopted => "adopted",
            StateName::Assigned => "assigned",
            StateName::Reported => "reported",
            StateName::Inspected => "inspected",
        }
    }
}

/// Runs `$body` with `$m` bound to the meeting, whatever its state.
macro_rules! every_state {
    ($state:expr, $m:ident => $body:expr) => {
        match $state {
            MeetingState::Draft($m) => $body,
            MeetingState::Adopted($m) => $body,
            MeetingState::Assigned($m) => $body,
            MeetingState::Reported($m) => $body,
            MeetingState::Inspected($m) => $body,
        }
    };
}

impl MeetingState {
    /// The state's name.
    pub fn name(&self) -> StateName {
        match self {
            MeetingState::Draft(_) => StateName::Draft,
            MeetingState::Adopted(_) => StateName::Adopted,
            MeetingState::Assigned(_) => StateName::Assigned,
            MeetingState::Reported(_) => StateName::Reported,
            MeetingState::Inspected(_) => StateName::Inspected,
        }
    }

    /// Id, cell, month, kind, directive and author.
    pub fn header(&self) -> &Header {
        every_state!(self, m => &m.header)
    }

    /// The current draft content.
    pub fn draft(&self) -> &DraftContent {
        every_state!(self, m => &m.draft)
    }

    /// Earlier versions of the draft, oldest first.
    pub fn revisions(&self) -> &[DraftContent] {
        every_state!(self, m => &m.revisions)
    }

    /// The preparation steps.
    pub fn preparation(&self) -> &Preparation {
        every_state!(self, m => &m.preparation)
    }

    /// The sittings that did not adopt the resolution: on the draft, or before the adopting one.
    pub fn failed_sittings(&self) -> &[Sitting] {
        match self {
            MeetingState::Draft(m) => &m.stage.sittings,
            other => other.held().map_or(&[], |h| &h.earlier_sittings),
        }
    }

    /// Every defect recorded on the meeting, oldest sitting first.
    pub fn defects(&self) -> Vec<&Defect> {
        match self.held() {
            Some(held) => held.all_defects().collect(),
            None => self
                .failed_sittings()
                .iter()
                .flat_map(|s| s.defects.iter())
                .collect(),
        }
    }

    /// The record and tally of the latest sitting: the adopting one once held, else the latest
    /// that did not adopt the resolution, if any.
    pub fn latest_sitting(&self) -> Option<(&MeetingRecord, Tally)> {
        match self.held() {
            Some(held) => Some((&held.record, held.tally)),
            None => self.failed_sittings().last().map(|s| (&s.record, s.tally)),
        }
    }

    /// The meeting as held, once it is.
    pub fn held(&self) -> Option<&Held> {
        match self {
            MeetingState::Draft(_) => None,
            MeetingState::Adopted(m) => Some(&m.stage.held),
            MeetingState::Assigned(m) => Some(&m.stage.held),
            MeetingState::Reported(m) => Some(&m.stage.held),
            MeetingState::Inspected(m) => Some(&m.stage.held),
        }
    }

    pub(crate) fn held_mut(&mut self) -> Option<&mut Held> {
        match self {
            MeetingState::Draft(_) => None,
            MeetingState::Adopted(m) => Some(&mut m.stage.held),
            MeetingState::Assigned(m) => Some(&mut m.stage.held),
            MeetingState::Reported(m) => Some(&mut m.stage.held),
            MeetingState::Inspected(m) => Some(&mut m.stage.held),
        }
    }

    /// The task assignment, once made.
    pub fn assignment(&self) -> Option<&Assignment> {
        match self {
            MeetingState::Draft(_) | MeetingState::Adopted(_) => None,
            MeetingState::Assigned(m) => Some(&m.stage.assignment),
            MeetingState::Reported(m) => Some(&m.stage.assignment),
            MeetingState::Inspected(m) => Some(&m.stage.assignment),
        }
    }

    /// The inspections concluded on it.
    pub fn inspections(&self) -> &[InspectionId] {
        match self {
            MeetingState::Inspected(m) => &m.stage.inspections,
            _ => &[],
        }
    }
}
