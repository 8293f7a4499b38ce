//! Who looks after whom: clusters of cells, each in the charge of a standing committee
//! member, and the higher-level members assigned to follow each cell (never their own).

use crate::roster::{CellSpec, Person};
use crate::story::{Fail, Story};
use crate::world::Clock;
use chibo::command::{AssignFollower, FormCluster};
use chibo::ids::{CellId, ClusterId, MemberId};
use chibo::organisation::CellKind;
use chibo::Action;

/// A cell as the year's loop needs it.
#[derive(Debug, Clone)]
pub struct CellInfo {
    /// The cell's id.
    pub id: CellId,
    /// The cell's name ("Chi bộ xóm 1"…).
    pub name: String,
    /// Hamlet, agency or school cell.
    pub kind: CellKind,
    /// Where it meets.
    pub place: String,
    /// The usual meeting day of the month.
    pub day: u32,
    /// The usual meeting hour.
    pub hour: u32,
    /// The usual meeting minute.
    pub minute: u32,
    /// Higher-level members following the cell, the commune's one first.
    pub followers: Vec<MemberId>,
    /// The standing committee member in charge of its cluster.
    pub in_charge: MemberId,
}

const CLUSTERS: &[(&str, &str, &str, &[&str])] = &[
    (
        "cum-1",
        "Cụm 1: xóm 1–4",
        "du-02",
        &["xom-01", "xom-02", "xom-03", "xom-04"],
    ),
    (
        "cum-2",
        "Cụm 2: xóm 5–8",
        "ub-01",
        &["xom-05", "xom-06", "xom-07", "xom-08"],
    ),
    (
        "cum-3",
        "Cụm 3: xóm 9–11",
        "du-03",
        &["xom-09", "xom-10", "xom-11"],
    ),
    (
        "cum-4",
        "Cụm 4: khối cơ quan, trường học",
        "ub-04",
        &[
            "co-quan-dang-uy",
            "co-quan-ubnd",
            "mam-non",
            "tieu-hoc",
            "thcs",
        ],
    ),
];

pub(crate) const HIGHER: &[(&str, &str, &str, &[&str])] = &[
    (
        "huyen-01",
        "huyen-ns",
        "Ủy viên Ban Thường vụ Huyện ủy Nga Sơn",
        &["xom-01", "co-quan-dang-uy"],
    ),
    (
        "huyen-02",
        "huyen-ns",
        "Huyện ủy viên, Phó Trưởng Ban Tổ chức Huyện ủy",
        &["xom-06", "thcs"],
    ),
    ("tinh-01", "tinh-th", "Tỉnh ủy viên, Tỉnh ủy Thanh Hóa", &[]),
];

/// A cluster of cells: its name and the standing committee member in charge.
pub type Cluster = (String, MemberId);

/// Forms the clusters and assigns followers; returns the cells as the year needs them.
pub(crate) fn link(
    story: &mut Story,
    registrar: &MemberId,
    clock: &mut Clock,
    specs: &[CellSpec],
    everyone: &[&Person],
) -> Result<(Vec<CellInfo>, Vec<Cluster>), Fail> {
    let mut clusters = Vec::new();
    for (id, name, lead, cells) in CLUSTERS {
        let form = FormCluster {
            cluster: ClusterId::new(*id),
            name: (*name).to_owned(),
            cells: cells.iter().map(|c| CellId::new(*c)).collect(),
            in_charge: MemberId::new(*lead),
        };
        story.run(registrar, clock.next(), Action::FormCluster(form))?;
        clusters.push(((*name).to_owned(), MemberId::new(*lead)));
    }
    let pool: Vec<&Person> = everyone
        .iter()
        .copied()
        .filter(|p| p.has('E') && !p.has('S'))
        .collect();
    let mut cells = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        let own = |p: &&Person| spec.people.iter().any(|q| q.id == p.id);
        let follower = (0..pool.len())
            .filter_map(|k| pool.get((i + k) % pool.len()))
            .find(|p| !own(p))
            .map(|p| p.id.clone())
            .ok_or_else(|| Fail::Story(format!("không có ủy viên theo dõi {}", spec.name)))?;
        let mut followers = vec![follower];
        followers.extend(
            HIGHER
                .iter()
                .filter(|h| h.3.contains(&spec.id.as_str()))
                .map(|h| MemberId::new(h.0)),
        );
        for member in &followers {
            let assign = AssignFollower {
                cell: spec.id.clone(),
                member: member.clone(),
            };
            story.run(registrar, clock.next(), Action::AssignFollower(assign))?;
        }
        let in_charge = CLUSTERS
            .iter()
            .find(|c| c.3.contains(&spec.id.as_str()))
            .map(|c| MemberId::new(c.2))
            .ok_or_else(|| Fail::Story(format!("{} không thuộc cụm nào", spec.name)))?;
        let (day, hour, minute) = match spec.kind {
            CellKind::Residential => (5 + i as u32 % 4, if i % 2 == 0 { 7 } else { 19 }, 30),
            CellKind::Agency => (9 + i as u32 % 2, 14, 0),
            _ => (10 + i as u32 % 3, 15, 30),
        };
        cells.push(CellInfo {
            id: spec.id.clone(),
            name: spec.name.clone(),
            kind: spec.kind,
            place: spec.place.clone(),
            day,
            hour,
            minute,
            followers,
            in_charge,
        });
    }
    Ok((cells, clusters))
}
