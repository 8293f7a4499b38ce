//! One year (2025, 2026, …), month by month: the commune's direction, every cell's meeting (and its
//! quarterly thematic meeting), a few changes on the roll, quarterly supervision and the remedies it
//! asks for, and the year-end review. What one year leaves to the next (remedies still to follow up,
//! candidates admitted but not yet entered) is [`Carried`] over.

use crate::changes;
use crate::inspect;
use crate::meeting;
use crate::prepare::{self, Plan};
use crate::remedy::{self, FollowUp};
use crate::story::{at, day_of, month_end, Fail, Story};
use crate::texts;
use crate::world::{CellInfo, World};
use chibo::directive::IssueDirective;
use chibo::ids::{DirectiveId, MeetingId, MemberId};
use chibo::meeting::MeetingKind;
use chibo::review::DisciplineForm;
use chibo::time::YearMonth;
use chibo::Action;
use std::collections::BTreeMap;

/// The turns of the story decided up front from the seed.
struct Plot {
    /// (cell index, month) → kind and topic of the quarter's thematic meeting.
    thematic: BTreeMap<(usize, u32), (MeetingKind, &'static str)>,
    /// Meetings whose first vote fails.
    failing: Vec<(usize, u32)>,
    /// The meeting where the secretary tries to close reporting too early.
    early_close: (usize, u32),
    /// Meetings that propose admitting a candidate.
    candidates: Vec<(usize, u32)>,
    /// Meetings that run short of the minimum: recorded with the defect.
    short: Vec<(usize, u32)>,
    /// Meetings whose documents go out the evening before, in November and December.
    late_documents: Vec<(usize, u32)>,
    /// A meeting the committee does not prepare.
    unprepared: (usize, u32),
    /// A month a hamlet cell does not meet (R-20: the storm season).
    missing: (usize, u32),
}

fn plot(story: &mut Story, world: &World) -> Plot {
    let rng = &mut story.rng;
    let mut thematic = BTreeMap::new();
    for (i, cell) in world.cells.iter().enumerate() {
        let topics = texts::topics(cell.kind);
        let offset = rng.below(topics.len());
        for quarter in 0..4u32 {
            let m = quarter * 3 + 1 + rng.range(0, 2);
            let kind = if rng.chance(40) {
                MeetingKind::Combined
            } else {
                MeetingKind::Thematic
            };
            let topic = topics
                .get((offset + quarter as usize) % topics.len().max(1))
                .copied()
                .unwrap_or("Chuyên đề");
            thematic.insert((i, m), (kind, topic));
        }
    }
    let hamlet = |rng: &mut crate::rng::Rng| rng.below(11);
    let failing = vec![
        (hamlet(rng), rng.range(3, 5)),
        (11 + rng.below(5), rng.range(8, 10)),
    ];
    let early_close = (hamlet(rng), rng.range(2, 11));
    let candidates = vec![(hamlet(rng), 4), (hamlet(rng), 8), (hamlet(rng), 10)];
    let short = vec![
        (hamlet(rng), rng.range(2, 6)),
        (hamlet(rng), rng.range(6, 10)),
        (11 + rng.below(5), rng.range(10, 12)),
    ];
    let late_documents = vec![(hamlet(rng), 11), (11 + rng.below(5), 12)];
    let unprepared = (hamlet(rng), rng.range(5, 8));
    // A hamlet cell misses its September meeting: flooding.
    let missing = (hamlet(rng), 9);
    let taken = |p: &(usize, u32)| {
        failing.contains(p) || early_close == *p || candidates.contains(p) || *p == missing
    };
    Plot {
        short: short.into_iter().filter(|p| !taken(p)).collect(),
        late_documents: late_documents.into_iter().filter(|p| !taken(p)).collect(),
        unprepared: if taken(&unprepared) {
            (usize::MAX, 0)
        } else {
            unprepared
        },
        missing,
        thematic,
        failing,
        early_close,
        candidates,
    }
}

/// What a year leaves to the next: follow-ups of remedies due after 31 December, and admitted
/// candidates who join in a later month (cell index, the month they join, name).
#[derive(Debug, Default)]
pub(crate) struct Carried {
    pending: Vec<FollowUp>,
    newcomers: Vec<(usize, YearMonth, String)>,
}

/// Runs the whole year `story.year`.
pub(crate) fn run(story: &mut Story, world: &World, carried: &mut Carried) -> Result<(), Fail> {
    let plot = plot(story, world);
    let year = story.year;
    let Carried { pending, newcomers } = carried;
    let mut last_chair: BTreeMap<usize, MemberId> = BTreeMap::new();
    for m in 1..=12 {
        let month = story.month(m)?;
        remedy::follow_up(story, pending, at(day_of(month, 1)?, 23, 0)?)?;
        if m == 7 && year == changes::DISTRICT_ABOLISHED_IN {
            changes::district_abolished(story, world)?;
        }
        let directive = IssueDirective {
            directive: DirectiveId::new(format!("cd-{year}-{m:02}")),
            month,
            content: texts::directive(year, m),
        };
        story.run(
            &world.party_secretary,
            at(day_of(month, 2)?, 7, 30)?,
            Action::IssueDirective(directive),
        )?;
        let mut order: Vec<(u32, usize)> = world
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| (c.day + story.rng.range(0, 2), i))
            .collect();
        order.sort();
        for &(day, i) in &order {
            let Some(cell) = world.cells.get(i) else {
                continue;
            };
            if plot.missing == (i, m) {
                continue;
            }
            let (kind, topic) = match plot.thematic.get(&(i, m)) {
                Some((MeetingKind::Combined, topic)) => (MeetingKind::Combined, Some(*topic)),
                _ => (MeetingKind::Regular, None),
            };
            // Lengths start from the minimum of the rules in force that month.
            let rules = story
                .commune
                .rules_on(month.first_day().unwrap_or_default());
            let min = if kind == MeetingKind::Combined {
                rules.min_combined_minutes.value
            } else {
                rules.min_meeting_minutes.value
            };
            let length = i64::from(if plot.short.contains(&(i, m)) {
                // Cut short (a storm warning, a funeral in the hamlet): recorded as it was.
                story
                    .rng
                    .range(min.saturating_sub(25), min.saturating_sub(5))
            } else if kind == MeetingKind::Combined {
                story.rng.range(min, min + 45)
            } else {
                story.rng.range(min, min + 50)
            });
            let plan = Plan {
                cell,
                id: MeetingId::new(format!("{}-{year}-{m:02}", cell.id)),
                month,
                kind,
                topic: topic.map(str::to_owned),
                day,
                length,
                fail_first: plot.failing.contains(&(i, m)),
                early_close: plot.early_close == (i, m),
                skip_preparation: plot.unprepared == (i, m),
                late_documents: plot.late_documents.contains(&(i, m)),
            };
            let candidate = plot.candidates.contains(&(i, m)).then(|| {
                let female = story.rng.chance(50);
                story.names.next(&mut story.rng, female)
            });
            prepare::prepare(story, &plan, 2, i as i64 * 7)?;
            let (roll, end) = meeting::hold(story, &plan)?;
            if let Some(name) = meeting::admissions(story, &plan, &roll, end, candidate.clone())?
                .then_some(candidate)
                .flatten()
            {
                newcomers.push((i, month.next(), name));
            }
            let deadline = month_end(month)?;
            crate::tasks::assign(
                story, &cell.id, cell.kind, &plan.id, true, &roll, end, deadline,
            )?;
            crate::score::record(story, cell, &plan.id, &roll, end)?;
            if m == 9 && (i == 2 || i == 9) {
                let form = if i == 2 {
                    DisciplineForm::Reprimand
                } else {
                    DisciplineForm::Warning
                };
                crate::review::discipline(story, &plan.id, &roll, form, end)?;
            }
            last_chair.insert(i, roll.chair.clone());
        }
        for (i, cell) in world.cells.iter().enumerate() {
            if let Some((MeetingKind::Thematic, topic)) = plot.thematic.get(&(i, m)) {
                thematic_meeting(story, cell, i, month, topic)?;
            }
        }
        changes::roll_changes(story, world, month, newcomers)?;
        let quarter = match m {
            4 => Some((1, story.month(1)?, story.month(3)?)),
            7 => Some((2, story.month(4)?, story.month(6)?)),
            10 => Some((3, story.month(7)?, story.month(9)?)),
            12 => Some((4, story.month(10)?, story.month(11)?)),
            _ => None,
        };
        if let Some((q, from, to)) = quarter {
            inspect::supervise(story, world, month, q, (from, to), pending)?;
        }
        remedy::follow_up(story, pending, at(month_end(month)?, 23, 59)?)?;
    }
    // The general criteria are entered before the year-end review's cut-off (20/12).
    let year_end = at(day_of(story.month(12)?, 19)?, 17, 0)?;
    for (i, cell) in world.cells.iter().enumerate() {
        let (Some(by), Some(roll)) = (
            last_chair.get(&i),
            story.commune.organisation.cells.get(&cell.id),
        ) else {
            continue;
        };
        let members: Vec<MemberId> = roll.members.iter().cloned().collect();
        crate::score::general_points(story, by, &members, year_end)?;
    }
    // The year-end review: self-assessments, each cell's review meeting and vote, the
    // standing committee's decisions.
    let ratings = crate::review::criteria(story)?;
    let assessed = crate::review::self_assess(story, &ratings)?;
    for (i, cell) in world.cells.iter().enumerate() {
        let (id, roll, end) = review_meeting(story, cell, i)?;
        crate::review::propose(story, (&ratings, &assessed), &cell.id, &id, &roll, end)?;
    }
    crate::review::decide(story)
}

