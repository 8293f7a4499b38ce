//! Scoring commands: a meeting's quality score proposed, voted and confirmed, and the
//! general-criteria points of the annual rating.

use super::Commune;
use crate::error::{denied, require_state, Error, InputError, LookupError, Needed};
use crate::ids::{MeetingId, MemberId};
use crate::meeting::count_vote;
use crate::report::quality::{total, SharedRubric};
use crate::scoring::{EnterGeneralPoints, ProposeScore, ScoreRecord, ScoreState, VoteScore};
use crate::text;
use crate::time::Timestamp;

impl Commune {
    fn score_record(&self, meeting: &MeetingId) -> Result<&ScoreRecord, Error> {
        self.scores
            .get(meeting)
            .ok_or_else(|| LookupError::unknown("score", meeting).into())
    }

    fn require_score_state(
        &self,
        meeting: &MeetingId,
        allowed: &[ScoreState],
        action: &str,
    ) -> Result<(), Error> {
        let record = self.score_record(meeting)?;
        require_state(
            "score",
            meeting,
            record.state,
            allowed,
            action,
            ScoreState::as_str,
        )?;
        Ok(())
    }

    pub(super) fn propose_score(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: ProposeScore,
    ) -> Result<(), Error> {
        let cell_id = self.meeting(&c.meeting)?.header().cell.clone();
        let org = &self.organisation;
        org.require_committee(org.cell(&cell_id)?, actor, "propose_score")?;
        if self.scores.contains_key(&c.meeting) {
            self.require_score_state(
                &c.meeting,
                &[
                    ScoreState::Proposed,
                    ScoreState::NotApproved,
                    ScoreState::Returned,
                ],
                "propose_score",
            )?;
        }
        let rubric = c
            .rubric
            .map_or_else(SharedRubric::phu_tho, SharedRubric::new);
        // Computing the score checks the meeting was held and the entered points.
        let (total, band) = total(self, &c.meeting, &rubric, &c.entered)?;
        self.scores.insert(
            c.meeting.clone(),
            ScoreRecord {
                meeting: c.meeting,
                rubric,
                entered: c.entered,
                total,
                band,
                proposed_by: actor.clone(),
                proposed_at: at,
                vote: None,
                decided_by: None,
                decided_at: None,
                note: None,
                state: ScoreState::Proposed,
            },
        );
        Ok(())
    }

    pub(super) fn vote_score(&mut self, actor: &MemberId, c: &VoteScore) -> Result<(), Error> {
        self.require_score_state(&c.meeting, &[ScoreState::Proposed], "vote_score")?;
        let meeting = self.meeting(&c.meeting)?;
        let cell = self.organisation.cell(&meeting.header().cell)?;
        self.organisation
            .require_committee(cell, actor, "vote_score")?;
        let held = meeting
            .held()
            .ok_or_else(|| LookupError::unknown("meeting record", &c.meeting))?;
        // The same ballots rules as the resolution's, on the meeting's roll.
        let tally = count_vote(&self.context(), cell, &held.record, &c.vote)?;
        // A vote that does not approve the score is recorded too: the committee proposes again.
        if let Some(score) = self.scores.get_mut(&c.meeting) {
            score.vote = Some(tally);
            score.state = if tally.passed {
                ScoreState::Voted
            } else {
                ScoreState::NotApproved
            };
        }
        Ok(())
    }

    pub(super) fn confirm_score(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        meeting: &MeetingId,
        accepted: bool,
        note: &Option<String>,
    ) -> Result<(), Error> {
        self.require_score_state(meeting, &[ScoreState::Voted], "confirm_score")?;
        let cell = self
            .organisation
            .cell(&self.meeting(meeting)?.header().cell)?;
        if !self.organisation.is_superior_for(actor, cell) {
            return Err(denied(actor, "confirm_score", Needed::Superior));
        }
        if let Some(note) = note {
            text::bounded("note", note)?;
        }
        if let Some(score) = self.scores.get_mut(meeting) {
            score.decided_by = Some(actor.clone());
            score.decided_at = Some(at);
            score.note = note.clone();
            score.state = if accepted {
                ScoreState::Confirmed
            } else {
                ScoreState::Returned
            };
        }
        Ok(())
    }

    pub(crate) fn enter_general_points(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &EnterGeneralPoints,
    ) -> Result<(), Error> {
        let most = self.rules_on(at.date_naive()).rating_general_max.value;
        let member = self.organisation.member(&c.member)?;
        let cell_id = member
            .cell()
            .ok_or_else(|| LookupError::unknown("cell of member", &c.member))?
            .clone();
        let org = &self.organisation;
        org.require_committee(org.cell(&cell_id)?, actor, "enter_general_points")?;
        if c.points > most {
            return Err(InputError::Malformed {
                detail: format!(
                    "general-criteria points are 0 to {most} (R-72); {} were entered",
                    c.points
                ),
            }
            .into());
        }
        self.general_points
            .entry(c.year)
            .or_default()
            .insert(c.member.clone(), c.points);
        Ok(())
    }
}
