//! Tasks: members report last month's tasks at the meeting, unfinished ones are carried over
//! or cancelled, reporting is closed, and the new month's tasks are assigned.

use crate::roll::Roll;
use crate::story::{Fail, Story};
use crate::texts;
use chibo::ids::{CellId, MeetingId, MemberId, TaskId};
use chibo::meeting::{Attendance, CarryOver, CarryOverDetails, MeetingState, NewTask, TaskPlan};
use chibo::organisation::CellKind;
use chibo::task::{Assessment, Outcome, TaskState};
use chibo::time::{Timestamp, YearMonth};
use chibo::Action;
use chrono::{Duration, NaiveDate};

fn minutes(at: Timestamp, n: usize) -> Timestamp {
    at + Duration::minutes(n as i64)
}

/// At the month's meeting: every task of earlier meetings still open is reported, carried over or
/// cancelled, and reporting on those meetings is closed. With `early_close` the secretary first
/// tries to close while tasks are open, and the core refuses.
pub(crate) fn report_previous(
    story: &mut Story,
    cell: &CellId,
    month: YearMonth,
    roll: &Roll,
    when: Timestamp,
    early_close: bool,
) -> Result<(), Fail> {
    let earlier: Vec<MeetingId> = story
        .commune
        .meetings
        .values()
        .filter(|m| matches!(m, MeetingState::Assigned(_)))
        .map(MeetingState::header)
        .filter(|h| &h.cell == cell && h.month < month)
        .map(|h| h.id.clone())
        .collect();
    let chair = roll.chair.clone();
    let mut step = 0;
    for meeting in earlier {
        let open: Vec<(TaskId, MemberId)> = story
            .commune
            .tasks
            .values()
            .filter(|t| t.is_open_in(&meeting))
            .map(|t| (t.id.clone(), t.owner.clone()))
            .collect();
        if early_close && step == 0 && !open.is_empty() {
            let what = format!("{meeting}: chủ trì định đóng báo cáo khi còn {} nhiệm vụ chưa báo cáo, bị từ chối; báo cáo, chuyển kỳ rồi đóng", open.len());
            let close = Action::CloseReporting {
                meeting: meeting.clone(),
            };
            story.refused(
                &chair,
                minutes(when, 1),
                close,
                "report.task_unresolved",
                what,
            )?;
        }
        for (task, owner) in open {
            let task_id = task.clone();
            step += 1;
            let at = minutes(when, 2 + step / 4);
            let member = story.commune.organisation.members.get(&owner);
            let active = member.is_some_and(|m| m.is_active());
            // A member suspended or transferred away does not report: the chair carries
            // the task over, and the next assignment decides.
            let may_act = member.is_some_and(|m| m.may_act().is_ok());
            let action = match roll.attendance.get(&owner) {
                _ if !active => Action::CancelTask {
                    task,
                    reason: "Đảng viên không còn trong danh sách".to_owned(),
                },
                _ if !may_act => Action::CarryOverTask {
                    task,
                    reason:
                        "Đảng viên đang chuyển sinh hoạt tạm thời hoặc bị đình chỉ, chưa báo cáo"
                            .to_owned(),
                },
                Some(Attendance::Present) => report(story, task, &owner),
                Some(Attendance::AbsentExcused { .. }) if story.rng.chance(97) => {
                    report(story, task, &owner)
                }
                Some(Attendance::AbsentExcused { .. }) => Action::CarryOverTask {
                    task,
                    reason: "Vắng họp có lý do, chưa báo cáo kết quả".to_owned(),
                },
                // Absent without reason: about half still send their result through the party
                // group; the rest leave the task unreported.
                Some(Attendance::AbsentUnexcused) if story.rng.chance(50) => {
                    report(story, task, &owner)
                }
                _ => Action::CarryOverTask {
                    task,
                    reason: "Vắng họp không lý do, không báo cáo".to_owned(),
                },
            };
            // A report that the work is done, which the chair may check.
            let claimed = match &action {
                Action::ReportTask { outcome, .. }
                    if !matches!(outcome, Outcome::NotDone { .. }) =>
                {
                    Some(outcome.clone())
                }
                _ => None,
            };
            let actor = if matches!(action, Action::ReportTask { .. }) {
                &owner
            } else {
                &chair
            };
            story.run(actor, at, action)?;
            if let Some(outcome) = claimed.filter(|_| owner != chair) {
                check_report(story, &chair, &owner, &task_id, outcome, at)?;
            }
        }
        story.run(
            &chair,
            minutes(when, 40),
            Action::CloseReporting { meeting },
        )?;
    }
    Ok(())
}

/// The chair checks a member's report of work done: now and then one comes without the
/// hamlet head's confirmation and is sent back; the member reports again with it, and the chair
/// accepts. A report not sent back stands.
fn check_report(
    story: &mut Story,
    chair: &MemberId,
    owner: &MemberId,
    task: &TaskId,
    outcome: Outcome,
    at: Timestamp,
) -> Result<(), Fail> {
    if !story.rng.chance(3) {
        return Ok(());
    }
    let reason = "Báo cáo chưa có xác nhận của trưởng thôn, đề nghị bổ sung".to_owned();
    let back = Assessment::SentBack { reason };
    let assess = |assessment| Action::AssessReport {
        task: task.clone(),
        assessment,
    };
    story.run(chair, minutes(at, 1), assess(back))?;
    let again = Action::ReportTask {
        task: task.clone(),
        outcome,
        note: Some("Đã bổ sung xác nhận của trưởng thôn".to_owned()),
    };
    story.run(owner, minutes(at, 2), again)?;
    story.run(chair, minutes(at, 3), assess(Assessment::Accepted))
}

