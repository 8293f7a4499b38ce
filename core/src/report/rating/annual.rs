//! The year's ratings of every member and cell, with the cap on Excellent.

use super::cap;
use super::category::categorise;
use super::cell::cell_tasks;
use super::finding::{CellStep, MemberStep};
use super::steps;
use super::{task_points, words, Category, CitedParam, Reason, Standing, TaskCounts};
use crate::commune::Commune;
use crate::ids::{CellId, MemberId};
use crate::organisation::Member;
use crate::review::{DisciplineForm, MemberReview};
use crate::rules::Rules;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// One member's rating for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    /// Discipline that took effect in the year, which caps the category.
    pub disciplined: Option<DisciplineForm>,
    /// The review's steps as recorded: self-assessment, the cell's votes, the decision.
    pub review: MemberReview,
    /// The category the superior committee decided, once it has (`decide_rating`).
    pub decided: Option<Category>,
    /// Why, in both languages, with the figures.
    pub reasons: Vec<Reason>,
    /// The [`Rules`] parameters used, with their sources.
    pub citations: Vec<CitedParam>,
}

/// One cell's rating for the year, on its own tasks as a collective (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    /// The cell's own tasks: each month's regular meeting and each remedy required of it.
    pub tasks: TaskCounts,
    /// The task-result points of those tasks.
    pub task_points: u32,
    /// `general_points + task_points`; `None` without general points.
    pub points: Option<u32>,
    /// The category; `None` when not rateable.
    pub category: Option<Category>,
    /// How many members in each category (after the cap), by code.
    pub member_categories: BTreeMap<Category, u32>,
    /// Members the cap on Excellent moved down to Good, in id order.
    pub capped: Vec<MemberId>,
    /// `true` when the cap on Excellent, applied over the commune's cells, moved this cell down
    /// to Good.
    pub cell_capped: bool,
    /// Why, in both languages, with the figures.
    pub reasons: Vec<Reason>,
    /// The [`Rules`] parameters used, with their sources.
    pub citations: Vec<CitedParam>,
}

/// The ratings of a year: every cell and every member on a cell's roll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnnualRatings {
    /// The year rated.
    pub year: i32,
    /// The review's cut-off: tasks due after it are outside this review.
    pub cut_off: NaiveDate,
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
    member_tasks_until(commune, member, year, year_end(year))
}

/// The tasks owned by `member` whose deadline falls in `year`, on or before `cut_off`, by class.
pub fn member_tasks_until(
    commune: &Commune,
    member: &MemberId,
    year: i32,
    cut_off: NaiveDate,
) -> TaskCounts {
    let mut counts = TaskCounts::default();
    for task in commune.tasks.values() {
        if &task.owner == member && task.deadline.year() == year && task.deadline <= cut_off {
            counts.add(task);
        }
    }
    counts
}

/// How many of `member`'s tasks of `year` are due after `cut_off` (outside the review).
fn due_after(commune: &Commune, member: &MemberId, year: i32, cut_off: NaiveDate) -> u32 {
    crate::count(
        commune
            .tasks
            .values()
            .filter(|t| {
                &t.owner == member
                    && t.deadline.year() == year
                    && t.deadline > cut_off
                    && t.state != crate::task::TaskState::Cancelled
            })
            .count(),
    )
}

fn year_end(year: i32) -> NaiveDate {
    crate::report::quality::year_end(year)
}

/// The annual rating of every member on a cell's roll and of every cell of `commune` for `year`,
/// with the general-criteria points the committee entered per member (0..=30), every task of the
/// year counted ([`annual_review`] with the cut-off on 31 December).
pub fn annual_ratings(
    commune: &Commune,
    year: i32,
    general_points: &BTreeMap<MemberId, u32>,
) -> AnnualRatings {
    annual_review(commune, year, year_end(year), general_points)
}

/// The annual review of `year` held with its cut-off on `cut_off`: the tasks counted are
/// those due in the year on or before the cut-off; tasks due after it (December's, for a review
/// held mid-December) belong to no review yet and are named in each member's reasons. The rules
/// are those in force on the cut-off. Pure: reads the commune and changes nothing. See the module
/// documentation for every rule applied.
pub fn annual_review(
    commune: &Commune,
    year: i32,
    cut_off: NaiveDate,
    general_points: &BTreeMap<MemberId, u32>,
) -> AnnualRatings {
    let rules = commune.rules_on(cut_off);
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
                    (year, cut_off),
                    general_points.get(&m.id).copied(),
                )
            })
            .collect();
        let capped = cap::apply(rules, &mut rated, &cap::MEMBERS);
        // The review's steps come last: what the member, the cell and the committee said of
        // the category the criteria (and the cap) gave.
        rated.iter_mut().for_each(steps::review_reasons);
        cells.push(rate_cell(
            commune,
            (year, cut_off),
            cell_id,
            &cell.name,
            &rated,
            capped,
        ));
        members.extend(rated);
    }
    cap::apply(rules, &mut cells, &cap::CELLS);
    AnnualRatings {
        year,
        cut_off,
        members,
        cells,
    }
}

