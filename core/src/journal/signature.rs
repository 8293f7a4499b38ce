//! Ed25519 signatures over journal events and key proofs (docs/journal.md, *Signatures*).
//!
//! Pure: signing takes the 32-byte secret key as an argument; where the key comes from (platform
//! randomness) and where it is kept (a key store) is the caller's business. What is signed is
//! always a domain prefix followed by the bytes, never the bytes alone, so a signature made for
//! one purpose cannot be passed off as one for another:
//!
//! ```text
//!   event:     "chibo/event/v1\n" ‖ the event's JSON as it stands in the line
//!   key proof: "chibo/key/v1\n"   ‖ member id ‖ "\n" ‖ public key (64 lowercase hex)
//! ```

use crate::command::{Command, Event};
use crate::error::{Error, InputError};
use crate::ids::MemberId;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What precedes an event's bytes in the message signed for it.
pub const EVENT_DOMAIN: &[u8] = b"chibo/event/v1\n";

/// What precedes a member id and a public key in the proof that the member holds the key.
pub const KEY_DOMAIN: &[u8] = b"chibo/key/v1\n";

/// A member's Ed25519 public key: 32 bytes, written as 64 lowercase hex characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey(pub [u8; 32]);

/// An Ed25519 signature: 64 bytes, written as 128 lowercase hex characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature(pub [u8; 64]);

impl PublicKey {
    /// The public key of a 32-byte secret key.
    pub fn of_secret(secret: &[u8; 32]) -> Self {
        Self(SigningKey::from_bytes(secret).verifying_key().to_bytes())
    }

    /// Whether `signature` is this key's signature over the event whose JSON (as it stands in the
    /// journal line) is `event_json`. Strict verification: a malleable signature or a weak key
    /// does not verify.
    pub fn verifies_event(&self, event_json: &[u8], signature: &Signature) -> bool {
        self.verifies(&event_message(event_json), signature)
    }

    /// Whether `proof` shows that `member` holds the secret of this key.
    pub fn verifies_proof(&self, member: &MemberId, proof: &Signature) -> bool {
        self.verifies(&key_message(member, self), proof)
    }

    fn verifies(&self, message: &[u8], signature: &Signature) -> bool {
        let Ok(key) = VerifyingKey::from_bytes(&self.0) else {
            return false;
        };
        key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&signature.0))
            .is_ok()
    }
}

/// The message signed for an event: [`EVENT_DOMAIN`], then the event's JSON bytes.
pub fn event_message(event_json: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(EVENT_DOMAIN.len() + event_json.len());
    message.extend_from_slice(EVENT_DOMAIN);
    message.extend_from_slice(event_json);
    message
}

/// The message a member signs with a new key to show they hold it: [`KEY_DOMAIN`], the member
/// id, a line feed, the key in hex.
pub fn key_message(member: &MemberId, key: &PublicKey) -> Vec<u8> {
    let mut message = KEY_DOMAIN.to_vec();
    message.extend_from_slice(member.as_str().as_bytes());
    message.push(b'\n');
    message.extend_from_slice(hex(&key.0).as_bytes());
    message
}

/// The JSON of a command's event exactly as the journal writes it: the bytes its signature covers.
pub fn event_json(command: &Command) -> Result<String, Error> {
    serde_json::to_string(&Event(command.clone())).map_err(InputError::malformed)
}

/// The exact bytes an actor signs for a command ([`EVENT_DOMAIN`], then the event's JSON as the
/// journal will write it): what a key kept outside the library (a platform key store, WebCrypto,
/// a hardware key) signs for [`super::Journal::execute_signed`].
pub fn signing_message(command: &Command) -> Result<Vec<u8>, Error> {
    Ok(event_message(event_json(command)?.as_bytes()))
}

/// A 32-byte secret key as a caller gave it; another length is `input.malformed` naming it.
pub fn secret_key(bytes: &[u8]) -> Result<[u8; 32], Error> {
    <[u8; 32]>::try_from(bytes).map_err(|_| {
        InputError::malformed(format!(
            "an Ed25519 secret key is 32 bytes, not {}",
            bytes.len()
        ))
    })
}

