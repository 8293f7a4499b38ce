use super::declare::refusals;
use super::Ineligibility;
use crate::ids::{CellId, LevelId, MemberId};
use chrono::NaiveDate;

refusals! {
    /// The organisation's rules would be broken (`organisation.*`, R-10..R-14).
    pub enum OrganisationError {
        /// R-10, a cell needs at least this many official members.
        "organisation.cell_too_small" CellTooSmall {
            /// The cell.
            cell: CellId,
            /// Its official members.
            officials: u32,
            /// The minimum.
            required: u32,
        } => en("Cell {cell} has {officials} official members; a cell needs at least {required} (R-10) before it can meet: add members or merge the cell."),
           vi("Chi bộ {cell} có {officials} đảng viên chính thức; chi bộ phải có ít nhất {required} đảng viên chính thức (R-10): bổ sung đảng viên hoặc ghép chi bộ.");
        /// R-11, under the threshold a cell has only a secretary and a deputy.
        "organisation.committee_not_allowed" CommitteeNotAllowed {
            /// The cell.
            cell: CellId,
            /// Its official members (exempted included).
            officials: u32,
            /// The threshold of R-11.
            threshold: u32,
        } => en("Cell {cell} has {officials} official members, fewer than {threshold}: it elects a secretary and deputy, not a cell committee (R-11). Leave the committee list empty."),
           vi("Chi bộ {cell} có {officials} đảng viên chính thức, dưới {threshold}: chỉ bầu bí thư và phó bí thư, không bầu chi ủy (R-11). Để trống danh sách chi ủy.");
        /// R-11, from the threshold a cell elects a committee.
        "organisation.committee_required" CommitteeRequired {
            /// The cell.
            cell: CellId,
            /// Its official members (exempted included).
            officials: u32,
            /// The threshold of R-11.
            threshold: u32,
        } => en("Cell {cell} has {officials} official members ({threshold} or more): it must elect a cell committee (R-11). List the committee members."),
           vi("Chi bộ {cell} có {officials} đảng viên chính thức (từ {threshold} trở lên): phải bầu chi ủy (R-11). Hãy nêu danh sách chi ủy viên.");
        /// R-11, at most this many committee members.
        "organisation.committee_too_large" CommitteeTooLarge {
            /// Size given.
            size: u32,
            /// The maximum.
            max: u32,
        } => en("A cell committee of {size} is too large: at most {max} (R-11)."),
           vi("Chi ủy {size} người là quá số lượng: tối đa {max} chi ủy viên (R-11).");
        /// The secretary and deputy are elected from the committee.
        "organisation.leader_not_in_committee" LeaderNotInCommittee {
            /// The secretary or deputy named.
            member: MemberId,
        } => en("{member} must be in the cell committee to be its secretary or deputy (R-11): add them to the committee list."),
           vi("Đồng chí {member} phải là chi ủy viên mới được bầu làm bí thư hoặc phó bí thư (R-11): bổ sung vào danh sách chi ủy.");
        /// R-11, the secretary and the deputy are two posts held by two people.
        "organisation.secretary_is_deputy" SecretaryIsDeputy {
            /// The member named twice.
            member: MemberId,
        } => en("{member} is named both secretary and deputy secretary (R-11: two posts, two people): name another deputy, or none."),
           vi("Đồng chí {member} được ghi vừa là bí thư vừa là phó bí thư (R-11: hai chức danh, hai người): chọn phó bí thư khác, hoặc để trống.");
        /// R-14, only official members of the cell stand.
        "organisation.not_eligible_for_election" NotEligibleForElection {
            /// The member named.
            member: MemberId,
            /// Why not.
            reason: Ineligibility,
        } => en("{member} cannot be elected to the cell's leadership: the member {reason} (R-14)."),
           vi("Đồng chí {member} không thể được bầu vào cấp ủy chi bộ: đồng chí {reason} (R-14).",
              reason = reason.vi());
        /// R-13, a cluster is in the charge of a standing committee member.
        "organisation.not_standing_member" NotStandingMember {
            /// The member named.
            member: MemberId,
        } => en("{member} is not on the commune's standing committee: a cluster of cells is in the charge of a standing committee member (R-13)."),
           vi("Đồng chí {member} không phải ủy viên ban thường vụ: cụm chi bộ do một ủy viên ban thường vụ phụ trách (R-13).");
        /// Only higher-level members follow or visit a cell.
        "organisation.not_higher_level" NotHigherLevel {
            /// The member named.
            member: MemberId,
            /// The cell.
            cell: CellId,
        } => en("{member} is neither a commune committee member nor a member of a higher level, so cannot follow or attend cell {cell} as a higher-level member (R-13, R-24)."),
           vi("Đồng chí {member} không phải cấp ủy viên xã hay đảng viên cấp trên, nên không thể được phân công theo dõi hoặc dự sinh hoạt với chi bộ {cell} với tư cách cấp trên (R-13, R-24).");
        /// R-13, a higher-level member follows a cell other than his own.
        "organisation.follower_own_cell" FollowerOwnCell {
            /// The member named.
            member: MemberId,
            /// The member's own cell.
            cell: CellId,
        } => en("{member} belongs to cell {cell}: assign a higher-level member to a cell other than their own (R-13)."),
           vi("Đồng chí {member} sinh hoạt tại chi bộ {cell}: hãy phân công theo dõi một chi bộ khác chi bộ mình sinh hoạt (R-13).");
        /// The level above the commune was abolished (R-00: no district level since 01/7/2025);
        /// nothing new is attached to it.
        "organisation.level_abolished" LevelAbolished {
            /// The level named.
            level: LevelId,
            /// The day it was abolished.
            on: NaiveDate,
        } => en("Level {level} was abolished on {on}: it takes no new members and cannot be abolished again."),
           vi("Cấp {level} đã bị bãi bỏ từ ngày {on}: không thêm đảng viên vào cấp này, cũng không bãi bỏ lại.",
              on = on.format("%d/%m/%Y"));
        /// The member is no longer on the roll.
        "organisation.member_left" MemberLeft {
            /// The member named.
            member: MemberId,
        } => en("{member} is no longer on the roll: this change does not apply."),
           vi("Đồng chí {member} không còn trong danh sách đảng viên: không thể áp dụng thay đổi này.");
        /// The member is already in that state.
        "organisation.no_change" NoChange {
            /// The member named.
            member: MemberId,
            /// The state, e.g. `official`, `exempted`.
            what: String,
        } => en("{member} is already {what}: nothing to change."),
           vi("Đồng chí {member} đã ở trạng thái {what}: không có gì thay đổi.", what = what_vi(what));
    }
}

/// The `what` of [`OrganisationError::NoChange`] when a member already follows the cell.
pub(crate) const FOLLOWER: &str = "a follower of this cell";

/// The Vietnamese of a [`OrganisationError::NoChange`]'s `what`, inside a sentence.
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
