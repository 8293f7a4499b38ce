//! Alerts as of a date (`chibo::report::alerts`), from the shared scenario setup files plus
//! commands built here: each kind fires exactly at its threshold, names its rule, and carries the
//! citation of the `Rules` parameter it was measured against.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod alerts_support;
mod support;

use alerts_support::{
    cmd, day, draft, execute, for_member, hold, of_kind, setup_steps, spring, Roll,
};
use chibo::report::alerts::{alerts, Alert, AlertKind, Figures, FollowerLevel};
use chibo::Commune;
use serde_json::{json, Value};
use std::path::Path;
use support::commune as setup;

fn absences(alerts: &[Alert], member: &str) -> Option<(u32, u32, u32, bool)> {
    let found = for_member(alerts, AlertKind::ConsecutiveAbsences, member);
    assert!(found.len() <= 1, "one R-70 alert per member: {found:#?}");
    found.first().map(|a| match &a.figures {
        Figures::ConsecutiveAbsences {
            in_a_row,
            most_allowed,
            excused,
            ongoing,
            ..
        } => (*in_a_row, *most_allowed, *excused, *ongoing),
        other => panic!("wrong figures {other:?}"),
    })
}

#[test]
fn three_absences_in_a_row_are_not_an_alert_four_are() {
    let mut commune = spring();
    hold(
        &mut commune,
        "m-05",
        5,
        "regular",
        &[("x1-05", Roll::Excused)],
        &[],
    );
    hold(
        &mut commune,
        "m-06",
        6,
        "regular",
        &[("x1-05", Roll::Unexcused)],
        &[],
    );
    hold(
        &mut commune,
        "m-07",
        7,
        "regular",
        &[("x1-05", Roll::Excused)],
        &[],
    );

    let three = alerts(&commune, day("2025-07-31"));
    assert_eq!(absences(&three, "x1-05"), None, "3 in a row is allowed");

    hold(
        &mut commune,
        "m-08",
        8,
        "regular",
        &[("x1-05", Roll::Unexcused)],
        &[],
    );
    let four = alerts(&commune, day("2025-08-31"));
    assert_eq!(
        absences(&four, "x1-05"),
        Some((4, 3, 2, true)),
        "4 in a row, 2 of them with reason (absences with reason count)"
    );
    let alert = for_member(&four, AlertKind::ConsecutiveAbsences, "x1-05")[0];
    assert_eq!(alert.rule, "R-70");
    assert_eq!(
        alert.citation.as_ref(),
        Some(&commune.rules().max_consecutive_absences.source)
    );
    assert_eq!(alert.cell.as_ref().map(|c| c.as_str()), Some("xom-1"));
    assert_eq!(alert.meeting.as_ref().map(|m| m.as_str()), Some("m-08"));
    match &alert.figures {
        Figures::ConsecutiveAbsences {
            first_meeting,
            first_month,
            last_month,
            unexcused,
            ..
        } => {
            assert_eq!(first_meeting.as_str(), "m-05");
            assert_eq!(first_month.to_string(), "2025-05");
            assert_eq!(last_month.to_string(), "2025-08");
            assert_eq!(*unexcused, 2);
        }
        other => panic!("wrong figures {other:?}"),
    }
    assert!(alert
        .message_vi
        .contains("vắng 4 kỳ sinh hoạt thường kỳ liên tiếp"));
    assert!(alert
        .message_en
        .contains("missed 4 regular meetings in a row"));

    // x1-06 is absent from every meeting, but exempted: left out.
    assert_eq!(absences(&four, "x1-06"), None);

    // As of a date before the fourth meeting, it does not count yet.
    assert_eq!(
        absences(&alerts(&commune, day("2025-08-09")), "x1-05"),
        None
    );

    // Attending ends the run: the alert stays (the year's longest run) but is no longer ongoing.
    hold(&mut commune, "m-09", 9, "regular", &[], &[]);
    assert_eq!(
        absences(&alerts(&commune, day("2025-09-30")), "x1-05"),
        Some((4, 3, 2, false))
    );
}

#[test]
fn attending_a_regular_meeting_ends_the_run() {
    let mut commune = spring();
    let away = [("x1-07", Roll::Excused)];
    for month in 5..=7 {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &away,
            &[],
        );
    }
    hold(&mut commune, "m-08", 8, "regular", &[], &[]);
    for month in 9..=11 {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &away,
            &[],
        );
    }
    assert_eq!(
        absences(&alerts(&commune, day("2025-12-31")), "x1-07"),
        None,
        "six absences, never more than three in a row"
    );
}

