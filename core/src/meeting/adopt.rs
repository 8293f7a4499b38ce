//! Draft → adopted: a sitting of the cell is recorded with its vote (R-23..R-37).
//!
//! What cannot be is refused and changes nothing: a record entered by someone else than its chair,
//! an end before the start, a sitting before the previous one ended, a roll that is not the cell's,
//! a ballot that may not be counted. What happened and broke a rule is recorded with its
//! [`Defect`]s: preparation missing or late (R-23..R-25), too short, attendance under the
//! target, no quorum, a failed vote. A sitting whose vote passes adopts the
//! resolution; one whose vote does not is kept on the draft, which can be revised and voted again.

use super::roll_index::RollIndex;
use super::vote::count_on;
use super::{
    Adopted, Context, Draft, Held, Meeting, MeetingKind, MeetingRecord, Refused, Sitting, Tally,
};
use crate::defect::{Defect, DefectKind};
use crate::error::{Error, MeetingError, PermissionError};
use crate::ids::MemberId;
use chrono::{DateTime, TimeDelta, Utc};

/// What a recorded sitting did to the meeting.
#[derive(Debug, Clone, PartialEq)]
pub enum Adoption {
    /// The vote passed: the resolution is adopted.
    Adopted(Box<Meeting<Adopted>>),
    /// The vote did not pass (or there was no quorum): the sitting is kept on the draft, which
    /// stays a draft.
    NotAdopted(Box<Meeting<Draft>>),
}

impl Adoption {
    /// The adopted meeting, if the vote passed.
    pub fn adopted(self) -> Option<Meeting<Adopted>> {
        match self {
            Adoption::Adopted(meeting) => Some(*meeting),
            Adoption::NotAdopted(_) => None,
        }
    }
}

impl Meeting<Draft> {
    /// Records a sitting of the meeting and its vote, by the chair.
    ///
    /// Refused (nothing changes, the draft comes back in [`Refused`]): an actor other than the
    /// chair, or one who may not act; an end before the start; a start before the previous
    /// sitting's end; a roll, chair, recorder, guest or speaker that does not fit the cell
    /// (R-31..R-33); an invalid ballot. Otherwise the sitting is recorded with its defects
    /// (see the module): if the vote passes the meeting is adopted, if not the sitting is kept on
    /// the draft ([`Adoption::NotAdopted`]).
    pub fn adopt(
        mut self,
        ctx: &Context<'_>,
        actor: &MemberId,
        record: MeetingRecord,
    ) -> Result<Adoption, Refused<Draft>> {
        let (tally, defects) = match self.check_sitting(ctx, actor, &record) {
            Ok(sitting) => sitting,
            Err(error) => return Err(self.refuse(error)),
        };
        if tally.passed {
            let earlier_sittings = std::mem::take(&mut self.stage.sittings);
            Ok(Adoption::Adopted(Box::new(self.into_stage(|_| Adopted {
                held: Held {
                    record,
                    tally,
                    defects,
                    earlier_sittings,
                    admissions: Vec::new(),
                },
            }))))
        } else {
            self.stage.sittings.push(Sitting {
                record,
                tally,
                defects,
            });
            Ok(Adoption::NotAdopted(Box::new(self)))
        }
    }

    fn check_sitting(
        &self,
        ctx: &Context<'_>,
        actor: &MemberId,
        record: &MeetingRecord,
    ) -> Result<(Tally, Vec<Defect>), Error> {
        if actor != &record.chair {
            return Err(PermissionError::NotChair {
                actor: actor.clone(),
                chair: record.chair.clone(),
            }
            .into());
        }
        ctx.organisation.require_acting(actor, "record_meeting")?;
        let cell = ctx.organisation.cell(&self.header.cell)?;
        if record.ended_at <= record.started_at {
            return Err(MeetingError::EndsBeforeStart.into());
        }
        if let Some(previous) = self.stage.sittings.last() {
            if record.started_at < previous.record.ended_at {
                return Err(MeetingError::SittingOverlaps {
                    previous_end: previous.record.ended_at,
                }
                .into());
            }
        }
        let roll = RollIndex::of(record, ctx.organisation);
        record.check(ctx, cell, &roll)?;
        let tally = count_on(ctx, cell, &roll, &record.vote)?;
        let mut defects = self.preparation_defects(ctx, record);
        defects.extend(self.sitting_defects(ctx, record, &roll, &tally));
        Ok((tally, defects))
    }

