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
        for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            let (high, low) = match pair {
                [high, low] => (nibble(*high)?, nibble(*low)?),
                _ => return None,
            };
            *slot = (high << 4) | low;
        }
        Some(Self(out))
    }
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
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

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::from_hex(&text).ok_or_else(|| {
            serde::de::Error::custom("a hash is 64 lowercase hexadecimal characters")
        })
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
        assert_eq!(GENESIS.to_hex(), "0".repeat(64));
        let mut out = [0u8; 64];
        digest.write_hex(&mut out);
        assert_eq!(out.as_slice(), digest.to_hex().as_bytes());
    }
}
