//! Commands from the shared scenario setup files, and temporary folders.

#![allow(dead_code)] // each test file uses part of this

use chibo::Command;
use std::path::{Path, PathBuf};

/// The commands of `tests/scenarios/setup/<name>.json`, in order.
pub fn setup(names: &[&str]) -> Vec<Command> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios/setup");
    let mut commands = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        let steps = value
            .get("steps")
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        assert!(!steps.is_empty(), "setup {name} has no steps");
        for step in steps {
            match serde_json::from_value::<Command>(step) {
                Ok(command) => commands.push(command),
                Err(e) => panic!("setup {name}: {e}"),
            }
        }
    }
    commands
}

/// A fresh, empty folder under the target directory, named for the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// An `add_member` command for the member `id` in cell `xom-1`.
pub fn add_member(id: &str) -> Command {
    let json = serde_json::json!({
        "actor": "vp",
        "at": "2025-01-03T08:00:00+07:00",
        "action": {"add_member": {
            "member": id,
            "name": format!("Đảng viên {id}"),
            "home": {"cell": "xom-1"},
            "status": "official",
            "joined_on": "2015-03-02"
        }}
    });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}"))
}
