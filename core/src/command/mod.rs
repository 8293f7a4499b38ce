//! Commands: who wants what done, when. Every change to a [`crate::Commune`] is a command that the
//! core checks against the state, the actor's role and the rules; an accepted command becomes an
//! [`Event`].
//!
//! In JSON a command is `{"actor": "...", "at": "2025-01-05T08:00:00+07:00", "action": {"<name>":
//! {...}}}`; `docs/json.md` lists every action.

mod keys;
mod organisation;

pub use keys::{RegisterKey, RevokeKey, RotateKey, SealJournal};

pub use organisation::{
    AddCell, AddMember, AmendRules, AppointCommittee, AssignFollower, ElectCellLeadership,
    EstablishCommune, FormCluster, MemberLeaves, MergeCommunes, MoveMember, ReorganiseLevels,
    SetMemberFlag, SetMemberStatus,
};

use crate::directive::IssueDirective;
use crate::ids::{CellId, MeetingId, MemberId, RemediationId, TaskId};
use crate::inspection::{ConcludeInspection, OpenInspection, RecordFinding};
use crate::meeting::{
    AdmissionSubject, DraftMeeting, MeetingRecord, PreparatoryMeeting, Revision, TaskPlan, Vote,
};
use crate::review::{DecideRating, ProposeRating, RecordDiscipline, SelfAssessment};
use crate::scoring::{EnterGeneralPoints, ProposeScore, VoteScore};
use crate::task::{Assessment, Outcome};
use crate::time::{Timestamp, YearMonth};
use serde::{Deserialize, Serialize};

/// A request to change the commune: who, when, what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Command {
    /// The member taking the step; the core checks their role.
    pub actor: MemberId,
    /// When, as the caller's clock says (the core has none).
    #[serde(
        deserialize_with = "crate::time::strict_timestamp",
        serialize_with = "crate::time::write"
    )]
    pub at: Timestamp,
    /// What.
    pub action: Action,
}

/// A command lent to [`Journal::execute`](crate::journal::Journal::execute), which copies it.
impl<'a> From<&'a Command> for std::borrow::Cow<'a, Command> {
    fn from(command: &'a Command) -> Self {
        Self::Borrowed(command)
    }
}

/// A command given to [`Journal::execute`](crate::journal::Journal::execute), which keeps it.
impl From<Command> for std::borrow::Cow<'_, Command> {
    fn from(command: Command) -> Self {
        Self::Owned(command)
    }
}

/// An accepted command, as the journal keeps it. Replaying events rebuilds the state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Event(pub Command);

impl Command {
    /// Reads a command from its JSON text, as bindings and journals receive it. Text that is not a
    /// command is refused as `input.malformed`, with the reader's explanation in `detail`.
    pub fn from_json(text: &str) -> Result<Self, crate::Error> {
        serde_json::from_str(text).map_err(crate::error::InputError::malformed)
    }

    /// Reads a command from an already parsed JSON value (see [`Command::from_json`]).
    pub fn from_value(value: serde_json::Value) -> Result<Self, crate::Error> {
        serde_json::from_value(value).map_err(crate::error::InputError::malformed)
    }
}

