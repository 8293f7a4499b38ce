//! Fuzz target: arbitrary bytes as JSON Lines of commands executed on the setup world.
#![no_main]

#[allow(dead_code)] // each target uses one of the bodies
#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::command_execute(data));
