//! The annual rating (đánh giá, xếp loại chất lượng hằng năm, R-72, Quy định 366-QĐ/TW) of each
//! member and each cell for a year, as a pure computation over a [`Commune`].
//!
//! ```text
//!   annual_ratings(&commune, year, &general_points) ─▶ AnnualRatings { members: [MemberRating …],
//!                                                                       cells:   [CellRating …] }
//! ```
//!
//! 366-QĐ/TW scores 100 points: general criteria 30 (entered by the committee, passed in by the
//! caller as `general_points`), task results 70 (computed here from the tasks' recorded outcomes).
//! Every threshold comes from the [`Rules`] in force and each rating cites the parameters it used.
//!
//! # Which tasks count
//!
//! A member's tasks of the year are the tasks they **own** whose **deadline** falls in the year
//! (1 January to 31 December), whichever cell or meeting assigned them: the deadline is when the
//! result is due, so a task given in December and due in January counts in the next year. A task
//! carried over (R-41) keeps its id and deadline and counts once, with its latest state. Each is
//! classed by its state:
//!
//! | state | class |
//! |---|---|
//! | `done`, latest outcome `exceeded` | exceeded |
//! | `done`, latest outcome `on_time` | on time |
//! | `done`, latest outcome `late` | late |
//! | `unfinished` (reported not done, or carried over) | not done |
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
//! Shares are compared exactly with [`Threshold`] (cross-multiplied integers).
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
//! # A cell's rating (a library choice)
//!
//! A cell is scored on its members' results pooled: its task counts are the sums of its rated
//! members' counts (each member counted in their current cell), its task points are computed from
//! those sums with the same formula, and its general points are the average, rounded down, of the
//! general points entered for its members. Its category uses the same thresholds (the cap does not
//! apply to cells). It is `not_rateable` when no member has general points or no task is counted,
//! and `provisional` when any member's rating is not final. 366-QĐ/TW rates organisations on their
//! own criteria, which the record does not hold; this is a summary of the members' results.

use crate::commune::Commune;
use crate::ids::{CellId, MemberId};
use crate::organisation::Member;
use crate::rules::{Citation, Rules, Threshold};
use crate::task::{Outcome, Task, TaskState};
use chrono::Datelike;
use serde::Serialize;
use std::collections::BTreeMap;

/// The most general-criteria points (366-QĐ/TW: 30 of 100).
pub const GENERAL_MAX: u32 = 30;
/// The most task-result points (366-QĐ/TW: 70 of 100).
pub const TASK_MAX: u32 = 70;

/// A rating category (xếp loại); serialised as its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

    /// The Vietnamese name, e.g. `Hoàn thành xuất sắc nhiệm vụ`.
    pub fn name_vi(self) -> &'static str {
        match self {
            Category::Excellent => "Hoàn thành xuất sắc nhiệm vụ",
            Category::Good => "Hoàn thành tốt nhiệm vụ",
            Category::Completed => "Hoàn thành nhiệm vụ",
            Category::NotCompleted => "Không hoàn thành nhiệm vụ",
        }
    }

    /// The English name, e.g. `Excellent`.
    pub fn name_en(self) -> &'static str {
        match self {
            Category::Excellent => "Excellent",
            Category::Good => "Good",
            Category::Completed => "Completed",
            Category::NotCompleted => "Not completed",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rating can be relied on; serialised as its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Every task counted is reported and general points are entered.
    Final,
    /// Rateable, but some task is still pending (counted as not done for now).
    Provisional,
    /// No category: no general points, no task in the year, or exempted (see the reasons).
    NotRateable,
}

/// A member's (or a cell's) tasks of the year, by class (see the module documentation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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

/// The task-result points: `floor(70 × (2 × (exceeded + on_time) + late) / (2 × total))`, zero
/// when no task is counted.
pub fn task_points(counts: &TaskCounts) -> u32 {
    let base = 2 * u64::from(counts.total);
    if base == 0 {
        return 0;
    }
    let weight = 2 * u64::from(counts.in_time()) + u64::from(counts.late);
    u32::try_from(u64::from(TASK_MAX) * weight / base).unwrap_or(TASK_MAX)
}

