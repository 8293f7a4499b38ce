//! What both [`crate::Commune`] and [`crate::CommuneFile`] read from the commune they hold:
//! summaries, reports and the whole state, each one call into the core. [`commune_reads!`]
//! writes these methods once for both objects (as a second exported `impl` block of each).

use crate::error::{malformed, ChiboError};
use crate::{Commune, CommuneFile};
use chibo::commune::{
    InspectionSummary, MeetingSummary, MemberSummary, RemediationSummary, TaskSummary,
};
use chibo::ids::{InspectionId, MeetingId, MemberId, RemediationId, TaskId};
use chibo::report::alerts::Alert;
use chibo::report::dashboard::{Dashboard, Period};
use chibo::report::query::{Query, Report};
use chrono::NaiveDate;

/// A value as JSON text for the app.
pub(crate) fn json(value: &impl serde::Serialize) -> Result<String, ChiboError> {
    serde_json::to_string(value).map_err(malformed)
}

/// A report of another kind than the query asked for: cannot happen (the core answers each
/// query with its own kind), said as `input.malformed` rather than a panic.
fn unexpected(report: &Report) -> ChiboError {
    malformed(format!("the core answered with another report: {report:?}"))
}

/// The read methods of an object whose `lock()` gives something with `commune()`.
macro_rules! commune_reads {
    ($object:ident) => {
        #[uniffi::export]
        impl $object {
            /// A meeting at a glance (`lookup.unknown` if there is none).
            pub fn meeting_summary(
                &self,
                meeting: MeetingId,
            ) -> Result<MeetingSummary, ChiboError> {
                Ok(self.lock().commune().meeting_summary(&meeting)?)
            }

            /// A task at a glance.
            pub fn task_summary(&self, task: TaskId) -> Result<TaskSummary, ChiboError> {
                Ok(self.lock().commune().task_summary(&task)?)
            }

            /// An inspection at a glance.
            pub fn inspection_summary(
                &self,
                inspection: InspectionId,
            ) -> Result<InspectionSummary, ChiboError> {
                Ok(self.lock().commune().inspection_summary(&inspection)?)
            }

            /// A remediation at a glance.
            pub fn remediation_summary(
                &self,
                remediation: RemediationId,
            ) -> Result<RemediationSummary, ChiboError> {
                Ok(self.lock().commune().remediation_summary(&remediation)?)
            }

            /// A member at a glance.
            pub fn member_summary(&self, member: MemberId) -> Result<MemberSummary, ChiboError> {
                Ok(self.lock().commune().member_summary(&member)?)
            }

            /// A report computed by the core (docs/reports.md), typed: `Report.Alerts`,
            /// `Report.Dashboard`, … one variant per query.
            pub fn report(&self, query: Query) -> Result<Report, ChiboError> {
                Ok(chibo::report::query::report(self.lock().commune(), &query)?)
            }

            /// The alerts as of a day, most urgent first.
            pub fn alerts(&self, as_of: NaiveDate) -> Result<Vec<Alert>, ChiboError> {
                match self.report(Query::Alerts { as_of })? {
                    Report::Alerts(alerts) => Ok(alerts),
                    other => Err(unexpected(&other)),
                }
            }

            /// The commune dashboard for a year or a month.
            pub fn dashboard(&self, period: Period) -> Result<Dashboard, ChiboError> {
                match self.report(Query::Dashboard { period })? {
                    Report::Dashboard(dashboard) => Ok(dashboard),
                    other => Err(unexpected(&other)),
                }
            }

            /// The summary of a record as JSON text, by kind (`meetings`, `tasks`,
            /// `inspections`, `remediations`, `members`), as scenario files check it.
            pub fn summary_json(&self, kind: String, id: String) -> Result<String, ChiboError> {
                $crate::view::json(&self.lock().commune().summary(&kind, &id)?)
            }

            /// A report computed by the core from a query in JSON text (`{"alerts": {"as_of":
            /// "2025-04-01"}}`, dashboard, score, recorded_score, ratings, minutes, labels;
            /// docs/reports.md), as JSON text.
            pub fn query(&self, query: String) -> Result<String, ChiboError> {
                let query = chibo::report::query::Query::from_json(&query)?;
                $crate::view::json(&chibo::report::query::run(self.lock().commune(), &query)?)
            }

            /// The commune's whole state as JSON text.
            pub fn state_json(&self) -> Result<String, ChiboError> {
                $crate::view::json(self.lock().commune())
            }
        }
    };
}

commune_reads!(Commune);
commune_reads!(CommuneFile);
