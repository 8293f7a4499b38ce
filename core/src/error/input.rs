use super::Refusal;
use crate::ids::{CodePoint, IdProblem};
use serde::Serialize;

/// A value in the input is empty, too long, out of range or malformed (`input.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum InputError {
    /// `input.empty`: a required text is empty (or holds only spaces and invisible characters).
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
    /// `input.invalid_id`: an id is not a short visible code.
    #[error("The {field} id `{id}` cannot be used: {}. Ids are short codes such as `xom-1`.", problem.en())]
    InvalidId {
        /// The kind of record the id names (`member`, `cell`…).
        field: &'static str,
        /// The id as given, shortened and with invisible characters escaped.
        id: String,
        /// What is wrong with it.
        #[serde(flatten)]
        problem: IdProblem,
    },
    /// `input.bad_character`: a text holds a control character (other than tab and newline).
    #[error("`{field}` holds the control character {character} at position {position}: remove it (it is not printable).")]
    BadCharacter {
        /// The field.
        field: String,
        /// The character.
        character: CodePoint,
        /// Its position, in characters from 1.
        position: usize,
    },
    /// `input.out_of_range`: a number is outside what the library accepts.
    #[error("`{field}` is {value}; it must be from {min} to {max}.")]
    OutOfRange {
        /// The field.
        field: String,
        /// The value given.
        value: i64,
        /// The least accepted.
        min: i64,
        /// The most accepted.
        max: i64,
    },
    /// `input.malformed`: the command could not be read at all.
    #[error("The command could not be read: {detail}")]
    Malformed {
        /// What the reader said.
        detail: String,
    },
    /// `input.malformed`, for a report query: the query could not be read at all.
    #[error("The report query could not be read: {detail}")]
    MalformedQuery {
        /// What the reader said.
        detail: String,
    },
}

/// The most characters of a bad id a refusal repeats.
const SHOWN_ID_CHARS: usize = 40;

impl InputError {
    /// `input.malformed` for a report query, with the reader's explanation.
    pub fn malformed_query(detail: impl std::fmt::Display) -> super::Error {
        Self::MalformedQuery {
            detail: detail.to_string(),
        }
        .into()
    }

    /// `input.malformed` with the reader's explanation (serde's message, say).
    pub fn malformed(detail: impl std::fmt::Display) -> super::Error {
        Self::Malformed {
            detail: detail.to_string(),
        }
        .into()
    }

    /// `input.invalid_id` for an id of kind `field`.
    pub(crate) fn invalid_id(field: &'static str, id: &str, problem: IdProblem) -> super::Error {
        let mut shown: String = id
            .chars()
            .take(SHOWN_ID_CHARS)
            .flat_map(char::escape_debug)
            .collect();
        if id.chars().nth(SHOWN_ID_CHARS).is_some() {
            shown.push('…');
        }
        Self::InvalidId {
            field,
            id: shown,
            problem,
        }
        .into()
    }

    /// `input.out_of_range` for `value` outside `min..=max`.
    pub(crate) fn out_of_range(
        field: &str,
        value: impl TryInto<i64>,
        min: i64,
        max: i64,
    ) -> super::Error {
        Self::OutOfRange {
            field: field.to_owned(),
            value: value.try_into().unwrap_or(i64::MAX),
            min,
            max,
        }
        .into()
    }
}

impl Refusal for InputError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "input.empty",
            Self::TooLong { .. } => "input.too_long",
            Self::InvalidId { .. } => "input.invalid_id",
            Self::BadCharacter { .. } => "input.bad_character",
            Self::OutOfRange { .. } => "input.out_of_range",
            Self::Malformed { .. } | Self::MalformedQuery { .. } => "input.malformed",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::Empty { field } => format!("Mục `{field}` đang để trống: hãy điền vào."),
            Self::TooLong { field, length, max } => format!(
                "Mục `{field}` dài {length} ký tự; chỉ lưu tối đa {max}: hãy rút gọn hoặc đính kèm thành tài liệu."
            ),
            Self::InvalidId { field, id, problem } => format!(
                "Không dùng được mã {} `{id}`: {}. Mã là một chuỗi ngắn như `xom-1`.",
                super::labels::kind_vi(field),
                problem.vi()
            ),
            Self::BadCharacter { field, character, position } => format!(
                "Mục `{field}` có ký tự điều khiển {character} ở vị trí {position}: hãy xoá ký tự này (không in ra được)."
            ),
            Self::OutOfRange { field, value, min, max } => format!(
                "Mục `{field}` có giá trị {value}; giá trị phải từ {min} đến {max}."
            ),
            Self::Malformed { detail } => format!("Không đọc được lệnh: {detail}"),
            Self::MalformedQuery { detail } => {
                format!("Không đọc được yêu cầu báo cáo: {detail}")
            }
        }
    }
}