/// A reason, in both languages, with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// A [`Rules`] parameter a rating used, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedParam {
    /// The field of [`Rules`], e.g. `rating_excellent`.
    pub param: &'static str,
    /// Its source, as the rules in force give it.
    pub citation: Citation,
}

/// What [`categorise`] decides: the category, why, and the parameters it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The category.
    pub category: Category,
    /// Why: the figures against each threshold checked, in order.
    pub reasons: Vec<Reason>,
    /// The parameters used (the cap is cited by [`annual_ratings`] when it applies).
    pub citations: Vec<CitedParam>,
}

/// `count/base (p%)`, the percentage rounded down.
fn share_text(count: u32, base: u32) -> String {
    let pct = u64::from(count) * 100 / u64::from(base.max(1));
    format!("{count}/{base} ({pct}%)")
}

/// `30%`, or `30,5%` / `30.5%` for a fraction.
fn pct_text(t: Threshold, comma: bool) -> String {
    let den = u64::from(t.denominator.max(1));
    let tenths = u64::from(t.numerator) * 1000 / den;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else if comma {
        format!("{},{}%", tenths / 10, tenths % 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// Whether `count` out of `base` is within `limit` read as an upper bound: at most the share, or
/// strictly below it when the threshold is strict.
pub fn within(limit: Threshold, count: u32, base: u32) -> bool {
    let lhs = u64::from(count) * u64::from(limit.denominator.max(1));
    let rhs = u64::from(limit.numerator) * u64::from(base);
    if limit.strict {
        lhs < rhs
    } else {
        lhs <= rhs
    }
}

/// The category for `points` (0..=100) and the task `counts`, checked against the thresholds of
/// `rules` from the top (see the module documentation), with the reasons and the parameters used.
/// With no task counted, no task condition holds, so the result is Not completed (callers treat
/// that case as not rateable).
pub fn categorise(rules: &Rules, points: u32, counts: &TaskCounts) -> Assessment {
    let n = counts.total;
    let excellent = rules.rating_excellent.value;
    let good = rules.rating_good.value;
    let completed = rules.rating_completed.value;
    let exceeding = rules.rating_excellent_exceeding.value;
    let late_limit = rules.rating_completed_late.value;
    let all_in_time = n > 0 && counts.in_time() == n;
    let all_done = n > 0 && counts.undone() == 0;
    let exceeding_met = n > 0 && exceeding.is_met(counts.exceeded, n);
    let late_ok = n > 0 && within(late_limit, counts.late, n);
    let cite = |param: &'static str, citation: &Citation| CitedParam {
        param,
        citation: citation.clone(),
    };
    let mut citations = vec![cite("rating_excellent", &rules.rating_excellent.source)];
    let mut reasons = Vec::new();
    let in_time = share_text(counts.in_time(), n);
    let exceeded = share_text(counts.exceeded, n);
    let late = share_text(counts.late, n);
    let undone = share_text(counts.undone(), n);

    citations.push(cite(
        "rating_excellent_exceeding",
        &rules.rating_excellent_exceeding.source,
    ));
    if points >= excellent && all_in_time && exceeding_met {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {excellent}), {in_time} nhiệm vụ hoàn thành đúng hạn hoặc vượt mức, {exceeded} vượt mức (≥ {}): Hoàn thành xuất sắc nhiệm vụ.", pct_text(exceeding, true)),
            format!("{points}/100 points (≥ {excellent}), {in_time} of tasks on time or exceeded, {exceeded} exceeded (≥ {}): Excellent.", pct_text(exceeding, false)),
        ));
        return Assessment {
            category: Category::Excellent,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if points < excellent {
        missing_vi.push(format!("{points} điểm < {excellent}"));
        missing_en.push(format!("{points} points < {excellent}"));
    }
    if !all_in_time {
        missing_vi.push(format!("chỉ {in_time} nhiệm vụ đúng hạn hoặc vượt mức"));
        missing_en.push(format!("only {in_time} of tasks on time or exceeded"));
    }
    if !exceeding_met {
        missing_vi.push(format!(
            "{exceeded} vượt mức < {}",
            pct_text(exceeding, true)
        ));
        missing_en.push(format!(
            "{exceeded} exceeded < {}",
            pct_text(exceeding, false)
        ));
    }
    reasons.push(Reason::new(
        format!("Chưa đạt Hoàn thành xuất sắc: {}.", missing_vi.join("; ")),
        format!("Not Excellent: {}.", missing_en.join("; ")),
    ));

    citations.push(cite("rating_good", &rules.rating_good.source));
    if points >= good && all_in_time {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {good}), {in_time} nhiệm vụ đúng hạn hoặc vượt mức: Hoàn thành tốt nhiệm vụ."),
            format!("{points}/100 points (≥ {good}), {in_time} of tasks on time or exceeded: Good."),
        ));
        return Assessment {
            category: Category::Good,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if points < good {
        missing_vi.push(format!("{points} điểm < {good}"));
        missing_en.push(format!("{points} points < {good}"));
    }
    if !all_in_time {
        missing_vi.push(format!("chỉ {in_time} nhiệm vụ đúng hạn hoặc vượt mức"));
        missing_en.push(format!("only {in_time} of tasks on time or exceeded"));
    }
    reasons.push(Reason::new(
        format!("Chưa đạt Hoàn thành tốt: {}.", missing_vi.join("; ")),
        format!("Not Good: {}.", missing_en.join("; ")),
    ));

    citations.push(cite("rating_completed", &rules.rating_completed.source));
    citations.push(cite(
        "rating_completed_late",
        &rules.rating_completed_late.source,
    ));
    let limit_vi = format!(
        "{} {}",
        if late_limit.strict { "<" } else { "≤" },
        pct_text(late_limit, true)
    );
    let limit_en = format!(
        "{} {}",
        if late_limit.strict { "<" } else { "≤" },
        pct_text(late_limit, false)
    );
    if points >= completed && all_done && late_ok {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {completed}), không có nhiệm vụ chưa hoàn thành, {late} chậm ({limit_vi}): Hoàn thành nhiệm vụ."),
            format!("{points}/100 points (≥ {completed}), no task left undone, {late} late ({limit_en}): Completed."),
        ));
        return Assessment {
            category: Category::Completed,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if points < completed {
        missing_vi.push(format!("{points} điểm < {completed}"));
        missing_en.push(format!("{points} points < {completed}"));
    }
    if n == 0 {
        missing_vi.push("không có nhiệm vụ nào trong năm".to_owned());
        missing_en.push("no task in the year".to_owned());
    } else {
        if !all_done {
            missing_vi.push(format!("{undone} nhiệm vụ chưa hoàn thành"));
            missing_en.push(format!("{undone} of tasks not done"));
        }
        if !late_ok {
            missing_vi.push(format!("{late} nhiệm vụ chậm (cần {limit_vi})"));
            missing_en.push(format!("{late} of tasks late (must be {limit_en})"));
        }
    }
    reasons.push(Reason::new(
        format!(
            "Chưa đạt Hoàn thành: {}. Xếp loại Không hoàn thành nhiệm vụ.",
            missing_vi.join("; ")
        ),
        format!(
            "Not Completed: {}. Rated Not completed.",
            missing_en.join("; ")
        ),
    ));
    Assessment {
        category: Category::NotCompleted,
        reasons,
        citations,
    }
}

