use super::declare::refusals;
use super::Ineligibility;
use crate::ids::{MemberId, TaskId};
use chrono::NaiveDate;

refusals! {
    /// The task assignment breaks R-40/R-41 (`assignment.*`).
    pub enum AssignmentError {
        /// R-40, every member who can work gets a task.
        "assignment.member_without_task" MemberWithoutTask {
            /// The member left out.
            member: MemberId,
        } => en("{member} can work but has no task: assign them at least one (R-40)."),
           vi("Đồng chí {member} có thể công tác nhưng chưa được giao nhiệm vụ: hãy phân công ít nhất một nhiệm vụ (R-40).");
        /// R-40, no tasks to exempted, suspended or absent-from-cell members.
        "assignment.owner_cannot_work" OwnerCannotWork {
            /// The task.
            task: TaskId,
            /// The owner named.
            member: MemberId,
            /// Why not.
            reason: Ineligibility,
        } => en("Task {task} cannot go to {member}: the member {reason} (R-40). Give it to another member."),
           vi("Không thể giao nhiệm vụ {task} cho đồng chí {member}: đồng chí {reason} (R-40). Hãy giao cho đảng viên khác.",
              reason = reason.vi());
        /// The task serves an item of the adopted resolution.
        "assignment.unknown_item" UnknownItem {
            /// The task.
            task: TaskId,
            /// The item number given.
            item: u32,
            /// How many items the resolution has.
            items: u32,
        } => en("Task {task} names resolution item {item}, but the resolution has {items} items (numbered from 1)."),
           vi("Nhiệm vụ {task} gắn với nội dung số {item} của nghị quyết, nhưng nghị quyết chỉ có {items} nội dung (đánh số từ 1).");
        /// A deadline falls after the meeting.
        "assignment.deadline_before_meeting" DeadlineBeforeMeeting {
            /// The task.
            task: TaskId,
            /// The deadline given.
            deadline: NaiveDate,
        } => en("Task {task} has deadline {deadline}, before the meeting that assigns it: set a later deadline."),
           vi("Nhiệm vụ {task} có hạn {deadline}, trước ngày sinh hoạt giao nhiệm vụ: hãy đặt hạn muộn hơn.",
              deadline = deadline.format("%d/%m/%Y"));
        /// R-41, unfinished tasks carry over until done or cancelled.
        "assignment.carry_over_missing" CarryOverMissing {
            /// The unfinished task.
            task: TaskId,
        } => en("Task {task} is unfinished from an earlier month: carry it over in this assignment or cancel it (R-41)."),
           vi("Nhiệm vụ {task} của tháng trước chưa hoàn thành: chuyển tiếp trong lần phân công này hoặc hủy bỏ (R-41).");
        /// Only unfinished tasks of this cell carry over.
        "assignment.not_unfinished" NotUnfinished {
            /// The task named.
            task: TaskId,
        } => en("Task {task} is not an unfinished task of this cell, so it cannot be carried over."),
           vi("Nhiệm vụ {task} không phải nhiệm vụ chưa hoàn thành của chi bộ này nên không thể chuyển tiếp.");
        /// An assignment has at least one task.
        "assignment.no_tasks" NoTasks
        => en("The assignment has no tasks: assign the resolution's items to members (R-40)."),
           vi("Chưa có nhiệm vụ nào được phân công: hãy giao các nội dung của nghị quyết cho đảng viên (R-40).");
    }
}
