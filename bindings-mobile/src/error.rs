//! Refusals as they cross to Kotlin and Swift: [`ChiboError`] (thrown) and [`Refusal`] (a value,
//! as in a merge's conflicts). Both keep the core's stable code, both messages and the fields.

use chibo::Refusal as _;
use chibo_store::StoreError;

/// Writes the thrown [`ChiboError`] (one variant per kind of refusal, each with the core's typed
/// refusal), the [`ErrorKind`] enum and the conversions, from the core's list of kinds
/// (`chibo::for_each_error_kind!`), adding `Store` for the journal file.
macro_rules! refusal_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $Kind:ident($Type:ident) = $name:literal $(, rules $rules:literal)?;
    )*) => {
        /// A refusal of the core or of the journal file: one variant per kind of refusal, so an
        /// app can catch, say, `ChiboException.Vote` (Kotlin) or `ChiboError.Vote` (Swift) and
        /// read `code` (`vote.not_eligible`). Every variant carries the core's stable `code`, the
        /// message in Vietnamese (`message_vi`) and English (`message_en`), and the structured
        /// `fields` as JSON text (as the scenario files check them); a core refusal carries its
        /// typed `detail` too (`VoteError.NotEligible(member, reason)`). A refused command
        /// changes nothing.
        #[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
        pub enum ChiboError {
            $(
                $(#[doc = $doc])*
                #[error("{code}: {message_en}")]
                $Kind {
                    /// The stable code.
                    code: String,
                    /// The message in Vietnamese.
                    message_vi: String,
                    /// The message in English.
                    message_en: String,
                    /// The structured fields, as a JSON object.
                    fields: String,
                    /// The refusal as the core's typed value: its variant and fields.
                    detail: chibo::error::$Type,
                },
            )*
            /// The journal file could not be used: `store.locked` (open elsewhere),
            /// `store.exists`, `store.io`, `store.replaced`, `store.closed`, `store.poisoned`.
            #[error("{code}: {message_en}")]
            Store {
                /// The stable code.
                code: String,
                /// The message in Vietnamese.
                message_vi: String,
                /// The message in English.
                message_en: String,
                /// The structured fields, as a JSON object.
                fields: String,
            },
        }

        /// The kind of a refusal, one per concern of the core, and `Store` for the journal file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
        pub enum ErrorKind {
            $(
                $(#[doc = $doc])*
                $Kind,
            )*
            /// The journal file could not be used (`store.*`).
            Store,
        }

        impl From<chibo::ErrorKind> for ErrorKind {
            fn from(kind: chibo::ErrorKind) -> Self {
                match kind {
                    $(chibo::ErrorKind::$Kind => Self::$Kind,)*
                }
            }
        }

        impl From<chibo::Error> for ChiboError {
            fn from(error: chibo::Error) -> Self {
                let code = error.code().to_owned();
                let message_vi = error.message_vi();
                let message_en = error.message_en();
                let fields = json_fields(&error.fields());
                match error {
                    $(chibo::Error::$Kind(detail) => {
                        Self::$Kind { code, message_vi, message_en, fields, detail }
                    })*
                }
            }
        }

        #[uniffi::export]
        impl ChiboError {
            /// The refusal as one value, whatever its kind: to show any of them.
            pub fn refusal(&self) -> Refusal {
                match self {
                    $(Self::$Kind { code, message_vi, message_en, fields, detail } => Refusal {
                        code: code.clone(),
                        kind: ErrorKind::$Kind,
                        message_vi: message_vi.clone(),
                        message_en: message_en.clone(),
                        fields: fields.clone(),
                        detail: Some(chibo::Error::$Kind(detail.clone())),
                    },)*
                    Self::Store { code, message_vi, message_en, fields } => Refusal {
                        code: code.clone(),
                        kind: ErrorKind::Store,
                        message_vi: message_vi.clone(),
                        message_en: message_en.clone(),
                        fields: fields.clone(),
                        detail: None,
                    },
                }
            }
        }
    };
}

chibo::for_each_error_kind!(refusal_kinds);

/// A refusal as a value: why a device record became a merge conflict, or a batch stopped.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Refusal {
    /// The stable code, e.g. `vote.not_eligible`.
    pub code: String,
    /// Its kind.
    pub kind: ErrorKind,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
    /// The structured fields, as a JSON object.
    pub fields: String,
    /// The core's refusal, typed (`None` for the journal file's own, `store.*`).
    pub detail: Option<chibo::Error>,
}

/// Fields as JSON text; a refusal's fields are plain values, so this cannot fail in practice,
/// and an empty object would stand in if it did.
fn json_fields(fields: &impl serde::Serialize) -> String {
    serde_json::to_string(fields).unwrap_or_else(|_| "{}".to_owned())
}

impl From<&chibo::Error> for Refusal {
    fn from(error: &chibo::Error) -> Self {
        ChiboError::from(error.clone()).refusal()
    }
}

impl From<&StoreError> for Refusal {
    fn from(error: &StoreError) -> Self {
        match error {
            StoreError::Core(core) => core.into(),
            other => Self {
                code: other.code().to_owned(),
                kind: ErrorKind::Store,
                message_vi: other.message_vi(),
                message_en: other.message_en(),
                fields: json_fields(other),
                detail: None,
            },
        }
    }
}

impl From<StoreError> for ChiboError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Core(core) => core.into(),
            other => Self::Store {
                code: other.code().to_owned(),
                message_vi: other.message_vi(),
                message_en: other.message_en(),
                fields: json_fields(&other),
            },
        }
    }
}

/// `input.malformed` with the reader's explanation: a text the binding could not read (a date in
/// a Swift string, a report's JSON).
pub(crate) fn malformed(detail: impl std::fmt::Display) -> ChiboError {
    chibo::error::InputError::malformed(detail).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chibo::error::{Ineligibility, VoteError};
    use std::path::PathBuf;

    #[test]
    fn a_core_refusal_keeps_its_kind_code_messages_and_fields() {
        let core: chibo::Error = VoteError::NotEligible {
            member: "x1-07".into(),
            reason: Ineligibility::Probationary,
        }
        .into();
        let ChiboError::Vote {
            code,
            message_vi,
            message_en,
            fields,
            detail,
        } = ChiboError::from(core.clone())
        else {
            unreachable!("a vote refusal crosses as ChiboError::Vote")
        };
        assert_eq!(code, "vote.not_eligible");
        assert!(matches!(
            detail,
            VoteError::NotEligible {
                reason: Ineligibility::Probationary,
                ..
            }
        ));
        assert_eq!(message_vi, core.message_vi());
        assert_eq!(message_en, core.message_en());
        let fields: serde_json::Value = serde_json::from_str(&fields).unwrap_or_default();
        assert_eq!(fields.get("member").and_then(|m| m.as_str()), Some("x1-07"));
    }

    #[test]
    fn a_store_refusal_is_its_own_kind_and_a_wrapped_core_one_keeps_the_core_kind() {
        let locked = StoreError::Locked {
            path: PathBuf::from("/data/nga-truong.jsonl"),
        };
        let refusal = Refusal::from(&locked);
        assert_eq!(refusal.kind, ErrorKind::Store);
        assert_eq!(refusal.code, "store.locked");
        assert!(refusal.fields.contains("nga-truong.jsonl"));
        let wrapped = StoreError::Core(chibo::Error::from(chibo::error::InputError::Malformed {
            detail: "x".into(),
        }));
        assert!(matches!(
            ChiboError::from(wrapped),
            ChiboError::Input { code, .. } if code == "input.malformed"
        ));
    }
}
