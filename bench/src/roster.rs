//! The organisation of one generated commune: its cells and members, the commune's committees,
//! each cell's leadership, clusters and followers — and the setup commands that enter it all.

use crate::clock::{at, date, plus};
use crate::out::Out;
use crate::rng::Rng;
use crate::texts;
use crate::{BenchError, Config};
use chibo::command::{
    AddCell, AddMember, AppointCommittee, AssignFollower, ElectCellLeadership, EstablishCommune,
    FormCluster, SetMemberFlag,
};
use chibo::ids::{CellId, ClusterId, CommuneId, LevelId, MemberId};
use chibo::organisation::{
    CellKind, CommitteeKind, Home, Level, LevelKind, MemberFlag, MemberStatus,
};
use chibo::rules::RuleChoice;
use chibo::time::Timestamp;
use chibo::Action;

/// The smallest cell the generator draws: enough officials for a cell committee.
const MIN_CELL: u32 = 12;

/// One member of a cell, as the generator needs to know them.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) id: MemberId,
    pub(crate) official: bool,
    pub(crate) exempted: bool,
}

/// One cell and its people, leaders and meeting times.
#[derive(Debug, Clone)]
pub(crate) struct CellPlan {
    pub(crate) index: usize,
    pub(crate) id: CellId,
    pub(crate) kind: CellKind,
    pub(crate) place: String,
    pub(crate) people: Vec<Person>,
    pub(crate) secretary: MemberId,
    pub(crate) deputy: MemberId,
    /// The cell committee, secretary and deputy included.
    pub(crate) committee: Vec<MemberId>,
    /// The commune committee member who follows the cell (a guest now and then).
    pub(crate) follower: MemberId,
    /// The regular meeting's day of the month and time.
    pub(crate) regular: (u32, u32, u32),
    /// The thematic meeting's day of the month and time.
    pub(crate) thematic: (u32, u32, u32),
}

/// The commune as the year's loop needs it.
#[derive(Debug, Clone)]
pub(crate) struct CommunePlan {
    pub(crate) party_secretary: MemberId,
    pub(crate) inspection: Vec<MemberId>,
    pub(crate) cells: Vec<CellPlan>,
}

fn member_id(cell: usize, n: usize) -> MemberId {
    MemberId::new(format!("c{:02}-{:02}", cell + 1, n + 1))
}

fn person_name(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.text(texts::FAMILY),
        rng.text(texts::MIDDLE),
        rng.text(texts::GIVEN)
    )
}

/// Meeting times: no two cells of a commune sit at the same time, so a sitting's commands stay
/// together in the journal.
fn times(index: usize) -> ((u32, u32, u32), (u32, u32, u32)) {
    const HOURS: [(u32, u32); 4] = [(7, 30), (14, 0), (19, 30), (9, 0)];
    let i = u32::try_from(index).unwrap_or(0);
    let (rh, rm) = HOURS.get((index / 6) % 3).copied().unwrap_or((7, 30));
    let (th, tm) = HOURS.get((index / 5) % 4).copied().unwrap_or((14, 0));
    ((5 + i % 6, rh, rm), (18 + i % 5, th, tm))
}

fn draw_cell(rng: &mut Rng, config: &Config, index: usize) -> CellPlan {
    let (kind, place) = match index {
        0 => (
            CellKind::Agency,
            "Hội trường Đảng ủy – HĐND – UBND xã".to_owned(),
        ),
        1 => (CellKind::School, "Phòng họp Trường Tiểu học".to_owned()),
        _ => (
            CellKind::Residential,
            format!(
                "Nhà văn hóa thôn {}",
                texts::HAMLETS
                    .get(index % texts::HAMLETS.len())
                    .copied()
                    .unwrap_or("Trung")
            ),
        ),
    };
    let size = rng.range(config.members.0, config.members.1).max(MIN_CELL) as usize;
    let probationary = 1 + rng.below(2);
    let mut people = Vec::with_capacity(size);
    for n in 0..size {
        let official = n + probationary < size;
        // The first five (leaders, committee members, inspectors) always work; elderly members of
        // hamlet cells are often exempted from meetings.
        let exempted = official
            && n >= 5
            && kind == CellKind::Residential
            && rng.chance(config.exempted_percent);
        people.push(Person {
            id: member_id(index, n),
            official,
            exempted,
        });
    }
    let officials = people.iter().filter(|p| p.official).count();
    let committee_size = if officials < 15 { 3 } else { 5 };
    let committee = people
        .iter()
        .take(committee_size)
        .map(|p| p.id.clone())
        .collect();
    let (regular, thematic) = times(index);
    CellPlan {
        index,
        id: CellId::new(format!("chi-bo-{:02}", index + 1)),
        kind,
        place,
        secretary: member_id(index, 0),
        deputy: member_id(index, 1),
        committee,
        follower: MemberId::default(),
        people,
        regular,
        thematic,
    }
}

/// The setup clock: one command every 30 seconds from 07:00 on 29 December of the year before.
struct Clock(Timestamp);

impl Clock {
    fn next(&mut self) -> Result<Timestamp, BenchError> {
        self.0 = plus(self.0, 30)?;
        Ok(self.0)
    }
}

const PROVINCE: &str = "tinh";
const PROVINCE_MEMBERS: [&str; 2] = ["tinh-01", "tinh-02"];