/// One member's rating for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberRating {
    /// The member.
    pub member: MemberId,
    /// Their name.
    pub name: String,
    /// The cell they are rated in (their cell today).
    pub cell: CellId,
    /// Whether the rating is final, provisional or not possible.
    pub standing: Standing,
    /// The general-criteria points entered (0..=30), if any.
    pub general_points: Option<u32>,
    /// Their tasks of the year, by class.
    pub tasks: TaskCounts,
    /// The task-result points (0..=70), see [`task_points`].
    pub task_points: u32,
    /// `general_points + task_points`; `None` without general points.
    pub points: Option<u32>,
    /// The category; `None` when not rateable.
    pub category: Option<Category>,
    /// `true` when the cap on Excellent moved the member down to Good.
    pub capped: bool,
    /// Why, in both languages, with the figures.
    pub reasons: Vec<Reason>,
    /// The [`Rules`] parameters used, with their sources.
    pub citations: Vec<CitedParam>,
}

/// One cell's rating for the year: its members' results pooled (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellRating {
    /// The cell.
    pub cell: CellId,
    /// Its name.
    pub name: String,
    /// Final, provisional, or not rateable.
    pub standing: Standing,
    /// Members rated (on the roll).
    pub members: u32,
    /// Of them, members with general points entered.
    pub members_with_points: u32,
    /// The average of the general points entered, rounded down; `None` when none.
    pub general_points: Option<u32>,
    /// The members' task counts added up.
    pub tasks: TaskCounts,
    /// The task-result points of the pooled counts.
    pub task_points: u32,
    /// `general_points + task_points`; `None` without general points.
    pub points: Option<u32>,
    /// The category; `None` when not rateable.
    pub category: Option<Category>,
    /// How many members in each category (after the cap), by code.
    pub member_categories: BTreeMap<Category, u32>,
    /// Members the cap on Excellent moved down to Good, in id order.
    pub capped: Vec<MemberId>,
    /// Why, in both languages, with the figures.
    pub reasons: Vec<Reason>,
    /// The [`Rules`] parameters used, with their sources.
    pub citations: Vec<CitedParam>,
}

