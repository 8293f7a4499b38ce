//! Draft → adopted: the meeting is held and its resolution passes (R-23..R-37).

use super::vote::count_resolution;
use super::{Adopted, Context, Draft, Held, Meeting, MeetingKind, MeetingRecord, Refused};
use crate::error::{Error, MeetingError, PermissionError, PreparationError, VoteError};
use crate::ids::MemberId;
use chrono::{DateTime, TimeDelta, Utc};

impl Meeting<Draft> {
    /// Records the meeting as held and its vote, by the chair: draft → adopted.
    ///
    /// Checks that the preparation was complete and in time (R-23..R-25), the length, the
    /// roll, chair, recorder, guests and speakers (R-31..R-33), and counts the vote (R-34..R-37).
    /// If the resolution does not pass the step is refused with `vote.failed` and the draft comes
    /// back unchanged in [`Refused`], ready for revision.
    pub fn adopt(
        self,
        ctx: &Context<'_>,
        actor: &MemberId,
        record: MeetingRecord,
    ) -> Result<Meeting<Adopted>, Refused<Draft>> {
        match self.check_adoption(ctx, actor, &record) {
            Ok(tally) => Ok(self.into_stage(|_| Adopted {
                held: Held {
                    record,
                    tally,
                    admissions: Vec::new(),
                },
            })),
            Err(error) => Err(self.refuse(error)),
        }
    }

    fn check_adoption(
        &self,
        ctx: &Context<'_>,
        actor: &MemberId,
        record: &MeetingRecord,
    ) -> Result<super::Tally, Error> {
        if actor != &record.chair {
            return Err(PermissionError::NotChair {
                actor: actor.clone(),
                chair: record.chair.clone(),
            }
            .into());
        }
        ctx.organisation.require_acting(actor, "record_meeting")?;
        let cell = ctx.organisation.cell(&self.header.cell)?;
        self.check_preparation(ctx, record)?;
        if record.ended_at <= record.started_at {
            return Err(MeetingError::EndsBeforeStart.into());
        }
        let required = match self.header.kind {
            MeetingKind::Combined => ctx.rules.min_combined_minutes.value,
            MeetingKind::Regular | MeetingKind::Thematic => ctx.rules.min_meeting_minutes.value,
        };
        let minutes = record.minutes();
        if minutes < i64::from(required) {
            return Err(MeetingError::TooShort { minutes, required }.into());
        }
        record.check(ctx, cell)?;
        let tally = count_resolution(ctx, cell, record)?;
        if tally.passed {
            Ok(tally)
        } else {
            Err(VoteError::Failed {
                yes: tally.yes,
                no: tally.no,
                abstain: tally.abstain,
                counted_base: tally.counted_base,
                needed: tally.needed,
            }
            .into())
        }
    }

    /// R-23..R-25: the preparatory meeting and the notice came before the start, and documents were
    /// published at least the lead time before it.
    fn check_preparation(&self, ctx: &Context<'_>, record: &MeetingRecord) -> Result<(), Error> {
        let id = &self.header.id;
        let start = record.started_at;
        let prep = &self.preparation;
        let preparatory = prep.preparatory_meeting.as_ref().ok_or_else(|| {
            PreparationError::NoPreparatoryMeeting {
                meeting: id.clone(),
            }
        })?;
        if preparatory.at > start {
            return Err(PreparationError::NotBeforeStart {
                meeting: id.clone(),
                step: "preparatory meeting".to_owned(),
            }
            .into());
        }
        let notice = prep
            .notice
            .as_ref()
            .ok_or_else(|| PreparationError::NoticeMissing {
                meeting: id.clone(),
            })?;
        if notice.at > start {
            return Err(PreparationError::NotBeforeStart {
                meeting: id.clone(),
                step: "notice".to_owned(),
            }
            .into());
        }
        let documents =
            prep.documents
                .as_ref()
                .ok_or_else(|| PreparationError::DocumentsMissing {
                    meeting: id.clone(),
                })?;
        let lead_hours = ctx.rules.document_lead_hours.value;
        // A lead time too long for the calendar puts the deadline at the start of time: every
        // publication is then late, and nothing overflows.
        let deadline = TimeDelta::try_hours(i64::from(lead_hours))
            .and_then(|lead| start.checked_sub_signed(lead))
            .unwrap_or_else(|| DateTime::<Utc>::MIN_UTC.fixed_offset());
        if documents.at > deadline {
            return Err(PreparationError::DocumentsLate {
                meeting: id.clone(),
                published_at: documents.at,
                deadline,
                lead_hours,
            }
            .into());
        }
        Ok(())
    }
}
