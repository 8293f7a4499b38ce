//! Signed records (docs/journal.md, *Signatures*): keys registered, rotated and revoked by dated
//! commands; each record's signature checked against the key its actor had at its date, on
//! execute, on load and on merge; the policy date; signed seals against a dropped tail. Keys here
//! are fixed 32-byte secrets: key generation is outside the core.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::ids::MemberId;
use chibo::journal::{
    event_bytes, sign_command, sign_key_proof, verify_signed_seal, PublicKey, Signature,
};
use chibo::{Command, Journal};
use serde_json::{json, Value};
use support::setup_commands;

const SECRETARY: [u8; 32] = [0x11; 32];
const REGISTRAR: [u8; 32] = [0x22; 32];
const MEMBER: [u8; 32] = [0x33; 32];
const MEMBER_NEW: [u8; 32] = [0x44; 32];
const STRANGER: [u8; 32] = [0x55; 32];

fn command(actor: &str, at: &str, action: Value) -> Command {
    serde_json::from_value(json!({"actor": actor, "at": at, "action": action})).unwrap()
}

/// The Nga Trường setup (`commune`), as a journal and its lines.
fn setup() -> (Journal, Vec<String>) {
    let mut journal = Journal::new();
    let lines = setup_commands(&["commune"])
        .iter()
        .map(|c| journal.execute(c).unwrap().line)
        .collect();
    (journal, lines)
}

fn register(member: &str, secret: &[u8; 32]) -> Value {
    json!({"register_key": {
        "member": member,
        "key": PublicKey::of_secret(secret),
        "proof": sign_key_proof(secret, &MemberId::from(member)),
    }})
}

/// Runs a command signed with `secret`, or unsigned; keeps its line.
fn run(
    journal: &mut Journal,
    lines: &mut Vec<String>,
    secret: Option<&[u8; 32]>,
    command: &Command,
) -> Result<(), chibo::Error> {
    let encoded = match secret {
        Some(secret) => journal.execute_signed(command, &sign_command(secret, command)?)?,
        None => journal.execute(command)?,
    };
    lines.push(encoded.line);
    Ok(())
}

