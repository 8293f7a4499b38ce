//! Organisation commands (R-10..R-14), entered by the commune's registrar or a standing committee
//! member.

use crate::ids::{CellId, ClusterId, CommuneId, LevelId, MemberId};
use crate::organisation::{
    CellKind, CommitteeKind, HandedOverCommune, Home, Level, MemberFlag, MemberStatus,
};
use crate::rules::RuleChoice;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Founds the commune's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Named apart from `Action::EstablishCommune` in Kotlin and Swift: uniffi writes a boxed
// variant's payload unqualified, which would name the variant itself.
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CommuneEstablishment")
)]
#[serde(deny_unknown_fields)]
pub struct EstablishCommune {
    /// The commune's id.
    pub commune: CommuneId,
    /// Its name.
    pub name: String,
    /// Who keeps its records and enters organisation changes.
    pub registrar: MemberId,
    /// The levels above it (province, and district for records before 07/2025).
    #[serde(default)]
    pub levels: Vec<Level>,
    /// The rules it keeps: a preset and overrides (default: `hd42_2025`, none).
    #[serde(default)]
    pub rules: RuleChoice,
}

/// Adds a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AddCell {
    /// The new cell's id.
    pub cell: CellId,
    /// Its name.
    pub name: String,
    /// How it is organised.
    pub kind: CellKind,
}

/// Adds a member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AddMember {
    /// The new member's id.
    pub member: MemberId,
    /// Full name.
    pub name: String,
    /// Their cell, or the level above they belong to.
    pub home: Home,
    /// Official or probationary.
    pub status: MemberStatus,
    /// Joined the roll on.
    #[serde(deserialize_with = "crate::time::strict_date")]
    pub joined_on: NaiveDate,
}

/// Changes a member's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SetMemberStatus {
    /// The member.
    pub member: MemberId,
    /// The new status.
    pub status: MemberStatus,
}

/// Sets or clears a flag of R-14.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SetMemberFlag {
    /// The member.
    pub member: MemberId,
    /// Which flag.
    pub flag: MemberFlag,
    /// Set (`true`) or clear (`false`).
    pub on: bool,
    /// Why (required when setting exempted or transferred).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reason: Option<String>,
}

/// Moves a member's party activity to another cell of the commune.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MoveMember {
    /// The member.
    pub member: MemberId,
    /// The new cell.
    pub cell: CellId,
}

/// Takes a member off the roll (moved away, died, removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MemberLeaves {
    /// The member.
    pub member: MemberId,
    /// Why.
    pub reason: String,
}

/// Sets the members of a commune committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AppointCommittee {
    /// Which committee.
    pub committee: CommitteeKind,
    /// Its members.
    pub members: Vec<MemberId>,
}

/// Records a cell's elected leadership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ElectCellLeadership {
    /// The cell.
    pub cell: CellId,
    /// Bí thư.
    pub secretary: MemberId,
    /// Phó bí thư, if any.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub deputy: Option<MemberId>,
    /// The whole cell committee (secretary and deputy included); empty under the threshold.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub committee: Vec<MemberId>,
}

/// Forms a cluster of cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct FormCluster {
    /// The new cluster's id.
    pub cluster: ClusterId,
    /// Its name.
    pub name: String,
    /// Its cells.
    pub cells: Vec<CellId>,
    /// The standing committee member in charge.
    pub in_charge: MemberId,
}

/// Assigns a higher-level member to follow a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AssignFollower {
    /// The cell.
    pub cell: CellId,
    /// The higher-level member.
    pub member: MemberId,
}

/// Changes the levels above the commune from the command's day on: adds levels (a new
/// province committee after a merger) and abolishes others (the district level, abolished on
/// 01/7/2025). What was recorded under a level stays as it was; from that day its members are no
/// longer higher-level members of the commune's cells, so they stop following them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ReorganiseLevels {
    /// Levels added.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub add: Vec<Level>,
    /// Levels abolished.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub abolish: Vec<LevelId>,
}

/// The commune takes over other communes merged into it: it goes on under a new id and
/// name, and the cells of the others come with their members and leadership, each linked to the
/// end of its former commune's journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Named apart from `Action::MergeCommunes` in Kotlin and Swift: uniffi writes a boxed
// variant's payload unqualified, which would name the variant itself.
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CommuneMerger")
)]
#[serde(deny_unknown_fields)]
pub struct MergeCommunes {
    /// The merged commune's id.
    pub commune: CommuneId,
    /// Its name.
    pub name: String,
    /// The communes merged into it, as each hands over (`Journal::handover`).
    pub absorbed: Vec<HandedOverCommune>,
}

/// Adopts a province's or commune's own rules from a date on (a dated override, R-00): each
/// parameter given replaces the national one, with the document that sets it, for every event
/// dated on or after `from`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Named apart from `Action::AmendRules` in Kotlin and Swift: uniffi writes a boxed
// variant's payload unqualified, which would name the variant itself.
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "RuleAmendment")
)]
#[serde(deny_unknown_fields)]
pub struct AmendRules {
    /// The first day the override applies: not before the day it is recorded (no rule changes
    /// what was already recorded).
    #[serde(deserialize_with = "crate::time::strict_date")]
    pub from: NaiveDate,
    /// The parameters it sets, each with its source document.
    pub overrides: crate::rules::RuleOverrides,
}