/// How reliably a member carries out tasks, fixed per member for the year: most members do
/// their tasks on time year-round, a quarter slip now and then, a few often (the shares of a
/// commune's year-end reviews, where most members are rated Good: docs/reports.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reliability {
    /// About 70% of members: always on time, often beyond what was asked.
    Steady,
    /// About 25%: now and then late.
    Uneven,
    /// About 5%: often late, sometimes not done.
    Struggling,
}

impl Reliability {
    /// The member's, from their id (the same every run, with no draw from the story's stream).
    pub(crate) fn of(member: &MemberId) -> Self {
        let spread = member
            .as_str()
            .bytes()
            .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
            % 100;
        match spread {
            0..=69 => Reliability::Steady,
            70..=94 => Reliability::Uneven,
            _ => Reliability::Struggling,
        }
    }

    /// The upper bounds, out of 100, of exceeded, on time and late; the rest is not done.
    fn bounds(self) -> (u32, u32, u32) {
        match self {
            Reliability::Steady => (29, 99, 99),
            Reliability::Uneven => (9, 97, 99),
            Reliability::Struggling => (4, 64, 84),
        }
    }
}

/// The owner's report, drawn by how reliable the owner is: mostly on time, some exceeded, some
/// late, a few not done.
fn report(story: &mut Story, task: TaskId, owner: &MemberId) -> Action {
    let rng = &mut story.rng;
    let (exceeded, on_time, late) = Reliability::of(owner).bounds();
    let draw = u32::try_from(rng.below(100)).unwrap_or(99);
    let (outcome, note) = match draw {
        d if d <= exceeded => (Outcome::Exceeded, Some("Hoàn thành vượt mức".to_owned())),
        d if d <= on_time => (Outcome::OnTime, None),
        d if d <= late => (
            Outcome::Late,
            Some("Chậm do thời tiết, việc gia đình".to_owned()),
        ),
        _ => (
            Outcome::NotDone {
                reason: rng.text(texts::NOT_DONE).to_owned(),
            },
            None,
        ),
    };
    Action::ReportTask {
        task,
        outcome,
        note,
    }
}

/// Assigns the meeting's tasks. Regular (and combined) meetings: one task for every member who
/// can work, and every unfinished task of the cell carried over or, if its owner can no longer
/// work, cancelled. Thematic meetings: a few tasks for the committee.
#[allow(clippy::too_many_arguments)]
pub(crate) fn assign(
    story: &mut Story,
    cell: &CellId,
    kind: CellKind,
    meeting: &MeetingId,
    regular: bool,
    roll: &Roll,
    when: Timestamp,
    deadline: NaiveDate,
) -> Result<(), Fail> {
    let chair = roll.chair.clone();
    let mut carried = Vec::new();
    if regular {
        let unfinished: Vec<(TaskId, MemberId)> = story
            .commune
            .tasks
            .values()
            .filter(|t| &t.cell == cell && t.state == TaskState::Unfinished)
            .map(|t| (t.id.clone(), t.owner.clone()))
            .collect();
        for (task, owner) in unfinished {
            let can_work = story
                .commune
                .organisation
                .members
                .get(&owner)
                .is_some_and(|m| m.may_work(cell).is_ok());
            if can_work && story.rng.chance(88) {
                // Carried on as a new task of this meeting, due with the month's others.
                carried.push(CarryOver::Detailed(CarryOverDetails {
                    task,
                    new_task: Some(TaskId::new(format!("{meeting}-c{:02}", carried.len() + 1))),
                    deadline: Some(deadline),
                }));
            } else {
                let reason = if can_work {
                    "Nhiệm vụ không còn phù hợp, chi bộ quyết định hủy"
                } else {
                    "Đảng viên được miễn, chuyển sinh hoạt hoặc không còn làm được"
                };
                story.run(
                    &chair,
                    when,
                    Action::CancelTask {
                        task,
                        reason: reason.to_owned(),
                    },
                )?;
            }
        }
    }
    let org = &story.commune.organisation;
    let lead = org
        .cell(cell)
        .map(|c| c.leadership.clone())
        .map_err(|e| Fail::Story(e.message_vi()))?;
    let owners: Vec<MemberId> = match org.cell(cell) {
        Ok(c) if regular => org
            .cell_members(c)
            .filter(|m| m.may_work(cell).is_ok())
            .map(|m| m.id.clone())
            .collect(),
        Ok(c) => org
            .cell_members(c)
            .filter(|m| {
                lead.is_committee(&m.id) && roll.is_present(&m.id) && m.may_work(cell).is_ok()
            })
            .map(|m| m.id.clone())
            .collect(),
        Err(e) => return Err(Fail::Story(e.message_vi())),
    };
    let items = story
        .commune
        .meeting(meeting)
        .map(|m| m.draft().resolution_items.len() as u32)
        .unwrap_or(1);
    let rng = &mut story.rng;
    let mut tasks = Vec::new();
    for (n, owner) in owners.into_iter().enumerate() {
        let (content, item) = if !regular {
            (
                "Tuyên truyền nội dung chuyên đề đến đảng viên và quần chúng",
                1,
            )
        } else if lead.is_committee(&owner) {
            (rng.text(texts::LEADER_TASKS), items)
        } else {
            (
                rng.text(texts::kind_tasks(kind)),
                rng.range(1, items.saturating_sub(1).max(1)),
            )
        };
        tasks.push(NewTask {
            task: TaskId::new(format!("{meeting}-t{:02}", n + 1)),
            owner,
            content: content.to_owned(),
            item,
            deadline,
        });
    }
    let plan = TaskPlan {
        meeting: meeting.clone(),
        tasks,
        carried_over: carried,
    };
    story.run(&chair, minutes(when, 5), Action::AssignTasks(plan))
}
