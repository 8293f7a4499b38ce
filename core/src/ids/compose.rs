//! One spelling per Latin letter: a letter typed with combining accents (Unikey's "Unicode tổ
//! hợp", macOS file names) is put in its precomposed form, as Unicode's NFC does, so that
//! `nguyễn-01` typed either way is one id. The table (`build.rs`) holds every precomposed Latin
//! letter; combining marks on anything else are left as they are (and an id holding one is
//! refused).

include!(concat!(env!("OUT_DIR"), "/latin_nfc.rs"));

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

fn class(mark: char) -> u8 {
    let index = u32::from(mark).saturating_sub(0x300);
    usize::try_from(index)
        .ok()
        .and_then(|i| MARK_CLASS.get(i))
        .copied()
        .unwrap_or(0)
}

/// The base letter and marks of a precomposed Latin letter.
fn decomposed(c: char) -> Option<(char, &'static [char])> {
    LATIN
        .iter()
        .find(|(letter, _, _)| *letter == c)
        .map(|(_, base, marks)| (*base, *marks))
}

/// The precomposed letter of a base letter and marks in canonical order.
fn composed(base: char, marks: &[char]) -> Option<char> {
    LATIN
        .binary_search_by(|(_, b, m)| (*b, *m).cmp(&(base, marks)))
        .ok()
        .and_then(|i| LATIN.get(i))
        .map(|(letter, _, _)| *letter)
}

/// Whether `text` has no combining accent to precompose (ASCII text always).
pub(super) fn is_composed(text: &str) -> bool {
    text.is_ascii() || !text.chars().any(is_mark)
}

/// `text` with every Latin letter followed by combining accents precomposed (ASCII text, and text
/// without combining accents, come back as they are).
pub(super) fn compose(text: String) -> String {
    if is_composed(&text) {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = chars.as_slice();
    while let Some((&c, tail)) = rest.split_first() {
        let following = tail.iter().take_while(|m| is_mark(**m)).count();
        let (added, after) = tail.split_at(following);
        rest = after;
        if added.is_empty() {
            out.push(c);
            continue;
        }
        let (base, own) = decomposed(c).unwrap_or((c, &[]));
        let mut marks: Vec<char> = own.iter().chain(added).copied().collect();
        // Canonical order: by combining class, keeping the typed order within a class.
        marks.sort_by_key(|m| class(*m));
        match composed(base, &marks) {
            Some(letter) => out.push(letter),
            None => {
                out.push(c);
                out.extend(added);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::compose;
    use unicode_normalization::UnicodeNormalization;

    /// The table agrees with Unicode's own NFC for every Vietnamese letter and every precomposed
    /// Latin letter, however its accents were typed.
    #[test]
    fn latin_letters_compose_as_nfc_does() {
        let vietnamese =
            "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        let all: String = vietnamese
            .chars()
            .chain(vietnamese.to_uppercase().chars())
            .chain(
                (0xC0..=0x24F)
                    .chain(0x1E00..=0x1EFF)
                    .filter_map(char::from_u32),
            )
            .collect();
        for letter in all.chars() {
            let nfc: String = letter.to_string().nfc().collect();
            let nfd: String = letter.to_string().nfd().collect();
            if nfd
                .chars()
                .skip(1)
                .all(|m| ('\u{300}'..='\u{36F}').contains(&m))
                && nfd.chars().next().is_some_and(|b| b.is_ascii_alphabetic())
            {
                assert_eq!(compose(nfd.clone()), nfc, "{letter} typed as {nfd:?}");
            }
        }
        // Partly composed (ê then a combining acute), and a whole id.
        assert_eq!(compose("e\u{302}\u{301}".to_owned()), "ế");
        assert_eq!(compose("\u{ea}\u{301}".to_owned()), "ế");
        assert_eq!(compose("o\u{323}\u{302}".to_owned()), "ộ");
        assert_eq!(compose("o\u{302}\u{323}".to_owned()), "ộ");
        assert_eq!(compose("nguye\u{302}\u{303}n-01".to_owned()), "nguyễn-01");
        // Marks on something that is not a Latin letter stay.
        assert_eq!(compose("x\u{20dd}".to_owned()), "x\u{20dd}");
        assert_eq!(compose("1\u{301}".to_owned()), "1\u{301}");
    }
}
