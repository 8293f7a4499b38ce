use crate::ids::{CellId, ClusterId, MemberId};
use crate::time::YearMonth;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How a cell is organised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    /// By residence: thôn, xóm, tổ dân phố.
    Residential,
    /// In an agency (cơ quan).
    Agency,
    /// In a school (trường học).
    School,
    /// In an enterprise (doanh nghiệp).
    Enterprise,
    /// In the armed forces (lực lượng vũ trang).
    ArmedForces,
    /// Anything else.
    Other,
}

/// Who leads a cell: a secretary (bí thư), a deputy (phó bí thư), and, from 9 official
/// members, a cell committee (chi ủy) that includes both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Leadership {
    /// Bí thư chi bộ.
    pub secretary: Option<MemberId>,
    /// Phó bí thư chi bộ.
    pub deputy: Option<MemberId>,
    /// Chi ủy viên, the secretary and deputy included; empty for a cell under the threshold.
    pub committee: BTreeSet<MemberId>,
}

impl Leadership {
    /// Whether the member is the secretary or the deputy.
    pub fn is_leader(&self, member: &MemberId) -> bool {
        self.secretary.as_ref() == Some(member) || self.deputy.as_ref() == Some(member)
    }

    /// Whether the member is on the cell committee, or, where there is none, a leader.
    pub fn is_committee(&self, member: &MemberId) -> bool {
        self.is_leader(member) || self.committee.contains(member)
    }
}

/// A party cell (chi bộ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cell {
    /// Its id.
    pub id: CellId,
    /// Its name, e.g. `Chi bộ xóm 1`.
    pub name: String,
    /// How it is organised.
    pub kind: CellKind,
    /// The members whose party activity is in this cell (leavers are kept, marked as left).
    pub members: BTreeSet<MemberId>,
    /// Its secretary, deputy and committee.
    pub leadership: Leadership,
    /// Higher-level members assigned to follow it, notified of its meetings.
    pub followers: BTreeSet<MemberId>,
    /// The cluster it belongs to, if any.
    pub cluster: Option<ClusterId>,
    /// The committee member the secretary delegated to draft each month's meetings, by
    /// month; the secretary and deputy draft in any case.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafting_delegates: BTreeMap<YearMonth, MemberId>,
    /// The former commune and journal holding its history, for a cell handed over in a merger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub origin: Option<super::CellOrigin>,
    /// The day it was added to this commune's record (or handed over to it): what the rules ask
    /// of it is counted from then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub since: Option<chrono::NaiveDate>,
}

/// A cluster of cells (cụm) in the charge of one standing committee member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Cluster {
    /// Its id.
    pub id: ClusterId,
    /// Its name.
    pub name: String,
    /// Its cells.
    pub cells: BTreeSet<CellId>,
    /// The standing committee member in charge.
    pub in_charge: MemberId,
}
