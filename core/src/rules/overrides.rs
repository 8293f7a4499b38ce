use super::{Param, Preset, Rules, Threshold};
use serde::{Deserialize, Serialize};

macro_rules! overrides {
    ($($field:ident: $ty:ty),* $(,)?) => {
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

overrides! {
    min_official_members: u32,
    committee_threshold: u32,
    max_committee_size: u32,
    follower_not_own_cell: bool,
    regular_meetings_per_month: u32,
    thematic_meetings_per_quarter: u32,
    preparatory_meeting_required: bool,
    notice_required: bool,
    document_lead_hours: u32,
    min_meeting_minutes: u32,
    min_combined_minutes: u32,
    minutes_upload_days: u32,
    resolution_majority: Threshold,
    admission_majority: Threshold,
    quorum: Option<Threshold>,
    attendance_target: Threshold,
    max_consecutive_absences: u32,
    score_good: u32,
    score_fair: u32,
    score_average: u32,
    good_meetings_per_year: u32,
    rating_excellent: u32,
    rating_good: u32,
    rating_completed: u32,
    rating_excellent_exceeding: Threshold,
    rating_completed_late: Threshold,
    rating_excellent_cap: Option<Threshold>,
    rating_disciplined_highest: crate::report::rating::Category,
    removal_absence_months: u32,
    provincial_follower_meetings: u32,
    commune_follower_meetings: u32,
    online_meeting_share: Threshold,
    party_group_min_members: u32,
    party_group_meetings_per_year: u32,
}

/// Which rules a commune keeps: a preset and its overrides. This is what a journal records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleChoice {
    /// The preset to start from.
    #[serde(default)]
    pub preset: Preset,
    /// The parameters changed from the preset.
    #[serde(default)]
    pub overrides: RuleOverrides,
}

impl RuleChoice {
    /// The rules this choice gives.
    pub fn resolve(&self) -> Rules {
        Rules::with_overrides(self.preset, &self.overrides)
    }

    /// The rules this choice gives, by date (the national timeline unless a fixed preset was
    /// chosen).
    pub fn book(&self) -> super::RuleBook {
        super::RuleBook::new(self.preset, self.overrides.clone())
    }
}
