//! Commands from the shared scenario setup files, and temporary folders.

#![allow(dead_code)] // each test file uses part of this

use chibo::Command;

#[path = "../../../core/tests/support/mod.rs"]
mod scenario_world;

/// The commands of `tests/scenarios/setup/<name>.json`, in order (the core tests' loader).
pub use scenario_world::setup_commands as setup;
use std::path::{Path, PathBuf};

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