/// Every step the library knows, by name. See `docs/authority.md` for who may take each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Founds the commune's record: the first event of every journal.
    EstablishCommune(Box<EstablishCommune>),
    /// Adopts the commune's own rules from a date on.
    AmendRules(Box<AmendRules>),
    /// Adds and abolishes levels above the commune from the command's day on.
    ReorganiseLevels(ReorganiseLevels),
    /// Takes over communes merged into this one, with their cells.
    MergeCommunes(Box<MergeCommunes>),
    /// Adds a cell.
    AddCell(AddCell),
    /// Adds a member to the roll (or a higher-level member who follows cells).
    AddMember(AddMember),
    /// Changes a member's status (official / probationary).
    SetMemberStatus(SetMemberStatus),
    /// Sets or clears the exempted, suspended or transferred flag.
    SetMemberFlag(SetMemberFlag),
    /// Moves a member's party activity to another cell.
    MoveMember(MoveMember),
    /// Takes a member off the roll.
    MemberLeaves(MemberLeaves),
    /// Sets the members of one of the commune's committees.
    AppointCommittee(AppointCommittee),
    /// Records the cell's elected secretary, deputy and committee.
    ElectCellLeadership(ElectCellLeadership),
    /// Forms a cluster of cells in the charge of a standing committee member.
    FormCluster(FormCluster),
    /// Assigns a higher-level member to follow a cell.
    AssignFollower(AssignFollower),
    /// Issues the commune committee's direction for a month.
    IssueDirective(IssueDirective),
    /// The secretary delegates drafting the cell's meetings of a month to a committee member
    ///
    DelegateDrafting {
        /// The cell.
        cell: CellId,
        /// The month whose meetings the member drafts.
        month: YearMonth,
        /// The committee member.
        member: MemberId,
    },
    /// Starts a meeting as a draft.
    DraftMeeting(DraftMeeting),
    /// Revises a draft.
    ReviseDraft(Revision),
    /// Records the committee's preparatory meeting.
    HoldPreparatoryMeeting(PreparatoryMeeting),
    /// Sends the notice to members and the higher-level member.
    SendNotice {
        /// The meeting.
        meeting: MeetingId,
    },
    /// Publishes the documents to members.
    PublishDocuments {
        /// The meeting.
        meeting: MeetingId,
        /// Their titles or references.
        documents: Vec<String>,
    },
    /// Records the meeting as held, with its vote: draft → adopted (R-30..R-37).
    RecordMeeting {
        /// The meeting.
        meeting: MeetingId,
        /// What happened.
        // Boxed: the minutes (304 bytes) would make every event that large, and an event is
        // moved several times while a line is read (docs/performance.md, "Sixth round"). A
        // draft, the next largest, stays inline: uniffi writes a boxed payload unqualified, and
        // `DraftMeeting` would then name the variant itself (see `EstablishCommune`).
        record: Box<MeetingRecord>,
    },
    /// Records an admission or recognition vote at a held meeting.
    ResolveAdmission {
        /// The meeting.
        meeting: MeetingId,
        /// What is decided.
        subject: AdmissionSubject,
        /// The show of hands.
        vote: Vote,
    },
    /// Assigns the tasks: adopted → assigned.
    AssignTasks(TaskPlan),
    /// The owner reports a task.
    ReportTask {
        /// The task.
        task: TaskId,
        /// How it went.
        outcome: Outcome,
        /// Anything to add.
        #[serde(default)]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        note: Option<String>,
    },
    /// The secretary carries an unreported task over.
    CarryOverTask {
        /// The task.
        task: TaskId,
        /// Why.
        reason: String,
    },
    /// The secretary (or a committee member) assesses a member's report.
    AssessReport {
        /// The task reported.
        task: TaskId,
        /// Accepted, or sent back with a reason.
        assessment: Assessment,
    },
    /// The secretary cancels a task.
    CancelTask {
        /// The task.
        task: TaskId,
        /// Why.
        reason: String,
    },
    /// Closes reporting on a meeting: assigned → reported.
    CloseReporting {
        /// The meeting.
        meeting: MeetingId,
    },
    /// Opens a supervision or inspection of a cell.
    OpenInspection(OpenInspection),
    /// Records a finding.
    RecordFinding(RecordFinding),
    /// Issues the notice of results: covered meetings become inspected.
    ConcludeInspection(ConcludeInspection),
    /// The cell reports a remedy.
    ReportRemedy {
        /// The remediation.
        remediation: RemediationId,
        /// What was done.
        note: String,
    },
    /// The supervisor checks a remedy.
    VerifyRemedy {
        /// The remediation.
        remediation: RemediationId,
        /// Whether it is accepted.
        accepted: bool,
        /// Remarks.
        #[serde(default)]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        note: Option<String>,
    },
    /// Marks a remediation overdue after its deadline.
    MarkOverdue {
        /// The remediation.
        remediation: RemediationId,
    },
    /// The cell committee proposes a held meeting's quality score.
    ProposeScore(Box<ProposeScore>),
    /// The members vote on the proposed score.
    VoteScore(VoteScore),
    /// The higher-level member confirms the voted score, or returns it.
    ConfirmScore {
        /// The meeting.
        meeting: MeetingId,
        /// Confirmed (true) or returned to the cell (false).
        accepted: bool,
        /// The confirmer's note.
        #[serde(default)]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        note: Option<String>,
    },
    /// The cell committee enters a member's general-criteria points for the year.
    EnterGeneralPoints(EnterGeneralPoints),
    /// A member writes their self-assessment for the annual review.
    SelfAssess(SelfAssessment),
    /// The cell votes on the category it proposes for a member, at a held meeting.
    ProposeRating(Box<ProposeRating>),
    /// The superior committee decides a member's category.
    DecideRating(DecideRating),
    /// The chair records discipline announced at a held meeting.
    RecordDiscipline(RecordDiscipline),
    /// The registrar or the member's cell secretary registers a member's signing key.
    RegisterKey(RegisterKey),
    /// A member replaces their own signing key.
    RotateKey(RotateKey),
    /// The member, their cell secretary or the registrar ends a member's signing key.
    RevokeKey(RevokeKey),
    /// The registrar or a cell secretary seals the journal's head.
    SealJournal(SealJournal),
}

