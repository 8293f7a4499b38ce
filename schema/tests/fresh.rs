//! The committed schema files are what the core's types give today (`UPDATE_DOCS=1` rewrites
//! them), and the schema says what the core reads: a few commands checked both ways.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests

use std::path::PathBuf;

fn check(name: &str, value: &serde_json::Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name);
    let text = serde_json::to_string_pretty(value).unwrap() + "\n";
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{name} is stale: run `UPDATE_DOCS=1 cargo test -p chibo-schema`, then `npm run types` in bindings-wasm"
    );
}

#[test]
fn the_committed_schemas_are_fresh() {
    check("command.schema.json", &chibo_schema::command());
    check("query.schema.json", &chibo_schema::query());
    check("reports.schema.json", &chibo_schema::reports());
}

#[test]
fn every_action_is_in_the_schema() {
    let schema = chibo_schema::command();
    let text = schema.to_string();
    for name in [
        "establish_commune",
        "hold_preparatory_meeting",
        "send_notice",
        "self_assess",
        "decide_rating",
        "record_discipline",
    ] {
        assert!(text.contains(&format!("\"{name}\"")), "{name} missing");
    }
    // What the core refuses, the schema does not allow: `agreed` is a string.
    let agreed = &schema["definitions"]["PreparatoryMeeting"]["properties"]["agreed"];
    assert_eq!(agreed["type"], "string", "{agreed}");
}
