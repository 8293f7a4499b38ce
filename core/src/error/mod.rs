//! Refusals: why the core said no, with a stable code and a message in Vietnamese and English.
//!
//! Every refusal is a value of one enum per concern (the kinds, [`ErrorKind::ALL`], listed once in
//! [`for_each_error_kind!`](crate::for_each_error_kind)), wrapped in [`Error`]. Each has a stable
//! machine code such as `vote.not_eligible` ([`Error::code`]), structured fields (serialised with
//! [`Error::fields`]), and a message that tells a secretary what to fix ([`Error::message_vi`],
//! [`Error::message_en`]). A refused command changes nothing.
//!
//! Each refusal is declared once, in its concern's file, with `refusals!` (declare.rs): its code,
//! its fields, its English and Vietnamese messages side by side. [`CODES`], docs/errors.md and the
//! bindings' exception classes are derived from the declarations ([`ErrorKind::refusals`]).

mod assignment;
mod codes;
mod declare;
mod input;
mod inspection;
mod journal;
mod kinds;
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
pub use kinds::{Error, ErrorKind};
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

use kinds::DECLARED;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

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

impl Error {
    /// The structured fields of the refusal (member, counts, dates…) as a serialisable value.
    pub fn fields(&self) -> Fields<'_> {
        Fields(self)
    }
}

/// The structured fields of an [`Error`], serialised as a map.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a>(&'a Error);

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

/// A refusal as it is written (a merge's conflicts, a binding's error object): its code, kind,
/// both messages and its fields.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Error {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Refusal".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let kind = generator.subschema_for::<ErrorKind>();
        schemars::json_schema!({
            "type": "object",
            "description": "A refusal: its stable code (docs/errors.md), its kind, the message in Vietnamese and in English, and its structured fields.",
            "properties": {
                "code": { "type": "string", "description": "The stable code, e.g. `vote.not_eligible`." },
                "kind": kind,
                "message_vi": { "type": "string", "description": "What to fix, in Vietnamese." },
                "message_en": { "type": "string", "description": "What to fix, in English." },
                "fields": { "type": "object", "description": "The refusal's fields, by name." }
            },
            "required": ["code", "kind", "message_vi", "message_en", "fields"]
        })
    }
}

/// Every refusal code the core can give, sorted, each once: computed from the declarations. The
/// scenario runner checks that each one is exercised by at least one scenario file, except
/// `journal.*`, which the journal's tamper tests (core/tests/journal.rs) check.
pub const CODES: &[&str] = &codes::sorted::<{ codes::distinct(DECLARED) }>(DECLARED);

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
    fn codes_are_sorted_unique_and_each_declared_under_its_kind() {
        let mut sorted = CODES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, CODES);
        let mut declared: Vec<&str> = Vec::new();
        for kind in ErrorKind::ALL {
            assert!(!kind.refusals().is_empty(), "{kind:?}");
            for refusal in kind.refusals() {
                let prefix = format!("{}.", kind.name());
                assert!(refusal.code.starts_with(&prefix), "{}", refusal.code);
                declared.push(refusal.code);
            }
        }
        declared.sort_unstable();
        declared.dedup();
        assert_eq!(declared, CODES);
    }

    #[test]
    fn a_kind_serialises_as_its_name_and_names_its_enum() {
        for kind in ErrorKind::ALL {
            assert_eq!(serde_json::to_value(kind).ok(), Some(kind.name().into()));
            assert!(kind.type_name().ends_with("Error"), "{kind:?}");
            assert!(kind.doc().ends_with('.'), "{kind:?}");
        }
        let unknown: Error = LookupError::unknown("cell", "x").into();
        assert_eq!(unknown.kind().type_name(), "LookupError");
    }

    #[test]
    fn a_declaration_names_its_fields_and_both_messages() {
        let declared = VoteError::REFUSALS
            .iter()
            .find(|d| d.code == "vote.not_eligible");
        let fields: Vec<&str> = declared
            .map(|d| d.fields.iter().map(|f| f.name).collect())
            .unwrap_or_default();
        assert_eq!(fields, ["member", "reason"]);
        assert_eq!(declared.map(|d| d.variant), Some("NotEligible"));
        assert!(declared.is_some_and(|d| d.vi.contains("{reason}") && d.en.contains("{reason}")));
        assert!(declared.is_some_and(|d| d.doc.starts_with("R-34")));
    }
}
