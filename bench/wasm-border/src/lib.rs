//! Two ways across the wasm border into the same journal, for `bench/js/border.mjs`:
//!
//! - `executeText`: the command as JSON text, read by the core's `Command::from_json` (what the
//!   package does after its `JSON.stringify`);
//! - `executeObject` (feature `object`): the JavaScript object walked from WebAssembly by
//!   serde-wasm-bindgen, property by property, into the same `Command` (what tsify's typed
//!   structs do underneath).
//!
//! Both then execute the command exactly as the package does (check, encode, SHA-256, apply) and
//! return the journal line. Only a measurement: the package keeps one way, see docs/performance.md.
//!
//! Also [`floor::Floor`]: the parts of a record's cost (reading, writing, SHA-256) timed alone.

pub mod floor;

use chibo::{Command, Journal};
use wasm_bindgen::prelude::*;

/// A journal in memory, fed commands by one border or the other.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes
#[wasm_bindgen]
#[derive(Default)]
pub struct Border {
    journal: Journal,
}

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes
#[wasm_bindgen]
impl Border {
    /// An empty journal.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Border {
        Border::default()
    }

    /// Executes a command given as JSON text; returns its line.
    #[wasm_bindgen(js_name = executeText)]
    pub fn execute_text(&mut self, text: &str) -> Result<String, JsError> {
        let command = Command::from_json(text).map_err(|e| JsError::new(&e.message_en()))?;
        self.execute(command)
    }

    /// Executes a command given as a plain object, read by serde-wasm-bindgen; returns its line.
    #[cfg(feature = "object")]
    #[wasm_bindgen(js_name = executeObject)]
    pub fn execute_object(&mut self, command: JsValue) -> Result<String, JsError> {
        let command: Command = serde_wasm_bindgen::from_value(command)?;
        self.execute(command)
    }

    /// How many records the journal holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        usize::try_from(self.journal.len()).unwrap_or(usize::MAX)
    }
}

impl Border {
    fn execute(&mut self, command: Command) -> Result<String, JsError> {
        self.journal
            .execute(command)
            .map(|record| record.line)
            .map_err(|e| JsError::new(&e.message_en()))
    }
}
