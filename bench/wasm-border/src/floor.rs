//! The floor of a command's cost in WebAssembly: what every journal line costs before any rule
//! is checked, timed from `bench/js/floor.mjs` next to the package and the XState model.
//!
//! A `Floor` holds a journal's lines and the events read from them; each method does one part
//! of the work for every line and returns how many lines it did, so that JavaScript can time it:
//! reading a line (serde_json into the same typed record as the native `parse` floor), writing
//! an event (serde_json, as `Journal::execute` writes it), and SHA-256 of a line (the sha2 crate
//! the core uses: WebAssembly has no SHA instructions, and WebCrypto's digest cannot be called
//! synchronously from inside `execute`).

use chibo::journal::Digest as Hash;
use chibo::Event;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use wasm_bindgen::prelude::*;

/// A journal line as the native floor (`chibo_bench::paths::Line`) reads it.
#[derive(Deserialize)]
#[allow(dead_code)] // read to be measured, never used
struct Line<'a> {
    v: u64,
    seq: u64,
    prev: Hash,
    event: Event,
    #[serde(borrow)]
    hash: &'a str,
}

/// A journal's lines and their events, for timing each part of a record's cost alone.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes
#[wasm_bindgen]
pub struct Floor {
    lines: Vec<String>,
    events: Vec<Event>,
}

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes
#[wasm_bindgen]
impl Floor {
    /// Reads a journal's text (JSON Lines); throws on a line that is not a record.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Floor, JsError> {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let events = lines
            .iter()
            .map(|line| serde_json::from_str::<Line<'_>>(line).map(|l| l.event))
            .collect::<Result<_, _>>()?;
        Ok(Floor { lines, events })
    }

    /// Reads every line into its typed record, as loading does before any check.
    pub fn parse(&self) -> Result<u32, JsError> {
        for line in &self.lines {
            std::hint::black_box(serde_json::from_str::<Line<'_>>(line)?);
        }
        Ok(count(self.lines.len()))
    }

    /// Writes every event as JSON, as executing a command does before hashing it.
    pub fn encode(&self) -> Result<u32, JsError> {
        for event in &self.events {
            std::hint::black_box(serde_json::to_string(event)?);
        }
        Ok(count(self.events.len()))
    }

    /// Hashes every line with SHA-256.
    pub fn hash(&self) -> u32 {
        for line in &self.lines {
            std::hint::black_box(Sha256::digest(line.as_bytes()));
        }
        count(self.lines.len())
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
