//! SHA-256 digests as the journal writes them: 64 lowercase hexadecimal characters.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A SHA-256 digest.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Digest(pub [u8; 32]);

/// The `prev` of the first record: 64 zeros.
pub const GENESIS: Digest = Digest([0; 32]);

impl Digest {
    /// The 64-character lowercase hexadecimal form.
    pub fn to_hex(&self) -> String {
        self.with_hex(str::to_owned)
    }

    /// Gives the hexadecimal form to `use_it` from a buffer on the stack (no allocation: a
    /// record's `prev` and `hash` are written with every command).
    pub(crate) fn with_hex<R>(&self, use_it: impl FnOnce(&str) -> R) -> R {
        let mut out = [0u8; 64];
        self.write_hex(&mut out);
        // `write_hex` writes ASCII digits and letters only, so the text is always UTF-8.
        use_it(std::str::from_utf8(&out).unwrap_or_default())
    }

    /// Writes the 64-character lowercase hexadecimal form into `out`.
    pub fn write_hex(&self, out: &mut [u8; 64]) {
        for (pair, byte) in out.chunks_exact_mut(2).zip(self.0) {
            for (slot, nibble) in pair.iter_mut().zip([byte >> 4, byte & 0x0f]) {
                *slot = if nibble < 10 {
                    b'0' + nibble
                } else {
                    b'a' + nibble - 10
                };
            }
        }
    }

    /// Reads the 64-character lowercase hexadecimal form; anything else is `None`.
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        // Any byte that is not a lowercase hex digit sets the high bit of `bad`: one test at
        // the end instead of one per character.
        let mut bad = 0u8;
        for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            let (high, low) = match pair {
                [high, low] => (nibble(*high), nibble(*low)),
                _ => return None,
            };
            bad |= high | low;
            *slot = (high << 4) | (low & 0x0f);
        }
        (bad & INVALID == 0).then_some(Self(out))
    }
}

/// What [`nibble`] gives a byte that is not a lowercase hexadecimal digit.
const INVALID: u8 = 0x80;

/// Each byte's value as a lowercase hexadecimal digit, or [`INVALID`].
#[allow(clippy::indexing_slicing)] // a digit's byte is below 256, the table's length
const NIBBLES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut digit = 0;
    while digit < 16 {
        let c = if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        };
        table[c as usize] = digit;
        digit += 1;
    }
    table
};

fn nibble(c: u8) -> u8 {
    NIBBLES.get(usize::from(c)).copied().unwrap_or(INVALID)
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({})", self.to_hex())
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with_hex(|hex| serializer.serialize_str(hex))
    }
}

/// 64 lowercase hexadecimal characters.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Digest {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Digest".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9a-f]{64}$" })
    }
}

/// Reads a digest from the text the deserializer lends (a line's `prev` and `hash`), without
/// copying it into a `String` first.
struct HexVisitor;

impl serde::de::Visitor<'_> for HexVisitor {
    type Value = Digest;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Digest, E> {
        Digest::from_hex(text)
            .ok_or_else(|| E::custom("a hash is 64 lowercase hexadecimal characters"))
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(HexVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_uppercase_and_wrong_length() {
        let digest = Digest([0xab; 32]);
        assert_eq!(Digest::from_hex(&digest.to_hex()), Some(digest));
        assert_eq!(Digest::from_hex(&"AB".repeat(32)), None);
        assert_eq!(Digest::from_hex("abab"), None);
        // Every byte that is not a lowercase hex digit, in every place.
        let hex = digest.to_hex();
        for bad in (0..=255u8).filter(|c| !matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
            for at in [0, 1, 31, 63] {
                let mut text = hex.clone().into_bytes();
                text[at] = bad;
                let text = String::from_utf8_lossy(&text).into_owned();
                assert_eq!(Digest::from_hex(&text), None, "{bad:#x} at {at}");
            }
        }
        // Read from JSON, escaped or not, and refused in a string of another length.
        let json = format!("\"{hex}\"");
        assert_eq!(serde_json::from_str::<Digest>(&json).ok(), Some(digest));
        let escaped = format!("\"\\u0061{}\"", &hex[1..]);
        assert_eq!(serde_json::from_str::<Digest>(&escaped).ok(), Some(digest));
        assert!(serde_json::from_str::<Digest>("\"abab\"").is_err());
        assert!(serde_json::from_str::<Digest>("5").is_err());
        assert_eq!(GENESIS.to_hex(), "0".repeat(64));
        let mut out = [0u8; 64];
        digest.write_hex(&mut out);
        assert_eq!(out.as_slice(), digest.to_hex().as_bytes());
    }
}
