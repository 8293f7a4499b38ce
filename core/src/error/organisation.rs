use super::{Ineligibility, Refusal};
use crate::ids::{CellId, LevelId, MemberId};
use chrono::NaiveDate;
use serde::Serialize;

/// The organisation's rules would be broken (`organisation.*`, R-10..R-14).
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum OrganisationError {
    /// `organisation.cell_too_small`: R-10, a cell needs at least this many official members.
    #[error("Cell {cell} has {officials} official members; a cell needs at least {required} (R-10) before it can meet: add members or merge the cell.")]
    CellTooSmall {
        /// The cell.
        cell: CellId,
        /// Its official members.
        officials: u32,
        /// The minimum.
        required: u32,
    },
    /// `organisation.committee_not_allowed`: R-11, under the threshold a cell has only a secretary
    /// and a deputy.
    #[error("Cell {cell} has {officials} official members, fewer than {threshold}: it elects a secretary and deputy, not a cell committee (R-11). Leave the committee list empty.")]
    CommitteeNotAllowed {
        /// The cell.
        cell: CellId,
        /// Its official members (exempted included).
        officials: u32,
        /// The threshold of R-11.
        threshold: u32,
    },
    /// `organisation.committee_required`: R-11, from the threshold a cell elects a committee.
    #[error("Cell {cell} has {officials} official members ({threshold} or more): it must elect a cell committee (R-11). List the committee members.")]
    CommitteeRequired {
        /// The cell.
        cell: CellId,
        /// Its official members (exempted included).
        officials: u32,
        /// The threshold of R-11.
        threshold: u32,
    },
    /// `organisation.committee_too_large`: R-11, at most this many committee members.
    #[error("A cell committee of {size} is too large: at most {max} (R-11).")]
    CommitteeTooLarge {
        /// Size given.
        size: u32,
        /// The maximum.
        max: u32,
    },
    /// `organisation.leader_not_in_committee`: the secretary and deputy are elected from the committee.
    #[error("{member} must be in the cell committee to be its secretary or deputy (R-11): add them to the committee list.")]
    LeaderNotInCommittee {
        /// The secretary or deputy named.
        member: MemberId,
    },
    /// `organisation.secretary_is_deputy`: R-11, the secretary and the deputy are two posts held by
    /// two people.
    #[error("{member} is named both secretary and deputy secretary (R-11: two posts, two people): name another deputy, or none.")]
    SecretaryIsDeputy {
        /// The member named twice.
        member: MemberId,
    },
    /// `organisation.not_eligible_for_election`: R-14, only official members of the cell stand.
    #[error("{member} cannot be elected to the cell's leadership: the member {reason} (R-14).")]
    NotEligibleForElection {
        /// The member named.
        member: MemberId,
        /// Why not.
        reason: Ineligibility,
    },
    /// `organisation.not_standing_member`: R-13, a cluster is in the charge of a standing
    /// committee member.
    #[error("{member} is not on the commune's standing committee: a cluster of cells is in the charge of a standing committee member (R-13).")]
    NotStandingMember {
        /// The member named.
        member: MemberId,
    },
    /// `organisation.not_higher_level`: only higher-level members follow or visit a cell.
    #[error("{member} is neither a commune committee member nor a member of a higher level, so cannot follow or attend cell {cell} as a higher-level member (R-13, R-24).")]
    NotHigherLevel {
        /// The member named.
        member: MemberId,
        /// The cell.
        cell: CellId,
    },
    /// `organisation.follower_own_cell`: R-13, a higher-level member follows a cell other than his own.
    #[error("{member} belongs to cell {cell}: assign a higher-level member to a cell other than their own (R-13).")]
    FollowerOwnCell {
        /// The member named.
        member: MemberId,
        /// The member's own cell.
        cell: CellId,
    },
    /// `organisation.level_abolished`: the level above the commune was abolished (R-00: no
    /// district level since 01/7/2025); nothing new is attached to it.
    #[error("Level {level} was abolished on {on}: it takes no new members and cannot be abolished again.")]
    LevelAbolished {
        /// The level named.
        level: LevelId,
        /// The day it was abolished.
        on: NaiveDate,
    },
    /// `organisation.member_left`: the member is no longer on the roll.
    #[error("{member} is no longer on the roll: this change does not apply.")]
    MemberLeft {
        /// The member named.
        member: MemberId,
    },
    /// `organisation.no_change`: the member is already in that state.
    #[error("{member} is already {what}: nothing to change.")]
    NoChange {
        /// The member named.
        member: MemberId,
        /// The state, e.g. `official`, `exempted`.
        what: String,
    },
}

/// The `what` of [`OrganisationError::NoChange`] when a member already follows the cell.
pub(crate) const FOLLOWER: &str = "a follower of this cell";

