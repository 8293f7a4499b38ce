//! Checks on free text from callers: required texts hold something visible, no text holds a
//! control character, and no text is unboundedly long.

use crate::error::InputError;
use crate::ids::CodePoint;

/// The longest free text the library keeps in one field, in characters. This is a technical bound
/// that keeps journals and memory in proportion, not a rule of the party: long documents are
/// attached by reference, not pasted.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Characters that print as nothing: zero-width spaces and joiners, direction marks and
/// overrides, the byte-order mark, the soft hyphen, word joiners and the Hangul fillers (the
/// format characters, category Cf, of Unicode 15 that occur in text, and the blank letters).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Refuses a required text with nothing visible in it (empty, blank, or only invisible
/// characters), one with a control character, or one longer than [`MAX_TEXT_CHARS`].
pub(crate) fn required(field: &str, value: &str) -> Result<(), InputError> {
    bounded(field, value)?;
    if value.chars().all(is_invisible) {
        return Err(InputError::Empty {
            field: field.to_owned(),
        });
    }
    Ok(())
}

/// Refuses a text longer than [`MAX_TEXT_CHARS`], or holding a control character other than tab,
/// line feed and carriage return (a NUL, an escape…).
pub(crate) fn bounded(field: &str, value: &str) -> Result<(), InputError> {
    // Byte length bounds character count from above, so most texts need no counting.
    if value.len() > MAX_TEXT_CHARS {
        let length = value.chars().count();
        if length > MAX_TEXT_CHARS {
            return Err(InputError::TooLong {
                field: field.to_owned(),
                length: crate::count(length),
                max: crate::count(MAX_TEXT_CHARS),
            });
        }
    }
    if !may_hold_control(value) {
        return Ok(());
    }
    let control = value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    match control {
        Some((index, c)) => Err(InputError::BadCharacter {
            field: field.to_owned(),
            character: CodePoint(c),
            position: crate::count(index + 1),
        }),
        None => Ok(()),
    }
}

/// Whether `value` may hold a control character other than tab, line feed and carriage return,
/// judged from its UTF-8 bytes: C0 controls and DEL are single bytes, C1 controls (U+0080 to
/// U+009F) are `0xC2` followed by `0x80..=0x9F`. A quick scan that spares decoding characters.
fn may_hold_control(value: &str) -> bool {
    let bytes = value.as_bytes();
    // First a scan for any byte that could start one (or be a tab or a line break), 32 bytes at a
    // time without a branch per byte; most texts have none and stop here.
    let suspect = |b: u8| b < 0x20 || b == 0x7f || b == 0xc2;
    let mut chunks = bytes.chunks_exact(32);
    let flagged = chunks
        .by_ref()
        .any(|chunk| chunk.iter().fold(false, |seen, &b| seen | suspect(b)));
    if !flagged && !chunks.remainder().iter().any(|&b| suspect(b)) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// Refuses an empty list.
pub(crate) fn non_empty<T>(field: &str, values: &[T]) -> Result<(), InputError> {
    if values.is_empty() {
        Err(InputError::Empty {
            field: field.to_owned(),
        })
    } else {
        Ok(())
    }
}

/// Checks every text of a list with [`required`].
pub(crate) fn all_required(field: &str, values: &[String]) -> Result<(), InputError> {
    values.iter().try_for_each(|v| required(field, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_required_text_must_show_something() {
        assert!(required("name", "Nguyễn Văn An").is_ok());
        for blank in [
            "",
            "   ",
            "\u{200b}\u{200b}",
            "\u{feff}",
            "\u{202e}",
            "\t\n",
        ] {
            assert!(
                matches!(required("name", blank), Err(InputError::Empty { .. })),
                "{blank:?}"
            );
        }
        assert!(matches!(
            required("name", "\0"),
            Err(InputError::BadCharacter { position: 1, .. })
        ));
        assert!(matches!(
            bounded("note", "a\u{1b}[31m"),
            Err(InputError::BadCharacter { position: 2, .. })
        ));
        assert!(bounded("note", "hai dòng\nvà tab\t").is_ok());
    }

    #[test]
    fn the_byte_scan_sees_every_control_character() {
        // Every character of the first planes (all controls are below U+00A0), alone and
        // between letters: the quick scan must never miss one `char::is_control` sees.
        for c in ('\0'..='\u{3000}').chain(['\u{feff}', '\u{1f600}']) {
            let forbidden = c.is_control() && !matches!(c, '\t' | '\n' | '\r');
            // Short texts, and a character at each place of a long one: in the 32-byte blocks
            // the scan reads first, across their edges, and in the tail after them.
            let long = |at: usize| format!("{}{c}{}", "ă".repeat(at), "b".repeat(70 - at));
            let placed = if c < '\u{200}' {
                (0..70).collect()
            } else {
                vec![]
            };
            let texts = [c.to_string(), format!("ă{c}b")];
            for text in texts.into_iter().chain(placed.into_iter().map(long)) {
                assert_eq!(
                    bounded("note", &text).is_err(),
                    forbidden,
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
    }
}
