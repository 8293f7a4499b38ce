//! Strategies for random commands on the setup worlds of `tests/scenarios/setup/`.
//!
//! Each template picks among real ids (meetings `m-2025-03` and `m-2025-04`, the March and April
//! tasks, the members of `xom-1`, the commune leaders) and a few wrong ones (unknown ids, the
//! wrong actor, an empty reason, a late time), so that a good share of commands is accepted and
//! the rest exercises refusals. Commands are built as JSON and parsed into [`Command`], as a
//! binding would send them.

use chibo::Command;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::strategy::Union;
use serde_json::{json, Value};

/// Builds a command from its JSON parts. The templates below only write valid shapes, so a parse
/// failure is a bug in this file.
pub fn command(actor: &str, at: &str, action: Value) -> Command {
    let value = json!({"actor": actor, "at": at, "action": action});
    serde_json::from_value(value.clone()).unwrap_or_else(|e| {
        panic!("the generator wrote a command that does not parse ({e}): {value}")
    })
}

/// Members that may act on `xom-1`'s meetings (mostly), and some that may not.
const CELL_ACTORS: &[&str] = &[
    "x1-bt", "x1-bt", "x1-bt", "x1-bt", "x1-bt", "x1-bt", "x1-pbt", "x1-pbt", "x1-03", "dy-bt",
];

/// Anyone, including an unknown member.
const ANYONE: &[&str] = &[
    "x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-07", "dy-bt", "dy-pbt", "dy-ubkt", "dy-uv", "vp",
    "tu-01", "ghost",
];

/// The officials of `xom-1` who may vote (x1-06 is exempted and absent with a reason).
const VOTERS: &[&str] = &["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"];

/// Task id suffixes and their owners; `new-1` is a member that `add_member` may create.
const TASK_OWNERS: &[(&str, &str)] = &[
    ("bt", "x1-bt"),
    ("pbt", "x1-pbt"),
    ("03", "x1-03"),
    ("04", "x1-04"),
    ("05", "x1-05"),
    ("07", "x1-07"),
    ("new", "new-1"),
];

/// Every March task of `march_assigned`.
const MARCH_TASKS: &[&str] = &[
    "t-03-bt", "t-03-pbt", "t-03-03", "t-03-04", "t-03-05", "t-03-07",
];

fn ts(day: &str, time: &str) -> String {
    format!("{day}T{time}:00+07:00")
}

/// The day a meeting is held (unknown meetings get April's).
fn day_of(meeting: &str) -> &'static str {
    if meeting == "m-2025-03" {
        "2025-03-05"
    } else {
        "2025-04-05"
    }
}

fn month_of(meeting: &str) -> &'static str {
    if meeting == "m-2025-03" {
        "2025-03"
    } else {
        "2025-04"
    }
}

/// The day before the meeting's week: when preparation steps are taken in time.
fn prep_day(meeting: &str) -> &'static str {
    if meeting == "m-2025-03" {
        "2025-03-01"
    } else {
        "2025-04-01"
    }
}

/// Task ids of the tasks a meeting assigns.
fn task_prefix(meeting: &str) -> &'static str {
    match meeting {
        "m-2025-03" => "t-03",
        "m-2025-04" => "t-04",
        "m-2025-04-cd" => "t-cd",
        _ => "t-99",
    }
}

/// A meeting: the March or April regular meeting (with these weights), sometimes an April
/// thematic one or an unknown id.
fn meeting_weighted(march: u32, april: u32) -> impl Strategy<Value = &'static str> {
    prop_oneof![
        march => Just("m-2025-03"),
        april => Just("m-2025-04"),
        1 => Just("m-2025-04-cd"),
        1 => Just("m-ghost"),
    ]
}

fn meeting() -> impl Strategy<Value = &'static str> {
    meeting_weighted(4, 4)
}

