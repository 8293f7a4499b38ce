//! The annual review's commands: self-assessment, the cell's vote, the superior
//! committee's decision; and discipline announced at a meeting. See [`crate::review`].

use super::Commune;
use crate::error::{
    denied, Error, InputError, LookupError, Needed, PermissionError, ReportError, TransitionError,
};
use crate::ids::{MeetingId, MemberId};
use crate::meeting::{count_vote, Held};
use crate::organisation::Cell;
use crate::report::rating::Category;
use crate::review::{
    DecideRating, Decision, Discipline, MemberReview, Proposal, ProposeRating, RecordDiscipline,
    SelfAssessed, SelfAssessment,
};
use crate::text;
use crate::time::Timestamp;
use chrono::Datelike;

impl Commune {
    /// The member's review of `year`, as it stands (empty when nothing is recorded).
    pub fn review_of(&self, year: i32, member: &MemberId) -> MemberReview {
        self.reviews
            .get(&year)
            .and_then(|m| m.get(member))
            .cloned()
            .unwrap_or_default()
    }

    /// Discipline recorded for `member` that took effect in `year`.
    pub fn disciplines_in(&self, year: i32, member: &MemberId) -> Vec<&Discipline> {
        self.disciplines
            .iter()
            .filter(|d| &d.member == member && d.at.year() == year)
            .collect()
    }

    /// The member, rateable in a cell: on a cell's roll and not exempted.
    fn rateable(&self, member: &MemberId) -> Result<&Cell, Error> {
        let m = self.organisation.member(member)?;
        let cell = m
            .cell()
            .ok_or_else(|| LookupError::unknown("cell of member", member))?;
        if m.exempted.is_some() {
            return Err(ReportError::NotRateable {
                member: member.clone(),
            }
            .into());
        }
        self.organisation.cell(cell)
    }

    /// A review year no later than the command's own year.
    fn review_year(year: i32, at: Timestamp) -> Result<(), Error> {
        if year > at.year() || year < at.year() - 1 {
            return Err(InputError::OutOfRange {
                field: "year".to_owned(),
                value: i64::from(year),
                min: i64::from(at.year() - 1),
                max: i64::from(at.year()),
            }
            .into());
        }
        Ok(())
    }

    fn review_out_of_order(
        review: &MemberReview,
        member: &MemberId,
        year: i32,
        action: &str,
        expected: &str,
    ) -> Error {
        TransitionError::out_of_order(
            "review",
            format!("{member}/{year}"),
            review.stage(),
            action,
            expected,
        )
        .into()
    }

    /// A held meeting of the member's cell, chaired by the actor.
    fn chaired_meeting(
        &self,
        actor: &MemberId,
        meeting: &MeetingId,
        member: &MemberId,
        action: &str,
    ) -> Result<(&Held, &Cell), Error> {
        self.organisation.require_acting(actor, action)?;
        let state = self.meeting(meeting)?;
        let Some(held) = state.held() else {
            return Err(TransitionError::out_of_order(
                "meeting",
                meeting,
                state.name().as_str(),
                action,
                "adopted or assigned or reported or inspected",
            )
            .into());
        };
        if actor != &held.record.chair {
            return Err(PermissionError::NotChair {
                actor: actor.clone(),
                chair: held.record.chair.clone(),
            }
            .into());
        }
        let cell = self.organisation.cell(&state.header().cell)?;
        let m = self.organisation.member(member)?;
        if m.cell() != Some(&cell.id) {
            return Err(LookupError::unknown("member of cell", member).into());
        }
        Ok((held, cell))
    }

    pub(super) fn self_assess(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &SelfAssessment,
    ) -> Result<(), Error> {
        self.organisation.require_acting(actor, "self_assess")?;
        if actor != &c.member {
            return Err(denied(actor, "self_assess", Needed::TheMember));
        }
        self.rateable(&c.member)?;
        Self::review_year(c.year, at)?;
        text::required("summary", &c.summary)?;
        let review = self.review_of(c.year, &c.member);
        if review.proposal().is_some() || review.decision.is_some() {
            return Err(Self::review_out_of_order(
                &review,
                &c.member,
                c.year,
                "self_assess",
                "not_started or self_assessed",
            ));
        }
        self.reviews
            .entry(c.year)
            .or_default()
            .entry(c.member.clone())
            .or_default()
            .self_assessment = Some(SelfAssessed {
            category: c.category,
            summary: c.summary.clone(),
            at,
        });
        Ok(())
    }

