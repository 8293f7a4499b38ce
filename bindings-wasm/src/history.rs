//! A meeting's history: the journal's records that name it, oldest first, read from the journal's
//! text. A view for a page ("what happened to this meeting, when, by whom"), not a rule: a record
//! belongs to the meeting when its action names the meeting (`meeting`, or `meetings` of an
//! inspection), one of the tasks assigned at it (`task`), or an inspection opened on it
//! (`inspection`).

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

/// One record of a meeting's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Its sequence number in the journal.
    pub seq: u64,
    /// When, as the command said (RFC 3339).
    pub at: String,
    /// Who took the step.
    pub actor: String,
    /// The action's snake_case name (`draft_meeting`, `record_meeting`…).
    pub action: String,
    /// The task or inspection it concerns, when it is one of the meeting's.
    pub subject: Option<String>,
}

/// The records of `journal` (JSON Lines, already verified) that concern meeting `id`.
pub fn of(journal: &str, id: &str) -> Vec<Step> {
    let mut tasks = BTreeSet::new();
    let mut inspections = BTreeSet::new();
    let mut steps = Vec::new();
    for line in journal.lines() {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let field = |value: &Value, key: &str| value.get(key).cloned().unwrap_or(Value::Null);
        let event = field(&record, "event");
        let action = field(&event, "action");
        let Some((name, payload)) = action.as_object().and_then(|a| a.iter().next()) else {
            continue;
        };
        let text = |key: &str| payload.get(key).and_then(Value::as_str);
        let names_meeting = text("meeting") == Some(id)
            || payload
                .get("meetings")
                .and_then(Value::as_array)
                .is_some_and(|m| m.iter().any(|m| m.as_str() == Some(id)));
        let mut subject = None;
        if names_meeting {
            for task in payload
                .get("tasks")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(task) = task.get("task").and_then(Value::as_str) {
                    tasks.insert(task.to_owned());
                }
            }
            if let Some(inspection) = text("inspection") {
                inspections.insert(inspection.to_owned());
                subject = Some(inspection.to_owned());
            }
        } else if let Some(task) = text("task").filter(|t| tasks.contains(*t)) {
            subject = Some(task.to_owned());
        } else if let Some(inspection) = text("inspection").filter(|i| inspections.contains(*i)) {
            subject = Some(inspection.to_owned());
        } else {
            continue;
        }
        steps.push(Step {
            seq: field(&record, "seq").as_u64().unwrap_or_default(),
            at: field(&event, "at").as_str().unwrap_or_default().to_owned(),
            actor: field(&event, "actor")
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            action: name.clone(),
            subject,
        });
    }
    steps
}
