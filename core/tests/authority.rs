//! Who may act, tried exhaustively: every command × {the actor with the right, a plain member, a
//! probationary member, a member of another cell, that same right actor after leaving the roll,
//! after being suspended, and an unknown actor}. The right actor is accepted; every other cell of
//! the matrix is refused with a typed code and leaves the state unchanged. The matrix is written
//! to docs/authority.md by this test (`UPDATE_DOCS=1`), never by hand.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::ids::MemberId;
use chibo::journal::{sign_key_proof, PublicKey};
use chibo::{Command, Commune};
use serde_json::{json, Value};
use support::{check_block, setup_commands};

/// One row: a command that the right actor may take in the world built from `setups` and
/// `prelude`.
struct Row {
    setups: &'static [&'static str],
    prelude: Vec<Value>,
    right: &'static str,
    plain: &'static str,
    at: &'static str,
    action: Value,
}

const READY: &[&str] = &["commune", "xom_2", "march_ready"];
const ADOPTED: &[&str] = &["commune", "xom_2", "march_ready", "march_adopted"];
const ASSIGNED: &[&str] = &[
    "commune",
    "xom_2",
    "march_ready",
    "march_adopted",
    "march_assigned",
];
const REPORTED: &[&str] = &[
    "commune",
    "xom_2",
    "march_ready",
    "march_adopted",
    "march_assigned",
    "march_reported",
];

fn row(
    setups: &'static [&'static str],
    right: &'static str,
    at: &'static str,
    action: Value,
) -> Row {
    Row {
        setups,
        prelude: Vec::new(),
        right,
        plain: "x1-03",
        at,
        action,
    }
}

fn command(actor: &str, at: &str, action: &Value) -> Value {
    json!({"actor": actor, "at": at, "action": action})
}

fn open_inspection() -> Value {
    command(
        "dy-uv",
        "2025-04-10T08:00:00+07:00",
        &json!({"open_inspection": {
        "inspection": "gs-1", "cell": "xom-1", "kind": "regular_supervision",
        "meetings": ["m-2025-03"], "inspectors": ["dy-uv"]}}),
    )
}

fn conclude() -> Value {
    command(
        "dy-uv",
        "2025-04-12T08:00:00+07:00",
        &json!({"conclude_inspection": {
        "inspection": "gs-1", "conclusion": "Chi bộ sinh hoạt nền nếp; cần ghi biên bản đầy đủ hơn.",
        "remediations": [{"remediation": "kp-1", "requirement": "Bổ sung biên bản", "deadline": "2025-04-30"}]}}),
    )
}

fn remedy() -> Value {
    command(
        "x1-bt",
        "2025-04-20T08:00:00+07:00",
        &json!({"report_remedy": {
        "remediation": "kp-1", "note": "Đã bổ sung."}}),
    )
}

fn propose() -> Value {
    command(
        "x1-bt",
        "2025-03-05T09:40:00+07:00",
        &json!({"propose_score": {
        "meeting": "m-2025-03", "entered": {"content_and_order": 15, "minutes": 5}}}),
    )
}

fn vote_score() -> Value {
    command(
        "x1-bt",
        "2025-03-05T09:45:00+07:00",
        &json!({"vote_score": {
        "meeting": "m-2025-03", "vote": {"yes": ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]}}}),
    )
}

fn self_assessed() -> Value {
    command(
        "x1-03",
        "2025-03-05T09:30:00+07:00",
        &json!({"self_assess": {
        "year": 2025, "member": "x1-03", "category": "good", "summary": "Hoàn thành nhiệm vụ"}}),
    )
}

fn rating_proposed() -> Value {
    command(
        "x1-bt",
        "2025-03-05T09:35:00+07:00",
        &json!({"propose_rating": {
        "meeting": "m-2025-03", "year": 2025, "member": "x1-03", "category": "good",
        "vote": {"yes": ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]}}}),
    )
}