#[test]
fn a_thematic_meeting_attended_does_not_break_a_run_of_regular_meetings() {
    let mut commune = spring();
    let away = [("x1-07", Roll::Excused)];
    hold(&mut commune, "m-05", 5, "regular", &away, &[]);
    hold(&mut commune, "m-06", 6, "regular", &away, &[]);
    hold(&mut commune, "m-06t", 6, "thematic", &[], &[]);
    hold(&mut commune, "m-07", 7, "regular", &away, &[]);
    hold(&mut commune, "m-08", 8, "regular", &away, &[]);
    assert_eq!(
        absences(&alerts(&commune, day("2025-08-31")), "x1-07"),
        Some((4, 3, 4, true)),
        "R-70 counts regular meetings: the probationary member missed four in a row"
    );
}

#[test]
fn the_threshold_comes_from_the_rules_in_force() {
    let mut steps = setup_steps("commune");
    let citation = json!({"document": "Quy định 01-QĐ/TU", "date": "2025-11-20", "provision": "R-70 (local)", "verified": true});
    steps[0]["action"]["establish_commune"]["rules"]["overrides"] =
        json!({"max_consecutive_absences": {"value": 4, "source": citation}});
    let mut commune = Commune::new();
    for step in steps {
        execute(&mut commune, step);
    }
    for (i, month) in (5..=9).enumerate() {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &[("x1-05", Roll::Excused)],
            &[],
        );
        let in_a_row = i + 1;
        let found = absences(&alerts(&commune, day("2025-12-31")), "x1-05");
        if in_a_row <= 4 {
            assert_eq!(
                found, None,
                "{in_a_row} in a row is allowed by the override"
            );
        } else {
            assert_eq!(found, Some((5, 4, 5, true)));
        }
    }
    let all = alerts(&commune, day("2025-12-31"));
    let alert = for_member(&all, AlertKind::ConsecutiveAbsences, "x1-05")[0];
    let expected: chibo::rules::Citation = serde_json::from_value(citation).unwrap();
    assert_eq!(alert.citation.as_ref(), Some(&expected));
    assert_eq!(
        alert.citation.as_ref(),
        Some(&commune.rules().max_consecutive_absences.source)
    );
}

#[test]
fn unexcused_absences_in_three_months_raise_a_removal_proposal_for_people_to_decide() {
    let mut commune = spring();
    hold(
        &mut commune,
        "m-05",
        5,
        "regular",
        &[("x1-04", Roll::Unexcused)],
        &[],
    );
    hold(&mut commune, "m-06", 6, "regular", &[], &[]);
    hold(
        &mut commune,
        "m-07",
        7,
        "regular",
        &[("x1-04", Roll::Unexcused)],
        &[],
    );
    let two = alerts(&commune, day("2025-12-31"));
    assert!(
        for_member(&two, AlertKind::RemovalProposal, "x1-04").is_empty(),
        "two months without reason are not three"
    );
    // A second unexcused absence in July (at the thematic meeting) is still one month.
    hold(
        &mut commune,
        "m-07t",
        7,
        "thematic",
        &[("x1-04", Roll::Unexcused)],
        &[],
    );
    assert!(for_member(
        &alerts(&commune, day("2025-12-31")),
        AlertKind::RemovalProposal,
        "x1-04"
    )
    .is_empty());

    hold(
        &mut commune,
        "m-08",
        8,
        "regular",
        &[("x1-04", Roll::Unexcused)],
        &[],
    );
    let three = alerts(&commune, day("2025-12-31"));
    let found = for_member(&three, AlertKind::RemovalProposal, "x1-04");
    assert_eq!(found.len(), 1);
    let alert = found[0];
    assert_eq!(alert.rule, "R-80");
    assert_eq!(
        alert.citation.as_ref(),
        Some(&commune.rules().removal_absence_months.source)
    );
    match &alert.figures {
        Figures::RemovalProposal {
            months,
            month_count,
            threshold,
            year,
        } => {
            let months: Vec<String> = months.iter().map(ToString::to_string).collect();
            assert_eq!(months, ["2025-05", "2025-07", "2025-08"]);
            assert_eq!((*month_count, *threshold, *year), (3, 3, 2025));
        }
        other => panic!("wrong figures {other:?}"),
    }
    assert!(alert.message_en.contains("This is an alert only"));
    assert!(alert.message_vi.contains("Đây chỉ là cảnh báo"));
    assert_eq!(alert.meeting.as_ref().map(|m| m.as_str()), Some("m-08"));
    // Attended in June: at most two regular meetings missed in a row, so no R-70 alert.
    assert_eq!(absences(&three, "x1-04"), None);
}

