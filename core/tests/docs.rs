//! The docs stay true to the code: the rules table is generated from the presets, and every refusal
//! code and every action is documented. Run with `UPDATE_DOCS=1` to regenerate the tables.

#![allow(clippy::indexing_slicing)] // serde_json `Value[..]` by key never panics

mod support;

use chibo::rules::{index, Rules, Threshold};
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

/// A doc comment as the start of a table cell: "The voter listed." → "the voter listed" (an
/// initial capital kept where the next letter is one too, or a digit or `-` follows: `R-34`).
fn phrase(doc: &str) -> String {
    let doc = doc.trim().trim_end_matches('.');
    let mut chars = doc.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(doc.chars().skip(1)).collect()
        }
        _ => doc.to_owned(),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A kind's section of docs/errors.md: its heading, what it means, and its refusals as declared.
fn refusals_section(kind: chibo::ErrorKind) -> String {
    let mut out = format!(
        "## {} (`{}.*`)\n\n{}\n\n| code | meaning | fields | English | Vietnamese |\n|---|---|---|---|---|\n",
        kind.type_name(),
        kind.name(),
        kind.doc()
    );
    for refusal in kind.refusals() {
        let fields: Vec<String> = refusal
            .fields
            .iter()
            .map(|f| format!("`{}`: {}", f.name, phrase(f.doc)))
            .collect();
        let fields = if fields.is_empty() {
            "—".to_owned()
        } else {
            fields.join("; ")
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            refusal.code,
            cell(refusal.doc),
            cell(&fields),
            cell(refusal.en),
            cell(refusal.vi)
        ));
    }
    out
}

/// A registry path as the docs show it: `crate::` and the spaces `stringify!` may add left out.
fn function_path(path: &str) -> String {
    format!("`{}`", path.replace(' ', "").replace("crate::", ""))
}

/// The index rule id → parameter (default and source) → functions, from the parameters'
/// declarations (`Rules::PARAMETERS`, whose doc comments open with their rule ids) and the
/// registry of the functions that apply them (`chibo::rules::index::APPLIED`).
fn rules_index() -> String {
    let defaults = serde_json::to_value(Rules::default()).unwrap_or_default();
    let mut rows: Vec<(&str, usize, String)> = Vec::new();
    for (order, (name, doc)) in Rules::PARAMETERS.iter().enumerate() {
        let functions = index::APPLIED
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, functions)| {
                functions
                    .iter()
                    .map(|f| function_path(f))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let functions = if functions.is_empty() {
            "— (kept, not applied yet)".to_owned()
        } else {
            functions.join(", ")
        };
        let param = &defaults[*name];
        for rule in index::rule_ids(doc) {
            let row = format!(
                "| {rule} | `{name}` | {} | {} | {functions} |\n",
                show(&param["value"]),
                cite(param)
            );
            rows.push((rule, order, row));
        }
    }
    rows.sort();
    let mut out = String::from(
        "| rule | parameter | default | source | applied by |\n|---|---|---|---|---|\n",
    );
    for (_, _, row) in rows {
        out.push_str(&row);
    }
    out
}

#[test]
fn rules_index_matches_the_registry() {
    check_block("rules.md", "rules-index", &rules_index());
}

/// docs/errors.md shows every refusal as declared: a section per kind, generated.
#[test]
fn errors_doc_matches_the_declarations() {
    for kind in chibo::ErrorKind::ALL {
        check_block(
            "errors.md",
            &format!("refusals-{}", kind.name()),
            &refusals_section(*kind),
        );
    }
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

fn classification_table() -> String {
    use chibo::rules::classification::{Outcome, RULES};
    let mut out = String::from(
        "| rule | what | refused (nothing changes) | recorded with a defect | alert | recorded or measured |\n|---|---|---|---|---|---|\n",
    );
    for (rule, what, outcomes) in RULES {
        let pick = |f: &dyn Fn(&Outcome) -> Option<String>| {
            let items: Vec<String> = outcomes.iter().filter_map(f).collect();
            if items.is_empty() {
                "—".to_owned()
            } else {
                items.join(", ")
            }
        };
        out.push_str(&format!(
            "| {rule} | {what} | {} | {} | {} | {} |\n",
            pick(&|o| match o {
                Outcome::Refusal(c) => Some(format!("`{c}`")),
                _ => None,
            }),
            pick(&|o| match o {
                Outcome::Defect(c) => Some(format!("`{c}`")),
                _ => None,
            }),
            pick(&|o| match o {
                Outcome::Alert(c) => Some(format!("`{c}`")),
                _ => None,
            }),
            pick(&|o| match o {
                Outcome::Recorded(t) | Outcome::Measured(t) => Some((*t).to_owned()),
                Outcome::NotModelled(t) => Some(format!("not modelled: {t}")),
                _ => None,
            }),
        ));
    }
    out
}

fn timeline_table() -> String {
    use chibo::rules::RuleBook;
    let book = RuleBook::default();
    let mut out = String::from("| from | parameter | value | source |\n|---|---|---|---|\n");
    let mut before = serde_json::to_value(&book.first).unwrap_or_default();
    for change in &book.changes {
        let now = serde_json::to_value(&change.rules).unwrap_or_default();
        if let (Value::Object(new), Value::Object(old)) = (&now, &before) {
            for (name, param) in new {
                if name == "preset" || old.get(name) == Some(param) {
                    continue;
                }
                out.push_str(&format!(
                    "| {} | `{name}` | {} | {} |\n",
                    change.from.format("%d/%m/%Y"),
                    show(&param["value"]),
                    cite(param)
                ));
            }
        }
        before = now;
    }
    out
}

#[test]
fn rules_doc_shows_the_timeline_and_the_classification() {
    check_block("rules.md", "rules-timeline", &timeline_table());
    check_block("rules.md", "rules-classification", &classification_table());
}

/// Every refusal code, defect code and alert kind is in the classification, and every code the
/// classification names exists.
#[test]
fn the_classification_covers_every_outcome() {
    use chibo::rules::classification::{Outcome, GENERAL_REFUSALS, RULES};
    let named: Vec<&Outcome> = RULES.iter().flat_map(|(_, _, o)| o.iter()).collect();
    for code in chibo::error::CODES {
        let listed = named.contains(&&Outcome::Refusal(code))
            || GENERAL_REFUSALS.iter().any(|g| code.starts_with(g));
        assert!(listed, "refusal {code} is in no rule of the classification");
    }
    for code in chibo::defect::DEFECT_CODES {
        assert!(
            named.contains(&&Outcome::Defect(code)),
            "defect {code} is unclassified"
        );
    }
    for kind in chibo::report::alerts::AlertKind::ALL {
        assert!(
            named.contains(&&Outcome::Alert(kind.as_str())),
            "alert {kind} is unclassified"
        );
    }
    for outcome in named {
        match outcome {
            Outcome::Refusal(c) => assert!(chibo::error::CODES.contains(c), "{c}"),
            Outcome::Defect(c) => assert!(chibo::defect::DEFECT_CODES.contains(c), "{c}"),
            Outcome::Alert(c) => assert!(
                chibo::report::alerts::AlertKind::ALL
                    .iter()
                    .any(|k| k.as_str() == *c),
                "{c}"
            ),
            _ => {}
        }
    }
}
