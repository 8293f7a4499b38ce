use super::{Ineligibility, Refusal};
use crate::ids::MemberId;
use serde::Serialize;

/// The vote is invalid or did not pass (`vote.*`, R-34..R-37).
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
    /// `vote.failed`: R-35, more than half of the counted base must approve. The draft is kept.
    #[error("The resolution was not adopted: {yes} of a counted base of {counted_base} approved, {needed} were needed (R-35). The draft is kept: revise it and vote again.")]
    Failed {
        /// Votes for.
        yes: u32,
        /// Votes against.
        no: u32,
        /// Abstentions.
        abstain: u32,
        /// The counted base of R-35.
        counted_base: u32,
        /// Votes for that were needed.
        needed: u32,
    },
    /// `vote.score_failed`: R-71, the members did not approve the proposed quality score.
    #[error("The proposed quality score was not approved: {yes} of a counted base of {counted_base} approved, {needed} were needed (R-71). The committee may propose it again.")]
    ScoreFailed {
        /// Votes for.
        yes: u32,
        /// The counted base of R-35.
        counted_base: u32,
        /// Votes for that were needed.
        needed: u32,
    },
    /// `vote.quorum_not_met`: R-37, when a quorum is set.
    #[error("Only {present} of a counted base of {counted_base} were present; the quorum is {needed} (R-37). Hold the vote when enough members attend.")]
    QuorumNotMet {
        /// Official members present.
        present: u32,
        /// The counted base.
        counted_base: u32,
        /// Present members needed.
        needed: u32,
    },
    /// `vote.two_thirds_not_reached`: R-36, admissions need two thirds of the official members.
    #[error("{yes} of the cell's {officials} official members approved; admitting a member or recognising an official member needs {needed} (R-36).")]
    TwoThirdsNotReached {
        /// Votes for.
        yes: u32,
        /// The cell's official members.
        officials: u32,
        /// Votes for that were needed.
        needed: u32,
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
            Self::Failed { .. } => "vote.failed",
            Self::QuorumNotMet { .. } => "vote.quorum_not_met",
            Self::ScoreFailed { .. } => "vote.score_failed",
            Self::TwoThirdsNotReached { .. } => "vote.two_thirds_not_reached",
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
            Self::Failed { yes, counted_base, needed, .. } => format!(
                "Nghị quyết chưa được thông qua: {yes}/{counted_base} đảng viên trong số được tính tán thành, cần {needed} (R-35). Dự thảo được giữ nguyên: hãy chỉnh sửa và biểu quyết lại."
            ),
            Self::ScoreFailed { yes, counted_base, needed } => format!(
                "Điểm chất lượng đề xuất chưa được thông qua: {yes}/{counted_base} đảng viên trong số được tính tán thành, cần {needed} (R-71). Chi ủy có thể đề xuất lại."
            ),
            Self::QuorumNotMet { present, counted_base, needed } => format!(
                "Chỉ có {present}/{counted_base} đảng viên có mặt; cần {needed} (R-37). Biểu quyết khi đủ số đảng viên dự họp."
            ),
            Self::TwoThirdsNotReached { yes, officials, needed } => format!(
                "{yes}/{officials} đảng viên chính thức tán thành; kết nạp hoặc công nhận đảng viên chính thức cần {needed} (R-36)."
            ),
            Self::NotProbationary { member } => format!(
                "Đồng chí {member} không phải đảng viên dự bị của chi bộ nên không thể xét công nhận chính thức."
            ),
        }
    }
}
