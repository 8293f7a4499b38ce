//! Replays every `tests/scenarios/*.json` file through the Rust core: the same files every binding
//! replays. The format is documented in `tests/scenarios/README.md`.

#![allow(clippy::print_stdout, clippy::indexing_slicing)] // test output; serde_json `Value[..]` by key never panics

use chibo::{Command, Commune, Journal};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

/// Whether `actual` contains everything `expected` says (objects recursively, other values equal).
fn subset(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|av| subset(v, av))),
        (Value::Number(e), Value::Number(a)) => e.as_f64() == a.as_f64(),
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(e, a)| subset(e, a))
        }
        _ => expected == actual,
    }
}

fn summary(commune: &Commune, kind: &str, id: &str) -> Result<Value, String> {
    let summary = commune
        .summary(kind, id)
        .map_err(|e| format!("{kind} {id}: {}", e.code()))?;
    serde_json::to_value(summary).map_err(|e| e.to_string())
}

struct Replay {
    journal: Journal,
    lines: Vec<String>,
    codes: BTreeSet<String>,
    steps: usize,
}

fn run_steps(
    replay: &mut Replay,
    steps: &[Value],
    strict_ok: bool,
    label: &str,
) -> Result<(), String> {
    for (i, step) in steps.iter().enumerate() {
        if let (false, Some(query)) = (strict_ok, step.get("query")) {
            run_query(
                replay,
                query,
                step.get("expect"),
                &format!("{label} step {i}"),
            )?;
            replay.steps += 1;
            continue;
        }
        let (command, expect) = if strict_ok {
            (step, None)
        } else {
            (
                step.get("command")
                    .ok_or(format!("{label} step {i}: no `command`"))?,
                Some(
                    step.get("expect")
                        .ok_or(format!("{label} step {i}: no `expect`"))?,
                ),
            )
        };
        let before = serde_json::to_string(replay.journal.commune()).map_err(|e| e.to_string())?;
        // A command that does not parse is refused as `input.malformed`, as bindings do.
        let secret = signing_secret(step).map_err(|e| format!("{label} step {i}: {e}"))?;
        let result = Command::from_value(command.clone()).and_then(|c| match &secret {
            Some(secret) => {
                let signature = chibo::journal::sign_command(secret, &c)?;
                replay.journal.execute_signed(&c, &signature)
            }
            None => replay.journal.execute(&c),
        });
        replay.steps += 1;
        // Signatures are the journal's check; a commune run without its journal never sees them.
        let signature_refused =
            matches!(&result, Err(e) if e.code().starts_with("journal.signature"));
        if !signature_refused {
            same_from_state(&before, command, &result, replay.journal.commune())
                .map_err(|e| format!("{label} step {i}: {e}"))?;
        }
        if let Ok(record) = &result {
            replay.lines.push(record.line.clone());
        }
        let expect = match expect {
            None => {
                return match result {
                    Ok(_) => continue,
                    Err(e) => Err(format!(
                        "{label} setup step {i} refused: {} {}",
                        e.code(),
                        e
                    )),
                }
            }
            Some(expect) => expect,
        };
        match (&result, expect.get("error")) {
            (Ok(_), None) => {}
            (Ok(_), Some(code)) => {
                return Err(format!(
                    "{label} step {i}: expected {code}, but it was accepted"
                ))
            }
            (Err(e), None) => return Err(format!("{label} step {i}: refused {}: {}", e.code(), e)),
            (Err(e), Some(code)) => {
                if code.as_str() != Some(e.code()) {
                    return Err(format!(
                        "{label} step {i}: expected {code}, got {}: {}",
                        e.code(),
                        e
                    ));
                }
                replay.codes.insert(e.code().to_owned());
                if e.message_vi().is_empty() || e.message_en().is_empty() {
                    return Err(format!("{label} step {i}: empty message for {}", e.code()));
                }
                let after =
                    serde_json::to_string(replay.journal.commune()).map_err(|e| e.to_string())?;
                if after != before {
                    return Err(format!(
                        "{label} step {i}: refused command changed the state"
                    ));
                }
                if let Some(fields) = expect.get("fields") {
                    let actual = serde_json::to_value(e.fields()).map_err(|e| e.to_string())?;
                    if !subset(fields, &actual) {
                        return Err(format!(
                            "{label} step {i}: fields {actual} do not contain {fields}"
                        ));
                    }
                }
            }
        }
        for kind in Commune::SUMMARY_KINDS {
            let Some(Value::Object(wanted)) = expect.get(kind) else {
                continue;
            };
            for (id, want) in wanted {
                let actual = summary(replay.journal.commune(), kind, id)?;
                if !subset(want, &actual) {
                    return Err(format!(
                        "{label} step {i}: {kind} {id} is {actual}, expected {want}"
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The 32-byte secret key a step's command is signed with (`"sign_with"`: 64 hex), if any.
fn signing_secret(step: &Value) -> Result<Option<[u8; 32]>, String> {
    let Some(hex) = step.get("sign_with") else {
        return Ok(None);
    };
    let hex = hex.as_str().ok_or("`sign_with` is not a string")?;
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| {
            hex.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect::<Option<Vec<u8>>>()
        .ok_or("`sign_with` is not hex")?;
    bytes
        .try_into()
        .map(Some)
        .map_err(|_| "`sign_with` is not 32 bytes".to_owned())
}

/// The same command run on a commune deserialised from the state JSON before it (whose derived
/// indexes are built afresh) gives the same decision, error and fields, and the same state.
fn same_from_state<T>(
    before: &str,
    command: &Value,
    live: &Result<T, chibo::Error>,
    after: &Commune,
) -> Result<(), String> {
    let mut restored: Commune = serde_json::from_str(before).map_err(|e| e.to_string())?;
    let result = Command::from_value(command.clone()).and_then(|c| restored.execute(&c));
    let same = match (live, &result) {
        (Ok(_), Ok(_)) => true,
        (Err(a), Err(b)) => {
            a.code() == b.code()
                && serde_json::to_value(a.fields()).ok() == serde_json::to_value(b.fields()).ok()
        }
        _ => false,
    };
    let state = |c: &Commune| serde_json::to_string(c).map_err(|e| e.to_string());
    if !same || state(&restored)? != state(after)? {
        return Err("a commune deserialised from the state before decides otherwise".to_owned());
    }
    Ok(())
}

/// A query step: a report asked for (`chibo::report::query::Query` as JSON), and what its result
/// must contain (`"result"`, subset match) or the refusal it must give (`"error"`).
fn run_query(
    replay: &mut Replay,
    query: &Value,
    expect: Option<&Value>,
    label: &str,
) -> Result<(), String> {
    let expect = expect.ok_or(format!("{label}: no `expect`"))?;
    let query = chibo::report::query::Query::from_value(query.clone())
        .map_err(|e| format!("{label}: bad query: {e}"))?;
    match (
        chibo::report::query::run(replay.journal.commune(), &query),
        expect.get("error"),
    ) {
        (Ok(actual), None) => {
            let wanted = expect
                .get("result")
                .ok_or(format!("{label}: no `result`"))?;
            if !subset(wanted, &actual) {
                return Err(format!(
                    "{label}: result {actual} does not contain {wanted}"
                ));
            }
        }
        (Ok(_), Some(code)) => return Err(format!("{label}: expected {code}, got a result")),
        (Err(e), None) => return Err(format!("{label}: refused {}: {e}", e.code())),
        (Err(e), Some(code)) => {
            if code.as_str() != Some(e.code()) {
                return Err(format!("{label}: expected {code}, got {}", e.code()));
            }
            replay.codes.insert(e.code().to_owned());
        }
    }
    Ok(())
}

fn load(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn run_file(path: &Path, codes: &mut BTreeSet<String>) -> Result<usize, String> {
    let label = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let scenario = load(path)?;
    let mut replay = Replay {
        journal: Journal::new(),
        lines: Vec::new(),
        codes: BTreeSet::new(),
        steps: 0,
    };
    let setups = match scenario.get("setup") {
        None => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(other) => return Err(format!("{label}: bad setup {other}")),
    };
    for name in setups {
        let setup = load(&scenario_dir().join("setup").join(format!("{name}.json")))?;
        let steps = setup["steps"]
            .as_array()
            .ok_or(format!("setup {name}: no steps"))?;
        run_steps(&mut replay, steps, true, &format!("{label} (setup {name})"))?;
    }
    let steps = scenario["steps"]
        .as_array()
        .ok_or(format!("{label}: no steps"))?;
    if steps.is_empty() {
        return Err(format!("{label}: no steps"));
    }
    run_steps(&mut replay, steps, false, &label)?;
    // The journal of every accepted step, replayed, rebuilds the same state byte for byte.
    let text = replay.lines.join("\n");
    let reloaded = Journal::load(&text).map_err(|e| format!("{label}: reload: {e}"))?;
    let live = serde_json::to_string(replay.journal.commune()).map_err(|e| e.to_string())?;
    let again = serde_json::to_string(reloaded.commune()).map_err(|e| e.to_string())?;
    if live != again || reloaded.head() != replay.journal.head() {
        return Err(format!(
            "{label}: the reloaded journal differs from the live state"
        ));
    }
    codes.extend(replay.codes);
    Ok(replay.steps)
}

#[test]
fn every_scenario_replays() {
    let mut files: Vec<PathBuf> = fs::read_dir(scenario_dir())
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut codes = BTreeSet::new();
    let mut failures = Vec::new();
    let mut steps = 0;
    for file in &files {
        match run_file(file, &mut codes) {
            Ok(n) => steps += n,
            Err(e) => failures.push(e),
        }
    }
    println!("{} scenario files, {steps} steps replayed", files.len());
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        files.len() >= 60,
        "only {} scenario files; at least 60 are required",
        files.len()
    );
    let missing: Vec<&str> = chibo::error::CODES
        .iter()
        .copied()
        .filter(|c| !c.starts_with("journal.") && !codes.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "refusal codes no scenario covers: {missing:?}"
    );
    let unknown: Vec<&String> = codes
        .iter()
        .filter(|c| !chibo::error::CODES.contains(&c.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "codes missing from chibo::error::CODES: {unknown:?}"
    );
}
