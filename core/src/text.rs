//! Checks on free text from callers: required texts are not blank, and no text is unboundedly long.

use crate::error::InputError;

/// The longest free text the library keeps in one field, in characters. This is a technical bound
/// that keeps journals and memory in proportion, not a rule of the party: long documents are
/// attached by reference, not pasted.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Refuses an empty (or blank) required text, or one longer than [`MAX_TEXT_CHARS`].
pub(crate) fn required(field: &str, value: &str) -> Result<(), InputError> {
    if value.trim().is_empty() {
        return Err(InputError::Empty {
            field: field.to_owned(),
        });
    }
    bounded(field, value)
}

/// Refuses a text longer than [`MAX_TEXT_CHARS`].
pub(crate) fn bounded(field: &str, value: &str) -> Result<(), InputError> {
    // Byte length bounds character count from above, so most texts need no counting.
    if value.len() > MAX_TEXT_CHARS {
        let length = value.chars().count();
        if length > MAX_TEXT_CHARS {
            return Err(InputError::TooLong {
                field: field.to_owned(),
                length,
                max: MAX_TEXT_CHARS,
            });
        }
    }
    Ok(())
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