#[test]
fn months_and_quarters_are_checked_once_ended() {
    let mut commune = setup(&["commune", "march_ready", "march_adopted", "april_ready"]);
    // A cell with nobody on the roll has nothing to hold.
    execute(
        &mut commune,
        cmd(
            "vp",
            "2025-04-01T08:00:00+07:00",
            json!({"add_cell": {"cell": "xom-9", "name": "Chi bộ xóm 9", "kind": "residential"}}),
        ),
    );

    let missing = |all: &[Alert], cell: &str| -> Vec<String> {
        of_kind(all, AlertKind::NoRegularMeeting)
            .iter()
            .filter(|a| a.cell.as_ref().map(|c| c.as_str()) == Some(cell))
            .map(|a| match &a.figures {
                Figures::NoRegularMeeting {
                    month,
                    held,
                    required,
                } => {
                    assert_eq!((*held, *required), (0, 1));
                    month.to_string()
                }
                other => panic!("wrong figures {other:?}"),
            })
            .collect()
    };

    let april_29 = alerts(&commune, day("2025-04-29"));
    assert_eq!(missing(&april_29, "xom-1"), ["2025-01", "2025-02"]);
    assert_eq!(
        missing(&april_29, "co-quan"),
        ["2025-01", "2025-02", "2025-03"]
    );
    assert!(missing(&april_29, "xom-9").is_empty());

    // On the month's last day, the month has ended; the April draft is named.
    let april_30 = alerts(&commune, day("2025-04-30"));
    assert_eq!(
        missing(&april_30, "xom-1"),
        ["2025-01", "2025-02", "2025-04"]
    );
    let april = of_kind(&april_30, AlertKind::NoRegularMeeting)
        .into_iter()
        .find(|a| {
            a.cell.as_ref().map(|c| c.as_str()) == Some("xom-1")
                && matches!(&a.figures, Figures::NoRegularMeeting { month, .. } if month.to_string() == "2025-04")
        })
        .unwrap();
    assert_eq!(
        april.meeting.as_ref().map(|m| m.as_str()),
        Some("m-2025-04")
    );
    assert_eq!(april.rule, "R-20");
    assert_eq!(
        april.citation.as_ref(),
        Some(&commune.rules().regular_meetings_per_month.source)
    );
    assert!(april.message_vi.contains("tháng 04/2025"));
    assert!(april
        .message_vi
        .contains("m-2025-04 của tháng này đang ở trạng thái «dự thảo»"));
    assert!(april
        .message_en
        .contains("Meeting m-2025-04 of that month is still draft"));

    // the first quarter ends on 31 March.
    let quarter = |as_of: &str| -> Vec<(String, u32)> {
        of_kind(
            &alerts(&commune, day(as_of)),
            AlertKind::ThematicQuotaMissed,
        )
        .iter()
        .map(|a| match &a.figures {
            Figures::ThematicQuotaMissed {
                quarter,
                held,
                required,
                ..
            } => {
                assert_eq!((*held, *required), (0, 1));
                assert_eq!(
                    a.citation.as_ref(),
                    Some(&commune.rules().thematic_meetings_per_quarter.source)
                );
                (a.cell.as_ref().unwrap().to_string(), *quarter)
            }
            other => panic!("wrong figures {other:?}"),
        })
        .collect()
    };
    assert!(quarter("2025-03-30").is_empty());
    assert_eq!(
        quarter("2025-03-31"),
        [("co-quan".to_owned(), 1), ("xom-1".to_owned(), 1)]
    );
}

