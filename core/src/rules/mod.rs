//! The rules in force (quy định, hướng dẫn): every regulatory number the library uses, each with the
//! document it comes from.
//!
//! Nothing regulatory is a bare constant in the code: checks read their numbers from a [`Rules`]
//! value. Two presets ship ([`Rules::hd42_2025`], the default, and [`Rules::hd12_2018`]); a province
//! or commune overrides any parameter with [`RuleOverrides`], citing its own document.

mod citation;
pub mod classification;
mod overrides;
mod presets;
mod threshold;
mod timeline;

pub use citation::{Citation, Param};
pub use overrides::{RuleChoice, RuleOverrides};
pub use presets::Preset;
pub use threshold::Threshold;
pub use timeline::{Change, DatedOverrides, RuleBook};

use serde::{Deserialize, Serialize};

/// Every parameter of the domain, each with its source. See `docs/rules.md` for the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// The preset these rules started from.
    pub preset: Preset,
    /// a cell has at least this many official members.
    pub min_official_members: Param<u32>,
    /// from this many official members (exempted included) a cell elects a cell committee.
    pub committee_threshold: Param<u32>,
    /// the largest cell committee.
    pub max_committee_size: Param<u32>,
    /// a higher-level member may not be assigned to follow his own cell.
    pub follower_not_own_cell: Param<bool>,
    /// regular meetings a cell holds each month.
    pub regular_meetings_per_month: Param<u32>,
    /// thematic meetings a cell holds each quarter, at least.
    pub thematic_meetings_per_quarter: Param<u32>,
    /// the cell committee (or the secretary and deputy) meets to prepare each meeting.
    pub preparatory_meeting_required: Param<bool>,
    /// time, place and content are sent to the members and the higher-level member.
    pub notice_required: Param<bool>,
    /// hours before the meeting by which documents must be published to members.
    pub document_lead_hours: Param<u32>,
    /// shortest regular or thematic meeting, in minutes.
    pub min_meeting_minutes: Param<u32>,
    /// shortest combined (thematic + regular) session, in minutes.
    pub min_combined_minutes: Param<u32>,
    /// days after the meeting by which the minutes are uploaded.
    pub minutes_upload_days: Param<u32>,
    /// share of the counted base that must approve a resolution.
    pub resolution_majority: Param<Threshold>,
    /// share of the cell's official members that must approve an admission or recognition.
    pub admission_majority: Param<Threshold>,
    /// share of the counted base that must be present for a vote; `None` means no quorum rule.
    pub quorum: Param<Option<Threshold>>,
    /// attendance share a meeting must exceed to count as well attended.
    pub attendance_target: Param<Threshold>,
    /// the most consecutive absences (even excused) a member may have in a year.
    pub max_consecutive_absences: Param<u32>,
    /// lowest score of the Good (Tốt) band.
    pub score_good: Param<u32>,
    /// lowest score of the Fair (Khá) band.
    pub score_fair: Param<u32>,
    /// lowest score of the Average (Trung bình) band.
    pub score_average: Param<u32>,
    /// Good meetings a cell needs in a year (all regular meetings Fair or better) to rate Good.
    pub good_meetings_per_year: Param<u32>,
    /// lowest annual score rated Excellent (Hoàn thành xuất sắc).
    pub rating_excellent: Param<u32>,
    /// lowest annual score rated Good (Hoàn thành tốt).
    pub rating_good: Param<u32>,
    /// lowest annual score rated Completed (Hoàn thành).
    pub rating_completed: Param<u32>,
    /// share of tasks exceeded that an Excellent rating needs, at least.
    pub rating_excellent_exceeding: Param<Threshold>,
    /// share of tasks late that a Completed rating allows, at most.
    pub rating_completed_late: Param<Threshold>,
    /// the cap on Excellent ratings as a share of Good ones; `None` when no cap applies.
    pub rating_excellent_cap: Param<Option<Threshold>>,
    /// the highest category a member disciplined in the year may be rated.
    pub rating_disciplined_highest: Param<crate::report::rating::Category>,
    /// months in a year of unexcused absence that raise a proposal for removal from the roll.
    pub removal_absence_months: Param<u32>,
    /// meetings a year a provincial member attends in the cells assigned to him.
    pub provincial_follower_meetings: Param<u32>,
    /// meetings a year a commune committee member attends in the cells assigned to him.
    pub commune_follower_meetings: Param<u32>,
    /// share of members (exempted and suspended left out) unable to meet in one place above
    /// which a cell may meet online.
    pub online_meeting_share: Param<Threshold>,
    /// members from which a cell may meet by party group.
    pub party_group_min_members: Param<u32>,
    /// most meetings by party group in a year.
    pub party_group_meetings_per_year: Param<u32>,
}

impl Default for Rules {
    fn default() -> Self {
        Self::hd42_2025()
    }
}

impl Rules {
    /// The rules of a preset.
    pub fn preset(preset: Preset) -> Self {
        match preset {
            Preset::National | Preset::Hd42_2025 => Self::hd42_2025(),
            Preset::Hd12_2018 => Self::hd12_2018(),
        }
    }

    /// The rules of a preset with a province's or commune's overrides applied.
    pub fn with_overrides(preset: Preset, overrides: &RuleOverrides) -> Self {
        let mut rules = Self::preset(preset);
        overrides.apply_to(&mut rules);
        rules
    }
}
