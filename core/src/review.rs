//! The annual review as a cell holds it (R-72, Quy định 366-QĐ/TW), and discipline in the year
//! (R-63), as recorded decisions.
//!
//! ```text
//!   self_assess ──▶ propose_rating (at a held meeting; the cell votes, R-35) ──▶ decide_rating
//!   (the member)     (its chair; a vote that fails is kept, and the cell votes again)  (superior)
//! ```
//!
//! Each member writes a self-assessment proposing a category; the cell discusses it at a meeting
//! and votes on the category it proposes (the counted base and majority of the resolution's vote,
//! R-34/R-35); the superior committee (the commune's committees, or the member following the cell)
//! decides the category. The criteria computed by [`crate::report::rating`] are shown beside each
//! step; the decision is the people's, within two limits that refuse it: the cap on Excellent
//! (`rating_excellent_cap`) and the highest category a member disciplined in the year may have
//! (`rating_disciplined_highest`). A member exempted from activity is not rated.
//!
//! Discipline (khiển trách, cảnh cáo) is recorded by the chair of the meeting at which its vote's
//! result was announced: it takes effect then (R-63).

use crate::error::{Error, ReportError};
use crate::ids::{CellId, MeetingId, MemberId};
use crate::meeting::{Tally, Vote};
use crate::report::rating::{pct_text, within, Category};
use crate::rules::Rules;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// `self_assess`: a member's own assessment of their year (tự kiểm điểm), by the member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SelfAssessment {
    /// The year reviewed.
    pub year: i32,
    /// The member, who writes it.
    pub member: MemberId,
    /// The category the member proposes for themself.
    pub category: Category,
    /// The member's summary of strengths and shortcomings.
    pub summary: String,
}

/// `propose_rating`: the cell's vote, at a held meeting of the member's cell, on the category it
/// proposes for a member (chi bộ biểu quyết đề nghị mức xếp loại).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Named apart from `Action::ProposeRating` in Kotlin and Swift: uniffi writes a boxed
// variant's payload unqualified, which would name the variant itself.
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "RatingProposal")
)]
#[serde(deny_unknown_fields)]
pub struct ProposeRating {
    /// The held meeting where the cell voted.
    pub meeting: MeetingId,
    /// The year reviewed.
    pub year: i32,
    /// The member rated.
    pub member: MemberId,
    /// The category put to the vote.
    pub category: Category,
    /// The ballots, under the same rules as the resolution's (R-34, R-35).
    pub vote: Vote,
}

/// `decide_rating`: the superior committee's decision on a member's category (cấp ủy cấp trên
/// quyết định), after the cell's proposal passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DecideRating {
    /// The year reviewed.
    pub year: i32,
    /// The member rated.
    pub member: MemberId,
    /// The category decided.
    pub category: Category,
    /// Why it differs from the cell's proposal, or any remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
}

/// A form of discipline a cell may give a member (R-63).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DisciplineForm {
    /// Khiển trách.
    Reprimand,
    /// Cảnh cáo.
    Warning,
}

impl DecideRating {
    /// R-63, R-72: a member disciplined in the year (`discipline`: the first form recorded) is
    /// rated no higher than `rating_disciplined_highest`.
    pub(crate) fn check_discipline_cap(
        &self,
        rules: &Rules,
        discipline: Option<DisciplineForm>,
    ) -> Result<(), Error> {
        let highest = rules.rating_disciplined_highest.value;
        match discipline {
            Some(form) if self.category < highest => Err(ReportError::AboveDisciplineCap {
                member: self.member.clone(),
                form,
                highest,
            }
            .into()),
            _ => Ok(()),
        }
    }

    /// R-72: an Excellent decision keeps the cell's Excellent members within
    /// `rating_excellent_cap` of its Good or better; `counts` gives the Excellent decided for
    /// others and that base (asked only when the cap applies).
    pub(crate) fn check_excellent_cap(
        &self,
        rules: &Rules,
        cell: &CellId,
        counts: &dyn Fn() -> (u32, u32),
    ) -> Result<(), Error> {
        let (Category::Excellent, Some(cap)) = (self.category, rules.rating_excellent_cap.value)
        else {
            return Ok(());
        };
        let (excellent, base) = counts();
        if within(cap, excellent + 1, base) {
            return Ok(());
        }
        Err(ReportError::ExcellentCapReached {
            member: self.member.clone(),
            cell: cell.clone(),
            excellent,
            base,
            cap: format!(
                "{} {}",
                if cap.strict { "<" } else { "≤" },
                pct_text(cap, false)
            ),
        }
        .into())
    }
}

impl DisciplineForm {
    /// The stable snake_case code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reprimand => "reprimand",
            Self::Warning => "warning",
        }
    }

    /// The Vietnamese name, as a decision writes it (from [`crate::labels`]).
    pub fn label_vi(self) -> String {
        crate::labels::in_sentence(
            "discipline",
            self.as_str(),
            crate::report::minutes::Language::Vi,
        )
    }
}

/// `record_discipline`: discipline announced at a held meeting of the member's cell (R-63), by
/// that meeting's chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RecordDiscipline {
    /// The held meeting where the vote's result was announced.
    pub meeting: MeetingId,
    /// The member disciplined.
    pub member: MemberId,
    /// Reprimand or warning.
    pub form: DisciplineForm,
    /// The violation, as the decision states it.
    pub reason: String,
}

/// Discipline as recorded: in effect from `at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Discipline {
    /// The member.
    pub member: MemberId,
    /// Reprimand or warning.
    pub form: DisciplineForm,
    /// The violation.
    pub reason: String,
    /// The meeting where it was announced.
    pub meeting: MeetingId,
    /// When it was recorded, which is when it took effect.
    pub at: Timestamp,
}

/// A member's self-assessment as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SelfAssessed {
    /// The category proposed.
    pub category: Category,
    /// The member's summary.
    pub summary: String,
    /// When.
    pub at: Timestamp,
}

/// One vote of the cell on a member's category; a vote that did not pass is kept too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Proposal {
    /// The meeting where the cell voted.
    pub meeting: MeetingId,
    /// The category put to the vote.
    pub category: Category,
    /// The count, on the resolution's base (R-35).
    pub tally: Tally,
    /// When.
    pub at: Timestamp,
}

/// The superior committee's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decision {
    /// The category decided.
    pub category: Category,
    /// Who recorded it.
    pub by: MemberId,
    /// Any remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub note: Option<String>,
    /// When.
    pub at: Timestamp,
}

/// Where one member's review of one year stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MemberReview {
    /// The member's self-assessment (the latest, if written again before the cell's vote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub self_assessment: Option<SelfAssessed>,
    /// The cell's votes, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub proposals: Vec<Proposal>,
    /// The superior committee's decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub decision: Option<Decision>,
}

impl MemberReview {
    /// The cell's latest vote that passed: its proposal.
    pub fn proposal(&self) -> Option<&Proposal> {
        self.proposals.iter().rev().find(|p| p.tally.passed)
    }

    /// The stage reached, as a snake_case code: `not_started`, `self_assessed`, `proposed`
    /// (a vote passed), `decided`.
    pub fn stage(&self) -> &'static str {
        if self.decision.is_some() {
            "decided"
        } else if self.proposal().is_some() {
            "proposed"
        } else if self.self_assessment.is_some() {
            "self_assessed"
        } else {
            "not_started"
        }
    }
}
