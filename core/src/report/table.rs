//! Reports as flat, typed tables (bảng số liệu): one schema per table, the same columns whatever
//! the data (an empty month gives the same columns, with no rows), each column with its type and
//! its Vietnamese and English header. The bindings build their data frames, spreadsheets and
//! Parquet files from these, so a column has one name everywhere: in Python, in CSV, in the docs.
//!
//! The dashboard's columns are those of [`super::dashboard::CSV_COLUMNS`], in the same order.
//!
//! ```
//! use chibo::report::table::{table, TableKind, TablePeriod};
//! let commune = chibo::Commune::new();
//! let alerts = table(&commune, TableKind::Alerts, TablePeriod::Quarter(2025, 1)).unwrap();
//! assert!(alerts.rows.is_empty());
//! assert_eq!(alerts.schema.columns[0].name, "as_of");
//! ```

mod columns;
mod rows;

pub use columns::SCHEMAS;

use crate::commune::Commune;
use crate::error::{Error, InputError};
use crate::time::{Timestamp, YearMonth};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// Free text (names, messages, ids).
    Text,
    /// A stable code from a small vocabulary (a state, a kind, a band): a category.
    Code,
    /// A whole number.
    Int,
    /// True or false.
    Bool,
    /// A calendar day.
    Date,
    /// An instant, shown in Vietnam's time (+07:00).
    Timestamp,
    /// A month, written `YYYY-MM`.
    Month,
}

/// One column: its name (snake_case, the same in every language binding and in CSV), its type,
/// whether it may be empty, and its header in Vietnamese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The column's name.
    pub name: &'static str,
    /// The type of its values.
    #[serde(rename = "type")]
    pub kind: ColumnType,
    /// Whether a row may have no value.
    pub nullable: bool,
    /// The header in Vietnamese.
    pub vi: &'static str,
    /// The header in English.
    pub en: &'static str,
}

/// A table's description: its name, title in both languages, and columns in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TableSchema {
    /// The table's name, e.g. `dashboard`.
    pub name: &'static str,
    /// Its title in Vietnamese.
    pub vi: &'static str,
    /// Its title in English.
    pub en: &'static str,
    /// What one row is, in English (for the docs).
    pub row: &'static str,
    /// The columns, in order.
    pub columns: &'static [Column],
}

/// The tables there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// One row per cell × month of the period (the dashboard's rows).
    Dashboard,
    /// One row per alert as of the period's last day that is about a month of the period.
    Alerts,
    /// One row per task assigned by a meeting of the period.
    Tasks,
    /// One row per meeting of the period.
    Meetings,
    /// One row per member who joined by the period's end (left members included), with their
    /// status and flags as the journal records them now.
    Members,
    /// One row per member rated for the period's year (R-72).
    Ratings,
    /// One row per meeting of the period with a recorded quality score (R-71).
    Scores,
    /// One row per defect recorded at a meeting of the period.
    Defects,
}

impl TableKind {
    /// Every table, in the order of a workbook's sheets.
    pub const ALL: [TableKind; 8] = [
        TableKind::Dashboard,
        TableKind::Alerts,
        TableKind::Meetings,
        TableKind::Tasks,
        TableKind::Members,
        TableKind::Ratings,
        TableKind::Scores,
        TableKind::Defects,
    ];

    /// Its schema.
    pub fn schema(self) -> &'static TableSchema {
        match self {
            TableKind::Dashboard => &columns::DASHBOARD_TABLE,
            TableKind::Alerts => &columns::ALERTS_TABLE,
            TableKind::Tasks => &columns::TASKS_TABLE,
            TableKind::Meetings => &columns::MEETINGS_TABLE,
            TableKind::Members => &columns::MEMBERS_TABLE,
            TableKind::Ratings => &columns::RATINGS_TABLE,
            TableKind::Scores => &columns::SCORES_TABLE,
            TableKind::Defects => &columns::DEFECTS_TABLE,
        }
    }

    /// The table named `name`, or `input.malformed` naming the tables there are.
    pub fn named(name: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|k| k.schema().name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = SCHEMAS.iter().map(|s| s.name).collect();
                InputError::malformed(format!(
                    "no table named {name:?}: the tables are {}",
                    names.join(", ")
                ))
            })
    }
}

