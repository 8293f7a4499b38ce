//! The docs stay true to the code: the rules table is generated from the presets, and every refusal
//! code and every action is documented. Run with `UPDATE_DOCS=1` to regenerate the tables.

#![allow(clippy::indexing_slicing)] // serde_json `Value[..]` by key never panics

mod support;

use chibo::rules::{Rules, Threshold};
use serde_json::Value;
use std::fs;
use support::{check_block, docs};

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
    let names = support::action_names();
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
