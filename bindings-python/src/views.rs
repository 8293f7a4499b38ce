//! Record tables: every record of a kind as rows (JSON objects), built in one pass so a script
//! crosses into the core once per table, not once per row. Each row is the record's summary
//! (`Commune::summary`, what scenario files check) with its id and a few descriptive fields.

use chibo::error::InputError;
use chibo::error::LookupError;
use chibo::Commune;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The kinds of table [`records`] builds.
pub const RECORD_KINDS: [&str; 6] = [
    "cells",
    "members",
    "meetings",
    "tasks",
    "inspections",
    "remediations",
];

/// Every record of `kind` (one of [`RECORD_KINDS`]) as a JSON array of rows, in id order.
pub fn records(commune: &Commune, kind: &str) -> Result<Value, chibo::Error> {
    let rows = match kind {
        "cells" => cells(commune),
        "members" => members(commune)?,
        "meetings" => meetings(commune)?,
        "tasks" => tasks(commune)?,
        "inspections" => inspections(commune)?,
        "remediations" => remediations(commune)?,
        other => {
            return Err(LookupError::Unknown {
                kind: "record kind".to_owned(),
                id: other.to_owned(),
            }
            .into())
        }
    };
    Ok(Value::Array(rows))
}

/// The summary as an object with the id first and `extra` fields after it.
fn row(id: &str, summary: impl Serialize, extra: Value) -> Result<Value, chibo::Error> {
    let mut map = Map::new();
    map.insert("id".into(), Value::String(id.to_owned()));
    if let Value::Object(fields) = serde_json::to_value(summary).map_err(InputError::malformed)? {
        map.extend(fields);
    }
    if let Value::Object(fields) = extra {
        map.extend(fields);
    }
    Ok(Value::Object(map))
}

fn cells(commune: &Commune) -> Vec<Value> {
    commune
        .organisation
        .cells
        .values()
        .map(|cell| {
            json!({
                "id": cell.id, "name": cell.name, "kind": cell.kind,
                "members": cell.members, "secretary": cell.leadership.secretary,
                "deputy": cell.leadership.deputy, "committee": cell.leadership.committee,
                "followers": cell.followers, "cluster": cell.cluster,
            })
        })
        .collect()
}

fn members(commune: &Commune) -> Result<Vec<Value>, chibo::Error> {
    commune
        .organisation
        .members
        .values()
        .map(|m| {
            let extra = json!({ "name": m.name, "joined_on": m.joined_on, "left_on": m.left_on });
            row(m.id.as_str(), commune.member_summary(&m.id)?, extra)
        })
        .collect()
}

fn meetings(commune: &Commune) -> Result<Vec<Value>, chibo::Error> {
    commune
        .meetings
        .iter()
        .map(|(id, m)| {
            let header = m.header();
            let draft = m.draft();
            let extra = json!({
                "directive": header.directive, "drafted_at": header.drafted_at,
                "scheduled_at": draft.scheduled_at, "place": draft.place,
                "held_at": m.held().map(|h| h.record.started_at),
            });
            row(id.as_str(), commune.meeting_summary(id)?, extra)
        })
        .collect()
}

fn tasks(commune: &Commune) -> Result<Vec<Value>, chibo::Error> {
    commune
        .tasks
        .iter()
        .map(|(id, t)| {
            let extra = json!({
                "cell": t.cell, "content": t.content, "item": t.item,
                "deadline": t.deadline, "origin": t.origin,
            });
            row(id.as_str(), commune.task_summary(id)?, extra)
        })
        .collect()
}

fn inspections(commune: &Commune) -> Result<Vec<Value>, chibo::Error> {
    commune
        .inspections
        .iter()
        .map(|(id, i)| {
            let extra = json!({
                "cell": i.cell, "kind": i.kind, "meetings": i.meetings,
                "opened_at": i.opened_at, "concluded_at": i.notice.as_ref().map(|n| n.at),
            });
            row(id.as_str(), commune.inspection_summary(id)?, extra)
        })
        .collect()
}

fn remediations(commune: &Commune) -> Result<Vec<Value>, chibo::Error> {
    commune
        .remediations
        .iter()
        .map(|(id, r)| {
            let extra = json!({
                "inspection": r.inspection, "cell": r.cell,
                "requirement": r.requirement, "deadline": r.deadline,
            });
            row(id.as_str(), commune.remediation_summary(id)?, extra)
        })
        .collect()
}