/// The cell's year-end review meeting (kiểm điểm, đánh giá, xếp loại), on 26–27/12: a thematic
/// meeting held like the others.
fn review_meeting(
    story: &mut Story,
    cell: &CellInfo,
    i: usize,
) -> Result<(MeetingId, crate::roll::Roll, chibo::time::Timestamp), Fail> {
    let day = 26 + story.rng.range(0, 2);
    let topic = format!(
        "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm {}",
        story.year
    );
    let (plan_id, roll, end) = hold_thematic(
        story,
        (cell, i),
        crate::review::month(story)?,
        ("kd", topic),
        (day, 40),
    )?;
    Ok((plan_id, roll, end))
}

/// Prepares and holds a thematic meeting of `cell` (the `i`th) in `month`, its id ending in
/// `suffix`, on `day`, lasting from the minimum up to `spread` minutes more.
fn hold_thematic(
    story: &mut Story,
    (cell, i): (&CellInfo, usize),
    month: YearMonth,
    (suffix, topic): (&str, String),
    (day, spread): (u32, u32),
) -> Result<(MeetingId, crate::roll::Roll, chibo::time::Timestamp), Fail> {
    let plan = Plan {
        cell,
        id: MeetingId::new(format!(
            "{}-{}-{:02}-{suffix}",
            cell.id,
            month.year(),
            month.month()
        )),
        month,
        kind: MeetingKind::Thematic,
        topic: Some(topic),
        day,
        length: i64::from({
            let on = month.first_day().unwrap_or_default();
            let min = story.commune.rules_on(on).min_meeting_minutes.value;
            story.rng.range(min, min + spread)
        }),
        fail_first: false,
        early_close: false,
        skip_preparation: false,
        late_documents: false,
    };
    prepare::prepare(story, &plan, 12, i as i64 * 7)?;
    let (roll, end) = meeting::hold(story, &plan)?;
    Ok((plan.id, roll, end))
}

fn thematic_meeting(
    story: &mut Story,
    cell: &CellInfo,
    i: usize,
    month: YearMonth,
    topic: &'static str,
) -> Result<(), Fail> {
    let day = 18 + story.rng.range(0, 6);
    let (id, roll, end) =
        hold_thematic(story, (cell, i), month, ("cd", topic.to_owned()), (day, 30))?;
    crate::tasks::assign(
        story,
        &cell.id,
        cell.kind,
        &id,
        false,
        &roll,
        end,
        month_end(month)?,
    )
}
