//! Fuzz target: arbitrary bytes as JSON Lines of report queries run on a reported meeting.
#![no_main]

#[allow(dead_code)] // each target uses one of the bodies
#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::report_query(data));
