//! Inspection and remediation commands (R-60..R-62).

use super::Commune;
use crate::error::denied;
use crate::error::{Error, InspectionError, LookupError, Needed};
use crate::ids::{CellId, InspectionId, MemberId, RemediationId};
use crate::inspection::{
    ConcludeInspection, Inspection, InspectionKind, OpenInspection, RecordFinding, Remediation,
    RemediationState,
};
use crate::meeting::MeetingState;
use crate::text;
use crate::time::Timestamp;
use std::collections::BTreeSet;

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
        if let Some(outsider) = c.inspectors.iter().find(|i| !org.is_superior_for(i, cell)) {
            return Err(denied(outsider, "inspect", Needed::Superior));
        }
        let mut seen = std::collections::BTreeSet::new();
        if let Some(twice) = c.inspectors.iter().find(|i| !seen.insert(*i)) {
            return Err(LookupError::duplicate("member", twice).into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in &c.meetings {
            if !seen.insert(id) {
                return Err(LookupError::duplicate("meeting", id).into());
            }
            let meeting = self.meeting(id)?;
            if meeting.header().cell != c.cell {
                return Err(InspectionError::MeetingOtherCell {
                    meeting: id.clone(),
                    cell: c.cell.clone(),
                }
                .into());
            }
            if !matches!(
                meeting,
                MeetingState::Reported(_) | MeetingState::Inspected(_)
            ) {
                return Err(InspectionError::MeetingNotReported {
                    meeting: id.clone(),
                    state: meeting.name().as_str().to_owned(),
                }
                .into());
            }
        }
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
        let cell = &inspection.cell;
        for cited in &c.defects {
            let recorded = self.meetings.get(&cited.meeting).is_some_and(|m| {
                &m.header().cell == cell && m.defects().iter().any(|d| d.code() == cited.code)
            });
            if !recorded {
                return Err(InspectionError::DefectNotRecorded {
                    meeting: cited.meeting.clone(),
                    code: cited.code.clone(),
                }
                .into());
            }
        }
        self.inspection_mut(&c.inspection)?
            .record_finding(actor, at, c.clone())
    }

    pub(super) fn conclude_inspection(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &ConcludeInspection,
    ) -> Result<(), Error> {
        let mut seen = std::collections::BTreeSet::new();
        if let Some(taken) = c
            .remediations
            .iter()
            .map(|r| &r.remediation)
            .find(|id| self.remediations.contains_key(*id) || !seen.insert(*id))
        {
            return Err(LookupError::duplicate("remediation", taken).into());
        }
        let mut inspection = self.inspection(&c.inspection)?.clone();
        self.check_open_remedies(&inspection.cell, c)?;
        let remediations = inspection.conclude(actor, at, c.clone())?;
        for id in &inspection.meetings {
            if let Some(state) = self.meetings.remove(id) {
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
                self.meetings.insert(id.clone(), next);
            }
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
        self.remediations
            .values()
            .filter(|r| &r.cell == cell && r.state != RemediationState::Verified)
            .collect()
    }

    /// Refuses a conclusion that passes over a remediation of the cell still not verified, or
    /// names one that is not; each note must say something.
    fn check_open_remedies(&self, cell: &CellId, c: &ConcludeInspection) -> Result<(), Error> {
        for open in &c.open_remedies {
            text::required("note", &open.note)?;
        }
        let open: BTreeSet<&RemediationId> = self
            .open_remedies(cell)
            .into_iter()
            .map(|r| &r.id)
            .collect();
        let named: BTreeSet<&RemediationId> =
            c.open_remedies.iter().map(|o| &o.remediation).collect();
        let wrong: Vec<String> = open
            .symmetric_difference(&named)
            .map(|id| id.to_string())
            .collect();
        if wrong.is_empty() && named.len() == c.open_remedies.len() {
            Ok(())
        } else {
            Err(InspectionError::OpenRemediesUnaddressed {
                remediations: wrong.join(", "),
            }
            .into())
        }
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
