//! Who the notice of a meeting goes to, and who drafted it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // tests

mod support;

use chibo::ids::MeetingId;
use support::commune;

#[test]
fn the_notice_goes_to_members_followers_and_the_cluster_member_in_charge() {
    let c = commune(&["commune", "march_ready"]);
    let meeting = c.meeting(&MeetingId::new("m-2025-03")).unwrap();
    let notice = meeting.preparation().notice.as_ref().expect("sent");
    let recipients: Vec<&str> = notice.recipients.iter().map(|m| m.as_str()).collect();
    // The cell's members on the roll, then its followers, then the standing committee member in
    // charge of cluster cum-1 (dy-pbt), who follows no cell himself: each once.
    assert_eq!(
        recipients,
        [
            "x1-03", "x1-04", "x1-05", "x1-06", "x1-07", "x1-bt", "x1-pbt", "dy-uv", "tu-01",
            "dy-pbt"
        ]
    );
}

#[test]
fn a_delegated_draft_names_its_author() {
    let mut c = commune(&["commune", "xom_2"]);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios/delegate_drafting_to_a_committee_member.json");
    let scenario: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for step in scenario["steps"].as_array().unwrap() {
        let command: chibo::Command = serde_json::from_value(step["command"].clone()).unwrap();
        let accepted = c.execute(&command).is_ok();
        assert_eq!(accepted, step["expect"]["ok"] == true, "{step}");
    }
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
