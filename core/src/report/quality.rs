//! The meeting quality score (R-70, R-71): a [`Rubric`] as data, the [`score`] of a held meeting
//! with the points awarded and withheld for each criterion and why, its [`Band`], and the cell's
//! [`yearly_verdict`].
//!
//! ```text
//!   Rubric (data: JSON) ─┐
//!   Commune + meeting ───┼─ score ─▶ Score (each criterion: awarded, withheld, reason vi/en;
//!   entered points ──────┘                  total; band from Rules)
//!   Commune + cell + year + [Score] ── yearly_verdict ─▶ Verdict (Good or not, and why)
//! ```
//!
//! Criteria are measured either automatically from the record (attendance, absences, length,
//! preparation, speakers, conclusions, vote, last month's tasks) or entered by people (a judgement
//! the committee enters as points). Every threshold of an automatic criterion comes from the
//! commune's [`Rules`], except the speakers' share, which is part of the
//! rubric. This module computes; the proposal, the members' vote and the higher-level member's
//! confirmation of a score (R-71) are commands, recorded in [`crate::scoring`].
//!
//! ```
//! use chibo::report::quality::Rubric;
//! let rubric = Rubric::phu_tho();
//! assert_eq!(rubric.max_points(), 100);
//! ```

mod presets;
mod reason;
mod score;
mod shared;
mod verdict;
mod words;

pub(crate) use score::total;
pub use score::{score, CriterionScore, Score, Source};
pub use shared::SharedRubric;
pub(crate) use verdict::year_end;
pub use verdict::{yearly_verdict, Verdict, YearMeeting};

use crate::rules::{Citation, Rules, Threshold};
use serde::{Deserialize, Serialize};

/// A scoring rubric (thang điểm): data, so that a province can load its own as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// A short id, e.g. `phu_tho`.
    pub id: String,
    /// Its name in Vietnamese.
    pub name_vi: String,
    /// Its name in English.
    pub name_en: String,
    /// The document that sets it.
    pub source: Citation,
    /// The criteria, in the order they are shown; their points should add up to 100, the scale of
    /// the bands (R-71).
    pub criteria: Vec<Criterion>,
}

/// The most points a rubric may give, in all and per criterion. A technical bound that keeps every
/// sum in range (the rubrics in use give 100, R-71), not a rule.
pub const MAX_RUBRIC_POINTS: u32 = 1_000;

impl Rubric {
    /// The most points the rubric gives.
    pub fn max_points(&self) -> u32 {
        self.criteria
            .iter()
            .fold(0u32, |sum, c| sum.saturating_add(c.max_points))
    }

    /// Refuses a rubric that cannot be scored: no criteria, a criterion id used twice, a blank id
    /// or label, or points beyond [`MAX_RUBRIC_POINTS`] (per criterion or in all).
    pub fn check(&self) -> Result<(), crate::Error> {
        use crate::error::{InputError, LookupError};
        use crate::text;
        text::required("rubric.id", &self.id)?;
        text::required("rubric.name_vi", &self.name_vi)?;
        text::required("rubric.name_en", &self.name_en)?;
        text::non_empty("rubric.criteria", &self.criteria)?;
        let mut seen = std::collections::BTreeSet::new();
        let mut total = 0u64;
        for c in &self.criteria {
            text::required("criterion.id", &c.id)?;
            text::required("criterion.group", &c.group)?;
            text::required("criterion.label_vi", &c.label_vi)?;
            text::required("criterion.label_en", &c.label_en)?;
            if !seen.insert(c.id.as_str()) {
                return Err(LookupError::duplicate("criterion", &c.id).into());
            }
            let max = i64::from(MAX_RUBRIC_POINTS);
            if c.max_points > MAX_RUBRIC_POINTS {
                return Err(InputError::out_of_range(
                    "criterion.max_points",
                    c.max_points,
                    0,
                    max,
                ));
            }
            total += u64::from(c.max_points);
        }
        if total > u64::from(MAX_RUBRIC_POINTS) {
            let max = i64::from(MAX_RUBRIC_POINTS);
            return Err(InputError::out_of_range(
                "rubric total points",
                total,
                0,
                max,
            ));
        }
        Ok(())
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// One criterion of a rubric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RubricCriterion")
)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "RubricCriterion")
)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Its id, unique in the rubric; entered points are keyed by it.
    pub id: String,
    /// The group it belongs to (e.g. `preparation`), for display and subtotals.
    pub group: String,
    /// Its label in Vietnamese.
    pub label_vi: String,
    /// Its label in English.
    pub label_en: String,
    /// The most points it gives.
    pub max_points: u32,
    /// How it is measured.
    pub measure: Measure,
}

/// How a criterion is measured. Automatic criteria give all their points or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    /// R-70: present members above `attendance_target` of those summoned (exempted members who
    /// are absent left out).
    AttendanceRate,
    /// R-70: nobody absent without a reason.
    NoUnexcusedAbsence,
    /// R-30: at least `min_meeting_minutes` (`min_combined_minutes` for a combined session).
    Duration,
    /// R-23: the committee's preparatory meeting was held.
    PreparatoryMeeting,
    /// R-24: the notice of time, place and content was sent.
    NoticeSent,
    /// R-25: documents published at least `document_lead_hours` before the start.
    DocumentsInTime,
    /// R-70, R-71: distinct members present who spoke, as a share of those present, meet `share`.
    Speakers {
        /// The share to meet (the 42-HD rubric: more than half).
        share: Threshold,
    },
    /// R-33: the chair's conclusions are recorded.
    ConclusionsRecorded,
    /// R-35: the resolution passed.
    ResolutionPassed,
    /// R-32, R-50: every task of the cell's previous regular meeting was reported (or cancelled)
    /// by the end of this meeting.
    PreviousTasksReported,
    /// A judgement the committee enters as points (0 to `max_points`).
    Entered,
}

/// A meeting's quality band (R-71).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Yếu: below `score_average`.
    Weak,
    /// Trung bình: from `score_average`.
    Average,
    /// Khá: from `score_fair`.
    Fair,
    /// Tốt: from `score_good`.
    Good,
}

impl Band {
    /// The stable snake_case code, e.g. `fair`.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Good => "good",
            Band::Fair => "fair",
            Band::Average => "average",
            Band::Weak => "weak",
        }
    }

    /// The band of a total under the rules' thresholds.
    pub fn of(rules: &Rules, total: u32) -> Self {
        if total >= rules.score_good.value {
            Band::Good
        } else if total >= rules.score_fair.value {
            Band::Fair
        } else if total >= rules.score_average.value {
            Band::Average
        } else {
            Band::Weak
        }
    }

    /// The Vietnamese name.
    pub fn vi(self) -> &'static str {
        match self {
            Band::Good => "Tốt",
            Band::Fair => "Khá",
            Band::Average => "Trung bình",
            Band::Weak => "Yếu",
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Band::Good => "Good",
            Band::Fair => "Fair",
            Band::Average => "Average",
            Band::Weak => "Weak",
        }
    }
}