fn text(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// The setup, then: the registrar registers its own key and the xom-1 secretary's (witnessed),
/// the registrar turns signatures on from 2025-02-01, unsigned until then.
fn keyed() -> (Journal, Vec<String>) {
    let (mut journal, mut lines) = setup();
    let at = "2025-01-10T08:00:00+07:00";
    for (member, secret) in [
        ("vp", &REGISTRAR),
        ("x1-bt", &SECRETARY),
        ("x1-03", &MEMBER),
    ] {
        run(
            &mut journal,
            &mut lines,
            None,
            &command("vp", at, register(member, secret)),
        )
        .unwrap();
    }
    let policy = command(
        "vp",
        "2025-01-20T08:00:00+07:00",
        json!({"amend_rules": {"from": "2025-02-01", "overrides": {"signatures_required": {
            "value": true,
            "source": {"document": "Nghị quyết của Đảng ủy xã Nga Trường", "date": "2025-01-20",
                       "provision": "R-33", "verified": true}}}}}),
    );
    run(&mut journal, &mut lines, Some(&REGISTRAR), &policy).unwrap();
    (journal, lines)
}

#[test]
fn unsigned_records_keep_version_1_and_their_hashes() {
    let (journal, lines) = setup();
    assert!(lines.iter().all(|l| l.starts_with("{\"v\":1,")));
    let loaded = Journal::load(text(&lines)).unwrap();
    assert_eq!(loaded.head(), journal.head());
}

#[test]
fn a_signed_record_loads_and_an_openssl_style_check_of_its_bytes_verifies() {
    let (journal, lines) = keyed();
    let signed = lines.last().unwrap();
    assert!(signed.starts_with("{\"v\":2,"), "{signed}");
    let loaded = Journal::load(text(&lines)).unwrap();
    assert_eq!(loaded.head(), journal.head());
    assert_eq!(loaded.commune(), journal.commune());
    // The bytes signed are found by position alone, as the docs' recipe finds them.
    let event = event_bytes(signed.as_bytes(), false, true).unwrap();
    let sig_hex = &signed[signed.len() - 75 - 129..signed.len() - 75 - 1];
    let sig = Signature::from_hex(sig_hex).unwrap();
    assert!(PublicKey::of_secret(&REGISTRAR).verifies_event(event, &sig));
}

#[test]
fn after_the_policy_date_an_unsigned_record_is_refused_naming_its_line() {
    let (mut journal, mut lines) = keyed();
    let send = command(
        "dy-bt",
        "2025-02-25T15:00:00+07:00",
        json!({"issue_directive": {"directive": "cd-x", "month": "2025-06", "content": "Nội dung."}}),
    );
    let refused = run(&mut journal, &mut lines, None, &send).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_missing");
    // The same record written by another tool without a signature is refused on load, naming it.
    let (mut other, mut forged) = keyed();
    let before = forged.len();
    other.execute(&send).unwrap_err();
    let line = chibo::journal::encode(
        u64::try_from(before + 1).unwrap(),
        &other.head().hash,
        &chibo::Event(send.clone()),
    )
    .unwrap()
    .line;
    forged.push(line);
    let error = Journal::load(text(&forged)).unwrap_err();
    assert_eq!(error.code(), "journal.signature_missing");
    assert_eq!(
        error.to_string(),
        format!(
            "Record {} is not signed, but the commune's rules require every record written since they took effect, whatever date it gives, to carry the signature of its actor (dy-bt).",
            before + 1
        )
    );
}

/// Once a record dated from the policy date is in the journal, a record dated back before it is
/// still written after the policy took effect: unsigned, it is refused, on execute and on load.
#[test]
fn a_record_dated_back_before_the_policy_still_needs_a_signature() {
    let (mut journal, mut lines) = keyed();
    let after = command(
        "dy-bt",
        "2025-02-03T08:00:00+07:00",
        json!({"issue_directive": {"directive": "cd-2025-07", "month": "2025-07", "content": "Nội dung tháng 7."}}),
    );
    run(&mut journal, &mut lines, Some(&MEMBER), &after).unwrap_err();
    // dy-bt has no key: the registrar writes it, signed.
    let after = command(
        "vp",
        "2025-02-03T08:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Mất điện thoại"}}),
    );
    run(&mut journal, &mut lines, Some(&REGISTRAR), &after).unwrap();
    let backdated = command(
        "vp",
        "2025-01-25T08:00:00+07:00",
        json!({"register_key": {
            "member": "x1-03",
            "key": PublicKey::of_secret(&MEMBER_NEW),
            "proof": sign_key_proof(&MEMBER_NEW, &MemberId::from("x1-03")),
        }}),
    );
    let refused = run(&mut journal, &mut lines, None, &backdated).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_missing");
    // Written by another tool, the backdated unsigned record is refused on load too.
    let forged = chibo::journal::encode(
        journal.len() + 1,
        &journal.head().hash,
        &chibo::Event(backdated.clone()),
    )
    .unwrap()
    .line;
    lines.push(forged);
    assert_eq!(
        Journal::load(text(&lines)).unwrap_err().code(),
        "journal.signature_missing"
    );
}

#[test]
fn a_record_in_the_secretarys_name_signed_with_another_key_is_refused() {
    let (mut journal, mut lines) = keyed();
    let forged = command(
        "x1-bt",
        "2025-02-25T15:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Mất điện thoại"}}),
    );
    let head = journal.head();
    let refused = run(&mut journal, &mut lines, Some(&STRANGER), &forged).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_invalid");
    assert_eq!(journal.head(), head, "nothing written");
    // A forged device journal: the same record, signed with the stranger's key, merged.
    let (device, mut device_lines) = keyed();
    let sig = sign_command(&STRANGER, &forged).unwrap();
    let line = chibo::journal::encode_signed(
        device.head().seq + 1,
        &device.head().hash,
        &chibo::Event(forged.clone()),
        None,
        Some(&sig),
    )
    .unwrap()
    .line;
    device_lines.push(line);
    let load = Journal::load(text(&device_lines)).unwrap_err();
    assert_eq!(load.code(), "journal.signature_invalid");
    let merge = journal.merge(text(&device_lines)).unwrap();
    assert!(merge.appended.is_empty());
    assert_eq!(merge.conflicts.len(), 1);
    assert_eq!(
        merge.conflicts[0].reason.code(),
        "journal.signature_invalid"
    );
    assert!(merge.conflicts[0]
        .reason
        .to_string()
        .starts_with(&format!("Record {} is signed", head.seq + 1)));
    assert_eq!(journal.head(), head, "nothing merged");
    // Signed with the right key, the same device record merges, its signature carried over.
    let signed = sign_command(&SECRETARY, &forged).unwrap();
    let (mut device, mut device_lines) = keyed();
    device_lines.push(device.execute_signed(&forged, &signed).unwrap().line);
    let merge = journal.merge(text(&device_lines)).unwrap();
    assert_eq!(merge.appended.len(), 1, "{:?}", merge.conflicts);
    assert_eq!(merge.appended[0].line, *device_lines.last().unwrap());
    Journal::load(text(&device_lines)).unwrap();
}

