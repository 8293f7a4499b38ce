//! Who the notice of a meeting goes to, who drafted it, and how both follow the
//! organisation as it stood on the day (R-00: the district level abolished on 01/7/2025).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

mod support;

use chibo::ids::MeetingId;
use support::commune;

#[test]
fn the_notice_goes_to_members_followers_and_the_cluster_member_in_charge() {
    let c = commune(&["commune", "march_ready"]);
    // The cell's members on the roll, then its followers, then the standing committee member in
    // charge of cluster cum-1 (dy-pbt), who follows no cell himself: each once.
    assert_eq!(
        recipients(&c, "m-2025-03"),
        [
            "x1-03", "x1-04", "x1-05", "x1-06", "x1-07", "x1-bt", "x1-pbt", "dy-uv", "tu-01",
            "dy-pbt"
        ]
    );
}

#[test]
fn a_member_named_twice_is_notified_once() {
    // The cell's own member x1-05 and the member in charge of the cluster (dy-pbt) also set down
    // as followers of the cell: each is notified once, in the first place they are named.
    let mut c = chibo::Commune::new();
    for command in support::setup_commands(&["commune", "march_ready"]) {
        if command.action.name() == "send_notice" {
            let cell = c
                .organisation
                .cells
                .values_mut()
                .find(|cell| cell.members.contains(&"x1-05".into()))
                .unwrap();
            cell.followers.insert("x1-05".into());
            cell.followers.insert("dy-pbt".into());
        }
        c.execute(&command).unwrap();
    }
    assert_eq!(
        recipients(&c, "m-2025-03"),
        [
            "x1-03", "x1-04", "x1-05", "x1-06", "x1-07", "x1-bt", "x1-pbt", "dy-pbt", "dy-uv",
            "tu-01"
        ]
    );
}

#[test]
fn a_delegated_draft_names_its_author() {
    let c = replay(
        &["commune", "xom_2"],
        "delegate_drafting_to_a_committee_member.json",
    );
    let meeting = c.meeting(&MeetingId::new("m-x2-2025-04")).unwrap();
    assert_eq!(
        meeting.header().author.as_str(),
        "x2-03",
        "the delegated committee member"
    );
    let cell = c.organisation.cell(&"xom-2".into()).unwrap();
    assert_eq!(
        cell.drafting_delegates
            .iter()
            .map(|(month, member)| (month.to_string(), member.as_str()))
            .collect::<Vec<_>>(),
        [("2025-04".to_owned(), "x2-03")]
    );
}

/// Who the notice of `meeting` went to, in order.
fn recipients(c: &chibo::Commune, meeting: &str) -> Vec<String> {
    let meeting = c.meeting(&MeetingId::new(meeting)).unwrap();
    let notice = meeting.preparation().notice.as_ref().expect("sent");
    notice.recipients.iter().map(|m| m.to_string()).collect()
}

/// Runs a scenario file's steps on a commune built from `setups`, each accepted or refused as the
/// file expects.
fn replay(setups: &[&str], file: &str) -> chibo::Commune {
    let mut c = commune(setups);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios")
        .join(file);
    let scenario: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for step in scenario["steps"].as_array().unwrap() {
        let command: chibo::Command = serde_json::from_value(step["command"].clone()).unwrap();
        let accepted = c.execute(&command).is_ok();
        assert_eq!(accepted, step["expect"]["ok"] == true, "{step}");
    }
    c
}

#[test]
fn a_district_member_is_notified_in_2024_and_not_after_the_district_is_abolished() {
    let c = replay(
        &["commune_2024"],
        "levels_and_rules_across_the_2025_reform.json",
    );
    assert!(recipients(&c, "m-2024-12").contains(&"hu-01".to_owned()));
    assert!(!recipients(&c, "m-2026-02").contains(&"hu-01".to_owned()));
    assert!(recipients(&c, "m-2026-02").contains(&"tu-01".to_owned()));
    // The December 2024 record keeps its district guest, as it happened.
    let december = chibo::report::minutes::Minutes::of(&c, &MeetingId::new("m-2024-12")).unwrap();
    assert_eq!(december.guests, ["Phạm Minh Tuấn"]);
    // Each meeting names the documents whose rules it was checked under.
    let february = chibo::report::minutes::Minutes::of(&c, &MeetingId::new("m-2026-02")).unwrap();
    assert!(
        december
            .rules_applied
            .iter()
            .any(|d| d.starts_with("12-HD/BTCTW")),
        "{:?}",
        december.rules_applied
    );
    assert!(
        february
            .rules_applied
            .iter()
            .any(|d| d.starts_with("42-HD/BTCTW")),
        "{:?}",
        february.rules_applied
    );
    assert!(!december
        .rules_applied
        .iter()
        .any(|d| d.starts_with("42-HD/BTCTW")));
}
