//! Signed records (docs/journal.md, *Signatures*): a member's secret key made and kept in a key
//! file (the store's), public keys, signing commands and key proofs (the core's pure functions),
//! the exact bytes signed (for a key held elsewhere), and checking a journal against a signed
//! seal. A secret key is `bytes` (32); a public key 64 and a signature 128 lowercase hex
//! characters, as the journal writes them.

use crate::commune::command_of;
use crate::{convert, depythonize, error};
use chibo::ids::MemberId;
use chibo::journal::{PublicKey, Signature};
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyByteArray, PyBytes, PyString};
use std::path::PathBuf;

/// A 32-byte secret key given as `bytes` (or `bytearray`); anything else is `InputError` saying
/// what to give.
pub fn secret_of(secret: &Bound<'_, PyAny>) -> PyResult<[u8; 32]> {
    let bytes: Vec<u8> = if let Ok(bytes) = secret.cast::<PyBytes>() {
        bytes.as_bytes().to_vec()
    } else if let Ok(bytes) = secret.cast::<PyByteArray>() {
        bytes.to_vec()
    } else {
        let kind = secret.get_type().name()?;
        return Err(error::input(
            "secret",
            &format!("khoá bí mật phải là 32 byte (kiểu bytes), không phải {kind}: hãy đọc tệp khoá bằng chibo.read_key_file, hoặc dùng bytes.fromhex(...) với chuỗi hex 64 ký tự"),
            &format!("a secret key is 32 bytes (bytes), not {kind}: read the key file with chibo.read_key_file, or use bytes.fromhex(...) on 64 hex characters"),
        ));
    };
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        let n = bytes.len();
        error::input(
            "secret",
            &format!("khoá bí mật phải đúng 32 byte, không phải {n} byte: hãy dùng tệp khoá của đảng viên (chibo.read_key_file) hoặc tạo khoá mới bằng chibo.generate_secret_key()"),
            &format!("a secret key is exactly 32 bytes, not {n}: use the member's key file (chibo.read_key_file) or make one with chibo.generate_secret_key()"),
        )
    })
}

/// A signature given as 128 lowercase hex characters (`str`, as the journal writes it) or as its
/// 64 raw bytes (`bytes`, as a hardware key gives it).
pub fn signature_of(signature: &Bound<'_, PyAny>) -> PyResult<Signature> {
    if let Ok(text) = signature.cast::<PyString>() {
        let text = convert::text_of(text)?;
        return Signature::from_hex(&text).ok_or_else(|| {
            let n = text.chars().count();
            error::input(
                "signature",
                &format!("chữ ký phải là 128 ký tự hex viết thường (0-9, a-f), ở đây có {n} ký tự hoặc có ký tự khác: hãy dùng đúng chuỗi chibo.sign_command trả về"),
                &format!("a signature is 128 lowercase hex characters (0-9, a-f); this one has {n} characters or others: give the text chibo.sign_command returned"),
            )
        });
    }
    if let Ok(bytes) = signature.cast::<PyBytes>() {
        let raw = bytes.as_bytes();
        return <[u8; 64]>::try_from(raw).map(Signature).map_err(|_| {
            let n = raw.len();
            error::input(
                "signature",
                &format!("chữ ký dạng bytes phải đúng 64 byte, không phải {n} byte"),
                &format!("a signature given as bytes is exactly 64 bytes, not {n}"),
            )
        });
    }
    let kind = signature.get_type().name()?;
    Err(error::input(
        "signature",
        &format!("chữ ký là chuỗi 128 ký tự hex (str) hoặc 64 byte (bytes), không phải {kind}"),
        &format!("a signature is 128 hex characters (str) or 64 bytes (bytes), not {kind}"),
    ))
}

/// A text given as `str` or `bytes` (`what` names it in the error), as bytes.
fn bytes_of<'a>(value: &'a Bound<'_, PyAny>, what: &str) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>() {
        return convert::journal_bytes(value);
    }
    let kind = value.get_type().name()?;
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "{what} is given as str or bytes, not {kind}"
    )))
}

/// A new 32-byte secret key from the operating system's randomness. Keep it in a key file
/// (`write_key_file`), never in the journal; register its public key with `register_key`.
#[pyfunction]
pub fn generate_secret_key(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    let secret = chibo_store::generate_secret_key().map_err(|e| error::store(&e))?;
    Ok(PyBytes::new(py, &secret))
}

