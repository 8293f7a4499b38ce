//! Refusals as they cross to Kotlin and Swift: [`ChiboError`] (thrown) and [`Refusal`] (a value,
//! as in a merge's conflicts). Both keep the core's stable code, both messages and the fields.

use chibo::Refusal as _;
use chibo_store::StoreError;

/// Declares the refusal kinds once: the thrown [`ChiboError`] (one variant per kind, each with
/// the same four fields), the [`ErrorKind`] enum and the conversion from a [`Refusal`] value.
macro_rules! refusal_kinds {
    ($($(#[doc = $doc:literal])* $kind:ident => $codes:literal,)*) => {
        /// A refusal of the core or of the journal file: one variant per kind of refusal, so an
        /// app can catch, say, `ChiboException.Vote` (Kotlin) or `ChiboError.Vote` (Swift) and
        /// read `code` (`vote.not_eligible`). Every variant carries the core's stable `code`, the
        /// message in Vietnamese (`message_vi`) and English (`message_en`), and the structured
        /// `fields` as JSON text (`{"member": "x1-07", "reason": "probationary"}`). A refused
        /// command changes nothing.
        #[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
        pub enum ChiboError {
            $(
                $(#[doc = $doc])*
                #[error("{code}: {message_en}")]
                $kind {
                    /// The stable code.
                    code: String,
                    /// The message in Vietnamese.
                    message_vi: String,
                    /// The message in English.
                    message_en: String,
                    /// The structured fields, as a JSON object.
                    fields: String,
                },
            )*
        }

        /// The kind of a refusal, one per concern of the core, and `Store` for the journal file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
        pub enum ErrorKind {
            $(
                #[doc = $codes]
                $kind,
            )*
        }

        impl From<Refusal> for ChiboError {
            fn from(r: Refusal) -> Self {
                let Refusal { code, kind, message_vi, message_en, fields } = r;
                match kind {
                    $(ErrorKind::$kind => Self::$kind { code, message_vi, message_en, fields },)*
                }
            }
        }
    };
}

refusal_kinds! {
    /// A named record does not exist, or an id is already taken (`lookup.*`).
    Lookup => "`lookup.*`",
    /// The actor may not take this step (`permission.*`).
    Permission => "`permission.*`",
    /// The step is out of order for the record's state (`transition.*`).
    Transition => "`transition.*`",
    /// The organisation's rules would be broken (`organisation.*`).
    Organisation => "`organisation.*`",
    /// The meeting's preparation is incomplete or wrong (`preparation.*`).
    Preparation => "`preparation.*`",
    /// The meeting as recorded breaks the rules (`meeting.*`).
    Meeting => "`meeting.*`",
    /// The vote cannot be counted as given (`vote.*`, e.g. `vote.not_eligible`).
    Vote => "`vote.*`",
    /// The task assignment breaks the rules (`assignment.*`).
    Assignment => "`assignment.*`",
    /// A report on a task breaks the rules (`report.*`).
    Report => "`report.*`",
    /// An inspection breaks the rules (`inspection.*`).
    Inspection => "`inspection.*`",
    /// A remediation step breaks the rules (`remediation.*`).
    Remediation => "`remediation.*`",
    /// A value is empty, too long or malformed, including JSON text that is not a command
    /// (`input.*`).
    Input => "`input.*`",
    /// A journal cannot be read, does not verify, or holds a refused event (`journal.*`).
    Journal => "`journal.*`",
    /// The journal file could not be used: `store.locked` (open elsewhere), `store.exists`,
    /// `store.io`, `store.replaced`, `store.closed`, `store.poisoned`.
    Store => "`store.*`",
}

/// A refusal as a value: why a device record became a merge conflict.
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
}

impl From<&chibo::Error> for Refusal {
    fn from(error: &chibo::Error) -> Self {
        Self {
            code: error.code().to_owned(),
            kind: error.kind().into(),
            message_vi: error.message_vi(),
            message_en: error.message_en(),
            fields: serde_json::to_string(&error.fields()).unwrap_or_else(|_| "{}".to_owned()),
        }
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
                fields: serde_json::to_string(other).unwrap_or_else(|_| "{}".to_owned()),
            },
        }
    }
}

impl From<chibo::ErrorKind> for ErrorKind {
    fn from(kind: chibo::ErrorKind) -> Self {
        match kind {
            chibo::ErrorKind::Lookup => Self::Lookup,
            chibo::ErrorKind::Permission => Self::Permission,
            chibo::ErrorKind::Transition => Self::Transition,
            chibo::ErrorKind::Organisation => Self::Organisation,
            chibo::ErrorKind::Preparation => Self::Preparation,
            chibo::ErrorKind::Meeting => Self::Meeting,
            chibo::ErrorKind::Vote => Self::Vote,
            chibo::ErrorKind::Assignment => Self::Assignment,
            chibo::ErrorKind::Report => Self::Report,
            chibo::ErrorKind::Inspection => Self::Inspection,
            chibo::ErrorKind::Remediation => Self::Remediation,
            chibo::ErrorKind::Input => Self::Input,
            chibo::ErrorKind::Journal => Self::Journal,
        }
    }
}

impl From<chibo::Error> for ChiboError {
    fn from(error: chibo::Error) -> Self {
        Refusal::from(&error).into()
    }
}

impl From<StoreError> for ChiboError {
    fn from(error: StoreError) -> Self {
        Refusal::from(&error).into()
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
        } = ChiboError::from(core.clone())
        else {
            unreachable!("a vote refusal crosses as ChiboError::Vote")
        };
        assert_eq!(code, "vote.not_eligible");
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