fn the_record() -> Value {
    setup_commands(&["march_adopted"])
        .first()
        .map(|c| serde_json::to_value(&c.action).unwrap())
        .unwrap()
}

fn the_assignment() -> Value {
    setup_commands(&["march_assigned"])
        .first()
        .map(|c| serde_json::to_value(&c.action).unwrap())
        .unwrap()
}

fn rows() -> Vec<(&'static str, Row)> {
    let mut reports: Vec<Value> = setup_commands(&["march_reported"])
        .iter()
        .map(|c| serde_json::to_value(c).unwrap())
        .collect();
    reports.pop(); // keep the reports, not the closing
    let t = "2025-03-10T08:00:00+07:00";
    vec![
        (
            "amend_rules",
            row(
                READY,
                "vp",
                t,
                json!({"amend_rules": {"from": "2025-04-01", "overrides": {"min_meeting_minutes": {"value": 60,
                    "source": {"document": "Quy định của Tỉnh ủy", "date": "2025-03-01", "provision": "R-30", "verified": false}}}}}),
            ),
        ),
        (
            "reorganise_levels",
            row(
                READY,
                "vp",
                t,
                json!({"reorganise_levels": {"add": [{"id": "tinh-moi", "name": "Tỉnh ủy (sau sắp xếp)", "kind": "province"}]}}),
            ),
        ),
        (
            "merge_communes",
            row(
                READY,
                "vp",
                t,
                json!({"merge_communes": {"commune": "nga-son-moi", "name": "Đảng bộ xã Nga Sơn", "absorbed": [{
                    "commune": "nga-thien", "name": "Đảng bộ xã Nga Thiện",
                    "journal": {"seq": 40, "hash": "5f0c3a9e1b7d24c6a8e0f1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4938"},
                    "cells": [{"cell": "nt-xom-1", "name": "Chi bộ thôn Thiện 1", "kind": "residential", "secretary": "nt-01",
                        "members": [{"member": "nt-01", "name": "Mai Xuân Trường", "status": "official", "joined_on": "1998-05-19"}]}]}]}}),
            ),
        ),
        (
            "add_cell",
            row(
                READY,
                "vp",
                t,
                json!({"add_cell": {"cell": "xom-9", "name": "Chi bộ xóm 9", "kind": "residential"}}),
            ),
        ),
        (
            "add_member",
            row(
                READY,
                "vp",
                t,
                json!({"add_member": {"member": "x1-09", "name": "Lê Văn Cường", "home": {"cell": "xom-1"}, "status": "official", "joined_on": "2020-01-01"}}),
            ),
        ),
        (
            "set_member_status",
            row(
                READY,
                "vp",
                t,
                json!({"set_member_status": {"member": "x1-07", "status": "official"}}),
            ),
        ),
        (
            "set_member_flag",
            row(
                READY,
                "vp",
                t,
                json!({"set_member_flag": {"member": "x1-05", "flag": "exempted", "on": true, "reason": "Ốm dài ngày"}}),
            ),
        ),
        (
            "move_member",
            row(
                READY,
                "vp",
                t,
                json!({"move_member": {"member": "x1-05", "cell": "xom-2"}}),
            ),
        ),
        (
            "member_leaves",
            row(
                READY,
                "vp",
                t,
                json!({"member_leaves": {"member": "x1-05", "reason": "Từ trần"}}),
            ),
        ),
        (
            "appoint_committee",
            row(
                READY,
                "vp",
                t,
                json!({"appoint_committee": {"committee": "inspection", "members": ["dy-ubkt", "dy-uv"]}}),
            ),
        ),
        (
            "elect_cell_leadership",
            row(
                READY,
                "vp",
                t,
                json!({"elect_cell_leadership": {"cell": "xom-1", "secretary": "x1-bt", "deputy": "x1-03"}}),
            ),
        ),
        (
            "form_cluster",
            row(
                READY,
                "vp",
                t,
                json!({"form_cluster": {"cluster": "cum-9", "name": "Cụm 9", "cells": ["xom-2"], "in_charge": "dy-pbt"}}),
            ),
        ),
        (
            "assign_follower",
            row(
                READY,
                "vp",
                t,
                json!({"assign_follower": {"cell": "xom-1", "member": "dy-ubkt"}}),
            ),
        ),
        (
            "issue_directive",
            row(
                READY,
                "dy-bt",
                t,
                json!({"issue_directive": {"directive": "cd-2025-05", "month": "2025-05", "content": "Phòng chống bão lụt."}}),
            ),
        ),
        (
            "draft_meeting",
            row(
                READY,
                "x1-bt",
                "2025-03-27T19:00:00+07:00",
                json!({"draft_meeting": {"meeting": "m-2025-04", "cell": "xom-1", "month": "2025-04", "kind": "regular", "directive": "cd-2025-04", "content": "Nhiệm vụ tháng 4", "resolution_items": ["Làm đường"], "scheduled_at": "2025-04-05T07:30:00+07:00", "place": "Nhà văn hóa xóm 1"}}),
            ),
        ),
        (
            "delegate_drafting",
            row(
                READY,
                "x1-bt",
                t,
                json!({"delegate_drafting": {"cell": "xom-1", "month": "2025-04", "member": "x1-pbt"}}),
            ),
        ),
        (
            "revise_draft",
            row(
                READY,
                "x1-bt",
                "2025-03-03T08:00:00+07:00",
                json!({"revise_draft": {"meeting": "m-2025-03", "content": "Nhiệm vụ tháng 3 (sửa)"}}),
            ),
        ),
        (
            "hold_preparatory_meeting",
            row(
                READY,
                "x1-bt",
                "2025-03-03T08:00:00+07:00",
                json!({"hold_preparatory_meeting": {"meeting": "m-2025-03", "attendees": ["x1-bt", "x1-pbt"], "agreed": "Thống nhất nội dung"}}),
            ),
        ),
        (
            "send_notice",
            row(
                READY,
                "x1-bt",
                "2025-03-03T08:00:00+07:00",
                json!({"send_notice": {"meeting": "m-2025-03"}}),
            ),
        ),
        (
            "publish_documents",
            row(
                READY,
                "x1-bt",
                "2025-03-03T08:00:00+07:00",
                json!({"publish_documents": {"meeting": "m-2025-03", "documents": ["Dự thảo nghị quyết"]}}),
            ),
        ),
        (
            "record_meeting",
            row(READY, "x1-bt", "2025-03-05T09:15:00+07:00", the_record()),
        ),
        (
            "resolve_admission",
            row(
                ADOPTED,
                "x1-bt",
                "2025-03-05T09:20:00+07:00",
                json!({"resolve_admission": {"meeting": "m-2025-03", "subject": {"recognise_official": {"member": "x1-07"}}, "vote": {"yes": ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]}}}),
            ),
        ),
        (
            "assign_tasks",
            row(
                ADOPTED,
                "x1-bt",
                "2025-03-05T09:30:00+07:00",
                the_assignment(),
            ),
        ),
        (
            "report_task",
            Row {
                plain: "x1-04",
                ..row(
                    ASSIGNED,
                    "x1-03",
                    "2025-04-05T08:00:00+07:00",
                    json!({"report_task": {"task": "t-03-03", "outcome": "on_time"}}),
                )
            },
        ),
        (
            "assess_report",
            Row {
                prelude: vec![command(
                    "x1-03",
                    "2025-04-05T08:00:00+07:00",
                    &json!({"report_task": {"task": "t-03-03", "outcome": "on_time"}}),
                )],
                plain: "x1-04",
                ..row(
                    ASSIGNED,
                    "x1-bt",
                    "2025-04-05T08:10:00+07:00",
                    json!({"assess_report": {"task": "t-03-03", "assessment": {"sent_back": {"reason": "Chưa có xác nhận của trưởng xóm"}}}}),
                )
            },
        ),
        (
            "carry_over_task",
            row(
                ASSIGNED,
                "x1-bt",
                "2025-04-05T08:00:00+07:00",
                json!({"carry_over_task": {"task": "t-03-04", "reason": "Chưa xong do mưa bão"}}),
            ),
        ),
        (
            "cancel_task",
            row(
                ASSIGNED,
                "x1-bt",
                "2025-04-05T08:00:00+07:00",
                json!({"cancel_task": {"task": "t-03-04", "reason": "Không còn cần thiết"}}),
            ),
        ),
        (
            "close_reporting",
            Row {
                prelude: reports,
                ..row(
                    ASSIGNED,
                    "x1-bt",
                    "2025-04-05T08:30:00+07:00",
                    json!({"close_reporting": {"meeting": "m-2025-03"}}),
                )
            },
        ),
        (
            "open_inspection",
            row(
                REPORTED,
                "dy-uv",
                "2025-04-10T08:00:00+07:00",
                open_inspection()["action"].clone(),
            ),
        ),
        (
            "record_finding",
            Row {
                prelude: vec![open_inspection()],
                ..row(
                    REPORTED,
                    "dy-uv",
                    "2025-04-10T09:00:00+07:00",
                    json!({"record_finding": {"inspection": "gs-1", "criterion": "minutes_book", "satisfactory": false, "text": "Biên bản chưa ghi ý kiến khách mời."}}),
                )
            },
        ),
        (
            "conclude_inspection",
            Row {
                prelude: vec![open_inspection()],
                ..row(
                    REPORTED,
                    "dy-uv",
                    "2025-04-12T08:00:00+07:00",
                    conclude()["action"].clone(),
                )
            },
        ),
        (
            "report_remedy",
            Row {
                prelude: vec![open_inspection(), conclude()],
                ..row(
                    REPORTED,
                    "x1-bt",
                    "2025-04-20T08:00:00+07:00",
                    remedy()["action"].clone(),
                )
            },
        ),
        (
            "verify_remedy",
            Row {
                prelude: vec![open_inspection(), conclude(), remedy()],
                ..row(
                    REPORTED,
                    "dy-uv",
                    "2025-04-21T08:00:00+07:00",
                    json!({"verify_remedy": {"remediation": "kp-1", "accepted": false, "note": "Chưa bổ sung."}}),
                )
            },
        ),
        (
            "mark_overdue",
            Row {
                prelude: vec![open_inspection(), conclude()],
                ..row(
                    REPORTED,
                    "dy-uv",
                    "2025-05-02T08:00:00+07:00",
                    json!({"mark_overdue": {"remediation": "kp-1"}}),
                )
            },
        ),
        (
            "propose_score",
            row(
                ADOPTED,
                "x1-bt",
                "2025-03-05T09:40:00+07:00",
                propose()["action"].clone(),
            ),
        ),
        (
            "vote_score",
            Row {
                prelude: vec![propose()],
                ..row(
                    ADOPTED,
                    "x1-bt",
                    "2025-03-05T09:45:00+07:00",
                    vote_score()["action"].clone(),
                )
            },
        ),
        (
            "confirm_score",
            Row {
                prelude: vec![propose(), vote_score()],
                ..row(
                    ADOPTED,
                    "dy-uv",
                    "2025-03-06T08:00:00+07:00",
                    json!({"confirm_score": {"meeting": "m-2025-03", "accepted": true}}),
                )
            },
        ),
        (
            "enter_general_points",
            row(
                ADOPTED,
                "x1-bt",
                "2025-12-20T08:00:00+07:00",
                json!({"enter_general_points": {"year": 2025, "member": "x1-03", "points": 25}}),
            ),
        ),
        (
            "self_assess",
            Row {
                plain: "x1-04",
                ..row(
                    ADOPTED,
                    "x1-03",
                    "2025-03-05T09:40:00+07:00",
                    json!({"self_assess": {"year": 2025, "member": "x1-03", "category": "good", "summary": "Hoàn thành nhiệm vụ"}}),
                )
            },
        ),
        (
            "propose_rating",
            Row {
                prelude: vec![self_assessed()],
                ..row(
                    ADOPTED,
                    "x1-bt",
                    "2025-03-05T09:45:00+07:00",
                    json!({"propose_rating": {"meeting": "m-2025-03", "year": 2025, "member": "x1-03", "category": "good", "vote": {"yes": ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]}}}),
                )
            },
        ),
        (
            "decide_rating",
            Row {
                prelude: vec![self_assessed(), rating_proposed()],
                ..row(
                    ADOPTED,
                    "dy-bt",
                    "2025-03-10T08:00:00+07:00",
                    json!({"decide_rating": {"year": 2025, "member": "x1-03", "category": "good"}}),
                )
            },
        ),
        (
            "record_discipline",
            row(
                ADOPTED,
                "x1-bt",
                "2025-03-05T09:50:00+07:00",
                json!({"record_discipline": {"meeting": "m-2025-03", "member": "x1-03", "form": "reprimand", "reason": "Vi phạm quy định"}}),
            ),
        ),
        (
            "register_key",
            row(READY, "x1-bt", t, register_key("x1-04")),
        ),
        (
            "rotate_key",
            Row {
                prelude: vec![key_of_x1_04()],
                ..row(
                    READY,
                    "x1-04",
                    t,
                    json!({"rotate_key": {"key": PublicKey::of_secret(&[0x45; 32]),
                        "proof": sign_key_proof(&[0x45; 32], &MemberId::from("x1-04"))}}),
                )
            },
        ),
        (
            "revoke_key",
            Row {
                prelude: vec![key_of_x1_04()],
                ..row(
                    READY,
                    "x1-bt",
                    t,
                    json!({"revoke_key": {"member": "x1-04", "reason": "Mất điện thoại"}}),
                )
            },
        ),
        (
            "seal_journal",
            row(
                READY,
                "x1-bt",
                t,
                json!({"seal_journal": {"seq": 0, "hash": "0".repeat(64)}}),
            ),
        ),
    ]
}

