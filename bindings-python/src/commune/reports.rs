//! Reports and record tables: every report is the core's query (`chibo::report::query`), run
//! without the GIL and returned as plain Python values (dicts, lists, strings, numbers); the
//! `chibo` package adds typed rows and pandas frames on top.

use super::Commune;
use crate::backend::Backend;
use crate::convert;
use crate::{error, views};
use chibo::error::InputError;
use chibo::report::dashboard::{dashboard, to_csv, totals_to_csv, Period};
use chibo::report::query::{run, Query};
use chibo::report::table::{table, TableKind, TablePeriod};
use chibo_store::StoreError;
use pyo3::prelude::*;
use serde_json::{json, Value};

impl Commune {
    /// Runs a query given as JSON, without the GIL, and returns its result as Python values.
    fn run_query<'py>(&self, py: Python<'py>, query: Value) -> PyResult<Bound<'py, PyAny>> {
        let query = Query::from_value(query).map_err(|e| error::refusal(&e))?;
        let result = self
            .detached(py, |backend| -> Result<Value, StoreError> {
                Ok(run(backend.journal()?.commune(), &query)?)
            })
            .map_err(|e| error::store(&e))?;
        convert::to_py(py, &result)
    }
}

/// The dashboard's period from `year` or `month` (exactly one).
fn period(year: Option<&Bound<'_, PyAny>>, month: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    match (year, month) {
        (Some(year), None) => Ok(json!({ "year": convert::to_json(year)? })),
        (None, Some(month)) => Ok(json!({ "month": convert::to_json(&convert::month(month)?)? })),
        _ => Err(error::refusal(&InputError::malformed(
            "give the dashboard either year= or month=, not both or neither",
        ))),
    }
}

fn dashboard_text(
    backend: &Backend,
    period: &Period,
    render: fn(&chibo::report::dashboard::Dashboard) -> String,
) -> Result<String, StoreError> {
    Ok(render(&dashboard(backend.journal()?.commune(), *period)))
}

