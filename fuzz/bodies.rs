//! What each fuzz target does with one input. Shared by the cargo-fuzz targets in
//! `fuzz_targets/` and by `core/tests/fuzz_corpus.rs`, which replays the saved corpus in the
//! test command. A panic anywhere here is a bug: every input must give a value or a typed error.

use chibo::journal::{self, Journal};
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
