//! Faults a real file meets: a file saved by an editor with other line endings or a byte-order
//! mark, and a file renamed over the journal while it is open. After each, what the handle
//! reports equals what is on disk, and no byte that might be a record is lost. (A full disk
//! mid-write: `full_disk.rs`, in its own binary because it starts a child process.)

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::Refusal;
use chibo_store::{repair_file, verify_file, JournalFile};
use std::fs;
use support::{add_member, scratch, setup};

fn written(name: &str) -> (std::path::PathBuf, Vec<u8>, chibo::journal::Head) {
    let path = scratch(name).join("journal.jsonl");
    let mut file = JournalFile::create(&path).unwrap();
    for command in setup(&["commune"]) {
        file.execute(&command).unwrap();
    }
    let head = file.head();
    drop(file);
    let bytes = fs::read(&path).unwrap();
    (path, bytes, head)
}

#[test]
fn other_line_endings_and_a_byte_order_mark_are_refused_untouched_then_repaired() {
    let (path, bytes, head) = written("endings");
    let text = String::from_utf8(bytes.clone()).unwrap();
    for (damaged, code) in [
        (text.replace('\n', "\r\n"), "journal.line_endings"),
        (text.replace('\n', "\r"), "journal.line_endings"),
        (format!("\u{feff}{text}"), "journal.byte_order_mark"),
    ] {
        fs::write(&path, &damaged).unwrap();
        let error = JournalFile::open(&path).unwrap_err();
        assert_eq!(error.code(), code);
        assert_eq!(fs::read(&path).unwrap(), damaged.as_bytes(), "untouched");
        assert_eq!(verify_file(&path).unwrap_err().code(), code);
        let (repaired_head, kept) = repair_file(&path).unwrap();
        assert_eq!(repaired_head, head);
        assert_eq!(
            fs::read(&kept).unwrap(),
            damaged.as_bytes(),
            "original kept"
        );
        assert_eq!(fs::read(&path).unwrap(), bytes);
        let (file, _) = JournalFile::open(&path).unwrap();
        assert_eq!(file.head(), head);
        drop(file);
        fs::remove_file(kept).unwrap();
    }
    // Repair refuses what does not verify, and changes nothing.
    let mut altered = text.replace('\n', "\r\n");
    altered = altered.replacen("Nga Trường", "Nga Truong", 1);
    fs::write(&path, &altered).unwrap();
    assert_eq!(
        repair_file(&path).unwrap_err().code(),
        "journal.hash_mismatch"
    );
    assert_eq!(fs::read(&path).unwrap(), altered.as_bytes());
}

#[test]
fn a_file_renamed_over_the_journal_is_detected_before_any_write() {
    let (path, _, head) = written("replaced");
    let (mut first, _) = JournalFile::open(&path).unwrap();
    // Another copy of the journal is put at the path (a sync tool, a restore from backup).
    let other = path.with_file_name("other.jsonl");
    fs::copy(&path, &other).unwrap();
    fs::rename(&other, &path).unwrap();
    let error = first.execute(add_member("m-1")).unwrap_err();
    assert_eq!(error.code(), "store.replaced");
    assert_eq!(first.head(), head, "nothing applied");
    assert!(!first
        .commune()
        .organisation
        .members
        .contains_key(&"m-1".into()));
    // A second writer opens the file now at the path; the first stays refused.
    let (mut second, _) = JournalFile::open(&path).unwrap();
    second.execute(add_member("m-2")).unwrap();
    assert_eq!(
        first.execute(add_member("m-3")).unwrap_err().code(),
        "store.replaced"
    );
    assert_eq!(second.head().seq, head.seq + 1);
}
