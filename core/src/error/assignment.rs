use super::{Ineligibility, Refusal};
use crate::ids::{MemberId, TaskId};
use chrono::NaiveDate;
use serde::Serialize;

/// The task assignment breaks R-40/R-41 (`assignment.*`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum AssignmentError {
    /// `assignment.member_without_task`: R-40, every member who can work gets a task.
    #[error("{member} can work but has no task: assign them at least one (R-40).")]
    MemberWithoutTask {
        /// The member left out.
        member: MemberId,
    },
    /// `assignment.owner_cannot_work`: R-40, no tasks to exempted, suspended or absent-from-cell members.
    #[error(
        "Task {task} cannot go to {member}: the member {reason} (R-40). Give it to another member."
    )]
    OwnerCannotWork {
        /// The task.
        task: TaskId,
        /// The owner named.
        member: MemberId,
        /// Why not.
        reason: Ineligibility,
    },
    /// `assignment.unknown_item`: the task serves an item of the adopted resolution.
    #[error("Task {task} names resolution item {item}, but the resolution has {items} items (numbered from 1).")]
    UnknownItem {
        /// The task.
        task: TaskId,
        /// The item number given.
        item: u32,
        /// How many items the resolution has.
        items: u32,
    },
    /// `assignment.deadline_before_meeting`: a deadline falls after the meeting.
    #[error("Task {task} has deadline {deadline}, before the meeting that assigns it: set a later deadline.")]
    DeadlineBeforeMeeting {
        /// The task.
        task: TaskId,
        /// The deadline given.
        deadline: NaiveDate,
    },
    /// `assignment.carry_over_missing`: R-41, unfinished tasks carry over until done or cancelled.
    #[error("Task {task} is unfinished from an earlier month: carry it over in this assignment or cancel it (R-41).")]
    CarryOverMissing {
        /// The unfinished task.
        task: TaskId,
    },
    /// `assignment.not_unfinished`: only unfinished tasks of this cell carry over.
    #[error("Task {task} is not an unfinished task of this cell, so it cannot be carried over.")]
    NotUnfinished {
        /// The task named.
        task: TaskId,
    },
    /// `assignment.no_tasks`: an assignment has at least one task.
    #[error("The assignment has no tasks: assign the resolution's items to members (R-40).")]
    NoTasks,
}

impl Refusal for AssignmentError {
    fn code(&self) -> &'static str {
        match self {
            Self::MemberWithoutTask { .. } => "assignment.member_without_task",
            Self::OwnerCannotWork { .. } => "assignment.owner_cannot_work",
            Self::UnknownItem { .. } => "assignment.unknown_item",
            Self::DeadlineBeforeMeeting { .. } => "assignment.deadline_before_meeting",
            Self::CarryOverMissing { .. } => "assignment.carry_over_missing",
            Self::NotUnfinished { .. } => "assignment.not_unfinished",
            Self::NoTasks => "assignment.no_tasks",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::MemberWithoutTask { member } => format!(
                "Đồng chí {member} có thể công tác nhưng chưa được giao nhiệm vụ: hãy phân công ít nhất một nhiệm vụ (R-40)."
            ),
            Self::OwnerCannotWork { task, member, reason } => format!(
                "Không thể giao nhiệm vụ {task} cho đồng chí {member}: đồng chí {} (R-40). Hãy giao cho đảng viên khác.",
                reason.vi()
            ),
            Self::UnknownItem { task, item, items } => format!(
                "Nhiệm vụ {task} gắn với nội dung số {item} của nghị quyết, nhưng nghị quyết chỉ có {items} nội dung (đánh số từ 1)."
            ),
            Self::DeadlineBeforeMeeting { task, deadline } => format!(
                "Nhiệm vụ {task} có hạn {}, trước ngày sinh hoạt giao nhiệm vụ: hãy đặt hạn muộn hơn.",
                deadline.format("%d/%m/%Y")
            ),
            Self::CarryOverMissing { task } => format!(
                "Nhiệm vụ {task} của tháng trước chưa hoàn thành: chuyển tiếp trong lần phân công này hoặc hủy bỏ (R-41)."
            ),
            Self::NotUnfinished { task } => format!(
                "Nhiệm vụ {task} không phải nhiệm vụ chưa hoàn thành của chi bộ này nên không thể chuyển tiếp."
            ),
            Self::NoTasks => "Chưa có nhiệm vụ nào được phân công: hãy giao các nội dung của nghị quyết cho đảng viên (R-40).".to_owned(),
        }
    }
}
