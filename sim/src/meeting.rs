//! The sitting: the roll, last month's reports, the minutes and the vote — revised and held again
//! when the first vote fails — and admissions decided at the meeting (R-30..R-37).

use crate::prepare::Plan;
use crate::roll::{self, Roll, Sitting};
use crate::story::{at, day_of, Fail, Story};
use crate::tasks;
use crate::texts;
use chibo::ids::MemberId;
use chibo::meeting::{AdmissionSubject, Revision, Vote};
use chibo::organisation::MemberStatus;
use chibo::time::Timestamp;
use chibo::Action;
use chrono::{Duration, Months};

/// Holds the meeting: the roll, last month's reports (regular meetings), the minutes and the vote.
/// Returns the roll and the end of the sitting at which the resolution passed.
pub(crate) fn hold(story: &mut Story, plan: &Plan<'_>) -> Result<(Roll, Timestamp), Fail> {
    let start = plan.start(plan.day)?;
    let roll = roll::call(story, &plan.cell.id, start.date_naive(), false)?;
    if plan.kind.is_regular() {
        tasks::report_previous(
            story,
            &plan.cell.id,
            plan.month,
            &roll,
            start + Duration::minutes(20),
            plan.early_close,
        )?;
    }
    let vote = if plan.fail_first {
        roll::failing_vote(&mut story.rng, &roll)
    } else {
        roll::passing_vote(&mut story.rng, &roll)
    };
    let end = start + Duration::minutes(plan.length);
    let sitting = sitting(story, plan, start, end);
    let record = roll::minutes(&mut story.rng, &roll, sitting, vote);
    let action = Action::RecordMeeting {
        meeting: plan.id.clone(),
        record: Box::new(record),
    };
    story.run(&roll.chair, end, action)?;
    // A failed vote is recorded as a sitting with its defect; the draft stays a draft.
    let adopted = story
        .commune
        .meeting(&plan.id)
        .is_ok_and(|m| m.held().is_some());
    if adopted {
        return Ok((roll, end));
    }
    reconvene(story, plan)
}

/// After a failed vote: the secretary revises the draft, moves the meeting four days on, notifies
/// and publishes again, and the cell meets and votes again.
fn reconvene(story: &mut Story, plan: &Plan<'_>) -> Result<(Roll, Timestamp), Fail> {
    let secretary = plan.secretary(story)?;
    let items = story
        .commune
        .meeting(&plan.id)
        .map(|m| m.draft().resolution_items.clone())
        .unwrap_or_default();
    let (contested, revised) = texts::contested(plan.cell.kind);
    let items = items
        .into_iter()
        .map(|i| {
            if i == contested {
                revised.to_owned()
            } else {
                i
            }
        })
        .collect();
    let next_day = plan.day + 4;
    let revision = Revision {
        meeting: plan.id.clone(),
        content: Some(
            "Dự thảo đã tiếp thu ý kiến đảng viên, sửa nội dung chưa được đồng thuận.".to_owned(),
        ),
        resolution_items: Some(items),
        scheduled_at: Some(plan.start(next_day)?),
        place: None,
        topic: None,
    };
    let revised = day_of(plan.month, plan.day + 1)?;
    story.run(
        &secretary,
        at(revised, 9, 0)?,
        Action::ReviseDraft(revision),
    )?;
    story.run(
        &secretary,
        at(revised, 10, 0)?,
        Action::SendNotice {
            meeting: plan.id.clone(),
        },
    )?;
    let documents = vec![format!(
        "Dự thảo nghị quyết (sửa đổi) tháng {}/{}",
        plan.month.month(),
        plan.month.year()
    )];
    story.run(
        &secretary,
        at(revised, 10, 30)?,
        Action::PublishDocuments {
            meeting: plan.id.clone(),
            documents,
        },
    )?;
    let start = plan.start(next_day)?;
    let roll = roll::call(story, &plan.cell.id, start.date_naive(), true)?;
    let end = start + Duration::minutes(plan.length.max(95));
    let vote = roll::passing_vote(&mut story.rng, &roll);
    let sitting = sitting(story, plan, start, end);
    let record = roll::minutes(&mut story.rng, &roll, sitting, vote);
    story.run(
        &roll.chair,
        end,
        Action::RecordMeeting {
            meeting: plan.id.clone(),
            record: Box::new(record),
        },
    )?;
    Ok((roll, end))
}