#[test]
fn a_record_signed_with_a_key_revoked_or_rotated_before_its_date_is_refused() {
    let (mut journal, mut lines) = keyed();
    let revoke = command(
        "x1-bt",
        "2025-03-01T08:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Mất điện thoại"}}),
    );
    run(&mut journal, &mut lines, Some(&SECRETARY), &revoke).unwrap();
    let rotate = command(
        "x1-bt",
        "2025-03-02T08:00:00+07:00",
        json!({"rotate_key": {"key": PublicKey::of_secret(&MEMBER_NEW),
                              "proof": sign_key_proof(&MEMBER_NEW, &MemberId::from("x1-bt"))}}),
    );
    run(&mut journal, &mut lines, Some(&SECRETARY), &rotate).unwrap();
    // The member's revoked key no longer signs; nor does the secretary's replaced one.
    let by_member = command(
        "x1-03",
        "2025-03-03T08:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Thử lại"}}),
    );
    let refused = run(&mut journal, &mut lines, Some(&MEMBER), &by_member).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_invalid");
    let seal = command(
        "x1-bt",
        "2025-03-03T08:00:00+07:00",
        json!({"seal_journal": {"seq": journal.head().seq, "hash": journal.head().hash}}),
    );
    let refused = run(&mut journal, &mut lines, Some(&SECRETARY), &seal).unwrap_err();
    assert_eq!(refused.code(), "journal.signature_invalid");
    run(&mut journal, &mut lines, Some(&MEMBER_NEW), &seal).unwrap();
    // Records signed before the revocation still load: a key is judged at each record's date.
    let loaded = Journal::load(text(&lines)).unwrap();
    assert_eq!(loaded.head(), journal.head());
}

#[test]
fn key_commands_check_their_witness_proof_and_state() {
    let (mut journal, mut lines) = keyed();
    let at = "2025-02-25T08:00:00+07:00";
    let twice = command("vp", at, register("x1-03", &MEMBER_NEW));
    let refused = run(&mut journal, &mut lines, Some(&REGISTRAR), &twice).unwrap_err();
    assert_eq!(refused.code(), "journal.key_exists");
    let mut stolen = register("x1-04", &MEMBER_NEW);
    stolen["register_key"]["proof"] = json!(sign_key_proof(&STRANGER, &MemberId::from("x1-04")));
    let refused = run(
        &mut journal,
        &mut lines,
        Some(&REGISTRAR),
        &command("vp", at, stolen),
    )
    .unwrap_err();
    assert_eq!(refused.code(), "journal.key_proof_invalid");
    // A plain member may not witness another's key.
    let refused = run(
        &mut journal,
        &mut lines,
        Some(&MEMBER),
        &command("x1-03", at, register("x1-04", &MEMBER_NEW)),
    )
    .unwrap_err();
    assert_eq!(refused.code(), "permission.denied");
    let revoke_none = command(
        "vp",
        at,
        json!({"revoke_key": {"member": "x1-04", "reason": "Không có"}}),
    );
    let refused = run(&mut journal, &mut lines, Some(&REGISTRAR), &revoke_none).unwrap_err();
    assert_eq!(refused.code(), "journal.no_key");
    let stale_seal = command(
        "vp",
        at,
        json!({"seal_journal": {"seq": 1, "hash": journal.hash_at(1).unwrap()}}),
    );
    let refused = run(&mut journal, &mut lines, Some(&REGISTRAR), &stale_seal).unwrap_err();
    assert_eq!(refused.code(), "journal.seal_mismatch");
}