    pub(super) fn propose_rating(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &ProposeRating,
    ) -> Result<(), Error> {
        let (held, cell) = self.chaired_meeting(actor, &c.meeting, &c.member, "propose_rating")?;
        self.rateable(&c.member)?;
        Self::review_year(c.year, at)?;
        let review = self.review_of(c.year, &c.member);
        if review.self_assessment.is_none() || review.decision.is_some() {
            return Err(Self::review_out_of_order(
                &review,
                &c.member,
                c.year,
                "propose_rating",
                "self_assessed",
            ));
        }
        // The ballots and the majority of the resolution's vote, on the meeting's
        // roll; a vote that does not pass is kept, and the cell may vote again.
        let tally = count_vote(
            &self.context_on(at.date_naive()),
            cell,
            &held.record,
            &c.vote,
        )?;
        self.reviews
            .entry(c.year)
            .or_default()
            .entry(c.member.clone())
            .or_default()
            .proposals
            .push(Proposal {
                meeting: c.meeting.clone(),
                category: c.category,
                tally,
                at,
            });
        Ok(())
    }

    pub(super) fn decide_rating(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &DecideRating,
    ) -> Result<(), Error> {
        self.organisation.require_acting(actor, "decide_rating")?;
        if !self.organisation.is_commune_committee(actor) {
            return Err(denied(actor, "decide_rating", Needed::CommuneCommittee));
        }
        let cell = self.rateable(&c.member)?;
        Self::review_year(c.year, at)?;
        if let Some(note) = &c.note {
            text::required("note", note)?;
        }
        let review = self.review_of(c.year, &c.member);
        if review.proposal().is_none() || review.decision.is_some() {
            return Err(Self::review_out_of_order(
                &review,
                &c.member,
                c.year,
                "decide_rating",
                "proposed",
            ));
        }
        let rules = self.rules_on(at.date_naive());
        let discipline = self
            .disciplines_in(c.year, &c.member)
            .first()
            .map(|d| d.form);
        c.check_discipline_cap(rules, discipline)?;
        c.check_excellent_cap(rules, &cell.id, &|| {
            self.cap_counts(c.year, cell, &c.member)
        })?;
        if let Some(review) = self
            .reviews
            .get_mut(&c.year)
            .and_then(|m| m.get_mut(&c.member))
        {
            review.decision = Some(Decision {
                category: c.category,
                by: actor.clone(),
                note: c.note.clone(),
                at,
            });
        }
        Ok(())
    }

    /// For the cap on Excellent in `cell`: members already decided Excellent, and the base —
    /// members whose decision, or else the cell's proposal, is Good or better, counting `member`
    /// as Excellent.
    fn cap_counts(&self, year: i32, cell: &Cell, member: &MemberId) -> (u32, u32) {
        let mut excellent = 0;
        let mut base = 0;
        for m in self.organisation.cell_members(cell) {
            let review = self.review_of(year, &m.id);
            let standing = if &m.id == member {
                Some(Category::Excellent)
            } else {
                review
                    .decision
                    .as_ref()
                    .map(|d| d.category)
                    .or_else(|| review.proposal().map(|p| p.category))
            };
            if matches!(standing, Some(Category::Excellent | Category::Good)) {
                base += 1;
            }
            if &m.id != member
                && review.decision.as_ref().map(|d| d.category) == Some(Category::Excellent)
            {
                excellent += 1;
            }
        }
        (excellent, base)
    }

    pub(super) fn record_discipline(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &RecordDiscipline,
    ) -> Result<(), Error> {
        self.chaired_meeting(actor, &c.meeting, &c.member, "record_discipline")?;
        text::required("reason", &c.reason)?;
        self.disciplines.push(Discipline {
            member: c.member.clone(),
            form: c.form,
            reason: c.reason.clone(),
            meeting: c.meeting.clone(),
            at,
        });
        Ok(())
    }
}
