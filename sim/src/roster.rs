//! Who is who: the members of each cell, drawn from the seed. Role letters (see `agencies`): E
//! executive, S standing and I inspection committee of the commune, R registrar, B cell secretary,
//! P deputy, C cell committee member, D probationary, T exempted for maternity.

use crate::agencies;
use crate::names::NameGen;
use crate::rng::Rng;
use crate::story::{date, Fail};
use chibo::ids::{CellId, MemberId};
use chibo::organisation::{CellKind, MemberFlag};
use chrono::NaiveDate;

/// One member as the story knows them.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) id: MemberId,
    pub(crate) name: String,
    pub(crate) title: &'static str,
    pub(crate) roles: String,
    pub(crate) joined_on: NaiveDate,
    pub(crate) flag: Option<(MemberFlag, &'static str)>,
}

impl Person {
    pub(crate) fn has(&self, role: char) -> bool {
        self.roles.contains(role)
    }
}

/// One cell and its people.
#[derive(Debug, Clone)]
pub(crate) struct CellSpec {
    pub(crate) id: CellId,
    pub(crate) name: String,
    pub(crate) kind: CellKind,
    pub(crate) place: String,
    pub(crate) people: Vec<Person>,
}

const AGE: &[&str] = &[
    "Tuổi cao, sức yếu",
    "Tuổi cao, trên 40 năm tuổi Đảng",
    "Tuổi cao, thường xuyên đau ốm",
];
const TRANSFER: &[&str] = &[
    "Chuyển sinh hoạt tạm thời đến Đảng bộ Công ty TNHH giày Alena (KCN Bỉm Sơn)",
    "Chuyển sinh hoạt tạm thời đến Chi bộ Công ty CP Xây dựng số 5 (Hà Nội)",
    "Chuyển sinh hoạt tạm thời đến Đảng bộ Khu công nghiệp Nghi Sơn",
];

fn joined(rng: &mut Rng, from: u32, to: u32) -> Result<NaiveDate, Fail> {
    date(
        rng.range(from, to) as i32,
        rng.range(1, 12),
        rng.range(1, 28),
    )
}

/// An agency or school cell from its table of roles.
pub(crate) fn agency(
    rng: &mut Rng,
    names: &mut NameGen,
    index: usize,
    commune: &str,
) -> Result<Option<CellSpec>, Fail> {
    let Some((id, prefix, name, kind, place, roles)) = agencies::AGENCIES.get(index) else {
        return Ok(None);
    };
    let mut people = Vec::new();
    for (n, (title, women, letters)) in roles.iter().enumerate() {
        let probationary = letters.contains('D');
        let joined_on = if probationary {
            joined(rng, 2024, 2024)?
        } else {
            joined(rng, 1995, 2021)?
        };
        let flag = letters
            .contains('T')
            .then_some((MemberFlag::Exempted, "Nghỉ chế độ thai sản"));
        people.push(Person {
            id: MemberId::new(format!("{prefix}-{:02}", n + 1)),
            name: {
                let female = rng.chance(*women);
                names.next(rng, female)
            },
            title,
            roles: (*letters).to_owned(),
            joined_on,
            flag,
        });
    }
    Ok(Some(CellSpec {
        id: CellId::new(*id),
        name: (*name).to_owned(),
        kind: *kind,
        place: place.replace(agencies::HOME, commune),
        people,
    }))
}

/// A hamlet cell of `size` members: elderly members (some exempted), a few probationary ones, and
/// now and then one working away (transferred) or suspended. `odd` counts those across the commune.
pub(crate) fn hamlet(
    rng: &mut Rng,
    names: &mut NameGen,
    number: u32,
    size: u32,
    odd: &mut u32,
) -> Result<CellSpec, Fail> {
    let probationary = rng.range(1, 2);
    let mut people = Vec::new();
    for n in 0..size {
        let cohort = rng.below(100);
        let id = MemberId::new(format!("x{number:02}-{:02}", n + 1));
        let is_probationary = n >= size - probationary;
        let joined_on = match (is_probationary, cohort) {
            (true, _) => date(2024, rng.range(2, 12), rng.range(1, 28))?,
            (false, 0..=29) => joined(rng, 1966, 1990)?,
            (false, 30..=74) => joined(rng, 1991, 2012)?,
            _ => joined(rng, 2013, 2023)?,
        };
        let flag = if is_probationary {
            None
        } else if number == 7 && n == 3 {
            Some((
                MemberFlag::Suspended,
                "Theo quyết định của Ban Thường vụ Đảng ủy",
            ))
        } else if cohort < 30 && rng.chance(45) {
            Some((MemberFlag::Exempted, rng.text(AGE)))
        } else if cohort < 75 && rng.chance(2) {
            Some((MemberFlag::Exempted, "Ốm đau dài ngày"))
        } else if cohort >= 75 && *odd < 3 && rng.chance(12) {
            *odd += 1;
            Some((MemberFlag::Transferred, rng.text(TRANSFER)))
        } else {
            None
        };
        let female = rng.chance(35);
        people.push(Person {
            id,
            name: names.next(rng, female),
            title: if is_probationary {
                "Đảng viên dự bị"
            } else {
                "Đảng viên"
            },
            roles: if is_probationary {
                "D".to_owned()
            } else {
                String::new()
            },
            joined_on,
            flag,
        });
    }
    elect_hamlet_leaders(rng, &mut people);
    Ok(CellSpec {
        id: CellId::new(format!("xom-{number:02}")),
        name: format!("Chi bộ xóm {number}"),
        kind: CellKind::Residential,
        place: format!("Nhà văn hóa xóm {number}"),
        people,
    })
}

/// Secretary, deputy and (from 9 officials) a committee of 3 or 5, from officials who can work.
fn elect_hamlet_leaders(rng: &mut Rng, people: &mut [Person]) {
    let officials = people.iter().filter(|p| !p.has('D')).count();
    let mut candidates: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.has('D') && p.flag.is_none())
        .map(|(i, _)| i)
        .collect();
    rng.shuffle(&mut candidates);
    let committee = match officials {
        0..=8 => 0,
        9..=14 => 1,
        _ => 3,
    };
    for (rank, i) in candidates.iter().take(2 + committee).enumerate() {
        if let Some(p) = people.get_mut(*i) {
            let (letter, title) = match rank {
                0 => ('B', "Bí thư chi bộ"),
                1 => ('P', "Phó Bí thư chi bộ, Trưởng xóm"),
                _ => ('C', "Chi ủy viên"),
            };
            p.roles.push(letter);
            p.title = title;
        }
    }
}