/// A task id and its owner: mostly real ones, some of a meeting without tasks, some unknown.
fn task() -> impl Strategy<Value = (String, &'static str)> {
    let month = prop_oneof![
        6 => Just("t-03"),
        4 => Just("t-04"),
        1 => Just("t-cd"),
        1 => Just("t-99"),
    ];
    let owner = prop_oneof![12 => select(&TASK_OWNERS[..6]), 1 => Just(("new", "new-1"))];
    (month, owner).prop_map(|(m, (suffix, owner))| (format!("{m}-{suffix}"), owner))
}

fn reason() -> impl Strategy<Value = &'static str> {
    prop_oneof![4 => Just("Chuyển sang tháng sau vì thời tiết"), 1 => Just(""), 1 => Just("   ")]
}

fn outcome() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("exceeded")),
        Just(json!("on_time")),
        Just(json!("late")),
        prop_oneof![3 => Just("Ốm phải nằm viện"), 1 => Just(" ")]
            .prop_map(|reason| json!({"not_done": {"reason": reason}})),
    ]
}

fn report_task() -> impl Strategy<Value = Command> {
    let at = select(&["2025-04-05T08:00:00+07:00", "2025-05-05T08:00:00+07:00"][..]);
    let note = prop_oneof![3 => Just(Value::Null), 1 => Just(json!("Làm cùng tổ hòa giải"))];
    (
        task(),
        prop::bool::weighted(0.85),
        select(ANYONE),
        outcome(),
        note,
        at,
    )
        .prop_map(|((task, owner), by_owner, other, outcome, note, at)| {
            let actor = if by_owner { owner } else { other };
            command(
                actor,
                at,
                json!({"report_task": {"task": task, "outcome": outcome, "note": note}}),
            )
        })
}

fn settle_task(action: &'static str) -> impl Strategy<Value = Command> {
    (task(), select(CELL_ACTORS), reason()).prop_map(move |((task, _), actor, reason)| {
        command(
            actor,
            "2025-04-05T08:20:00+07:00",
            json!({action: {"task": task, "reason": reason}}),
        )
    })
}

/// The secretary's (or anyone's) check of a report: accepted, or sent back with a reason
/// (sometimes blank).
fn assess_report() -> impl Strategy<Value = Command> {
    let at = select(&["2025-04-05T08:10:00+07:00", "2025-05-05T08:10:00+07:00"][..]);
    let assessment = prop_oneof![
        2 => Just(json!("accepted")),
        2 => Just(json!({"sent_back": {"reason": "Chưa có xác nhận của trưởng xóm"}})),
        1 => Just(json!({"sent_back": {"reason": " "}})),
    ];
    (task(), select(CELL_ACTORS), assessment, at).prop_map(|((task, _), actor, assessment, at)| {
        command(
            actor,
            at,
            json!({"assess_report": {"task": task, "assessment": assessment}}),
        )
    })
}

/// The secretary (or another) delegates a month's drafting to a member.
fn delegate_drafting() -> impl Strategy<Value = Command> {
    let month = select(&["2025-03", "2025-04"][..]);
    let member = select(&["x1-pbt", "x1-03", "x2-03"][..]);
    (select(CELL_ACTORS), month, member).prop_map(|(actor, month, member)| {
        command(
            actor,
            "2025-02-26T08:00:00+07:00",
            json!({"delegate_drafting": {"cell": "xom-1", "month": month, "member": member}}),
        )
    })
}

fn close_reporting() -> impl Strategy<Value = Command> {
    let at = select(&["2025-04-05T08:30:00+07:00", "2025-05-05T08:30:00+07:00"][..]);
    (meeting(), select(CELL_ACTORS), at).prop_map(|(meeting, actor, at)| {
        command(actor, at, json!({"close_reporting": {"meeting": meeting}}))
    })
}

/// A ballot: yes, no, abstain or no vote at all.
fn ballot(yes_weight: u32) -> impl Strategy<Value = u8> {
    prop_oneof![yes_weight => Just(0u8), 1 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)]
}