/// The public key of a 32-byte secret key: 64 lowercase hex characters, as `register_key` takes
/// it.
#[pyfunction]
pub fn public_key(secret: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(PublicKey::of_secret(&secret_of(secret)?).to_hex())
}

/// The actor's signature over a command (a `dict` in the JSON shape of docs/json.md, or its JSON
/// text), for `Commune.execute_signed`: 128 lowercase hex characters.
#[pyfunction]
pub fn sign_command(secret: &Bound<'_, PyAny>, command: &Bound<'_, PyAny>) -> PyResult<String> {
    let secret = secret_of(secret)?;
    let command = command_of(command).map_err(depythonize::Error::into_py)?;
    chibo::journal::sign_command(&secret, &command)
        .map(|signature| signature.to_hex())
        .map_err(|e| error::refusal(&e))
}

/// The proof that `member` holds the secret key (its signature over the member's id and the
/// public key), for the `proof` of `register_key` and `rotate_key`: 128 lowercase hex characters.
#[pyfunction]
pub fn sign_key_proof(secret: &Bound<'_, PyAny>, member: &Bound<'_, PyString>) -> PyResult<String> {
    let secret = secret_of(secret)?;
    let member = MemberId::from(convert::text_of(member)?.as_ref());
    Ok(chibo::journal::sign_key_proof(&secret, &member).to_hex())
}

/// The exact bytes a command's signature covers (`"chibo/event/v1\n"` and the event's JSON as the
/// journal writes it): sign them with Ed25519 where the key is kept (a hardware key, another
/// program) and pass the signature to `Commune.execute_signed`.
#[pyfunction]
pub fn signing_message<'py>(
    py: Python<'py>,
    command: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let command = command_of(command).map_err(depythonize::Error::into_py)?;
    let message = chibo::journal::signing_message(&command).map_err(|e| error::refusal(&e))?;
    Ok(PyBytes::new(py, &message))
}

/// Loads a journal (as `str` or `bytes`, every signature checked) and checks that it holds the
/// signed seal `seal_line` (a signed `seal_journal` record, as printed in the minutes). Returns
/// where the journal ends as `(seq, hash)`. Raises `JournalError`: `journal.seal_missing` when
/// records at its end, the seal among them, were dropped; `journal.not_a_signed_seal` when the
/// line is not a signed seal.
#[pyfunction]
pub fn verify_signed_seal(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    seal_line: &Bound<'_, PyAny>,
) -> PyResult<(u64, String)> {
    let text = bytes_of(text, "a journal")?;
    let seal_line = bytes_of(seal_line, "a seal line")?;
    let head = py
        .detach(|| chibo::journal::verify_signed_seal(&text, &seal_line))
        .map_err(|e| error::refusal(&e))?;
    Ok((head.seq, head.hash.to_hex()))
}

/// Makes a new secret key and writes it to a new key file (owner-only on Unix); returns its
/// public key (64 hex) to register. A file already at `path` is never overwritten
/// (`store.exists`).
#[pyfunction]
pub fn create_key_file(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    py.detach(|| chibo_store::create_key_file(&path))
        .map(|key| key.to_hex())
        .map_err(|e| error::store(&e))
}

/// Writes a 32-byte secret key to a new key file (owner-only on Unix), synced before it returns.
/// A file already at `path` is never overwritten (`store.exists`).
#[pyfunction]
pub fn write_key_file(py: Python<'_>, path: PathBuf, secret: &Bound<'_, PyAny>) -> PyResult<()> {
    let secret = secret_of(secret)?;
    py.detach(|| chibo_store::write_key_file(&path, &secret))
        .map_err(|e| error::store(&e))
}

/// Reads the 32-byte secret key of a key file. Raises `StoreError`: `store.key_missing` (no file
/// there), `store.key_invalid` (not 32 bytes), `store.io`.
#[pyfunction]
pub fn read_key_file(py: Python<'_>, path: PathBuf) -> PyResult<Bound<'_, PyBytes>> {
    let secret = py
        .detach(|| chibo_store::read_key_file(&path))
        .map_err(|e| error::store(&e))?;
    Ok(PyBytes::new(py, &secret))
}