/// The ratings of a year: every cell and every member on a cell's roll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualRatings {
    /// The year rated.
    pub year: i32,
    /// Members, by cell id then member id.
    pub members: Vec<MemberRating>,
    /// Cells, by id.
    pub cells: Vec<CellRating>,
}

impl AnnualRatings {
    /// The rating of one member, if rated.
    pub fn member(&self, id: &MemberId) -> Option<&MemberRating> {
        self.members.iter().find(|m| &m.member == id)
    }

    /// The rating of one cell, if rated.
    pub fn cell(&self, id: &CellId) -> Option<&CellRating> {
        self.cells.iter().find(|c| &c.cell == id)
    }
}

/// The tasks owned by `member` whose deadline falls in `year`, by class.
pub fn member_tasks(commune: &Commune, member: &MemberId, year: i32) -> TaskCounts {
    let mut counts = TaskCounts::default();
    for task in commune.tasks.values() {
        if &task.owner == member && task.deadline.year() == year {
            counts.add(task);
        }
    }
    counts
}

/// The annual rating of every member on a cell's roll and of every cell of `commune` for `year`,
/// with the general-criteria points the committee entered per member (0..=30). Pure: reads the
/// commune and changes nothing. See the module documentation for every rule applied.
pub fn annual_ratings(
    commune: &Commune,
    year: i32,
    general_points: &BTreeMap<MemberId, u32>,
) -> AnnualRatings {
    let rules = &commune.rules;
    let org = &commune.organisation;
    let mut members = Vec::new();
    let mut cells = Vec::new();
    for (cell_id, cell) in &org.cells {
        let mut rated: Vec<MemberRating> = org
            .cell_members(cell)
            .map(|m| {
                rate_member(
                    commune,
                    cell_id,
                    m,
                    year,
                    general_points.get(&m.id).copied(),
                )
            })
            .collect();
        let capped = apply_cap(rules, &mut rated);
        cells.push(rate_cell(rules, cell_id, &cell.name, &rated, capped));
        members.extend(rated);
    }
    AnnualRatings {
        year,
        members,
        cells,
    }
}

