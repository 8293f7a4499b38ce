//! Meeting commands: each one runs the typestate method of the meeting's current state.

use super::Commune;
use crate::directive::{Directive, IssueDirective};
use crate::error::denied;
use crate::error::{
    Error, LookupError, Needed, PermissionError, PreparationError, TransitionError,
};
use crate::ids::{CellId, MeetingId, MemberId};
use crate::meeting::{
    count_admission, AdmissionSubject, Adoption, Context, Draft, DraftMeeting, Meeting,
    MeetingRecord, MeetingState, PreparatoryMeeting, Revision, TaskPlan, Vote,
};
use crate::organisation::MemberStatus;
use crate::text;
use crate::time::{Timestamp, YearMonth};

/// A meeting in the wrong state for `action`, given back unchanged with the refusal.
fn unchanged<T>(
    state: MeetingState,
    action: &str,
    expected: &str,
) -> (MeetingState, Result<T, Error>) {
    let error = out_of_order(&state, action, expected);
    (state, Err(error))
}

fn out_of_order(state: &MeetingState, action: &str, expected: &str) -> Error {
    TransitionError::out_of_order(
        "meeting",
        &state.header().id,
        state.name().as_str(),
        action,
        expected,
    )
    .into()
}

impl Commune {
    pub(super) fn issue_directive(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &IssueDirective,
    ) -> Result<(), Error> {
        if !self.organisation.is_commune_committee(actor) {
            return Err(denied(actor, "issue_directive", Needed::CommuneCommittee));
        }
        if self.directives.contains_key(&c.directive) {
            return Err(LookupError::duplicate("directive", &c.directive).into());
        }
        text::required("content", &c.content)?;
        self.directives.insert(
            c.directive.clone(),
            Directive {
                id: c.directive.clone(),
                month: c.month,
                content: c.content.clone(),
                issued_by: actor.clone(),
                issued_at: at,
            },
        );
        Ok(())
    }

    pub(super) fn draft_meeting(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: DraftMeeting,
    ) -> Result<(), Error> {
        if self.meetings.contains_key(&c.meeting) {
            return Err(LookupError::duplicate("meeting", &c.meeting).into());
        }
        let directive = self
            .directives
            .get(&c.directive)
            .ok_or_else(|| LookupError::unknown("directive", &c.directive))?;
        let regular = self.indexes.regular_meetings(&self.meetings);
        debug_assert_eq!(
            *regular,
            super::regular_meetings::RegularMeetings::of(&self.meetings)
        );
        // Judged now, reported after the draft's own checks (as before the draft moved in).
        let one_a_month = c.check_one_regular_a_month(regular.first(&c.cell, c.month));
        let id = c.meeting.clone();
        let meeting = Meeting::draft(&self.context_on(at.date_naive()), actor, at, c, directive)?;
        one_a_month?;
        self.indexes.note_meeting(&meeting.header);
        self.meetings.insert(id, MeetingState::Draft(meeting));
        Ok(())
    }

