//! The docs stay true to the code: the rules table is generated from the presets, and every refusal
//! code and every action is documented. Run with `UPDATE_DOCS=1` to regenerate the tables.

#![allow(clippy::indexing_slicing)] // serde_json `Value[..]` by key never panics

use chibo::rules::{Rules, Threshold};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn show(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::Object(o) if o.contains_key("numerator") => {
            let t: Option<Threshold> = serde_json::from_value(value.clone()).ok();
            t.map_or_else(String::new, |t| {
                let op = if t.strict { ">" } else { "≥" };
                if t.denominator == 100 {
                    format!("{op} {}%", t.numerator)
                } else {
                    format!("{op} {}/{}", t.numerator, t.denominator)
                }
            })
        }
        other => other.to_string(),
    }
}

fn cite(param: &Value) -> String {
    let c: Option<chibo::rules::Citation> = serde_json::from_value(param["source"].clone()).ok();
    c.map_or_else(String::new, |c| c.to_string())
}

fn rules_table() -> String {
    let now = serde_json::to_value(Rules::hd42_2025()).unwrap_or_default();
    let before = serde_json::to_value(Rules::hd12_2018()).unwrap_or_default();
    let mut out = String::from(
        "| parameter | `hd42_2025` | source | `hd12_2018` | source |\n|---|---|---|---|---|\n",
    );
    if let (Value::Object(now), Value::Object(before)) = (&now, &before) {
        for (name, param) in now {
            if name == "preset" {
                continue;
            }
            let old = &before[name];
            out.push_str(&format!(
                "| `{name}` | {} | {} | {} | {} |\n",
                show(&param["value"]),
                cite(param),
                show(&old["value"]),
                cite(old)
            ));
        }
    }
    out
}

fn replace_block(text: &str, marker: &str, body: &str) -> Option<String> {
    let start = format!("<!-- {marker}:start -->\n");
    let end = format!("<!-- {marker}:end -->");
    let a = text.find(&start)? + start.len();
    let b = text.find(&end)?;
    Some(format!("{}{}{}", &text[..a], body, &text[b..]))
}

fn check_block(file: &str, marker: &str, body: &str) {
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
            "{file} is out of date: run `UPDATE_DOCS=1 cargo test --test docs`"
        );
    }
}

#[test]
fn rules_doc_matches_the_presets() {
    check_block("rules.md", "rules-table", &rules_table());
}

#[test]
fn every_refusal_code_is_documented() {
    let errors = fs::read_to_string(docs().join("errors.md")).unwrap_or_default();
    let missing: Vec<&&str> = chibo::error::CODES
        .iter()
        .filter(|c| !errors.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/errors.md does not mention {missing:?}"
    );
}

#[test]
fn every_action_has_an_authority_and_a_shape() {
    let authority = fs::read_to_string(docs().join("authority.md")).unwrap_or_default();
    let json = fs::read_to_string(docs().join("json.md")).unwrap_or_default();
    let src = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/command/mod.rs"))
        .unwrap_or_default();
    let names: Vec<&str> = src
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Action::"))
        .filter_map(|l| l.split("=> \"").nth(1))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(names.len() >= 30, "found only {} actions", names.len());
    for name in names {
        assert!(
            authority.contains(&format!("`{name}`")),
            "docs/authority.md does not mention `{name}`"
        );
        assert!(
            json.contains(&format!("`{name}`")),
            "docs/json.md does not mention `{name}`"
        );
    }
}
