//! [`RollIndex`]: a sitting's roll indexed once, for checking the minutes and counting a vote.
//!
//! Both ask about every member of the cell and every ballot: who is on the roll, present or
//! excused, listed twice, and whether a member has voted already. One index of the roll answers
//! all of it; before it, the check built two hash sets of the same roll (the members listed,
//! the present ones) and the count three more (the present members again, the attendance, the
//! ballots seen): a fifth of the time to apply an event (docs/performance.md, "Fifth round").
//!
//! The index also finds each listed member's record once, when it is built: the check, the
//! count and the attendance rate then read it from the index instead of looking the member up
//! again, four or five times a member a sitting ("Sixth round").

use super::record::{count_against_summons, Attendance, MeetingRecord, RollEntry};
use crate::ids::MemberId;
use crate::organisation::{Cell, Member, Organisation};
use rustc_hash::FxHashMap;

/// What the roll says of one member.
#[derive(Debug, Clone, Copy)]
pub(super) struct OnRoll<'a> {
    /// The member's attendance: their last entry's, should the roll list them twice (as
    /// [`MeetingRecord::attendance`] gives it).
    pub(super) attendance: &'a Attendance,
    /// Whether any entry of theirs is present (as [`MeetingRecord::is_present`] answers).
    pub(super) present: bool,
    /// Their record in the organisation, if it has one.
    pub(super) member: Option<&'a Member>,
    /// Their place among the distinct members of the roll, from 0: a slot for marking ballots.
    slot: usize,
}

/// A sitting's roll, indexed by member.
pub(super) struct RollIndex<'a> {
    members: FxHashMap<&'a MemberId, OnRoll<'a>>,
    /// The roll's entries in order, each with its member's record, if the organisation has one.
    entries: Vec<(&'a RollEntry, Option<&'a Member>)>,
    /// The position in the roll of the first entry naming a member named before, if any.
    repeated_at: Option<usize>,
}

impl<'a> RollIndex<'a> {
    /// Indexes the roll of `record`, its members found in `organisation`.
    pub(super) fn of(record: &'a MeetingRecord, organisation: &'a Organisation) -> Self {
        let mut members: FxHashMap<&MemberId, OnRoll<'_>> =
            FxHashMap::with_capacity_and_hasher(record.roll.len(), Default::default());
        let mut entries = Vec::with_capacity(record.roll.len());
        let mut repeated_at = None;
        for (at, entry) in record.roll.iter().enumerate() {
            let slot = members.len();
            let present = entry.attendance.is_present();
            let member = organisation.members.get(&entry.member);
            entries.push((entry, member));
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
                    member,
                    slot,
                });
        }
        Self {
            members,
            entries,
            repeated_at,
        }
    }

    /// The record of the member the entry at `at` names, if the organisation has one.
    pub(super) fn member_at(&self, at: usize) -> Option<&'a Member> {
        self.entries.get(at).and_then(|(_, member)| *member)
    }

    /// `(present, summoned)` as [`MeetingRecord::attendance_against_summons`] counts them, from
    /// the members found when the roll was indexed.
    pub(super) fn attendance_against_summons(&self) -> (u32, u32) {
        count_against_summons(self.entries.iter().copied())
    }

    /// The active members of `cell`, in id order (as [`Organisation::cell_members`] lists
    /// them), each with what the roll says of them: those it lists are found through it.
    pub(super) fn cell_members<'i>(
        &'i self,
        organisation: &'a Organisation,
        cell: &'a Cell,
    ) -> impl Iterator<Item = (&'a Member, Option<OnRoll<'a>>)> + 'i
    where
        'a: 'i,
    {
        cell.members.iter().filter_map(move |id| {
            let on = self.get(id);
            let member = match on {
                Some(on) => on.member,
                None => organisation.members.get(id),
            }?;
            member.is_active().then_some((member, on))
        })
    }

    /// Whether the entry at `at` in the roll is the first to name a member named before.
    pub(super) fn is_first_repeat(&self, at: usize) -> bool {
        self.repeated_at == Some(at)
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
        let nobody = Organisation::default();
        let roll = RollIndex::of(&record, &nobody);
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
        assert!(roll.get(&d).is_none());
        // The first repeated entry is the fourth (b again), not the fifth.
        assert!((0..5).filter(|&at| roll.is_first_repeat(at)).eq([3]));
        Ok(())
    }

    #[test]
    fn a_member_casts_one_ballot() -> Result<(), serde_json::Error> {
        let record = record()?;
        let nobody = Organisation::default();
        let roll = RollIndex::of(&record, &nobody);
        let mut ballots = roll.ballot_box();
        let (a, b) = (MemberId::new("a"), MemberId::new("b"));
        let (on_a, on_b) = (roll.get(&a), roll.get(&b));
        assert!(on_a.is_some_and(|on| ballots.cast(on)));
        assert!(on_b.is_some_and(|on| ballots.cast(on)));
        assert!(on_a.is_some_and(|on| !ballots.cast(on)), "a second ballot");
        Ok(())
    }

    /// The Nga Trường setup's commune.
    fn commune() -> crate::Commune {
        let setup: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/scenarios/setup/commune.json"))
                .unwrap_or_default();
        let steps: Vec<crate::Command> =
            serde_json::from_value(setup["steps"].clone()).unwrap_or_default();
        let mut commune = crate::Commune::new();
        for step in &steps {
            assert!(commune.execute(step).is_ok(), "{step:?}");
        }
        commune
    }

    /// Over each cell of a real organisation (exempted members among them), rolls of every
    /// active member but the last, present and absent in turn (each way round), one listed twice
    /// and an id nobody has: the members found once answer as the organisation and the record
    /// do.
    #[test]
    fn finds_each_member_once_and_counts_as_the_record_does() -> Result<(), serde_json::Error> {
        let commune = commune();
        let organisation = &commune.organisation;
        assert!(organisation.members.values().any(|m| m.exempted.is_some()));
        let cells = organisation.cells.values();
        for (cell, parity) in cells.flat_map(|cell| [(cell, 0), (cell, 1)]) {
            let mut record = record()?;
            let active: Vec<&Member> = organisation.cell_members(cell).collect();
            record.roll = active
                .iter()
                .take(active.len().saturating_sub(1))
                .enumerate()
                .map(|(i, m)| RollEntry {
                    member: m.id.clone(),
                    attendance: if i % 2 == parity {
                        Attendance::Present
                    } else {
                        Attendance::AbsentUnexcused
                    },
                })
                .collect();
            if let Some(first) = record.roll.first().cloned() {
                record.roll.push(first);
            }
            record.roll.push(RollEntry {
                member: MemberId::new("nobody"),
                attendance: Attendance::Present,
            });
            let roll = RollIndex::of(&record, organisation);
            assert_eq!(
                roll.attendance_against_summons(),
                record.attendance_against_summons(organisation),
                "{}",
                cell.id
            );
            for (at, entry) in record.roll.iter().enumerate() {
                assert_eq!(
                    roll.member_at(at).map(|m| &m.id),
                    organisation.members.get(&entry.member).map(|m| &m.id)
                );
            }
            let found: Vec<_> = roll
                .cell_members(organisation, cell)
                .map(|(m, on)| (&m.id, on.map(|on| on.present)))
                .collect();
            let expected: Vec<_> = active
                .iter()
                .map(|m| {
                    let listed = record.roll.iter().any(|e| e.member == m.id);
                    (&m.id, listed.then(|| record.is_present(&m.id)))
                })
                .collect();
            assert_eq!(found, expected, "{}", cell.id);
        }
        Ok(())
    }
}