/// Splits voters by ballot into a `Vote`'s JSON.
fn vote(voters: &[&str], ballots: &[u8]) -> Value {
    let by = |b: u8| -> Vec<&str> {
        voters
            .iter()
            .zip(ballots)
            .filter(|(_, x)| **x == b)
            .map(|(v, _)| *v)
            .collect()
    };
    json!({"yes": by(0), "no": by(1), "abstain": by(2)})
}

fn record_meeting() -> impl Strategy<Value = Command> {
    let chair = prop_oneof![9 => Just("x1-bt"), 1 => Just("x1-03")];
    let end = prop_oneof![4 => Just("09:30"), 2 => Just("09:15"), 1 => Just("08:15")];
    let probationary_ballot = prop_oneof![9 => Just(3u8), 1 => Just(0u8)];
    (
        meeting(),
        chair,
        end,
        prop::collection::vec(ballot(12), VOTERS.len()),
        probationary_ballot,
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(meeting, chair, end, ballots, x107, with_new, x105_absent)| {
                let day = day_of(meeting);
                let mut roll = vec![];
                for member in ["x1-bt", "x1-pbt", "x1-03", "x1-04"] {
                    roll.push(json!({"member": member, "attendance": "present"}));
                }
                roll.push(json!({"member": "x1-05", "attendance":
                    if x105_absent { json!("absent_unexcused") } else { json!("present") }}));
                roll.push(json!({"member": "x1-06", "attendance":
                    {"absent_excused": {"reason": "tuổi cao, được miễn sinh hoạt"}}}));
                roll.push(json!({"member": "x1-07", "attendance": "present"}));
                if with_new {
                    roll.push(json!({"member": "new-1", "attendance": "present"}));
                }
                let mut voters = VOTERS.to_vec();
                voters.push("x1-07");
                let mut all = ballots;
                all.push(x107);
                let record = json!({
                    "started_at": ts(day, "07:30"),
                    "ended_at": ts(day, end),
                    "place": "Nhà văn hóa xóm 1",
                    "chair": chair,
                    "recorder": "x1-pbt",
                    "roll": roll,
                    "guests": ["dy-uv"],
                    "agenda": ["Thông tin thời sự", "Nhiệm vụ tháng"],
                    "conclusions": ["Thống nhất 3 nhiệm vụ trọng tâm"],
                    "vote": vote(&voters, &all),
                    "dues_collected": true
                });
                command(
                    chair,
                    &ts(day, end),
                    json!({"record_meeting": {"meeting": meeting, "record": record}}),
                )
            },
        )
}

fn assign_tasks() -> impl Strategy<Value = Command> {
    let carried = prop_oneof![
        3 => Just(vec![]),
        2 => Just(vec!["t-03-07"]),
        1 => subsequence(MARCH_TASKS, 0..=3),
    ];
    let item = select(&[1u32, 2, 3, 1, 2, 3, 4][..]);
    let actor = prop_oneof![6 => Just("x1-bt"), 2 => Just("x1-pbt"), 1 => Just("x1-03")];
    (
        meeting_weighted(3, 6),
        prop::collection::vec(prop::bool::weighted(0.96), 6),
        prop::bool::weighted(0.04),
        prop::bool::weighted(0.08),
        item,
        prop::bool::weighted(0.95),
        carried,
        actor,
    )
        .prop_map(
            |(meeting, owners, with_exempted, with_new, item, in_time, carried, actor)| {
                let prefix = task_prefix(meeting);
                let deadline = if !in_time {
                    "2025-01-01"
                } else if meeting == "m-2025-03" {
                    "2025-03-31"
                } else {
                    "2025-04-30"
                };
                let mut chosen: Vec<(&str, &str)> = TASK_OWNERS[..6]
                    .iter()
                    .zip(owners)
                    .filter(|(_, keep)| *keep)
                    .map(|(pair, _)| *pair)
                    .collect();
                if with_exempted {
                    chosen.push(("06", "x1-06"));
                }
                if with_new {
                    chosen.push(("new", "new-1"));
                }
                let tasks: Vec<Value> = chosen
                    .iter()
                    .map(|(suffix, owner)| {
                        json!({"task": format!("{prefix}-{suffix}"), "owner": owner,
                               "content": "Thực hiện nhiệm vụ được giao", "item": item,
                               "deadline": deadline})
                    })
                    .collect();
                command(
                    actor,
                    &ts(day_of(meeting), "09:45"),
                    json!({"assign_tasks": {"meeting": meeting, "tasks": tasks,
                                            "carried_over": carried}}),
                )
            },
        )
}