fn sitting<'a>(
    story: &mut Story,
    plan: &'a Plan<'_>,
    start: Timestamp,
    end: Timestamp,
) -> Sitting<'a> {
    let (year, m) = (plan.month.year(), plan.month.month());
    let mut agenda = Vec::new();
    if let Some(topic) = &plan.topic {
        agenda.push(format!("Sinh hoạt chuyên đề: {topic}"));
    }
    if plan.kind.is_regular() {
        agenda.push(
            "Thông tin thời sự, chủ trương của cấp trên; tình hình tư tưởng đảng viên, nhân dân"
                .to_owned(),
        );
        agenda.push(
            "Đánh giá thực hiện nghị quyết tháng trước và kết quả nhiệm vụ của từng đảng viên"
                .to_owned(),
        );
        agenda.push(format!(
            "Nhiệm vụ tháng {m}/{year} và phân công từng đảng viên"
        ));
    }
    agenda.push("Thảo luận, biểu quyết thông qua nghị quyết".to_owned());
    let mut guests = Vec::new();
    // Those who follow the cell on the day: the district's members no longer do after 01/7/2025
    // (`changes::district_abolished`).
    let following: Vec<MemberId> = match story.commune.organisation.cells.get(&plan.cell.id) {
        Some(cell) => plan
            .cell
            .followers
            .iter()
            .chain(cell.followers.iter())
            .filter(|f| cell.followers.contains(*f))
            .fold(Vec::new(), |mut all, f| {
                if !all.contains(f) {
                    all.push(f.clone());
                }
                all
            }),
        None => Vec::new(),
    };
    for (i, follower) in following.iter().enumerate() {
        if story.rng.chance(if i == 0 { 35 } else { 12 }) {
            guests.push(follower.clone());
        }
    }
    let opening = format!("Quán triệt chủ trương của Đảng ủy tháng {m}/{year}");
    Sitting {
        start,
        end,
        place: &plan.cell.place,
        guests,
        agenda,
        opening,
    }
}

/// Admissions at a held meeting: probationary members whose year is up are recognised as
/// official, and a candidate may be proposed for admission, when two thirds of the cell's official
/// members are there to approve. Returns whether the candidate was approved.
pub(crate) fn admissions(
    story: &mut Story,
    plan: &Plan<'_>,
    roll: &Roll,
    end: Timestamp,
    candidate: Option<String>,
) -> Result<bool, Fail> {
    let org = &story.commune.organisation;
    let Ok(cell) = org.cell(&plan.cell.id) else {
        return Ok(false);
    };
    let today = end.date_naive();
    let due: Vec<MemberId> = org
        .cell_members(cell)
        .filter(|m| m.status == MemberStatus::Probationary)
        .filter(|m| {
            m.joined_on
                .checked_add_months(Months::new(12))
                .is_some_and(|d| d <= today)
        })
        .map(|m| m.id.clone())
        .collect();
    let mut subjects: Vec<AdmissionSubject> = due
        .into_iter()
        .map(|member| AdmissionSubject::RecogniseOfficial { member })
        .collect();
    let admit = candidate.map(|candidate| AdmissionSubject::Admit { candidate });
    subjects.extend(admit.clone());
    let mut admitted = false;
    for (k, subject) in subjects.into_iter().enumerate() {
        let officials = story
            .commune
            .organisation
            .cell(&plan.cell.id)
            .map(|c| story.commune.organisation.official_count(c))
            .unwrap_or(0);
        let needed = story
            .commune
            .rules_on(end.date_naive())
            .admission_majority
            .value
            .needed(officials) as usize;
        if roll.voters.len() < needed {
            continue;
        }
        let is_candidate = Some(&subject) == admit.as_ref();
        let vote = Vote {
            yes: roll.voters.clone(),
            ..Vote::default()
        };
        let action = Action::ResolveAdmission {
            meeting: plan.id.clone(),
            subject,
            vote,
        };
        story.run(&roll.chair, end + Duration::minutes(k as i64 + 1), action)?;
        admitted |= is_candidate;
    }
    Ok(admitted)
}
