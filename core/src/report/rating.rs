//! The annual rating (đánh giá, xếp loại chất lượng hằng năm, R-72, Quy định 366-QĐ/TW) of each
//! member and each cell for a year, as a pure computation over a [`Commune`](crate::commune::Commune).
//!
//! ```text
//!   annual_ratings(&commune, year, &general_points) ─▶ AnnualRatings { members: [MemberRating …],
//!                                                                       cells:   [CellRating …] }
//! ```
//!
//! 366-QĐ/TW scores 100 points: general criteria 30 (entered by the committee, passed in by the
//! caller as `general_points`), task results 70 (computed here from the tasks' recorded outcomes).
//! Every threshold comes from the [`Rules`](crate::rules::Rules) in force and each rating cites the parameters it used.
//!
//! # Which tasks count
//!
//! A member's tasks of the year are the tasks they **own** whose **deadline** falls in the year
//! (1 January to 31 December), whichever cell or meeting assigned them: the deadline is when the
//! result is due, so a task given in December and due in January counts in the next year. A task
//! not done and carried over (R-41) counts as not done; the new task carrying it on (its own id
//! and deadline) counts on its own. Each is classed by its state:
//!
//! | state | class |
//! |---|---|
//! | `done`, latest outcome `exceeded` | exceeded |
//! | `done`, latest outcome `on_time` | on time |
//! | `done`, latest outcome `late` | late |
//! | `unfinished` (reported not done, or carried over by the secretary), `carried_over` (carried into a later meeting as a new task) | not done |
//! | `assigned` (waiting for its report) | pending: counted as not done, and the rating is provisional |
//! | `cancelled` | left out |
//!
//! # Task points (a library choice: 366-QĐ/TW gives no formula)
//!
//! With `n` tasks counted, weights exceeded = on time = 2, late = 1, not done = pending = 0:
//!
//! ```text
//!   task_points = floor( 70 × (2 × (exceeded + on_time) + late) / (2 × n) )
//! ```
//!
//! so a task done late earns half, and the result is rounded down to whole points (integer
//! arithmetic only). The total is `general_points + task_points` (0..=100).
//!
//! # Category
//!
//! Checked from the top, the first that holds (see [`categorise`]):
//!
//! - **Excellent** (Hoàn thành xuất sắc): total ≥ `rating_excellent`, every task exceeded or on
//!   time, and the share exceeded meets `rating_excellent_exceeding`;
//! - **Good** (Hoàn thành tốt): total ≥ `rating_good` and every task exceeded or on time;
//! - **Completed** (Hoàn thành): total ≥ `rating_completed`, no task not done or pending, and the
//!   share late within `rating_completed_late` (at most the share; strictly below it when the
//!   threshold is strict);
//! - **Not completed** (Không hoàn thành) otherwise.
//!
//! Shares are compared exactly with [`Threshold`](crate::rules::Threshold) (cross-multiplied integers).
//!
//! # Standing
//!
//! - `not_rateable` (no category): no general-criteria points entered for the member (or more than
//!   30), no task counted in the year, or the member currently exempted from activity. The task
//!   figures are still given.
//! - `provisional`: rateable, but some task is still pending; the category is computed with those
//!   tasks as not done and may rise once they are reported.
//! - `final` otherwise.
//!
//! # The cap on Excellent
//!
//! When `rating_excellent_cap` is `Some(share)`, it applies **per cell**: among the cell's members
//! rated Good or Excellent (provisional included), at most `floor(share × that number)` keep
//! Excellent (strictly fewer than the share when it is strict). Those kept are the highest totals,
//! ties broken by member id (ascending); the others are moved down to Good, marked `capped`, with
//! a reason, and listed in [`CellRating::capped`].
//!
//! # Members rated
//!
//! The members on the roll of each cell today (left members are not rated), cell by cell in id
//! order, members in id order. Members whose activity is at a level above the commune are not
//! rated here.
//!
//! # A cell's rating
//!
//! A cell is rated as a collective on its own tasks (366-QĐ/TW, art. 11): each month's regular
//! meeting and each remedy required of it, classed as the module `cell` explains; its general
//! points are the average, rounded down, of the general points entered for its members, and its
//! category uses the same thresholds, Excellent also needing no cell committee member disciplined
//! in the year. It is `not_rateable` when no member has general points or no task is counted, and
//! `provisional` when any member's rating is not final.
//!
//! # The review's steps
//!
//! Each member's rating carries the review as recorded ([`crate::review`]): the self-assessment,
//! the cell's votes and the commune committee's decision (`decided`), beside the category the
//! criteria give; discipline in the year (R-63) caps the computed category at
//! `rating_disciplined_highest`.

mod annual;
mod cap;
mod category;
mod cell;
mod finding;
mod steps;
mod words;

pub use annual::{
    annual_ratings, annual_review, member_tasks, member_tasks_until, AnnualRatings, CellRating,
    MemberRating,
};
pub use category::{categorise, within};
pub(crate) use words::pct_text;

