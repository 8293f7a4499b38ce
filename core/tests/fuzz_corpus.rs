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

/// The signed world is what the target means it to be: signatures required, and its tail signed.
#[test]
fn signed_decode_world_is_signed_and_sealed() {
    let (journal, text) = bodies::signed_world();
    let text = std::str::from_utf8(text).unwrap();
    let signed = text.lines().filter(|l| l.contains(",\"sig\":\"")).count();
    assert!(signed >= 6, "{signed} signed lines");
    assert!(text.lines().last().unwrap().contains("seal_journal"));
    assert_eq!(journal.len() as usize, text.lines().count());
}

#[test]
fn signed_decode_corpus_replays_without_panic() {
    let inputs = corpus("signed_decode");
    assert!(inputs.len() >= 5, "the signed_decode corpus is missing");
    for input in &inputs {
        bodies::signed_decode(input);
    }
    println!("{} signed_decode inputs", inputs.len());
}

/// Beyond the saved corpus: each signed line of the world, with each of a spread of its bytes
/// changed, run through the target's body (a small deterministic fuzz in the test command).
#[test]
fn signed_lines_with_a_byte_changed_run_through_the_body() {
    let (_, text) = bodies::signed_world();
    let text = std::str::from_utf8(text).unwrap();
    let mut runs = 0;
    for line in text.lines().filter(|l| l.contains(",\"sig\":\"")) {
        let bytes = line.as_bytes();
        for at in (0..bytes.len()).step_by(7) {
            for change in [b'0', b'"', b'\\', 0xff] {
                let mut input = bytes.to_vec();
                input[at] = change;
                bodies::signed_decode(&input);
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs} runs");
}
