//! What makes an id well formed: one check, applied to every id a command names.

use serde::Serialize;
use std::fmt;

/// The longest id, in characters. A technical bound (ids are codes, not names), not a rule of
/// the party; names and texts live in their own fields.
pub const MAX_ID_CHARS: usize = 64;

/// Why a string is not a well-formed id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum IdProblem {
    /// Nothing at all.
    Empty,
    /// Longer than [`MAX_ID_CHARS`] characters.
    TooLong {
        /// Its length in characters.
        length: u32,
    },
    /// Starts with something other than a letter or digit (`-`, `_` or `.`).
    BadStart,
    /// Holds a character ids may not hold: a space, a control or format character, punctuation
    /// other than `-`, `_`, `.`.
    BadCharacter {
        /// The character, as `U+XXXX`.
        character: CodePoint,
        /// Its position, counted in characters from 1.
        position: u32,
    },
}

/// A character shown by its code point, so that an invisible one can be read in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePoint(pub char);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", u32::from(self.0))
    }
}

impl Serialize for CodePoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn allowed(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// The bytes an id may hold in its ASCII form (letters, digits, `-`, `_`, `.`), as a table:
/// one load per byte in the check every id of every command goes through.
#[allow(clippy::indexing_slicing)] // `at` stays below 256, the table's length
const ID_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut at = 0;
    while at < 256 {
        let byte = at as u8;
        table[at] = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.');
        at += 1;
    }
    table
};

/// Whether `byte` is one of [`ID_BYTES`].
fn is_id_byte(byte: u8) -> bool {
    ID_BYTES.get(usize::from(byte)).copied().unwrap_or(false)
}

impl IdProblem {
    /// Checks an id (already in NFC form): `None` when it is well formed.
    pub fn of(id: &str) -> Option<Self> {
        // Most ids are short ASCII codes: checked byte by byte without decoding characters.
        if id.len() <= MAX_ID_CHARS
            && id.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
            && id.bytes().all(is_id_byte)
        {
            return None;
        }
        let mut chars = id.chars();
        let first = chars.next()?;
        if !first.is_alphanumeric() {
            return Some(if allowed(first) {
                Self::BadStart
            } else {
                Self::BadCharacter {
                    character: CodePoint(first),
                    position: 1,
                }
            });
        }
        let mut length: u32 = 1;
        for c in chars {
            length += 1;
            if !allowed(c) {
                return Some(Self::BadCharacter {
                    character: CodePoint(c),
                    position: length,
                });
            }
        }
        (length > crate::count(MAX_ID_CHARS)).then_some(Self::TooLong { length })
    }

    /// [`IdProblem::of`], naming an empty id too.
    pub fn check(id: &str) -> Result<(), Self> {
        if id.is_empty() {
            return Err(Self::Empty);
        }
        Self::of(id).map_or(Ok(()), Err)
    }

    /// What is wrong, in English.
    pub fn en(self) -> String {
        match self {
            Self::Empty => "it is empty".to_owned(),
            Self::TooLong { length } => {
                format!("it is {length} characters long, and an id has at most {MAX_ID_CHARS}")
            }
            Self::BadStart => "it must start with a letter or a digit".to_owned(),
            Self::BadCharacter {
                character,
                position,
            } => format!(
                "character {position} is {character}; an id holds only letters, digits, `-`, `_` and `.`"
            ),
        }
    }

    /// What is wrong, in Vietnamese.
    pub fn vi(self) -> String {
        match self {
            Self::Empty => "mã đang để trống".to_owned(),
            Self::TooLong { length } => {
                format!("mã dài {length} ký tự, tối đa là {MAX_ID_CHARS}")
            }
            Self::BadStart => "mã phải bắt đầu bằng chữ cái hoặc chữ số".to_owned(),
            Self::BadCharacter {
                character,
                position,
            } => format!(
                "ký tự thứ {position} là {character}; mã chỉ gồm chữ cái, chữ số, `-`, `_` và `.`"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_visible_codes() {
        for good in ["x1-bt", "m-2025-03", "nguyễn-01", "dv.0012", "a_b", "7"] {
            assert_eq!(IdProblem::check(good), Ok(()), "{good}");
        }
        assert_eq!(IdProblem::check(""), Err(IdProblem::Empty));
        assert_eq!(IdProblem::check("-x"), Err(IdProblem::BadStart));
        let long = "a".repeat(MAX_ID_CHARS + 1);
        assert_eq!(
            IdProblem::check(&long),
            Err(IdProblem::TooLong {
                length: crate::count(MAX_ID_CHARS) + 1
            })
        );
        assert!(IdProblem::check(&"a".repeat(MAX_ID_CHARS)).is_ok());
        for (bad, at) in [
            (" ", 1),
            ("a b", 2),
            ("a\n", 2),
            ("a\0", 2),
            ("ab\u{202e}c", 3),
            ("\u{200b}", 1),
            ("a\u{feff}", 2),
            ("a/b", 2),
        ] {
            assert!(
                matches!(IdProblem::check(bad), Err(IdProblem::BadCharacter { position, .. }) if position == at),
                "{bad:?}"
            );
        }
        assert_eq!(
            IdProblem::check("ab\u{202e}c").map_err(IdProblem::en),
            Err(
                "character 3 is U+202E; an id holds only letters, digits, `-`, `_` and `.`"
                    .to_owned()
            )
        );
    }
}
