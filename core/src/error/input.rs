use super::Refusal;
use serde::Serialize;

/// A value in the input is empty, too long or malformed (`input.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum InputError {
    /// `input.empty`: a required text is empty.
    #[error("`{field}` is empty: fill it in.")]
    Empty {
        /// The field.
        field: String,
    },
    /// `input.too_long`: a text is longer than the library keeps.
    #[error("`{field}` is {length} characters long; at most {max} are kept: shorten it or attach it as a document.")]
    TooLong {
        /// The field.
        field: String,
        /// Its length in characters.
        length: usize,
        /// The most allowed.
        max: usize,
    },
    /// `input.malformed`: the command could not be read at all.
    #[error("The command could not be read: {detail}")]
    Malformed {
        /// What the reader said.
        detail: String,
    },
}

impl InputError {
    /// `input.malformed` with the reader's explanation (serde's message, say).
    pub fn malformed(detail: impl std::fmt::Display) -> super::Error {
        Self::Malformed {
            detail: detail.to_string(),
        }
        .into()
    }
}

impl Refusal for InputError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "input.empty",
            Self::TooLong { .. } => "input.too_long",
            Self::Malformed { .. } => "input.malformed",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::Empty { field } => format!("Mục `{field}` đang để trống: hãy điền vào."),
            Self::TooLong { field, length, max } => format!(
                "Mục `{field}` dài {length} ký tự; chỉ lưu tối đa {max}: hãy rút gọn hoặc đính kèm thành tài liệu."
            ),
            Self::Malformed { detail } => format!("Không đọc được lệnh: {detail}"),
        }
    }
}
