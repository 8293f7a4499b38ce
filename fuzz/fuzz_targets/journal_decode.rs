//! Fuzz target: arbitrary bytes as a journal (decode, verify, replay, merge).
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::journal_decode(data));
