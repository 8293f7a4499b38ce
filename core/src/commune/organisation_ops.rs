//! Organisation commands (R-10..R-14): each checks the registrar's authority, asks the
//! organisation to check its rules (`organisation::checks`), and applies the change.

use super::Commune;
use crate::command::{
    AddCell, AddMember, AmendRules, AppointCommittee, AssignFollower, ElectCellLeadership,
    EstablishCommune, FormCluster, MemberLeaves, MoveMember, ReorganiseLevels, SetMemberFlag,
    SetMemberStatus,
};
use crate::error::denied;
use crate::error::{Error, Needed, TransitionError};
use crate::ids::MemberId;
use crate::organisation::{
    flag_reason, Cell, Cluster, Exemption, Home, Leadership, Member, MemberFlag, Organisation,
    Transfer,
};
use crate::text;
use crate::time::Timestamp;
use std::collections::BTreeSet;

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
        let levels = Organisation::founding_levels(&c.levels)?;
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
        let ended = self.organisation.check_reorganisation(c)?;
        // Checked: now the change. Members of an abolished level stop following cells; what
        // they did before stays in the records.
        let day = at.date_naive();
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
        self.organisation.check_new_cell(c)?;
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
        self.organisation.check_new_member(c)?;
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
        let member = self.organisation.active_member_mut(&c.member)?;
        member.check_status_change(c.status)?;
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
        let reason = flag_reason(c)?;
        let member = self.organisation.active_member_mut(&c.member)?;
        member.check_flag_change(c.flag, c.on)?;
        let since = at.date_naive();
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
        let member = self.organisation.active_member_mut(&c.member)?;
        member.check_move(&c.cell)?;
        let old = member.cell().cloned();
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
        let member = self.organisation.active_member_mut(&c.member)?;
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
        let members = self.organisation.check_committee(&c.members)?;
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
        let rules = self.rules_on(at.date_naive());
        let leadership = self.organisation.check_leadership(c, rules)?;
        if let Some(cell) = self.organisation.cells.get_mut(&c.cell) {
            cell.leadership = leadership;
        }
        Ok(())
    }

    pub(super) fn form_cluster(&mut self, actor: &MemberId, c: &FormCluster) -> Result<(), Error> {
        self.require_registrar(actor, "form_cluster")?;
        let cells = self.organisation.check_cluster(c)?;
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
        let rules = self.rules_on(at.date_naive());
        self.organisation.check_follower(c, rules)?;
        if let Some(cell) = self.organisation.cells.get_mut(&c.cell) {
            cell.followers.insert(c.member.clone());
        }
        Ok(())
    }
}
