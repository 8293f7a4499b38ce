//! Signing keys on this machine and signed records in the journal file: a key file is new, 32
//! bytes, owner-only and never overwritten; a signed command is written and synced before it is
//! reported, and a refused one writes nothing.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::ids::MemberId;
use chibo::journal::{sign_command, sign_key_proof, verify_signed_seal, PublicKey};
use chibo::{Command, Journal, Refusal};
use chibo_store::{
    create_key_file, generate_secret_key, read_key_file, write_key_file, JournalFile, StoreError,
    SECRET_KEY_BYTES,
};
use serde_json::{json, Value};
use std::fs;
use support::{scratch, setup};

fn command(actor: &str, at: &str, action: Value) -> Command {
    serde_json::from_value(json!({"actor": actor, "at": at, "action": action})).unwrap()
}

fn register(member: &str, secret: &[u8; 32]) -> Value {
    json!({"register_key": {
        "member": member,
        "key": PublicKey::of_secret(secret),
        "proof": sign_key_proof(secret, &MemberId::from(member)),
    }})
}

#[test]
fn generated_keys_are_32_bytes_and_differ() {
    let a = generate_secret_key().unwrap();
    let b = generate_secret_key().unwrap();
    assert_eq!(a.len(), SECRET_KEY_BYTES);
    assert_ne!(a, b);
    assert_ne!(a, [0u8; 32]);
}

#[test]
fn a_key_file_is_new_owner_only_and_reads_back() {
    let dir = scratch("key-file");
    let path = dir.join("x1-bt.key");
    let public = create_key_file(&path).unwrap();
    let secret = read_key_file(&path).unwrap();
    assert_eq!(PublicKey::of_secret(&secret), public);
    assert_eq!(fs::read(&path).unwrap(), secret);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }
    // Never overwritten: neither by a new key nor by a given one.
    assert_eq!(create_key_file(&path).unwrap_err().code(), "store.exists");
    let refused = write_key_file(&path, &[9u8; 32]).unwrap_err();
    assert_eq!(refused.code(), "store.exists");
    assert_eq!(read_key_file(&path).unwrap(), secret);
    // Nor is any other file at the path.
    let other = dir.join("journal.jsonl");
    fs::write(&other, b"not a key").unwrap();
    assert_eq!(create_key_file(&other).unwrap_err().code(), "store.exists");
    assert_eq!(fs::read(&other).unwrap(), b"not a key");
    // A given secret is written as it is.
    let given = dir.join("given.key");
    write_key_file(&given, &[7u8; 32]).unwrap();
    assert_eq!(read_key_file(&given).unwrap(), [7u8; 32]);
}

#[test]
fn a_missing_or_wrong_sized_key_file_is_refused_by_name() {
    let dir = scratch("key-refused");
    let missing = dir.join("none.key");
    let error = read_key_file(&missing).unwrap_err();
    assert_eq!(error.code(), "store.key_missing");
    assert!(matches!(&error, StoreError::KeyMissing { path } if *path == missing));
    assert!(error.message_vi().contains("Không có tệp khoá"));
    assert!(error.to_string().contains("none.key"));
    for length in [0usize, 31, 33, 64, 4096] {
        let path = dir.join(format!("{length}.key"));
        fs::write(&path, vec![b'a'; length]).unwrap();
        let error = read_key_file(&path).unwrap_err();
        assert_eq!(error.code(), "store.key_invalid", "{length}");
        assert!(
            matches!(&error, StoreError::KeyInvalid { length: l, .. } if *l == length as u64),
            "{error:?}"
        );
        assert!(error.to_string().contains(&format!("{length} bytes")));
    }
    let fields = serde_json::to_value(read_key_file(dir.join("31.key")).unwrap_err()).unwrap();
    assert_eq!(fields["length"], 31);
    // A folder is not a key file either.
    assert_eq!(read_key_file(&dir).unwrap_err().code(), "store.io");
}

