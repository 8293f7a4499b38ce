use serde::Serialize;
use std::fmt;

/// Who a step needs (for [`super::PermissionError::Denied`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Needed {
    /// The commune's registrar (who keeps the records) or a standing committee member.
    Registrar,
    /// An executive or standing committee member of the commune.
    CommuneCommittee,
    /// The secretary of the cell.
    CellSecretary,
    /// The secretary or deputy secretary of the cell.
    CellLeader,
    /// A member of the cell committee (or, without a committee, the secretary or deputy).
    CellCommittee,
    /// A member of the superior committee (executive, standing or inspection committee), or a
    /// higher-level member assigned to follow the cell.
    Superior,
    /// A member of the commune's inspection or standing committee.
    InspectionCommittee,
    /// The member the record is about, themself (a self-assessment).
    TheMember,
}

impl Needed {
    /// The Vietnamese label.
    pub fn vi(self) -> &'static str {
        match self {
            Needed::Registrar => "cán bộ văn phòng đảng ủy hoặc ủy viên ban thường vụ",
            Needed::CommuneCommittee => "ủy viên ban chấp hành hoặc ban thường vụ đảng ủy",
            Needed::CellSecretary => "bí thư chi bộ",
            Needed::CellLeader => "bí thư hoặc phó bí thư chi bộ",
            Needed::CellCommittee => "chi ủy viên (hoặc bí thư, phó bí thư nơi không có chi ủy)",
            Needed::Superior => {
                "ủy viên cấp ủy cấp trên, ủy ban kiểm tra, hoặc đồng chí được phân công theo dõi chi bộ"
            }
            Needed::InspectionCommittee => "ủy viên ủy ban kiểm tra hoặc ban thường vụ đảng ủy",
            Needed::TheMember => "chính đảng viên được đánh giá",
        }
    }
}

impl fmt::Display for Needed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Needed::Registrar => "the commune's registrar or a standing committee member",
            Needed::CommuneCommittee => "an executive or standing committee member of the commune",
            Needed::CellSecretary => "the cell's secretary",
            Needed::CellLeader => "the cell's secretary or deputy secretary",
            Needed::CellCommittee => "a cell committee member (or the secretary or deputy where there is no committee)",
            Needed::Superior => "a member of the superior committee or its inspection committee, or the higher-level member assigned to follow the cell",
            Needed::InspectionCommittee => "a member of the commune's inspection or standing committee",
            Needed::TheMember => "the member reviewed, themself",
        })
    }
}

/// Why a member may not vote, stand for election, or be given a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Ineligibility {
    /// A probationary member: no vote, no election.
    Probationary,
    /// Not present at the meeting.
    Absent,
    /// Suspended from party activity.
    Suspended,
    /// Temporarily transferred to another cell.
    Transferred,
    /// Exempted from work and meetings.
    Exempted,
    /// Not a member of this cell.
    NotInCell,
    /// No longer on the roll.
    Left,
    /// Not on the commune's roll at all (an id nobody was added under).
    NotOnRoll,
}

impl Ineligibility {
    /// The Vietnamese label.
    pub fn vi(self) -> &'static str {
        match self {
            Ineligibility::Probationary => "là đảng viên dự bị",
            Ineligibility::Absent => "vắng mặt",
            Ineligibility::Suspended => "đang bị đình chỉ sinh hoạt",
            Ineligibility::Transferred => "đang chuyển sinh hoạt tạm thời",
            Ineligibility::Exempted => "được miễn công tác và sinh hoạt đảng",
            Ineligibility::NotInCell => "không sinh hoạt ở chi bộ này",
            Ineligibility::Left => "không còn trong danh sách đảng viên",
            Ineligibility::NotOnRoll => "không có trong danh sách đảng viên của đảng bộ",
        }
    }
}

impl fmt::Display for Ineligibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ineligibility::Probationary => "is a probationary member",
            Ineligibility::Absent => "is absent",
            Ineligibility::Suspended => "is suspended",
            Ineligibility::Transferred => "is temporarily transferred",
            Ineligibility::Exempted => "is exempted from work and meetings",
            Ineligibility::NotInCell => "is not a member of this cell",
            Ineligibility::Left => "is no longer on the roll",
            Ineligibility::NotOnRoll => "is not on the commune's roll",
        })
    }
}

/// The Vietnamese name of a kind of record, for messages.
pub(crate) fn kind_vi(kind: &str) -> &str {
    match kind {
        "cell" => "chi bộ",
        "member" => "đảng viên",
        "meeting" => "kỳ sinh hoạt",
        "task" => "nhiệm vụ",
        "inspection" => "cuộc kiểm tra, giám sát",
        "remediation" => "yêu cầu khắc phục",
        "directive" => "chủ trương của đảng ủy",
        "level" => "cấp ủy cấp trên",
        "cluster" => "cụm chi bộ",
        "review" => "việc đánh giá, xếp loại",
        other => other,
    }
}
