//! The organisation's rules (R-00, R-10..R-14) as checks on the record: each takes the command's
//! content, refuses what cannot be, and says what the change is. The commune applies it.

use super::{Home, Leadership, Level, Member, MemberFlag, MemberStatus, Organisation};
use crate::command::{
    AddCell, AddMember, AssignFollower, ElectCellLeadership, FormCluster, ReorganiseLevels,
    SetMemberFlag,
};
use crate::error::{Error, InputError, LookupError, OrganisationError, FOLLOWER};
use crate::ids::{CellId, LevelId, MemberId};
use crate::rules::Rules;
use crate::text;
use std::collections::{BTreeMap, BTreeSet};

impl Organisation {
    /// The levels a new commune starts with, by id: each named once, each parent among them.
    pub(crate) fn founding_levels(levels: &[Level]) -> Result<BTreeMap<LevelId, Level>, Error> {
        let mut by_id = BTreeMap::new();
        for level in levels {
            text::required("name", &level.name)?;
            if by_id.insert(level.id.clone(), level.clone()).is_some() {
                return Err(LookupError::duplicate("level", &level.id).into());
            }
        }
        if let Some(orphan) = levels
            .iter()
            .filter_map(|l| l.parent.as_ref())
            .find(|p| !by_id.contains_key(*p))
        {
            return Err(LookupError::unknown("level", orphan).into());
        }
        Ok(by_id)
    }

    /// Checks a reorganisation of the levels: something changes, new levels are new and
    /// hang under a level in force or a new one, abolished levels are in force and named once.
    /// Returns the members of the abolished levels, who stop following cells.
    pub(crate) fn check_reorganisation(
        &self,
        c: &ReorganiseLevels,
    ) -> Result<BTreeSet<MemberId>, Error> {
        if c.add.is_empty() && c.abolish.is_empty() {
            return Err(InputError::Empty {
                field: "add".to_owned(),
            }
            .into());
        }
        let mut added = BTreeSet::new();
        for level in &c.add {
            text::required("name", &level.name)?;
            if self.levels.contains_key(&level.id) || !added.insert(&level.id) {
                return Err(LookupError::duplicate("level", &level.id).into());
            }
        }
        for parent in c.add.iter().filter_map(|l| l.parent.as_ref()) {
            if !added.contains(parent) {
                self.level_in_force(parent)?;
            }
        }
        let mut abolished = BTreeSet::new();
        for level in &c.abolish {
            self.level_in_force(level)?;
            if !abolished.insert(level) {
                return Err(LookupError::duplicate("level", level).into());
            }
        }
        Ok(self
            .members
            .values()
            .filter(|m| matches!(&m.home, Home::Level(l) if abolished.contains(l)))
            .map(|m| m.id.clone())
            .collect())
    }

    /// Refuses a new cell whose id is taken or that has no name.
    pub(crate) fn check_new_cell(&self, c: &AddCell) -> Result<(), Error> {
        if self.cells.contains_key(&c.cell) {
            return Err(LookupError::duplicate("cell", &c.cell).into());
        }
        text::required("name", &c.name)?;
        Ok(())
    }

    /// Refuses a new member whose id is taken, who has no name, or whose home is no cell or no
    /// level in force.
    pub(crate) fn check_new_member(&self, c: &AddMember) -> Result<(), Error> {
        if self.members.contains_key(&c.member) {
            return Err(LookupError::duplicate("member", &c.member).into());
        }
        text::required("name", &c.name)?;
        match &c.home {
            Home::Cell(cell) => self.cell(cell).map(|_| ()),
            Home::Level(level) => self.level_in_force(level).map(|_| ()),
        }
    }

    /// A member still on the roll, to change: one who left is refused.
    pub(crate) fn active_member_mut(&mut self, id: &MemberId) -> Result<&mut Member, Error> {
        let member = self
            .members
            .get_mut(id)
            .ok_or_else(|| LookupError::unknown("member", id))?;
        if member.is_active() {
            Ok(member)
        } else {
            Err(OrganisationError::MemberLeft { member: id.clone() }.into())
        }
    }

    /// The members of a commune committee as appointed: each known, on the roll, named once.
    pub(crate) fn check_committee(
        &self,
        members: &[MemberId],
    ) -> Result<BTreeSet<MemberId>, Error> {
        let mut chosen = BTreeSet::new();
        for id in members {
            if !self.member(id)?.is_active() {
                return Err(OrganisationError::MemberLeft { member: id.clone() }.into());
            }
            if !chosen.insert(id.clone()) {
                return Err(LookupError::duplicate("member", id).into());
            }
        }
        Ok(chosen)
    }

    /// Checks a cell's election under `rules`: the secretary is not the deputy, every one
    /// elected may stand in the cell, and a cell committee exactly when the cell has enough
    /// official members, no larger than the rules allow, holding the secretary and deputy.
    /// Returns the leadership elected.
    pub(crate) fn check_leadership(
        &self,
        c: &ElectCellLeadership,
        rules: &Rules,
    ) -> Result<Leadership, Error> {
        let cell = self.cell(&c.cell)?;
        if c.deputy.as_ref() == Some(&c.secretary) {
            return Err(OrganisationError::SecretaryIsDeputy {
                member: c.secretary.clone(),
            }
            .into());
        }
        let candidates = std::iter::once(&c.secretary)
            .chain(c.deputy.iter())
            .chain(c.committee.iter());
        for id in candidates {
            self.member(id)?.may_stand(&cell.id).map_err(|reason| {
                OrganisationError::NotEligibleForElection {
                    member: id.clone(),
                    reason,
                }
            })?;
        }
        let mut committee = BTreeSet::new();
        for id in &c.committee {
            if !committee.insert(id.clone()) {
                return Err(LookupError::duplicate("member", id).into());
            }
        }
        check_committee_size(&cell.id, self.official_count(cell), &committee, rules)?;
        if !committee.is_empty() {
            if let Some(leader) = std::iter::once(&c.secretary)
                .chain(c.deputy.iter())
                .find(|l| !committee.contains(*l))
            {
                return Err(OrganisationError::LeaderNotInCommittee {
                    member: leader.clone(),
                }
                .into());
            }
        }
        Ok(Leadership {
            secretary: Some(c.secretary.clone()),
            deputy: c.deputy.clone(),
            committee,
        })
    }