#[test]
fn a_journal_with_its_last_records_dropped_fails_against_its_last_signed_seal() {
    let (mut journal, mut lines) = keyed();
    let at = "2025-02-25T08:00:00+07:00";
    let head = journal.head();
    let seal = command(
        "x1-bt",
        at,
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash}}),
    );
    run(&mut journal, &mut lines, Some(&SECRETARY), &seal).unwrap();
    let seal_line = lines.last().unwrap().clone();
    let whole = text(&lines);
    assert_eq!(
        verify_signed_seal(&whole, seal_line.as_bytes()).unwrap(),
        journal.head()
    );
    for kept in 1..lines.len() {
        let error = verify_signed_seal(text(&lines[..kept]), seal_line.as_bytes()).unwrap_err();
        assert_eq!(error.code(), "journal.seal_missing", "{kept} kept");
    }
    // Records after the seal are not covered by it, and do not hide it.
    let after = command(
        "vp",
        "2025-02-26T08:00:00+07:00",
        json!({"revoke_key": {"member": "x1-03", "reason": "Mất điện thoại"}}),
    );
    run(&mut journal, &mut lines, Some(&REGISTRAR), &after).unwrap();
    verify_signed_seal(text(&lines), seal_line.as_bytes()).unwrap();
    // An unsigned record is not a signed seal.
    let error = verify_signed_seal(&whole, lines[0].as_bytes()).unwrap_err();
    assert_eq!(error.code(), "journal.not_a_signed_seal");
}

#[test]
fn the_frozen_v1_journal_still_loads_with_its_head() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/journal/v1.jsonl");
    let text = std::fs::read(path).unwrap();
    let verified = chibo::journal::verify(&text).unwrap();
    let loaded = Journal::load(&text).unwrap();
    assert_eq!(loaded.head(), verified);
}

/// Runs a tool, or says it is missing (`None`).
fn run_tool(program: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    std::process::Command::new(program).args(args).output().ok()
}

/// The independent checker (scripts/verify_journal.py, with Python's `cryptography`) and openssl
/// agree with chibo on a signed journal, and refuse the forged one chibo refuses.
#[test]
fn the_independent_checker_and_openssl_agree_with_chibo_on_signed_records() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("signatures");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (mut journal, mut lines) = keyed();
    let head = journal.head();
    let seal = command(
        "x1-bt",
        "2025-02-25T08:00:00+07:00",
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash}}),
    );
    run(&mut journal, &mut lines, Some(&SECRETARY), &seal).unwrap();
    let good = dir.join("signed.jsonl");
    std::fs::write(&good, text(&lines)).unwrap();
    // The same journal with the seal signed by a stranger (its hash recomputed: the chain holds).
    let mut forged_lines = lines.clone();
    let sig = sign_command(&STRANGER, &seal).unwrap();
    forged_lines.pop();
    forged_lines.push(
        chibo::journal::encode_signed(
            head.seq + 1,
            &head.hash,
            &chibo::Event(seal.clone()),
            None,
            Some(&sig),
        )
        .unwrap()
        .line,
    );
    let forged = dir.join("forged.jsonl");
    std::fs::write(&forged, text(&forged_lines)).unwrap();
    assert!(Journal::load(text(&forged_lines)).is_err());
    chibo::journal::verify(text(&forged_lines)).unwrap();

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/verify_journal.py");
    let has_cryptography = run_tool("python3", &["-c".as_ref(), "import cryptography".as_ref()])
        .is_some_and(|o| o.status.success());
    if has_cryptography {
        let ok = run_tool("python3", &[script.as_ref(), good.as_os_str()]).unwrap();
        let said = String::from_utf8_lossy(&ok.stdout);
        assert!(
            ok.status.success(),
            "{said} {}",
            String::from_utf8_lossy(&ok.stderr)
        );
        assert!(said.contains("2 signed records verified"), "{said}");
        let bad = run_tool("python3", &[script.as_ref(), forged.as_os_str()]).unwrap();
        assert!(
            !bad.status.success(),
            "the checker accepted a forged signature"
        );
        assert!(String::from_utf8_lossy(&bad.stderr).contains(&format!("line {}", head.seq + 1)));
    } else {
        eprintln!(
            "python3 without the cryptography package: the checker's signatures not compared"
        );
    }

    // openssl, as docs/journal.md's recipe: the DER key, the message, the signature.
    let line = lines.last().unwrap();
    match openssl_verifies(&dir, line, &PublicKey::of_secret(&SECRETARY)) {
        Some(verified) => {
            assert!(verified, "openssl refused a signature chibo accepts");
            let other = PublicKey::of_secret(&STRANGER);
            assert_eq!(openssl_verifies(&dir, line, &other), Some(false));
        }
        None => eprintln!("no openssl here: the recipe was not run"),
    }
}

