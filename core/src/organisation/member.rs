use crate::error::Ineligibility;
use crate::ids::{CellId, LevelId, MemberId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Official (chính thức) or probationary (dự bị) membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// Đảng viên chính thức: full rights.
    Official,
    /// Đảng viên dự bị: every right except voting, electing and standing for election.
    Probationary,
}

/// Where a member's party activity is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Home {
    /// A cell of this commune.
    Cell(CellId),
    /// A level above the commune (a provincial or district member who follows cells here).
    Level(LevelId),
}

/// Exemption from work and meetings (miễn công tác và sinh hoạt đảng).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Exemption {
    /// Why: age, illness, remote work, maternity…
    pub reason: String,
    /// Since when.
    pub since: NaiveDate,
}

/// Temporary transfer of party activity (chuyển sinh hoạt tạm thời).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Transfer {
    /// Where to, as the member's papers say.
    pub reason: String,
    /// Since when.
    pub since: NaiveDate,
}

/// The independent flags of R-14, as named in commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MemberFlag {
    /// Miễn công tác và sinh hoạt đảng.
    Exempted,
    /// Đình chỉ sinh hoạt.
    Suspended,
    /// Chuyển sinh hoạt tạm thời.
    Transferred,
}

/// A party member (đảng viên).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Member {
    /// Its id.
    pub id: MemberId,
    /// Full name, e.g. `Mai Văn Hùng`.
    pub name: String,
    /// Where the member's party activity is.
    pub home: Home,
    /// Official or probationary.
    pub status: MemberStatus,
    /// Exempted from work and meetings, and why.
    pub exempted: Option<Exemption>,
    /// Suspended since, if suspended.
    pub suspended: Option<NaiveDate>,
    /// Temporarily transferred, and where.
    pub transferred: Option<Transfer>,
    /// Joined the roll on.
    pub joined_on: NaiveDate,
    /// Left the roll on (moved away, died, removed), if so.
    pub left_on: Option<NaiveDate>,
}

impl Member {
    /// Still on the roll.
    pub fn is_active(&self) -> bool {
        self.left_on.is_none()
    }

    /// An official member on the roll.
    pub fn is_official(&self) -> bool {
        self.is_active() && self.status == MemberStatus::Official
    }

    /// The member's cell, if their activity is in a cell of this commune.
    pub fn cell(&self) -> Option<&CellId> {
        match &self.home {
            Home::Cell(cell) => Some(cell),
            Home::Level(_) => None,
        }
    }

    fn in_cell(&self, cell: &CellId) -> Result<(), Ineligibility> {
        if !self.is_active() {
            Err(Ineligibility::Left)
        } else if self.cell() != Some(cell) {
            Err(Ineligibility::NotInCell)
        } else {
            Ok(())
        }
    }

    /// Whether the member may vote on a resolution of `cell`: official, present, not
    /// suspended or transferred.
    pub fn may_vote(&self, cell: &CellId, present: bool) -> Result<(), Ineligibility> {
        self.in_cell(cell)?;
        if self.status == MemberStatus::Probationary {
            Err(Ineligibility::Probationary)
        } else if self.suspended.is_some() {
            Err(Ineligibility::Suspended)
        } else if self.transferred.is_some() {
            Err(Ineligibility::Transferred)
        } else if !present {
            Err(Ineligibility::Absent)
        } else {
            Ok(())
        }
    }

    /// Whether the member can be given a task in `cell`: not exempted, suspended or
    /// transferred.
    pub fn may_work(&self, cell: &CellId) -> Result<(), Ineligibility> {
        self.in_cell(cell)?;
        if self.exempted.is_some() {
            Err(Ineligibility::Exempted)
        } else if self.suspended.is_some() {
            Err(Ineligibility::Suspended)
        } else if self.transferred.is_some() {
            Err(Ineligibility::Transferred)
        } else {
            Ok(())
        }
    }

    /// Whether the member may stand for the cell's leadership: official, not suspended.
    pub fn may_stand(&self, cell: &CellId) -> Result<(), Ineligibility> {
        self.in_cell(cell)?;
        if self.status == MemberStatus::Probationary {
            Err(Ineligibility::Probationary)
        } else if self.suspended.is_some() {
            Err(Ineligibility::Suspended)
        } else {
            Ok(())
        }
    }

    /// Whether the member counts in the counted base of a vote, given their attendance:
    /// official, not transferred or suspended, and either present or absent without an approved
    /// reason (an exempted member who is absent is left out).
    pub fn in_counted_base(&self, present: bool, excused: bool) -> bool {
        self.is_official()
            && self.transferred.is_none()
            && self.suspended.is_none()
            && (present || (!excused && self.exempted.is_none()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(status: MemberStatus) -> Member {
        Member {
            id: "m".into(),
            name: "Nguyễn Văn An".into(),
            home: Home::Cell("c".into()),
            status,
            exempted: None,
            suspended: None,
            transferred: None,
            joined_on: NaiveDate::default(),
            left_on: None,
        }
    }

    #[test]
    fn counted_base_follows_r35() {
        let official = member(MemberStatus::Official);
        assert!(
            official.in_counted_base(true, false),
            "present official counts"
        );
        assert!(
            official.in_counted_base(false, false),
            "unexcused absence still counts"
        );
        assert!(
            !official.in_counted_base(false, true),
            "excused absence is left out"
        );

        let mut exempted = member(MemberStatus::Official);
        exempted.exempted = Some(Exemption {
            reason: "tuổi cao".into(),
            since: NaiveDate::default(),
        });
        assert!(
            exempted.in_counted_base(true, false),
            "an exempted member who attends counts"
        );
        assert!(
            !exempted.in_counted_base(false, false),
            "an exempted member absent is left out"
        );

        let mut suspended = member(MemberStatus::Official);
        suspended.suspended = Some(NaiveDate::default());
        assert!(!suspended.in_counted_base(true, false));

        let mut transferred = member(MemberStatus::Official);
        transferred.transferred = Some(Transfer {
            reason: "đi làm xa".into(),
            since: NaiveDate::default(),
        });
        assert!(!transferred.in_counted_base(true, false));

        assert!(!member(MemberStatus::Probationary).in_counted_base(true, false));
    }

    #[test]
    fn probationary_members_work_but_do_not_vote() {
        let p = member(MemberStatus::Probationary);
        let cell = CellId::from("c");
        assert_eq!(p.may_vote(&cell, true), Err(Ineligibility::Probationary));
        assert_eq!(p.may_work(&cell), Ok(()));
        assert_eq!(p.may_stand(&cell), Err(Ineligibility::Probationary));
        assert_eq!(
            member(MemberStatus::Official).may_vote(&CellId::from("other"), true),
            Err(Ineligibility::NotInCell)
        );
        assert_eq!(
            member(MemberStatus::Official).may_vote(&cell, false),
            Err(Ineligibility::Absent)
        );
    }
}
