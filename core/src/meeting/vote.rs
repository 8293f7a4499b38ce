//! Voting (R-34..R-37): who votes, the counted base, and the thresholds.

use super::record::MeetingRecord;
use super::roll_index::RollIndex;
use super::Context;
use crate::error::{Error, Ineligibility, VoteError};
use crate::ids::MemberId;
use crate::organisation::{Cell, MemberStatus};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A show of hands (biểu quyết), by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// Tán thành.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub yes: Vec<MemberId>,
    /// Không tán thành.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub no: Vec<MemberId>,
    /// Không biểu quyết (abstain).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub abstain: Vec<MemberId>,
}

/// The counted result of a vote on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Tally {
    /// Members on the roll.
    pub members: u32,
    /// Official members on the roll.
    pub officials: u32,
    /// Members present.
    pub present: u32,
    /// Members expected to attend, the base of R-70's attendance rate: those on the roll less
    /// exempted members who were absent (an exempted member who came counts as present).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub expected: u32,
    /// The counted base of R-35: official members summoned, leaving out the transferred, the
    /// suspended, exempted members who are absent, and members absent with an approved reason.
    pub counted_base: u32,
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// Votes for that were needed.
    pub needed: u32,
    /// Members of the counted base who were present.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub present_in_base: u32,
    /// Present members of the counted base the commune's quorum rule needed; `None`
    /// without a quorum rule.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub quorum_needed: Option<u32>,
    /// Whether the resolution passed: the quorum (if any) met and the majority reached.
    pub passed: bool,
}

impl Tally {
    /// Whether the commune's quorum rule (if any) was met.
    pub fn quorum_met(&self) -> bool {
        !matches!(self.quorum_needed, Some(needed) if self.present_in_base < needed)
    }
}

/// Checks every ballot: each voter once, present, official, not suspended or transferred.
fn check_ballots(
    ctx: &Context<'_>,
    cell: &Cell,
    roll: &RollIndex<'_>,
    vote: &Vote,
) -> Result<(), VoteError> {
    let mut ballots = roll.ballot_box();
    for voter in vote.yes.iter().chain(&vote.no).chain(&vote.abstain) {
        let on_roll = roll.get(voter);
        // A voter off the roll is refused below at their first ballot (absent, R-34), so only
        // the roll's members need their ballots marked.
        if on_roll.is_some_and(|on| !ballots.cast(on)) {
            return Err(VoteError::DuplicateBallot {
                member: voter.clone(),
            });
        }
        let member = on_roll
            .and_then(|on| on.member)
            .or_else(|| ctx.organisation.members.get(voter))
            .ok_or(VoteError::NotEligible {
                member: voter.clone(),
                reason: Ineligibility::NotInCell,
            })?;
        member
            .may_vote(&cell.id, on_roll.is_some_and(|on| on.present))
            .map_err(|reason| VoteError::NotEligible {
                member: voter.clone(),
                reason,
            })?;
    }
    Ok(())
}

/// Counts the vote on the resolution recorded in `record`. Returns the tally,
/// passed or not (a missed quorum does not pass); an invalid ballot is an error.
pub fn count_resolution(
    ctx: &Context<'_>,
    cell: &Cell,
    record: &MeetingRecord,
) -> Result<Tally, Error> {
    count_vote(ctx, cell, record, &record.vote)
}

/// Counts `vote`, taken at the sitting `record` minutes, as [`count_resolution`] counts the
/// resolution's (the same ballot rules and majority): a quality score's vote.
pub(crate) fn count_vote(
    ctx: &Context<'_>,
    cell: &Cell,
    record: &MeetingRecord,
    vote: &Vote,
) -> Result<Tally, Error> {
    count_on(ctx, cell, &RollIndex::of(record, ctx.organisation), vote)
}

