//! What each fuzz target does with one input. Shared by the cargo-fuzz targets in
//! `fuzz_targets/` and by `core/tests/fuzz_corpus.rs`, which replays the saved corpus in the
//! test command. A panic anywhere here is a bug: every input must give a value or a typed error.

use chibo::ids::MemberId;
use chibo::journal::{self, Journal, PublicKey};
use chibo::report::query::{self, Query};
use chibo::{Command, Error};
use std::sync::OnceLock;

/// Decodes, verifies and replays arbitrary bytes as a journal; merges them into a small journal.
pub fn journal_decode(data: &[u8]) {
    let loaded = Journal::load(data);
    let verified = journal::verify(data);
    // A journal that loads also verifies, to the same head.
    if let Ok(journal) = &loaded {
        assert_eq!(verified.as_ref().ok(), Some(&journal.head()));
    }
    if let Err(Error::Journal(e)) = &loaded {
        let lines = data.split(|&b| b == b'\n').count() as u64;
        assert!(e.line().map_or(true, |l| l >= 1 && l <= lines.max(1)));
    }
    let mut shared = world().clone();
    let _ = shared.merge(data);
}

/// Executes arbitrary bytes, read as JSON Lines of commands, on the setup world. A refused
/// command must leave the state unchanged; the accepted ones must replay to the same state.
pub fn command_execute(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut journal = world().clone();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let Ok(command) = serde_json::from_str::<Command>(line) else {
            continue;
        };
        let before = journal.clone();
        match journal.execute(&command) {
            Ok(encoded) => lines.push(encoded.line),
            Err(_) => assert!(journal == before, "a refused command changed the state"),
        }
    }
    if !lines.is_empty() {
        let base = world();
        let mut replayed = base.clone();
        for (i, line) in lines.iter().enumerate() {
            let seq = base.len() + i as u64 + 1;
            assert!(replayed.push_line(seq, line.as_bytes()).is_ok());
        }
        assert!(replayed.commune() == journal.commune());
    }
}

/// Runs arbitrary bytes, read as JSON Lines of report queries, on a world with a meeting held,
/// assigned and reported: every query gives a report or a typed refusal, and never changes
/// anything.
pub fn report_query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let journal = reported_world();
    for line in text.lines() {
        if let Ok(query) = Query::from_json(line) {
            let _ = query::run(journal.commune(), &query);
        }
    }
}

/// Arbitrary bytes as signed records: appended to a journal whose policy requires signatures
/// (loaded and verified: must agree), merged into it as a device journal, each line given as a
/// signed seal, and each line decoded alone: a record that decodes with a signature has, as the
/// bytes its signature covers, exactly its event's canonical JSON (so openssl, which reads the
/// bytes in the line, and chibo, which checks the event, verify the same message).
pub fn signed_decode(data: &[u8]) {
    let (world, text) = signed_world();
    let mut whole = text.clone();
    whole.extend_from_slice(data);
    let loaded = Journal::load(&whole);
    let verified = journal::verify(&whole);
    if let Ok(journal) = &loaded {
        assert_eq!(verified.as_ref().ok(), Some(&journal.head()));
    }
    for line in data.split(|&b| b == b'\n') {
        if let Ok(record) = journal::decode(1, line) {
            if record.sig.is_some() {
                let canonical = serde_json::to_vec(&record.event).unwrap_or_default();
                let bytes = journal::event_bytes(line, record.origin.is_some(), true);
                assert_eq!(
                    bytes,
                    Some(canonical.as_slice()),
                    "signed bytes are not the event"
                );
            }
        }
        let _ = journal::verify_signed_seal(&whole, line);
    }
    let mut shared = world.clone();
    let _ = shared.merge(data);
}