fn rate_member(
    commune: &Commune,
    cell: &CellId,
    member: &Member,
    year: i32,
    general: Option<u32>,
) -> MemberRating {
    let tasks = member_tasks(commune, &member.id, year);
    let points_70 = task_points(&tasks);
    let mut rating = MemberRating {
        member: member.id.clone(),
        name: member.name.clone(),
        cell: cell.clone(),
        standing: Standing::NotRateable,
        general_points: general,
        tasks,
        task_points: points_70,
        points: None,
        category: None,
        capped: false,
        reasons: Vec::new(),
        citations: Vec::new(),
    };
    rating.reasons.push(task_reason(&tasks, points_70, year));
    if let Some(exemption) = &member.exempted {
        rating.reasons.push(Reason::new(
            format!(
                "Đảng viên được miễn công tác và sinh hoạt từ {} ({}): không xếp loại.",
                exemption.since.format("%d/%m/%Y"),
                exemption.reason
            ),
            format!(
                "Member exempted from activity since {} ({}): not rated.",
                exemption.since.format("%Y-%m-%d"),
                exemption.reason
            ),
        ));
        return rating;
    }
    let general = match general {
        Some(g) if g <= GENERAL_MAX => g,
        Some(g) => {
            rating.reasons.push(Reason::new(
                format!("Điểm tiêu chí chung {g} vượt quá {GENERAL_MAX}: chưa xếp loại được."),
                format!("General-criteria points {g} exceed {GENERAL_MAX}: not rateable."),
            ));
            return rating;
        }
        None => {
            rating.reasons.push(Reason::new(
                "Chưa nhập điểm tiêu chí chung (tối đa 30): chưa xếp loại được.".to_owned(),
                "No general-criteria points entered (out of 30): not rateable.".to_owned(),
            ));
            return rating;
        }
    };
    let total = general + points_70;
    rating.points = Some(total);
    if tasks.total == 0 {
        rating.reasons.push(Reason::new(
            format!("Không có nhiệm vụ nào có hạn trong năm {year}: chưa xếp loại được."),
            format!("No task due in {year}: not rateable."),
        ));
        return rating;
    }
    rating.reasons.push(Reason::new(
        format!(
            "Tổng điểm: {general} (tiêu chí chung) + {points_70} (kết quả nhiệm vụ) = {total}/100."
        ),
        format!("Total: {general} (general criteria) + {points_70} (task results) = {total}/100."),
    ));
    let assessment = categorise(&commune.rules, total, &tasks);
    rating.category = Some(assessment.category);
    rating.reasons.extend(assessment.reasons);
    rating.citations = assessment.citations;
    rating.standing = if tasks.pending > 0 {
        rating.reasons.push(Reason::new(
            format!(
                "Còn {} nhiệm vụ chưa báo cáo, tạm tính là chưa hoàn thành: xếp loại tạm thời.",
                tasks.pending
            ),
            format!(
                "{} task(s) not yet reported, counted as not done for now: provisional.",
                tasks.pending
            ),
        ));
        Standing::Provisional
    } else {
        Standing::Final
    };
    rating
}