#[test]
fn a_thematic_meeting_meets_the_quarter_but_not_the_month() {
    let mut commune = spring();
    hold(&mut commune, "m-05t", 5, "thematic", &[], &[]);
    let all = alerts(&commune, day("2025-06-30"));
    let xom_1 = |kind| -> Vec<&Alert> {
        of_kind(&all, kind)
            .into_iter()
            .filter(|a| a.cell.as_ref().map(|c| c.as_str()) == Some("xom-1"))
            .collect()
    };
    let quarters: Vec<u32> = xom_1(AlertKind::ThematicQuotaMissed)
        .iter()
        .map(|a| match &a.figures {
            Figures::ThematicQuotaMissed { quarter, .. } => *quarter,
            other => panic!("wrong figures {other:?}"),
        })
        .collect();
    assert_eq!(quarters, [1], "Q2 has its thematic meeting");
    let months: Vec<String> = xom_1(AlertKind::NoRegularMeeting)
        .iter()
        .map(|a| match &a.figures {
            Figures::NoRegularMeeting { month, .. } => month.to_string(),
            other => panic!("wrong figures {other:?}"),
        })
        .collect();
    assert_eq!(months, ["2025-01", "2025-02", "2025-05", "2025-06"]);

    // A combined meeting is both.
    hold(&mut commune, "m-07c", 7, "combined", &[], &[]);
    let all = alerts(&commune, day("2025-09-30"));
    assert!(!all.iter().any(|a| a.cell.as_ref().map(|c| c.as_str()) == Some("xom-1")
        && matches!(&a.figures, Figures::NoRegularMeeting { month, .. } if month.to_string() == "2025-07")));
    assert!(!all
        .iter()
        .any(|a| a.cell.as_ref().map(|c| c.as_str()) == Some("xom-1")
            && matches!(&a.figures, Figures::ThematicQuotaMissed { quarter: 3, .. })));
}

#[test]
fn tasks_past_their_deadline_and_not_reported_are_overdue() {
    let mut commune = setup(&["commune", "march_ready", "march_adopted", "march_assigned"]);
    assert!(of_kind(&alerts(&commune, day("2025-03-31")), AlertKind::TaskOverdue).is_empty());
    let all = alerts(&commune, day("2025-04-03"));
    let overdue = of_kind(&all, AlertKind::TaskOverdue);
    assert_eq!(overdue.len(), 6);
    let tasks: Vec<&str> = overdue
        .iter()
        .map(|a| a.task.as_ref().unwrap().as_str())
        .collect();
    let mut sorted = tasks.clone();
    sorted.sort_unstable();
    assert_eq!(
        tasks, sorted,
        "sorted by member, then task, within the cell and month"
    );
    let first = overdue[0];
    assert_eq!(first.rule, "R-40");
    assert_eq!(
        first.citation, None,
        "the deadline is set per task, not by a Rules parameter"
    );
    assert_eq!(
        first.meeting.as_ref().map(|m| m.as_str()),
        Some("m-2025-03")
    );
    assert!(matches!(
        &first.figures,
        Figures::TaskOverdue { days_overdue: 3, deadline, .. } if deadline.to_string() == "2025-03-31"
    ));

    for step in setup_steps("april_ready")
        .into_iter()
        .chain(setup_steps("april_adopted"))
        .chain(setup_steps("march_reported"))
    {
        execute(&mut commune, step);
    }
    assert!(of_kind(&alerts(&commune, day("2025-04-30")), AlertKind::TaskOverdue).is_empty());
}

