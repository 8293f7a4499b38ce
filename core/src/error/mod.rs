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

/// Calls `$callback! { … }` with every kind of refusal of the core, in order: the one list of the
/// concerns, from which [`Error`], [`ErrorKind`] and [`CODES`] are written (and which a binding can
/// use to write its own per-kind types). Each entry is the kind's doc comment, then
/// `Kind(TypeError) = "name"`, where `TypeError` is the concern's enum in `chibo::error` and
/// `name` the kind as serialised and the prefix of its codes, then, for a concern of the meeting's
/// rules, `rules "R-…"`, and a `;`:
///
/// ```
/// macro_rules! kind_names {
///     ($($(#[doc = $doc:literal])* $kind:ident($type:ident) = $name:literal
///        $(, rules $rules:literal)?;)*) => {
///         const NAMES: &[&str] = &[$($name),*];
///     };
/// }
/// chibo::for_each_error_kind!(kind_names);
/// assert_eq!(NAMES.len(), chibo::ErrorKind::ALL.len());
/// ```
#[macro_export]
macro_rules! for_each_error_kind {
    ($callback:ident) => {
        $callback! {
            /// A named record does not exist, or an id is already taken.
            Lookup(LookupError) = "lookup";
            /// The actor may not take this step.
            Permission(PermissionError) = "permission";
            /// The step is out of order for the record's state.
            Transition(TransitionError) = "transition";
            /// The organisation's rules (R-10..R-14) would be broken.
            Organisation(OrganisationError) = "organisation", rules "R-10..R-14";
            /// The meeting's preparation (R-20..R-25) is incomplete or wrong.
            Preparation(PreparationError) = "preparation", rules "R-20..R-25";
            /// The meeting as recorded breaks R-30..R-33.
            Meeting(MeetingError) = "meeting", rules "R-30..R-33";
            /// The vote cannot be counted as given (R-34, R-36).
            Vote(VoteError) = "vote", rules "R-34, R-36";
            /// The task assignment breaks R-40/R-41.
            Assignment(AssignmentError) = "assignment", rules "R-40, R-41";
            /// A report on a task (R-50, R-51) or a rating in the annual review (R-63, R-72) breaks
            /// the rules.
            Report(ReportError) = "report", rules "R-50, R-51, R-63, R-72";
            /// An inspection breaks R-60..R-62.
            Inspection(InspectionError) = "inspection", rules "R-60..R-62";
            /// A remediation step breaks R-62.
            Remediation(RemediationError) = "remediation", rules "R-62";
            /// A value in the input is empty, too long or malformed.
            Input(InputError) = "input";
            /// A journal cannot be read, does not verify, or holds a refused event.
            Journal(JournalError) = "journal";
        }
    };
}

/// Writes [`Error`], [`ErrorKind`] and the declarations behind [`CODES`] from the list of
/// [`for_each_error_kind!`].
macro_rules! define_errors {
    (@rules) => { None };
    (@rules $rules:literal) => { Some($rules) };
    ($(
        $(#[doc = $doc:literal])*
        $Kind:ident($Type:ident) = $name:literal $(, rules $rules:literal)?;
    )*) => {
        /// Any refusal of the core. `Display` gives the English message.
        #[derive(Debug, Clone, PartialEq, thiserror::Error)]
        pub enum Error {
            $(
                $(#[doc = $doc])*
                #[error(transparent)]
                $Kind(#[from] $Type),
            )*
        }

        /// The kind of refusal, one per concern: what a binding maps to an exception class.
        /// Serialised as its [`name`](ErrorKind::name).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorKind {
            $(
                #[doc = concat!("`", $name, ".*`: see [`Error::", stringify!($Kind), "`].")]
                $Kind,
            )*
        }

        impl ErrorKind {
            /// Every kind, in the order declared.
            pub const ALL: &'static [ErrorKind] = &[$(ErrorKind::$Kind),*];

            /// The kind's name, as serialised and as the prefix of its codes (`vote`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$Kind => $name,)*
                }
            }

            /// The name of the concern's enum in [`crate::error`] (`VoteError`).
            pub const fn type_name(self) -> &'static str {
                match self {
                    $(Self::$Kind => stringify!($Type),)*
                }
            }

            /// What the kind of refusal means, in a sentence.
            pub const fn doc(self) -> &'static str {
                match self {
                    $(Self::$Kind => concat!($($doc),*).trim_ascii_start(),)*
                }
            }

            /// The rules of the meeting whose breach it refuses (`R-34..R-37`), for the concerns
            /// of the meeting's rules; `None` for lookup, permission, transition, input, journal.
            pub const fn rules(self) -> Option<&'static str> {
                match self {
                    $(Self::$Kind => define_errors!(@rules $($rules)?),)*
                }
            }

            /// Every refusal of the kind, as declared (code, fields, both messages).
            pub const fn refusals(self) -> &'static [Declaration] {
                match self {
                    $(Self::$Kind => $Type::REFUSALS,)*
                }
            }
        }

        impl Error {
            /// The stable machine code, e.g. `vote.not_eligible`.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Error::$Kind(e) => e.code(),)*
                }
            }

            /// The message in Vietnamese.
            pub fn message_vi(&self) -> String {
                match self {
                    $(Error::$Kind(e) => e.message_vi(),)*
                }
            }

            /// The message in English.
            pub fn message_en(&self) -> String {
                match self {
                    $(Error::$Kind(e) => e.message_en(),)*
                }
            }

            /// The concern this refusal belongs to.
            pub fn kind(&self) -> ErrorKind {
                match self {
                    $(Error::$Kind(_) => ErrorKind::$Kind,)*
                }
            }
        }

        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self.0 {
                    $(Error::$Kind(e) => e.serialize(serializer),)*
                }
            }
        }

        /// Every concern's declarations, in the order of [`ErrorKind::ALL`].
        const DECLARED: &[&[Declaration]] = &[$($Type::REFUSALS),*];
    };
}

crate::for_each_error_kind!(define_errors);

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