    /// R-23..R-25: the preparatory meeting and the notice came before the start, and documents
    /// were published at least the lead time before it.
    fn preparation_defects(&self, ctx: &Context<'_>, record: &MeetingRecord) -> Vec<Defect> {
        let rules = ctx.rules;
        let start = record.started_at;
        let prep = &self.preparation;
        let mut defects = Vec::new();
        let mut add = |kind, source: &crate::rules::Citation| {
            defects.push(Defect {
                kind,
                source: source.clone(),
            });
        };
        let preparatory = &rules.preparatory_meeting_required;
        if preparatory.value {
            match &prep.preparatory_meeting {
                None => add(DefectKind::NoPreparatoryMeeting, &preparatory.source),
                Some(p) if p.at > start => add(
                    DefectKind::PreparatoryAfterStart { at: p.at },
                    &preparatory.source,
                ),
                Some(_) => {}
            }
        }
        let notice = &rules.notice_required;
        if notice.value {
            match &prep.notice {
                None => add(DefectKind::NoticeMissing, &notice.source),
                Some(n) if n.at > start => {
                    add(DefectKind::NoticeAfterStart { at: n.at }, &notice.source)
                }
                Some(_) => {}
            }
        }
        let lead = &rules.document_lead_hours;
        // A lead time too long for the calendar puts the deadline at the start of time: every
        // publication is then late, and nothing overflows.
        let deadline = TimeDelta::try_hours(i64::from(lead.value))
            .and_then(|hours| start.checked_sub_signed(hours))
            .unwrap_or_else(|| DateTime::<Utc>::MIN_UTC.fixed_offset());
        match &prep.documents {
            None => add(DefectKind::DocumentsMissing, &lead.source),
            Some(d) if d.at > deadline => add(
                DefectKind::DocumentsLate {
                    published_at: d.at,
                    deadline,
                    lead_hours: lead.value,
                },
                &lead.source,
            ),
            Some(_) => {}
        }
        defects
    }

    /// the sitting's length, attendance, quorum and vote.
    fn sitting_defects(
        &self,
        ctx: &Context<'_>,
        record: &MeetingRecord,
        roll: &RollIndex<'_>,
        tally: &Tally,
    ) -> Vec<Defect> {
        let rules = ctx.rules;
        let mut defects = Vec::new();
        let length = match self.header.kind {
            MeetingKind::Combined => &rules.min_combined_minutes,
            MeetingKind::Regular | MeetingKind::Thematic => &rules.min_meeting_minutes,
        };
        let minutes = record.minutes();
        if minutes < i64::from(length.value) {
            defects.push(Defect {
                kind: DefectKind::TooShort {
                    minutes,
                    required: length.value,
                },
                source: length.source.clone(),
            });
        }
        let target = &rules.attendance_target;
        let (present, summoned) = roll.attendance_against_summons();
        if !target.value.is_met(present, summoned) {
            defects.push(Defect {
                kind: DefectKind::AttendanceLow {
                    present,
                    summoned,
                    target: target.value,
                },
                source: target.source.clone(),
            });
        }
        if let Some(needed) = tally.quorum_needed.filter(|_| !tally.quorum_met()) {
            defects.push(Defect {
                kind: DefectKind::QuorumNotMet {
                    present: tally.present_in_base,
                    counted_base: tally.counted_base,
                    needed,
                },
                source: rules.quorum.source.clone(),
            });
        } else if !tally.passed {
            defects.push(Defect {
                kind: DefectKind::ResolutionFailed {
                    yes: tally.yes,
                    no: tally.no,
                    abstain: tally.abstain,
                    counted_base: tally.counted_base,
                    needed: tally.needed,
                },
                source: rules.resolution_majority.source.clone(),
            });
        }
        defects
    }
}
