//! [`RollIndex`]: a sitting's roll indexed once, for checking the minutes and counting a vote.
//!
//! Both ask about every member of the cell and every ballot: who is on the roll, present or
//! excused, listed twice, and whether a member has voted already. One index of the roll answers
//! all of it; before it, the check built two hash sets of the same roll (the members listed,
//! the present ones) and the count three more (the present members again, the attendance, the
//! ballots seen): a fifth of the time to apply an event (docs/performance.md, "Fifth round").

use super::record::{Attendance, MeetingRecord};
use crate::ids::MemberId;
use rustc_hash::FxHashMap;

/// What the roll says of one member.
#[derive(Debug, Clone, Copy)]
pub(super) struct OnRoll<'a> {
    /// The member's attendance: their last entry's, should the roll list them twice (as
    /// [`MeetingRecord::attendance`] gives it).
    pub(super) attendance: &'a Attendance,
    /// Whether any entry of theirs is present (as [`MeetingRecord::is_present`] answers).
    pub(super) present: bool,
    /// Their place among the distinct members of the roll, from 0: a slot for marking ballots.
    slot: usize,
}

/// A sitting's roll, indexed by member.
pub(super) struct RollIndex<'a> {
    members: FxHashMap<&'a MemberId, OnRoll<'a>>,
    /// The position in the roll of the first entry naming a member named before, if any.
    repeated_at: Option<usize>,
}

impl<'a> RollIndex<'a> {
    /// Indexes the roll of `record`.
    pub(super) fn of(record: &'a MeetingRecord) -> Self {
        let mut members: FxHashMap<&MemberId, OnRoll<'_>> =
            FxHashMap::with_capacity_and_hasher(record.roll.len(), Default::default());
        let mut repeated_at = None;
        for (at, entry) in record.roll.iter().enumerate() {
            let slot = members.len();
            let present = entry.attendance.is_present();
            members
                .entry(&entry.member)
                .and_modify(|on| {
                    on.attendance = &entry.attendance;
                    on.present |= present;
                    repeated_at = repeated_at.or(Some(at));
                })
                .or_insert(OnRoll {
                    attendance: &entry.attendance,
                    present,
                    slot,
                });
        }
        Self {
            members,
            repeated_at,
        }
    }

    /// Whether the entry at `at` in the roll is the first to name a member named before.
    pub(super) fn is_first_repeat(&self, at: usize) -> bool {
        self.repeated_at == Some(at)
    }

    /// Whether the roll names `member`.
    pub(super) fn lists(&self, member: &MemberId) -> bool {
        self.members.contains_key(member)
    }

    /// What the roll says of `member`, if it lists them.
    pub(super) fn get(&self, member: &MemberId) -> Option<OnRoll<'a>> {
        self.members.get(member).copied()
    }

    /// Whether `member` is present.
    pub(super) fn is_present(&self, member: &MemberId) -> bool {
        self.get(member).is_some_and(|on| on.present)
    }

    /// A record of the ballots cast so far, one mark per member of the roll.
    pub(super) fn ballot_box(&self) -> BallotBox {
        BallotBox {
            cast: vec![false; self.members.len()],
        }
    }
}

/// The members of a roll who have cast a ballot.
pub(super) struct BallotBox {
    cast: Vec<bool>,
}

impl BallotBox {
    /// Marks `on`'s ballot; `false` when they had already cast one.
    pub(super) fn cast(&mut self, on: OnRoll<'_>) -> bool {
        match self.cast.get_mut(on.slot) {
            Some(cast) => !std::mem::replace(cast, true),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A roll that lists `b` twice (absent, then present) and `c` twice (present, then excused):
    /// what the minutes' check refuses, but what a caller may still hand to a count.
    fn record() -> Result<MeetingRecord, serde_json::Error> {
        serde_json::from_str(
            r#"{"started_at": "2026-01-20T08:00:00+07:00", "ended_at": "2026-01-20T10:00:00+07:00",
                "place": "Hội trường", "chair": "a", "recorder": "b",
                "roll": [{"member": "a", "attendance": "present"},
                         {"member": "b", "attendance": "absent_unexcused"},
                         {"member": "c", "attendance": "present"},
                         {"member": "b", "attendance": "present"},
                         {"member": "c", "attendance": {"absent_excused": {"reason": "ốm"}}}],
                "vote": {"yes": [], "no": [], "abstain": []}}"#,
        )
    }

    #[test]
    fn answers_as_the_roll_reads() -> Result<(), serde_json::Error> {
        let record = record()?;
        let roll = RollIndex::of(&record);
        let (a, b, c, d) = (
            MemberId::new("a"),
            MemberId::new("b"),
            MemberId::new("c"),
            MemberId::new("d"),
        );
        // Presence: in any entry (as `MeetingRecord::is_present`).
        for member in [&a, &b, &c, &d] {
            assert_eq!(
                roll.is_present(member),
                record.is_present(member),
                "{member}"
            );
        }
        // Attendance: the last entry's (as `MeetingRecord::attendance`).
        let attendance = record.attendance();
        for member in [&a, &b, &c] {
            assert_eq!(
                roll.get(member).map(|on| on.attendance),
                attendance.get(member).copied()
            );
        }
        assert!(roll.get(&d).is_none() && !roll.lists(&d));
        // The first repeated entry is the fourth (b again), not the fifth.
        assert!((0..5).filter(|&at| roll.is_first_repeat(at)).eq([3]));
        Ok(())
    }

    #[test]
    fn a_member_casts_one_ballot() -> Result<(), serde_json::Error> {
        let record = record()?;
        let roll = RollIndex::of(&record);
        let mut ballots = roll.ballot_box();
        let (a, b) = (MemberId::new("a"), MemberId::new("b"));
        let (on_a, on_b) = (roll.get(&a), roll.get(&b));
        assert!(on_a.is_some_and(|on| ballots.cast(on)));
        assert!(on_b.is_some_and(|on| ballots.cast(on)));
        assert!(on_a.is_some_and(|on| !ballots.cast(on)), "a second ballot");
        Ok(())
    }
}