fn draft_meeting() -> impl Strategy<Value = Command> {
    let id = select(&["m-2025-04", "m-2025-04", "m-2025-04-cd", "m-2025-03"][..]);
    let kind = select(&["regular", "regular", "thematic", "combined"][..]);
    (
        id,
        kind,
        prop::bool::weighted(0.8),
        prop::bool::weighted(0.9),
        prop::bool::weighted(0.9),
        select(CELL_ACTORS),
    )
        .prop_map(|(meeting, kind, topic, right_directive, in_month, actor)| {
            let month = month_of(meeting);
            let directive = match (month, right_directive) {
                ("2025-03", true) | ("2025-04", false) => "cd-2025-03",
                _ => "cd-2025-04",
            };
            let day = if in_month {
                day_of(meeting)
            } else {
                "2025-05-05"
            };
            let at = if month == "2025-03" {
                "2025-02-27T19:00:00+07:00"
            } else {
                "2025-03-28T19:00:00+07:00"
            };
            let topic = if topic {
                json!("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
            } else {
                Value::Null
            };
            command(
                actor,
                at,
                json!({"draft_meeting": {
                    "meeting": meeting, "cell": "xom-1", "month": month, "kind": kind,
                    "directive": directive, "content": "Nội dung sinh hoạt tháng",
                    "resolution_items": ["Sản xuất", "Xây dựng Đảng", "An ninh trật tự"],
                    "scheduled_at": ts(day, "07:30"), "place": "Nhà văn hóa xóm 1",
                    "topic": topic}}),
            )
        })
}

/// Preparatory meeting attendees: the cell committee, then someone outside it.
const ATTENDEES: &[&[&str]] = &[&["x1-bt", "x1-pbt"], &["x1-bt"], &["x1-bt", "x1-03"]];

fn preparation() -> impl Strategy<Value = Command> {
    let step = select(
        &[
            "hold_preparatory_meeting",
            "send_notice",
            "publish_documents",
        ][..],
    );
    let attendees = select(ATTENDEES);
    let documents = prop_oneof![
        4 => Just(vec!["Dự thảo nghị quyết", "Báo cáo kết quả tháng trước"]),
        1 => Just(vec![]),
        1 => Just(vec![""]),
    ];
    (
        step,
        meeting(),
        select(CELL_ACTORS),
        prop::bool::weighted(0.85),
        attendees,
        documents,
    )
        .prop_map(|(step, meeting, actor, in_time, attendees, documents)| {
            let (at, action) = match step {
                "hold_preparatory_meeting" => (
                    if in_time {
                        ts(prep_day(meeting), "19:30")
                    } else {
                        ts(day_of(meeting), "08:00")
                    },
                    json!({step: {"meeting": meeting, "attendees": attendees,
                                  "agreed": "Thống nhất nội dung"}}),
                ),
                "send_notice" => (
                    if in_time {
                        ts(prep_day(meeting), "20:00")
                    } else {
                        ts(day_of(meeting), "08:00")
                    },
                    json!({step: {"meeting": meeting}}),
                ),
                _ => (
                    if in_time {
                        ts(prep_day(meeting), "21:00")
                    } else {
                        ts(day_of(meeting), "06:00")
                    },
                    json!({step: {"meeting": meeting, "documents": documents}}),
                ),
            };
            command(actor, &at, action)
        })
}

fn revise_draft() -> impl Strategy<Value = Command> {
    (
        meeting(),
        select(CELL_ACTORS),
        prop::bool::weighted(0.3),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(meeting, actor, moved, empty_content)| {
            let content = if empty_content {
                ""
            } else {
                "Nội dung sửa đổi"
            };
            let mut revision = json!({"meeting": meeting, "content": content});
            if moved {
                revision["scheduled_at"] = json!(ts(day_of(meeting), "14:00"));
            }
            command(
                actor,
                &ts(prep_day(meeting), "18:00"),
                json!({"revise_draft": revision}),
            )
        })
}

fn resolve_admission() -> impl Strategy<Value = Command> {
    let subject = prop_oneof![
        3 => Just(json!({"recognise_official": {"member": "x1-07"}})),
        1 => Just(json!({"recognise_official": {"member": "x1-03"}})),
        2 => Just(json!({"admit": {"candidate": "Nguyễn Văn An"}})),
    ];
    (
        meeting(),
        select(&["x1-bt", "x1-bt", "x1-03"][..]),
        subject,
        prop::collection::vec(ballot(10), VOTERS.len()),
    )
        .prop_map(|(meeting, actor, subject, ballots)| {
            command(
                actor,
                &ts(day_of(meeting), "09:40"),
                json!({"resolve_admission": {"meeting": meeting, "subject": subject,
                                             "vote": vote(VOTERS, &ballots)}}),
            )
        })
}

fn inspection() -> impl Strategy<Value = &'static str> {
    prop_oneof![6 => Just("gs-1"), 2 => Just("gs-2"), 1 => Just("gs-ghost")]
}

