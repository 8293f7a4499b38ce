//! Signed records (docs/journal.md, *Signatures*; docs/web.md, *Signed records*): the core's
//! pure Ed25519 functions, given a 32-byte secret key, and the exact bytes they sign, so that a
//! page can sign those bytes with a key WebCrypto keeps instead (`signing.js`, shipped with the
//! package, does). Keys are never made here: a secret comes from the caller.

use crate::convert::{input_text, to_js};
use crate::error::js_result;
use chibo::ids::MemberId;
use chibo::journal::{self, PublicKey};
use chibo::Command;
use wasm_bindgen::prelude::*;

/// A command given as a plain object (or its JSON text), read as the core reads it.
pub fn command_of(command: &JsValue) -> Result<Command, chibo::Error> {
    input_text(command).and_then(|text| Command::from_json(&text))
}

/// The public key (64 lowercase hex) of a 32-byte Ed25519 secret key, as `register_key` and
/// `rotate_key` carry it.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = publicKey)]
pub fn public_key(secret: &[u8]) -> Result<String, JsValue> {
    let secret = js_result(journal::secret_key(secret))?;
    Ok(PublicKey::of_secret(&secret).to_hex())
}

/// The actor's signature (128 hex) over a command (a plain object or its JSON text, `at` may be
/// a `Date`), made with its 32-byte secret key: pass it to `Commune.executeSigned`. The same
/// bytes as signing `signingMessage(command)` with any Ed25519 implementation.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = signCommand)]
pub fn sign_command(
    secret: &[u8],
    #[wasm_bindgen(unchecked_param_type = "Command | string")] command: JsValue,
) -> Result<String, JsValue> {
    let secret = js_result(journal::secret_key(secret))?;
    let command = js_result(command_of(&command))?;
    Ok(js_result(journal::sign_command(&secret, &command))?.to_hex())
}

/// The proof (128 hex) that `member` holds the secret key `secret`: the `proof` of a
/// `register_key` or `rotate_key` naming that key.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = signKeyProof)]
pub fn sign_key_proof(secret: &[u8], member: &str) -> Result<String, JsValue> {
    let secret = js_result(journal::secret_key(secret))?;
    Ok(journal::sign_key_proof(&secret, &MemberId::from(member)).to_hex())
}

/// The exact bytes an actor signs for a command: `"chibo/event/v1\n"` followed by the event's
/// JSON as the journal will write it. Sign them with WebCrypto (`crypto.subtle.sign('Ed25519',
/// key, bytes)`) and pass the signature, in hex, to `Commune.executeSigned`.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = signingMessage)]
pub fn signing_message(
    #[wasm_bindgen(unchecked_param_type = "Command | string")] command: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let command = js_result(command_of(&command))?;
    js_result(journal::signing_message(&command))
}

/// The exact bytes a member signs to prove they hold a key (the `proof` of `register_key` and
/// `rotate_key`): `"chibo/key/v1\n"`, the member id, a line feed and the key in hex. A key that
/// is not 64 lowercase hex characters is `input.malformed`.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = keyProofMessage)]
pub fn key_proof_message(
    member: &str,
    #[wasm_bindgen(js_name = keyHex)] key: &str,
) -> Result<Vec<u8>, JsValue> {
    let key = js_result(PublicKey::parse_hex(key))?;
    Ok(journal::key_message(&MemberId::from(member), &key))
}

/// Loads a journal (every record replayed, every signature checked) and checks it against a
/// signed seal: `sealLine` is a signed `seal_journal` record (its line, as printed in the
/// minutes). A journal whose last records were dropped, the seal among them, is a
/// `journal.seal_missing`; a line that is not a signed seal, `journal.not_a_signed_seal`.
/// Returns the journal's head.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = verifySignedSeal, unchecked_return_type = "Head")]
pub fn verify_signed_seal(
    text: &str,
    #[wasm_bindgen(js_name = sealLine)] seal_line: &str,
) -> Result<JsValue, JsValue> {
    to_js(&js_result(journal::verify_signed_seal(
        text,
        seal_line.as_bytes(),
    ))?)
}
