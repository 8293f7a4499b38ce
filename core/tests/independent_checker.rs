//! The independent checker (`scripts/verify_journal.py`, Python's standard library only) is as
//! strict about the journal's envelope as chibo: on the same damaged files, both refuse. Each
//! damage is made on the last record and the record's hash recomputed, so it is the envelope that
//! is wrong, not the hash.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::journal::{self, Journal};
use sha2::{Digest as _, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use support::setup_commands;

fn lines() -> Vec<String> {
    let mut journal = Journal::new();
    setup_commands(&["commune", "march_ready"])
        .iter()
        .map(|c| journal.execute(c).unwrap().line)
        .collect()
}

/// The line with its body replaced (the hash recomputed over the new body).
fn rehashed(body: &str) -> String {
    let hash: String = Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{},\"hash\":\"{hash}\"}}", &body[..body.len() - 1])
}

fn body(line: &str) -> String {
    format!("{}}}", &line[..line.len() - 75])
}

/// Whether the checker accepts the text (exit 0) or refuses it (exit 1).
fn checker_accepts(dir: &Path, name: &str, text: &[u8]) -> bool {
    let path = dir.join(format!("{name}.jsonl"));
    std::fs::write(&path, text).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/verify_journal.py");
    let status = Process::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to run the independent checker: {e}"));
    match status.status.code() {
        Some(0) => true,
        Some(1) => false,
        other => panic!(
            "{name}: the checker stopped with {other:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        ),
    }
}

fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("independent-checker");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_checker_refuses_what_chibo_refuses_about_the_envelope() {
    let dir = scratch();
    let lines = lines();
    let last = lines.last().unwrap();
    let last_body = body(last);
    let with_last = |line: String| {
        let mut all = lines[..lines.len() - 1].to_vec();
        all.push(line);
        all.join("\n") + "\n"
    };
    let whole = with_last(last.clone());
    assert!(checker_accepts(&dir, "whole", whole.as_bytes()));
    assert!(journal::verify(&whole).is_ok() && Journal::load(&whole).is_ok());

    let seq = format!("\"seq\":{}", lines.len());
    let event_at = last_body.find(",\"event\":").unwrap();
    let damaged: Vec<(&str, String)> = vec![
        (
            "seq as a float",
            with_last(rehashed(&last_body.replacen(&seq, &format!("{seq}.0"), 1))),
        ),
        (
            "seq as true",
            with_last(rehashed(&last_body.replacen(&seq, "\"seq\":true", 1))),
        ),
        (
            "seq as text",
            with_last(rehashed(&last_body.replacen(
                &seq,
                &format!("\"seq\":\"{}\"", lines.len()),
                1,
            ))),
        ),
        (
            "version 99",
            with_last(rehashed(&last_body.replacen("\"v\":1", "\"v\":99", 1))),
        ),
        (
            "version as text",
            with_last(rehashed(&last_body.replacen("\"v\":1", "\"v\":\"1\"", 1))),
        ),
        (
            "version negative",
            with_last(rehashed(&last_body.replacen("\"v\":1", "\"v\":-1", 1))),
        ),
        (
            "a duplicate key",
            with_last(rehashed(&last_body.replacen(
                "\"v\":1",
                "\"v\":1,\"v\":1",
                1,
            ))),
        ),
        (
            "an unknown key",
            with_last(rehashed(&last_body.replacen(
                "\"v\":1",
                "\"v\":1,\"x\":1",
                1,
            ))),
        ),
        (
            "the event as NaN",
            with_last(rehashed(&format!(
                "{}\"event\":NaN}}",
                &last_body[..=event_at]
            ))),
        ),
        (
            "no event",
            with_last(rehashed(&format!("{}}}", &last_body[..event_at]))),
        ),
        (
            "prev in upper case",
            with_last(rehashed(&{
                let prev_at = last_body.find("\"prev\":\"").unwrap() + 8;
                let upper = last_body[prev_at..prev_at + 64].to_uppercase();
                format!(
                    "{}{upper}{}",
                    &last_body[..prev_at],
                    &last_body[prev_at + 64..]
                )
            })),
        ),
        (
            "origin not hex",
            with_last(rehashed(&format!(
                "{},\"origin\":\"zz\"}}",
                &last_body[..last_body.len() - 1]
            ))),
        ),
        ("CR LF line endings", whole.replace('\n', "\r\n")),
        ("a byte-order mark", format!("\u{feff}{whole}")),
        (
            "a line longer than any record",
            with_last(format!("{last}{}", " ".repeat(1 << 20))),
        ),
    ];
    for (name, text) in &damaged {
        let chibo_refuses = journal::verify(text).is_err() && Journal::load(text).is_err();
        assert!(chibo_refuses, "{name}: chibo accepted it");
        assert!(
            !checker_accepts(&dir, &name.replace(' ', "-"), text.as_bytes()),
            "{name}: chibo refuses it, the independent checker accepted it"
        );
    }
    // An event that is not a command: the chain is sound (verify), the content is not (load);
    // the checker, which reads no content, still refuses an event that is not an object.
    let not_object = with_last(rehashed(&format!(
        "{}\"event\":1}}",
        &last_body[..=event_at]
    )));
    assert!(Journal::load(&not_object).is_err());
    assert!(!checker_accepts(
        &dir,
        "event-not-object",
        not_object.as_bytes()
    ));
}