fn remediation() -> impl Strategy<Value = &'static str> {
    prop_oneof![6 => Just("kp-1"), 2 => Just("kp-2"), 1 => Just("kp-ghost")]
}

/// Who acts for the commune on `xom-1`: `dy-pbt` is in charge of its cluster and `dy-uv`
/// follows it; `dy-ubkt` is on the standing and inspection committees; `x1-bt` is not a
/// superior.
fn supervisor() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => Just("dy-pbt"),
        2 => Just("dy-uv"),
        2 => Just("dy-ubkt"),
        1 => Just("x1-bt"),
    ]
}

fn open_inspection() -> impl Strategy<Value = Command> {
    let kind = prop_oneof![
        5 => Just("regular_supervision"),
        1 => Just("thematic_supervision"),
        1 => Just("formal_inspection"),
    ];
    let inspectors = prop_oneof![
        8 => Just(vec!["dy-pbt", "dy-uv"]),
        1 => Just(vec!["dy-ubkt"]),
        1 => Just(vec![]),
        1 => Just(vec!["x1-bt"]),
        1 => Just(vec!["dy-pbt", "dy-pbt"]),
    ];
    let meetings = prop_oneof![
        5 => Just(vec!["m-2025-03"]),
        2 => Just(vec!["m-2025-03", "m-2025-04"]),
        1 => Just(vec!["m-2025-04"]),
        1 => Just(vec![]),
        1 => Just(vec!["m-2025-03", "m-2025-03"]),
    ];
    (
        prop_oneof![4 => Just("gs-1"), 1 => Just("gs-2")],
        prop_oneof![8 => Just("xom-1"), 1 => Just("co-quan")],
        kind,
        meetings,
        inspectors,
        supervisor(),
    )
        .prop_map(|(inspection, cell, kind, meetings, inspectors, actor)| {
            command(
                actor,
                "2025-05-10T08:00:00+07:00",
                json!({"open_inspection": {
                    "inspection": inspection, "cell": cell, "kind": kind, "meetings": meetings,
                    "inspectors": inspectors, "topic": "Việc thực hiện nghị quyết"}}),
            )
        })
}

fn record_finding() -> impl Strategy<Value = Command> {
    let criterion = select(
        &[
            "resolution_each_meeting",
            "every_member_assigned",
            "absences",
            "minutes_book",
            "member_implementation",
            "mass_organisations",
            "other",
        ][..],
    );
    let text = prop_oneof![5 => Just("Biên bản ghi đầy đủ"), 1 => Just("")];
    (inspection(), criterion, any::<bool>(), text, supervisor()).prop_map(
        |(inspection, criterion, satisfactory, text, actor)| {
            command(
                actor,
                "2025-05-10T09:00:00+07:00",
                json!({"record_finding": {"inspection": inspection, "criterion": criterion,
                                          "satisfactory": satisfactory, "text": text}}),
            )
        },
    )
}

