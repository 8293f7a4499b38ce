//! What both [`crate::Commune`] and [`crate::CommuneFile`] read from the commune they hold:
//! summaries, reports and the whole state, each one call into the core. [`commune_reads!`]
//! writes these methods once for both objects (as a second exported `impl` block of each).

use crate::error::{malformed, ChiboError};
use crate::{Commune, CommuneFile};

/// A value as JSON text for the app.
pub(crate) fn json(value: &impl serde::Serialize) -> Result<String, ChiboError> {
    serde_json::to_string(value).map_err(malformed)
}

/// The read methods of an object whose `lock()` gives something with `commune()`.
macro_rules! commune_reads {
    ($object:ident) => {
        #[uniffi::export]
        impl $object {
            /// A meeting at a glance (`lookup.unknown` if there is none).
            pub fn meeting_summary(
                &self,
                meeting: String,
            ) -> Result<$crate::summary::MeetingSummary, ChiboError> {
                Ok(self
                    .lock()
                    .commune()
                    .meeting_summary(&meeting.into())?
                    .into())
            }

            /// A task at a glance.
            pub fn task_summary(
                &self,
                task: String,
            ) -> Result<$crate::summary::TaskSummary, ChiboError> {
                Ok(self.lock().commune().task_summary(&task.into())?.into())
            }

            /// An inspection at a glance.
            pub fn inspection_summary(
                &self,
                inspection: String,
            ) -> Result<$crate::summary::InspectionSummary, ChiboError> {
                Ok(self
                    .lock()
                    .commune()
                    .inspection_summary(&inspection.into())?
                    .into())
            }

            /// A remediation at a glance.
            pub fn remediation_summary(
                &self,
                remediation: String,
            ) -> Result<$crate::summary::RemediationSummary, ChiboError> {
                Ok(self
                    .lock()
                    .commune()
                    .remediation_summary(&remediation.into())?
                    .into())
            }

            /// A member at a glance.
            pub fn member_summary(
                &self,
                member: String,
            ) -> Result<$crate::summary::MemberSummary, ChiboError> {
                Ok(self.lock().commune().member_summary(&member.into())?.into())
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
