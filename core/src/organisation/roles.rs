//! Who holds which role, and who may act at all: the facts behind "who may act"
//! (docs/authority.md).
//!
//! Every role is exercised only by a member who may act: on the roll (not left), not suspended
//! and not temporarily transferred away. Leaving ends every role; suspension and transfer
//! keep the roles on record but nobody exercises them until the flag is cleared.

use super::{Cell, Home, Member, Organisation};
use crate::error::{denied, Error, Ineligibility, Needed, PermissionError};
use crate::ids::MemberId;
use crate::time::YearMonth;

/// The commands the registrar may enter before being on the roll: setting up the cells and the
/// roll itself (the registrar among them).
const BEFORE_ON_ROLL: &[&str] = &["add_cell", "add_member"];

impl Member {
    /// Whether the member may act now: on the roll, not suspended, not transferred away.
    pub fn may_act(&self) -> Result<(), Ineligibility> {
        if !self.is_active() {
            Err(Ineligibility::Left)
        } else if self.suspended.is_some() {
            Err(Ineligibility::Suspended)
        } else if self.transferred.is_some() {
            Err(Ineligibility::Transferred)
        } else {
            Ok(())
        }
    }
}

impl Organisation {
    /// Refuses (`permission.not_active`) an actor who may not act at all: not on the roll, gone
    /// from it, suspended or transferred away. The one exception is the registrar named at
    /// establishment, who may add cells and members before being on the roll.
    pub fn require_acting(&self, actor: &MemberId, action: &str) -> Result<(), Error> {
        let reason = match self.members.get(actor) {
            Some(member) => member.may_act().err(),
            None if actor == &self.registrar && BEFORE_ON_ROLL.contains(&action) => None,
            None => Some(Ineligibility::NotOnRoll),
        };
        match reason {
            None => Ok(()),
            Some(reason) => Err(PermissionError::NotActive {
                actor: actor.clone(),
                action: action.to_owned(),
                reason,
            }
            .into()),
        }
    }

    fn acts(&self, actor: &MemberId) -> bool {
        self.members.get(actor).is_some_and(|m| m.may_act().is_ok())
    }

    /// Refuses unless the actor may act and is the cell's secretary or deputy.
    pub fn require_leader(&self, cell: &Cell, actor: &MemberId, action: &str) -> Result<(), Error> {
        self.require_acting(actor, action)?;
        if cell.leadership.is_leader(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::CellLeader))
        }
    }

    /// Refuses unless the actor may act and is the cell's secretary.
    pub fn require_secretary(
        &self,
        cell: &Cell,
        actor: &MemberId,
        action: &str,
    ) -> Result<(), Error> {
        self.require_acting(actor, action)?;
        if cell.leadership.secretary.as_ref() == Some(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::CellSecretary))
        }
    }

    /// Refuses unless the actor may act and may draft the cell's meetings of `month`: the
    /// secretary or deputy, or the committee member the secretary delegated for that month (while
    /// still on the committee).
    pub fn require_drafter(
        &self,
        cell: &Cell,
        month: YearMonth,
        actor: &MemberId,
        action: &str,
    ) -> Result<(), Error> {
        let delegated = cell.drafting_delegates.get(&month) == Some(actor)
            && cell.leadership.is_committee(actor);
        if delegated {
            self.require_acting(actor, action)
        } else {
            self.require_leader(cell, actor, action)
        }
    }

    /// Refuses unless the actor may act and is on the cell committee (or, without one, a leader).
    pub fn require_committee(
        &self,
        cell: &Cell,
        actor: &MemberId,
        action: &str,
    ) -> Result<(), Error> {
        self.require_acting(actor, action)?;
        if cell.leadership.is_committee(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::CellCommittee))
        }
    }

    /// The registrar (before being on the roll: for adding cells and members only), or a standing
    /// committee member, who may act: may enter organisation changes.
    pub fn is_registrar(&self, actor: &MemberId) -> bool {
        let named = &self.registrar == actor || self.committees.standing.contains(actor);
        let before_roll = &self.registrar == actor && !self.members.contains_key(actor);
        named && (before_roll || self.acts(actor))
    }

    /// An executive or standing committee member of the commune who may act.
    pub fn is_commune_committee(&self, actor: &MemberId) -> bool {
        (self.committees.executive.contains(actor) || self.committees.standing.contains(actor))
            && self.acts(actor)
    }

    /// A member of the superior committee (any of the commune's three committees), or a member
    /// assigned to follow the cell, who may act: those who may supervise it.
    pub fn is_superior_for(&self, actor: &MemberId, cell: &Cell) -> bool {
        (self.committees.includes(actor) || cell.followers.contains(actor)) && self.acts(actor)
    }

    /// A member of the inspection or standing committee who may act: may open a formal
    /// inspection.
    pub fn is_inspection_committee(&self, actor: &MemberId) -> bool {
        (self.committees.inspection.contains(actor) || self.committees.standing.contains(actor))
            && self.acts(actor)
    }

    /// A higher-level member for this cell who may act: not one of its members, and either on a
    /// commune committee or a member of a level above that has not been abolished.
    pub fn is_higher_level_for(&self, member: &MemberId, cell: &Cell) -> bool {
        let Some(m) = self.members.get(member) else {
            return false;
        };
        if m.may_act().is_err() || cell.members.contains(member) {
            return false;
        }
        let above = match &m.home {
            Home::Level(level) => self.level_in_force(level).is_ok(),
            Home::Cell(_) => false,
        };
        above || self.committees.includes(member)
    }

    /// Ends every role of a member who leaves the roll: cell leadership, the commune's committees
    /// and the cells they followed. (A cluster keeps its record of who was in charge.)
    pub(crate) fn end_roles(&mut self, member: &MemberId) {
        self.end_cell_leadership(member);
        self.committees.executive.remove(member);
        self.committees.standing.remove(member);
        self.committees.inspection.remove(member);
        for cell in self.cells.values_mut() {
            cell.followers.remove(member);
        }
    }

    /// Ends a member's leadership of any cell (on leaving, or on moving to another cell).
    pub(crate) fn end_cell_leadership(&mut self, member: &MemberId) {
        for cell in self.cells.values_mut() {
            let lead = &mut cell.leadership;
            if lead.secretary.as_ref() == Some(member) {
                lead.secretary = None;
            }
            if lead.deputy.as_ref() == Some(member) {
                lead.deputy = None;
            }
            lead.committee.remove(member);
        }
    }
}
