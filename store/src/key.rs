//! A member's signing key on this machine (docs/journal.md, *Signatures*): the platform side of
//! keys, which the pure core leaves to its callers. A secret key is 32 bytes from the operating
//! system's randomness; a key file holds exactly those 32 bytes, is created new (never over an
//! existing file: a key once made is never lost by making another) and, on Unix, readable and
//! writable by its owner only (mode 0600).
//!
//! The core signs given the secret ([`chibo::journal::sign_command`],
//! [`chibo::journal::sign_key_proof`]); where a phone keeps it instead (Android Keystore, iOS
//! Keychain) is docs/mobile.md's business.

use crate::error::StoreError;
use crate::lock::sync_parent;
use chibo::journal::PublicKey;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;

/// How many bytes a secret key (and so a key file) holds.
pub const SECRET_KEY_BYTES: usize = 32;

/// A new 32-byte Ed25519 secret key from the operating system's randomness (`getrandom`).
/// Refuses (`store.io`) only if the system has no randomness to give.
pub fn generate_secret_key() -> Result<[u8; SECRET_KEY_BYTES], StoreError> {
    let mut secret = [0u8; SECRET_KEY_BYTES];
    getrandom::fill(&mut secret).map_err(|e| StoreError::NoRandomness {
        detail: e.to_string(),
    })?;
    Ok(secret)
}

/// Generates a secret key and writes it to a new key file at `path` ([`write_key_file`]).
/// Returns its public key, to register with `register_key`; read the secret back with
/// [`read_key_file`] to sign.
pub fn create_key_file(path: impl AsRef<Path>) -> Result<PublicKey, StoreError> {
    let secret = generate_secret_key()?;
    write_key_file(path, &secret)?;
    Ok(PublicKey::of_secret(&secret))
}

/// Writes a secret key to a new file at `path`, created with mode 0600 on Unix, synced (and its
/// directory entry) before returning. Refuses (`store.exists`) if any file is there: an existing
/// key file is never overwritten. If the write fails the new file is removed again (nobody has
/// read it), so no half-written key file is left behind.
pub fn write_key_file(
    path: impl AsRef<Path>,
    secret: &[u8; SECRET_KEY_BYTES],
) -> Result<(), StoreError> {
    let path = path.as_ref();
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Exists {
            path: path.to_path_buf(),
        },
        _ => StoreError::key_io(path, "create", &e),
    })?;
    let written = write_and_sync(&mut file, path, secret);
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written?;
    sync_parent(path)
}

fn write_and_sync(
    file: &mut File,
    path: &Path,
    secret: &[u8; SECRET_KEY_BYTES],
) -> Result<(), StoreError> {
    file.write_all(secret)
        .map_err(|e| StoreError::key_io(path, "write", &e))?;
    file.sync_all()
        .map_err(|e| StoreError::key_io(path, "sync", &e))
}

/// Reads the secret key of a key file. Refuses with `store.key_missing` if there is no file at
/// `path`, `store.key_invalid` if it does not hold exactly 32 bytes, `store.io` if it cannot be
/// read.
pub fn read_key_file(path: impl AsRef<Path>) -> Result<[u8; SECRET_KEY_BYTES], StoreError> {
    let path = path.as_ref();
    let file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::KeyMissing {
            path: path.to_path_buf(),
        },
        _ => StoreError::key_io(path, "read", &e),
    })?;
    // One byte more than a key: enough to tell a longer file without reading a large one whole.
    let mut bytes = Vec::with_capacity(SECRET_KEY_BYTES + 1);
    file.take(u64::try_from(SECRET_KEY_BYTES + 1).unwrap_or(u64::MAX))
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::key_io(path, "read", &e))?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let length = if bytes.len() > SECRET_KEY_BYTES {
        std::fs::metadata(path).map_or(read, |m| m.len())
    } else {
        read
    };
    <[u8; SECRET_KEY_BYTES]>::try_from(bytes.as_slice()).map_err(|_| StoreError::KeyInvalid {
        path: path.to_path_buf(),
        length,
    })
}
