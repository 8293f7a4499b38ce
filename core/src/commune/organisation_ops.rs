//! Organisation commands (R-10..R-14).

use super::Commune;
use crate::command::{
    AddCell, AddMember, AmendRules, AppointCommittee, AssignFollower, ElectCellLeadership,
    EstablishCommune, FormCluster, MemberLeaves, MoveMember, ReorganiseLevels, SetMemberFlag,
    SetMemberStatus,
};
use crate::error::{denied, FOLLOWER};
use crate::error::{Error, InputError, LookupError, Needed, OrganisationError, TransitionError};
use crate::ids::{CellId, MemberId};
use crate::organisation::{
    Cell, Cluster, Exemption, Home, Leadership, Member, MemberFlag, MemberStatus, Organisation,
    Transfer,
};
use crate::text;
use crate::time::Timestamp;
use std::collections::BTreeSet;

fn active_member<'a>(org: &'a mut Organisation, id: &MemberId) -> Result<&'a mut Member, Error> {
    let member = org
        .members
        .get_mut(id)
        .ok_or_else(|| LookupError::unknown("member", id))?;
    if member.is_active() {
        Ok(member)
    } else {
        Err(OrganisationError::MemberLeft { member: id.clone() }.into())
    }
}

impl Commune {
    pub(super) fn require_registrar(&self, actor: &MemberId, action: &str) -> Result<(), Error> {
        if self.organisation.is_registrar(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::Registrar))
        }
    }

    pub(super) fn establish(&mut self, c: &EstablishCommune, at: Timestamp) -> Result<(), Error> {
        if self.established {
            return Err(TransitionError::out_of_order(
                "commune",
                &c.commune,
                "established",
                "establish_commune",
                "not established",
            )
            .into());
        }
        text::required("name", &c.name)?;
        text::required("registrar", c.registrar.as_str())?;
        let mut levels = std::collections::BTreeMap::new();
        for level in &c.levels {
            text::required("name", &level.name)?;
            if levels.insert(level.id.clone(), level.clone()).is_some() {
                return Err(LookupError::duplicate("level", &level.id).into());
            }
        }
        if let Some(orphan) = c
            .levels
            .iter()
            .filter_map(|l| l.parent.as_ref())
            .find(|p| !levels.contains_key(*p))
        {
            return Err(LookupError::unknown("level", orphan).into());
        }
        self.rule_book = c.rules.book();
        self.rule_choice = c.rules.clone();
        self.organisation = Organisation {
            id: c.commune.clone(),
            name: c.name.clone(),
            registrar: c.registrar.clone(),
            levels,
            ..Organisation::default()
        };
        self.established = true;
        self.established_at = Some(at);
        Ok(())
    }

    pub(super) fn amend_rules(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &AmendRules,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "amend_rules")?;
        if c.from < at.date_naive() {
            return Err(TransitionError::RetroactiveRule { from: c.from, at }.into());
        }
        self.rule_book.amend(c.from, c.overrides.clone());
        Ok(())
    }

    pub(super) fn reorganise_levels(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &ReorganiseLevels,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "reorganise_levels")?;
        if c.add.is_empty() && c.abolish.is_empty() {
            return Err(InputError::Empty {
                field: "add".to_owned(),
            }
            .into());
        }
        let org = &self.organisation;
        let mut added = BTreeSet::new();
        for level in &c.add {
            text::required("name", &level.name)?;
            if org.levels.contains_key(&level.id) || !added.insert(&level.id) {
                return Err(LookupError::duplicate("level", &level.id).into());
            }
        }
        for level in &c.add {
            if let Some(parent) = &level.parent {
                if !added.contains(parent) {
                    org.level_in_force(parent)?;
                }
            }
        }
        let mut abolished = BTreeSet::new();
        for level in &c.abolish {
            org.level_in_force(level)?;
            if !abolished.insert(level) {
                return Err(LookupError::duplicate("level", level).into());
            }
        }
        // Checked: now the change. Members of an abolished level stop following cells; what
        // they did before stays in the records.
        let day = at.date_naive();
        let ended: BTreeSet<MemberId> = org
            .members
            .values()
            .filter(|m| matches!(&m.home, Home::Level(l) if abolished.contains(l)))
            .map(|m| m.id.clone())
            .collect();
        let org = &mut self.organisation;
        for level in &c.add {
            org.levels.insert(level.id.clone(), level.clone());
        }
        for level in &c.abolish {
            org.abolished_levels.insert(level.clone(), day);
        }
        for cell in org.cells.values_mut() {
            cell.followers.retain(|m| !ended.contains(m));
        }
        Ok(())
    }

    pub(super) fn add_cell(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &AddCell,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "add_cell")?;
        if self.organisation.cells.contains_key(&c.cell) {
            return Err(LookupError::duplicate("cell", &c.cell).into());
        }
        text::required("name", &c.name)?;
        self.organisation.cells.insert(
            c.cell.clone(),
            Cell {
                drafting_delegates: std::collections::BTreeMap::new(),
                origin: None,
                since: Some(at.date_naive()),
                id: c.cell.clone(),
                name: c.name.clone(),
                kind: c.kind,
                members: BTreeSet::new(),
                leadership: Leadership::default(),
                followers: BTreeSet::new(),
                cluster: None,
            },
        );
        Ok(())
    }

    pub(super) fn add_member(&mut self, actor: &MemberId, c: &AddMember) -> Result<(), Error> {
        self.require_registrar(actor, "add_member")?;
        if self.organisation.members.contains_key(&c.member) {
            return Err(LookupError::duplicate("member", &c.member).into());
        }
        text::required("name", &c.name)?;
        match &c.home {
            Home::Cell(cell) => {
                self.organisation.cell(cell)?;
            }
            Home::Level(level) => {
                self.organisation.level_in_force(level)?;
            }
        }
        if let Home::Cell(cell) = &c.home {
            if let Some(cell) = self.organisation.cells.get_mut(cell) {
                cell.members.insert(c.member.clone());
            }
        }
        self.organisation.members.insert(
            c.member.clone(),
            Member {
                id: c.member.clone(),
                name: c.name.clone(),
                home: c.home.clone(),
                status: c.status,
                exempted: None,
                suspended: None,
                transferred: None,
                joined_on: c.joined_on,
                left_on: None,
            },
        );
        Ok(())
    }

    pub(super) fn set_member_status(
        &mut self,
        actor: &MemberId,
        c: &SetMemberStatus,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "set_member_status")?;
        let member = active_member(&mut self.organisation, &c.member)?;
        if member.status == c.status {
            let what = match c.status {
                MemberStatus::Official => "official",
                MemberStatus::Probationary => "probationary",
            };
            return Err(OrganisationError::NoChange {
                member: c.member.clone(),
                what: what.to_owned(),
            }
            .into());
        }
        member.status = c.status;
        Ok(())
    }

    pub(super) fn set_member_flag(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &SetMemberFlag,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "set_member_flag")?;
        let reason = c.reason.clone().unwrap_or_default();
        if c.on && c.flag != MemberFlag::Suspended {
            text::required("reason", &reason)?;
        } else {
            text::bounded("reason", &reason)?;
        }
        let member = active_member(&mut self.organisation, &c.member)?;
        let since = at.date_naive();
        let (is_set, name) = match c.flag {
            MemberFlag::Exempted => (member.exempted.is_some(), "exempted"),
            MemberFlag::Suspended => (member.suspended.is_some(), "suspended"),
            MemberFlag::Transferred => (member.transferred.is_some(), "transferred"),
        };
        if is_set == c.on {
            let what = if c.on {
                name.to_owned()
            } else {
                format!("not {name}")
            };
            return Err(OrganisationError::NoChange {
                member: c.member.clone(),
                what,
            }
            .into());
        }
        match (c.flag, c.on) {
            (MemberFlag::Exempted, true) => member.exempted = Some(Exemption { reason, since }),
            (MemberFlag::Exempted, false) => member.exempted = None,
            (MemberFlag::Suspended, true) => member.suspended = Some(since),
            (MemberFlag::Suspended, false) => member.suspended = None,
            (MemberFlag::Transferred, true) => {
                member.transferred = Some(Transfer { reason, since })
            }
            (MemberFlag::Transferred, false) => member.transferred = None,
        }
        Ok(())
    }

    pub(super) fn move_member(&mut self, actor: &MemberId, c: &MoveMember) -> Result<(), Error> {
        self.require_registrar(actor, "move_member")?;
        self.organisation.cell(&c.cell)?;
        let member = active_member(&mut self.organisation, &c.member)?;
        let old = member.cell().cloned();
        if old.as_ref() == Some(&c.cell) {
            return Err(OrganisationError::NoChange {
                member: c.member.clone(),
                what: format!("in cell {}", c.cell),
            }
            .into());
        }
        member.home = Home::Cell(c.cell.clone());
        if let Some(old) = old.and_then(|id| self.organisation.cells.get_mut(&id)) {
            old.members.remove(&c.member);
        }
        self.organisation.end_cell_leadership(&c.member);
        if let Some(cell) = self.organisation.cells.get_mut(&c.cell) {
            cell.followers.remove(&c.member);
            cell.members.insert(c.member.clone());
        }
        Ok(())
    }

    pub(super) fn member_leaves(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &MemberLeaves,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "member_leaves")?;
        text::required("reason", &c.reason)?;
        let member = active_member(&mut self.organisation, &c.member)?;
        member.left_on = Some(at.date_naive());
        self.organisation.end_roles(&c.member);
        Ok(())
    }

    pub(super) fn appoint_committee(
        &mut self,
        actor: &MemberId,
        c: &AppointCommittee,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "appoint_committee")?;
        let mut members = BTreeSet::new();
        for id in &c.members {
            let member = self.organisation.member(id)?;
            if !member.is_active() {
                return Err(OrganisationError::MemberLeft { member: id.clone() }.into());
            }
            if !members.insert(id.clone()) {
                return Err(LookupError::duplicate("member", id).into());
            }
        }
        *self.organisation.committees.of_mut(c.committee) = members;
        Ok(())
    }

    pub(super) fn elect_cell_leadership(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &ElectCellLeadership,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "elect_cell_leadership")?;
        let org = &self.organisation;
        let cell = org.cell(&c.cell)?;
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
            org.member(id)?.may_stand(&cell.id).map_err(|reason| {
                OrganisationError::NotEligibleForElection {
                    member: id.clone(),
                    reason,
                }
            })?;
        }
        let officials = org.official_count(cell);
        let threshold = self.rules_on(at.date_naive()).committee_threshold.value;
        let mut committee = BTreeSet::new();
        for id in &c.committee {
            if !committee.insert(id.clone()) {
                return Err(LookupError::duplicate("member", id).into());
            }
        }
        if officials < threshold {
            if !committee.is_empty() {
                return Err(OrganisationError::CommitteeNotAllowed {
                    cell: cell.id.clone(),
                    officials,
                    threshold,
                }
                .into());
            }
        } else {
            if committee.is_empty() {
                return Err(OrganisationError::CommitteeRequired {
                    cell: cell.id.clone(),
                    officials,
                    threshold,
                }
                .into());
            }
            let size = crate::count(committee.len());
            let max = self.rules_on(at.date_naive()).max_committee_size.value;
            if size > max {
                return Err(OrganisationError::CommitteeTooLarge { size, max }.into());
            }
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
        let leadership = Leadership {
            secretary: Some(c.secretary.clone()),
            deputy: c.deputy.clone(),
            committee,
        };
        if let Some(cell) = self.organisation.cells.get_mut(&c.cell) {
            cell.leadership = leadership;
        }
        Ok(())
    }

    pub(super) fn form_cluster(&mut self, actor: &MemberId, c: &FormCluster) -> Result<(), Error> {
        self.require_registrar(actor, "form_cluster")?;
        if self.organisation.clusters.contains_key(&c.cluster) {
            return Err(LookupError::duplicate("cluster", &c.cluster).into());
        }
        text::required("name", &c.name)?;
        if !self.organisation.committees.standing.contains(&c.in_charge) {
            return Err(OrganisationError::NotStandingMember {
                member: c.in_charge.clone(),
            }
            .into());
        }
        let cells: BTreeSet<CellId> = c.cells.iter().cloned().collect();
        for cell in &cells {
            self.organisation.cell(cell)?;
        }
        for id in &cells {
            let previous = self
                .organisation
                .cells
                .get_mut(id)
                .and_then(|cell| cell.cluster.replace(c.cluster.clone()));
            if let Some(old) = previous.and_then(|p| self.organisation.clusters.get_mut(&p)) {
                old.cells.remove(id);
            }
        }
        self.organisation.clusters.insert(
            c.cluster.clone(),
            Cluster {
                id: c.cluster.clone(),
                name: c.name.clone(),
                cells,
                in_charge: c.in_charge.clone(),
            },
        );
        Ok(())
    }

    pub(super) fn assign_follower(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &AssignFollower,
    ) -> Result<(), Error> {
        self.require_registrar(actor, "assign_follower")?;
        let org = &self.organisation;
        let cell = org.cell(&c.cell)?;
        let member = org.member(&c.member)?;
        if !member.is_active() {
            return Err(OrganisationError::MemberLeft {
                member: c.member.clone(),
            }
            .into());
        }
        if member.cell() == Some(&cell.id) {
            if self.rules_on(at.date_naive()).follower_not_own_cell.value {
                return Err(OrganisationError::FollowerOwnCell {
                    member: c.member.clone(),
                    cell: cell.id.clone(),
                }
                .into());
            }
        } else if !org.is_higher_level_for(&c.member, cell) {
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
        if let Some(cell) = self.organisation.cells.get_mut(&c.cell) {
            cell.followers.insert(c.member.clone());
        }
        Ok(())
    }
}
