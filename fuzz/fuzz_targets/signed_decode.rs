//! Fuzz target: arbitrary bytes as signed records after a journal that requires signatures
//! (load and verify agree, merge, signed seals, the bytes a signature covers).
#![no_main]

#[allow(dead_code)] // each target uses one of the bodies
#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::signed_decode(data));
