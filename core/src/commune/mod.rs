//! The commune (Đảng bộ xã): the aggregate root that holds the organisation, the rules, and every
//! meeting, task, inspection and remediation, and that runs commands.
//!
//! [`Commune::execute`] checks a [`Command`] and, if it is accepted, applies it and returns the
//! [`Event`] to keep; if refused, nothing changes. [`Commune::replay`] rebuilds a commune from its
//! events. Meeting steps go through the same typestate methods as [`crate::meeting::Meeting`].

mod indexes;
mod inspection_ops;
mod key_ops;
mod meeting_ops;
mod merge_ops;
mod organisation_ops;
mod regular_meetings;
mod review_ops;
mod scoring_ops;
mod seal_ops;
mod summary;
mod task_ops;
mod time_order;

pub use key_ops::KeyPeriod;
pub use seal_ops::Seal;
pub use time_order::CLOCK_SKEW_MINUTES;

pub use summary::{
    InspectionSummary, MeetingSummary, MemberSummary, RemediationSummary, Summary, TaskSummary,
};

use crate::command::{Action, Command, Event};
use crate::directive::Directive;
use crate::error::{Error, LookupError, TransitionError};
use crate::ids::{DirectiveId, IdMap, InspectionId, MeetingId, MemberId, RemediationId, TaskId};
use crate::inspection::{Inspection, Remediation};
use crate::meeting::{Context, MeetingState};
use crate::organisation::Organisation;
use crate::review::{Discipline, MemberReview};
use crate::rules::{RuleBook, RuleChoice, Rules};
use crate::scoring::ScoreRecord;
use crate::task::Task;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A commune party organisation and everything recorded about its cells' meetings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Commune {
    /// Whether `establish_commune` has run.
    pub established: bool,
    /// When it ran: no later command may be dated before it.
    #[serde(default)]
    pub established_at: Option<Timestamp>,
    /// The rules chosen at establishment.
    pub rule_choice: RuleChoice,
    /// The rules in force on each date: the choice's timeline and the commune's dated overrides.
    pub rule_book: RuleBook,
    /// Who is who.
    pub organisation: Organisation,
    /// The monthly directions.
    pub directives: BTreeMap<DirectiveId, Directive>,
    /// Every meeting, in its state.
    pub meetings: IdMap<MeetingId, MeetingState>,
    /// Every task.
    pub tasks: IdMap<TaskId, Task>,
    /// Every inspection.
    pub inspections: BTreeMap<InspectionId, Inspection>,
    /// Every remediation required.
    pub remediations: BTreeMap<RemediationId, Remediation>,
    /// Each scored meeting's score.
    #[serde(default)]
    pub scores: BTreeMap<MeetingId, ScoreRecord>,
    /// General-criteria points entered for the annual rating, by year and member.
    #[serde(default)]
    pub general_points: BTreeMap<i32, BTreeMap<MemberId, u32>>,
    /// The annual review's steps, by year and member.
    #[serde(default)]
    pub reviews: BTreeMap<i32, BTreeMap<MemberId, MemberReview>>,
    /// Discipline recorded, oldest first.
    #[serde(default)]
    pub disciplines: Vec<Discipline>,
    /// Each member's signing keys, oldest first, with when each was valid (docs/journal.md,
    /// *Signatures*). Left out of the JSON while empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<MemberId, Vec<KeyPeriod>>,
    /// The journal's seals, in order, each with its signature when the record was signed
    /// (docs/journal.md, *Signed seals*). Left out of the JSON while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seals: Vec<Seal>,
    /// Lookups derived from the above for the rules' checks: never serialised, ignored by `==`,
    /// built on first use (see `indexes.rs`).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    indexes: indexes::Indexes,
}

impl Commune {
    /// An empty record, waiting for `establish_commune`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuilds a commune from its events, in order. Each event is checked again, so a journal
    /// that was edited into something the rules refuse is caught here.
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Self, (usize, Error)> {
        let mut commune = Self::new();
        for (index, event) in events.into_iter().enumerate() {
            commune.execute(&event.0).map_err(|e| (index, e))?;
        }
        Ok(commune)
    }