/// The months a table covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TablePeriod {
    /// A whole year.
    Year(i32),
    /// A quarter (1..=4) of a year.
    Quarter(i32, u32),
    /// One month.
    Month(YearMonth),
}

impl TablePeriod {
    /// The months covered, in order; `input.out_of_range` for a quarter outside 1..=4 or a year
    /// outside the calendar records can have.
    pub fn months(self) -> Result<Vec<YearMonth>, Error> {
        let year = match self {
            TablePeriod::Year(y) | TablePeriod::Quarter(y, _) => y,
            TablePeriod::Month(m) => m.year(),
        };
        if !(crate::time::FIRST_YEAR..=crate::time::LAST_YEAR).contains(&year) {
            return Err(InputError::out_of_range(
                "year",
                year,
                i64::from(crate::time::FIRST_YEAR),
                i64::from(crate::time::LAST_YEAR),
            ));
        }
        Ok(match self {
            TablePeriod::Year(y) => (1..=12).filter_map(|m| YearMonth::new(y, m)).collect(),
            TablePeriod::Quarter(y, q) if (1..=4).contains(&q) => (q * 3 - 2..=q * 3)
                .filter_map(|m| YearMonth::new(y, m))
                .collect(),
            TablePeriod::Quarter(_, q) => return Err(InputError::out_of_range("quarter", q, 1, 4)),
            TablePeriod::Month(m) => vec![m],
        })
    }

    /// The year the period falls in.
    pub fn year(self) -> i32 {
        match self {
            TablePeriod::Year(y) | TablePeriod::Quarter(y, _) => y,
            TablePeriod::Month(m) => m.year(),
        }
    }
}

/// One value of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// No value.
    Null,
    /// A whole number.
    Int(i64),
    /// True or false.
    Bool(bool),
    /// Text or a code.
    Text(String),
    /// A day.
    Date(NaiveDate),
    /// An instant.
    Time(Timestamp),
    /// A month.
    Month(YearMonth),
}

impl Cell {
    /// The value as JSON: numbers, booleans and strings; a date as `YYYY-MM-DD`, an instant as
    /// RFC 3339 with its offset, a month as `YYYY-MM`.
    pub fn to_json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(n) => json!(n),
            Cell::Bool(b) => json!(b),
            Cell::Text(s) => json!(s),
            Cell::Date(d) => json!(d.to_string()),
            Cell::Time(t) => json!(t.to_rfc3339()),
            Cell::Month(m) => json!(m.to_string()),
        }
    }
}

/// A table: its schema and its rows, each with one value per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What the columns are.
    pub schema: &'static TableSchema,
    /// The rows, in a stable order (by cell, month and id).
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table by columns, as JSON: `{"table": name, "names": [column…], "columns":
    /// [[values…]…]}`, the columns in the schema's order (what the bindings turn into Arrow
    /// arrays).
    pub fn to_columns_json(&self) -> Value {
        let columns: Vec<Value> = (0..self.schema.columns.len())
            .map(|i| {
                self.rows
                    .iter()
                    .map(|row| row.get(i).map_or(Value::Null, Cell::to_json))
                    .collect()
            })
            .collect();
        let names: Vec<&str> = self.schema.columns.iter().map(|c| c.name).collect();
        json!({ "table": self.schema.name, "names": names, "columns": columns })
    }
}

/// The table `kind` of `commune` for `period`. Pure; refuses only a period out of range.
pub fn table(commune: &Commune, kind: TableKind, period: TablePeriod) -> Result<Table, Error> {
    let months = period.months()?;
    let rows = match kind {
        TableKind::Dashboard => rows::dashboard(commune, period, &months),
        TableKind::Alerts => rows::alerts(commune, &months),
        TableKind::Tasks => rows::tasks(commune, &months)?,
        TableKind::Meetings => rows::meetings(commune, &months)?,
        TableKind::Members => rows::members(commune, &months)?,
        TableKind::Ratings => rows::ratings(commune, period.year()),
        TableKind::Scores => rows::scores(commune, &months),
        TableKind::Defects => rows::defects(commune, &months),
    };
    Ok(Table {
        schema: kind.schema(),
        rows,
    })
}