/// x1-04's key registered, witnessed by the xom-1 secretary.
fn register_key(member: &str) -> Value {
    let secret = [0x44; 32];
    json!({"register_key": {"member": member, "key": PublicKey::of_secret(&secret),
        "proof": sign_key_proof(&secret, &MemberId::from(member))}})
}

/// The registrar registers x1-04's key the day before the step tried.
fn key_of_x1_04() -> Value {
    command("vp", "2025-03-09T08:00:00+07:00", &register_key("x1-04"))
}

/// The kinds of actor each command is tried with, as the matrix's columns.
const ACTORS: [&str; 7] = [
    "the right actor",
    "plain member",
    "probationary member",
    "member of another cell",
    "the right actor, after leaving",
    "the right actor, suspended",
    "unknown actor",
];

fn world(row: &Row) -> Commune {
    let mut commune = support::commune(row.setups);
    for step in &row.prelude {
        let command: Command = serde_json::from_value(step.clone()).unwrap();
        commune
            .execute(&command)
            .unwrap_or_else(|e| panic!("prelude refused {}: {e}", e.code()));
    }
    commune
}

/// The world with the right actor taken off the roll, or suspended, by another registrar.
fn without_right(row: &Row, how: &str) -> Commune {
    let mut commune = world(row);
    let registrar = if row.right == "vp" { "dy-bt" } else { "vp" };
    let action = match how {
        "left" => {
            json!({"member_leaves": {"member": row.right, "reason": "Chuyển sinh hoạt đi nơi khác"}})
        }
        _ => json!({"set_member_flag": {"member": row.right, "flag": "suspended", "on": true}}),
    };
    let at = chrono::DateTime::parse_from_rfc3339(row.at).unwrap() - chrono::Duration::minutes(1);
    let step: Command =
        serde_json::from_value(command(registrar, &at.to_rfc3339(), &action)).unwrap();
    commune
        .execute(&step)
        .unwrap_or_else(|e| panic!("{how}: {e}"));
    commune
}