fn what_vi(what: &str) -> &str {
    match what {
        "official" => "đảng viên chính thức",
        "probationary" => "đảng viên dự bị",
        "exempted" => "được miễn công tác và sinh hoạt",
        "not exempted" => "không được miễn",
        "suspended" => "bị đình chỉ sinh hoạt",
        "not suspended" => "không bị đình chỉ",
        "transferred" => "chuyển sinh hoạt tạm thời",
        "not transferred" => "không chuyển sinh hoạt tạm thời",
        FOLLOWER => "người theo dõi chi bộ này",
        other => other,
    }
}

impl Refusal for OrganisationError {
    fn code(&self) -> &'static str {
        match self {
            Self::CellTooSmall { .. } => "organisation.cell_too_small",
            Self::CommitteeNotAllowed { .. } => "organisation.committee_not_allowed",
            Self::CommitteeRequired { .. } => "organisation.committee_required",
            Self::CommitteeTooLarge { .. } => "organisation.committee_too_large",
            Self::LeaderNotInCommittee { .. } => "organisation.leader_not_in_committee",
            Self::SecretaryIsDeputy { .. } => "organisation.secretary_is_deputy",
            Self::NotEligibleForElection { .. } => "organisation.not_eligible_for_election",
            Self::NotStandingMember { .. } => "organisation.not_standing_member",
            Self::NotHigherLevel { .. } => "organisation.not_higher_level",
            Self::FollowerOwnCell { .. } => "organisation.follower_own_cell",
            Self::LevelAbolished { .. } => "organisation.level_abolished",
            Self::MemberLeft { .. } => "organisation.member_left",
            Self::NoChange { .. } => "organisation.no_change",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::CellTooSmall { cell, officials, required } => format!(
                "Chi bộ {cell} có {officials} đảng viên chính thức; chi bộ phải có ít nhất {required} đảng viên chính thức (R-10): bổ sung đảng viên hoặc ghép chi bộ."
            ),
            Self::CommitteeNotAllowed { cell, officials, threshold } => format!(
                "Chi bộ {cell} có {officials} đảng viên chính thức, dưới {threshold}: chỉ bầu bí thư và phó bí thư, không bầu chi ủy (R-11). Để trống danh sách chi ủy."
            ),
            Self::CommitteeRequired { cell, officials, threshold } => format!(
                "Chi bộ {cell} có {officials} đảng viên chính thức (từ {threshold} trở lên): phải bầu chi ủy (R-11). Hãy nêu danh sách chi ủy viên."
            ),
            Self::CommitteeTooLarge { size, max } => format!(
                "Chi ủy {size} người là quá số lượng: tối đa {max} chi ủy viên (R-11)."
            ),
            Self::LeaderNotInCommittee { member } => format!(
                "Đồng chí {member} phải là chi ủy viên mới được bầu làm bí thư hoặc phó bí thư (R-11): bổ sung vào danh sách chi ủy."
            ),
            Self::SecretaryIsDeputy { member } => format!(
                "Đồng chí {member} được ghi vừa là bí thư vừa là phó bí thư (R-11: hai chức danh, hai người): chọn phó bí thư khác, hoặc để trống."
            ),
            Self::NotEligibleForElection { member, reason } => format!(
                "Đồng chí {member} không thể được bầu vào cấp ủy chi bộ: đồng chí {} (R-14).",
                reason.vi()
            ),
            Self::NotStandingMember { member } => format!(
                "Đồng chí {member} không phải ủy viên ban thường vụ: cụm chi bộ do một ủy viên ban thường vụ phụ trách (R-13)."
            ),
            Self::NotHigherLevel { member, cell } => format!(
                "Đồng chí {member} không phải cấp ủy viên xã hay đảng viên cấp trên, nên không thể được phân công theo dõi hoặc dự sinh hoạt với chi bộ {cell} với tư cách cấp trên (R-13, R-24)."
            ),
            Self::FollowerOwnCell { member, cell } => format!(
                "Đồng chí {member} sinh hoạt tại chi bộ {cell}: hãy phân công theo dõi một chi bộ khác chi bộ mình sinh hoạt (R-13)."
            ),
            Self::LevelAbolished { level, on } => format!(
                "Cấp {level} đã bị bãi bỏ từ ngày {}: không thêm đảng viên vào cấp này, cũng không bãi bỏ lại.",
                on.format("%d/%m/%Y")
            ),
            Self::MemberLeft { member } => format!(
                "Đồng chí {member} không còn trong danh sách đảng viên: không thể áp dụng thay đổi này."
            ),
            Self::NoChange { member, what } => format!(
                "Đồng chí {member} đã ở trạng thái {}: không có gì thay đổi.",
                what_vi(what)
            ),
        }
    }
}
