//! Changes on the roll each year, entered by the registrar: a member transferred away,
//! one exempted for illness, one who died, one back from transfer, and admitted candidates joining
//! as probationary members; and, once, on 01/7/2025 the district level abolished.

use crate::story::{at, day_of, Fail, Story};
use crate::world::World;
use chibo::command::{AddMember, AssignFollower, MemberLeaves, ReorganiseLevels, SetMemberFlag};
use chibo::ids::{CellId, LevelId, MemberId};
use chibo::organisation::{Home, MemberFlag, MemberStatus};
use chibo::time::YearMonth;
use chibo::Action;
use chrono::{Datelike, Duration};

/// Changes on the roll during the year, entered by the registrar: a member transferred away, one
/// exempted for illness, one who died, one back from transfer, and admitted candidates joining.
pub(crate) fn roll_changes(
    story: &mut Story,
    world: &World,
    month: YearMonth,
    newcomers: &mut Vec<(usize, YearMonth, String)>,
) -> Result<(), Fail> {
    let when = at(day_of(month, 26)?, 9, 0)?;
    let registrar = world.registrar.clone();
    let org = &story.commune.organisation;
    let plain = |id: &MemberId| {
        org.members.get(id).is_some_and(|m| {
            m.is_active()
                && m.cell().is_some_and(|c| c.as_str().starts_with("xom"))
                && m.exempted.is_none()
                && m.transferred.is_none()
                && m.suspended.is_none()
                && !org.cells.values().any(|c| c.leadership.is_committee(id))
        })
    };
    let pick = |filter: &dyn Fn(&chibo::organisation::Member) -> bool| -> Vec<MemberId> {
        org.members
            .values()
            .filter(|m| filter(m))
            .map(|m| m.id.clone())
            .collect()
    };
    let action = match month.month() {
        // A different member goes each year (the first in 2025).
        3 => pick(&|m| plain(&m.id) && m.joined_on.year() > 2012)
            .get(away_index(month))
            .map(|id| {
                Action::SetMemberFlag(SetMemberFlag {
                    member: id.clone(),
                    flag: MemberFlag::Transferred,
                    on: true,
                    reason: Some(
                        "Chuyển sinh hoạt tạm thời đến Chi bộ Công ty CP May Nga Sơn".to_owned(),
                    ),
                })
            }),
        5 => pick(&|m| plain(&m.id) && m.status == MemberStatus::Official)
            .get(5)
            .map(|id| {
                Action::SetMemberFlag(SetMemberFlag {
                    member: id.clone(),
                    flag: MemberFlag::Exempted,
                    on: true,
                    reason: Some(
                        "Ốm đau dài ngày, điều trị tại Bệnh viện Đa khoa Nga Sơn".to_owned(),
                    ),
                })
            }),
        9 => pick(&|m| {
            m.is_active()
                && m.exempted
                    .as_ref()
                    .is_some_and(|e| e.reason.starts_with("Tuổi cao"))
        })
        .first()
        .map(|id| {
            Action::MemberLeaves(MemberLeaves {
                member: id.clone(),
                reason: "Từ trần".to_owned(),
            })
        }),
        10 => pick(&|m| m.is_active() && m.transferred.is_some())
            .first()
            .map(|id| {
                Action::SetMemberFlag(SetMemberFlag {
                    member: id.clone(),
                    flag: MemberFlag::Transferred,
                    on: false,
                    reason: Some("Kết thúc chuyển sinh hoạt tạm thời, trở về xóm".to_owned()),
                })
            }),
        _ => None,
    };
    if let Some(action) = action {
        story.run(&registrar, when, action)?;
    }
    let (due, later): (Vec<_>, Vec<_>) = newcomers.drain(..).partition(|(_, m, _)| *m == month);
    *newcomers = later;
    for (k, (i, _, name)) in due.into_iter().enumerate() {
        let Some(cell) = world.cells.get(i) else {
            continue;
        };
        let count = story
            .commune
            .organisation
            .cells
            .get(&cell.id)
            .map_or(0, |c| c.members.len());
        let add = AddMember {
            member: MemberId::new(format!("x{:02}-{:02}", i + 1, count + 1)),
            name,
            home: Home::Cell(cell.id.clone()),
            status: MemberStatus::Probationary,
            joined_on: day_of(month, 19)?,
        };
        story.run(
            &registrar,
            when + Duration::minutes(k as i64 + 1),
            Action::AddMember(add),
        )?;
    }
    Ok(())
}

/// The year the district level is abolished (on 01/7).
pub(crate) const DISTRICT_ABOLISHED_IN: i32 = 2025;

/// Which of the members who may go is transferred away in March of `month`'s year: the first in
/// 2025, the next one each year after (wrapping round a list of some dozens).
fn away_index(month: YearMonth) -> usize {
    usize::try_from(month.year().saturating_sub(crate::story::FIRST_YEAR)).unwrap_or(0) % 7
}

/// 01/7/2025: the district level is abolished and the commune sits under the province.
/// The district committee members stop following their cells, and the province member takes the
/// cells they followed; what they attended before stays in the records.
pub(crate) fn district_abolished(story: &mut Story, world: &World) -> Result<(), Fail> {
    let when = at(day_of(story.month(7)?, 1)?, 8, 0)?;
    let district = LevelId::new("huyen-ns");
    let followed: Vec<CellId> = story
        .commune
        .organisation
        .cells
        .values()
        .filter(|c| {
            c.followers.iter().any(|f| {
                story
                    .commune
                    .organisation
                    .members
                    .get(f)
                    .is_some_and(|m| matches!(&m.home, Home::Level(l) if l == &district))
            })
        })
        .map(|c| c.id.clone())
        .collect();
    let reorganise = ReorganiseLevels {
        add: Vec::new(),
        abolish: vec![district],
    };
    story.run(&world.registrar, when, Action::ReorganiseLevels(reorganise))?;
    for cell in followed {
        let follow = AssignFollower {
            cell,
            member: MemberId::new("tinh-01"),
        };
        story.run(
            &world.registrar,
            when + Duration::minutes(5),
            Action::AssignFollower(follow),
        )?;
    }
    Ok(())
}
