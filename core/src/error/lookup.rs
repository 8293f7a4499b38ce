use super::declare::refusals;
use super::labels::kind_vi;

refusals! {
    /// A named record does not exist, or an id is taken (`lookup.*`).
    pub enum LookupError {
        /// No record of this kind has this id.
        "lookup.unknown" Unknown {
            /// The kind of record: `cell`, `member`, `meeting`, `task`, …
            kind: String,
            /// The id that was not found.
            id: String,
        } => en("There is no {kind} with id `{id}`: check the id."),
           vi("Không tìm thấy {kind} có mã `{id}`: kiểm tra lại mã.", kind = kind_vi(kind));
        /// The id is already used by another record of this kind.
        "lookup.duplicate_id" DuplicateId {
            /// The kind of record.
            kind: String,
            /// The id already in use.
            id: String,
        } => en("The {kind} id `{id}` is already used: choose another id."),
           vi("Mã `{id}` đã được dùng cho một {kind} khác: hãy chọn mã khác.", kind = kind_vi(kind));
    }
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
