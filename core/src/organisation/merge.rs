//! Communes merged (R-00: the communes rearranged from 01/7/2025): the journal of one commune
//! goes on as the merged commune's, and the cells of the others are handed over to it with their
//! members and leadership.
//!
//! ```text
//!   commune B's journal ── Journal::handover() ──▶ HandedOverCommune { cells, members, journal: head }
//!                                                          │
//!   commune A's journal ── merge_communes { commune, name, absorbed: [B …] } ──▶ the merged commune
//! ```
//!
//! Each cell keeps its history: the cells of A in A's journal, which goes on; the cells of B in
//! B's journal, which ends with the handover and whose head (records and last hash) the merged
//! journal records on each of them, so the two books are linked and B's can be checked against
//! it (`verify_sealed`).

use super::{CellKind, Exemption, Home, MemberStatus, Transfer};
use crate::commune::Commune;
use crate::ids::{CellId, CommuneId, MemberId};
use crate::journal::Head;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a handed-over cell comes from: its former commune and the end of that commune's
/// journal, which holds the cell's history before the merger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CellOrigin {
    /// The former commune's id.
    pub commune: CommuneId,
    /// Its name.
    pub name: String,
    /// The end of its journal at the handover.
    pub journal: Head,
}

/// A name the commune went by before a merger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FormerName {
    /// The id it had.
    pub commune: CommuneId,
    /// The name it had.
    pub name: String,
    /// The day the merged commune took over.
    pub until: NaiveDate,
}

/// A member handed over with a cell: who they are and their standing (R-14) on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct HandedOverMember {
    /// Their id.
    pub member: MemberId,
    /// Full name.
    pub name: String,
    /// Official or probationary.
    pub status: MemberStatus,
    /// Joined the roll on.
    #[serde(deserialize_with = "crate::time::strict_date")]
    pub joined_on: NaiveDate,
    /// Exempted, if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub exempted: Option<Exemption>,
    /// Suspended since, if so.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::time::strict_optional_date"
    )]
    pub suspended: Option<NaiveDate>,
    /// Temporarily transferred, if so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transferred: Option<Transfer>,
}

/// A cell handed over, with its members on the roll and its leadership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct HandedOverCell {
    /// Its id (in the merged commune: rename it here if the id is taken).
    pub cell: CellId,
    /// Its name.
    pub name: String,
    /// How it is organised.
    pub kind: CellKind,
    /// Its secretary.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub secretary: Option<MemberId>,
    /// Its deputy.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub deputy: Option<MemberId>,
    /// Its committee (secretary and deputy included), if it has one.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub committee: Vec<MemberId>,
    /// Its members on the roll.
    pub members: Vec<HandedOverMember>,
}

/// A commune merged into this one: its cells, and the end of its journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct HandedOverCommune {
    /// Its id.
    pub commune: CommuneId,
    /// Its name.
    pub name: String,
    /// The end of its journal: the history of its cells up to the merger.
    pub journal: Head,
    /// Its cells.
    pub cells: Vec<HandedOverCell>,
}

impl HandedOverCommune {
    /// What `commune`, whose journal ends at `journal`, hands over: every cell with its members
    /// on the roll (leavers stay in its own book) and its leadership. Followers, clusters and the
    /// commune's committees are not handed over: the merged commune sets its own.
    pub fn of(commune: &Commune, journal: Head) -> Self {
        let org = &commune.organisation;
        let cells = org
            .cells
            .values()
            .map(|cell| HandedOverCell {
                cell: cell.id.clone(),
                name: cell.name.clone(),
                kind: cell.kind,
                secretary: cell.leadership.secretary.clone(),
                deputy: cell.leadership.deputy.clone(),
                committee: cell.leadership.committee.iter().cloned().collect(),
                members: org
                    .cell_members(cell)
                    .filter(|m| matches!(&m.home, Home::Cell(c) if c == &cell.id))
                    .map(|m| HandedOverMember {
                        member: m.id.clone(),
                        name: m.name.clone(),
                        status: m.status,
                        joined_on: m.joined_on,
                        exempted: m.exempted.clone(),
                        suspended: m.suspended,
                        transferred: m.transferred.clone(),
                    })
                    .collect(),
            })
            .collect();
        Self {
            commune: org.id.clone(),
            name: org.name.clone(),
            journal,
            cells,
        }
    }
}

impl crate::journal::Journal {
    /// What this journal's commune hands over when it is merged into another
    /// ([`HandedOverCommune::of`] at this journal's head).
    pub fn handover(&self) -> HandedOverCommune {
        HandedOverCommune::of(self.commune(), self.head())
    }
}