/// What openssl says of `line`'s signature under `key`, following docs/journal.md's recipe
/// (`None` when openssl is not installed).
fn openssl_verifies(dir: &std::path::Path, line: &str, key: &PublicKey) -> Option<bool> {
    let bytes = line.as_bytes();
    let mut message = chibo::journal::EVENT_DOMAIN.to_vec();
    message.extend_from_slice(event_bytes(bytes, false, true).unwrap());
    let sig_hex = &line[line.len() - 75 - 129..line.len() - 75 - 1];
    let mut der = vec![
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    ];
    der.extend_from_slice(&key.0);
    let (key, msg, sig) = (dir.join("k.der"), dir.join("m.bin"), dir.join("s.bin"));
    std::fs::write(&key, &der).unwrap();
    std::fs::write(&msg, &message).unwrap();
    std::fs::write(&sig, Signature::from_hex(sig_hex).unwrap().0).unwrap();
    let args: [&std::ffi::OsStr; 12] = [
        "pkeyutl".as_ref(),
        "-verify".as_ref(),
        "-pubin".as_ref(),
        "-keyform".as_ref(),
        "DER".as_ref(),
        "-inkey".as_ref(),
        key.as_os_str(),
        "-rawin".as_ref(),
        "-in".as_ref(),
        msg.as_os_str(),
        "-sigfile".as_ref(),
        sig.as_os_str(),
    ];
    run_tool("openssl", &args).map(|out| out.status.success())
}

/// The secretary seals the book at the close of the March meeting, signed; the minutes print the
/// seal's record byte for byte as the journal holds it, and openssl checks the printed line.
#[test]
fn the_minutes_carry_the_signed_seal_an_inspector_checks_with_openssl() {
    use chibo::report::minutes::{Language, Minutes};
    let mut journal = Journal::new();
    let mut lines: Vec<String> = setup_commands(&["commune", "march_ready", "march_adopted"])
        .iter()
        .map(|c| journal.execute(c).unwrap().line)
        .collect();
    let at = "2025-03-05T09:20:00+07:00";
    run(
        &mut journal,
        &mut lines,
        None,
        &command(
            "vp",
            "2025-03-05T09:16:00+07:00",
            register("x1-bt", &SECRETARY),
        ),
    )
    .unwrap();
    let seal_of = |journal: &Journal, actor: &str, meeting: &str| {
        let head = journal.head();
        command(
            actor,
            at,
            json!({"seal_journal": {"seq": head.seq, "hash": head.hash, "meeting": meeting}}),
        )
    };
    // Only the meeting's cell secretary (or the registrar) seals its close.
    let refused = journal.execute(seal_of(&journal, "x1-03", "m-2025-03"));
    assert_eq!(refused.unwrap_err().code(), "permission.denied");
    let seal = seal_of(&journal, "x1-bt", "m-2025-03");
    run(&mut journal, &mut lines, Some(&SECRETARY), &seal).unwrap();
    let seal_line = lines.last().unwrap().clone();

    let minutes = Minutes::of(journal.commune(), &"m-2025-03".into()).unwrap();
    assert_eq!(minutes.seals.len(), 1);
    let printed = &minutes.seals[0];
    assert_eq!(printed.line, seal_line.trim_end());
    assert_eq!(printed.record, journal.head().seq);
    assert_eq!(
        printed.key.as_deref(),
        Some(PublicKey::of_secret(&SECRETARY).to_hex().as_str())
    );
    let markdown = minutes.markdown(Language::Vi);
    assert!(
        markdown.contains("Niêm phong sổ biên bản điện tử"),
        "{markdown}"
    );
    assert!(markdown.contains(&format!("```text\n{}\n```", printed.line)));
    assert!(minutes
        .markdown(Language::En)
        .contains("signed with their Ed25519 key"));
    let html = minutes.html(Language::Vi);
    assert!(
        html.contains("<pre class=\"record\">{&quot;v&quot;:2,"),
        "{html}"
    );
    // The printed seal is the signed seal verify_signed_seal takes.
    verify_signed_seal(text(&lines), printed.line.as_bytes()).unwrap();

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("minutes-seal");
    std::fs::create_dir_all(&dir).unwrap();
    match openssl_verifies(&dir, &printed.line, &PublicKey::of_secret(&SECRETARY)) {
        Some(verified) => {
            assert!(verified, "openssl refused the seal printed in the minutes");
            let other = PublicKey::of_secret(&STRANGER);
            assert_eq!(openssl_verifies(&dir, &printed.line, &other), Some(false));
        }
        None => eprintln!("no openssl here: the printed seal was not checked with it"),
    }
}