/// Signs a command with the actor's 32-byte secret key, for [`super::Journal::execute_signed`].
pub fn sign_command(secret: &[u8; 32], command: &Command) -> Result<Signature, Error> {
    Ok(sign_message(secret, &signing_message(command)?))
}

/// The proof that `member` holds the secret key `secret`, for `register_key` and `rotate_key`.
pub fn sign_key_proof(secret: &[u8; 32], member: &MemberId) -> Signature {
    sign_message(secret, &key_message(member, &PublicKey::of_secret(secret)))
}

fn sign_message(secret: &[u8; 32], message: &[u8]) -> Signature {
    Signature(SigningKey::from_bytes(secret).sign(message).to_bytes())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// Reads exactly `N` bytes from `2 N` lowercase hex characters.
fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let bytes = text.as_bytes();
    if bytes.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let digit = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let (high, low) = match pair {
            [high, low] => (digit(*high)?, digit(*low)?),
            _ => return None,
        };
        *slot = (high << 4) | low;
    }
    Some(out)
}

macro_rules! hex_bytes {
    ($Type:ident, $n:literal, $hex:literal, $what:literal) => {
        impl $Type {
            /// The lowercase hexadecimal form.
            pub fn to_hex(&self) -> String {
                hex(&self.0)
            }

            /// Reads the lowercase hexadecimal form; anything else is `None`.
            pub fn from_hex(text: &str) -> Option<Self> {
                from_hex::<$n>(text).map(Self)
            }

            /// Reads the lowercase hexadecimal form a caller gave; anything else is
            /// `input.malformed` saying what the form is.
            pub fn parse_hex(text: &str) -> Result<Self, Error> {
                Self::from_hex(text).ok_or_else(|| InputError::malformed($what))
            }
        }

        impl fmt::Display for $Type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.to_hex())
            }
        }

        impl fmt::Debug for $Type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($Type), self.to_hex())
            }
        }

        impl Serialize for $Type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.to_hex())
            }
        }

        impl<'de> Deserialize<'de> for $Type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::from_hex(&text).ok_or_else(|| serde::de::Error::custom($what))
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $Type {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($Type).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": concat!("^[0-9a-f]{", stringify!($hex), "}$"),
                    "description": $what,
                })
            }
        }
    };
}

hex_bytes!(
    PublicKey,
    32,
    64,
    "an Ed25519 public key is 64 lowercase hexadecimal characters"
);
hex_bytes!(
    Signature,
    64,
    128,
    "an Ed25519 signature is 128 lowercase hexadecimal characters"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_its_own_message_and_key() {
        let secret = [7u8; 32];
        let key = PublicKey::of_secret(&secret);
        let other = PublicKey::of_secret(&[8u8; 32]);
        let signature = sign_message(&secret, &event_message(b"{\"a\":1}"));
        assert!(key.verifies_event(b"{\"a\":1}", &signature));
        assert!(!key.verifies_event(b"{\"a\":2}", &signature));
        assert!(!other.verifies_event(b"{\"a\":1}", &signature));
        let member = MemberId::from("x1-01");
        let proof = sign_key_proof(&secret, &member);
        assert!(key.verifies_proof(&member, &proof));
        assert!(!key.verifies_proof(&MemberId::from("x1-02"), &proof));
        // The domains keep apart: a proof is not an event signature over the same tail.
        let tail = key_message(&member, &key)
            .get(KEY_DOMAIN.len()..)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        assert!(!key.verifies_event(&tail, &proof));
    }

    #[test]
    fn hex_round_trips_and_rejects_other_forms() {
        let signature = Signature([0xa5; 64]);
        assert_eq!(Signature::from_hex(&signature.to_hex()), Some(signature));
        assert_eq!(Signature::from_hex(&"A5".repeat(64)), None);
        assert_eq!(PublicKey::from_hex(&"ab".repeat(31)), None);
        assert_eq!(PublicKey([0x0f; 32]).to_hex(), "0f".repeat(32));
    }
}
