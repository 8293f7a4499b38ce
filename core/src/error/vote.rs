use super::{Ineligibility, Refusal};
use crate::ids::MemberId;
use serde::Serialize;

/// The vote cannot be counted as given (`vote.*`, R-34, R-36). A vote that was counted and did not
/// pass is not a refusal: it is recorded (a failed sitting, an admission not passed, a score
/// not approved).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum VoteError {
    /// `vote.not_eligible`: R-34, only official members present vote.
    #[error("{member} cannot vote: the member {reason} (R-34). Remove them from the vote.")]
    NotEligible {
        /// The voter listed.
        member: MemberId,
        /// Why they may not vote.
        reason: Ineligibility,
    },
    /// `vote.duplicate_ballot`: a member is counted twice.
    #[error("{member} is counted more than once in the vote: keep one choice.")]
    DuplicateBallot {
        /// The voter listed twice.
        member: MemberId,
    },
    /// `vote.not_probationary`: only a probationary member can be recognised as official.
    #[error(
        "{member} is not a probationary member of this cell, so cannot be recognised as official."
    )]
    NotProbationary {
        /// The member named.
        member: MemberId,
    },
}

impl Refusal for VoteError {
    fn code(&self) -> &'static str {
        match self {
            Self::NotEligible { .. } => "vote.not_eligible",
            Self::DuplicateBallot { .. } => "vote.duplicate_ballot",
            Self::NotProbationary { .. } => "vote.not_probationary",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::NotEligible { member, reason } => format!(
                "Đồng chí {member} không được biểu quyết: đồng chí {} (R-34). Hãy bỏ khỏi danh sách biểu quyết.",
                reason.vi()
            ),
            Self::DuplicateBallot { member } => format!(
                "Đồng chí {member} được tính hơn một lần trong biểu quyết: chỉ giữ một lựa chọn."
            ),
            Self::NotProbationary { member } => format!(
                "Đồng chí {member} không phải đảng viên dự bị của chi bộ nên không thể xét công nhận chính thức."
            ),
        }
    }
}
