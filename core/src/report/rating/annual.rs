//! The year's ratings of every member and cell, with the cap on Excellent.

use super::cap;
use super::category::categorise;
use super::cell::cell_tasks;
use super::steps;
use super::{task_points, Category, CitedParam, Reason, Standing, TaskCounts};
use crate::commune::Commune;
use crate::ids::{CellId, MemberId};
use crate::organisation::Member;
use crate::review::{DisciplineForm, MemberReview};
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

fn rate_member(
    commune: &Commune,
    cell: &CellId,
    member: &Member,
    (year, cut_off): (i32, NaiveDate),
    general: Option<u32>,
) -> MemberRating {
    let tasks = member_tasks_until(commune, &member.id, year, cut_off);
    let rules = commune.rules_on(cut_off);
    let (general_max, task_max) = (rules.rating_general_max.value, rules.rating_task_max.value);
    let points_70 = task_points(&tasks, task_max);
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
        disciplined: commune
            .disciplines_in(year, &member.id)
            .iter()
            .map(|d| d.form)
            .max(),
        review: commune.review_of(year, &member.id),
        decided: None,
        reasons: Vec::new(),
        citations: Vec::new(),
    };
    rating.decided = rating.review.decision.as_ref().map(|d| d.category);
    rating
        .reasons
        .push(task_reason(&tasks, (points_70, task_max), year));
    let later = due_after(commune, &member.id, year, cut_off);
    if later > 0 {
        rating.reasons.push(Reason::new(
            format!(
                "{later} nhiệm vụ có hạn sau ngày chốt đánh giá {} không tính vào kỳ đánh giá này.",
                cut_off.format("%d/%m/%Y")
            ),
            format!(
                "{later} task(s) due after the review's cut-off ({}) are outside this review.",
                cut_off.format("%Y-%m-%d")
            ),
        ));
    }
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
        Some(g) if g <= general_max => g,
        Some(g) => {
            rating.reasons.push(Reason::new(
                format!("Điểm tiêu chí chung {g} vượt quá {general_max}: chưa xếp loại được."),
                format!("General-criteria points {g} exceed {general_max}: not rateable."),
            ));
            return rating;
        }
        None => {
            rating.reasons.push(Reason::new(
                format!(
                    "Chưa nhập điểm tiêu chí chung (tối đa {general_max}): chưa xếp loại được."
                ),
                format!("No general-criteria points entered (out of {general_max}): not rateable."),
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
            rating.reasons.push(Reason::new(
                format!(
                    "Bị kỷ luật {} trong năm: xếp loại cao nhất là {} (R-63, R-72).",
                    form.label_vi(),
                    highest.name_vi()
                ),
                format!(
                    "Disciplined ({}) in the year: rated at most {} (R-63, R-72).",
                    form.as_str(),
                    highest.name_en()
                ),
            ));
        }
    }
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
fn task_reason(t: &TaskCounts, (points, max): (u32, u32), year: i32) -> Reason {
    Reason::new(
        format!(
            "Nhiệm vụ có hạn trong năm {year}: {} (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}, chưa báo cáo {}); điểm kết quả nhiệm vụ = ⌊{max} × (2 × {} + {}) / (2 × {})⌋ = {points}/{max}.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
        format!(
            "Tasks due in {year}: {} (exceeded {}, on time {}, late {}, not done {}, pending {}); task points = floor({max} × (2 × {} + {}) / (2 × {})) = {points}/{max}.",
            t.total, t.exceeded, t.on_time, t.late, t.not_done, t.pending, t.in_time(), t.late, t.total
        ),
    )
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
    let members = crate::count(rated.len());
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
    let own = cell_tasks(commune, cell, year, cut_off);
    let tasks = own.counts;
    let task_max = rules.rating_task_max.value;
    let points_70 = task_points(&tasks, task_max);
    let mut member_categories = BTreeMap::new();
    for category in rated.iter().filter_map(|r| r.decided.or(r.category)) {
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
        cell_capped: false,
        reasons: Vec::new(),
        citations: Vec::new(),
    };
    rating.reasons.push(Reason::new(
        format!(
            "Nhiệm vụ của chi bộ trong năm: sinh hoạt thường kỳ {} tháng (không họp {}, chất lượng dưới Khá {}, đạt Tốt {}); khắc phục {} yêu cầu (chưa xong {}, chậm {}). Tổng {} nhiệm vụ (vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}): {points_70}/{task_max} điểm.",
            own.months, own.months_missed, own.months_with_defects, own.months_good,
            own.remedies, own.remedies_open, own.remedies_late,
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done
        ),
        format!(
            "The cell's own tasks of the year: the regular meeting of {} month(s) ({} not held, {} below Fair, {} scored Good); {} remedy(ies) required ({} not done, {} late). {} tasks in all (exceeded {}, on time {}, late {}, not done {}): {points_70}/{task_max} points.",
            own.months, own.months_missed, own.months_with_defects, own.months_good,
            own.remedies, own.remedies_open, own.remedies_late,
            tasks.total, tasks.exceeded, tasks.on_time, tasks.late, tasks.not_done
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
    let leaders = commune.organisation.cells.get(cell).map(|c| &c.leadership);
    let disciplined: Vec<&MemberId> = rated
        .iter()
        .filter(|r| r.disciplined.is_some())
        .map(|r| &r.member)
        .filter(|m| leaders.is_some_and(|l| l.is_committee(m)))
        .collect();
    if rating.category == Some(Category::Excellent) && !disciplined.is_empty() {
        let names = disciplined
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        rating.category = Some(Category::Good);
        rating.reasons.push(Reason::new(
            format!("Chi ủy viên bị kỷ luật trong năm ({names}): không xếp Hoàn thành xuất sắc (366-QĐ/TW, Điều 11): Hoàn thành tốt nhiệm vụ."),
            format!("A cell committee member was disciplined in the year ({names}): not Excellent (366-QĐ/TW, art. 11): Good."),
        ));
    }
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
