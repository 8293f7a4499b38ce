use super::labels::kind_vi;
use super::Refusal;
use serde::Serialize;

/// A named record does not exist, or an id is taken (`lookup.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum LookupError {
    /// `lookup.unknown`: no record of this kind has this id.
    #[error("There is no {kind} with id `{id}`: check the id.")]
    Unknown {
        /// The kind of record: `cell`, `member`, `meeting`, `task`, …
        kind: String,
        /// The id that was not found.
        id: String,
    },
    /// `lookup.duplicate_id`: the id is already used by another record of this kind.
    #[error("The {kind} id `{id}` is already used: choose another id.")]
    DuplicateId {
        /// The kind of record.
        kind: String,
        /// The id already in use.
        id: String,
    },
}

impl LookupError {
    pub(crate) fn unknown(kind: &str, id: impl std::fmt::Display) -> Self {
        Self::Unknown {
            kind: kind.to_owned(),
            id: id.to_string(),
        }
    }

    pub(crate) fn duplicate(kind: &str, id: impl std::fmt::Display) -> Self {
        Self::DuplicateId {
            kind: kind.to_owned(),
            id: id.to_string(),
        }
    }
}

impl Refusal for LookupError {
    fn code(&self) -> &'static str {
        match self {
            Self::Unknown { .. } => "lookup.unknown",
            Self::DuplicateId { .. } => "lookup.duplicate_id",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::Unknown { kind, id } => {
                format!(
                    "Không tìm thấy {} có mã `{id}`: kiểm tra lại mã.",
                    kind_vi(kind)
                )
            }
            Self::DuplicateId { kind, id } => format!(
                "Mã `{id}` đã được dùng cho một {} khác: hãy chọn mã khác.",
                kind_vi(kind)
            ),
        }
    }
}