/// [`count_vote`] on the sitting's roll, indexed (adoption indexes it once for the minutes'
/// check, the count and the attendance rate).
pub(super) fn count_on(
    ctx: &Context<'_>,
    cell: &Cell,
    roll: &RollIndex<'_>,
    vote: &Vote,
) -> Result<Tally, Error> {
    check_ballots(ctx, cell, roll, vote)?;
    let mut members = 0;
    let mut officials = 0;
    let mut present = 0;
    let mut counted_base = 0;
    let mut present_in_base = 0;
    for (member, at) in roll.cell_members(ctx.organisation, cell) {
        members += 1;
        let is_present = at.is_some_and(|on| on.attendance.is_present());
        let excused = at.is_some_and(|on| on.attendance.is_excused());
        if member.is_official() {
            officials += 1;
        }
        if is_present {
            present += 1;
        }
        if member.in_counted_base(is_present, excused) {
            counted_base += 1;
            if is_present {
                present_in_base += 1;
            }
        }
    }
    let quorum_needed = ctx.rules.quorum.value.map(|q| q.needed(counted_base));
    let majority = ctx.rules.resolution_majority.value;
    let yes = crate::count(vote.yes.len());
    let (_, expected) = roll.attendance_against_summons();
    let mut tally = Tally {
        members,
        officials,
        present,
        expected,
        counted_base,
        yes,
        no: crate::count(vote.no.len()),
        abstain: crate::count(vote.abstain.len()),
        needed: majority.needed(counted_base),
        present_in_base,
        quorum_needed,
        passed: false,
    };
    tally.passed = tally.quorum_met() && majority.is_met(yes, counted_base);
    Ok(tally)
}

/// What an admission vote decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AdmissionSubject {
    /// Kết nạp: propose admitting a candidate to the party.
    Admit {
        /// The candidate's full name.
        candidate: String,
    },
    /// Công nhận đảng viên chính thức: recognise a probationary member as official.
    RecogniseOfficial {
        /// The probationary member.
        member: MemberId,
    },
}

/// An admission or recognition decided at a meeting, with its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AdmissionDecision {
    /// What was decided.
    pub subject: AdmissionSubject,
    /// When.
    pub at: Timestamp,
    /// The cell's official members: the base of R-36.
    pub officials: u32,
    /// Tán thành.
    pub yes: u32,
    /// Không tán thành.
    pub no: u32,
    /// Không biểu quyết.
    pub abstain: u32,
    /// Votes for that were needed.
    pub needed: u32,
    /// Whether it passed (at least the share of R-36); a vote that did not is recorded too.
    #[serde(default = "passed_by_default")]
    pub passed: bool,
}

/// Decisions recorded before `passed` existed were all passed ones (a failed vote was refused).
fn passed_by_default() -> bool {
    true
}

/// Counts an admission or recognition vote taken at a held meeting: it passes with at least two
/// thirds of the cell's official members; one that does not is recorded as not passed.
pub fn count_admission(
    ctx: &Context<'_>,
    cell: &Cell,
    record: &MeetingRecord,
    subject: &AdmissionSubject,
    vote: &Vote,
    at: Timestamp,
) -> Result<AdmissionDecision, Error> {
    match subject {
        AdmissionSubject::Admit { candidate } => crate::text::required("candidate", candidate)?,
        AdmissionSubject::RecogniseOfficial { member } => {
            let ok = ctx.organisation.members.get(member).is_some_and(|m| {
                m.is_active()
                    && m.cell() == Some(&cell.id)
                    && m.status == MemberStatus::Probationary
            });
            if !ok {
                return Err(VoteError::NotProbationary {
                    member: member.clone(),
                }
                .into());
            }
        }
    }
    check_ballots(ctx, cell, &RollIndex::of(record, ctx.organisation), vote)?;
    let officials = ctx.organisation.official_count(cell);
    let yes = crate::count(vote.yes.len());
    let threshold = ctx.rules.admission_majority.value;
    Ok(AdmissionDecision {
        subject: subject.clone(),
        at,
        officials,
        yes,
        no: crate::count(vote.no.len()),
        abstain: crate::count(vote.abstain.len()),
        needed: threshold.needed(officials),
        passed: threshold.is_met(yes, officials),
    })
}