/// Draws the commune's organisation and enters it (one setup session).
pub(crate) fn build(
    rng: &mut Rng,
    config: &Config,
    commune: &CommuneId,
    out: &mut Out,
) -> Result<CommunePlan, BenchError> {
    let mut cells: Vec<CellPlan> = (0..config.cells.max(1))
        .map(|i| draw_cell(rng, config, i))
        .collect();
    let n = cells.len();
    let secretaries: Vec<MemberId> = cells.iter().map(|c| c.secretary.clone()).collect();
    for (i, cell) in cells.iter_mut().enumerate() {
        cell.follower = if n > 1 {
            secretaries.get((i + 1) % n).cloned().unwrap_or_default()
        } else {
            MemberId::new(PROVINCE_MEMBERS[0])
        };
    }
    let registrar = member_id(0, 1);
    let party_secretary = member_id(0, 0);
    let mut clock = Clock(at(date(config.year - 1, 12, 29)?, 7, 0)?);
    out.session();
    let name = texts::COMMUNES
        .get(rng.below(texts::COMMUNES.len()))
        .copied()
        .unwrap_or("Nga Trường");
    let establish = EstablishCommune {
        commune: commune.clone(),
        name: format!("Đảng bộ xã {name} ({commune})"),
        registrar: registrar.clone(),
        levels: vec![Level {
            id: LevelId::new(PROVINCE),
            name: "Tỉnh ủy Thanh Hóa".to_owned(),
            kind: LevelKind::Province,
            parent: None,
        }],
        rules: RuleChoice::default(),
    };
    out.push(
        &registrar,
        clock.next()?,
        Action::EstablishCommune(Box::new(establish)),
    );
    for cell in &cells {
        let name = match cell.kind {
            CellKind::Agency => "Chi bộ Cơ quan Đảng ủy – HĐND – UBND xã".to_owned(),
            CellKind::School => "Chi bộ Trường Tiểu học".to_owned(),
            _ => format!("Chi bộ thôn số {}", cell.index + 1),
        };
        let add = AddCell {
            cell: cell.id.clone(),
            name,
            kind: cell.kind,
        };
        out.push(&registrar, clock.next()?, Action::AddCell(add));
    }
    for id in PROVINCE_MEMBERS {
        let add = AddMember {
            member: MemberId::new(id),
            name: person_name(rng),
            home: Home::Level(LevelId::new(PROVINCE)),
            status: MemberStatus::Official,
            joined_on: date(1990, 3, 3)?,
        };
        out.push(&registrar, clock.next()?, Action::AddMember(add));
    }
    for cell in &cells {
        for p in &cell.people {
            let joined_on = if p.official {
                date(
                    i32::try_from(rng.range(1970, 2022)).unwrap_or(2000),
                    rng.range(1, 12),
                    rng.range(1, 28),
                )?
            } else {
                date(config.year - 1, rng.range(1, 12), rng.range(1, 28))?
            };
            let add = AddMember {
                member: p.id.clone(),
                name: person_name(rng),
                home: Home::Cell(cell.id.clone()),
                status: if p.official {
                    MemberStatus::Official
                } else {
                    MemberStatus::Probationary
                },
                joined_on,
            };
            out.push(&registrar, clock.next()?, Action::AddMember(add));
        }
    }
    for p in cells
        .iter()
        .flat_map(|c| c.people.iter())
        .filter(|p| p.exempted)
    {
        let flag = SetMemberFlag {
            member: p.id.clone(),
            flag: MemberFlag::Exempted,
            on: true,
            reason: Some("Tuổi cao, sức yếu, trên 40 năm tuổi Đảng".to_owned()),
        };
        out.push(&registrar, clock.next()?, Action::SetMemberFlag(flag));
    }
    let second = |k: usize, n: usize| cells.get(k).map(|c| member_id(c.index, n));
    let mut executive = secretaries.clone();
    executive.extend([member_id(0, 1), member_id(0, 2)]);
    let mut standing = vec![member_id(0, 0), member_id(0, 1), member_id(0, 2)];
    standing.extend([second(1, 0), second(2, 0)].into_iter().flatten());
    let mut inspection = vec![member_id(0, 2), member_id(0, 3), member_id(0, 4)];
    inspection.extend([second(1, 1), second(2, 1)].into_iter().flatten());
    for (committee, members) in [
        (CommitteeKind::Executive, &executive),
        (CommitteeKind::Standing, &standing),
        (CommitteeKind::Inspection, &inspection),
    ] {
        let appoint = AppointCommittee {
            committee,
            members: members.clone(),
        };
        out.push(&registrar, clock.next()?, Action::AppointCommittee(appoint));
    }
    for cell in &cells {
        let elect = ElectCellLeadership {
            cell: cell.id.clone(),
            secretary: cell.secretary.clone(),
            deputy: Some(cell.deputy.clone()),
            committee: cell.committee.clone(),
        };
        out.push(
            &registrar,
            clock.next()?,
            Action::ElectCellLeadership(elect),
        );
    }
    for (k, group) in cells.chunks(4).enumerate() {
        let form = FormCluster {
            cluster: ClusterId::new(format!("cum-{}", k + 1)),
            name: format!("Cụm {}", k + 1),
            cells: group.iter().map(|c| c.id.clone()).collect(),
            in_charge: standing
                .get(k % standing.len().max(1))
                .cloned()
                .unwrap_or_default(),
        };
        out.push(&registrar, clock.next()?, Action::FormCluster(form));
    }
    for cell in &cells {
        let mut followers = vec![cell.follower.clone()];
        if let Some(p) = PROVINCE_MEMBERS.get(cell.index) {
            followers.push(MemberId::new(*p));
        }
        followers.dedup();
        for member in followers {
            let assign = AssignFollower {
                cell: cell.id.clone(),
                member,
            };
            out.push(&registrar, clock.next()?, Action::AssignFollower(assign));
        }
    }
    Ok(CommunePlan {
        party_secretary,
        inspection,
        cells,
    })
}