    /// Checks a command and, if accepted, applies it and returns the event to keep. A refused
    /// command changes nothing.
    pub fn execute(&mut self, command: &Command) -> Result<Event, Error> {
        self.run(command.clone())?;
        Ok(Event(command.clone()))
    }

    /// Applies an event from a journal (the same checks as [`Commune::execute`]).
    pub fn apply(&mut self, event: &Event) -> Result<(), Error> {
        self.run(event.0.clone())
    }

    /// [`Commune::apply`], taking the event by value: what the journal does with the events it
    /// decodes or encodes, so their texts move into the state without a copy.
    pub fn apply_owned(&mut self, event: Event) -> Result<(), Error> {
        self.run(event.0)
    }

    /// The rules in force on `date`.
    pub fn rules_on(&self, date: chrono::NaiveDate) -> &Rules {
        self.rule_book.on(date)
    }

    /// The rules in force from the last change on (those of any date from then).
    pub fn rules(&self) -> &Rules {
        self.rule_book.latest()
    }

    /// The context meeting steps taken on `date` are checked against.
    pub fn context_on(&self, date: chrono::NaiveDate) -> Context<'_> {
        Context {
            rules: self.rules_on(date),
            organisation: &self.organisation,
            tasks: &self.tasks,
            unfinished: self.indexes.unfinished(&self.tasks),
        }
    }

    /// The context of steps taken after the last change of the rules.
    pub fn context(&self) -> Context<'_> {
        Context {
            rules: self.rules(),
            organisation: &self.organisation,
            tasks: &self.tasks,
            unfinished: self.indexes.unfinished(&self.tasks),
        }
    }

    /// What every command must pass before its own checks: well-formed ids, an established
    /// commune, an actor who may act, and a time not before the step it follows.
    fn admit(&self, command: &Command) -> Result<(), Error> {
        crate::ids::check_all(command)?;
        let founding = matches!(command.action, Action::EstablishCommune(_));
        if !self.established && !founding {
            return Err(TransitionError::out_of_order(
                "commune",
                "",
                "not established",
                command.action.name(),
                "established",
            )
            .into());
        }
        if self.established && !founding {
            self.organisation
                .require_acting(&command.actor, command.action.name())?;
        }
        self.check_time_order(command)
    }

    /// Checks and applies a command, taking it by value: the payloads of the heaviest steps (a
    /// draft, the minutes, the task plan, the documents, a proposed score) move into the state
    /// instead of being copied.
    fn run(&mut self, command: Command) -> Result<(), Error> {
        self.admit(&command)?;
        let Command { actor, at, action } = command;
        let actor = &actor;
        match action {
            Action::EstablishCommune(c) => self.establish(&c, at),
            Action::AmendRules(c) => self.amend_rules(actor, at, &c),
            Action::ReorganiseLevels(c) => self.reorganise_levels(actor, at, &c),
            Action::MergeCommunes(c) => self.merge_communes(actor, at, &c),
            Action::AddCell(c) => self.add_cell(actor, at, &c),
            Action::AddMember(c) => self.add_member(actor, &c),
            Action::SetMemberStatus(c) => self.set_member_status(actor, &c),
            Action::SetMemberFlag(c) => self.set_member_flag(actor, at, &c),
            Action::MoveMember(c) => self.move_member(actor, &c),
            Action::MemberLeaves(c) => self.member_leaves(actor, at, &c),
            Action::AppointCommittee(c) => self.appoint_committee(actor, &c),
            Action::ElectCellLeadership(c) => self.elect_cell_leadership(actor, at, &c),
            Action::FormCluster(c) => self.form_cluster(actor, &c),
            Action::AssignFollower(c) => self.assign_follower(actor, at, &c),
            Action::IssueDirective(c) => self.issue_directive(actor, at, &c),
            Action::DelegateDrafting {
                cell,
                month,
                member,
            } => self.delegate_drafting(actor, &cell, month, &member),
            Action::DraftMeeting(c) => self.draft_meeting(actor, at, c),
            Action::ReviseDraft(c) => self.revise_draft(actor, at, &c),
            Action::HoldPreparatoryMeeting(c) => self.hold_preparatory_meeting(actor, at, &c),
            Action::SendNotice { meeting } => self.send_notice(actor, at, &meeting),
            Action::PublishDocuments { meeting, documents } => {
                self.publish_documents(actor, at, &meeting, documents)
            }
            Action::RecordMeeting { meeting, record } => {
                self.record_meeting(actor, &meeting, *record)
            }
            Action::ResolveAdmission {
                meeting,
                subject,
                vote,
            } => self.resolve_admission(actor, at, &meeting, &subject, &vote),
            Action::AssignTasks(plan) => self.assign_tasks(actor, at, plan),
            Action::ReportTask {
                task,
                outcome,
                note,
            } => self.report_task(actor, at, &task, outcome, note),
            Action::CarryOverTask { task, reason } => {
                self.carry_over_task(actor, at, &task, &reason)
            }
            Action::AssessReport { task, assessment } => {
                self.assess_report(actor, at, &task, &assessment)
            }
            Action::CancelTask { task, reason } => self.cancel_task(actor, at, &task, &reason),
            Action::CloseReporting { meeting } => self.close_reporting(actor, at, &meeting),
            Action::OpenInspection(c) => self.open_inspection(actor, at, &c),
            Action::RecordFinding(c) => self.record_finding(actor, at, &c),
            Action::ConcludeInspection(c) => self.conclude_inspection(actor, at, &c),
            Action::ReportRemedy { remediation, note } => {
                self.report_remedy(actor, at, &remediation, &note)
            }
            Action::VerifyRemedy {
                remediation,
                accepted,
                note,
            } => self.verify_remedy(actor, at, &remediation, accepted, &note),
            Action::MarkOverdue { remediation } => self.mark_overdue(actor, at, &remediation),
            Action::ProposeScore(c) => self.propose_score(actor, at, *c),
            Action::VoteScore(c) => self.vote_score(actor, &c),
            Action::ConfirmScore {
                meeting,
                accepted,
                note,
            } => self.confirm_score(actor, at, &meeting, accepted, &note),
            Action::EnterGeneralPoints(c) => self.enter_general_points(actor, at, &c),
            Action::SelfAssess(c) => self.self_assess(actor, at, &c),
            Action::ProposeRating(c) => self.propose_rating(actor, at, &c),
            Action::DecideRating(c) => self.decide_rating(actor, at, &c),
            Action::RecordDiscipline(c) => self.record_discipline(actor, at, &c),
            Action::RegisterKey(c) => self.register_key(actor, at, &c),
            Action::RotateKey(c) => self.rotate_key(actor, at, &c),
            Action::RevokeKey(c) => self.revoke_key(actor, at, &c),
            Action::SealJournal(c) => self.seal_journal(actor, at, c),
        }
    }

    /// The cell's latest regular meeting of a month before `month` (R-32, R-50: the meeting whose
    /// tasks members report on), found in the derived index rather than by walking every meeting.
    pub(crate) fn latest_regular_before(
        &self,
        cell: &crate::ids::CellId,
        month: crate::time::YearMonth,
    ) -> Option<&MeetingState> {
        let regular = self.indexes.regular_meetings(&self.meetings);
        debug_assert_eq!(
            *regular,
            regular_meetings::RegularMeetings::of(&self.meetings)
        );
        regular
            .latest_before(cell, month)
            .and_then(|id| self.meetings.get(id))
    }

    /// A meeting by id.
    pub fn meeting(&self, id: &MeetingId) -> Result<&MeetingState, Error> {
        self.meetings
            .get(id)
            .ok_or_else(|| LookupError::unknown("meeting", id).into())
    }

    /// A task by id.
    pub fn task(&self, id: &TaskId) -> Result<&Task, Error> {
        self.tasks
            .get(id)
            .ok_or_else(|| LookupError::unknown("task", id).into())
    }

    /// An inspection by id.
    pub fn inspection(&self, id: &InspectionId) -> Result<&Inspection, Error> {
        self.inspections
            .get(id)
            .ok_or_else(|| LookupError::unknown("inspection", id).into())
    }

    /// A remediation by id.
    pub fn remediation(&self, id: &RemediationId) -> Result<&Remediation, Error> {
        self.remediations
            .get(id)
            .ok_or_else(|| LookupError::unknown("remediation", id).into())
    }
}
