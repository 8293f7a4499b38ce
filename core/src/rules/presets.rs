use super::{Citation, Param, Rules, Threshold};
use crate::report::rating::Category;
use serde::{Deserialize, Serialize};

/// The named rule sets that ship with the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Preset {
    /// The national documents each on the dates they were in force (crate::rules::RuleBook): 12-HD/BTCTW
    /// (2018) and its companions, Quy định 294-QĐ/TW from 01/7/2025, 366-QĐ/TW from 30/8/2025,
    /// 42-HD/BTCTW from 28/10/2025. The default.
    #[default]
    #[serde(rename = "national")]
    National,
    /// Hướng dẫn 42-HD/BTCTW (28/10/2025) and the 2025 regulations, for every date.
    #[serde(rename = "hd42_2025")]
    Hd42_2025,
    /// Hướng dẫn 12-HD/BTCTW (06/7/2018) and its companions, for every date.
    #[serde(rename = "hd12_2018")]
    Hd12_2018,
}

fn hd42(provision: &str) -> Citation {
    Citation::new("42-HD/BTCTW", (2025, 10, 28), provision)
}
fn qd294(provision: &str) -> Citation {
    Citation::new("294-QĐ/TW", (2025, 5, 26), provision)
}
fn qd366(provision: &str) -> Citation {
    Citation::new("366-QĐ/TW", (2025, 8, 30), provision)
}
fn hd12(provision: &str) -> Citation {
    Citation::new("12-HD/BTCTW", (2018, 7, 6), provision)
}
fn qd24(provision: &str) -> Citation {
    // RULES.md gives only the year (2021); 30/7/2021 is the issue date of Quy định 24-QĐ/TW.
    Citation::new("24-QĐ/TW", (2021, 7, 30), provision)
}
fn qd124(provision: &str) -> Citation {
    // RULES.md gives only the year (2023); 04/10/2023 is the issue date of Quy định 124-QĐ/TW.
    Citation::new("124-QĐ/TW", (2023, 10, 4), provision)
}
fn charter(provision: &str) -> Citation {
    Citation::new("Điều lệ Đảng", (2011, 1, 19), provision)
}
fn hd03(provision: &str) -> Citation {
    Citation::new("03-HD/TW", (2022, 12, 27), provision)
}
fn local(provision: &str) -> Citation {
    // R-81 is set by each province; the default is one province's figure, document not identified.
    Citation::new(
        "quy định của tỉnh ủy (local rule)",
        (2025, 10, 28),
        provision,
    )
    .unverified()
}

const TWO_THIRDS: Threshold = Threshold {
    numerator: 2,
    denominator: 3,
    strict: false,
};

fn percent(value: u32, strict: bool) -> Threshold {
    Threshold {
        numerator: value,
        denominator: 100,
        strict,
    }
}

impl Rules {
    /// Hướng dẫn 42-HD/BTCTW (28/10/2025) with Chỉ thị 50-CT/TW, Quy định 294-QĐ/TW, 296-QĐ/TW,
    /// 366-QĐ/TW and 339-QĐ/TW: the rules in force, and the default.
    pub fn hd42_2025() -> Self {
        Self {
            preset: Preset::Hd42_2025,
            min_official_members: Param::new(3, qd294("R-10 (Điều lệ art. 21)")),
            committee_threshold: Param::new(9, qd294("R-11")),
            max_committee_size: Param::new(7, qd294("R-11")),
            follower_not_own_cell: Param::new(true, hd42("R-13")),
            regular_meetings_per_month: Param::new(1, charter("art. 24; R-20")),
            thematic_meetings_per_quarter: Param::new(1, hd42("R-21").unverified()),
            preparatory_meeting_required: Param::new(true, hd42("R-23")),
            notice_required: Param::new(true, hd42("R-24")),
            document_lead_hours: Param::new(24, hd42("R-25")),
            min_meeting_minutes: Param::new(90, hd42("R-30")),
            min_combined_minutes: Param::new(120, hd42("R-30")),
            minutes_upload_days: Param::new(2, hd42("R-33").unverified()),
            signatures_required: Param::new(
                false,
                hd42("R-33: no central rule requires signed records"),
            ),
            resolution_majority: Param::new(
                Threshold::MORE_THAN_HALF,
                qd294("R-35 (Điều lệ art. 9.5)"),
            ),
            admission_majority: Param::new(TWO_THIRDS, qd294("R-36")),
            quorum: Param::new(None, hd42("R-37: no central quorum rule")),
            attendance_target: Param::new(percent(85, true), hd12("§3; R-70")),
            max_consecutive_absences: Param::new(3, hd12("§3; R-70")),
            score_good: Param::new(90, hd12("§3; R-71 bands")),
            score_fair: Param::new(70, hd12("§3; R-71 bands")),
            score_average: Param::new(50, hd12("§3; R-71 bands")),
            good_meetings_per_year: Param::new(7, hd12("§3; R-71")),
            rating_general_max: Param::new(30, qd366("R-72: general criteria 30 of 100")),
            rating_task_max: Param::new(70, qd366("R-72: task results 70 of 100")),
            rating_excellent: Param::new(90, qd366("R-72")),
            rating_good: Param::new(70, qd366("R-72")),
            rating_completed: Param::new(50, qd366("R-72").unverified()),
            rating_excellent_exceeding: Param::new(percent(30, false), qd366("R-72")),
            rating_completed_late: Param::new(percent(20, false), qd366("R-72")),
            rating_excellent_cap: Param::new(
                Some(percent(20, false)),
                qd366("R-72: cap of Excellent at 20% of Good").unverified(),
            ),
            rating_disciplined_highest: Param::new(
                Category::Completed,
                qd366("R-63, R-72: disciplined in the year, at most Completed").unverified(),
            ),
            removal_absence_months: Param::new(3, qd294("R-80 (Điều lệ art. 8)")),
            provincial_follower_meetings: Param::new(2, local("R-81")),
            commune_follower_meetings: Param::new(6, local("R-81")),
            online_meeting_share: Param::new(Threshold::MORE_THAN_HALF, hd03("R-82")),
            party_group_min_members: Param::new(50, hd03("R-82")),
            party_group_meetings_per_year: Param::new(3, hd03("R-82")),
        }
    }

