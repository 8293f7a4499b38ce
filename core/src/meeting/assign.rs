//! Adopted → assigned: the cell committee gives every member who can work a task.

use super::{Adopted, Assigned, Assignment, Context, Meeting, Refused};
use crate::error::{AssignmentError, Error, LookupError};
use crate::ids::{MeetingId, MemberId, TaskId};
use crate::task::{Task, TaskState};
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One new task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTask {
    /// The new task's id.
    pub task: TaskId,
    /// Who carries it out.
    pub owner: MemberId,
    /// What to do.
    pub content: String,
    /// The resolution item it serves, numbered from 1.
    pub item: u32,
    /// By when.
    #[serde(deserialize_with = "crate::time::strict_date")]
    pub deadline: NaiveDate,
}

/// The command assigning a meeting's tasks: new tasks and unfinished ones carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskPlan {
    /// The adopted meeting.
    pub meeting: MeetingId,
    /// New tasks.
    pub tasks: Vec<NewTask>,
    /// Unfinished tasks of earlier meetings carried into this one.
    #[serde(default)]
    pub carried_over: Vec<TaskId>,
}

impl Meeting<Adopted> {
    /// Assigns the tasks, by a cell committee member: adopted → assigned. Returns the new tasks;
    /// the caller moves each carried-over task into this meeting with [`Task::carry_into`].
    ///
    /// Checks: each owner can work, each task serves an item of the resolution and has a
    /// deadline on or after the meeting. For the month's regular (or combined) meeting, also: every
    /// member who can work has a task and every unfinished task of the cell is carried over
    /// a thematic meeting may assign tasks to some members only.
    pub fn assign(
        self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
        plan: TaskPlan,
    ) -> Result<(Meeting<Assigned>, Vec<Task>), Refused<Adopted>> {
        if let Err(error) = self.check_assignment(ctx, actor, &plan) {
            return Err(self.refuse(error));
        }
        let origin = self.header.id.clone();
        let cell = self.header.cell.clone();
        let mut ids = Vec::with_capacity(plan.tasks.len());
        let tasks = plan
            .tasks
            .into_iter()
            .map(|t| {
                ids.push(t.task.clone());
                Task::new(t, cell.clone(), origin.clone(), at)
            })
            .collect();
        let meeting = self.into_stage(|a| Assigned {
            held: a.held,
            assignment: Assignment {
                by: actor.clone(),
                at,
                tasks: ids,
                carried_over: plan.carried_over,
            },
        });
        Ok((meeting, tasks))
    }

    fn check_assignment(
        &self,
        ctx: &Context<'_>,
        actor: &MemberId,
        plan: &TaskPlan,
    ) -> Result<(), Error> {
        let cell = ctx.organisation.cell(&self.header.cell)?;
        ctx.organisation
            .require_committee(cell, actor, "assign_tasks")?;
        if plan.tasks.is_empty() && plan.carried_over.is_empty() {
            return Err(AssignmentError::NoTasks.into());
        }
        let items = crate::count(self.draft.resolution_items.len());
        let meeting_day = self.stage.held.record.started_at.date_naive();
        let mut owners = BTreeSet::new();
        let mut new_ids = BTreeSet::new();
        for task in &plan.tasks {
            if ctx.tasks.contains_key(&task.task) || !new_ids.insert(&task.task) {
                return Err(LookupError::duplicate("task", &task.task).into());
            }
            text::required("content", &task.content)?;
            self.check_owner(ctx, &task.task, &task.owner)?;
            if task.item == 0 || task.item > items {
                return Err(AssignmentError::UnknownItem {
                    task: task.task.clone(),
                    item: task.item,
                    items,
                }
                .into());
            }
            if task.deadline < meeting_day {
                return Err(AssignmentError::DeadlineBeforeMeeting {
                    task: task.task.clone(),
                    deadline: task.deadline,
                }
                .into());
            }
            owners.insert(&task.owner);
        }
        let mut carried = BTreeSet::new();
        for id in &plan.carried_over {
            let task = ctx
                .tasks
                .get(id)
                .filter(|t| t.cell == cell.id && t.state == TaskState::Unfinished)
                .ok_or_else(|| AssignmentError::NotUnfinished { task: id.clone() })?;
            if !carried.insert(id) {
                return Err(AssignmentError::NotUnfinished { task: id.clone() }.into());
            }
            self.check_owner(ctx, id, &task.owner)?;
            owners.insert(&task.owner);
        }
        if self.header.kind.is_regular() {
            // The state first: it is a cheap comparison and rules out most tasks of the year.
            if let Some(missing) = ctx.tasks.values().find(|t| {
                t.state == TaskState::Unfinished && t.cell == cell.id && !carried.contains(&t.id)
            }) {
                return Err(AssignmentError::CarryOverMissing {
                    task: missing.id.clone(),
                }
                .into());
            }
            if let Some(idle) = ctx
                .organisation
                .cell_members(cell)
                .find(|m| m.may_work(&cell.id).is_ok() && !owners.contains(&m.id))
            {
                return Err(AssignmentError::MemberWithoutTask {
                    member: idle.id.clone(),
                }
                .into());
            }
        }
        Ok(())
    }

    fn check_owner(&self, ctx: &Context<'_>, task: &TaskId, owner: &MemberId) -> Result<(), Error> {
        let member = ctx.organisation.member(owner)?;
        member.may_work(&self.header.cell).map_err(|reason| {
            AssignmentError::OwnerCannotWork {
                task: task.clone(),
                member: owner.clone(),
                reason,
            }
            .into()
        })
    }
}
