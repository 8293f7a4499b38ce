//! Shared by the alert tests (`alerts.rs`, `alerts_near_miss.rs`): commands built for hamlet cell
//! xom-1 of the scenario setup world, holding its meetings of 2025 with a chosen roll.

#![allow(dead_code)] // each alert test file uses part of this

use crate::support::commune as setup;
use chibo::report::alerts::{Alert, AlertKind};
use chibo::{Command, Commune};
use chrono::{DateTime, NaiveDate, TimeDelta};
use serde_json::{json, Value};
use std::path::Path;

pub fn setup_steps(name: &str) -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios/setup")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let file: Value = serde_json::from_str(&text).unwrap();
    file["steps"].as_array().unwrap().clone()
}

pub fn execute(commune: &mut Commune, step: Value) {
    let command: Command = serde_json::from_value(step.clone()).unwrap();
    if let Err(e) = commune.execute(&command) {
        panic!("refused {}: {e}\n{step:#}", e.code());
    }
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn cmd(actor: &str, at: &str, action: Value) -> Value {
    json!({"actor": actor, "at": at, "action": action})
}

pub fn of_kind(all: &[Alert], kind: AlertKind) -> Vec<&Alert> {
    all.iter().filter(|a| a.kind == kind).collect()
}

pub fn for_member<'a>(all: &'a [Alert], kind: AlertKind, member: &str) -> Vec<&'a Alert> {
    all.iter()
        .filter(|a| a.kind == kind && a.member.as_ref().map(|m| m.as_str()) == Some(member))
        .collect()
}

pub const XOM_1: [&str; 7] = [
    "x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05", "x1-06", "x1-07",
];
pub const XOM_1_OFFICIAL_VOTERS: [&str; 5] = ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"];

/// How a member answers the roll in [`hold`].
#[derive(Clone, Copy)]
pub enum Roll {
    Excused,
    Unexcused,
}

/// Issues the month's directive if missing, drafts and fully prepares meeting `id` of xom-1 for
/// 2025-`month` (documents published 9 days ahead), and records it as held on the 10th, 07:30–09:30,
/// with everyone present except x1-06 (exempted, absent with reason) and `absent`.
pub fn hold(
    commune: &mut Commune,
    id: &str,
    month: u32,
    kind: &str,
    absent: &[(&str, Roll)],
    guests: &[&str],
) {
    draft(commune, id, month, kind, 10);
    publish(commune, id, &format!("2025-{month:02}-01T11:00:00+07:00"));
    record(commune, id, month, absent, guests);
}

/// The secretary publishes the documents of meeting `id` at `at`.
pub fn publish(commune: &mut Commune, id: &str, at: &str) {
    execute(
        commune,
        cmd(
            "x1-bt",
            at,
            json!({"publish_documents": {"meeting": id, "documents": ["Dự thảo nghị quyết"]}}),
        ),
    );
}

/// Drafts meeting `id` of xom-1 for 2025-`month`, scheduled on `scheduled_day` at 07:30, with its
/// preparatory meeting and notice on the 1st, but no documents.
pub fn draft(commune: &mut Commune, id: &str, month: u32, kind: &str, scheduled_day: u32) {
    let directive = format!("cd-2025-{month:02}");
    if !commune.directives.contains_key(&directive.as_str().into()) {
        execute(
            commune,
            cmd(
                "dy-bt",
                &format!("2025-{month:02}-01T07:00:00+07:00"),
                json!({"issue_directive": {"directive": directive, "month": format!("2025-{month:02}"), "content": "Chủ trương của Đảng ủy."}}),
            ),
        );
    }
    let at = |time: &str| format!("2025-{month:02}-01T{time}:00+07:00");
    let topic = (kind != "regular")
        .then_some("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    execute(
        commune,
        cmd(
            "x1-bt",
            &at("08:00"),
            json!({"draft_meeting": {
                "meeting": id, "cell": "xom-1", "month": format!("2025-{month:02}"), "kind": kind,
                "directive": directive, "content": "Đánh giá tháng trước, nhiệm vụ tháng này.",
                "resolution_items": ["Sản xuất", "An ninh trật tự"],
                "scheduled_at": format!("2025-{month:02}-{scheduled_day:02}T07:30:00+07:00"),
                "place": "Nhà văn hóa xóm 1", "topic": topic,
            }}),
        ),
    );
    execute(
        commune,
        cmd(
            "x1-bt",
            &at("09:00"),
            json!({"hold_preparatory_meeting": {"meeting": id, "attendees": ["x1-bt", "x1-pbt"], "agreed": "Thống nhất nội dung."}}),
        ),
    );
    execute(
        commune,
        cmd(
            "x1-bt",
            &at("10:00"),
            json!({"send_notice": {"meeting": id}}),
        ),
    );
}

/// Records meeting `id` of xom-1 as held on the 10th of 2025-`month`, 07:30–09:30 (see [`hold`]).
pub fn record(
    commune: &mut Commune,
    id: &str,
    month: u32,
    absent: &[(&str, Roll)],
    guests: &[&str],
) {
    record_lasting(commune, id, month, absent, guests, 120);
}

/// Records meeting `id` of xom-1 as held on the 10th of 2025-`month` from 07:30 for `minutes`
/// minutes, everyone present except x1-06 (exempted) and `absent`, and every official member
/// present voting yes.
pub fn record_lasting(
    commune: &mut Commune,
    id: &str,
    month: u32,
    absent: &[(&str, Roll)],
    guests: &[&str],
    minutes: i64,
) {
    let roll: Vec<Value> = XOM_1
        .iter()
        .map(|m| {
            let attendance = match absent.iter().find(|(a, _)| a == m).map(|(_, r)| *r) {
                _ if *m == "x1-06" => json!({"absent_excused": {"reason": "được miễn sinh hoạt"}}),
                Some(Roll::Excused) => json!({"absent_excused": {"reason": "đi làm ăn xa"}}),
                Some(Roll::Unexcused) => json!("absent_unexcused"),
                None => json!("present"),
            };
            json!({"member": m, "attendance": attendance})
        })
        .collect();
    let yes: Vec<&str> = XOM_1_OFFICIAL_VOTERS
        .iter()
        .copied()
        .filter(|m| !absent.iter().any(|(a, _)| a == m))
        .collect();
    let at = |time: &str| format!("2025-{month:02}-10T{time}:00+07:00");
    let start = DateTime::parse_from_rfc3339(&at("07:30")).unwrap();
    let end = (start + TimeDelta::minutes(minutes)).to_rfc3339();
    execute(
        commune,
        cmd(
            "x1-bt",
            &end,
            json!({"record_meeting": {"meeting": id, "record": {
                "started_at": at("07:30"), "ended_at": end, "place": "Nhà văn hóa xóm 1",
                "chair": "x1-bt", "recorder": "x1-pbt", "roll": roll, "guests": guests,
                "agenda": [], "speeches": [], "conclusions": [], "dues_collected": true,
                "vote": {"yes": yes, "no": [], "abstain": []},
            }}}),
        ),
    );
}

/// March and April 2025 held from the setup files (everyone present but exempted x1-06; dy-uv a
/// guest at both).
pub fn spring() -> Commune {
    setup(&[
        "commune",
        "march_ready",
        "march_adopted",
        "april_ready",
        "april_adopted",
    ])
}
