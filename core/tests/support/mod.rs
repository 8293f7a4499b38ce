//! Shared by the integration tests: the scenario setup world of `tests/scenarios/setup/`.

#![allow(dead_code, clippy::panic)] // each test file uses part of this; a broken fixture stops the test

use chibo::{Command, Commune};
use std::path::Path;

/// The commands of `tests/scenarios/setup/<name>.json` for each name, in order.
pub fn setup_commands(names: &[&str]) -> Vec<Command> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios/setup");
    let mut commands = Vec::new();
    for name in names {
        let path = dir.join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let file: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let steps = file
            .get("steps")
            .and_then(|s| s.as_array())
            .unwrap_or_else(|| panic!("{path:?}: no steps"));
        for step in steps {
            match serde_json::from_value::<Command>(step.clone()) {
                Ok(command) => commands.push(command),
                Err(e) => panic!("{path:?}: {e}\n{step:#}"),
            }
        }
    }
    commands
}

/// A commune built from the named setup files; every command must be accepted.
pub fn commune(names: &[&str]) -> Commune {
    let mut commune = Commune::new();
    for command in setup_commands(names) {
        if let Err(e) = commune.execute(&command) {
            panic!("setup refused {}: {e}", e.code());
        }
    }
    commune
}