impl MemberRating {
    /// Adds a step of the rating to its reasons, worded.
    fn say(&mut self, step: MemberStep<'_>) {
        self.reasons.push(words::member_step(&step));
    }
}

impl CellRating {
    /// Adds a step of the rating to its reasons, worded.
    fn say(&mut self, step: CellStep<'_>) {
        self.reasons.push(words::cell_step(&step));
    }
}

fn rate_member(
    commune: &Commune,
    cell: &CellId,
    member: &Member,
    (year, cut_off): (i32, NaiveDate),
    general: Option<u32>,
) -> MemberRating {
    let rules = commune.rules_on(cut_off);
    let mut rating = new_member_rating(commune, cell, member, (year, cut_off), general);
    rating.say(MemberStep::Tasks {
        counts: rating.tasks,
        points: rating.task_points,
        max: rules.rating_task_max.value,
        year,
    });
    let later = due_after(commune, &member.id, year, cut_off);
    if later > 0 {
        rating.say(MemberStep::DueAfterCutOff { later, cut_off });
    }
    if let Some(exemption) = &member.exempted {
        rating.say(MemberStep::Exempted(exemption));
        return rating;
    }
    let max = rules.rating_general_max.value;
    match general {
        Some(general) if general <= max => decide_member(rules, &mut rating, general, year),
        Some(general) => rating.say(MemberStep::GeneralAboveMax { general, max }),
        None => rating.say(MemberStep::NoGeneral { max }),
    }
    rating
}

/// A rateable member's total, category (lowered by discipline, R-63) and standing.
fn decide_member(rules: &Rules, rating: &mut MemberRating, general: u32, year: i32) {
    let (tasks, points_70) = (rating.tasks, rating.task_points);
    let total = general + points_70;
    rating.points = Some(total);
    if tasks.total == 0 {
        rating.say(MemberStep::NoTaskDue { year });
        return;
    }
    rating.say(MemberStep::Total {
        general,
        tasks: points_70,
        total,
    });
    let assessment = categorise(rules, total, &tasks);
    rating.category = Some(assessment.category);
    rating.reasons.extend(assessment.reasons);
    rating.citations = assessment.citations;
    if let Some(form) = rating.disciplined {
        let highest = rules.rating_disciplined_highest.value;
        rating.citations.push(CitedParam {
            param: "rating_disciplined_highest",
            citation: rules.rating_disciplined_highest.source.clone(),
        });
        if assessment.category < highest {
            rating.category = Some(highest);
            rating.say(MemberStep::Disciplined { form, highest });
        }
    }
    rating.standing = if tasks.pending > 0 {
        rating.say(MemberStep::Pending(tasks.pending));
        Standing::Provisional
    } else {
        Standing::Final
    };
}

/// A member's rating before any step: the task figures and points, discipline and review, not
/// yet rated.
fn new_member_rating(
    commune: &Commune,
    cell: &CellId,
    member: &Member,
    (year, cut_off): (i32, NaiveDate),
    general: Option<u32>,
) -> MemberRating {
    let tasks = member_tasks_until(commune, &member.id, year, cut_off);
    let task_max = commune.rules_on(cut_off).rating_task_max.value;
    let review = commune.review_of(year, &member.id);
    MemberRating {
        member: member.id.clone(),
        name: member.name.clone(),
        cell: cell.clone(),
        standing: Standing::NotRateable,
        general_points: general,
        tasks,
        task_points: task_points(&tasks, task_max),
        points: None,
        category: None,
        capped: false,
        disciplined: commune
            .disciplines_in(year, &member.id)
            .iter()
            .map(|d| d.form)
            .max(),
        decided: review.decision.as_ref().map(|d| d.category),
        review,
        reasons: Vec::new(),
        citations: Vec::new(),
    }
}

fn rate_cell(
    commune: &Commune,
    (year, cut_off): (i32, NaiveDate),
    cell: &CellId,
    name: &str,
    rated: &[MemberRating],
    capped: Vec<MemberId>,
) -> CellRating {
    let rules = commune.rules_on(cut_off);
    let own = cell_tasks(commune, cell, year, cut_off);
    let mut rating = new_cell_rating(rules, cell, name, rated, own.counts, capped);
    let (tasks, points_70) = (rating.tasks, rating.task_points);
    let max = rules.rating_task_max.value;
    rating.say(CellStep::OwnTasks {
        own: &own,
        points: points_70,
        max,
    });
    let Some(general) = rating.general_points else {
        rating.say(CellStep::NoGeneral);
        return rating;
    };
    if tasks.total == 0 {
        rating.say(CellStep::NoTask);
        return rating;
    }
    let total = general + points_70;
    let (with_points, members) = (rating.members_with_points, rating.members);
    rating.say(CellStep::Total {
        general,
        with_points,
        members,
        tasks: points_70,
        total,
    });
    let assessment = categorise(rules, total, &tasks);
    rating.category = Some(assessment.category);
    rating.reasons.extend(assessment.reasons);
    rating.citations = assessment.citations;
    let disciplined = disciplined_committee(commune, cell, rated);
    if rating.category == Some(Category::Excellent) && !disciplined.is_empty() {
        rating.category = Some(Category::Good);
        rating.say(CellStep::DisciplinedCommittee(disciplined));
    }
    let all_final = rated.iter().all(|r| r.standing == Standing::Final);
    rating.standing = if all_final {
        Standing::Final
    } else {
        rating.say(CellStep::NotFinal);
        Standing::Provisional
    };
    rating
}

