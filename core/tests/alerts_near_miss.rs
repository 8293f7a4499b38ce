//! Every alert kind (`AlertKind::ALL`) with the situation that raises it and its near miss: the
//! same situation one step short of the boundary, which must raise no alert of that kind. Each
//! boundary is read from the `Rules` in force on the day looked at, not written as a bare number.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // tests

mod alerts_support;
mod support;

use alerts_support::{
    cmd, day, draft, execute, for_member, hold, of_kind, publish, record, record_lasting, spring,
    Roll,
};
use chibo::report::alerts::{alerts, Alert, AlertKind, Figures, FollowerLevel};
use chibo::Commune;
use chrono::{DateTime, NaiveDate, TimeDelta};
use serde_json::json;
use support::commune as setup;

/// The alerts of `kind` about cell xom-1.
fn xom_1(all: &[Alert], kind: AlertKind) -> Vec<Alert> {
    of_kind(all, kind)
        .into_iter()
        .filter(|a| a.cell.as_ref().map(|c| c.as_str()) == Some("xom-1"))
        .cloned()
        .collect()
}

#[test]
fn no_regular_meeting_near_miss_the_required_meetings_held_or_the_month_not_ended() {
    let mut commune = spring();
    let may_31 = day("2025-05-31");
    let param = commune.rules_on(may_31).regular_meetings_per_month.clone();
    let required = param.value;
    assert!(required >= 1, "the check needs a required meeting");
    let may = |c: &Commune, as_of: NaiveDate| -> Vec<(u32, u32)> {
        xom_1(&alerts(c, as_of), AlertKind::NoRegularMeeting)
            .iter()
            .filter_map(|a| match &a.figures {
                Figures::NoRegularMeeting {
                    month,
                    held,
                    required,
                } if month.to_string() == "2025-05" => {
                    assert_eq!(a.citation.as_ref(), Some(&param.source));
                    Some((*held, *required))
                }
                _ => None,
            })
            .collect()
    };
    // One meeting short of the requirement.
    for i in 1..required {
        hold(&mut commune, &format!("m-05-{i}"), 5, "regular", &[], &[]);
    }
    assert_eq!(may(&commune, may_31), [(required - 1, required)]);
    // Near miss: the day before the month ends, it has not ended.
    assert!(may(&commune, day("2025-05-30")).is_empty());
    // Near miss: exactly the required number held.
    hold(&mut commune, "m-05", 5, "regular", &[], &[]);
    assert!(may(&commune, may_31).is_empty());
}

#[test]
fn thematic_quota_missed_near_miss_the_quota_held_or_the_quarter_not_ended() {
    let mut commune = spring();
    let june_30 = day("2025-06-30");
    let param = commune
        .rules_on(june_30)
        .thematic_meetings_per_quarter
        .clone();
    let required = param.value;
    assert!(required >= 1, "the check needs a required meeting");
    let second_quarter = |c: &Commune, as_of: NaiveDate| -> Vec<(u32, u32)> {
        xom_1(&alerts(c, as_of), AlertKind::ThematicQuotaMissed)
            .iter()
            .filter_map(|a| match &a.figures {
                Figures::ThematicQuotaMissed {
                    quarter: 2,
                    held,
                    required,
                    ..
                } => {
                    assert_eq!(a.citation.as_ref(), Some(&param.source));
                    assert_eq!(a.rule, "R-21");
                    Some((*held, *required))
                }
                _ => None,
            })
            .collect()
    };
    // One thematic meeting short of the quota in April–June.
    for i in 1..required {
        hold(
            &mut commune,
            &format!("m-t{i}"),
            4 + i % 3,
            "thematic",
            &[],
            &[],
        );
    }
    assert_eq!(
        second_quarter(&commune, june_30),
        [(required - 1, required)]
    );
    // Near miss: the day before the quarter ends.
    assert!(second_quarter(&commune, day("2025-06-29")).is_empty());
    // Near miss: exactly the quota held.
    hold(&mut commune, "m-06t", 6, "thematic", &[], &[]);
    assert!(second_quarter(&commune, june_30).is_empty());
}