fn conclude_inspection() -> impl Strategy<Value = Command> {
    let remediations = prop_oneof![
        2 => Just(vec![]),
        3 => Just(vec![("kp-1", "2025-06-30")]),
        1 => Just(vec![("kp-2", "2025-05-01")]),
        1 => Just(vec![("kp-1", "2025-06-30"), ("kp-2", "2025-05-31")]),
        1 => Just(vec![("kp-1", "2025-06-30"), ("kp-1", "2025-06-30")]),
    ];
    let conclusion = prop_oneof![5 => Just("Chi bộ duy trì sinh hoạt nền nếp"), 1 => Just(" ")];
    let referral = prop_oneof![5 => Just(Value::Null), 1 => Just(json!("Dấu hiệu vi phạm"))];
    (
        inspection(),
        conclusion,
        remediations,
        referral,
        supervisor(),
    )
        .prop_map(|(inspection, conclusion, remediations, referral, actor)| {
            let remediations: Vec<Value> = remediations
                .iter()
                .map(|(id, deadline)| {
                    json!({"remediation": id, "requirement": "Ghi biên bản đầy đủ hơn",
                           "deadline": deadline})
                })
                .collect();
            command(
                actor,
                "2025-05-12T08:00:00+07:00",
                json!({"conclude_inspection": {"inspection": inspection,
                       "conclusion": conclusion, "remediations": remediations,
                       "referral": referral}}),
            )
        })
}

fn remedy() -> impl Strategy<Value = Command> {
    let step = select(
        &[
            "report_remedy",
            "report_remedy",
            "verify_remedy",
            "mark_overdue",
        ][..],
    );
    let at = select(&["2025-05-20T08:00:00+07:00", "2025-07-15T08:00:00+07:00"][..]);
    let cell_actor = prop_oneof![4 => Just("x1-bt"), 1 => Just("x1-pbt"), 1 => Just("dy-pbt")];
    (
        step,
        remediation(),
        cell_actor,
        supervisor(),
        at,
        any::<bool>(),
        prop::bool::weighted(0.85),
    )
        .prop_map(
            |(step, remediation, cell_actor, supervisor, at, accepted, with_note)| {
                let actor = if step == "report_remedy" {
                    cell_actor
                } else {
                    supervisor
                };
                let action = match step {
                    "report_remedy" => json!({step: {"remediation": remediation,
                    "note": if with_note { "Đã bổ sung biên bản" } else { "" }}}),
                    "verify_remedy" => {
                        json!({step: {"remediation": remediation, "accepted": accepted}})
                    }
                    _ => json!({step: {"remediation": remediation}}),
                };
                command(actor, at, action)
            },
        )
}

