//! What the category decision found, as typed reasons: each category checked from the top, met
//! or short by which conditions. `words` says them in Vietnamese and English.

use crate::rules::Threshold;
use chrono::NaiveDate;

/// `count` tasks of `base`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Share {
    pub count: u32,
    pub base: u32,
}

/// A condition of a category that the figures miss.
pub(super) enum Shortfall {
    /// The points are below the category's lowest.
    Points { points: u32, needed: u32 },
    /// Not every task exceeded or on time.
    NotAllInTime(Share),
    /// Too few tasks exceeded for Excellent.
    Exceeded { exceeded: Share, needed: Threshold },
    /// Tasks not done.
    Undone(Share),
    /// More tasks late than Completed allows, said as its limit (a member kept at Completed).
    LateBeyondLimit { late: Share, limit: Threshold },
    /// More tasks late than Completed allows, said as what it needs (a member not Completed).
    LateBeyondNeeded { late: Share, limit: Threshold },
    /// No task counted in the year.
    NoTask,
}

/// One step of the decision, in the order the categories are checked.
pub(super) enum Finding {
    /// Excellent: points, tasks in time, the share exceeded.
    Excellent {
        points: u32,
        excellent: u32,
        in_time: Share,
        exceeded: Share,
        exceeding: Threshold,
    },
    /// Not Excellent, and why.
    NotExcellent(Vec<Shortfall>),
    /// Good: points and tasks in time.
    Good {
        points: u32,
        good: u32,
        in_time: Share,
    },
    /// Not Good, and why.
    NotGood(Vec<Shortfall>),
    /// Completed: points, nothing undone, the share late within the limit.
    Completed {
        points: u32,
        completed: u32,
        late: Share,
        limit: Threshold,
    },
    /// Completed on the points although the tasks miss Completed's conditions (a library choice:
    /// Not completed is defined by its own test, below the Completed points).
    CompletedOnPoints {
        points: u32,
        completed: u32,
        shortfalls: Vec<Shortfall>,
    },
    /// Not completed, and why.
    NotCompleted(Vec<Shortfall>),
}

/// A step of a member's rating, in the order it is taken.
pub(super) enum MemberStep<'a> {
    /// The task figures and the task points.
    Tasks {
        counts: super::TaskCounts,
        points: u32,
        max: u32,
        year: i32,
    },
    /// Tasks due after the cut-off, left to the next review.
    DueAfterCutOff { later: u32, cut_off: NaiveDate },
    /// Exempted from activity: not rated.
    Exempted(&'a crate::organisation::Exemption),
    /// General-criteria points above their maximum: not rateable.
    GeneralAboveMax { general: u32, max: u32 },
    /// No general-criteria points entered: not rateable.
    NoGeneral { max: u32 },
    /// No task due in the year: not rateable.
    NoTaskDue { year: i32 },
    /// The total of the two parts.
    Total {
        general: u32,
        tasks: u32,
        total: u32,
    },
    /// Disciplined in the year: the category lowered to the highest allowed.
    Disciplined {
        form: crate::review::DisciplineForm,
        highest: super::Category,
    },
    /// Tasks still pending: provisional.
    Pending(u32),
}

/// A step of a cell's rating, in the order it is taken.
pub(super) enum CellStep<'a> {
    /// The cell's own tasks as a collective and their points.
    OwnTasks {
        own: &'a super::cell::CellTasks,
        points: u32,
        max: u32,
    },
    /// No member has general-criteria points: not rateable.
    NoGeneral,
    /// No task in the year: not rateable.
    NoTask,
    /// The members' average general points plus the task points.
    Total {
        general: u32,
        with_points: u32,
        members: u32,
        tasks: u32,
        total: u32,
    },
    /// A cell committee member disciplined in the year: Good, not Excellent.
    DisciplinedCommittee(Vec<&'a crate::ids::MemberId>),
    /// Some members' ratings not final: provisional.
    NotFinal,
}
