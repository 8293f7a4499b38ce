//! Signed records (docs/journal.md, *Signatures*; docs/mobile.md, *Signed records*): the core's
//! pure Ed25519 functions given a 32-byte secret key, and the exact bytes they sign, so that an app
//! can sign those bytes with a key the platform keeps instead (Android Keystore, iOS Keychain /
//! CryptoKit) and hand the signature to [`crate::Commune::execute_signed`]. No key is made here.

use crate::error::ChiboError;
use crate::verify::Head;
use chibo::ids::MemberId;
use chibo::journal::{self, PublicKey};
use chibo::Command;

/// The public key (64 lowercase hex) of a 32-byte Ed25519 secret key, as `register_key` and
/// `rotate_key` carry it.
#[uniffi::export]
pub fn public_key(secret: Vec<u8>) -> Result<String, ChiboError> {
    Ok(PublicKey::of_secret(&journal::secret_key(&secret)?).to_hex())
}

/// The actor's signature (128 hex) over a command, made with its 32-byte secret key: pass it to
/// `executeSigned`. The same bytes as signing [`signing_message`] with any Ed25519 implementation.
#[uniffi::export]
pub fn sign_command(secret: Vec<u8>, command: Command) -> Result<String, ChiboError> {
    Ok(journal::sign_command(&journal::secret_key(&secret)?, &command)?.to_hex())
}

/// [`sign_command`] for a command given as JSON text (any action of docs/json.md).
#[uniffi::export]
pub fn sign_command_json(secret: Vec<u8>, command: String) -> Result<String, ChiboError> {
    sign_command(secret, Command::from_json(&command)?)
}

/// The proof (128 hex) that `member` holds the secret key `secret`: the `proof` of a
/// `register_key` or `rotate_key` naming that key.
#[uniffi::export]
pub fn sign_key_proof(secret: Vec<u8>, member: MemberId) -> Result<String, ChiboError> {
    Ok(journal::sign_key_proof(&journal::secret_key(&secret)?, &member).to_hex())
}

/// The exact bytes an actor signs for a command: `"chibo/event/v1\n"` followed by the event's
/// JSON as the journal will write it. Sign them with the platform's Ed25519 (Android Keystore,
/// `java.security.Signature("Ed25519")`, CryptoKit's `Curve25519.Signing`) and pass the
/// signature, in lowercase hex, to `executeSigned`.
#[uniffi::export]
pub fn signing_message(command: Command) -> Result<Vec<u8>, ChiboError> {
    Ok(journal::signing_message(&command)?)
}

/// [`signing_message`] for a command given as JSON text.
#[uniffi::export]
pub fn signing_message_json(command: String) -> Result<Vec<u8>, ChiboError> {
    signing_message(Command::from_json(&command)?)
}

/// The exact bytes a member signs to prove they hold a key (the `proof` of `register_key` and
/// `rotate_key`): `"chibo/key/v1\n"`, the member id, a line feed and the key (64 lowercase hex).
/// Another form of key is `input.malformed`.
#[uniffi::export]
pub fn key_proof_message(member: MemberId, key: String) -> Result<Vec<u8>, ChiboError> {
    let key = PublicKey::parse_hex(&key)?;
    Ok(journal::key_message(&member, &key))
}

/// Loads a journal (JSON Lines; every record replayed, every signature checked) and checks it
/// against a signed seal: `seal_line` is a signed `seal_journal` record's line, as printed in the
/// minutes. A journal whose last records were dropped, the seal among them, is
/// `journal.seal_missing`; a line that is not a signed seal, `journal.not_a_signed_seal`.
/// Returns the journal's head.
#[uniffi::export]
pub fn verify_signed_seal(text: String, seal_line: String) -> Result<Head, ChiboError> {
    Ok(journal::verify_signed_seal(text, seal_line.as_bytes())?.into())
}
