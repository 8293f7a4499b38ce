//! The organisation (R-10..R-14): a commune party organisation (Đảng bộ xã) with its committees,
//! the levels above it, its cells (chi bộ), clusters of cells (cụm), and members (đảng viên).

mod cell;
mod checks;
mod levels;
mod member;
mod merge;
mod roles;

pub use cell::{Cell, CellKind, Cluster, Leadership};
pub(crate) use checks::flag_reason;
pub use levels::{CommitteeKind, CommuneCommittees, Level, LevelKind};
pub use member::{Exemption, Home, Member, MemberFlag, MemberStatus, Transfer};
pub use merge::{CellOrigin, FormerName, HandedOverCell, HandedOverCommune, HandedOverMember};

use crate::error::{Error, LookupError, OrganisationError};
use crate::ids::{CellId, ClusterId, CommuneId, IdMap, LevelId, MemberId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything about who is who in one commune party organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Organisation {
    /// The commune's id.
    pub id: CommuneId,
    /// Its name, e.g. `Đảng bộ xã Nga Trường`.
    pub name: String,
    /// The ids and names it had before a merger (`merge_communes`), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub former: Vec<FormerName>,
    /// Who keeps the records (văn phòng đảng ủy) and may enter organisation changes.
    pub registrar: MemberId,
    /// The levels above the commune, as data: a province today, a district in older records.
    pub levels: BTreeMap<LevelId, Level>,
    /// The levels abolished, each with the day (`reorganise_levels`): kept in `levels` for the
    /// records made under them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub abolished_levels: BTreeMap<LevelId, NaiveDate>,
    /// The commune's executive, standing and inspection committees.
    pub committees: CommuneCommittees,
    /// The cells.
    pub cells: BTreeMap<CellId, Cell>,
    /// The clusters of cells.
    pub clusters: BTreeMap<ClusterId, Cluster>,
    /// Every member known to the commune: its own, and higher-level members who follow its cells.
    pub members: IdMap<MemberId, Member>,
}

impl Organisation {
    /// A cell by id.
    pub fn cell(&self, id: &CellId) -> Result<&Cell, Error> {
        self.cells
            .get(id)
            .ok_or_else(|| LookupError::unknown("cell", id).into())
    }

    /// Refuses a level that does not exist or was abolished.
    pub fn level_in_force(&self, level: &LevelId) -> Result<&Level, Error> {
        let found = self
            .levels
            .get(level)
            .ok_or_else(|| LookupError::unknown("level", level))?;
        match self.abolished_levels.get(level) {
            Some(on) => Err(OrganisationError::LevelAbolished {
                level: level.clone(),
                on: *on,
            }
            .into()),
            None => Ok(found),
        }
    }

    /// A member by id.
    pub fn member(&self, id: &MemberId) -> Result<&Member, Error> {
        self.members
            .get(id)
            .ok_or_else(|| LookupError::unknown("member", id).into())
    }

    /// The members on a cell's roll today (those who have not left), in id order.
    pub fn cell_members<'a>(&'a self, cell: &'a Cell) -> impl Iterator<Item = &'a Member> + 'a {
        cell.members
            .iter()
            .filter_map(|id| self.members.get(id))
            .filter(|m| m.is_active())
    }

    /// The number of official members on a cell's roll (exempted ones included, R-11).
    pub fn official_count(&self, cell: &Cell) -> u32 {
        crate::count(self.cell_members(cell).filter(|m| m.is_official()).count())
    }
}
