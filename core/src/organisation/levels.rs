use crate::ids::{LevelId, MemberId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What a level above the commune is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    /// Tỉnh ủy / Thành ủy: the level directly above communes since 01/7/2025.
    Province,
    /// Huyện ủy: the level between province and commune before 01/7/2025.
    District,
    /// Any other level (the centre, a bloc committee…).
    Other,
}

/// A party level above the commune (cấp ủy cấp trên), kept as data so that records from before
/// and after 07/2025 both fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Its id.
    pub id: LevelId,
    /// Its name, e.g. `Tỉnh ủy Thanh Hóa`.
    pub name: String,
    /// What it is.
    pub kind: LevelKind,
    /// The level above it, if any.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub parent: Option<LevelId>,
}

/// The commune's three committees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum CommitteeKind {
    /// Ban chấp hành đảng bộ (the executive committee).
    Executive,
    /// Ban thường vụ đảng ủy (the standing committee).
    Standing,
    /// Ủy ban kiểm tra đảng ủy (the inspection committee).
    Inspection,
}

/// The members of the commune's committees.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CommuneCommittees {
    /// Ban chấp hành.
    pub executive: BTreeSet<MemberId>,
    /// Ban thường vụ.
    pub standing: BTreeSet<MemberId>,
    /// Ủy ban kiểm tra.
    pub inspection: BTreeSet<MemberId>,
}

impl CommuneCommittees {
    /// The members of one committee.
    pub fn of(&self, kind: CommitteeKind) -> &BTreeSet<MemberId> {
        match kind {
            CommitteeKind::Executive => &self.executive,
            CommitteeKind::Standing => &self.standing,
            CommitteeKind::Inspection => &self.inspection,
        }
    }

    pub(crate) fn of_mut(&mut self, kind: CommitteeKind) -> &mut BTreeSet<MemberId> {
        match kind {
            CommitteeKind::Executive => &mut self.executive,
            CommitteeKind::Standing => &mut self.standing,
            CommitteeKind::Inspection => &mut self.inspection,
        }
    }

    /// Whether the member sits on any of the three committees.
    pub fn includes(&self, member: &MemberId) -> bool {
        self.executive.contains(member)
            || self.standing.contains(member)
            || self.inspection.contains(member)
    }
}