    /// Hướng dẫn 12-HD/BTCTW (06/7/2018), Quy định 24-QĐ/TW (2021) and 124-QĐ/TW (2023): for
    /// records made before the 2025 documents.
    pub fn hd12_2018() -> Self {
        let current = Self::hd42_2025();
        Self {
            preset: Preset::Hd12_2018,
            min_official_members: Param::new(3, qd24("R-10 (Điều lệ art. 21)")),
            committee_threshold: Param::new(9, qd24("R-11")),
            max_committee_size: Param::new(7, qd24("R-11")),
            follower_not_own_cell: Param::new(true, hd12("R-13")),
            thematic_meetings_per_quarter: Param::new(1, hd12("R-21").unverified()),
            preparatory_meeting_required: Param::new(true, hd12("R-23")),
            notice_required: Param::new(true, hd12("R-24")),
            document_lead_hours: Param::new(0, hd12("R-25: no lead time before 42-HD/BTCTW")),
            min_meeting_minutes: Param::new(90, hd12("R-30")),
            min_combined_minutes: Param::new(90, hd12("R-30: no separate combined length")),
            minutes_upload_days: Param::new(2, hd12("R-33").unverified()),
            signatures_required: Param::new(
                false,
                hd12("R-33: no central rule requires signed records"),
            ),
            resolution_majority: Param::new(Threshold::MORE_THAN_HALF, qd24("9.3.2; R-35")),
            admission_majority: Param::new(TWO_THIRDS, qd24("R-36")),
            quorum: Param::new(None, hd12("R-37: no central quorum rule")),
            rating_excellent: Param::new(90, qd124("R-72").unverified()),
            rating_good: Param::new(70, qd124("R-72").unverified()),
            rating_completed: Param::new(50, qd124("R-72").unverified()),
            rating_excellent_exceeding: Param::new(percent(30, false), qd124("R-72").unverified()),
            rating_completed_late: Param::new(percent(20, false), qd124("R-72").unverified()),
            rating_excellent_cap: Param::new(Some(percent(20, false)), qd124("R-72").unverified()),
            rating_disciplined_highest: Param::new(
                Category::Completed,
                qd124("R-63, R-72: disciplined in the year, at most Completed").unverified(),
            ),
            removal_absence_months: Param::new(3, qd24("R-80 (Điều lệ art. 8)")),
            ..current
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_dates_are_real() {
        for rules in [Rules::hd42_2025(), Rules::hd12_2018()] {
            let json = serde_json::to_value(&rules).unwrap_or_default();
            let text = json.to_string();
            assert!(!text.contains("1970-01-01"), "a preset date did not parse");
        }
    }

    #[test]
    fn presets_differ_where_the_documents_do() {
        let now = Rules::hd42_2025();
        let before = Rules::hd12_2018();
        assert_eq!(now.document_lead_hours.value, 24);
        assert_eq!(before.document_lead_hours.value, 0);
        assert_eq!(now.min_combined_minutes.value, 120);
        assert_eq!(now.min_meeting_minutes.source.document, "42-HD/BTCTW");
        assert_eq!(before.min_meeting_minutes.source.document, "12-HD/BTCTW");
    }
}
