//! The meeting as held (R-31..R-33): times, roll, chair, recorder, guests, speakers.

use super::roll_index::RollIndex;
use super::vote::Vote;
use super::Context;
use crate::error::{Error, MeetingError};
use crate::ids::MemberId;
use crate::organisation::{Cell, Member, Organisation};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A member's attendance (điểm danh).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Attendance {
    /// Có mặt.
    Present,
    /// Vắng có lý do, with the reason.
    AbsentExcused {
        /// The reason given.
        reason: String,
    },
    /// Vắng không lý do.
    AbsentUnexcused,
}

impl Attendance {
    /// Present.
    pub fn is_present(&self) -> bool {
        matches!(self, Attendance::Present)
    }

    /// Absent with an approved reason.
    pub fn is_excused(&self) -> bool {
        matches!(self, Attendance::AbsentExcused { .. })
    }
}

/// One line of the roll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RollEntry {
    /// The member.
    pub member: MemberId,
    /// Present or absent, and why.
    pub attendance: Attendance,
}

/// One speaker and the gist of what they said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Speech {
    /// Who spoke: a present member or a guest.
    pub member: MemberId,
    /// The gist.
    pub gist: String,
}

/// The facts of the minutes (biên bản, R-33): what the chair records when the meeting is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct MeetingRecord {
    /// When it started.
    #[serde(
        deserialize_with = "crate::time::strict_timestamp",
        serialize_with = "crate::time::write"
    )]
    pub started_at: Timestamp,
    /// When it ended.
    #[serde(
        deserialize_with = "crate::time::strict_timestamp",
        serialize_with = "crate::time::write"
    )]
    pub ended_at: Timestamp,
    /// Where it was held.
    pub place: String,
    /// Who chaired it (and records it).
    pub chair: MemberId,
    /// Who kept the minutes (thư ký).
    pub recorder: MemberId,
    /// Every member of the cell, present or absent with the reason.
    pub roll: Vec<RollEntry>,
    /// Higher-level members who attended.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub guests: Vec<MemberId>,
    /// The agenda adopted.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub agenda: Vec<String>,
    /// Each speaker and the gist.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub speeches: Vec<Speech>,
    /// The chair's conclusions on each item.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub conclusions: Vec<String>,
    /// The vote on the resolution.
    pub vote: Vote,
    /// Whether dues were collected.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub dues_collected: bool,
}

/// R-70's count, `(present, summoned)`, over a roll's entries, each with its member's record if
/// the organisation has one: an absent member who is exempted is not summoned.
pub(super) fn count_against_summons<'a>(
    entries: impl Iterator<Item = (&'a RollEntry, Option<&'a Member>)>,
) -> (u32, u32) {
    let (mut present, mut summoned) = (0, 0);
    for (entry, member) in entries {
        let is_present = entry.attendance.is_present();
        if is_present || !member.is_some_and(|m| m.exempted.is_some()) {
            summoned += 1;
            present += usize::from(is_present);
        }
    }
    (crate::count(present), crate::count(summoned))
}

impl MeetingRecord {
    /// The roll as a map from member to attendance.
    pub fn attendance(&self) -> BTreeMap<&MemberId, &Attendance> {
        self.roll
            .iter()
            .map(|e| (&e.member, &e.attendance))
            .collect()
    }

    /// Whether the member was present.
    pub fn is_present(&self, member: &MemberId) -> bool {
        self.roll
            .iter()
            .any(|e| &e.member == member && e.attendance.is_present())
    }

    /// Attendance as R-70 counts it: `(present, summoned)`, where the summoned are the roll less
    /// exempted members who were absent (an exempted member who attends counts).
    pub fn attendance_against_summons(&self, organisation: &Organisation) -> (u32, u32) {
        count_against_summons(
            self.roll
                .iter()
                .map(|e| (e, organisation.members.get(&e.member))),
        )
    }

    /// Length in minutes.
    pub fn minutes(&self) -> i64 {
        crate::time::minutes_between(self.started_at, self.ended_at)
    }

    /// Checks the roll, chair, recorder, guests and speakers against the cell (R-31..R-33).
    /// `roll` is this record's roll, indexed.
    pub(super) fn check(
        &self,
        ctx: &Context<'_>,
        cell: &Cell,
        roll: &RollIndex<'_>,
    ) -> Result<(), Error> {
        text::required("place", &self.place)?;
        for (at, entry) in self.roll.iter().enumerate() {
            if roll.is_first_repeat(at) {
                return Err(MeetingError::RollDuplicate {
                    member: entry.member.clone(),
                }
                .into());
            }
            if !cell.members.contains(&entry.member)
                || !roll.member_at(at).is_some_and(|m| m.is_active())
            {
                return Err(MeetingError::RollNotInCell {
                    member: entry.member.clone(),
                }
                .into());
            }
            if let Attendance::AbsentExcused { reason } = &entry.attendance {
                if reason.trim().is_empty() {
                    return Err(MeetingError::AbsenceReasonRequired {
                        member: entry.member.clone(),
                    }
                    .into());
                }
                text::bounded("reason", reason)?;
            }
        }
        if let Some((missing, _)) = roll
            .cell_members(ctx.organisation, cell)
            .find(|(_, on)| on.is_none())
        {
            return Err(MeetingError::RollIncomplete {
                member: missing.id.clone(),
            }
            .into());
        }
        if !roll.is_present(&self.chair) {
            return Err(MeetingError::ChairAbsent {
                chair: self.chair.clone(),
            }
            .into());
        }
        if !cell.leadership.is_committee(&self.chair) {
            return Err(MeetingError::ChairNotLeader {
                chair: self.chair.clone(),
            }
            .into());
        }
        if !roll.is_present(&self.recorder) {
            return Err(MeetingError::RecorderAbsent {
                recorder: self.recorder.clone(),
            }
            .into());
        }
        if let Some(guest) = self
            .guests
            .iter()
            .find(|g| !ctx.organisation.is_higher_level_for(g, cell))
        {
            return Err(MeetingError::GuestNotHigherLevel {
                member: guest.clone(),
            }
            .into());
        }
        for speech in &self.speeches {
            if !roll.is_present(&speech.member) && !self.guests.contains(&speech.member) {
                return Err(MeetingError::SpeakerNotPresent {
                    member: speech.member.clone(),
                }
                .into());
            }
            text::required("gist", &speech.gist)?;
        }
        self.agenda
            .iter()
            .chain(self.conclusions.iter())
            .try_for_each(|t| text::bounded("agenda", t))?;
        Ok(())
    }
}
