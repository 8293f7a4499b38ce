//! Who holds which role: the facts behind "who may act" (docs/authority.md).

use super::{Cell, Home, Organisation};
use crate::error::{denied, Error, Needed};
use crate::ids::MemberId;

impl Cell {
    /// Refuses unless the actor is the cell's secretary or deputy.
    pub fn require_leader(&self, actor: &MemberId, action: &str) -> Result<(), Error> {
        if self.leadership.is_leader(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::CellLeader))
        }
    }

    /// Refuses unless the actor is on the cell committee (or, without one, a leader).
    pub fn require_committee(&self, actor: &MemberId, action: &str) -> Result<(), Error> {
        if self.leadership.is_committee(actor) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::CellCommittee))
        }
    }
}

impl Organisation {
    /// The registrar, or a standing committee member: may enter organisation changes.
    pub fn is_registrar(&self, actor: &MemberId) -> bool {
        &self.registrar == actor || self.committees.standing.contains(actor)
    }

    /// An executive or standing committee member of the commune.
    pub fn is_commune_committee(&self, actor: &MemberId) -> bool {
        self.committees.executive.contains(actor) || self.committees.standing.contains(actor)
    }

    /// A member of the superior committee (any of the commune's three committees), or a member
    /// assigned to follow the cell: those who may supervise it.
    pub fn is_superior_for(&self, actor: &MemberId, cell: &Cell) -> bool {
        self.committees.includes(actor) || cell.followers.contains(actor)
    }

    /// A member of the inspection or standing committee: may open a formal inspection.
    pub fn is_inspection_committee(&self, actor: &MemberId) -> bool {
        self.committees.inspection.contains(actor) || self.committees.standing.contains(actor)
    }

    /// A higher-level member for this cell: not one of its members, and either on a commune
    /// committee or a member of a level above.
    pub fn is_higher_level_for(&self, member: &MemberId, cell: &Cell) -> bool {
        let Some(m) = self.members.get(member) else {
            return false;
        };
        if !m.is_active() || cell.members.contains(member) {
            return false;
        }
        matches!(m.home, Home::Level(_)) || self.committees.includes(member)
    }
}
