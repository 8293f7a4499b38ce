//! The year-end review as the cells hold it: each member's self-assessment, the cell's vote
//! at its review meeting, the commune standing committee's decision; and two members disciplined
//! in September, whose category the rules cap.

use crate::roll::Roll;
use crate::story::{at, day_of, Fail, Story};
use crate::tasks::Reliability;
use chibo::ids::{CellId, MeetingId, MemberId};
use chibo::meeting::Vote;
use chibo::report::rating::{annual_review, AnnualRatings, Category};
use chibo::review::{
    DecideRating, DisciplineForm, ProposeRating, RecordDiscipline, SelfAssessment,
};
use chibo::time::{Timestamp, YearMonth};
use chibo::Action;
use std::collections::BTreeSet;

/// The day the review's figures are taken (its cut-off): December's tasks, due on 31/12, belong
/// to the next review.
pub(crate) fn cut_off(story: &Story) -> Result<chrono::NaiveDate, Fail> {
    day_of(story.month(12)?, 20)
}

/// At a cell's September meeting, a member who failed their tasks is reprimanded or warned: the
/// chair records it once the vote's result is announced.
pub(crate) fn discipline(
    story: &mut Story,
    meeting: &MeetingId,
    roll: &Roll,
    form: DisciplineForm,
    end: Timestamp,
) -> Result<(), Fail> {
    let leaders = [&roll.chair, &roll.recorder];
    let Some(member) = roll
        .voters
        .iter()
        .find(|m| !leaders.contains(m) && Reliability::of(m) == Reliability::Struggling)
        .or_else(|| roll.voters.iter().find(|m| !leaders.contains(m)))
        .cloned()
    else {
        return Ok(());
    };
    story.run(
        &roll.chair,
        end + chrono::Duration::minutes(5),
        Action::RecordDiscipline(RecordDiscipline {
            meeting: meeting.clone(),
            member,
            form,
            reason:
                "Nhiều tháng không thực hiện nhiệm vụ được chi bộ phân công, không báo cáo lý do"
                    .to_owned(),
        }),
    )
}

/// The criteria's ratings at the cut-off, with the general points entered.
pub(crate) fn criteria(story: &Story) -> Result<AnnualRatings, Fail> {
    let general = story
        .commune
        .general_points
        .get(&story.year)
        .cloned()
        .unwrap_or_default();
    Ok(annual_review(
        &story.commune,
        story.year,
        cut_off(story)?,
        &general,
    ))
}

/// Each member rated by the criteria writes a self-assessment on 22/12: most propose what the
/// figures give, about one in five of those at Good claims Excellent. A member who may not act
/// that day (away on a temporary transfer, suspended: R-14, as the core judges it) writes none.
/// Returns who wrote one.
pub(crate) fn self_assess(
    story: &mut Story,
    ratings: &AnnualRatings,
) -> Result<BTreeSet<MemberId>, Fail> {
    let when = at(day_of(story.month(12)?, 22)?, 8, 0)?;
    let mut assessed = BTreeSet::new();
    for rating in &ratings.members {
        let Some(category) = rating.category else {
            continue;
        };
        let members = &story.commune.organisation.members;
        if members
            .get(&rating.member)
            .is_none_or(|m| m.may_act().is_err())
        {
            continue;
        }
        let claimed = if category == Category::Good && story.rng.chance(20) {
            Category::Excellent
        } else {
            category
        };
        story.run(
            &rating.member,
            when,
            Action::SelfAssess(SelfAssessment {
                year: story.year,
                member: rating.member.clone(),
                category: claimed,
                summary: format!(
                    "Tự kiểm điểm năm {}: ưu điểm, hạn chế và hướng khắc phục",
                    story.year
                ),
            }),
        )?;
        assessed.insert(rating.member.clone());
    }
    Ok(assessed)
}

/// At the cell's review meeting, the chair puts to the vote the category the criteria give each
/// member who assessed themself (`assessed`); the members present vote for it.
pub(crate) fn propose(
    story: &mut Story,
    (ratings, assessed): (&AnnualRatings, &BTreeSet<MemberId>),
    cell: &CellId,
    meeting: &MeetingId,
    roll: &Roll,
    end: Timestamp,
) -> Result<(), Fail> {
    let mut when = end;
    let proposed = ratings
        .members
        .iter()
        .filter(|r| &r.cell == cell && assessed.contains(&r.member));
    for rating in proposed {
        let Some(category) = rating.category else {
            continue;
        };
        when += chrono::Duration::minutes(1);
        story.run(
            &roll.chair,
            when,
            Action::ProposeRating(Box::new(ProposeRating {
                meeting: meeting.clone(),
                year: story.year,
                member: rating.member.clone(),
                category,
                vote: Vote {
                    yes: roll.voters.clone(),
                    no: Vec::new(),
                    abstain: Vec::new(),
                },
            })),
        )?;
    }
    Ok(())
}

/// On 29/12 a standing committee member decides each proposal passed by a cell. A decision the
/// cap on Excellent refuses is taken as Good, with the note.
pub(crate) fn decide(story: &mut Story) -> Result<(), Fail> {
    let Some(by) = story
        .commune
        .organisation
        .committees
        .standing
        .iter()
        .next()
        .cloned()
    else {
        return Ok(());
    };
    let mut when = at(day_of(story.month(12)?, 29)?, 8, 0)?;
    let year = story.year;
    let proposals: Vec<(MemberId, Category)> = story
        .commune
        .reviews
        .get(&year)
        .map(|m| {
            m.iter()
                .filter_map(|(id, r)| r.proposal().map(|p| (id.clone(), p.category)))
                .collect()
        })
        .unwrap_or_default();
    for (member, category) in proposals {
        when += chrono::Duration::minutes(1);
        let decide = |category, note: Option<&str>| {
            Action::DecideRating(DecideRating {
                year,
                member: member.clone(),
                category,
                note: note.map(str::to_owned),
            })
        };
        if let Err(e) = story.try_run(&by, when, decide(category, None)) {
            if e.code() != "report.excellent_cap_reached" {
                return Err(Fail::Refused {
                    action: "decide_rating",
                    actor: by.clone(),
                    at: when,
                    error: e,
                });
            }
            story.run(
                &by,
                when,
                decide(
                    Category::Good,
                    Some("Giới hạn tỷ lệ Hoàn thành xuất sắc nhiệm vụ của chi bộ"),
                ),
            )?;
        }
    }
    Ok(())
}

/// The review meeting's month: December of the year being told.
pub(crate) fn month(story: &Story) -> Result<YearMonth, Fail> {
    story.month(12)
}
