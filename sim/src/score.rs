//! Each regular meeting's quality score: the committee proposes it with the points people
//! judge, the members vote, and the commune's follower confirms it two days later. At the year's
//! end each cell committee enters its members' general-criteria points for the rating.

use crate::links::CellInfo;
use crate::roll::Roll;
use crate::story::{Fail, Story};
use chibo::ids::{MeetingId, MemberId};
use chibo::meeting::Vote;
use chibo::scoring::{EnterGeneralPoints, ProposeScore, VoteScore};
use chibo::time::Timestamp;
use chibo::Action;
use chrono::Duration;
use std::collections::BTreeMap;

/// Proposes, votes and confirms the score of a meeting just held.
pub(crate) fn record(
    story: &mut Story,
    cell: &CellInfo,
    meeting: &MeetingId,
    roll: &Roll,
    end: Timestamp,
) -> Result<(), Fail> {
    let entered = BTreeMap::from([
        ("content_and_order".to_owned(), story.rng.range(8, 15)),
        ("minutes".to_owned(), story.rng.range(3, 5)),
    ]);
    story.run(
        &roll.chair,
        end + Duration::minutes(20),
        Action::ProposeScore(Box::new(ProposeScore {
            meeting: meeting.clone(),
            rubric: None,
            entered,
        })),
    )?;
    story.run(
        &roll.chair,
        end + Duration::minutes(25),
        Action::VoteScore(VoteScore {
            meeting: meeting.clone(),
            vote: Vote {
                yes: roll.voters.clone(),
                no: Vec::new(),
                abstain: Vec::new(),
            },
        }),
    )?;
    let Some(follower) = cell.followers.first() else {
        return Ok(());
    };
    story.run(
        follower,
        end + Duration::days(2),
        Action::ConfirmScore {
            meeting: meeting.clone(),
            accepted: true,
            note: None,
        },
    )
}

/// The year-end general-criteria points of every member of a cell, entered by `by`.
pub(crate) fn general_points(
    story: &mut Story,
    by: &MemberId,
    members: &[MemberId],
    at: Timestamp,
) -> Result<(), Fail> {
    // Out of the most the rules give the general criteria (R-72: 30 of 100).
    let top = story
        .commune
        .rules_on(at.date_naive())
        .rating_general_max
        .value;
    let below = |n: u32| top.saturating_sub(n);
    for member in members {
        // The committee's points for the general criteria follow how the member works.
        let points = match crate::tasks::Reliability::of(member) {
            crate::tasks::Reliability::Steady => story.rng.range(below(6), top),
            crate::tasks::Reliability::Uneven => story.rng.range(below(10), below(2)),
            crate::tasks::Reliability::Struggling => story.rng.range(below(15), below(6)),
        };
        story.run(
            by,
            at,
            Action::EnterGeneralPoints(EnterGeneralPoints {
                year: story.year,
                member: member.clone(),
                points,
            }),
        )?;
    }
    Ok(())
}