use crate::rules::Citation;
use crate::task::{Outcome, Task, TaskState};
use serde::{Deserialize, Serialize};

/// A rating category (xếp loại); serialised as its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành nhiệm vụ.
    Completed,
    /// Không hoàn thành nhiệm vụ.
    NotCompleted,
}

impl Category {
    /// The stable snake_case code, e.g. `not_completed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Excellent => "excellent",
            Category::Good => "good",
            Category::Completed => "completed",
            Category::NotCompleted => "not_completed",
        }
    }

    /// The Vietnamese name, e.g. `Hoàn thành xuất sắc nhiệm vụ` (from [`crate::labels`]).
    pub fn name_vi(self) -> &'static str {
        crate::labels::label("category", self.as_str()).map_or("", |l| l.vi)
    }

    /// The English name, e.g. `Excellent` (from [`crate::labels`]).
    pub fn name_en(self) -> &'static str {
        crate::labels::label("category", self.as_str()).map_or("", |l| l.en)
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rating can be relied on; serialised as its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Every task counted is reported and general points are entered.
    Final,
    /// Rateable, but some task is still pending (counted as not done for now).
    Provisional,
    /// No category: no general points, no task in the year, or exempted (see the reasons).
    NotRateable,
}

impl Standing {
    /// The stable snake_case code, e.g. `not_rateable`.
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Final => "final",
            Standing::Provisional => "provisional",
            Standing::NotRateable => "not_rateable",
        }
    }
}

/// A member's (or a cell's) tasks of the year, by class (see the module documentation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RatingTaskCounts")
)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "RatingTaskCounts")
)]
pub struct TaskCounts {
    /// Tasks counted (cancelled ones left out): the sum of the five classes.
    pub total: u32,
    /// Done beyond what was asked (vượt mức).
    pub exceeded: u32,
    /// Done on time (đúng hạn).
    pub on_time: u32,
    /// Done late (chậm).
    pub late: u32,
    /// Reported not done, or carried over and not yet done again (không hoàn thành).
    pub not_done: u32,
    /// Still waiting for a report; counted as not done.
    pub pending: u32,
}

impl TaskCounts {
    /// Adds one task by its state and latest outcome; cancelled tasks are left out.
    pub fn add(&mut self, task: &Task) {
        let slot = match (task.state, task.outcome()) {
            (TaskState::Cancelled, _) => return,
            (TaskState::Done, Some(Outcome::Exceeded)) => &mut self.exceeded,
            (TaskState::Done, Some(Outcome::OnTime)) => &mut self.on_time,
            (TaskState::Done, Some(Outcome::Late)) => &mut self.late,
            (TaskState::Assigned, _) => &mut self.pending,
            _ => &mut self.not_done,
        };
        *slot += 1;
        self.total += 1;
    }

    /// Both counts added up.
    pub fn plus(self, other: TaskCounts) -> TaskCounts {
        TaskCounts {
            total: self.total + other.total,
            exceeded: self.exceeded + other.exceeded,
            on_time: self.on_time + other.on_time,
            late: self.late + other.late,
            not_done: self.not_done + other.not_done,
            pending: self.pending + other.pending,
        }
    }

    /// Exceeded plus on time: the tasks done by their deadline.
    pub fn in_time(&self) -> u32 {
        self.exceeded + self.on_time
    }

    /// Not done plus pending: the tasks not done.
    pub fn undone(&self) -> u32 {
        self.not_done + self.pending
    }
}

/// The task-result points out of `max` (`Rules::rating_task_max`, 70 under 366-QĐ/TW):
/// `floor(max × (2 × (exceeded + on_time) + late) / (2 × total))`, zero when no task is counted.
pub fn task_points(counts: &TaskCounts, max: u32) -> u32 {
    let base = 2 * u64::from(counts.total);
    if base == 0 {
        return 0;
    }
    let weight = 2 * u64::from(counts.in_time()) + u64::from(counts.late);
    u32::try_from(u64::from(max) * weight / base).unwrap_or(max)
}

/// A reason, in both languages, with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Reason {
    /// In Vietnamese.
    pub vi: String,
    /// In English.
    pub en: String,
}

impl Reason {
    fn new(vi: String, en: String) -> Self {
        Self { vi, en }
    }
}

/// A [`Rules`](crate::rules::Rules) parameter a rating used, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CitedParam {
    /// The field of [`Rules`](crate::rules::Rules), e.g. `rating_excellent`.
    pub param: &'static str,
    /// Its source, as the rules in force give it.
    pub citation: Citation,
}

/// What [`categorise`] decides: the category, why, and the parameters it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "CategoryAssessment")
)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CategoryAssessment")
)]
pub struct Assessment {
    /// The category.
    pub category: Category,
    /// Why: the figures against each threshold checked, in order.
    pub reasons: Vec<Reason>,
    /// The parameters used (the cap is cited by [`annual_ratings`] when it applies).
    pub citations: Vec<CitedParam>,
}