impl Action {
    /// The action's snake_case name, as in JSON and in refusals.
    pub fn name(&self) -> &'static str {
        match self {
            Action::EstablishCommune(_) => "establish_commune",
            Action::AmendRules(_) => "amend_rules",
            Action::ReorganiseLevels(_) => "reorganise_levels",
            Action::MergeCommunes(_) => "merge_communes",
            Action::AddCell(_) => "add_cell",
            Action::AddMember(_) => "add_member",
            Action::SetMemberStatus(_) => "set_member_status",
            Action::SetMemberFlag(_) => "set_member_flag",
            Action::MoveMember(_) => "move_member",
            Action::MemberLeaves(_) => "member_leaves",
            Action::AppointCommittee(_) => "appoint_committee",
            Action::ElectCellLeadership(_) => "elect_cell_leadership",
            Action::FormCluster(_) => "form_cluster",
            Action::AssignFollower(_) => "assign_follower",
            Action::IssueDirective(_) => "issue_directive",
            Action::DelegateDrafting { .. } => "delegate_drafting",
            Action::DraftMeeting(_) => "draft_meeting",
            Action::ReviseDraft(_) => "revise_draft",
            Action::HoldPreparatoryMeeting(_) => "hold_preparatory_meeting",
            Action::SendNotice { .. } => "send_notice",
            Action::PublishDocuments { .. } => "publish_documents",
            Action::RecordMeeting { .. } => "record_meeting",
            Action::ResolveAdmission { .. } => "resolve_admission",
            Action::AssignTasks(_) => "assign_tasks",
            Action::ReportTask { .. } => "report_task",
            Action::CarryOverTask { .. } => "carry_over_task",
            Action::AssessReport { .. } => "assess_report",
            Action::CancelTask { .. } => "cancel_task",
            Action::CloseReporting { .. } => "close_reporting",
            Action::OpenInspection(_) => "open_inspection",
            Action::RecordFinding(_) => "record_finding",
            Action::ConcludeInspection(_) => "conclude_inspection",
            Action::ReportRemedy { .. } => "report_remedy",
            Action::VerifyRemedy { .. } => "verify_remedy",
            Action::MarkOverdue { .. } => "mark_overdue",
            Action::ProposeScore(_) => "propose_score",
            Action::VoteScore(_) => "vote_score",
            Action::ConfirmScore { .. } => "confirm_score",
            Action::EnterGeneralPoints(_) => "enter_general_points",
            Action::SelfAssess(_) => "self_assess",
            Action::ProposeRating(_) => "propose_rating",
            Action::DecideRating(_) => "decide_rating",
            Action::RecordDiscipline(_) => "record_discipline",
            Action::RegisterKey(_) => "register_key",
            Action::RotateKey(_) => "rotate_key",
            Action::RevokeKey(_) => "revoke_key",
            Action::SealJournal(_) => "seal_journal",
        }
    }
}