fn organisation() -> impl Strategy<Value = Command> {
    let registrar = select(&["vp", "vp", "vp", "x1-bt"][..]);
    let member = select(&["x1-03", "x1-05", "x1-06", "x1-07", "new-1", "ghost"][..]);
    let add = (
        select(&["new-1", "new-1", "new-2", "x1-03"][..]),
        select(&["xom-1", "xom-1", "co-quan", "xom-9"][..]),
        select(&["official", "probationary"][..]),
        registrar.clone(),
    )
        .prop_map(|(member, cell, status, actor)| {
            command(
                actor,
                "2025-03-20T08:00:00+07:00",
                json!({"add_member": {"member": member, "name": "Nguyễn Văn Mới",
                       "home": {"cell": cell}, "status": status, "joined_on": "2024-12-01"}}),
            )
        });
    let flag = (
        member.clone(),
        select(&["exempted", "suspended", "transferred"][..]),
        any::<bool>(),
        prop::bool::weighted(0.8),
        registrar.clone(),
    )
        .prop_map(|(member, flag, on, with_reason, actor)| {
            let reason = if with_reason {
                json!("Theo quyết định của Đảng ủy")
            } else {
                Value::Null
            };
            command(
                actor,
                "2025-03-20T09:00:00+07:00",
                json!({"set_member_flag": {"member": member, "flag": flag, "on": on,
                                           "reason": reason}}),
            )
        });
    let status = (
        member.clone(),
        select(&["official", "probationary"][..]),
        registrar.clone(),
    )
        .prop_map(|(member, status, actor)| {
            command(
                actor,
                "2025-03-20T10:00:00+07:00",
                json!({"set_member_status": {"member": member, "status": status}}),
            )
        });
    let leaves = (member.clone(), registrar.clone()).prop_map(|(member, actor)| {
        command(
            actor,
            "2025-03-20T11:00:00+07:00",
            json!({"member_leaves": {"member": member, "reason": "Chuyển đi nơi khác"}}),
        )
    });
    let moves = (
        member,
        select(&["co-quan", "xom-1", "xom-9"][..]),
        registrar,
    )
        .prop_map(|(member, cell, actor)| {
            command(
                actor,
                "2025-03-20T12:00:00+07:00",
                json!({"move_member": {"member": member, "cell": cell}}),
            )
        });
    let elect = (
        select(&["x1-bt", "x1-03", "x1-03", "x1-07", "new-1"][..]),
        select(&["x1-pbt", "x1-04", "x1-bt"][..]),
        any::<bool>(),
        select(&["vp", "dy-bt", "x1-bt"][..]),
    )
        .prop_map(|(secretary, deputy, with_deputy, actor)| {
            let deputy = if with_deputy {
                json!(deputy)
            } else {
                Value::Null
            };
            command(
                actor,
                "2025-03-21T08:00:00+07:00",
                json!({"elect_cell_leadership": {"cell": "xom-1", "secretary": secretary,
                                                 "deputy": deputy}}),
            )
        });
    let follow = (
        select(&["tu-01", "dy-ubkt", "x1-03", "ghost"][..]),
        select(&["dy-bt", "vp"][..]),
    )
        .prop_map(|(member, actor)| {
            command(
                actor,
                "2025-03-21T09:00:00+07:00",
                json!({"assign_follower": {"cell": "xom-1", "member": member}}),
            )
        });
    let cluster = (
        select(&["cum-1", "cum-2", "cum-2"][..]),
        subsequence(&["xom-1", "co-quan", "xom-9"][..], 0..=2),
        select(&["dy-pbt", "dy-bt", "dy-uv"][..]),
        select(&["dy-bt", "vp", "x1-bt"][..]),
    )
        .prop_map(|(cluster, cells, in_charge, actor)| {
            command(
                actor,
                "2025-03-21T10:00:00+07:00",
                json!({"form_cluster": {"cluster": cluster, "name": "Cụm mới", "cells": cells,
                                        "in_charge": in_charge}}),
            )
        });
    prop_oneof![
        3 => add,
        3 => flag,
        1 => status,
        1 => leaves,
        1 => moves,
        1 => elect,
        1 => follow,
        1 => cluster,
    ]
}

/// One random command on `xom-1`'s March and April: mostly task and meeting steps, then
/// inspections and organisation changes.
pub fn any_command() -> BoxedStrategy<Command> {
    Union::new_weighted(vec![
        (10, report_task().boxed()),
        (2, settle_task("carry_over_task").boxed()),
        (2, settle_task("cancel_task").boxed()),
        (3, assess_report().boxed()),
        (1, delegate_drafting().boxed()),
        (4, close_reporting().boxed()),
        (4, record_meeting().boxed()),
        (4, assign_tasks().boxed()),
        (2, draft_meeting().boxed()),
        (4, preparation().boxed()),
        (1, revise_draft().boxed()),
        (2, resolve_admission().boxed()),
        (4, open_inspection().boxed()),
        (3, record_finding().boxed()),
        (3, conclude_inspection().boxed()),
        (3, remedy().boxed()),
        (6, organisation().boxed()),
    ])
    .boxed()
}
