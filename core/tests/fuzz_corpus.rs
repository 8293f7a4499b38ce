//! Replays the saved fuzz corpus (fuzz/corpus/<target>/*) through the same bodies the cargo-fuzz
//! targets run, so every input the fuzzer kept, including any that once crashed, is re-checked
//! by the test command. Fuzzing itself: see docs/journal.md ("Fuzzing").

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::print_stdout)] // tests

#[path = "../../fuzz/bodies.rs"]
mod bodies;

use std::path::Path;

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn journal_decode_corpus_replays_without_panic() {
    let inputs = corpus("journal_decode");
    assert!(inputs.len() >= 5, "the journal_decode corpus is missing");
    for input in &inputs {
        bodies::journal_decode(input);
    }
    println!("{} journal_decode inputs", inputs.len());
}

#[test]
fn command_execute_corpus_replays_without_panic() {
    let inputs = corpus("command_execute");
    assert!(inputs.len() >= 60, "the command_execute corpus is missing");
    for input in &inputs {
        bodies::command_execute(input);
    }
    println!("{} command_execute inputs", inputs.len());
}

#[test]
fn report_query_corpus_replays_without_panic() {
    let inputs = corpus("report_query");
    assert!(inputs.len() >= 8, "the report_query corpus is missing");
    for input in &inputs {
        bodies::report_query(input);
    }
    println!("{} report_query inputs", inputs.len());
}