/// The setup commune in a file, with keys for the registrar, the xom-1 secretary and x1-03, and
/// signatures required from 2025-02-01 (turned on by a signed rule change).
fn keyed_file(name: &str, registrar: &[u8; 32], secretary: &[u8; 32]) -> JournalFile {
    let dir = scratch(name);
    let mut file = JournalFile::create(dir.join("journal.jsonl")).unwrap();
    for command in setup(&["commune"]) {
        file.execute(&command).unwrap();
    }
    let at = "2025-01-10T08:00:00+07:00";
    file.execute(command("vp", at, register("vp", registrar)))
        .unwrap();
    file.execute(command("vp", at, register("x1-bt", secretary)))
        .unwrap();
    file.execute(command("vp", at, register("x1-03", &[0x33; 32])))
        .unwrap();
    let policy = command(
        "vp",
        "2025-01-20T08:00:00+07:00",
        json!({"amend_rules": {"from": "2025-02-01", "overrides": {"signatures_required": {
            "value": true,
            "source": {"document": "Nghị quyết của Đảng ủy xã Nga Trường", "date": "2025-01-20",
                       "provision": "R-33", "verified": true}}}}}),
    );
    file.execute_signed(&policy, &sign_command(registrar, &policy).unwrap())
        .unwrap();
    file
}

#[test]
fn a_signed_command_is_on_disk_before_it_is_reported_and_a_forged_one_writes_nothing() {
    let dir = scratch("keys-signed");
    let registrar = dir.join("vp.key");
    let secretary = dir.join("x1-bt.key");
    create_key_file(&registrar).unwrap();
    create_key_file(&secretary).unwrap();
    let (registrar, secretary) = (
        read_key_file(&registrar).unwrap(),
        read_key_file(&secretary).unwrap(),
    );
    let mut file = keyed_file("keys-signed-journal", &registrar, &secretary);
    let path = file.path().to_path_buf();

    let revoke = command(
        "x1-bt",
        "2025-02-25T15:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Mất điện thoại"}}),
    );
    // Unsigned after the policy date: refused, nothing written.
    let bytes = fs::read(&path).unwrap();
    let head = file.head();
    let refused = file.execute(&revoke).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_missing");
    // Signed with another member's key (the registrar's, in the secretary's name): refused.
    let forged = sign_command(&registrar, &revoke).unwrap();
    let refused = file.execute_signed(&revoke, &forged).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_invalid");
    assert!(refused
        .to_string()
        .starts_with(&format!("Record {} is signed", head.seq + 1)));
    assert_eq!(file.head(), head);
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "a refused command wrote nothing"
    );

    // Signed by the secretary: on disk, as the line reported, when the call returns.
    let signature = sign_command(&secretary, &revoke).unwrap();
    let encoded = file.execute_signed(&revoke, &signature).unwrap();
    assert_eq!(encoded.seq, head.seq + 1);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().last().unwrap(), encoded.line);
    assert!(encoded.line.contains(&signature.to_hex()));
    drop(file);

    // Reopened, the signed records load and the file is sealed by the secretary.
    let (mut file, opened) = JournalFile::open(&path).unwrap();
    assert_eq!(opened.records, encoded.seq);
    let head = file.head();
    let seal = command(
        "x1-bt",
        "2025-02-25T16:00:00+07:00",
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash}}),
    );
    let sealed = file
        .execute_signed(&seal, &sign_command(&secretary, &seal).unwrap())
        .unwrap();
    let whole = fs::read(&path).unwrap();
    assert_eq!(
        verify_signed_seal(&whole, sealed.line.as_bytes()).unwrap(),
        file.head()
    );
    let cut = &whole[..whole.len() - sealed.line.len() - 1];
    assert_eq!(
        verify_signed_seal(cut, sealed.line.as_bytes())
            .unwrap_err()
            .code(),
        "journal.seal_missing"
    );
    assert_eq!(Journal::load(&whole).unwrap().head(), file.head());
}

#[test]
fn a_refused_signed_command_is_the_cores_refusal() {
    // A member with no key signing: the core's refusal, passed through with its code.
    let mut file = keyed_file("keys-core-error", &[0x22; 32], &[0x11; 32]);
    let stranger = command(
        "x1-04",
        "2025-02-25T15:00:00+07:00",
        json!({"revoke_key": {"member": "x1-bt", "reason": "Thử"}}),
    );
    let error = file
        .execute_signed(&stranger, &sign_command(&[0x44; 32], &stranger).unwrap())
        .unwrap_err();
    assert!(matches!(error, StoreError::Core(_)), "{error:?}");
    assert_eq!(error.code(), "journal.signature_invalid");
}