#[test]
fn consecutive_absences_near_miss_absent_exactly_the_most_allowed_in_a_row() {
    let mut commune = spring();
    let year_end = day("2025-12-31");
    let param = commune.rules_on(year_end).max_consecutive_absences.clone();
    let most_allowed = param.value;
    assert!(most_allowed < 8, "the run must fit in May–December 2025");
    let run = |c: &Commune| -> Vec<(u32, u32)> {
        for_member(
            &alerts(c, year_end),
            AlertKind::ConsecutiveAbsences,
            "x1-05",
        )
        .iter()
        .map(|a| match &a.figures {
            Figures::ConsecutiveAbsences {
                in_a_row,
                most_allowed,
                ..
            } => {
                assert_eq!(a.citation.as_ref(), Some(&param.source));
                (*in_a_row, *most_allowed)
            }
            other => panic!("wrong figures {other:?}"),
        })
        .collect()
    };
    // Near miss: absent (with reason, which counts) exactly the most allowed in a row.
    for month in 5..5 + most_allowed {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &[("x1-05", Roll::Excused)],
            &[],
        );
    }
    assert!(run(&commune).is_empty());
    // One more absence in a row raises it.
    let month = 5 + most_allowed;
    hold(
        &mut commune,
        &format!("m-{month:02}"),
        month,
        "regular",
        &[("x1-05", Roll::Excused)],
        &[],
    );
    assert_eq!(run(&commune), [(most_allowed + 1, most_allowed)]);
}

#[test]
fn removal_proposal_near_miss_unexcused_in_one_month_fewer_than_the_threshold() {
    let mut commune = spring();
    let year_end = day("2025-12-31");
    let param = commune.rules_on(year_end).removal_absence_months.clone();
    let threshold = param.value;
    assert!(
        (1..=7).contains(&threshold),
        "the months must fit in May–December 2025"
    );
    let proposal = |c: &Commune| -> Vec<(u32, u32)> {
        for_member(&alerts(c, year_end), AlertKind::RemovalProposal, "x1-04")
            .iter()
            .map(|a| match &a.figures {
                Figures::RemovalProposal {
                    month_count,
                    threshold,
                    ..
                } => {
                    assert_eq!(a.citation.as_ref(), Some(&param.source));
                    (*month_count, *threshold)
                }
                other => panic!("wrong figures {other:?}"),
            })
            .collect()
    };
    // Near miss: absent without reason in one month fewer than the threshold...
    let mut month = 5;
    for _ in 1..threshold {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &[("x1-04", Roll::Unexcused)],
            &[],
        );
        month += 1;
    }
    assert!(proposal(&commune).is_empty());
    // ...and absent with a reason in one more month, which does not count.
    hold(
        &mut commune,
        &format!("m-{month:02}"),
        month,
        "regular",
        &[("x1-04", Roll::Excused)],
        &[],
    );
    month += 1;
    assert!(proposal(&commune).is_empty());
    // One more month without reason reaches the threshold.
    hold(
        &mut commune,
        &format!("m-{month:02}"),
        month,
        "regular",
        &[("x1-04", Roll::Unexcused)],
        &[],
    );
    assert_eq!(proposal(&commune), [(threshold, threshold)]);
}

#[test]
fn task_overdue_near_miss_due_on_the_day_looked_at() {
    let commune = setup(&["commune", "march_ready", "march_adopted", "march_assigned"]);
    let task = commune.tasks.values().next().unwrap();
    let overdue = |as_of: NaiveDate| -> Vec<(NaiveDate, i64)> {
        of_kind(&alerts(&commune, as_of), AlertKind::TaskOverdue)
            .iter()
            .filter(|a| a.task.as_ref() == Some(&task.id))
            .map(|a| match &a.figures {
                Figures::TaskOverdue {
                    deadline,
                    days_overdue,
                    ..
                } => {
                    assert_eq!(a.member.as_ref(), Some(&task.owner));
                    (*deadline, *days_overdue)
                }
                other => panic!("wrong figures {other:?}"),
            })
            .collect()
    };
    // Near miss: due today is not yet overdue.
    assert!(overdue(task.deadline).is_empty());
    // The day after, it is, by one day.
    assert_eq!(
        overdue(task.deadline.succ_opt().unwrap()),
        [(task.deadline, 1)]
    );
}

