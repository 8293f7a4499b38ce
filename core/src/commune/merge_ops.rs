//! Communes merged into this one: see [`crate::organisation::HandedOverCommune`].

use super::Commune;
use crate::command::MergeCommunes;
use crate::error::{Error, LookupError};
use crate::ids::{CellId, MemberId};
use crate::organisation::{Cell, CellOrigin, FormerName, HandedOverCell, Home, Leadership, Member};
use crate::text;
use crate::time::Timestamp;
use std::collections::{BTreeMap, BTreeSet};

impl Commune {
    pub(super) fn merge_communes(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &MergeCommunes,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "merge_communes")?;
        text::required("name", &c.name)?;
        text::non_empty("absorbed", &c.absorbed)?;
        self.check_handover(c)?;
        // Checked: the commune goes on under its new id and name, and takes the cells over.
        let org = &mut self.organisation;
        org.former.push(FormerName {
            commune: std::mem::replace(&mut org.id, c.commune.clone()),
            name: std::mem::replace(&mut org.name, c.name.clone()),
            until: at.date_naive(),
        });
        for absorbed in &c.absorbed {
            let origin = CellOrigin {
                commune: absorbed.commune.clone(),
                name: absorbed.name.clone(),
                journal: absorbed.journal,
            };
            for cell in &absorbed.cells {
                for m in &cell.members {
                    let member = Member {
                        id: m.member.clone(),
                        name: m.name.clone(),
                        home: Home::Cell(cell.cell.clone()),
                        status: m.status,
                        exempted: m.exempted.clone(),
                        suspended: m.suspended,
                        transferred: m.transferred.clone(),
                        joined_on: m.joined_on,
                        left_on: None,
                    };
                    org.members.insert(member.id.clone(), member);
                }
                org.cells.insert(
                    cell.cell.clone(),
                    handed_over(cell, origin.clone(), at.date_naive()),
                );
            }
        }
        Ok(())
    }

    /// Refuses a handover that would clash with what the commune holds, or that names a leader
    /// who is not among the cell's members.
    fn check_handover(&self, c: &MergeCommunes) -> Result<(), Error> {
        let org = &self.organisation;
        let mut communes = BTreeSet::from([&org.id]);
        let mut cells: BTreeSet<&CellId> = BTreeSet::new();
        let mut members: BTreeSet<&MemberId> = BTreeSet::new();
        for absorbed in &c.absorbed {
            text::required("name", &absorbed.name)?;
            if !communes.insert(&absorbed.commune) {
                return Err(LookupError::duplicate("commune", &absorbed.commune).into());
            }
            for cell in &absorbed.cells {
                text::required("name", &cell.name)?;
                if org.cells.contains_key(&cell.cell) || !cells.insert(&cell.cell) {
                    return Err(LookupError::duplicate("cell", &cell.cell).into());
                }
                for m in &cell.members {
                    text::required("name", &m.name)?;
                    if org.members.contains_key(&m.member) || !members.insert(&m.member) {
                        return Err(LookupError::duplicate("member", &m.member).into());
                    }
                }
                let roll: BTreeSet<&MemberId> = cell.members.iter().map(|m| &m.member).collect();
                if let Some(stranger) = cell
                    .secretary
                    .iter()
                    .chain(cell.deputy.iter())
                    .chain(cell.committee.iter())
                    .find(|m| !roll.contains(m))
                {
                    return Err(LookupError::unknown("member", stranger).into());
                }
            }
        }
        Ok(())
    }
}

/// The cell as the merged commune holds it: its leadership kept, no followers or cluster yet
/// (the merged commune assigns its own), its origin recorded.
fn handed_over(cell: &HandedOverCell, origin: CellOrigin, since: chrono::NaiveDate) -> Cell {
    Cell {
        id: cell.cell.clone(),
        name: cell.name.clone(),
        kind: cell.kind,
        members: cell.members.iter().map(|m| m.member.clone()).collect(),
        leadership: Leadership {
            secretary: cell.secretary.clone(),
            deputy: cell.deputy.clone(),
            committee: cell.committee.iter().cloned().collect(),
        },
        followers: BTreeSet::new(),
        cluster: None,
        drafting_delegates: BTreeMap::new(),
        origin: Some(origin),
        since: Some(since),
    }
}