/// A seal closing a meeting that has not sat is refused; an unsigned seal is printed as such.
#[test]
fn a_seal_needs_the_meeting_held_and_an_unsigned_one_says_so() {
    use chibo::report::minutes::{Language, Minutes};
    let mut journal = Journal::new();
    for c in setup_commands(&["commune", "march_ready"]) {
        journal.execute(&c).unwrap();
    }
    let head = journal.head();
    let early = command(
        "x1-bt",
        "2025-03-04T20:00:00+07:00",
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash, "meeting": "m-2025-03"}}),
    );
    assert_eq!(
        journal.execute(&early).unwrap_err().code(),
        "transition.out_of_order"
    );
    for c in setup_commands(&["march_adopted"]) {
        journal.execute(&c).unwrap();
    }
    let head = journal.head();
    let seal = command(
        "x1-bt",
        "2025-03-05T09:20:00+07:00",
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash, "meeting": "m-2025-03"}}),
    );
    let line = journal.execute(&seal).unwrap().line;
    let minutes = Minutes::of(journal.commune(), &"m-2025-03".into()).unwrap();
    assert_eq!(minutes.seals[0].line, line.trim_end());
    assert_eq!(minutes.seals[0].signature, None);
    assert!(minutes
        .markdown(Language::Vi)
        .contains("không có chữ ký số"));
}

/// The journal's summary says how many records are signed and unsigned, from when signatures
/// are required and where the last signed seal is; a loaded journal says the same.
#[test]
fn the_summary_marks_unsigned_records_and_the_policy_date() {
    let (journal, _) = setup();
    let before = journal.signing();
    assert_eq!((before.signed, before.unsigned), (0, journal.len()));
    assert_eq!(before.required_from, None);
    assert_eq!(before.last_signed_seal, None);

    let (mut journal, mut lines) = keyed();
    let head = journal.head();
    let seal = command(
        "x1-bt",
        "2025-02-25T08:00:00+07:00",
        json!({"seal_journal": {"seq": head.seq, "hash": head.hash}}),
    );
    run(&mut journal, &mut lines, Some(&SECRETARY), &seal).unwrap();
    let signing = journal.signing();
    assert_eq!(signing.signed, 2, "the policy and the seal");
    assert_eq!(signing.unsigned, journal.len() - 2);
    assert_eq!(
        signing.required_from,
        chrono::NaiveDate::from_ymd_opt(2025, 2, 1)
    );
    assert_eq!(signing.last_signed_seal, Some(journal.len()));
    assert_eq!(Journal::load(text(&lines)).unwrap().signing(), signing);
    assert_eq!(
        Journal::load_on(text(&lines), std::num::NonZeroUsize::new(2).unwrap())
            .unwrap()
            .signing(),
        signing
    );
}
