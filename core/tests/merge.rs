//! Two communes' journals merged: the one goes on as the merged commune's book, the other
//! hands its cells over and ends, linked by its head; each cell keeps its history.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests

mod support;

use chibo::ids::{CellId, MeetingId, MemberId};
use chibo::journal::verify_sealed;
use chibo::{Command, Journal};
use serde_json::{json, Value};
use support::setup_commands;

fn run(journal: &mut Journal, lines: &mut Vec<String>, actor: &str, at: &str, action: Value) {
    let command: Command =
        serde_json::from_value(json!({"actor": actor, "at": at, "action": action})).unwrap();
    match journal.execute(&command) {
        Ok(encoded) => lines.push(encoded.line),
        Err(e) => panic!("refused {}: {e}", e.code()),
    }
}

/// Nga Thiện's book: one hamlet cell of five, a meeting drafted in June 2025.
fn nga_thien() -> (Journal, Vec<String>) {
    let mut j = Journal::new();
    let mut lines = Vec::new();
    let t = "2025-01-02T08:00:00+07:00";
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        t,
        json!({"establish_commune": {"commune": "nga-thien", "name": "Đảng bộ xã Nga Thiện", "registrar": "nt-vp"}}),
    );
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        t,
        json!({"add_cell": {"cell": "nt-xom-1", "name": "Chi bộ thôn Thiện 1", "kind": "residential"}}),
    );
    for (id, name, status) in [
        ("nt-01", "Mai Xuân Trường", "official"),
        ("nt-02", "Lê Thị Hằng", "official"),
        ("nt-03", "Phạm Văn Khoa", "official"),
        ("nt-04", "Trịnh Thị Ngân", "probationary"),
        ("nt-vp", "Đỗ Thị Phương", "official"),
    ] {
        run(
            &mut j,
            &mut lines,
            "nt-vp",
            t,
            json!({"add_member": {"member": id, "name": name, "home": {"cell": "nt-xom-1"}, "status": status, "joined_on": "2010-05-19"}}),
        );
    }
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        t,
        json!({"appoint_committee": {"committee": "standing", "members": ["nt-vp"]}}),
    );
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        t,
        json!({"appoint_committee": {"committee": "executive", "members": ["nt-vp"]}}),
    );
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        t,
        json!({"elect_cell_leadership": {"cell": "nt-xom-1", "secretary": "nt-01", "deputy": "nt-02"}}),
    );
    run(
        &mut j,
        &mut lines,
        "nt-vp",
        "2025-05-25T08:00:00+07:00",
        json!({"issue_directive": {"directive": "cd-2025-06", "month": "2025-06", "content": "Thu hoạch vụ chiêm xuân."}}),
    );
    run(
        &mut j,
        &mut lines,
        "nt-01",
        "2025-05-28T08:00:00+07:00",
        json!({"draft_meeting": {"meeting": "m-nt-2025-06", "cell": "nt-xom-1", "month": "2025-06", "kind": "regular", "directive": "cd-2025-06", "content": "Nhiệm vụ tháng 6", "resolution_items": ["Thu hoạch gọn"], "scheduled_at": "2025-06-05T07:30:00+07:00", "place": "Nhà văn hóa thôn Thiện 1"}}),
    );
    (j, lines)
}

#[test]
fn the_absorbed_cells_come_with_their_members_and_a_link_to_their_book() {
    let (thien, thien_lines) = nga_thien();
    let handover = thien.handover();
    assert_eq!(handover.cells.len(), 1);
    assert_eq!(handover.cells[0].members.len(), 5);

    let mut truong = Journal::new();
    let mut lines = Vec::new();
    for command in setup_commands(&["commune", "march_ready", "march_adopted"]) {
        lines.push(truong.execute(&command).unwrap().line);
    }
    let merge = json!({"merge_communes": {"commune": "nga-son-moi", "name": "Đảng bộ xã Nga Sơn", "absorbed": [handover]}});
    run(
        &mut truong,
        &mut lines,
        "vp",
        "2025-07-01T08:00:00+07:00",
        merge,
    );

    let org = &truong.commune().organisation;
    assert_eq!(org.id.as_str(), "nga-son-moi");
    assert_eq!(org.former.len(), 1);
    assert_eq!(org.former[0].commune.as_str(), "nga-truong");
    let cell = org.cell(&CellId::new("nt-xom-1")).unwrap();
    let origin = cell
        .origin
        .as_ref()
        .expect("a handed-over cell names its origin");
    assert_eq!(origin.commune.as_str(), "nga-thien");
    assert_eq!(origin.journal, thien.head());
    assert_eq!(
        cell.leadership.secretary.as_ref().map(MemberId::as_str),
        Some("nt-01")
    );
    // The former commune's book checks against the head the merged book recorded.
    let text = thien_lines.join("\n") + "\n";
    verify_sealed(&text, &origin.journal).unwrap();
    // Its own cells keep their history in the book that goes on.
    assert!(truong
        .commune()
        .meeting(&MeetingId::new("m-2025-03"))
        .is_ok());
    // The merged book reloads to the same state.
    let reloaded = Journal::load(lines.join("\n") + "\n").unwrap();
    assert_eq!(reloaded.commune(), truong.commune());
}

#[test]
fn a_refused_merge_changes_nothing() {
    let (thien, _) = nga_thien();
    let mut handover = thien.handover();
    handover.cells[0].cell = CellId::new("xom-1");
    let mut truong = Journal::new();
    for command in setup_commands(&["commune"]) {
        truong.execute(&command).unwrap();
    }
    let before = serde_json::to_string(truong.commune()).unwrap();
    let command: Command = serde_json::from_value(json!({"actor": "vp", "at": "2025-07-01T08:00:00+07:00",
        "action": {"merge_communes": {"commune": "nga-son-moi", "name": "Đảng bộ xã Nga Sơn", "absorbed": [handover]}}}))
    .unwrap();
    let refusal = truong.execute(&command).unwrap_err();
    assert_eq!(refusal.code(), "lookup.duplicate_id");
    assert_eq!(serde_json::to_string(truong.commune()).unwrap(), before);
}