#[test]
fn remediations_past_their_deadline_and_not_remedied_are_overdue() {
    let mut commune = setup(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
        "april_adopted",
        "march_reported",
    ]);
    for step in [
        cmd(
            "dy-ubkt",
            "2025-04-10T08:00:00+07:00",
            json!({"open_inspection": {
            "inspection": "gs-03", "cell": "xom-1", "kind": "regular_supervision",
            "meetings": ["m-2025-03"], "inspectors": ["dy-ubkt"]}}),
        ),
        cmd(
            "dy-ubkt",
            "2025-04-12T08:00:00+07:00",
            json!({"conclude_inspection": {
            "inspection": "gs-03", "conclusion": "Chi bộ thực hiện tốt; biên bản còn thiếu ý kiến phát biểu.",
            "remediations": [
                {"remediation": "kp-1", "requirement": "Ghi đầy đủ ý kiến phát biểu trong biên bản", "deadline": "2025-05-15"},
                {"remediation": "kp-2", "requirement": "Bổ sung sổ theo dõi đảng phí", "deadline": "2025-05-15"}
            ]}}),
        ),
    ] {
        execute(&mut commune, step);
    }
    let remediation_alerts = |c: &Commune, as_of: &str| -> Vec<(String, String)> {
        of_kind(&alerts(c, day(as_of)), AlertKind::RemediationOverdue)
            .iter()
            .map(|a| match &a.figures {
                Figures::RemediationOverdue {
                    state, inspection, ..
                } => {
                    assert_eq!(inspection.as_str(), "gs-03");
                    assert_eq!(a.rule, "R-62");
                    assert_eq!(a.citation, None);
                    assert_eq!(a.cell.as_ref().map(|c| c.as_str()), Some("xom-1"));
                    (
                        a.remediation.as_ref().unwrap().to_string(),
                        state.as_str().to_owned(),
                    )
                }
                other => panic!("wrong figures {other:?}"),
            })
            .collect()
    };
    assert!(
        remediation_alerts(&commune, "2025-05-15").is_empty(),
        "due on the day, not overdue"
    );
    assert_eq!(
        remediation_alerts(&commune, "2025-05-16"),
        [
            ("kp-1".to_owned(), "open".to_owned()),
            ("kp-2".to_owned(), "open".to_owned())
        ]
    );
    execute(
        &mut commune,
        cmd(
            "x1-bt",
            "2025-05-16T08:00:00+07:00",
            json!({"report_remedy": {"remediation": "kp-1", "note": "Đã bổ sung."}}),
        ),
    );
    execute(
        &mut commune,
        cmd(
            "dy-ubkt",
            "2025-05-17T08:00:00+07:00",
            json!({"mark_overdue": {"remediation": "kp-2"}}),
        ),
    );
    assert_eq!(
        remediation_alerts(&commune, "2025-05-20"),
        [("kp-2".to_owned(), "overdue".to_owned())]
    );
    // An earlier day's alerts read the remediations as they stood at the end of that day: kp-1
    // was remedied on 16/05, kp-2 only marked overdue on 17/05.
    assert_eq!(
        remediation_alerts(&commune, "2025-05-16"),
        [("kp-2".to_owned(), "open".to_owned())]
    );
    assert!(
        remediation_alerts(&commune, "2025-04-11").is_empty(),
        "not yet required before the notice of 12/04"
    );
}

#[test]
fn documents_published_late_or_not_by_the_deadline() {
    let mut commune = spring();
    // Scheduled 10/05 07:30: documents are due by 09/05 07:30 (24 hours, 42-HD).
    draft(&mut commune, "m-05", 5, "regular", 10);
    let late = |c: &Commune, as_of: &str| -> Vec<Alert> {
        of_kind(&alerts(c, day(as_of)), AlertKind::DocumentsLate)
            .into_iter()
            .cloned()
            .collect()
    };
    assert!(late(&commune, "2025-05-08").is_empty(), "not due yet");
    let missing = late(&commune, "2025-05-09");
    assert_eq!(missing.len(), 1);
    assert_eq!(
        missing[0].meeting.as_ref().map(|m| m.as_str()),
        Some("m-05")
    );
    assert_eq!(missing[0].rule, "R-25");
    assert_eq!(
        missing[0].citation.as_ref(),
        Some(&commune.rules().document_lead_hours.source)
    );
    assert!(matches!(
        &missing[0].figures,
        Figures::DocumentsLate {
            published_at: None,
            lead_hours: 24,
            held: false,
            ..
        }
    ));

    execute(
        &mut commune,
        cmd(
            "x1-bt",
            "2025-05-09T08:00:00+07:00",
            json!({"publish_documents": {"meeting": "m-05", "documents": ["Dự thảo nghị quyết"]}}),
        ),
    );
    let published = late(&commune, "2025-05-09");
    assert_eq!(
        published.len(),
        1,
        "published half an hour after the deadline"
    );
    match &published[0].figures {
        Figures::DocumentsLate {
            published_at: Some(at),
            deadline,
            start,
            ..
        } => {
            assert_eq!(at.to_rfc3339(), "2025-05-09T08:00:00+07:00");
            assert_eq!(deadline.to_rfc3339(), "2025-05-09T07:30:00+07:00");
            assert_eq!(start.to_rfc3339(), "2025-05-10T07:30:00+07:00");
        }
        other => panic!("wrong figures {other:?}"),
    }
    assert!(published[0]
        .message_en
        .contains("revise the draft to a later time"));

    // Moved to the 12th: the same publication is now in time.
    execute(
        &mut commune,
        cmd(
            "x1-bt",
            "2025-05-09T09:00:00+07:00",
            json!({"revise_draft": {"meeting": "m-05", "scheduled_at": "2025-05-12T07:30:00+07:00"}}),
        ),
    );
    assert!(late(&commune, "2025-05-09").is_empty());
    // The held March and April meetings published in time.
    assert!(late(&commune, "2025-12-31").is_empty());
}