    /// Runs a step taken at `at` on a meeting that must be a draft.
    fn on_draft(
        &mut self,
        id: &MeetingId,
        at: Timestamp,
        action: &str,
        step: impl FnOnce(&mut Meeting<Draft>, &Context<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        // In place, no copy: each step (`revise`, `prepare`, `send_notice`, `publish_documents`)
        // makes every check before it changes anything, so a refusal leaves the draft as it was.
        self.transition(id, at, |mut state, ctx| {
            let result = match &mut state {
                MeetingState::Draft(meeting) => step(meeting, ctx),
                other => Err(out_of_order(other, action, "draft")),
            };
            (state, result)
        })
    }

    pub(super) fn delegate_drafting(
        &mut self,
        actor: &MemberId,
        cell: &CellId,
        month: YearMonth,
        member: &MemberId,
    ) -> Result<(), Error> {
        let org = &self.organisation;
        let c = org.cell(cell)?;
        org.require_secretary(c, actor, "delegate_drafting")?;
        let eligible = c.leadership.is_committee(member) && org.member(member)?.may_act().is_ok();
        if !eligible {
            return Err(PreparationError::DelegateNotCommittee {
                member: member.clone(),
                cell: cell.clone(),
            }
            .into());
        }
        if let Some(c) = self.organisation.cells.get_mut(cell) {
            c.drafting_delegates.insert(month, member.clone());
        }
        Ok(())
    }

    pub(super) fn revise_draft(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &Revision,
    ) -> Result<(), Error> {
        self.on_draft(&c.meeting, at, "revise_draft", |m, ctx| {
            m.revise(ctx, actor, at, c.clone())
        })
    }

    pub(super) fn hold_preparatory_meeting(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &PreparatoryMeeting,
    ) -> Result<(), Error> {
        self.on_draft(&c.meeting, at, "hold_preparatory_meeting", |m, ctx| {
            m.prepare(ctx, actor, at, c.clone())
        })
    }

    pub(super) fn send_notice(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        meeting: &MeetingId,
    ) -> Result<(), Error> {
        self.on_draft(meeting, at, "send_notice", |m, ctx| {
            m.send_notice(ctx, actor, at)
        })
    }

    pub(super) fn publish_documents(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        meeting: &MeetingId,
        documents: Vec<String>,
    ) -> Result<(), Error> {
        self.on_draft(meeting, at, "publish_documents", |m, ctx| {
            m.publish_documents(ctx, actor, at, documents)
        })
    }

    /// Runs a state-changing step on a meeting, under the rules in force at `on`: the meeting is
    /// taken out, `step` turns it into its next state (or gives it back unchanged with the
    /// refusal), and it is put back in its place.
    fn transition<T>(
        &mut self,
        id: &MeetingId,
        on: Timestamp,
        step: impl FnOnce(MeetingState, &Context<'_>) -> (MeetingState, Result<T, Error>),
    ) -> Result<T, Error> {
        let ctx = Context {
            rules: self.rule_book.on(on.date_naive()),
            organisation: &self.organisation,
            tasks: &self.tasks,
            unfinished: self.indexes.unfinished(&self.tasks),
        };
        self.meetings
            .replace_with(id, |state| step(state, &ctx))
            .ok_or_else(|| LookupError::unknown("meeting", id))?
    }

    pub(super) fn record_meeting(
        &mut self,
        actor: &MemberId,
        id: &MeetingId,
        record: MeetingRecord,
    ) -> Result<(), Error> {
        // A sitting is checked under the rules in force on the day it started.
        self.transition(id, record.started_at, |state, ctx| match state {
            MeetingState::Draft(m) => match m.adopt(ctx, actor, record) {
                Ok(Adoption::Adopted(adopted)) => (MeetingState::Adopted(*adopted), Ok(())),
                Ok(Adoption::NotAdopted(draft)) => (MeetingState::Draft(*draft), Ok(())),
                Err(refused) => (MeetingState::Draft(*refused.meeting), Err(refused.error)),
            },
            other => unchanged(other, "record_meeting", "draft"),
        })
    }

    pub(super) fn resolve_admission(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &MeetingId,
        subject: &AdmissionSubject,
        vote: &Vote,
    ) -> Result<(), Error> {
        let state = self.meeting(id)?;
        let Some(held) = state.held() else {
            return Err(out_of_order(
                state,
                "resolve_admission",
                "adopted or assigned or reported or inspected",
            ));
        };
        if actor != &held.record.chair {
            return Err(PermissionError::NotChair {
                actor: actor.clone(),
                chair: held.record.chair.clone(),
            }
            .into());
        }
        let cell = self.organisation.cell(&state.header().cell)?;
        let decision = count_admission(
            &self.context_on(at.date_naive()),
            cell,
            &held.record,
            subject,
            vote,
            at,
        )?;
        if let (AdmissionSubject::RecogniseOfficial { member }, true) = (subject, decision.passed) {
            if let Some(m) = self.organisation.members.get_mut(member) {
                m.status = MemberStatus::Official;
            }
        }
        if let Some(held) = self.meetings.get_mut(id).and_then(MeetingState::held_mut) {
            held.admissions.push(decision);
        }
        Ok(())
    }

    pub(super) fn assign_tasks(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        plan: TaskPlan,
    ) -> Result<(), Error> {
        let meeting = plan.meeting.clone();
        let tasks = self.transition(&meeting, at, |state, ctx| match state {
            MeetingState::Adopted(m) => match m.assign(ctx, actor, at, plan) {
                Ok((assigned, tasks)) => (MeetingState::Assigned(assigned), Ok(tasks)),
                Err(refused) => (MeetingState::Adopted(*refused.meeting), Err(refused.error)),
            },
            other => unchanged(other, "assign_tasks", "adopted"),
        })?;
        // The assignment's checks guarantee each carried task is unfinished: each is closed as
        // carried over, linked to the new task that carries it on.
        for task in &tasks {
            if let Some(old) = task
                .carried_from
                .as_ref()
                .and_then(|id| self.tasks.get_mut(id))
            {
                let carried = old.carry_into(meeting.clone(), task.id.clone(), at);
                self.indexes.note_task(old);
                carried?;
            }
        }
        for task in tasks {
            self.indexes.note_task(&task);
            if let Some(replaced) = self.tasks.insert(task.id.clone(), task) {
                self.indexes.forget_task(&replaced);
            }
        }
        Ok(())
    }

    pub(super) fn close_reporting(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &MeetingId,
    ) -> Result<(), Error> {
        self.transition(id, at, |state, ctx| match state {
            MeetingState::Assigned(m) => match m.close_reporting(ctx, actor, at) {
                Ok(reported) => (MeetingState::Reported(reported), Ok(())),
                Err(refused) => (MeetingState::Assigned(*refused.meeting), Err(refused.error)),
            },
            other => unchanged(other, "close_reporting", "assigned"),
        })
    }
}
