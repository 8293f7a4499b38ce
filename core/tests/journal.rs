//! Tamper and bad-input tests of the journal: every byte flipped, every record dropped,
//! duplicated, swapped or forged is detected at the right line; every kind of bad line is a
//! typed `journal.*` error naming the line; and the chain can be re-checked without the library
//! (plain SHA-256 over the documented canonical encoding).

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::error::{JournalError, CODES};
use chibo::journal::{self, encode, verify, verify_sealed, Digest, Head, Journal, GENESIS};
use chibo::{Command, Error, Event};
use serde_json::Value;
use sha2::{Digest as _, Sha256};
use std::collections::BTreeSet;
use std::path::Path;
use support::setup_commands as setup;

/// The journal of the setup world up to the March meeting's adoption, as lines.
fn sample() -> (Vec<String>, Head) {
    let mut journal = Journal::new();
    let lines: Vec<String> = setup(&["commune", "march_ready", "march_adopted"])
        .iter()
        .map(|c| journal.execute(c).unwrap().line)
        .collect();
    (lines, journal.head())
}

fn text(lines: &[String]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

fn journal_error(error: Error) -> JournalError {
    match error {
        Error::Journal(e) => e,
        other => panic!("not a journal error: {other:?}"),
    }
}

fn failing_line(bytes: &[u8]) -> Option<u64> {
    verify(bytes)
        .err()
        .map(|e| journal_error(e).line().unwrap())
}

/// SHA-256 over a body, computed here without the library, and the line it makes.
fn seal(body: &str) -> String {
    let hash: [u8; 32] = Sha256::digest(body.as_bytes()).into();
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("{},\"hash\":\"{hex}\"}}", &body[..body.len() - 1])
}

fn body(line: &str) -> String {
    format!("{}}}", &line[..line.len() - 75])
}

#[test]
fn the_chain_rechecks_with_plain_sha256() {
    let (lines, head) = sample();
    let mut prev = "0".repeat(64);
    for (i, line) in lines.iter().enumerate() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["seq"], i as u64 + 1);
        assert_eq!(value["prev"], prev.as_str());
        assert_eq!(&seal(&body(line)), line, "line {} is not canonical", i + 1);
        prev = value["hash"].as_str().unwrap().to_owned();
    }
    assert_eq!(prev, head.hash.to_hex());
}

#[test]
fn flipping_any_byte_is_detected_at_its_line() {
    let (lines, _) = sample();
    let original = text(&lines).into_bytes();
    let mut line = 1;
    for i in 0..original.len() {
        let mut bytes = original.clone();
        bytes[i] ^= 0x01;
        assert_eq!(failing_line(&bytes), Some(line), "byte {i} (line {line})");
        if original[i] == b'\n' {
            line += 1;
        }
    }
}

#[test]
fn dropping_duplicating_swapping_or_forging_a_record_is_detected() {
    let (lines, head) = sample();
    let n = lines.len();
    for i in 0..n {
        // Dropped: the next record's sequence number is wrong; the last is caught by the seal.
        let mut dropped = lines.clone();
        dropped.remove(i);
        if i + 1 < n {
            assert_eq!(failing_line(text(&dropped).as_bytes()), Some(i as u64 + 1));
        } else {
            let error = verify_sealed(text(&dropped), &head).unwrap_err();
            assert_eq!(error.code(), "journal.head_mismatch");
        }
        // Duplicated: the copy has the previous sequence number.
        let mut doubled = lines.clone();
        doubled.insert(i + 1, lines[i].clone());
        assert_eq!(failing_line(text(&doubled).as_bytes()), Some(i as u64 + 2));
        // Swapped with the next.
        if i + 1 < n {
            let mut swapped = lines.clone();
            swapped.swap(i, i + 1);
            assert_eq!(failing_line(text(&swapped).as_bytes()), Some(i as u64 + 1));
        }
    }
}