/// The Nga Trường setup with keys for the registrar and the xom-1 secretary, signatures required
/// from 2025-02-25, the March meeting prepared with signed records and the journal sealed: the
/// journal and its text (each line with its line feed).
pub fn signed_world() -> &'static (Journal, Vec<u8>) {
    static WORLD: OnceLock<(Journal, Vec<u8>)> = OnceLock::new();
    WORLD.get_or_init(|| {
        let mut journal = Journal::new();
        let mut text = Vec::new();
        let mut run = |journal: &mut Journal, command: &Command, secret: Option<&[u8; 32]>| {
            let encoded = match secret {
                Some(secret) => journal::sign_command(secret, command)
                    .and_then(|sig| journal.execute_signed(command, &sig)),
                None => journal.execute(command),
            };
            if let Ok(encoded) = encoded {
                text.extend_from_slice(encoded.line.as_bytes());
                text.push(b'\n');
            }
        };
        let commands = |setup: &str| -> Vec<Command> {
            let value: serde_json::Value = serde_json::from_str(setup).unwrap_or_default();
            let steps = value["steps"].as_array().cloned().unwrap_or_default();
            steps
                .into_iter()
                .filter_map(|step| serde_json::from_value(step).ok())
                .collect()
        };
        for command in commands(include_str!("../tests/scenarios/setup/commune.json")) {
            run(&mut journal, &command, None);
        }
        let at = "2025-02-20T08:00:00+07:00";
        for (member, secret) in [("vp", &REGISTRAR), ("x1-bt", &SECRETARY)] {
            let member = MemberId::from(member);
            let register = serde_json::json!({"actor": "vp", "at": at, "action": {"register_key": {
                "member": member,
                "key": PublicKey::of_secret(secret),
                "proof": journal::sign_key_proof(secret, &member),
            }}});
            if let Ok(command) = serde_json::from_value::<Command>(register) {
                run(&mut journal, &command, None);
            }
        }
        let policy = serde_json::json!({"actor": "vp", "at": "2025-02-21T08:00:00+07:00",
            "action": {"amend_rules": {"from": "2025-02-25", "overrides": {"signatures_required": {
                "value": true, "source": {"document": "Nghị quyết của Đảng ủy xã", "date": "2025-02-21",
                "provision": "R-33", "verified": true}}}}}});
        if let Ok(command) = serde_json::from_value::<Command>(policy) {
            run(&mut journal, &command, Some(&REGISTRAR));
        }
        for command in commands(include_str!("../tests/scenarios/setup/march_ready.json")) {
            run(&mut journal, &command, Some(&SECRETARY));
        }
        let head = journal.head();
        let seal = serde_json::json!({"actor": "x1-bt", "at": "2025-03-02T09:00:00+07:00",
            "action": {"seal_journal": {"seq": head.seq, "hash": head.hash}}});
        if let Ok(command) = serde_json::from_value::<Command>(seal) {
            run(&mut journal, &command, Some(&SECRETARY));
        }
        (journal, text)
    })
}

/// The fuzz world's secret keys (fixed test keys).
const REGISTRAR: [u8; 32] = [0x22; 32];
const SECRETARY: [u8; 32] = [0x11; 32];

/// A journal of the named setup files' commands (those the rules accept).
fn built(setups: &[&str]) -> Journal {
    let mut journal = Journal::new();
    for setup in setups {
        let value: serde_json::Value = serde_json::from_str(setup).unwrap_or_default();
        let steps = value["steps"].as_array().cloned().unwrap_or_default();
        for step in steps {
            if let Ok(command) = serde_json::from_value::<Command>(step) {
                let _ = journal.execute(&command);
            }
        }
    }
    journal
}

/// The scenario setup world (commune, cells, members, a March meeting drafted and ready).
fn world() -> &'static Journal {
    static WORLD: OnceLock<Journal> = OnceLock::new();
    WORLD.get_or_init(|| {
        built(&[
            include_str!("../tests/scenarios/setup/commune.json"),
            include_str!("../tests/scenarios/setup/march_ready.json"),
        ])
    })
}

/// The setup world with the March meeting held, assigned and reported.
fn reported_world() -> &'static Journal {
    static WORLD: OnceLock<Journal> = OnceLock::new();
    WORLD.get_or_init(|| {
        built(&[
            include_str!("../tests/scenarios/setup/commune.json"),
            include_str!("../tests/scenarios/setup/march_ready.json"),
            include_str!("../tests/scenarios/setup/march_adopted.json"),
            include_str!("../tests/scenarios/setup/march_assigned.json"),
            include_str!("../tests/scenarios/setup/march_reported.json"),
        ])
    })
}