/// The members of the cell's committee disciplined in the year (366-QĐ/TW, art. 11).
fn disciplined_committee<'a>(
    commune: &Commune,
    cell: &CellId,
    rated: &'a [MemberRating],
) -> Vec<&'a MemberId> {
    let leaders = commune.organisation.cells.get(cell).map(|c| &c.leadership);
    rated
        .iter()
        .filter(|r| r.disciplined.is_some())
        .map(|r| &r.member)
        .filter(|m| leaders.is_some_and(|l| l.is_committee(m)))
        .collect()
}

/// A cell's rating before any step: its members' average general points, its own task figures
/// and points, its members' categories, not yet rated.
fn new_cell_rating(
    rules: &Rules,
    cell: &CellId,
    name: &str,
    rated: &[MemberRating],
    tasks: TaskCounts,
    capped: Vec<MemberId>,
) -> CellRating {
    let entered: Vec<u32> = rated
        .iter()
        .filter_map(|r| {
            r.general_points
                .filter(|g| *g <= rules.rating_general_max.value)
        })
        .collect();
    let members_with_points = crate::count(entered.len());
    let general = if entered.is_empty() {
        None
    } else {
        Some(entered.iter().sum::<u32>() / members_with_points)
    };
    let points_70 = task_points(&tasks, rules.rating_task_max.value);
    let mut member_categories = BTreeMap::new();
    for category in rated.iter().filter_map(|r| r.decided.or(r.category)) {
        *member_categories.entry(category).or_insert(0) += 1;
    }
    CellRating {
        cell: cell.clone(),
        name: name.to_owned(),
        standing: Standing::NotRateable,
        members: crate::count(rated.len()),
        members_with_points,
        general_points: general,
        tasks,
        task_points: points_70,
        points: general.map(|g| g + points_70),
        category: None,
        member_categories,
        capped,
        cell_capped: false,
        reasons: Vec::new(),
        citations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn cell(id: &str, points: u32, category: Category) -> CellRating {
        CellRating {
            cell: id.into(),
            name: id.to_owned(),
            standing: Standing::Final,
            members: 5,
            members_with_points: 5,
            general_points: Some(25),
            tasks: TaskCounts::default(),
            task_points: points - 25,
            points: Some(points),
            category: Some(category),
            member_categories: BTreeMap::new(),
            capped: Vec::new(),
            cell_capped: false,
            reasons: Vec::new(),
            citations: Vec::new(),
        }
    }

    fn categories(cells: &[CellRating]) -> Vec<Category> {
        cells.iter().filter_map(|c| c.category).collect()
    }

    #[test]
    fn the_cap_over_cells_keeps_the_share_with_the_highest_points_then_by_id() {
        let rules = Rules::hd42_2025(); // ≤ 20% of the cells rated Good or better
                                        // Five cells Good or better: one may stay Excellent. Ties at 96 go by id.
        let mut cells = vec![
            cell("b", 96, Category::Excellent),
            cell("a", 96, Category::Excellent),
            cell("c", 97, Category::Excellent),
            cell("d", 80, Category::Good),
            cell("e", 80, Category::Good),
            cell("f", 60, Category::Completed),
        ];
        cap::apply(&rules, &mut cells, &cap::CELLS);
        use Category::{Completed, Excellent, Good};
        assert_eq!(
            categories(&cells),
            [Good, Good, Excellent, Good, Good, Completed]
        );
        assert!(cells[0].cell_capped && cells[1].cell_capped && !cells[2].cell_capped);
        assert!(cells[0].reasons[0].en.contains("(1/5)"));
        // Four cells Good or better: 20% of 4 is under one, so none keeps Excellent (just out);
        // with a fifth Good cell one does (just in, above).
        let mut four = vec![
            cell("a", 96, Category::Excellent),
            cell("b", 80, Category::Good),
            cell("c", 80, Category::Good),
            cell("d", 80, Category::Good),
        ];
        cap::apply(&rules, &mut four, &cap::CELLS);
        assert_eq!(categories(&four), [Good, Good, Good, Good]);
        // No cap in the rules: nothing moves.
        let mut uncapped = rules.clone();
        uncapped.rating_excellent_cap.value = None;
        let mut same = vec![cell("a", 96, Category::Excellent)];
        cap::apply(&uncapped, &mut same, &cap::CELLS);
        assert_eq!(categories(&same), [Excellent]);
    }
}