/// What the command did in that world: `accepted`, or the refusal's code (the state checked
/// unchanged).
fn outcome(mut commune: Commune, actor: &str, row: &Row, name: &str, column: &str) -> String {
    let command: Command = serde_json::from_value(command(actor, row.at, &row.action)).unwrap();
    let before = serde_json::to_string(&commune).unwrap();
    match commune.execute(&command) {
        Ok(_) => "accepted".to_owned(),
        Err(error) => {
            assert!(
                chibo::error::CODES.contains(&error.code()),
                "{name} × {column}: untyped refusal {error:?}"
            );
            assert_eq!(
                serde_json::to_string(&commune).unwrap(),
                before,
                "{name} × {column}: a refusal changed the state"
            );
            error.code().to_owned()
        }
    }
}

#[test]
fn only_the_right_actor_may_take_each_step() {
    let mut table = String::from("| command |");
    for column in ACTORS {
        table.push_str(&format!(" {column} |"));
    }
    table.push_str("\n|---|");
    table.push_str(&"---|".repeat(ACTORS.len()));
    table.push('\n');
    let mut wrongly_accepted = Vec::new();
    let rows = rows();
    for (name, row) in &rows {
        let cells = [
            outcome(world(row), row.right, row, name, ACTORS[0]),
            outcome(world(row), row.plain, row, name, ACTORS[1]),
            outcome(world(row), "x1-07", row, name, ACTORS[2]),
            outcome(world(row), "x2-03", row, name, ACTORS[3]),
            outcome(without_right(row, "left"), row.right, row, name, ACTORS[4]),
            outcome(
                without_right(row, "suspended"),
                row.right,
                row,
                name,
                ACTORS[5],
            ),
            outcome(world(row), "khong-co-ai", row, name, ACTORS[6]),
        ];
        assert_eq!(
            cells[0], "accepted",
            "{name}: the right actor {} was refused",
            row.right
        );
        for (column, cell) in ACTORS.iter().zip(&cells).skip(1) {
            if cell == "accepted" {
                wrongly_accepted.push(format!("{name} × {column}"));
            }
        }
        table.push_str(&format!("| `{name}` ({}) |", row.right));
        for cell in &cells {
            let shown = if cell == "accepted" {
                "✓".to_owned()
            } else {
                format!("`{cell}`")
            };
            table.push_str(&format!(" {shown} |"));
        }
        table.push('\n');
    }
    assert!(
        wrongly_accepted.is_empty(),
        "should have been refused: {wrongly_accepted:#?}"
    );
    let names: Vec<&str> = rows.iter().map(|(n, _)| *n).collect();
    for action in support::action_names() {
        assert!(
            action == "establish_commune" || names.contains(&action.as_str()),
            "{action} is not in the matrix"
        );
    }
    check_block("authority.md", "authority-matrix", &table);
}

/// `establish_commune` founds the record once, by anyone; afterwards nobody can found it again.
#[test]
fn the_commune_is_established_once() {
    let founding = json!({"establish_commune": {"commune": "nga-truong", "name": "Đảng bộ xã Nga Trường", "registrar": "vp"}});
    let mut empty = Commune::new();
    let first: Command =
        serde_json::from_value(command("vp", "2025-01-02T08:00:00+07:00", &founding)).unwrap();
    empty.execute(&first).unwrap();
    for actor in ["vp", "dy-bt", "x1-03", "khong-co-ai"] {
        let again: Command =
            serde_json::from_value(command(actor, "2025-03-10T08:00:00+07:00", &founding)).unwrap();
        let mut world = support::commune(READY);
        assert_eq!(
            world.execute(&again).unwrap_err().code(),
            "transition.out_of_order"
        );
    }
}
