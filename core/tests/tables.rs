//! The report tables (`chibo::report::table`): one schema each, the same columns whatever the
//! data, every value of its column's type, and the dashboard's table equal, field by field, to
//! the dashboard's CSV.

use chibo::report::dashboard::{dashboard, to_csv, Period, CSV_COLUMNS};
use chibo::report::table::{table, Cell, ColumnType, Table, TableKind, TablePeriod, SCHEMAS};
use chibo::time::YearMonth;
use chibo::{Command, Commune};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

/// A commune built from setup files of `tests/scenarios/setup/`, in order.
fn setup(names: &[&str]) -> Result<Commune, String> {
    let mut commune = Commune::new();
    for name in names {
        let path = scenarios().join("setup").join(format!("{name}.json"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
        let file: Value = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
        let steps = file
            .get("steps")
            .and_then(Value::as_array)
            .ok_or(format!("{name}: no steps"))?;
        for (i, step) in steps.iter().enumerate() {
            let command: Command =
                serde_json::from_value(step.clone()).map_err(|e| format!("{name} {i}: {e}"))?;
            commune
                .execute(&command)
                .map_err(|e| format!("{name} {i}: refused {}", e.code()))?;
        }
    }
    Ok(commune)
}

fn reported() -> Result<Commune, String> {
    setup(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
    ])
}

fn march() -> Result<TablePeriod, String> {
    YearMonth::new(2025, 3)
        .map(TablePeriod::Month)
        .ok_or_else(|| "no March".to_owned())
}

/// Every row has one value per column, of the column's type, and no empty value where the
/// column may not be empty.
fn check_typed(t: &Table) -> Result<(), String> {
    for (r, row) in t.rows.iter().enumerate() {
        if row.len() != t.schema.columns.len() {
            return Err(format!("{} row {r}: {} values", t.schema.name, row.len()));
        }
        for (column, value) in t.schema.columns.iter().zip(row) {
            let fits = match (column.kind, value) {
                (_, Cell::Null) => column.nullable,
                (ColumnType::Text | ColumnType::Code, Cell::Text(_))
                | (ColumnType::Int, Cell::Int(_))
                | (ColumnType::Bool, Cell::Bool(_))
                | (ColumnType::Date, Cell::Date(_))
                | (ColumnType::Timestamp, Cell::Time(_))
                | (ColumnType::Month, Cell::Month(_)) => true,
                _ => false,
            };
            if !fits {
                return Err(format!(
                    "{} row {r} column {}: {value:?} is not a {:?}",
                    t.schema.name, column.name, column.kind
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn every_table_has_one_schema_with_unique_columns_and_both_headers() {
    let names: BTreeSet<&str> = SCHEMAS.iter().map(|s| s.name).collect();
    assert_eq!(names.len(), TableKind::ALL.len());
    for kind in TableKind::ALL {
        let schema = kind.schema();
        assert_eq!(TableKind::named(schema.name).ok(), Some(kind));
        let columns: BTreeSet<&str> = schema.columns.iter().map(|c| c.name).collect();
        assert_eq!(columns.len(), schema.columns.len(), "{}", schema.name);
        for c in schema.columns {
            assert!(!c.vi.is_empty() && !c.en.is_empty(), "{}", c.name);
        }
    }
    assert!(TableKind::named("dashbord").is_err());
}

#[test]
fn the_dashboard_table_has_the_csv_columns() {
    let names: Vec<&str> = TableKind::Dashboard
        .schema()
        .columns
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, CSV_COLUMNS);
}

#[test]
fn an_empty_commune_gives_every_table_with_no_rows() -> Result<(), String> {
    let commune = Commune::new();
    for period in [
        TablePeriod::Year(2025),
        TablePeriod::Quarter(2025, 2),
        march()?,
    ] {
        for kind in TableKind::ALL {
            let t = table(&commune, kind, period).map_err(|e| e.to_string())?;
            assert!(t.rows.is_empty(), "{kind:?}");
            let json = t.to_columns_json();
            let columns = json.get("columns").and_then(Value::as_array).map(Vec::len);
            assert_eq!(columns, Some(kind.schema().columns.len()));
        }
    }
    Ok(())
}

#[test]
fn a_bad_period_is_refused_not_a_panic() {
    let commune = Commune::new();
    for period in [TablePeriod::Quarter(2025, 5), TablePeriod::Year(1200)] {
        let refused = table(&commune, TableKind::Alerts, period);
        assert!(refused.is_err(), "{period:?}");
    }
}

#[test]
fn every_value_has_its_column_type_in_a_reported_month() -> Result<(), String> {
    let commune = reported()?;
    for period in [TablePeriod::Year(2025), march()?] {
        for kind in TableKind::ALL {
            let t = table(&commune, kind, period).map_err(|e| e.to_string())?;
            check_typed(&t)?;
        }
    }
    let meetings = table(&commune, TableKind::Meetings, march()?).map_err(|e| e.to_string())?;
    assert!(!meetings.rows.is_empty());
    let tasks = table(&commune, TableKind::Tasks, march()?).map_err(|e| e.to_string())?;
    assert!(!tasks.rows.is_empty());
    Ok(())
}

/// The dashboard table written as the CSV writes values equals the CSV's records.
#[test]
fn the_dashboard_table_agrees_with_the_csv() -> Result<(), String> {
    let commune = reported()?;
    let t = table(&commune, TableKind::Dashboard, TablePeriod::Year(2025))
        .map_err(|e| e.to_string())?;
    let csv = to_csv(&dashboard(&commune, Period::Year(2025)));
    let records: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(records.len(), t.rows.len());
    for (record, row) in records.iter().zip(&t.rows) {
        let fields: Vec<String> = row
            .iter()
            .map(|v| match v.to_json() {
                Value::Null => String::new(),
                Value::String(s) if s.contains([',', '"']) => {
                    format!("\"{}\"", s.replace('"', "\"\""))
                }
                Value::String(s) => s,
                other => other.to_string(),
            })
            .collect();
        assert_eq!(fields.join(","), *record);
    }
    Ok(())
}
