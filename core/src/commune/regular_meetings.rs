//! The regular (and combined) meetings of each cell and month, as a lookup for R-20 (one regular
//! meeting a month), so that drafting a meeting does not walk every meeting ever drafted.
//!
//! Derived state: built from the meetings, and noted when a meeting is drafted. A meeting's
//! cell, month and kind never change after the draft, and meetings are never removed for good.

use crate::ids::{CellId, IdMap, MeetingId};
use crate::meeting::{Header, MeetingState};
use crate::time::YearMonth;
use std::collections::{BTreeMap, BTreeSet};

/// The ids of the regular and combined meetings, by cell and month, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RegularMeetings {
    by_month: BTreeMap<(CellId, YearMonth), BTreeSet<MeetingId>>,
}

impl RegularMeetings {
    /// The regular meetings among `meetings`.
    pub(crate) fn of(meetings: &IdMap<MeetingId, MeetingState>) -> Self {
        let mut index = Self::default();
        for state in meetings.values() {
            index.note(state.header());
        }
        index
    }

    /// Records a meeting (nothing if it is thematic only).
    pub(crate) fn note(&mut self, header: &Header) {
        if header.kind.is_regular() {
            self.by_month
                .entry((header.cell.clone(), header.month))
                .or_default()
                .insert(header.id.clone());
        }
    }

    /// The cell's regular meeting for the month, the first in id order if there are several
    /// (as a walk of the commune's meeting map would find it).
    pub(crate) fn first(&self, cell: &CellId, month: YearMonth) -> Option<&MeetingId> {
        self.by_month
            .get(&(cell.clone(), month))
            .and_then(|ids| ids.first())
    }

    /// The cell's latest regular meeting of a month before `month`: the last in id order if that
    /// month has several (as a walk of the commune's meeting map keeping the last maximum would
    /// find it).
    pub(crate) fn latest_before(&self, cell: &CellId, month: YearMonth) -> Option<&MeetingId> {
        let start = (cell.clone(), YearMonth::MIN);
        let end = (cell.clone(), month);
        self.by_month
            .range(start..end)
            .next_back()
            .and_then(|(_, ids)| ids.last())
    }
}