#[test]
fn followers_are_checked_against_their_quota_pro_rata() {
    // dy-uv (commune committee, 6 a year) was a guest at xom-1 in March and April; tu-01 (province,
    // 2 a year) at none.
    let commune = spring();
    let low = |as_of: &str| -> Vec<(String, u32, u32, u32)> {
        of_kind(
            &alerts(&commune, day(as_of)),
            AlertKind::FollowerAttendanceLow,
        )
        .iter()
        .map(|a| match &a.figures {
            Figures::FollowerAttendanceLow {
                attended,
                expected_by_now,
                months_ended,
                level,
                cells,
                yearly_quota,
                ..
            } => {
                let member = a.member.as_ref().unwrap().to_string();
                let (expected_level, param) = if member == "tu-01" {
                    (
                        FollowerLevel::HigherLevel,
                        &commune.rules().provincial_follower_meetings,
                    )
                } else {
                    (
                        FollowerLevel::Commune,
                        &commune.rules().commune_follower_meetings,
                    )
                };
                assert_eq!(*level, expected_level);
                assert_eq!(*yearly_quota, param.value);
                assert_eq!(a.citation.as_ref(), Some(&param.source));
                assert_eq!(a.rule, "R-81");
                assert_eq!(
                    cells.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                    ["xom-1"]
                );
                (member, *attended, *expected_by_now, *months_ended)
            }
            other => panic!("wrong figures {other:?}"),
        })
        .collect()
    };
    // End of May: dy-uv 2 ≥ floor(6×5/12) = 2; tu-01 0 ≥ floor(2×5/12) = 0.
    assert!(low("2025-05-31").is_empty());
    // End of June: dy-uv 2 < 3; tu-01 0 < 1.
    assert_eq!(
        low("2025-06-30"),
        [("dy-uv".to_owned(), 2, 3, 6), ("tu-01".to_owned(), 0, 1, 6)]
    );
    // Year end: the full quota.
    assert_eq!(
        low("2025-12-31"),
        [
            ("dy-uv".to_owned(), 2, 6, 12),
            ("tu-01".to_owned(), 0, 2, 12)
        ]
    );
}

#[test]
fn a_follower_at_enough_meetings_has_no_alert() {
    let mut commune = spring();
    for month in 5..=12 {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &[],
            &["dy-uv"],
        );
    }
    let all = alerts(&commune, day("2025-12-31"));
    assert!(for_member(&all, AlertKind::FollowerAttendanceLow, "dy-uv").is_empty());
    assert_eq!(
        for_member(&all, AlertKind::FollowerAttendanceLow, "tu-01").len(),
        1
    );
}