#[test]
fn a_rewritten_record_breaks_the_link_to_the_next_one() {
    let (lines, head) = sample();
    for i in 0..lines.len() {
        // Alter the actor's timestamp and recompute the record's own hash, as a forger would.
        let mut value: Value = serde_json::from_str(&body(&lines[i])).unwrap();
        value["event"]["at"] = Value::from("2025-01-01T00:00:00+07:00");
        let forged = seal(&serde_json::to_string(&value).unwrap());
        let mut altered = lines.clone();
        altered[i] = forged;
        if i + 1 < lines.len() {
            let error = journal_error(verify(text(&altered)).unwrap_err());
            assert_eq!(error, JournalError::BrokenLink { line: i as u64 + 2 });
        } else {
            assert_eq!(
                verify_sealed(text(&altered), &head).unwrap_err().code(),
                "journal.head_mismatch"
            );
        }
    }
}

#[test]
fn a_forged_record_inserted_breaks_the_sequence_after_it() {
    let (lines, _) = sample();
    let journal = Journal::load(text(&lines)).unwrap();
    let events: Vec<Event> = lines
        .iter()
        .map(|l| journal::decode(1, l.as_bytes()).unwrap().event)
        .collect();
    let i = 5;
    let forged = encode(
        i as u64 + 1,
        &journal.hash_at(i as u64).unwrap(),
        &events[3],
    )
    .unwrap();
    let mut inserted = lines.clone();
    inserted.insert(i, forged.line);
    let error = journal_error(verify(text(&inserted)).unwrap_err());
    assert_eq!(
        error,
        JournalError::Sequence {
            line: i as u64 + 2,
            expected: i as u64 + 2,
            found: i as u64 + 1
        }
    );
}

/// Replaces line `i` by a body sealed with a correct hash, so only the content is wrong.
fn with_line(lines: &[String], i: usize, body: &str) -> String {
    let mut lines = lines.to_vec();
    lines[i] = seal(body);
    text(&lines)
}

fn load_error(bytes: impl AsRef<[u8]>) -> (String, Option<u64>) {
    let error = Journal::load(bytes).unwrap_err();
    let code = error.code().to_owned();
    (code, journal_error(error).line())
}

