//! The key registry and the seal (docs/journal.md, *Signatures*): the payloads of `register_key`,
//! `rotate_key`, `revoke_key` and `seal_journal`. A key is valid from the `at` of the command that
//! registers it until the `at` of the command that replaces or revokes it.

use crate::ids::{MeetingId, MemberId};
use crate::journal::{Digest, PublicKey, Signature};
use serde::{Deserialize, Serialize};

/// The registrar or the member's cell secretary, having seen the member in person, registers the
/// member's first key (or a new one after a revocation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RegisterKey {
    /// Whose key.
    pub member: MemberId,
    /// The Ed25519 public key.
    pub key: PublicKey,
    /// The member's signature with that key over `"chibo/key/v1\n" ‖ member ‖ "\n" ‖ key hex`:
    /// proof that the member holds it.
    pub proof: Signature,
}

/// A member replaces their own valid key with a new one (a new phone, say).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RotateKey {
    /// The new Ed25519 public key.
    pub key: PublicKey,
    /// The member's signature with the new key, as in [`RegisterKey::proof`].
    pub proof: Signature,
}

/// Ends a member's key (lost, stolen, or the member leaves): from this command's `at` on, nothing
/// verifies against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RevokeKey {
    /// Whose key.
    pub member: MemberId,
    /// Why.
    pub reason: String,
}

/// The secretary seals the journal's head; signed, this record is the signed seal an inspector
/// checks with openssl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SealJournal {
    /// The journal's last sequence number before this record.
    pub seq: u64,
    /// That record's hash.
    pub hash: Digest,
    /// The meeting whose close this seal marks, if any: its minutes print the signed seal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub meeting: Option<MeetingId>,
}
