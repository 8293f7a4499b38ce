//! What both [`crate::Journal`] and [`crate::JournalFile`] read from the commune they hold:
//! summaries, reports and the whole state. Each is one call into the core.

use crate::error::{malformed, ChiboError};
use crate::summary::{
    InspectionSummary, MeetingSummary, MemberSummary, RemediationSummary, TaskSummary,
};
use chibo::Commune;

/// A meeting at a glance (`lookup.unknown` if there is none).
pub(crate) fn meeting(commune: &Commune, id: &str) -> Result<MeetingSummary, ChiboError> {
    Ok(commune.meeting_summary(&id.into())?.into())
}

/// A task at a glance.
pub(crate) fn task(commune: &Commune, id: &str) -> Result<TaskSummary, ChiboError> {
    Ok(commune.task_summary(&id.into())?.into())
}

/// An inspection at a glance.
pub(crate) fn inspection(commune: &Commune, id: &str) -> Result<InspectionSummary, ChiboError> {
    Ok(commune.inspection_summary(&id.into())?.into())
}

/// A remediation at a glance.
pub(crate) fn remediation(commune: &Commune, id: &str) -> Result<RemediationSummary, ChiboError> {
    Ok(commune.remediation_summary(&id.into())?.into())
}

/// A member at a glance.
pub(crate) fn member(commune: &Commune, id: &str) -> Result<MemberSummary, ChiboError> {
    Ok(commune.member_summary(&id.into())?.into())
}

/// The summary of any record as JSON text, by the kind named in scenario files (`meetings`,
/// `tasks`, `inspections`, `remediations`, `members`).
pub(crate) fn summary_json(commune: &Commune, kind: &str, id: &str) -> Result<String, ChiboError> {
    json(&commune.summary(kind, id)?)
}

/// A report (docs/reports.md) computed by the core from a query in JSON text.
pub(crate) fn query(commune: &Commune, query: &str) -> Result<String, ChiboError> {
    let query = chibo::report::query::Query::from_json(query)?;
    json(&chibo::report::query::run(commune, &query)?)
}

/// The whole state as JSON text.
pub(crate) fn state_json(commune: &Commune) -> Result<String, ChiboError> {
    json(commune)
}

fn json(value: &impl serde::Serialize) -> Result<String, ChiboError> {
    serde_json::to_string(value).map_err(malformed)
}