#[pymethods]
impl Commune {
    /// Any report as the core's query value, e.g. `{"alerts": {"as_of": "2025-12-31"}}`
    /// (tests/scenarios/README.md lists them); returns its JSON result as Python values.
    fn query<'py>(
        &self,
        py: Python<'py>,
        query: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_query(py, convert::to_json(query)?)
    }

    /// The alerts as of a day: rule breaches and membership
    /// alerts, each naming its rule and citation, with messages in Vietnamese and English.
    #[pyo3(signature = (*, as_of))]
    fn alerts<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_query(
            py,
            json!({ "alerts": { "as_of": convert::to_json(as_of)? } }),
        )
    }

    /// The commune dashboard for a `year` or a `month` (`"YYYY-MM"` or a `date` in it): one row
    /// per cell × month (state, attendance, vote, tasks, inspection, remediations) and totals.
    #[pyo3(signature = (*, year=None, month=None))]
    fn dashboard<'py>(
        &self,
        py: Python<'py>,
        year: Option<&Bound<'py, PyAny>>,
        month: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_query(
            py,
            json!({ "dashboard": { "period": period(year, month)? } }),
        )
    }

    /// The dashboard as CSV (RFC 4180), one row per cell × month; `totals=True` gives the
    /// commune's monthly totals instead.
    #[pyo3(signature = (*, year=None, month=None, totals=false))]
    fn dashboard_csv(
        &self,
        py: Python<'_>,
        year: Option<&Bound<'_, PyAny>>,
        month: Option<&Bound<'_, PyAny>>,
        totals: bool,
    ) -> PyResult<String> {
        let period: Period = serde_json::from_value(period(year, month)?)
            .map_err(|e| error::refusal(&InputError::malformed(e)))?;
        let render = if totals { totals_to_csv } else { to_csv };
        self.detached(py, |backend| dashboard_text(backend, &period, render))
            .map_err(|e| error::store(&e))
    }

    /// A meeting's quality score under a rubric (the Phú Thọ preset when omitted), with the
    /// points `entered` by people by criterion id.
    #[pyo3(signature = (*, meeting, rubric=None, entered=None))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        meeting: &Bound<'py, PyAny>,
        rubric: Option<&Bound<'py, PyAny>>,
        entered: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut score = serde_json::Map::new();
        score.insert("meeting".into(), convert::to_json(meeting)?);
        if let Some(rubric) = rubric.filter(|r| !r.is_none()) {
            score.insert("rubric".into(), convert::to_json(rubric)?);
        }
        if let Some(entered) = entered.filter(|e| !e.is_none()) {
            score.insert("entered".into(), convert::to_json(entered)?);
        }
        self.run_query(py, json!({ "score": score }))
    }

    /// A meeting's recorded score: proposed, voted, confirmed or returned.
    #[pyo3(signature = (*, meeting))]
    fn recorded_score<'py>(
        &self,
        py: Python<'py>,
        meeting: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_query(
            py,
            json!({ "recorded_score": { "meeting": convert::to_json(meeting)? } }),
        )
    }

    /// The annual ratings of members and cells for a year; `general` gives each member's
    /// general-criteria points (0–30), else the points entered with `enter_general_points`;
    /// `cut_off` (a date in the year, default 31 December) is the review's: tasks due after it
    /// are outside the review.
    #[pyo3(signature = (*, year, general=None, cut_off=None))]
    fn ratings<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
        general: Option<&Bound<'py, PyAny>>,
        cut_off: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut ratings = serde_json::Map::new();
        ratings.insert("year".into(), convert::to_json(year)?);
        if let Some(general) = general.filter(|g| !g.is_none()) {
            ratings.insert("general".into(), convert::to_json(general)?);
        }
        if let Some(cut_off) = cut_off.filter(|c| !c.is_none()) {
            ratings.insert("cut_off".into(), convert::to_json(cut_off)?);
        }
        self.run_query(py, json!({ "ratings": ratings }))
    }

    /// The minutes of a held meeting (biên bản, R-33) and its resolution, gathered, with the
    /// minutes' `markdown` and `html` and the resolution's `resolution_markdown` and
    /// `resolution_html`, in `language` (`"vi"`, the default, or `"en"`).
    #[pyo3(signature = (*, meeting, language="vi"))]
    fn minutes<'py>(
        &self,
        py: Python<'py>,
        meeting: &Bound<'py, PyAny>,
        language: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_query(
            py,
            json!({ "minutes": { "meeting": convert::to_json(meeting)?, "language": language } }),
        )
    }

    /// A report table (`chibo::report::table`) by columns: `{"table": name, "names": [column…],
    /// "columns": [[values…]…]}`, in the schema's order (`TABLE_SCHEMAS`), computed without the
    /// GIL. `period` is `{"year": 2025}`, `{"quarter": [2025, 1]}` or `{"month": "2025-03"}`.
    /// The `chibo` package turns it into a pyarrow Table (`Commune.table`).
    fn table_columns<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        period: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let kind = TableKind::named(name).map_err(|e| error::refusal(&e))?;
        let period: TablePeriod = serde_json::from_value(convert::to_json(period)?)
            .map_err(|e| error::refusal(&InputError::malformed(format!("period: {e}"))))?;
        let columns = self
            .detached(
                py,
                |backend| -> Result<Result<Value, chibo::Error>, StoreError> {
                    let commune = backend.journal()?.commune();
                    Ok(table(commune, kind, period).map(|t| t.to_columns_json()))
                },
            )
            .map_err(|e| error::store(&e))?
            .map_err(|e| error::refusal(&e))?;
        convert::to_py(py, &columns)
    }

    /// Every record of a kind as a list of dicts, in id order, built in one call: `cells`,
    /// `members`, `meetings`, `tasks`, `inspections` or `remediations`. Each row has the record's
    /// `id` and its summary's fields (plus names, dates and owners where the record has them).
    fn records<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        let rows = self
            .detached(py, |backend| -> Result<Value, StoreError> {
                Ok(views::records(backend.journal()?.commune(), kind)?)
            })
            .map_err(|e| error::store(&e))?;
        convert::to_py(py, &rows)
    }
}
