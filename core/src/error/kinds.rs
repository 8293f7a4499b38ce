//! The kinds of refusal, listed once ([`for_each_error_kind!`](crate::for_each_error_kind)), and
//! what is written from the list: [`Error`], [`ErrorKind`] and the declarations behind
//! [`CODES`](super::CODES).

use super::{Declaration, Fields, Refusal};
use serde::{Serialize, Serializer};

/// Calls `$callback! { … }` with every kind of refusal of the core, in order: the one list of the
/// concerns, from which [`Error`], [`ErrorKind`] and [`CODES`](crate::error::CODES) are written (and which a binding can
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

/// Writes [`Error`], [`ErrorKind`] and the declarations behind [`CODES`](super::CODES) from the list of
/// [`for_each_error_kind!`].
macro_rules! define_errors {
    (@rules) => { None };
    (@rules $rules:literal) => { Some($rules) };
    ($(
        $(#[doc = $doc:literal])*
        $Kind:ident($Type:ident) = $name:literal $(, rules $rules:literal)?;
    )*) => {
        /// Any refusal of the core. `Display` gives the English message. In Kotlin and Swift,
        /// `CoreRefusal` (the name `Error` is taken there).
        #[derive(Debug, Clone, PartialEq, thiserror::Error)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi(name = "CoreRefusal"))]
        pub enum Error {
            $(
                $(#[doc = $doc])*
                #[error(transparent)]
                $Kind(#[from] super::$Type),
            )*
        }

        /// The kind of refusal, one per concern: what a binding maps to an exception class.
        /// Serialised as its [`name`](ErrorKind::name).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorKind {
            $(
                $(#[doc = $doc])*
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
                    $(Self::$Kind => super::$Type::REFUSALS,)*
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
        pub(super) const DECLARED: &[&[Declaration]] = &[$(super::$Type::REFUSALS),*];
    };
}

crate::for_each_error_kind!(define_errors);
