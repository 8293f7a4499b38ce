//! What follows a notice of results: the cell reports its remedy, the supervisor verifies
//! it, sends it back, or marks it overdue after the deadline. Steps are scheduled and run in date
//! order as the year goes on; those after 31 December run in the next year told, or stay undone
//! after the last.

use crate::story::{at, Fail, Story};
use crate::world::CellInfo;
use chibo::ids::MemberId;
use chibo::inspection::NewRemediation;
use chibo::time::Timestamp;
use chibo::Action;
use chrono::Duration;

/// A step scheduled for later: a remedy, a check, an overdue mark.
#[derive(Debug, Clone)]
pub(crate) struct FollowUp {
    pub(crate) when: Timestamp,
    pub(crate) actor: MemberId,
    pub(crate) action: Action,
}

/// Runs the follow-ups due by `until`, oldest first; later ones wait.
pub(crate) fn follow_up(
    story: &mut Story,
    pending: &mut Vec<FollowUp>,
    until: Timestamp,
) -> Result<(), Fail> {
    pending.sort_by_key(|f| f.when);
    let later = pending.split_off(pending.partition_point(|f| f.when <= until));
    for f in std::mem::replace(pending, later) {
        story.run(&f.actor, f.when, f.action)?;
    }
    Ok(())
}

/// What becomes of a remediation, in turn by `fate`: mostly remedied in time and verified; one in
/// seven left overdue, one sent back once, one marked overdue and remedied late.
#[allow(clippy::too_many_arguments)]
pub(crate) fn schedule(
    story: &mut Story,
    cell: &CellInfo,
    lead: &MemberId,
    r: &NewRemediation,
    concluded: Timestamp,
    fate: usize,
    pending: &mut Vec<FollowUp>,
) -> Result<(), Fail> {
    let secretary = story
        .commune
        .organisation
        .cell(&cell.id)
        .ok()
        .and_then(|c| c.leadership.secretary.clone())
        .ok_or_else(|| Fail::Story(format!("{} không có bí thư", cell.name)))?;
    let id = r.remediation.clone();
    let deadline = at(r.deadline, 17, 0)?;
    let remedy = |when, note: &str| FollowUp {
        when,
        actor: secretary.clone(),
        action: Action::ReportRemedy {
            remediation: id.clone(),
            note: note.to_owned(),
        },
    };
    let verify = |when, accepted: bool| FollowUp {
        when,
        actor: lead.clone(),
        action: Action::VerifyRemedy {
            remediation: id.clone(),
            accepted,
            note: (!accepted).then(|| "Chưa đạt, đề nghị làm lại".to_owned()),
        },
    };
    let overdue = |when| FollowUp {
        when,
        actor: lead.clone(),
        action: Action::MarkOverdue {
            remediation: id.clone(),
        },
    };
    let day = |n: u32| concluded + Duration::days(i64::from(n));
    let late = |n: u32| deadline + Duration::days(i64::from(n));
    let rng = &mut story.rng;
    let steps = match fate % 7 {
        0..=2 | 4 => {
            let done = rng.range(5, 17);
            vec![
                remedy(day(done), "Chi bộ đã khắc phục, báo cáo bằng văn bản"),
                verify(day(done + rng.range(2, 4)), true),
            ]
        }
        5 => vec![
            remedy(day(8), "Chi bộ đã khắc phục"),
            verify(day(11), false),
            remedy(day(18), "Đã khắc phục lại theo ý kiến của đoàn giám sát"),
            verify(day(21), true),
        ],
        3 => vec![overdue(late(4))],
        _ => vec![
            overdue(late(3)),
            remedy(late(10), "Khắc phục muộn, đã kiểm điểm rút kinh nghiệm"),
            verify(late(13), true),
        ],
    };
    pending.extend(steps);
    Ok(())
}
