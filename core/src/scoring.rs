//! The quality score a meeting is given (R-71) and the general-criteria points of the annual
//! rating (R-72), as recorded decisions.
//!
//! ```text
//!   propose_score ──▶ ┌──────────┐ vote_score (more than half) ┌───────┐ confirm_score ┌───────────┐
//!   (cell committee)  │ Proposed │ ──────────────────────────▶ │ Voted │ ────────────▶ │ Confirmed │
//!                     └──────────┘                             └───────┘  (accepted)   └───────────┘
//!                        │ vote_score, not approved (the vote kept) → NotApproved → propose again
//!                        ▲   ▲ propose_score again                 │ confirm_score (returned)
//!                        │   └───────────── ┌──────────┐ ◀─────────┘
//!                        └───────────────── │ Returned │
//!                                           └──────────┘
//! ```
//!
//! The score is computed by [`crate::report::quality::score`] from the meeting's record and the
//! points the committee enters; the members vote on it (the counted base of R-35); the higher-level
//! member assigned to the cell, or the commune committee, confirms it or returns it.

use crate::ids::{MeetingId, MemberId};
use crate::meeting::{Tally, Vote};
use crate::report::quality::{Band, Rubric, SharedRubric};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a meeting's score stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ScoreState {
    /// Proposed by the cell committee, not yet voted.
    Proposed,
    /// Approved by the members' vote, awaiting confirmation.
    Voted,
    /// Not approved by the members' vote (the vote is kept): to be proposed again.
    NotApproved,
    /// Confirmed by the higher-level member: final.
    Confirmed,
    /// Returned by the higher-level member: to be proposed again.
    Returned,
}

impl ScoreState {
    /// The stable snake_case code, e.g. `confirmed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ScoreState::Proposed => "proposed",
            ScoreState::Voted => "voted",
            ScoreState::NotApproved => "not_approved",
            ScoreState::Confirmed => "confirmed",
            ScoreState::Returned => "returned",
        }
    }
}

/// A meeting's score as proposed, voted and confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScoreRecord {
    /// The meeting scored.
    pub meeting: MeetingId,
    /// The rubric used, kept whole so the score stays reproducible if presets change.
    pub rubric: SharedRubric,
    /// The points entered by the committee, by criterion id.
    pub entered: BTreeMap<String, u32>,
    /// The total when proposed.
    pub total: u32,
    /// Its band when proposed.
    pub band: Band,
    /// Who proposed it.
    pub proposed_by: MemberId,
    /// When.
    pub proposed_at: Timestamp,
    /// The members' vote, once held.
    pub vote: Option<Tally>,
    /// Who confirmed or returned it.
    pub decided_by: Option<MemberId>,
    /// When.
    pub decided_at: Option<Timestamp>,
    /// The confirmer's note.
    pub note: Option<String>,
    /// Where it stands.
    pub state: ScoreState,
}

/// `propose_score`: the cell committee proposes a meeting's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// Named apart from `Action::ProposeScore` in Kotlin and Swift: uniffi writes a boxed
// variant's payload unqualified, which would name the variant itself.
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "ScoreProposal")
)]
#[serde(deny_unknown_fields)]
pub struct ProposeScore {
    /// The meeting (held: adopted or later).
    pub meeting: MeetingId,
    /// The rubric; the commune's default preset (Phú Thọ) when absent.
    #[serde(default)]
    pub rubric: Option<Rubric>,
    /// Points for the criteria people judge, by criterion id.
    #[serde(default)]
    pub entered: BTreeMap<String, u32>,
}

/// `vote_score`: the members present at the meeting vote on the proposed score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct VoteScore {
    /// The meeting.
    pub meeting: MeetingId,
    /// The ballots, as for the resolution (R-34, R-35).
    pub vote: Vote,
}

/// `enter_general_points`: the cell committee enters a member's general-criteria points for the
/// annual rating (R-72; 0 to 30).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct EnterGeneralPoints {
    /// The year rated.
    pub year: i32,
    /// The member.
    pub member: MemberId,
    /// The points, 0 to `Rules::rating_general_max` (30).
    pub points: u32,
}
