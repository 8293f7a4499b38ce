//! The rules in force (quy định, hướng dẫn): every regulatory number the library uses, each with the
//! document it comes from.
//!
//! Nothing regulatory is a bare constant in the code: checks read their numbers from a [`Rules`]
//! value. Two presets ship ([`Rules::hd42_2025`], the default, and [`Rules::hd12_2018`]); a province
//! or commune overrides any parameter with [`RuleOverrides`], citing its own document.

mod citation;
pub mod classification;
pub mod index;
mod overrides;
mod presets;
mod threshold;
mod timeline;

pub use citation::{Citation, Param};
pub use overrides::RuleChoice;
pub use presets::Preset;
pub use threshold::Threshold;
pub use timeline::{Change, DatedOverrides, RuleBook};

use serde::{Deserialize, Serialize};

/// Declares every rule parameter once: [`Rules`] (each a [`Param`] with its source) and
/// [`RuleOverrides`] (each optional, replacing the preset's) come from the same list.
macro_rules! rule_parameters {
    ($($(#[doc = $doc:literal])* $field:ident: $ty:ty,)*) => {
        /// Every parameter of the domain, each with its source. See `docs/rules.md` for the table.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Rules {
            /// The preset these rules started from.
            pub preset: Preset,
            $($(#[doc = $doc])* pub $field: Param<$ty>,)*
        }

        impl Rules {
            /// Every parameter as declared: its name and its doc comment, which opens with the
            /// rule ids it sets (`R-63, R-72: …`). `docs/rules.md` indexes the rules from it.
            pub const PARAMETERS: &'static [(&'static str, &'static str)] =
                &[$((stringify!($field), concat!($($doc),*)),)*];
        }

        /// A province's or commune's changes to a preset: any parameter, each with the document
        /// that sets it. Fields left out keep the preset's value.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct RuleOverrides {
            $(
                #[doc = concat!("Replaces `Rules::", stringify!($field), "`.")]
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<Param<$ty>>,
            )*
        }

        impl RuleOverrides {
            /// Writes every given parameter into `rules`.
            pub fn apply_to(&self, rules: &mut Rules) {
                $(
                    if let Some(param) = &self.$field {
                        rules.$field = param.clone();
                    }
                )*
            }
        }
    };
}

rule_parameters! {
    /// a cell has at least this many official members.
    min_official_members: u32,
    /// from this many official members (exempted included) a cell elects a cell committee.
    committee_threshold: u32,
    /// the largest cell committee.
    max_committee_size: u32,
    /// a higher-level member may not be assigned to follow his own cell.
    follower_not_own_cell: bool,
    /// regular meetings a cell holds each month.
    regular_meetings_per_month: u32,
    /// thematic meetings a cell holds each quarter, at least.
    thematic_meetings_per_quarter: u32,
    /// the cell committee (or the secretary and deputy) meets to prepare each meeting.
    preparatory_meeting_required: bool,
    /// time, place and content are sent to the members and the higher-level member.
    notice_required: bool,
    /// hours before the meeting by which documents must be published to members.
    document_lead_hours: u32,
    /// shortest regular or thematic meeting, in minutes.
    min_meeting_minutes: u32,
    /// shortest combined (thematic + regular) session, in minutes.
    min_combined_minutes: u32,
    /// days after the meeting by which the minutes are uploaded.
    minutes_upload_days: u32,
    /// whether every journal record must carry its actor's signature (docs/journal.md,
    /// *Signatures*); a commune turns it on from a date with `amend_rules`.
    signatures_required: bool,
    /// share of the counted base that must approve a resolution.
    resolution_majority: Threshold,
    /// share of the cell's official members that must approve an admission or recognition.
    admission_majority: Threshold,
    /// share of the counted base that must be present for a vote; `None` means no quorum rule.
    quorum: Option<Threshold>,
    /// attendance share a meeting must exceed to count as well attended.
    attendance_target: Threshold,
    /// the most consecutive absences (even excused) a member may have in a year.
    max_consecutive_absences: u32,
    /// lowest score of the Good (Tốt) band.
    score_good: u32,
    /// lowest score of the Fair (Khá) band.
    score_fair: u32,
    /// lowest score of the Average (Trung bình) band.
    score_average: u32,
    /// Good meetings a cell needs in a year (all regular meetings Fair or better) to rate Good.
    good_meetings_per_year: u32,
    /// the most points of the general criteria (tiêu chí chung), of 100.
    rating_general_max: u32,
    /// the most points of the task results (kết quả thực hiện nhiệm vụ), of 100.
    rating_task_max: u32,
    /// lowest annual score rated Excellent (Hoàn thành xuất sắc).
    rating_excellent: u32,
    /// lowest annual score rated Good (Hoàn thành tốt).
    rating_good: u32,
    /// lowest annual score rated Completed (Hoàn thành).
    rating_completed: u32,
    /// share of tasks exceeded that an Excellent rating needs, at least.
    rating_excellent_exceeding: Threshold,
    /// share of tasks late that a Completed rating allows, at most.
    rating_completed_late: Threshold,
    /// the cap on Excellent ratings as a share of Good ones; `None` when no cap applies.
    rating_excellent_cap: Option<Threshold>,
    /// the highest category a member disciplined in the year may be rated.
    rating_disciplined_highest: crate::report::rating::Category,
    /// months in a year of unexcused absence that raise a proposal for removal from the roll.
    removal_absence_months: u32,
    /// meetings a year a provincial member attends in the cells assigned to him.
    provincial_follower_meetings: u32,
    /// meetings a year a commune committee member attends in the cells assigned to him.
    commune_follower_meetings: u32,
    /// share of members (exempted and suspended left out) unable to meet in one place above
    /// which a cell may meet online.
    online_meeting_share: Threshold,
    /// members from which a cell may meet by party group.
    party_group_min_members: u32,
    /// most meetings by party group in a year.
    party_group_meetings_per_year: u32,
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
