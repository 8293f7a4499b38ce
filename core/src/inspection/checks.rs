//! The inspection's rules (R-60..R-62) as checks on a command against the commune's record: who
//! may inspect, which meetings, which defects a finding may cite, which remedies a conclusion must
//! face. The commune looks up the records and applies the change.

use super::{ConcludeInspection, OpenInspection, RecordFinding, Remediation, RemediationState};
use crate::error::{denied, Error, InspectionError, LookupError, Needed};
use crate::ids::{CellId, IdMap, MeetingId, RemediationId};
use crate::meeting::MeetingState;
use crate::organisation::{Cell, Organisation};
use crate::text;
use std::collections::{BTreeMap, BTreeSet};

impl OpenInspection {
    /// Checks the inspectors and the meetings of a new inspection of `cell`: every
    /// inspector is of a committee above the cell and named once; every meeting is named once,
    /// is the cell's, and has been reported.
    pub(crate) fn check(
        &self,
        org: &Organisation,
        cell: &Cell,
        meetings: &IdMap<MeetingId, MeetingState>,
    ) -> Result<(), Error> {
        if let Some(outsider) = self
            .inspectors
            .iter()
            .find(|i| !org.is_superior_for(i, cell))
        {
            return Err(denied(outsider, "inspect", Needed::Superior));
        }
        let mut seen = BTreeSet::new();
        if let Some(twice) = self.inspectors.iter().find(|i| !seen.insert(*i)) {
            return Err(LookupError::duplicate("member", twice).into());
        }
        let mut seen = BTreeSet::new();
        for id in &self.meetings {
            if !seen.insert(id) {
                return Err(LookupError::duplicate("meeting", id).into());
            }
            let meeting = meetings
                .get(id)
                .ok_or_else(|| LookupError::unknown("meeting", id))?;
            check_inspectable(id, meeting, &self.cell)?;
        }
        Ok(())
    }
}

/// an inspection covers the cell's meetings once reported.
fn check_inspectable(id: &MeetingId, meeting: &MeetingState, cell: &CellId) -> Result<(), Error> {
    if &meeting.header().cell != cell {
        return Err(InspectionError::MeetingOtherCell {
            meeting: id.clone(),
            cell: cell.clone(),
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
    Ok(())
}

impl RecordFinding {
    /// a finding cites only defects recorded on a meeting of the inspected `cell`.
    pub(crate) fn check_defects(
        &self,
        cell: &CellId,
        meetings: &IdMap<MeetingId, MeetingState>,
    ) -> Result<(), Error> {
        for cited in &self.defects {
            let recorded = meetings.get(&cited.meeting).is_some_and(|m| {
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
        Ok(())
    }
}

/// The cell's remediations not yet verified, in id order (R-62, `open_remedies`).
pub(crate) fn open_remedies<'a>(
    remediations: &'a BTreeMap<RemediationId, Remediation>,
    cell: &CellId,
) -> Vec<&'a Remediation> {
    remediations
        .values()
        .filter(|r| &r.cell == cell && r.state != RemediationState::Verified)
        .collect()
}

impl ConcludeInspection {
    /// Refuses a remediation id already taken, or given twice in the notice.
    pub(crate) fn check_new_remediations(
        &self,
        remediations: &BTreeMap<RemediationId, Remediation>,
    ) -> Result<(), Error> {
        let mut seen = BTreeSet::new();
        if let Some(taken) = self
            .remediations
            .iter()
            .map(|r| &r.remediation)
            .find(|id| remediations.contains_key(*id) || !seen.insert(*id))
        {
            return Err(LookupError::duplicate("remediation", taken).into());
        }
        Ok(())
    }

    /// Refuses a conclusion that passes over a remediation of the cell still not verified, or
    /// names one that is not; each note must say something.
    pub(crate) fn check_open_remedies(
        &self,
        remediations: &BTreeMap<RemediationId, Remediation>,
        cell: &CellId,
    ) -> Result<(), Error> {
        for open in &self.open_remedies {
            text::required("note", &open.note)?;
        }
        let open: BTreeSet<&RemediationId> = open_remedies(remediations, cell)
            .into_iter()
            .map(|r| &r.id)
            .collect();
        let named: BTreeSet<&RemediationId> =
            self.open_remedies.iter().map(|o| &o.remediation).collect();
        let wrong: Vec<String> = open
            .symmetric_difference(&named)
            .map(|id| id.to_string())
            .collect();
        if wrong.is_empty() && named.len() == self.open_remedies.len() {
            Ok(())
        } else {
            Err(InspectionError::OpenRemediesUnaddressed {
                remediations: wrong.join(", "),
            }
            .into())
        }
    }
}
