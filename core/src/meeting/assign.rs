//! Adopted → assigned: the cell committee gives every member who can work a task.

use super::{Adopted, Assigned, Assignment, Context, Meeting, Refused};
use crate::error::{AssignmentError, Error, LookupError};
use crate::ids::{MeetingId, MemberId, TaskId};
use crate::task::{Task, TaskState};
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// One new task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    #[serde(
        deserialize_with = "crate::time::strict_date",
        serialize_with = "crate::time::write"
    )]
    pub deadline: NaiveDate,
}

/// An unfinished task carried into this meeting. In JSON either the old task's id alone,
/// or `{"task", "as"?, "deadline"?}`: the new task is `as` (default `<old id>.<meeting id>`) and
/// is due on `deadline` (default: the last day of the meeting's month), so that nothing is overdue
/// the moment it is carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum CarryOver {
    /// The old task's id, with the defaults.
    Task(TaskId),
    /// The old task, and the new task's id and deadline where given.
    Detailed(CarryOverDetails),
}

/// See [`CarryOver::Detailed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CarryOverDetails {
    /// The unfinished task.
    pub task: TaskId,
    /// The new task's id.
    #[serde(default, rename = "as")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub new_task: Option<TaskId>,
    /// The new task's deadline.
    #[serde(
        default,
        deserialize_with = "crate::time::strict_optional_date",
        serialize_with = "crate::time::write_optional"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub deadline: Option<NaiveDate>,
}

impl CarryOver {
    /// The unfinished task carried.
    pub fn task(&self) -> &TaskId {
        match self {
            CarryOver::Task(task) => task,
            CarryOver::Detailed(d) => &d.task,
        }
    }

    /// The new task's id in `meeting`.
    pub fn new_task(&self, meeting: &MeetingId) -> TaskId {
        match self {
            CarryOver::Detailed(CarryOverDetails {
                new_task: Some(id), ..
            }) => id.clone(),
            other => TaskId::new(format!("{}.{meeting}", other.task())),
        }
    }

    /// The new task's deadline, or `default`.
    pub fn deadline(&self, default: NaiveDate) -> NaiveDate {
        match self {
            CarryOver::Detailed(CarryOverDetails {
                deadline: Some(d), ..
            }) => *d,
            _ => default,
        }
    }
}

/// Read by hand rather than `untagged`, so that a wrong field is named in the error.
impl<'de> Deserialize<'de> for CarryOver {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = CarryOver;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a task id, or {\"task\", \"as\"?, \"deadline\"?}")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CarryOver, E> {
                Ok(CarryOver::Task(TaskId::new(v)))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<CarryOver, A::Error> {
                CarryOverDetails::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(CarryOver::Detailed)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl From<&str> for CarryOver {
    fn from(task: &str) -> Self {
        CarryOver::Task(task.into())
    }
}

/// The command assigning a meeting's tasks: new tasks and unfinished ones carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TaskPlan {
    /// The adopted meeting.
    pub meeting: MeetingId,
    /// New tasks.
    pub tasks: Vec<NewTask>,
    /// Unfinished tasks of earlier meetings carried into this one, each as a new task.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub carried_over: Vec<CarryOver>,
}

impl Meeting<Adopted> {
    /// Assigns the tasks, by a cell committee member: adopted → assigned. Returns the new tasks,
    /// those carrying unfinished ones on included; the caller closes each unfinished task with
    /// [`Task::carry_into`].
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
        let month_end = self.month_end();
        let mut ids = Vec::with_capacity(plan.tasks.len());
        let mut tasks: Vec<Task> = plan
            .tasks
            .into_iter()
            .map(|t| {
                ids.push(t.task.clone());
                Task::new(t, cell.clone(), origin.clone(), at)
            })
            .collect();
        let mut carried = Vec::with_capacity(plan.carried_over.len());
        for c in &plan.carried_over {
            if let Some(old) = ctx.tasks.get(c.task()) {
                let id = c.new_task(&origin);
                carried.push(id.clone());
                tasks.push(old.carried_on(id, origin.clone(), c.deadline(month_end), at));
            }
        }
        let meeting = self.into_stage(|a| Assigned {
            held: a.held,
            assignment: Assignment {
                by: actor.clone(),
                at,
                tasks: ids,
                carried_over: carried,
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
        // Sized for the plan up front: growing a set rehashes it (three or four times for a
        // plan's dozen tasks).
        let planned = plan.tasks.len() + plan.carried_over.len();
        let mut owners = FxHashSet::with_capacity_and_hasher(planned, Default::default());
        let mut new_ids: FxHashSet<TaskId> =
            FxHashSet::with_capacity_and_hasher(planned, Default::default());
        for task in &plan.tasks {
            if ctx.tasks.contains_key(&task.task) || !new_ids.insert(task.task.clone()) {
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
        let mut carried =
            FxHashSet::with_capacity_and_hasher(plan.carried_over.len(), Default::default());
        for c in &plan.carried_over {
            let id = c.task();
            let task = ctx
                .tasks
                .get(id)
                .filter(|t| t.cell == cell.id && t.state == TaskState::Unfinished)
                .ok_or_else(|| AssignmentError::NotUnfinished { task: id.clone() })?;
            if !carried.insert(id) {
                return Err(AssignmentError::NotUnfinished { task: id.clone() }.into());
            }
            let new_id = c.new_task(&self.header.id);
            // The default `<old>.<meeting>` can outgrow the id policy: then `as` must name it.
            crate::ids::IdProblem::check(new_id.as_str()).map_err(|problem| {
                crate::error::InputError::invalid_id("as", new_id.as_str(), problem)
            })?;
            if ctx.tasks.contains_key(&new_id) || !new_ids.insert(new_id.clone()) {
                return Err(LookupError::duplicate("task", &new_id).into());
            }
            let deadline = c.deadline(self.month_end());
            if deadline < meeting_day {
                return Err(AssignmentError::DeadlineBeforeMeeting {
                    task: new_id,
                    deadline,
                }
                .into());
            }
            self.check_owner(ctx, id, &task.owner)?;
            owners.insert(&task.owner);
        }
        if self.header.kind.is_regular() {
            debug_assert_eq!(*ctx.unfinished, super::UnfinishedTasks::of(ctx.tasks));
            // The first in id order, as a walk of every task would find it.
            if let Some(missing) = ctx
                .unfinished
                .in_cell(&cell.id)
                .find(|id| !carried.contains(id))
            {
                return Err(AssignmentError::CarryOverMissing {
                    task: missing.clone(),
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

    /// The last day of the meeting's month: the default deadline of a task carried into it.
    fn month_end(&self) -> NaiveDate {
        self.header
            .month
            .next()
            .first_day()
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
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
