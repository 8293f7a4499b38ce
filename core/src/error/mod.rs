//! Refusals: why the core said no, with a stable code and a message in Vietnamese and English.
//!
//! Every refusal is a value of one enum per concern (lookup, permission, transition, organisation,
//! preparation, meeting, vote, assignment, report, inspection, input, journal), wrapped in [`Error`]. Each
//! has a stable machine code such as `vote.not_eligible` ([`Error::code`]), structured fields
//! (serialised with [`Error::fields`]), and a message that tells a secretary what to fix
//! ([`Error::message_vi`], [`Error::message_en`]). A refused command changes nothing.

mod assignment;
mod declare;
mod input;
mod inspection;
mod journal;
mod labels;
mod lookup;
mod meeting;
mod organisation;
mod permission;
mod preparation;
mod report;
mod transition;
mod vote;

pub use assignment::AssignmentError;
pub use declare::{Declaration, DeclaredField};
pub use input::InputError;
pub use inspection::{InspectionError, RemediationError};
pub use journal::JournalError;
pub use labels::{Ineligibility, Needed};
pub use lookup::LookupError;
pub use meeting::MeetingError;
pub use organisation::OrganisationError;
pub(crate) use organisation::FOLLOWER;
pub(crate) use permission::denied;
pub use permission::PermissionError;
pub use preparation::PreparationError;
pub use report::ReportError;
pub(crate) use transition::require_state;
pub use transition::TransitionError;
pub use vote::VoteError;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Any refusal of the core. `Display` gives the English message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A named record does not exist, or an id is already taken.
    #[error(transparent)]
    Lookup(#[from] LookupError),
    /// The actor may not take this step.
    #[error(transparent)]
    Permission(#[from] PermissionError),
    /// The step is out of order for the record's state.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// The organisation's rules (R-10..R-14) would be broken.
    #[error(transparent)]
    Organisation(#[from] OrganisationError),
    /// The meeting's preparation (R-20..R-25) is incomplete or wrong.
    #[error(transparent)]
    Preparation(#[from] PreparationError),
    /// The meeting as recorded breaks R-30..R-33.
    #[error(transparent)]
    Meeting(#[from] MeetingError),
    /// The vote is invalid or did not pass (R-34..R-37).
    #[error(transparent)]
    Vote(#[from] VoteError),
    /// The task assignment breaks.
    #[error(transparent)]
    Assignment(#[from] AssignmentError),
    /// A report on a task breaks R-50.
    #[error(transparent)]
    Report(#[from] ReportError),
    /// An inspection breaks R-60..R-62.
    #[error(transparent)]
    Inspection(#[from] InspectionError),
    /// A remediation step breaks R-62.
    #[error(transparent)]
    Remediation(#[from] RemediationError),
    /// A value in the input is empty, too long or malformed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A journal cannot be read, does not verify, or holds a refused event.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

/// What every concern's error enum can say about itself.
pub trait Refusal: std::error::Error {
    /// The stable machine code, e.g. `vote.not_eligible`.
    fn code(&self) -> &'static str;
    /// The message in Vietnamese, saying what to fix.
    fn message_vi(&self) -> String;
    /// The message in English, saying what to fix.
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// The kind of refusal, one per concern: what a binding maps to an exception class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::Lookup`].
    Lookup,
    /// See [`Error::Permission`].
    Permission,
    /// See [`Error::Transition`].
    Transition,
    /// See [`Error::Organisation`].
    Organisation,
    /// See [`Error::Preparation`].
    Preparation,
    /// See [`Error::Meeting`].
    Meeting,
    /// See [`Error::Vote`].
    Vote,
    /// See [`Error::Assignment`].
    Assignment,
    /// See [`Error::Report`].
    Report,
    /// See [`Error::Inspection`].
    Inspection,
    /// See [`Error::Remediation`].
    Remediation,
    /// See [`Error::Input`].
    Input,
    /// See [`Error::Journal`].
    Journal,
}

macro_rules! each_concern {
    ($self:expr, $inner:ident => $body:expr) => {
        match $self {
            Error::Lookup($inner) => $body,
            Error::Permission($inner) => $body,
            Error::Transition($inner) => $body,
            Error::Organisation($inner) => $body,
            Error::Preparation($inner) => $body,
            Error::Meeting($inner) => $body,
            Error::Vote($inner) => $body,
            Error::Assignment($inner) => $body,
            Error::Report($inner) => $body,
            Error::Inspection($inner) => $body,
            Error::Remediation($inner) => $body,
            Error::Input($inner) => $body,
            Error::Journal($inner) => $body,
        }
    };
}

impl Error {
    /// The stable machine code, e.g. `vote.not_eligible`.
    pub fn code(&self) -> &'static str {
        each_concern!(self, e => e.code())
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        each_concern!(self, e => e.message_vi())
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        each_concern!(self, e => e.message_en())
    }

    /// The concern this refusal belongs to.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Lookup(_) => ErrorKind::Lookup,
            Error::Permission(_) => ErrorKind::Permission,
            Error::Transition(_) => ErrorKind::Transition,
            Error::Organisation(_) => ErrorKind::Organisation,
            Error::Preparation(_) => ErrorKind::Preparation,
            Error::Meeting(_) => ErrorKind::Meeting,
            Error::Vote(_) => ErrorKind::Vote,
            Error::Assignment(_) => ErrorKind::Assignment,
            Error::Report(_) => ErrorKind::Report,
            Error::Inspection(_) => ErrorKind::Inspection,
            Error::Remediation(_) => ErrorKind::Remediation,
            Error::Input(_) => ErrorKind::Input,
            Error::Journal(_) => ErrorKind::Journal,
        }
    }

    /// The structured fields of the refusal (member, counts, dates…) as a serialisable value.
    pub fn fields(&self) -> Fields<'_> {
        Fields(self)
    }
}

/// The structured fields of an [`Error`], serialised as a map.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a>(&'a Error);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        each_concern!(self.0, e => e.serialize(serializer))
    }
}

/// An error serialises as `{"code", "kind", "message_vi", "message_en", "fields"}`.
impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("code", self.code())?;
        map.serialize_entry("kind", &self.kind())?;
        map.serialize_entry("message_vi", &self.message_vi())?;
        map.serialize_entry("message_en", &self.message_en())?;
        map.serialize_entry("fields", &self.fields())?;
        map.end()
    }
}

/// Every refusal code the core can give, sorted. The scenario runner checks that each one is
/// exercised by at least one scenario file, except `journal.*`, which the journal's tamper tests
/// (core/tests/journal.rs) check.
pub const CODES: &[&str] = &[
    "assignment.carry_over_missing",
    "assignment.deadline_before_meeting",
    "assignment.member_without_task",
    "assignment.no_tasks",
    "assignment.not_unfinished",
    "assignment.owner_cannot_work",
    "assignment.unknown_item",
    "input.bad_character",
    "input.empty",
    "input.invalid_id",
    "input.malformed",
    "input.out_of_range",
    "input.too_long",
    "inspection.conclusion_required",
    "inspection.deadline_before_notice",
    "inspection.defect_not_recorded",
    "inspection.meeting_not_reported",
    "inspection.meeting_other_cell",
    "inspection.no_inspectors",
    "inspection.no_meetings",
    "inspection.open_remedies_unaddressed",
    "inspection.topic_required",
    "journal.broken_link",
    "journal.byte_order_mark",
    "journal.depends_on_conflict",
    "journal.hash_mismatch",
    "journal.head_mismatch",
    "journal.line_endings",
    "journal.malformed",
    "journal.refused",
    "journal.sequence",
    "journal.too_long",
    "journal.unrelated",
    "journal.unsupported_version",
    "lookup.duplicate_id",
    "lookup.unknown",
    "meeting.absence_reason_required",
    "meeting.chair_absent",
    "meeting.chair_not_leader",
    "meeting.ends_before_start",
    "meeting.guest_not_higher_level",
    "meeting.recorder_absent",
    "meeting.roll_duplicate",
    "meeting.roll_incomplete",
    "meeting.roll_not_in_cell",
    "meeting.sitting_overlaps",
    "meeting.speaker_not_present",
    "organisation.cell_too_small",
    "organisation.committee_not_allowed",
    "organisation.committee_required",
    "organisation.committee_too_large",
    "organisation.follower_own_cell",
    "organisation.leader_not_in_committee",
    "organisation.level_abolished",
    "organisation.member_left",
    "organisation.no_change",
    "organisation.not_eligible_for_election",
    "organisation.not_higher_level",
    "organisation.not_standing_member",
    "organisation.secretary_is_deputy",
    "permission.denied",
    "permission.not_active",
    "permission.not_chair",
    "permission.not_inspector",
    "permission.not_task_owner",
    "preparation.delegate_not_committee",
    "preparation.directive_wrong_month",
    "preparation.duplicate_regular",
    "preparation.no_resolution_items",
    "preparation.outside_month",
    "preparation.preparatory_attendee",
    "preparation.topic_required",
    "remediation.not_due",
    "report.above_discipline_cap",
    "report.excellent_cap_reached",
    "report.not_rateable",
    "report.nothing_to_assess",
    "report.own_report",
    "report.reason_required",
    "report.reporting_closed",
    "report.task_unresolved",
    "transition.dated_before",
    "transition.out_of_order",
    "transition.retroactive_rule",
    "vote.duplicate_ballot",
    "vote.not_eligible",
    "vote.not_probationary",
];

/// The result of a core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::MemberId;

    #[test]
    fn an_error_serialises_with_code_kind_messages_and_fields() {
        let error: Error = VoteError::NotEligible {
            member: MemberId::new("x1-07"),
            reason: Ineligibility::Probationary,
        }
        .into();
        let json = serde_json::to_value(&error).unwrap_or_default();
        assert_eq!(json["code"], "vote.not_eligible");
        assert_eq!(json["kind"], "vote");
        assert_eq!(json["fields"]["member"], "x1-07");
        assert_eq!(json["fields"]["reason"], "probationary");
        assert!(json["message_vi"]
            .as_str()
            .is_some_and(|m| m.contains("dự bị")));
        assert!(json["message_en"]
            .as_str()
            .is_some_and(|m| m.contains("probationary")));
    }

    #[test]
    fn codes_are_sorted_unique_and_prefixed_by_their_kind() {
        let mut sorted = CODES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, CODES);
        let kinds = [
            "lookup",
            "permission",
            "transition",
            "organisation",
            "preparation",
            "meeting",
            "vote",
            "assignment",
            "report",
            "inspection",
            "remediation",
            "input",
            "journal",
        ];
        for code in CODES {
            assert!(
                kinds.iter().any(|k| code.starts_with(&format!("{k}."))),
                "{code}"
            );
        }
    }
}
