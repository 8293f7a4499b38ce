use super::declare::refusals;
use crate::ids::{CodePoint, IdProblem};

refusals! {
    /// A value in the input is empty, too long, out of range or malformed (`input.*`).
    pub enum InputError {
        /// A required text is empty (or holds only spaces and invisible characters).
        "input.empty" Empty {
            /// The field.
            field: String,
        } => en("`{field}` is empty: fill it in."),
           vi("Mục `{field}` đang để trống: hãy điền vào.");
        /// A text is longer than the library keeps.
        "input.too_long" TooLong {
            /// The field.
            field: String,
            /// Its length in characters.
            length: u32,
            /// The most allowed.
            max: u32,
        } => en("`{field}` is {length} characters long; at most {max} are kept: shorten it or attach it as a document."),
           vi("Mục `{field}` dài {length} ký tự; chỉ lưu tối đa {max}: hãy rút gọn hoặc đính kèm thành tài liệu.");
        /// An id is not a short visible code.
        "input.invalid_id" InvalidId {
            /// The kind of record the id names (`member`, `cell`…).
            field: String,
            /// The id as given, shortened and with invisible characters escaped.
            id: String,
            /// What is wrong with it, flattened into the fields: `problem` is `empty`, `too_long`
            /// (with `length`), `bad_start`, or `bad_character` (with `character` and `position`).
            #[serde(flatten)]
            problem: IdProblem,
        } => en("The {field} id `{id}` cannot be used: {problem}. Ids are short codes such as `xom-1`.",
              problem = problem.en()),
           vi("Không dùng được mã {field} `{id}`: {problem}. Mã là một chuỗi ngắn như `xom-1`.",
              field = super::labels::kind_vi(field), problem = problem.vi());
        /// A text holds a control character (other than tab and newline).
        "input.bad_character" BadCharacter {
            /// The field.
            field: String,
            /// The character.
            character: CodePoint,
            /// Its position, in characters from 1.
            position: u32,
        } => en("`{field}` holds the control character {character} at position {position}: remove it (it is not printable)."),
           vi("Mục `{field}` có ký tự điều khiển {character} ở vị trí {position}: hãy xoá ký tự này (không in ra được).");
        /// A number is outside what the library accepts.
        "input.out_of_range" OutOfRange {
            /// The field.
            field: String,
            /// The value given.
            value: i64,
            /// The least accepted.
            min: i64,
            /// The most accepted.
            max: i64,
        } => en("`{field}` is {value}; it must be from {min} to {max}."),
           vi("Mục `{field}` có giá trị {value}; giá trị phải từ {min} đến {max}.");
        /// The command could not be read at all.
        "input.malformed" Malformed {
            /// What the reader said.
            detail: String,
        } => en("The command could not be read: {detail}"),
           vi("Không đọc được lệnh: {detail}");
        /// For a report query: the query could not be read at all.
        "input.malformed" MalformedQuery {
            /// What the reader said.
            detail: String,
        } => en("The report query could not be read: {detail}"),
           vi("Không đọc được yêu cầu báo cáo: {detail}");
    }
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
            field: field.to_owned(),
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
