//! Crash test: a child process appends records in a loop and is killed with SIGKILL at random
//! moments, over and over. Every record it acknowledged (printed after `execute` returned, that
//! is after fsync) must be there when the next child reopens the file, and the file must verify.
//!
//! The child is this same test binary, run again with `CHIBO_CRASH_CHILD` set to the file's path.
//! `CHIBO_CRASH_KILLS` sets the number of kills (default 200).
//!
//! SIGKILL stops the process, not the machine: what the kernel has accepted reaches the disk.
//! Power loss is covered by `file.rs`'s torn-tail test, which cuts the last record at every byte.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)] // tests

mod support;

use chibo::Command;
use chibo_store::{verify_file, JournalFile};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command as Process, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use support::{add_member, scratch, setup};

const CHILD: &str = "CHIBO_CRASH_CHILD";

/// The endless, deterministic stream of commands the child appends: the commune, then members.
fn command(index: u64, founding: &[Command]) -> Command {
    match usize::try_from(index).ok().and_then(|i| founding.get(i)) {
        Some(command) => command.clone(),
        None => add_member(&format!("m-{index}")),
    }
}

/// The child: reopen, say how many records are there, then append and acknowledge forever.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD) else {
        return; // run as a normal test: nothing to do
    };
    let founding = setup(&["commune"]);
    let (mut file, opened) = JournalFile::open_or_create(&path).unwrap();
    let mut out = std::io::stdout().lock();
    let torn = opened.torn.map_or(0, |t| t.bytes);
    writeln!(out, "opened {} torn {torn}", opened.records).unwrap();
    out.flush().unwrap();
    let mut next = opened.records;
    loop {
        let encoded = file.execute(command(next, &founding)).unwrap();
        next += 1;
        writeln!(out, "ack {}", encoded.seq).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn every_acknowledged_record_survives_sigkill() {
    if std::env::var(CHILD).is_ok() {
        return;
    }
    let kills: u32 = std::env::var("CHIBO_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(200);
    let dir = scratch("crash");
    let path = dir.join("journal.jsonl");
    let exe = std::env::current_exe().unwrap();
    let mut acknowledged = 0u64;
    let mut torn_seen = 0;
    let mut rng = 0x5eed_u64;
    for round in 0..kills {
        let mut child = Process::new(&exe)
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Wait until the child has reopened the file and check what it found.
        let opened = loop {
            let line = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|e| panic!("round {round}: the child said nothing: {e}"));
            // libtest may print `test crash_child ... ` on the same line first.
            if let Some((_, rest)) = line.split_once("opened ") {
                break rest.to_owned();
            }
        };
        let mut words = opened.split(' ');
        let records: u64 = words.next().and_then(|n| n.parse().ok()).unwrap();
        let torn: u64 = words.nth(1).and_then(|n| n.parse().ok()).unwrap();
        assert!(
            records >= acknowledged,
            "round {round}: {acknowledged} records were acknowledged, only {records} reopened"
        );
        torn_seen += u32::from(torn > 0);
        // Let it append for 0–20 ms, then kill it without warning.
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        std::thread::sleep(Duration::from_micros((rng >> 33) % 20_000));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            if let Some(seq) = line.strip_prefix("ack ").and_then(|s| s.parse().ok()) {
                acknowledged = acknowledged.max(seq);
            }
        }
    }
    let verified = verify_file(&path).unwrap();
    let (file, _) = JournalFile::open(&path).unwrap();
    assert!(file.head().seq >= acknowledged);
    assert_eq!(verified.head.seq, file.head().seq);
    println!(
        "{kills} kills, {acknowledged} records acknowledged, {} in the file, {torn_seen} torn tails cut",
        file.head().seq
    );
    assert!(
        acknowledged > u64::from(kills),
        "the children appended too little to test anything"
    );
}