    /// Checks a new cluster: a new id with a name, a standing committee member in charge, known
    /// cells. Returns its cells.
    pub(crate) fn check_cluster(&self, c: &FormCluster) -> Result<BTreeSet<CellId>, Error> {
        if self.clusters.contains_key(&c.cluster) {
            return Err(LookupError::duplicate("cluster", &c.cluster).into());
        }
        text::required("name", &c.name)?;
        if !self.committees.standing.contains(&c.in_charge) {
            return Err(OrganisationError::NotStandingMember {
                member: c.in_charge.clone(),
            }
            .into());
        }
        let cells: BTreeSet<CellId> = c.cells.iter().cloned().collect();
        for cell in &cells {
            self.cell(cell)?;
        }
        Ok(cells)
    }

    /// Checks a follower for a cell: on the roll, a higher-level member for it (or, where
    /// `rules` allow, one of its own members), not following it already.
    pub(crate) fn check_follower(&self, c: &AssignFollower, rules: &Rules) -> Result<(), Error> {
        let cell = self.cell(&c.cell)?;
        let member = self.member(&c.member)?;
        if !member.is_active() {
            return Err(OrganisationError::MemberLeft {
                member: c.member.clone(),
            }
            .into());
        }
        if member.cell() == Some(&cell.id) {
            if rules.follower_not_own_cell.value {
                return Err(OrganisationError::FollowerOwnCell {
                    member: c.member.clone(),
                    cell: cell.id.clone(),
                }
                .into());
            }
        } else if !self.is_higher_level_for(&c.member, cell) {
            return Err(OrganisationError::NotHigherLevel {
                member: c.member.clone(),
                cell: cell.id.clone(),
            }
            .into());
        }
        if cell.followers.contains(&c.member) {
            return Err(OrganisationError::NoChange {
                member: c.member.clone(),
                what: FOLLOWER.to_owned(),
            }
            .into());
        }
        Ok(())
    }
}

/// a cell with fewer official members than `committee_threshold` elects no committee; one
/// with as many elects one of at most `max_committee_size`.
fn check_committee_size(
    cell: &CellId,
    officials: u32,
    committee: &BTreeSet<MemberId>,
    rules: &Rules,
) -> Result<(), Error> {
    let threshold = rules.committee_threshold.value;
    if officials < threshold {
        if !committee.is_empty() {
            return Err(OrganisationError::CommitteeNotAllowed {
                cell: cell.clone(),
                officials,
                threshold,
            }
            .into());
        }
        return Ok(());
    }
    if committee.is_empty() {
        return Err(OrganisationError::CommitteeRequired {
            cell: cell.clone(),
            officials,
            threshold,
        }
        .into());
    }
    let size = crate::count(committee.len());
    let max = rules.max_committee_size.value;
    if size > max {
        return Err(OrganisationError::CommitteeTooLarge { size, max }.into());
    }
    Ok(())
}

impl Member {
    /// Refuses setting a member's status to the one he has.
    pub(crate) fn check_status_change(&self, status: MemberStatus) -> Result<(), Error> {
        if self.status != status {
            return Ok(());
        }
        let what = match status {
            MemberStatus::Official => "official",
            MemberStatus::Probationary => "probationary",
        };
        Err(OrganisationError::NoChange {
            member: self.id.clone(),
            what: what.to_owned(),
        }
        .into())
    }

    /// Refuses setting a flag the member has, or clearing one he has not.
    pub(crate) fn check_flag_change(&self, flag: MemberFlag, on: bool) -> Result<(), Error> {
        let (is_set, name) = match flag {
            MemberFlag::Exempted => (self.exempted.is_some(), "exempted"),
            MemberFlag::Suspended => (self.suspended.is_some(), "suspended"),
            MemberFlag::Transferred => (self.transferred.is_some(), "transferred"),
        };
        if is_set != on {
            return Ok(());
        }
        let what = if on {
            name.to_owned()
        } else {
            format!("not {name}")
        };
        Err(OrganisationError::NoChange {
            member: self.id.clone(),
            what,
        }
        .into())
    }

    /// Refuses moving a member to the cell he is in.
    pub(crate) fn check_move(&self, cell: &CellId) -> Result<(), Error> {
        if self.cell() == Some(cell) {
            return Err(OrganisationError::NoChange {
                member: self.id.clone(),
                what: format!("in cell {cell}"),
            }
            .into());
        }
        Ok(())
    }
}

/// The reason a flag's change carries: required to exempt or transfer a member, optional
/// (but bounded) otherwise.
pub(crate) fn flag_reason(c: &SetMemberFlag) -> Result<String, Error> {
    let reason = c.reason.clone().unwrap_or_default();
    if c.on && c.flag != MemberFlag::Suspended {
        text::required("reason", &reason)?;
    } else {
        text::bounded("reason", &reason)?;
    }
    Ok(reason)
}
