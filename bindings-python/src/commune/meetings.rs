//! The meeting's lifecycle commands (R-20..R-50), one method each:
//!
//! ```text
//! draft_meeting ─▶ Draft ─record_meeting─▶ Adopted ─assign_tasks─▶ Assigned ─close_reporting─▶ Reported
//!   revise · prepare · notice · documents      report_task · carry_over_task · cancel_task
//! ```
//!
//! Every method takes the actor (a member id), the time (`datetime` with its offset) and the
//! payload of docs/json.md as keyword arguments; it returns the record's sequence number.

use super::{payload, Commune};
use crate::convert;
use pyo3::prelude::*;

type Arg<'a, 'py> = &'a Bound<'py, PyAny>;
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

#[pymethods]
impl Commune {
    /// The secretary delegates drafting the cell's meetings of `month` (`"YYYY-MM"` or a `date`
    /// in it) to a cell committee member (R-22).
    #[pyo3(signature = (*, actor, at, cell, month, member))]
    fn delegate_drafting(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        cell: Arg,
        month: Arg,
        member: Arg,
    ) -> PyResult<u64> {
        let month = &convert::month(month)?;
        self.act(
            py,
            actor,
            at,
            "delegate_drafting",
            payload!(cell, month, member),
        )
    }

    /// Starts a meeting as a draft (R-22): the secretary's content and draft resolution for the
    /// cell's month (`"YYYY-MM"` or a `date` in it), following the commune's directive.
    #[pyo3(signature = (*, actor, at, meeting, cell, month, kind, directive, content, resolution_items, scheduled_at, place, topic=None))]
    #[allow(clippy::too_many_arguments)]
    fn draft_meeting(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        cell: Arg,
        month: Arg,
        kind: Arg,
        directive: Arg,
        content: Arg,
        resolution_items: Arg,
        scheduled_at: Arg,
        place: Arg,
        topic: Opt,
    ) -> PyResult<u64> {
        let month = &convert::month(month)?;
        let payload = payload!(
            meeting,
            cell,
            month,
            kind,
            directive,
            content,
            resolution_items,
            scheduled_at,
            place,
            topic
        );
        self.act(py, actor, at, "draft_meeting", payload)
    }

    /// Revises a draft: any of its content, items, time, place or topic.
    #[pyo3(signature = (*, actor, at, meeting, content=None, resolution_items=None, scheduled_at=None, place=None, topic=None))]
    #[allow(clippy::too_many_arguments)]
    fn revise_draft(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        content: Opt,
        resolution_items: Opt,
        scheduled_at: Opt,
        place: Opt,
        topic: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(
            meeting,
            content,
            resolution_items,
            scheduled_at,
            place,
            topic
        );
        self.act(py, actor, at, "revise_draft", payload)
    }

    /// Records the cell committee's preparatory meeting (R-23).
    #[pyo3(signature = (*, actor, at, meeting, attendees, agreed))]
    #[allow(clippy::too_many_arguments)]
    fn hold_preparatory_meeting(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        attendees: Arg,
        agreed: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, attendees, agreed);
        self.act(py, actor, at, "hold_preparatory_meeting", payload)
    }

    /// Sends the notice to members and the higher-level member (R-24).
    #[pyo3(signature = (*, actor, at, meeting))]
    fn send_notice(&self, py: Python<'_>, actor: Arg, at: Arg, meeting: Arg) -> PyResult<u64> {
        self.act(py, actor, at, "send_notice", payload!(meeting))
    }

    /// Publishes the documents to members (R-25).
    #[pyo3(signature = (*, actor, at, meeting, documents))]
    fn publish_documents(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        documents: Arg,
    ) -> PyResult<u64> {
        self.act(
            py,
            actor,
            at,
            "publish_documents",
            payload!(meeting, documents),
        )
    }

    /// Records the meeting as held, with its vote: draft → adopted (R-30..R-37). `record` is
    /// `{started_at, ended_at, place, chair, recorder, roll, guests?, agenda?, speeches?,
    /// conclusions?, vote, dues_collected?}` (docs/json.md). What went against the rules (a short
    /// meeting, late documents, a failed vote) is recorded with its defects; a failed vote keeps
    /// the draft a draft, to be revised and voted at a later sitting.
    #[pyo3(signature = (*, actor, at, meeting, record))]
    fn record_meeting(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        record: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "record_meeting", payload!(meeting, record))
    }

    /// Records an admission or recognition vote at a held meeting (R-36); `subject` is
    /// `{"admit": {"candidate": name}}` or `{"recognise_official": {"member": id}}`.
    #[pyo3(signature = (*, actor, at, meeting, subject, vote))]
    #[allow(clippy::too_many_arguments)]
    fn resolve_admission(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        subject: Arg,
        vote: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, subject, vote);
        self.act(py, actor, at, "resolve_admission", payload)
    }

    /// Assigns the tasks: adopted → assigned (R-40, R-41). `tasks` are `{task, owner, content,
    /// item (from 1), deadline}`; `carried_over` the unfinished tasks of earlier months, each an
    /// id or `{task, as?, deadline?}`, each going on as a new task.
    #[pyo3(signature = (*, actor, at, meeting, tasks, carried_over=None))]
    #[allow(clippy::too_many_arguments)]
    fn assign_tasks(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        tasks: Arg,
        carried_over: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, tasks, carried_over);
        self.act(py, actor, at, "assign_tasks", payload)
    }

    /// The owner reports a task (R-50); `outcome` is `exceeded`, `on_time`, `late` or
    /// `{"not_done": {"reason": text}}`.
    #[pyo3(signature = (*, actor, at, task, outcome, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn report_task(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        task: Arg,
        outcome: Arg,
        note: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(task, outcome, note);
        self.act(py, actor, at, "report_task", payload)
    }

    /// The secretary carries an unreported task over to the next month (R-41).
    #[pyo3(signature = (*, actor, at, task, reason))]
    fn carry_over_task(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        task: Arg,
        reason: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "carry_over_task", payload!(task, reason))
    }

    /// The secretary (or a committee member, not the owner) assesses a report (R-51):
    /// `assessment` is `"accepted"` or `{"sent_back": {"reason": text}}` (`chibo.sent_back(reason)`).
    #[pyo3(signature = (*, actor, at, task, assessment))]
    fn assess_report(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        task: Arg,
        assessment: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "assess_report", payload!(task, assessment))
    }

    /// The secretary cancels a task.
    #[pyo3(signature = (*, actor, at, task, reason))]
    fn cancel_task(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        task: Arg,
        reason: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "cancel_task", payload!(task, reason))
    }

    /// Closes reporting on a meeting: assigned → reported (R-50).
    #[pyo3(signature = (*, actor, at, meeting))]
    fn close_reporting(&self, py: Python<'_>, actor: Arg, at: Arg, meeting: Arg) -> PyResult<u64> {
        self.act(py, actor, at, "close_reporting", payload!(meeting))
    }
}
