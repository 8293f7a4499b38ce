//! Faults a real file meets: a full disk mid-write (RLIMIT_FSIZE, so the kernel itself refuses
//! with EFBIG after a partial write), a file saved by an editor with other line endings or a
//! byte-order mark, and a file renamed over the journal while it is open. After each, what the
//! handle reports equals what is on disk, and no byte that might be a record is lost.
//!
//! The full-disk test runs this test binary again as a child under
//! `sh -c 'trap "" XFSZ; exec prlimit --fsize=N …'` (SIGXFSZ ignored, so the write returns EFBIG
//! instead of killing the process), with `CHIBO_FSIZE_CHILD` naming the journal.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::Refusal;
use chibo_store::{repair_file, verify_file, JournalFile, StoreError};
use std::fs;
use std::io::Write;
use std::process::Command as Process;
use support::{add_member, scratch, setup};

const CHILD: &str = "CHIBO_FSIZE_CHILD";

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

/// The child: appends members until the file-size limit refuses a write, then checks that the
/// handle and the file agree and says so.
#[test]
fn fsize_child() {
    let Ok(path) = std::env::var(CHILD) else {
        return; // run as a normal test: nothing to do
    };
    let (mut file, _) = JournalFile::open(&path).unwrap();
    let before_members = file.commune().organisation.members.len();
    let mut accepted = 0;
    let error = loop {
        match file.execute(&add_member(&format!("m-{accepted}"))) {
            Ok(_) => accepted += 1,
            Err(error) => break error,
        }
    };
    let on_disk = chibo::Journal::load(fs::read(&path).unwrap()).unwrap();
    let same_state = serde_json::to_string(on_disk.commune()).unwrap()
        == serde_json::to_string(file.commune()).unwrap();
    let members = file.commune().organisation.members.len();
    // A batch that crosses the limit keeps none of itself either.
    let batch = file.execute_batch(&[add_member("b-1"), add_member("b-2"), add_member("b-3")]);
    let after_batch = file.head();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "result {} {} {} {} {} {} {} {}",
        error.code(),
        matches!(&error, StoreError::Io { detail, .. } if detail.contains("too large")),
        accepted,
        members == before_members + accepted,
        on_disk.head() == file.head(),
        same_state,
        batch.is_err() && after_batch == on_disk.head(),
        file.is_poisoned(),
    )
    .unwrap();
}

#[test]
fn a_full_disk_leaves_the_handle_equal_to_the_file() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let (path, bytes, head) = written("fsize");
    // Room for two more records and part of a third.
    let limit = bytes.len() + 2 * 330 + 100;
    let exe = std::env::current_exe().unwrap();
    let output = Process::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec prlimit --fsize=\"$1\":\"$1\" \"$2\" fsize_child --exact --nocapture --test-threads=1")
        .arg("sh")
        .arg(limit.to_string())
        .arg(&exe)
        .env(CHILD, &path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let result = stdout
        .lines()
        .find_map(|l| l.split_once("result ").map(|(_, r)| r.to_owned()))
        .unwrap_or_else(|| {
            panic!(
                "the child said nothing: {stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let words: Vec<&str> = result.split(' ').collect();
    assert_eq!(words[0], "store.io", "{result}");
    assert_eq!(words[1], "true", "the write failed with EFBIG: {result}");
    let accepted: usize = words[2].parse().unwrap();
    assert!(accepted >= 1, "{result}");
    assert_eq!(
        &words[3..],
        ["true", "true", "true", "true", "false"],
        "members, head, state and batch agree with the file, not poisoned: {result}"
    );
    // The file holds exactly the acknowledged records: no partial line left behind.
    let (file, opened) = JournalFile::open(&path).unwrap();
    assert_eq!(opened.torn, None);
    assert!(!opened.newline_added);
    assert_eq!(file.head().seq, head.seq + accepted as u64);
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
    let error = first.execute(&add_member("m-1")).unwrap_err();
    assert_eq!(error.code(), "store.replaced");
    assert_eq!(first.head(), head, "nothing applied");
    assert!(!first
        .commune()
        .organisation
        .members
        .contains_key(&"m-1".into()));
    // A second writer opens the file now at the path; the first stays refused.
    let (mut second, _) = JournalFile::open(&path).unwrap();
    second.execute(&add_member("m-2")).unwrap();
    assert_eq!(
        first.execute(&add_member("m-3")).unwrap_err().code(),
        "store.replaced"
    );
    assert_eq!(second.head().seq, head.seq + 1);
}