#[test]
fn alerts_are_sorted_deterministically_and_serialise_in_snake_case() {
    let mut commune = setup(&[
        "commune",
        "xom_2",
        "march_ready",
        "march_adopted",
        "march_assigned",
    ]);
    hold(
        &mut commune,
        "m-05",
        5,
        "regular",
        &[("x1-05", Roll::Unexcused)],
        &[],
    );
    let as_of = day("2025-12-31");
    let all = alerts(&commune, as_of);
    assert_eq!(
        all,
        alerts(&commune, as_of),
        "the same state gives the same list"
    );
    let rank = |k: AlertKind| AlertKind::ALL.iter().position(|x| *x == k).unwrap();
    assert!(
        all.windows(2).all(|w| rank(w[0].kind) <= rank(w[1].kind)),
        "grouped by kind in the order of AlertKind::ALL"
    );
    for kind in [
        AlertKind::NoRegularMeeting,
        AlertKind::ThematicQuotaMissed,
        AlertKind::TaskOverdue,
        AlertKind::FollowerAttendanceLow,
    ] {
        assert!(
            !of_kind(&all, kind).is_empty(),
            "{kind} expected in this state"
        );
    }
    // Within a kind: by cell, then month.
    let regular: Vec<(String, String)> = of_kind(&all, AlertKind::NoRegularMeeting)
        .iter()
        .map(|a| match &a.figures {
            Figures::NoRegularMeeting { month, .. } => {
                (a.cell.as_ref().unwrap().to_string(), month.to_string())
            }
            other => panic!("wrong figures {other:?}"),
        })
        .collect();
    let mut sorted = regular.clone();
    sorted.sort();
    assert_eq!(regular, sorted);
    assert_eq!(
        regular.len(),
        12 + 10 + 12,
        "co-quan 12, xom-1 10 (March and May held), xom-2 12"
    );

    let json = serde_json::to_value(&all).unwrap();
    let first = &json[0];
    assert_eq!(first["kind"], "no_regular_meeting");
    assert_eq!(first["rule"], "R-20");
    assert_eq!(first["cell"], "co-quan");
    assert_eq!(first["figures"]["month"], "2025-01");
    assert_eq!(first["figures"]["required"], 1);
    assert_eq!(first["citation"]["document"], "Điều lệ Đảng");
    assert!(first["message_vi"]
        .as_str()
        .unwrap()
        .contains("Chi bộ Cơ quan Đảng ủy"));
    let task = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "task_overdue")
        .unwrap();
    assert_eq!(task["citation"], Value::Null);
    assert_eq!(task["figures"]["deadline"], "2025-03-31");
    let follower = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "follower_attendance_low")
        .unwrap();
    assert!(["commune", "higher_level"].contains(&follower["figures"]["level"].as_str().unwrap()));
    for kind in AlertKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        assert!(kind.rule().starts_with("R-"));
    }
}

#[test]
fn a_task_carried_on_is_not_overdue_the_day_it_is_carried_and_its_new_task_is_followed() {
    let mut commune = setup(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
        "april_adopted",
    ]);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios/carry_over_unfinished_task_into_april.json");
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let steps = scenario["steps"].as_array().unwrap();
    // March reported with t-03-04 not done, reporting closed.
    for step in &steps[..7] {
        execute(&mut commune, step["command"].clone());
    }
    // April's assignment carries it on with the defaults: `t-03-04.m-2025-04`, due 30/04.
    let mut assign = steps[11]["command"].clone();
    assign["action"]["assign_tasks"]["carried_over"] = json!(["t-03-04"]);
    execute(&mut commune, assign);

    let overdue_tasks = |on: &str| -> Vec<String> {
        of_kind(&alerts(&commune, day(on)), AlertKind::TaskOverdue)
            .iter()
            .filter_map(|a| a.task.as_ref().map(|t| t.to_string()))
            .filter(|t| t.starts_with("t-03-04"))
            .collect()
    };
    assert!(
        overdue_tasks("2025-04-05").is_empty(),
        "carried today, due 30/04"
    );
    assert!(
        overdue_tasks("2025-04-30").is_empty(),
        "due on the day, not overdue"
    );
    assert_eq!(
        overdue_tasks("2025-05-02"),
        ["t-03-04.m-2025-04"],
        "the new task is followed; the old one is closed as carried over"
    );
}

#[test]
fn a_defect_recorded_at_a_sitting_is_an_alert_and_a_sound_meeting_is_not() {
    let mut commune = setup(&["commune"]);
    // May: two members absent without reason, 4 of the 6 expected (x1-06 exempted) = 66.7%.
    hold(
        &mut commune,
        "m-2025-05",
        5,
        "regular",
        &[("x1-03", Roll::Unexcused), ("x1-04", Roll::Unexcused)],
        &[],
    );
    // June: everyone expected came.
    hold(&mut commune, "m-2025-06", 6, "regular", &[], &[]);
    let before = alerts(&commune, day("2025-05-09"));
    assert!(
        of_kind(&before, AlertKind::MeetingDefect).is_empty(),
        "not held yet"
    );
    let all = alerts(&commune, day("2025-06-30"));
    let defects = of_kind(&all, AlertKind::MeetingDefect);
    let meetings: Vec<&str> = defects
        .iter()
        .filter_map(|a| a.meeting.as_ref().map(|m| m.as_str()))
        .collect();
    assert_eq!(meetings, ["m-2025-05"], "June had no defect");
    let may = defects[0];
    assert_eq!(may.rule, "R-70");
    assert!(matches!(
        &may.figures,
        Figures::MeetingDefect {
            defect: "attendance_low",
            ..
        }
    ));
    assert!(may.message_en.contains("4 of 6"), "{}", may.message_en);
}