/// The task figures and points, as a reason.
fn task_reason(t: &TaskCounts, points: u32, year: i32) -> Reason {
    Reason::new(
        format!(
            "Nhiệm vụ có hạn trong năm {year}: {} (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}, chưa báo cáo {}); điểm kết quả nhiệm vụ = ⌊70 × (2 × {} + {}) / (2 × {})⌋ = {points}/70.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
        format!(
            "Tasks due in {year}: {} (exceeded {}, on time {}, late {}, not done {}, pending {}); task points = floor(70 × (2 × {} + {}) / (2 × {})) = {points}/70.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
    )
}

/// Applies `rating_excellent_cap` to one cell's ratings; returns the members moved down.
fn apply_cap(rules: &Rules, rated: &mut [MemberRating]) -> Vec<MemberId> {
    let Some(cap) = rules.rating_excellent_cap.value else {
        return Vec::new();
    };
    let base = crate::count(
        rated
            .iter()
            .filter(|r| matches!(r.category, Some(Category::Excellent | Category::Good)))
            .count(),
    );
    let mut excellent: Vec<(u32, MemberId)> = rated
        .iter()
        .filter(|r| r.category == Some(Category::Excellent))
        .map(|r| (r.points.unwrap_or(0), r.member.clone()))
        .collect();
    // Highest total first, then member id ascending.
    excellent.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut allowed = 0u32;
    while allowed < base && within(cap, allowed + 1, base) {
        allowed += 1;
    }
    let moved: Vec<MemberId> = excellent
        .into_iter()
        .skip(usize::try_from(allowed).unwrap_or(usize::MAX))
        .map(|(_, id)| id)
        .collect();
    let citation = CitedParam {
        param: "rating_excellent_cap",
        citation: rules.rating_excellent_cap.source.clone(),
    };
    let (cap_vi, cap_en) = (pct_text(cap, true), pct_text(cap, false));
    let op = if cap.strict { "<" } else { "≤" };
    for r in rated.iter_mut() {
        if !matches!(r.category, Some(Category::Excellent | Category::Good)) {
            continue;
        }
        r.citations.push(citation.clone());
        if moved.contains(&r.member) {
            r.category = Some(Category::Good);
            r.capped = true;
            r.reasons.push(Reason::new(
                format!("Giới hạn Hoàn thành xuất sắc {op} {cap_vi} số đảng viên Hoàn thành tốt trở lên của chi bộ ({allowed}/{base}); đã chọn người điểm cao hơn (bằng điểm thì theo mã đảng viên): chuyển xuống Hoàn thành tốt nhiệm vụ."),
                format!("Excellent is capped at {op} {cap_en} of the cell's members rated Good or better ({allowed}/{base}); higher totals were kept (ties by member id): moved down to Good."),
            ));
        }
    }
    let mut sorted = moved;
    sorted.sort();
    sorted
}

fn rate_cell(
    rules: &Rules,
    cell: &CellId,
    name: &str,
    rated: &[MemberRating],
    capped: Vec<MemberId>,
) -> CellRating {
    let members = crate::count(rated.len());
    let entered: Vec<u32> = rated
        .iter()
        .filter_map(|r| r.general_points.filter(|g| *g <= GENERAL_MAX))
        .collect();
    let members_with_points = crate::count(entered.len());
    let general = if entered.is_empty() {
        None
    } else {
        Some(entered.iter().sum::<u32>() / members_with_points)
    };
    let tasks = rated
        .iter()
        .fold(TaskCounts::default(), |acc, r| acc.plus(r.tasks));
    let points_70 = task_points(&tasks);
    let mut member_categories = BTreeMap::new();
    for category in rated.iter().filter_map(|r| r.category) {
        *member_categories.entry(category).or_insert(0) += 1;
    }
    let mut rating = CellRating {
        cell: cell.clone(),
        name: name.to_owned(),
        standing: Standing::NotRateable,
        members,
        members_with_points,
        general_points: general,
        tasks,
        task_points: points_70,
        points: general.map(|g| g + points_70),
        category: None,
        member_categories,
        capped,
        reasons: Vec::new(),
        citations: Vec::new(),
    };
    rating.reasons.push(Reason::new(
        format!(
            "Kết quả nhiệm vụ của {members} đảng viên cộng lại: {} nhiệm vụ (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}, chưa báo cáo {}), {points_70}/70 điểm.",
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done, tasks.pending
        ),
        format!(
            "Task results of the {members} members pooled: {} tasks (exceeded {}, on time {}, late {}, not done {}, pending {}), {points_70}/70 points.",
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done, tasks.pending
        ),
    ));
    let Some(general) = general else {
        rating.reasons.push(Reason::new(
            "Chưa có đảng viên nào được nhập điểm tiêu chí chung: chưa xếp loại được.".to_owned(),
            "No member has general-criteria points: not rateable.".to_owned(),
        ));
        return rating;
    };
    if tasks.total == 0 {
        rating.reasons.push(Reason::new(
            "Không có nhiệm vụ nào trong năm: chưa xếp loại được.".to_owned(),
            "No task in the year: not rateable.".to_owned(),
        ));
        return rating;
    }
    let total = general + points_70;
    rating.reasons.push(Reason::new(
        format!("Điểm tiêu chí chung bình quân {general} (của {members_with_points}/{members} đảng viên) + {points_70} = {total}/100."),
        format!("Average general-criteria points {general} (of {members_with_points}/{members} members) + {points_70} = {total}/100."),
    ));
    let assessment = categorise(rules, total, &tasks);
    rating.category = Some(assessment.category);
    rating.reasons.extend(assessment.reasons);
    rating.citations = assessment.citations;
    let all_final = rated.iter().all(|r| r.standing == Standing::Final);
    rating.standing = if all_final {
        Standing::Final
    } else {
        rating.reasons.push(Reason::new(
            "Có đảng viên chưa xếp loại chính thức: xếp loại chi bộ tạm thời.".to_owned(),
            "Some members' ratings are not final: the cell's rating is provisional.".to_owned(),
        ));
        Standing::Provisional
    };
    rating
}