#[test]
fn every_kind_of_bad_line_is_a_typed_error_naming_the_line() {
    let (lines, head) = sample();
    let second = body(&lines[1]);
    let prev = serde_json::from_str::<Value>(&lines[1]).unwrap()["prev"].clone();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not JSON",
            with_line(&lines, 1, "{not json}"),
            "journal.malformed",
        ),
        (
            "unknown event kind",
            with_line(
                &lines,
                1,
                &second.replace("\"add_cell\"", "\"fly_to_moon\""),
            ),
            "journal.malformed",
        ),
        (
            "unknown field",
            with_line(
                &lines,
                1,
                &second.replacen("{\"v\":1,", "{\"v\":1,\"x\":0,", 1),
            ),
            "journal.malformed",
        ),
        (
            "wrong type",
            with_line(&lines, 1, &second.replacen("\"seq\":2", "\"seq\":\"2\"", 1)),
            "journal.malformed",
        ),
        (
            "invalid date",
            with_line(&lines, 1, &second.replacen("2025-01-02T", "2025-13-45T", 1)),
            "journal.malformed",
        ),
        (
            "prev not a hash",
            with_line(&lines, 1, &second.replacen(prev.as_str().unwrap(), "zz", 1)),
            "journal.malformed",
        ),
        (
            "newer version",
            with_line(&lines, 1, &second.replacen("{\"v\":1,", "{\"v\":3,", 1)),
            "journal.unsupported_version",
        ),
        (
            "sequence out of order",
            with_line(&lines, 1, &second.replacen("\"seq\":2", "\"seq\":7", 1)),
            "journal.sequence",
        ),
        (
            "prev of another record",
            with_line(
                &lines,
                1,
                &second.replacen(prev.as_str().unwrap(), &"ab".repeat(32), 1),
            ),
            "journal.broken_link",
        ),
        (
            "hash altered",
            text(&[
                lines[0].clone(),
                lines[1].replacen("\"hash\":\"", "\"hash\":\"0", 1),
            ]),
            "journal.malformed",
        ),
        (
            "content altered",
            text(&[lines[0].clone(), lines[1].replacen("co-quan", "co-quax", 1)]),
            "journal.hash_mismatch",
        ),
        (
            "a line longer than any record",
            text(&[lines[0].clone(), "x".repeat(journal::MAX_RECORD_BYTES + 1)]),
            "journal.too_long",
        ),
        (
            "a name longer than the core keeps",
            with_line(
                &lines,
                1,
                &second.replacen("Chi b", &format!("Chi b{}", "ộ".repeat(30_000)), 1),
            ),
            "journal.refused",
        ),
        (
            "Windows line ends",
            format!("{}\n{}\r\n", lines[0], lines[1]),
            "journal.line_endings",
        ),
        (
            "an empty line",
            format!("{}\n\n{}", lines[0], lines[1]),
            "journal.malformed",
        ),
    ];
    for (what, input, code) in &cases {
        let (found, line) = load_error(input.as_bytes());
        assert_eq!(&found, code, "{what}");
        assert_eq!(line, Some(2), "{what}");
    }
    let mut not_utf8 = text(&lines[..2]).into_bytes();
    not_utf8.extend_from_slice(&[0xff, 0xfe, b'\n']);
    assert_eq!(
        load_error(&not_utf8),
        ("journal.malformed".to_owned(), Some(3))
    );
    // A rule-breaking event in a perfect chain: the inner refusal is kept.
    let commands = setup(&["commune"]);
    let orphan = encode(1, &GENESIS, &Event(commands[1].clone())).unwrap();
    let error = journal_error(Journal::load(&orphan.line).unwrap_err());
    match &error {
        JournalError::Refused { line: 1, refusal } => {
            assert_eq!(refusal.code(), "transition.out_of_order");
        }
        other => panic!("{other:?}"),
    }
    // Two journals of different communes do not merge.
    let mut shared = Journal::load(text(&lines)).unwrap();
    let mut other = setup(&["commune"]);
    other[0].at += chrono::Duration::seconds(1);
    let mut device = Journal::new();
    let device_text = text(&[device.execute(&other[0]).unwrap().line]);
    let error = shared.merge(device_text).unwrap_err();
    assert_eq!(error.code(), "journal.unrelated");
    assert_eq!(journal_error(error), JournalError::Unrelated { line: 1 });
    // The seal catches records added after it.
    let short = Head {
        seq: head.seq - 1,
        hash: Digest::from_hex(
            serde_json::from_str::<Value>(&lines[lines.len() - 2]).unwrap()["hash"]
                .as_str()
                .unwrap(),
        )
        .unwrap(),
    };
    assert_eq!(
        verify_sealed(text(&lines), &short).unwrap_err().code(),
        "journal.head_mismatch"
    );
}

#[test]
fn every_journal_code_is_exercised_here() {
    // The signature codes are exercised in signatures.rs.
    let source = [include_str!("journal.rs"), include_str!("signatures.rs")].concat();
    let missing: BTreeSet<&str> = CODES
        .iter()
        .copied()
        .filter(|c| c.starts_with("journal.") && !source.contains(&format!("\"{c}\"")))
        .collect();
    assert!(missing.is_empty(), "journal codes not tested: {missing:?}");
}

/// Old versions still load: `tests/journal/v1.jsonl` was written by the first release of the
/// format and is never regenerated. If this fails, the change broke journals already kept.
#[test]
fn a_frozen_version_1_journal_still_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/journal/v1.jsonl");
    let bytes = std::fs::read(path).unwrap();
    let journal = Journal::load(&bytes).unwrap();
    let head = journal.head();
    assert_eq!(head.seq, 60);
    assert_eq!(
        head.hash.to_hex(),
        "4894d1f4514ad05fa3e06bbd32ff50c1325975f4af5e9bbdacb7a5017421c42f"
    );
    assert!(journal.commune().established);
}

