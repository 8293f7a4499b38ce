//! A full disk part-way through a write: the kernel itself refuses the write with EFBIG after
//! writing part of it (RLIMIT_FSIZE on a child process). Afterwards the handle's head, members and
//! state equal the file's, a batch keeps none of itself, and reopening finds no partial line.
//!
//! The test runs this test binary again as a child under
//! `sh -c 'trap "" XFSZ; exec prlimit --fsize=N …'` (SIGXFSZ ignored, so the write returns EFBIG
//! instead of killing the process), with `CHIBO_FSIZE_CHILD` naming the journal. It is alone in
//! its binary: a child started while another test holds a journal's lock would share that open
//! file until it execs, and the other test would see `store.locked`.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::Refusal;
use chibo_store::{JournalFile, StoreError};
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
        match file.execute(add_member(&format!("m-{accepted}"))) {
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
