//! Fuzz target: arbitrary bytes as a journal (decode, verify, replay, merge).
#![no_main]

#[allow(dead_code)] // each target uses one of the bodies
#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::journal_decode(data));
