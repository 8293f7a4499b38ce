//! Shared by the integration tests: the scenario setup world of `tests/scenarios/setup/`.

#![allow(dead_code, clippy::panic)] // each test file uses part of this; a broken fixture stops the test

use chibo::{Command, Commune};
use std::fs;
use std::path::{Path, PathBuf};

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

/// The docs folder.
pub fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn replace_block(text: &str, marker: &str, body: &str) -> Option<String> {
    let start = format!("<!-- {marker}:start -->\n");
    let end = format!("<!-- {marker}:end -->");
    let a = text.find(&start)? + start.len();
    let b = text.find(&end)?;
    Some(format!("{}{}{}", &text[..a], body, &text[b..]))
}

/// Checks that the block between `<!-- marker:start -->` and `<!-- marker:end -->` of a docs file
/// is `body`, or writes it there when `UPDATE_DOCS` is set.
pub fn check_block(file: &str, marker: &str, body: &str) {
    // Tests run in parallel and several rewrite blocks of one file: one at a time, so that no
    // rewrite reads the file while another writes it.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = docs().join(file);
    let text = fs::read_to_string(&path).unwrap_or_default();
    let wanted = replace_block(&text, marker, body);
    assert!(wanted.is_some(), "{file} has no `{marker}` block");
    let wanted = wanted.unwrap_or_default();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let _ = fs::write(&path, &wanted);
    } else {
        assert!(
            wanted == text,
            "{file} is out of date: run `UPDATE_DOCS=1 cargo test -p chibo --test docs --test authority`"
        );
    }
}

/// Every action's name, as `Action::name` gives it (read from its source).
pub fn action_names() -> Vec<String> {
    let src = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/command/mod.rs"))
        .unwrap_or_default();
    src.lines()
        .filter_map(|l| l.trim().strip_prefix("Action::"))
        .filter_map(|l| l.split("=> \"").nth(1))
        .filter_map(|l| l.split('"').next())
        .map(str::to_owned)
        .collect()
}
