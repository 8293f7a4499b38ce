//! The journal file's promises: lock, durability, torn tails cut and reported, damage refused
//! without touching the file, merge appended durably.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::journal::{self, Journal};
use chibo::Refusal;
use chibo_store::{verify_file, JournalFile, StoreError};
use std::fs;
use support::{add_member, scratch, setup};

fn written(name: &str, setups: &[&str]) -> (std::path::PathBuf, Vec<u8>, chibo::journal::Head) {
    let dir = scratch(name);
    let path = dir.join("journal.jsonl");
    let mut file = JournalFile::create(&path).unwrap();
    for command in setup(setups) {
        file.execute(&command).unwrap();
    }
    let head = file.head();
    drop(file);
    let bytes = fs::read(&path).unwrap();
    (path, bytes, head)
}

#[test]
fn written_file_reopens_to_the_same_state_and_verifies() {
    let dir = scratch("reopen");
    let path = dir.join("journal.jsonl");
    let mut file = JournalFile::create(&path).unwrap();
    let commands = setup(&["commune", "march_ready", "march_adopted"]);
    let batch = file.execute_batch(&commands).unwrap();
    assert_eq!(batch.appended.len(), commands.len());
    assert!(batch.refused.is_none());
    let live = serde_json::to_string(file.commune()).unwrap();
    let head = file.head();
    drop(file);

    let (file, opened) = JournalFile::open(&path).unwrap();
    assert_eq!(opened.records, commands.len() as u64);
    assert_eq!(opened.torn, None);
    assert_eq!(file.head(), head);
    assert_eq!(serde_json::to_string(file.commune()).unwrap(), live);
    assert_eq!(verify_file(&path).unwrap().head, head);
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_file() {
    let (path, _, _) = written("lock", &["commune"]);
    let (first, _) = JournalFile::open(&path).unwrap();
    let second = JournalFile::open(&path).unwrap_err();
    assert_eq!(second.code(), "store.locked");
    assert!(second.message_vi().contains("đang được mở"));
    drop(first);
    assert!(JournalFile::open(&path).is_ok());
}

#[test]
fn create_refuses_an_existing_file() {
    let (path, _, _) = written("exists", &["commune"]);
    assert_eq!(
        JournalFile::create(&path).unwrap_err().code(),
        "store.exists"
    );
}

#[test]
fn a_refused_command_writes_nothing() {
    let (path, bytes, head) = written("refused", &["commune"]);
    let (mut file, _) = JournalFile::open(&path).unwrap();
    file.execute(add_member("m-1")).unwrap();
    let again = file.execute(add_member("m-1")).unwrap_err();
    assert_eq!(again.code(), "lookup.duplicate_id");
    drop(file);
    let after = fs::read(&path).unwrap();
    assert!(after.starts_with(&bytes));
    assert_eq!(
        after.iter().filter(|&&b| b == b'\n').count(),
        head.seq as usize + 1
    );
}

#[test]
fn a_batch_stops_at_the_first_refusal_and_keeps_what_came_before() {
    let (path, _, head) = written("batch", &["commune"]);
    let (mut file, _) = JournalFile::open(&path).unwrap();
    let batch = file
        .execute_batch(&[add_member("m-1"), add_member("m-1"), add_member("m-2")])
        .unwrap();
    assert_eq!(batch.appended.len(), 1);
    let (index, error) = batch.refused.unwrap();
    assert_eq!((index, error.code()), (1, "lookup.duplicate_id"));
    drop(file);
    let (file, _) = JournalFile::open(&path).unwrap();
    assert_eq!(file.head().seq, head.seq + 1);
}

/// A power loss mid-write leaves a prefix of the last line. Every such prefix is cut on open,
/// reported, and the acknowledged records before it are all there.
#[test]
fn a_torn_last_record_is_cut_and_reported_at_every_byte() {
    let (path, bytes, head) = written("torn", &["commune"]);
    let last_start = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    for cut in last_start + 1..bytes.len() - 1 {
        fs::write(&path, &bytes[..cut]).unwrap();
        let (file, opened) = JournalFile::open(&path).unwrap();
        let torn = opened.torn.expect("a torn tail is reported");
        assert_eq!(torn.line, head.seq);
        assert_eq!(torn.offset, last_start as u64);
        assert_eq!(torn.bytes, (cut - last_start) as u64);
        assert!(!opened.newline_added);
        assert_eq!(file.head().seq, head.seq - 1);
        drop(file);
        assert_eq!(fs::read(&path).unwrap(), &bytes[..last_start]);
        // The cut bytes were saved beside the journal first.
        let saved = torn.saved_to.expect("the torn bytes are saved");
        assert_eq!(
            saved.file_name().unwrap().to_string_lossy(),
            format!("journal.jsonl.torn-{}", head.seq)
        );
        assert_eq!(fs::read(&saved).unwrap(), &bytes[last_start..cut]);
        fs::remove_file(saved).unwrap();
    }
    // The whole last record without its line feed (an editor saved the file) is not torn: it is
    // kept, and the line feed added.
    fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
    let (file, opened) = JournalFile::open(&path).unwrap();
    assert_eq!((opened.torn, opened.newline_added), (None, true));
    assert_eq!(file.head(), head);
    drop(file);
    assert_eq!(fs::read(&path).unwrap(), bytes);
    // Zeros after the last record (a file extended but not written) are a torn tail too.
    let mut zeroed = bytes.clone();
    zeroed.extend_from_slice(&[0; 512]);
    fs::write(&path, &zeroed).unwrap();
    let (file, opened) = JournalFile::open(&path).unwrap();
    assert_eq!(opened.torn.map(|t| t.bytes), Some(512));
    assert_eq!(file.head(), head);
}

/// Damage that is not a torn tail is an error naming the line, and the file is left alone.
#[test]
fn damage_inside_the_file_is_refused_and_the_file_is_untouched() {
    let (path, bytes, _) = written("damage", &["commune"]);
    let mut damaged = bytes.clone();
    let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 40;
    damaged[at] ^= 0x01;
    fs::write(&path, &damaged).unwrap();
    let error = JournalFile::open(&path).unwrap_err();
    assert!(matches!(
        error.code(),
        "journal.hash_mismatch" | "journal.malformed"
    ));
    match &error {
        StoreError::Core(chibo::Error::Journal(e)) => assert_eq!(e.line(), Some(2)),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), damaged);
    assert_eq!(verify_file(&path).unwrap_err().code(), error.code());
}