/// The same meeting adopted on the shared journal and, offline, on a device: the device's steps
/// conflict with reasons, and nothing is dropped silently.
#[test]
fn a_meeting_adopted_twice_comes_back_as_conflicts_with_reasons() {
    let mut shared = Journal::new();
    let mut base = Vec::new();
    for command in setup(&["commune", "march_ready"]) {
        base.push(shared.execute(&command).unwrap().line);
    }
    let mut device = Journal::load(text(&base)).unwrap();
    let mut device_lines = base.clone();
    // The office records a new member first, then the same meeting steps: from there on the two
    // journals differ, and each device record is checked again on top of the shared head.
    let member: Command = serde_json::from_value(serde_json::json!({
        "actor": "vp", "at": "2025-03-01T08:00:00+07:00",
        "action": {"add_member": {"member": "x1-new", "name": "Lê Thị Mới",
            "home": {"cell": "co-quan"}, "status": "probationary", "joined_on": "2025-02-20"}}
    }))
    .unwrap();
    shared.execute(&member).unwrap();
    let adoption = setup(&["march_adopted"]);
    for command in &adoption {
        device_lines.push(device.execute(command).unwrap().line);
        shared.execute(command).unwrap();
    }
    let before = shared.head();
    let merge = shared.merge(text(&device_lines)).unwrap();
    assert_eq!(merge.fork, base.len() as u64);
    assert_eq!(
        merge.appended.len() + merge.conflicts.len(),
        adoption.len(),
        "every device record is appended or a conflict"
    );
    assert!(merge.appended.is_empty());
    assert_eq!(shared.head(), before);
    let codes: BTreeSet<&str> = merge.conflicts.iter().map(|c| c.reason.code()).collect();
    assert!(
        codes.contains("transition.out_of_order"),
        "conflict codes: {codes:?}"
    );
    let first = &merge.conflicts[0];
    assert_eq!(first.device_seq, base.len() as u64 + 1);
    assert!(!first.reason.message_vi().is_empty());
    let json = serde_json::to_value(first).unwrap();
    assert_eq!(json["reason"]["code"], first.reason.code());
}

/// What editors and crashes leave: a missing last line feed keeps the record; CR LF, CR and a
/// byte-order mark are refused naming the line, and `repair` rewrites them only after every hash
/// checks; a torn tail is told apart from a whole record.
#[test]
fn line_endings_byte_order_marks_and_tails_lose_no_record() {
    let (lines, head) = sample();
    let whole = text(&lines);
    let crlf = whole.replace('\n', "\r\n");
    assert_eq!(
        load_error(&crlf),
        ("journal.line_endings".to_owned(), Some(1))
    );
    let cr_only = whole.replace('\n', "\r");
    assert_eq!(
        load_error(&cr_only),
        ("journal.line_endings".to_owned(), Some(1))
    );
    let mut late_crlf = whole.clone();
    late_crlf.insert(late_crlf.len() - 1, '\r');
    assert_eq!(
        verify(&late_crlf).unwrap_err().code(),
        "journal.line_endings"
    );
    assert_eq!(
        journal_error(verify(&late_crlf).unwrap_err()).line(),
        Some(lines.len() as u64)
    );
    let bom = format!("\u{feff}{whole}");
    assert_eq!(
        load_error(&bom),
        ("journal.byte_order_mark".to_owned(), None)
    );
    for damaged in [&crlf, &cr_only, &bom] {
        let (fixed, fixed_head) = journal::repair(damaged.as_bytes()).unwrap();
        assert_eq!(fixed, whole);
        assert_eq!(fixed_head, head);
    }
    // Repair checks every hash before rewriting anything.
    let mut altered = crlf.clone();
    altered = altered.replacen("Nga Trường", "Nga Truong", 1);
    assert_eq!(
        journal::repair(altered.as_bytes()).unwrap_err().code(),
        "journal.hash_mismatch"
    );

    // A last record without its line feed is whole: kept, not cut.
    let unterminated = whole.trim_end_matches('\n');
    let layout = journal::layout(unterminated.as_bytes()).unwrap();
    assert_eq!(layout.tail, journal::Tail::MissingNewline);
    assert_eq!(layout.records_end, unterminated.len());
    assert_eq!(Journal::load(unterminated).unwrap().head(), head);
    // Anything shorter is torn, at every cut.
    let last = lines.last().unwrap();
    let start = whole.len() - last.len() - 1;
    for cut in 1..last.len() {
        let bytes = &whole.as_bytes()[..start + cut];
        let layout = journal::layout(bytes).unwrap();
        assert_eq!(
            layout.tail,
            journal::Tail::Torn(journal::TornTail {
                line: lines.len() as u64,
                offset: start as u64,
                bytes: cut as u64,
            })
        );
        assert_eq!(layout.records_end, start);
    }
    assert_eq!(
        journal::layout(whole.as_bytes()).unwrap().tail,
        journal::Tail::Clean
    );
}

