//! Inspection and scoring commands (R-60..R-62, R-71, R-72), one method each. Every method takes
//! the actor (a member id), the time (`datetime` with its offset) and the payload of
//! docs/json.md as keyword arguments; it returns the record's sequence number.

use super::{payload, Commune};
use pyo3::prelude::*;

type Arg<'a, 'py> = &'a Bound<'py, PyAny>;
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

#[pymethods]
impl Commune {
    /// Opens a supervision or inspection of a cell; `kind` is an `InspectionKind`,
    /// `topic` is required for a thematic supervision.
    #[pyo3(signature = (*, actor, at, inspection, cell, kind, inspectors, meetings=None, topic=None))]
    #[allow(clippy::too_many_arguments)]
    fn open_inspection(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        inspection: Arg,
        cell: Arg,
        kind: Arg,
        inspectors: Arg,
        meetings: Opt,
        topic: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(inspection, cell, kind, meetings, inspectors, topic);
        self.act(py, actor, at, "open_inspection", payload)
    }

    /// Records a finding against a criterion such as `resolution_each_meeting`; `defects`
    /// cites defects recorded at the inspected meetings (`{meeting, code}`).
    #[pyo3(signature = (*, actor, at, inspection, criterion, satisfactory, text, defects=None))]
    #[allow(clippy::too_many_arguments)]
    fn record_finding(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        inspection: Arg,
        criterion: Arg,
        satisfactory: Arg,
        text: Arg,
        defects: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(inspection, criterion, satisfactory, text, defects);
        self.act(py, actor, at, "record_finding", payload)
    }

    /// Issues the notice of results: the covered meetings become inspected.
    /// `remediations` are `{remediation, requirement, deadline}`; `open_remedies` are
    /// `{remediation, note}`, one for each earlier remediation of the cell not yet verified.
    #[pyo3(signature = (*, actor, at, inspection, conclusion, remediations=None, referral=None, open_remedies=None))]
    #[allow(clippy::too_many_arguments)]
    fn conclude_inspection(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        inspection: Arg,
        conclusion: Arg,
        remediations: Opt,
        referral: Opt,
        open_remedies: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(
            inspection,
            conclusion,
            remediations,
            referral,
            open_remedies
        );
        self.act(py, actor, at, "conclude_inspection", payload)
    }

    /// The cell reports a remedy.
    #[pyo3(signature = (*, actor, at, remediation, note))]
    fn report_remedy(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        remediation: Arg,
        note: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "report_remedy", payload!(remediation, note))
    }

    /// The supervisor checks a remedy.
    #[pyo3(signature = (*, actor, at, remediation, accepted, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn verify_remedy(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        remediation: Arg,
        accepted: Arg,
        note: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(remediation, accepted, note);
        self.act(py, actor, at, "verify_remedy", payload)
    }

    /// Marks a remediation overdue after its deadline.
    #[pyo3(signature = (*, actor, at, remediation))]
    fn mark_overdue(&self, py: Python<'_>, actor: Arg, at: Arg, remediation: Arg) -> PyResult<u64> {
        self.act(py, actor, at, "mark_overdue", payload!(remediation))
    }

    /// The cell committee proposes a held meeting's quality score; `rubric` is a rubric
    /// object (the Phú Thọ preset when omitted), `entered` the points people give by criterion id.
    #[pyo3(signature = (*, actor, at, meeting, rubric=None, entered=None))]
    #[allow(clippy::too_many_arguments)]
    fn propose_score(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        rubric: Opt,
        entered: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, rubric, entered);
        self.act(py, actor, at, "propose_score", payload)
    }

    /// The members vote on the proposed score, counted as for the resolution.
    #[pyo3(signature = (*, actor, at, meeting, vote))]
    fn vote_score(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        vote: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "vote_score", payload!(meeting, vote))
    }

    /// The higher-level member confirms the voted score (`accepted=True`) or returns it.
    #[pyo3(signature = (*, actor, at, meeting, accepted, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn confirm_score(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        accepted: Arg,
        note: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, accepted, note);
        self.act(py, actor, at, "confirm_score", payload)
    }

    /// The cell committee enters a member's general-criteria points (0–30) for the year.
    #[pyo3(signature = (*, actor, at, year, member, points))]
    #[allow(clippy::too_many_arguments)]
    fn enter_general_points(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        year: Arg,
        member: Arg,
        points: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(year, member, points);
        self.act(py, actor, at, "enter_general_points", payload)
    }

    /// A member writes their self-assessment for the annual review.
    #[pyo3(signature = (*, actor, at, year, member, category, summary))]
    #[allow(clippy::too_many_arguments)]
    fn self_assess(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        year: Arg,
        member: Arg,
        category: Arg,
        summary: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(year, member, category, summary);
        self.act(py, actor, at, "self_assess", payload)
    }

    /// The cell votes, at a held meeting, on the category it proposes for a member.
    #[pyo3(signature = (*, actor, at, meeting, year, member, category, vote))]
    #[allow(clippy::too_many_arguments)]
    fn propose_rating(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        year: Arg,
        member: Arg,
        category: Arg,
        vote: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, year, member, category, vote);
        self.act(py, actor, at, "propose_rating", payload)
    }

    /// The commune committee decides a member's category.
    #[pyo3(signature = (*, actor, at, year, member, category, note=None))]
    #[allow(clippy::too_many_arguments)]
    fn decide_rating(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        year: Arg,
        member: Arg,
        category: Arg,
        note: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(year, member, category, note);
        self.act(py, actor, at, "decide_rating", payload)
    }

    /// The chair records discipline announced at a held meeting.
    #[pyo3(signature = (*, actor, at, meeting, member, form, reason))]
    #[allow(clippy::too_many_arguments)]
    fn record_discipline(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        meeting: Arg,
        member: Arg,
        form: Arg,
        reason: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(meeting, member, form, reason);
        self.act(py, actor, at, "record_discipline", payload)
    }
}