#[test]
fn verify_file_reports_a_torn_tail_without_cutting_it() {
    let (path, mut bytes, head) = written("verify_torn", &["commune"]);
    bytes.extend_from_slice(b"{\"v\":1,\"seq\"");
    fs::write(&path, &bytes).unwrap();
    let verified = verify_file(&path).unwrap();
    assert_eq!(verified.head, head);
    assert_eq!(verified.torn.map(|t| t.bytes), Some(12));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

/// A secretary records a meeting offline on a device copy; the office merges it.
#[test]
fn a_device_journal_merges_into_the_file_durably() {
    let (path, bytes, head) = written("merge", &["commune", "march_ready"]);
    let mut device = Journal::load(&bytes).unwrap();
    let mut device_text = String::from_utf8(bytes.clone()).unwrap();
    for command in setup(&["march_adopted"]) {
        device_text.push_str(&device.execute(&command).unwrap().line);
        device_text.push('\n');
    }
    let (mut file, _) = JournalFile::open(&path).unwrap();
    let merge = file.merge(&device_text).unwrap();
    assert_eq!(merge.fork, head.seq);
    assert!(merge.conflicts.is_empty());
    assert_eq!(merge.appended.len() as u64, device.head().seq - head.seq);
    let merged = serde_json::to_string(file.commune()).unwrap();
    drop(file);
    let (file, _) = JournalFile::open(&path).unwrap();
    assert_eq!(serde_json::to_string(file.commune()).unwrap(), merged);
    assert_eq!(file.head(), device.head());
    assert!(journal::verify(fs::read(&path).unwrap()).is_ok());
}