#[test]
fn remediation_overdue_near_miss_due_on_the_day_looked_at() {
    let mut commune = setup(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
        "april_adopted",
        "march_reported",
    ]);
    execute(
        &mut commune,
        cmd(
            "dy-ubkt",
            "2025-04-10T08:00:00+07:00",
            json!({"open_inspection": {
            "inspection": "gs-03", "cell": "xom-1", "kind": "regular_supervision",
            "meetings": ["m-2025-03"], "inspectors": ["dy-ubkt"]}}),
        ),
    );
    execute(
        &mut commune,
        cmd(
            "dy-ubkt",
            "2025-04-12T08:00:00+07:00",
            json!({"conclude_inspection": {
            "inspection": "gs-03", "conclusion": "Biên bản còn thiếu ý kiến phát biểu.",
            "remediations": [{"remediation": "kp-1", "requirement": "Ghi đầy đủ ý kiến phát biểu trong biên bản", "deadline": "2025-05-15"}]}}),
        ),
    );
    let deadline = commune.remediations.values().next().unwrap().deadline;
    let overdue = |as_of: NaiveDate| -> Vec<(String, i64)> {
        of_kind(&alerts(&commune, as_of), AlertKind::RemediationOverdue)
            .iter()
            .map(|a| match &a.figures {
                Figures::RemediationOverdue {
                    days_overdue,
                    state,
                    ..
                } => (state.as_str().to_owned(), *days_overdue),
                other => panic!("wrong figures {other:?}"),
            })
            .collect()
    };
    // Near miss: due today is not yet overdue.
    assert!(overdue(deadline).is_empty());
    // The day after, still open, it is, by one day.
    assert_eq!(
        overdue(deadline.succ_opt().unwrap()),
        [("open".to_owned(), 1)]
    );
}

#[test]
fn documents_late_near_miss_published_exactly_at_the_deadline() {
    let mut commune = spring();
    let late = |c: &Commune, as_of: &str, meeting: &str| -> Vec<Alert> {
        of_kind(&alerts(c, day(as_of)), AlertKind::DocumentsLate)
            .into_iter()
            .filter(|a| a.meeting.as_ref().map(|m| m.as_str()) == Some(meeting))
            .cloned()
            .collect()
    };
    // Both meetings are scheduled on the 10th at 07:30 (see `draft`) and drafted on the 1st.
    let deadline = |c: &Commune, month: u32| -> DateTime<chrono::FixedOffset> {
        let start = format!("2025-{month:02}-10T07:30:00+07:00");
        let lead = c.rules_on(day(&start[..10])).document_lead_hours.value;
        assert!(lead < 9 * 24, "the deadline must fall after the draft");
        DateTime::parse_from_rfc3339(&start).unwrap() - TimeDelta::hours(i64::from(lead))
    };

    // Near miss: May's documents published exactly at the deadline.
    draft(&mut commune, "m-05", 5, "regular", 10);
    let may_deadline = deadline(&commune, 5);
    publish(&mut commune, "m-05", &may_deadline.to_rfc3339());
    let may_day = may_deadline.date_naive().to_string();
    assert!(late(&commune, &may_day, "m-05").is_empty(), "as a draft");
    record(&mut commune, "m-05", 5, &[], &[]);
    assert!(late(&commune, "2025-05-31", "m-05").is_empty(), "once held");

    // June's published a minute after it.
    draft(&mut commune, "m-06", 6, "regular", 10);
    let june_deadline = deadline(&commune, 6);
    let published = june_deadline + TimeDelta::minutes(1);
    publish(&mut commune, "m-06", &published.to_rfc3339());
    let lead_hours = commune
        .rules_on(june_deadline.date_naive())
        .document_lead_hours
        .clone();
    let expected = |held| Figures::DocumentsLate {
        start: DateTime::parse_from_rfc3339("2025-06-10T07:30:00+07:00").unwrap(),
        deadline: june_deadline,
        published_at: Some(published),
        lead_hours: lead_hours.value,
        held,
    };
    let as_draft = late(&commune, &june_deadline.date_naive().to_string(), "m-06");
    assert_eq!(as_draft.len(), 1, "{as_draft:#?}");
    assert_eq!(as_draft[0].citation.as_ref(), Some(&lead_hours.source));
    assert_eq!(as_draft[0].figures, expected(false));
    record(&mut commune, "m-06", 6, &[], &[]);
    let once_held = late(&commune, "2025-06-30", "m-06");
    assert_eq!(once_held.len(), 1, "{once_held:#?}");
    assert_eq!(once_held[0].citation.as_ref(), Some(&lead_hours.source));
    assert_eq!(once_held[0].figures, expected(true));
}

