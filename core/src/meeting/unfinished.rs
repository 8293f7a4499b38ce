//! The unfinished tasks of each cell, as a lookup: the regular meeting's assignment must
//! carry every one of them over, and finding them must not mean walking every task the commune
//! ever recorded.
//!
//! Derived state: [`UnfinishedTasks::of`] builds it from the tasks, and whoever changes a task
//! tells it with [`UnfinishedTasks::note`]. It is never serialised.

use crate::ids::{CellId, IdMap, TaskId};
use crate::task::{Task, TaskState};
use std::collections::{BTreeMap, BTreeSet};

/// The ids of the tasks in state [`TaskState::Unfinished`], by cell, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnfinishedTasks {
    by_cell: BTreeMap<CellId, BTreeSet<TaskId>>,
}

impl UnfinishedTasks {
    /// The unfinished tasks among `tasks`.
    pub fn of(tasks: &IdMap<TaskId, Task>) -> Self {
        let mut index = Self::default();
        for task in tasks.values() {
            index.note(task);
        }
        index
    }

    /// The cell's unfinished tasks, in id order (the order of the commune's task map).
    pub fn in_cell<'a>(&'a self, cell: &CellId) -> impl Iterator<Item = &'a TaskId> + 'a {
        self.by_cell.get(cell).into_iter().flatten()
    }

    /// Records `task` as it now is: listed under its cell if it is unfinished, else not listed.
    pub(crate) fn note(&mut self, task: &Task) {
        if task.state == TaskState::Unfinished {
            self.by_cell
                .entry(task.cell.clone())
                .or_default()
                .insert(task.id.clone());
        } else {
            self.forget(task);
        }
    }

    /// Takes `task` off the list (it left the unfinished state, or was replaced).
    pub(crate) fn forget(&mut self, task: &Task) {
        if let Some(ids) = self.by_cell.get_mut(&task.cell) {
            ids.remove(&task.id);
            if ids.is_empty() {
                self.by_cell.remove(&task.cell);
            }
        }
    }
}