/// A device's steps written on top of its own version of a meeting conflict in turn when that
/// version conflicts: its tasks are not assigned on top of the office's different record.
#[test]
fn a_device_record_depending_on_a_conflict_conflicts_in_turn() {
    let mut shared = Journal::new();
    let mut base = Vec::new();
    for command in setup(&["commune", "march_ready"]) {
        base.push(shared.execute(&command).unwrap().line);
    }
    let mut device = Journal::load(text(&base)).unwrap();
    let mut device_lines = base.clone();
    // The office records the meeting with another end time; the device records it as the setup
    // does, then assigns the tasks and one member reports.
    let mut office_record = setup(&["march_adopted"]);
    if let chibo::Action::RecordMeeting { record, .. } = &mut office_record[0].action {
        record.ended_at -= chrono::Duration::minutes(5);
    }
    shared.execute(&office_record[0]).unwrap();
    let mut device_steps = setup(&["march_adopted", "march_assigned"]);
    device_steps.push(
        serde_json::from_value(serde_json::json!({
            "actor": "x1-03", "at": "2025-04-05T08:00:00+07:00",
            "action": {"report_task": {"task": "t-03-03", "outcome": "on_time"}}
        }))
        .unwrap(),
    );
    for command in &device_steps {
        device_lines.push(device.execute(command).unwrap().line);
    }
    let before = shared.head();
    let merge = shared.merge(text(&device_lines)).unwrap();
    assert!(merge.appended.is_empty(), "{:?}", merge.appended);
    assert_eq!(shared.head(), before);
    let record_seq = base.len() as u64 + 1;
    let codes: Vec<(&str, u64)> = merge
        .conflicts
        .iter()
        .map(|c| (c.reason.code(), c.device_seq))
        .collect();
    assert_eq!(
        codes,
        [
            ("transition.out_of_order", record_seq),
            ("journal.depends_on_conflict", record_seq + 1),
            ("journal.depends_on_conflict", record_seq + 2),
        ]
    );
    match journal_error(merge.conflicts[1].reason.clone()) {
        JournalError::DependsOnConflict {
            depends_on,
            kind,
            id,
            ..
        } => assert_eq!(
            (depends_on, kind.as_str(), id.as_str()),
            (record_seq, "meeting", "m-2025-03")
        ),
        other => panic!("{other:?}"),
    }
    match journal_error(merge.conflicts[2].reason.clone()) {
        JournalError::DependsOnConflict {
            depends_on, kind, ..
        } => assert_eq!((depends_on, kind.as_str()), (record_seq + 1, "task")),
        other => panic!("{other:?}"),
    }
    assert!(merge.conflicts[2]
        .reason
        .message_vi()
        .contains("giải quyết"));
}
