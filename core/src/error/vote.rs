use super::declare::refusals;
use super::Ineligibility;
use crate::ids::MemberId;

refusals! {
    /// The vote cannot be counted as given (`vote.*`, R-34, R-36). A vote that was counted and did
    /// not pass is not a refusal: it is recorded (a failed sitting, an admission not passed, a score
    /// not approved).
    pub enum VoteError {
        /// R-34, only official members present vote.
        "vote.not_eligible" NotEligible {
            /// The voter listed.
            member: MemberId,
            /// Why they may not vote.
            reason: Ineligibility,
        } => en("{member} cannot vote: the member {reason} (R-34). Remove them from the vote."),
           vi("Đồng chí {member} không được biểu quyết: đồng chí {reason} (R-34). Hãy bỏ khỏi danh sách biểu quyết.",
              reason = reason.vi());
        /// A member is counted twice.
        "vote.duplicate_ballot" DuplicateBallot {
            /// The voter listed twice.
            member: MemberId,
        } => en("{member} is counted more than once in the vote: keep one choice."),
           vi("Đồng chí {member} được tính hơn một lần trong biểu quyết: chỉ giữ một lựa chọn.");
        /// Only a probationary member can be recognised as official.
        "vote.not_probationary" NotProbationary {
            /// The member named.
            member: MemberId,
        } => en("{member} is not a probationary member of this cell, so cannot be recognised as official."),
           vi("Đồng chí {member} không phải đảng viên dự bị của chi bộ nên không thể xét công nhận chính thức.");
    }
}
