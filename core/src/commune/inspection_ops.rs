//! Inspection and remediation commands (R-60..R-62): each looks up the records, checks the
//! actor's authority, has the inspection check its rules (`inspection::checks`) and applies it.

use super::Commune;
use crate::error::denied;
use crate::error::{Error, LookupError, Needed};
use crate::ids::{CellId, InspectionId, MemberId, RemediationId};
use crate::inspection::{
    ConcludeInspection, Inspection, InspectionKind, OpenInspection, RecordFinding, Remediation,
};
use crate::meeting::MeetingState;
use crate::time::Timestamp;

impl Commune {
    pub(super) fn open_inspection(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &OpenInspection,
    ) -> Result<(), Error> {
        if self.inspections.contains_key(&c.inspection) {
            return Err(LookupError::duplicate("inspection", &c.inspection).into());
        }
        let org = &self.organisation;
        let cell = org.cell(&c.cell)?;
        if c.kind == InspectionKind::FormalInspection {
            if !org.is_inspection_committee(actor) {
                return Err(denied(
                    actor,
                    "open_inspection",
                    Needed::InspectionCommittee,
                ));
            }
        } else if !org.is_superior_for(actor, cell) {
            return Err(denied(actor, "open_inspection", Needed::Superior));
        }
        c.check(org, cell, &self.meetings)?;
        let inspection = Inspection::open(c.clone(), actor, at)?;
        self.inspections.insert(c.inspection.clone(), inspection);
        Ok(())
    }

    fn inspection_mut(&mut self, id: &InspectionId) -> Result<&mut Inspection, Error> {
        self.inspections
            .get_mut(id)
            .ok_or_else(|| LookupError::unknown("inspection", id).into())
    }

    pub(super) fn record_finding(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &RecordFinding,
    ) -> Result<(), Error> {
        let inspection = self.inspection(&c.inspection)?;
        inspection.require_open_inspector(actor, "record_finding")?;
        c.check_defects(&inspection.cell, &self.meetings)?;
        self.inspection_mut(&c.inspection)?
            .record_finding(actor, at, c.clone())
    }

    pub(super) fn conclude_inspection(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &ConcludeInspection,
    ) -> Result<(), Error> {
        c.check_new_remediations(&self.remediations)?;
        let mut inspection = self.inspection(&c.inspection)?.clone();
        c.check_open_remedies(&self.remediations, &inspection.cell)?;
        let remediations = inspection.conclude(actor, at, c.clone())?;
        for id in &inspection.meetings {
            self.meetings.replace_with(id, |state| {
                let next = match state {
                    MeetingState::Reported(m) => {
                        MeetingState::Inspected(m.inspect(inspection.id.clone()))
                    }
                    MeetingState::Inspected(mut m) => {
                        m.inspect_again(inspection.id.clone());
                        MeetingState::Inspected(m)
                    }
                    other => other,
                };
                (next, ())
            });
        }
        for r in remediations {
            self.remediations.insert(r.id.clone(), r);
        }
        self.inspections.insert(inspection.id.clone(), inspection);
        Ok(())
    }

    /// The cell's remediations not yet verified, in id order: those a new conclusion must face
    /// (R-62, `open_remedies`).
    pub fn open_remedies(&self, cell: &CellId) -> Vec<&crate::inspection::Remediation> {
        crate::inspection::open_remedies(&self.remediations, cell)
    }

    fn remediation_mut(&mut self, id: &RemediationId) -> Result<&mut Remediation, Error> {
        self.remediations
            .get_mut(id)
            .ok_or_else(|| LookupError::unknown("remediation", id).into())
    }

    pub(super) fn report_remedy(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &RemediationId,
        note: &str,
    ) -> Result<(), Error> {
        let remediation = self.remediation(id)?;
        let org = &self.organisation;
        org.require_leader(org.cell(&remediation.cell)?, actor, "report_remedy")?;
        self.remediation_mut(id)?
            .report_remedy(actor, at, note.to_owned())
    }

    fn require_supervisor(
        &self,
        actor: &MemberId,
        id: &RemediationId,
        action: &str,
    ) -> Result<(), Error> {
        let remediation = self.remediation(id)?;
        let cell = self.organisation.cell(&remediation.cell)?;
        let inspector = self
            .inspections
            .get(&remediation.inspection)
            .is_some_and(|i| i.is_inspector(actor));
        if inspector || self.organisation.is_superior_for(actor, cell) {
            Ok(())
        } else {
            Err(denied(actor, action, Needed::Superior))
        }
    }

    pub(super) fn verify_remedy(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &RemediationId,
        accepted: bool,
        note: &Option<String>,
    ) -> Result<(), Error> {
        self.require_supervisor(actor, id, "verify_remedy")?;
        self.remediation_mut(id)?
            .verify(actor, at, accepted, note.clone())
    }

    pub(super) fn mark_overdue(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        id: &RemediationId,
    ) -> Result<(), Error> {
        self.require_supervisor(actor, id, "mark_overdue")?;
        self.remediation_mut(id)?.mark_overdue(actor, at)
    }
}