#[test]
fn meeting_defect_near_miss_a_sitting_of_exactly_the_minimum_length() {
    let mut commune = spring();
    let defects = |c: &Commune, meeting: &str| -> Vec<Alert> {
        of_kind(&alerts(c, day("2025-06-30")), AlertKind::MeetingDefect)
            .into_iter()
            .filter(|a| a.meeting.as_ref().map(|m| m.as_str()) == Some(meeting))
            .cloned()
            .collect()
    };
    let minimum = |c: &Commune, month: u32| {
        c.rules_on(day(&format!("2025-{month:02}-10")))
            .min_meeting_minutes
            .clone()
    };
    // Near miss: May's regular meeting lasts exactly the minimum.
    draft(&mut commune, "m-05", 5, "regular", 10);
    publish(&mut commune, "m-05", "2025-05-01T11:00:00+07:00");
    let may = minimum(&commune, 5).value;
    record_lasting(&mut commune, "m-05", 5, &[], &[], i64::from(may));
    assert!(defects(&commune, "m-05").is_empty());

    // June's lasts a minute less.
    draft(&mut commune, "m-06", 6, "regular", 10);
    publish(&mut commune, "m-06", "2025-06-01T11:00:00+07:00");
    let june = minimum(&commune, 6);
    record_lasting(&mut commune, "m-06", 6, &[], &[], i64::from(june.value) - 1);
    let found = defects(&commune, "m-06");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "R-30");
    assert_eq!(found[0].citation.as_ref(), Some(&june.source));
    assert!(matches!(
        &found[0].figures,
        Figures::MeetingDefect {
            defect: "too_short",
            ..
        }
    ));
}

#[test]
fn follower_attendance_low_near_miss_exactly_at_the_quota() {
    // dy-uv (commune committee) was a guest at xom-1 in March and April.
    let mut commune = spring();
    let year_end = day("2025-12-31");
    let param = commune.rules_on(year_end).commune_follower_meetings.clone();
    let quota = param.value;
    let low = |c: &Commune| -> Vec<(u32, u32)> {
        for_member(
            &alerts(c, year_end),
            AlertKind::FollowerAttendanceLow,
            "dy-uv",
        )
        .iter()
        .map(|a| match &a.figures {
            Figures::FollowerAttendanceLow {
                level,
                attended,
                expected_by_now,
                months_ended,
                ..
            } => {
                assert_eq!(*level, FollowerLevel::Commune);
                assert_eq!(*months_ended, 12);
                assert_eq!(a.citation.as_ref(), Some(&param.source));
                (*attended, *expected_by_now)
            }
            other => panic!("wrong figures {other:?}"),
        })
        .collect()
    };
    let already = low(&commune)[0].0;
    assert!(
        already < quota && quota - already <= 8,
        "the quota must be reachable in May–December 2025"
    );
    // One meeting short of the year's quota.
    let mut month = 5;
    while month < 5 + quota - already - 1 {
        hold(
            &mut commune,
            &format!("m-{month:02}"),
            month,
            "regular",
            &[],
            &["dy-uv"],
        );
        month += 1;
    }
    assert_eq!(low(&commune), [(quota - 1, quota)]);
    // Near miss: exactly at the quota.
    hold(
        &mut commune,
        &format!("m-{month:02}"),
        month,
        "regular",
        &[],
        &["dy-uv"],
    );
    assert!(low(&commune).is_empty());
}
