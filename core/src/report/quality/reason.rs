//! Why a criterion got its points and why a year is Good or not, as typed reasons: the figures
//! the decision read, before any wording (`words` says them in Vietnamese and English).

use crate::defect::Defect;
use crate::ids::MeetingId;
use crate::meeting::Tally;
use crate::rules::Threshold;
use crate::time::{Timestamp, YearMonth};

/// Why one criterion of a meeting's score got its points.
pub(super) enum Reason<'a> {
    /// A defect recorded on the meeting withheld them; the defect words itself.
    Defect(&'a Defect),
    /// Attendance against the summons against the target.
    Attendance {
        present: u32,
        base: u32,
        target: Threshold,
        met: bool,
    },
    /// Members absent without reason.
    UnexcusedAbsences(u32),
    /// The meeting's length against the shortest allowed.
    Duration { minutes: i64, min: u32, met: bool },
    /// When the committee's preparatory meeting was held, if it was.
    Preparatory(Option<Timestamp>),
    /// When the notice was sent and to how many, if it was.
    Notice(Option<(Timestamp, usize)>),
    /// Minutes between the documents' publication and the start, if published, against the
    /// lead time in hours.
    Documents {
        before: Option<i64>,
        lead_hours: u32,
        met: bool,
    },
    /// Members present who spoke against the rubric's share.
    Speakers {
        speakers: u32,
        present: u32,
        share: Threshold,
        met: bool,
    },
    /// Conclusions of the chair recorded.
    Conclusions(usize),
    /// The resolution's vote.
    Resolution(Tally),
    /// The previous regular meeting's tasks.
    PreviousTasks(PreviousTasks),
    /// Points the committee entered, if any, of the criterion's maximum.
    Entered { points: Option<u32>, max: u32 },
    /// A criterion entered by people asked of the record: nothing to say.
    NotMeasured,
}

/// What became of the tasks of the cell's latest earlier regular meeting.
pub(super) enum PreviousTasks {
    /// No earlier regular meeting on record.
    NoEarlierMeeting,
    /// The previous meeting assigned no tasks.
    NoneAssigned(MeetingId),
    /// Of the previous meeting's `total` tasks, those not reported or cancelled in time.
    Reported {
        meeting: MeetingId,
        total: u32,
        unreported: Vec<String>,
    },
}

/// One reason for a cell's yearly verdict, in the order they are given.
pub(super) enum VerdictReason<'a> {
    /// Good meetings against those needed.
    GoodMeetings { good: u32, needed: u32 },
    /// No held regular meeting below Fair, of those scored.
    NoneBelowFair { scored: usize },
    /// Held regular meetings below Fair.
    BelowFair(&'a [MeetingId]),
    /// Held regular meetings with no score.
    Unscored(&'a [MeetingId]),
    /// Months without a held regular meeting.
    MonthsWithoutMeeting(&'a [YearMonth]),
}
