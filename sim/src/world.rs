//! The organisation of Nga Trường: levels above, 16 cells and their members, the commune's
//! committees and the cells' leadership — all entered through `Commune::execute` on 30 December
//! 2024 (clusters and followers: `links`).

pub(crate) use crate::links::CellInfo;

use crate::links::{self, HIGHER};
use crate::roster::{self, CellSpec, Person};
use crate::setting::Setting;
use crate::story::{at, date, Fail, Story};
use chibo::command::{
    AddCell, AddMember, AppointCommittee, ElectCellLeadership, EstablishCommune, SetMemberFlag,
};
use chibo::ids::{LevelId, MemberId};
use chibo::organisation::{CommitteeKind, Home, Level, LevelKind, MemberStatus};
use chibo::rules::RuleChoice;
use chibo::time::Timestamp;
use chibo::Action;
use chrono::Duration;
use std::collections::BTreeMap;

/// Who is who, for the rest of the story and for whoever prints it.
#[derive(Debug, Clone)]
pub struct World {
    /// The member who keeps the commune's records (the party office's chief).
    pub registrar: MemberId,
    /// The commune's party secretary, who issues the monthly direction.
    pub party_secretary: MemberId,
    /// The commune's inspection committee.
    pub inspection: Vec<MemberId>,
    /// The cells, hamlets first, as the year's loop holds them.
    pub cells: Vec<CellInfo>,
    /// Each member's job title (the higher levels' followers included).
    pub titles: BTreeMap<MemberId, &'static str>,
    /// The clusters of cells and the standing committee member in charge of each.
    pub clusters: Vec<crate::links::Cluster>,
}

/// The setup clock: one minute per command from 07:30 on 30 December 2024.
pub(crate) struct Clock {
    start: Timestamp,
    tick: i64,
}

impl Clock {
    pub(crate) fn next(&mut self) -> Timestamp {
        self.tick += 1;
        self.start + Duration::minutes(self.tick)
    }
}

pub(crate) fn ids(people: &[&Person], role: char) -> Vec<MemberId> {
    people
        .iter()
        .filter(|p| p.has(role))
        .map(|p| p.id.clone())
        .collect()
}

fn levels() -> Vec<Level> {
    vec![
        Level {
            id: LevelId::new("tinh-th"),
            name: "Tỉnh ủy Thanh Hóa".to_owned(),
            kind: LevelKind::Province,
            parent: None,
        },
        Level {
            id: LevelId::new("huyen-ns"),
            name: "Huyện ủy Nga Sơn".to_owned(),
            kind: LevelKind::District,
            parent: Some(LevelId::new("tinh-th")),
        },
    ]
}

/// Draws the cells and enters the whole organisation of the commune `setting` names.
pub(crate) fn build(story: &mut Story, setting: &Setting) -> Result<World, Fail> {
    let mut specs: Vec<CellSpec> = Vec::new();
    let mut odd = 0;
    for number in 1..=11 {
        let size = story.rng.range(19, 28);
        specs.push(roster::hamlet(
            &mut story.rng,
            &mut story.names,
            number,
            size,
            &mut odd,
        )?);
    }
    for index in 0..crate::agencies::AGENCIES.len() {
        if let Some(spec) = roster::agency(&mut story.rng, &mut story.names, index, &setting.name)?
        {
            specs.push(spec);
        }
    }
    let registrar = MemberId::new("du-05");
    let mut clock = Clock {
        start: at(date(2024, 12, 30)?, 7, 30)?,
        tick: 0,
    };
    let establish = EstablishCommune {
        commune: setting.commune.clone(),
        name: setting.party_committee(),
        registrar: registrar.clone(),
        levels: levels(),
        rules: RuleChoice::default(),
    };
    story.run(
        &registrar,
        clock.next(),
        Action::EstablishCommune(Box::new(establish)),
    )?;
    for spec in &specs {
        let add = AddCell {
            cell: spec.id.clone(),
            name: spec.name.clone(),
            kind: spec.kind,
        };
        story.run(&registrar, clock.next(), Action::AddCell(add))?;
    }
    let mut titles = BTreeMap::new();
    for (id, level, title, _) in HIGHER {
        let name = story.names.next(&mut story.rng, false);
        let add = AddMember {
            member: MemberId::new(*id),
            name,
            home: Home::Level(LevelId::new(*level)),
            status: MemberStatus::Official,
            joined_on: date(1992, 3, 3)?,
        };
        story.run(&registrar, clock.next(), Action::AddMember(add))?;
        titles.insert(MemberId::new(*id), *title);
    }
    for spec in &specs {
        for p in &spec.people {
            let status = if p.has('D') {
                MemberStatus::Probationary
            } else {
                MemberStatus::Official
            };
            let add = AddMember {
                member: p.id.clone(),
                name: p.name.clone(),
                home: Home::Cell(spec.id.clone()),
                status,
                joined_on: p.joined_on,
            };
            story.run(&registrar, clock.next(), Action::AddMember(add))?;
            titles.insert(p.id.clone(), p.title);
        }
    }
    for p in specs.iter().flat_map(|s| s.people.iter()) {
        if let Some((flag, reason)) = p.flag {
            let set = SetMemberFlag {
                member: p.id.clone(),
                flag,
                on: true,
                reason: Some(reason.to_owned()),
            };
            story.run(&registrar, clock.next(), Action::SetMemberFlag(set))?;
        }
    }
    let everyone: Vec<&Person> = specs.iter().flat_map(|s| s.people.iter()).collect();
    for (kind, role) in [
        (CommitteeKind::Executive, 'E'),
        (CommitteeKind::Standing, 'S'),
        (CommitteeKind::Inspection, 'I'),
    ] {
        let appoint = AppointCommittee {
            committee: kind,
            members: ids(&everyone, role),
        };
        story.run(&registrar, clock.next(), Action::AppointCommittee(appoint))?;
    }
    for spec in &specs {
        elect(story, &registrar, clock.next(), spec)?;
    }
    let (cells, clusters) = links::link(story, &registrar, &mut clock, &specs, &everyone)?;
    Ok(World {
        registrar,
        party_secretary: MemberId::new("du-01"),
        inspection: ids(&everyone, 'I'),
        cells,
        titles,
        clusters,
    })
}

/// a secretary and deputy; from 9 officials (exempted included) a committee that holds both.
fn elect(
    story: &mut Story,
    registrar: &MemberId,
    when: Timestamp,
    spec: &CellSpec,
) -> Result<(), Fail> {
    let people: Vec<&Person> = spec.people.iter().collect();
    let first = |role| ids(&people, role).into_iter().next();
    let secretary =
        first('B').ok_or_else(|| Fail::Story(format!("{} chưa có bí thư", spec.name)))?;
    let deputy = first('P');
    let officials = people.iter().filter(|p| !p.has('D')).count();
    let committee = if officials >= story.commune.rules().committee_threshold.value as usize {
        people
            .iter()
            .filter(|p| p.has('B') || p.has('P') || p.has('C'))
            .map(|p| p.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let elect = ElectCellLeadership {
        cell: spec.id.clone(),
        secretary,
        deputy,
        committee,
    };
    story.run(registrar, when, Action::ElectCellLeadership(elect))
}
