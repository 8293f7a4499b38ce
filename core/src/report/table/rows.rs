//! The rows of each table, in the order of its schema's columns (`columns.rs`).

use super::{Cell, TablePeriod};
use crate::commune::Commune;
use crate::error::Error;
use crate::report::alerts::{alerts as alerts_as_of, Alert, Figures};
use crate::report::dashboard::{dashboard as board, last_day, DashboardRow, Period};
use crate::report::rating::annual_ratings;
use crate::time::YearMonth;
use serde::Serialize;

type Row = Vec<Cell>;

fn int(n: impl Into<i64>) -> Cell {
    Cell::Int(n.into())
}

fn opt_int<T: Into<i64>>(n: Option<T>) -> Cell {
    n.map_or(Cell::Null, int)
}

fn text(s: impl ToString) -> Cell {
    Cell::Text(s.to_string())
}

fn opt_text<T: ToString>(s: Option<T>) -> Cell {
    s.map_or(Cell::Null, |s| text(s))
}

/// A value's serialised code (`"adopted"`, `"regular"`…), as the JSON reports write it.
fn code(value: &impl Serialize) -> Cell {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Cell::Text(s),
        Ok(serde_json::Value::Null) | Err(_) => Cell::Null,
        Ok(other) => Cell::Text(other.to_string()),
    }
}

fn opt_code<T: Serialize>(value: Option<&T>) -> Cell {
    value.map_or(Cell::Null, code)
}

/// The last day of the last month, the day month-end figures are taken on.
fn period_end(months: &[YearMonth]) -> Option<chrono::NaiveDate> {
    months.last().copied().and_then(last_day)
}

pub(super) fn dashboard(commune: &Commune, period: TablePeriod, months: &[YearMonth]) -> Vec<Row> {
    let period = match period {
        TablePeriod::Month(m) => Period::Month(m),
        TablePeriod::Year(y) | TablePeriod::Quarter(y, _) => Period::Year(y),
    };
    board(commune, period)
        .rows
        .iter()
        .filter(|r| months.contains(&r.month))
        .map(dashboard_row)
        .collect()
}

/// The fields of `dashboard::csv`'s records, as typed values (a test checks they agree).
fn dashboard_row(row: &DashboardRow) -> Row {
    let a = row.attendance.as_ref();
    let v = row.vote.as_ref();
    let t = &row.tasks;
    let i = row.inspection.as_ref();
    let r = &row.remediations;
    vec![
        text(&row.cell),
        text(&row.cell_name),
        Cell::Month(row.month),
        opt_text(row.meeting.as_ref()),
        opt_text(row.state.map(|s| s.as_str())),
        int(row.held.regular),
        int(row.held.thematic),
        int(row.held.combined),
        opt_int(a.map(|a| a.summoned)),
        opt_int(a.map(|a| a.expected)),
        opt_int(a.map(|a| a.present)),
        opt_int(a.map(|a| a.absent_excused)),
        opt_int(a.map(|a| a.absent_unexcused)),
        opt_int(a.and_then(|a| a.rate_per_mille)),
        opt_int(a.and_then(|a| a.headcount_per_mille)),
        opt_int(v.map(|v| v.yes)),
        opt_int(v.map(|v| v.no)),
        opt_int(v.map(|v| v.abstain)),
        opt_int(v.map(|v| v.counted_base)),
        opt_int(v.map(|v| v.needed)),
        v.map_or(Cell::Null, |v| Cell::Bool(v.passed)),
        int(t.new),
        int(t.carried_in),
        int(t.exceeded),
        int(t.on_time),
        int(t.late),
        int(t.not_done),
        int(t.cancelled),
        int(t.pending),
        opt_text(row.quality_band.as_ref()),
        int(i64::try_from(row.inspections.len()).unwrap_or(i64::MAX)),
        opt_text(i.map(|i| &i.inspection)),
        opt_code(i.map(|i| &i.kind)),
        i.map_or(Cell::Null, |i| Cell::Date(i.concluded_on)),
        opt_text(i.map(|i| &i.conclusion)),
        opt_int(i.map(|i| i.remediations)),
        i.map_or(Cell::Null, |i| Cell::Bool(i.referred)),
        int(r.open),
        int(r.overdue),
        int(r.remedied),
        int(row.defects),
    ]
}

/// The alerts as of the period's last day about a month of the period; alerts about a whole
/// year (R-81's followers) are kept for any period of that year.
pub(super) fn alerts(commune: &Commune, months: &[YearMonth]) -> Vec<Row> {
    let Some(as_of) = period_end(months) else {
        return Vec::new();
    };
    alerts_as_of(commune, as_of)
        .iter()
        .filter(|a| a.figures.month().map_or(true, |m| months.contains(&m)))
        .map(|a| alert_row(a, as_of))
        .collect()
}

fn alert_row(alert: &Alert, as_of: chrono::NaiveDate) -> Row {
    let (deadline, days) = match &alert.figures {
        Figures::TaskOverdue {
            deadline,
            days_overdue,
            ..
        }
        | Figures::RemediationOverdue {
            deadline,
            days_overdue,
            ..
        } => (Cell::Date(*deadline), int(*days_overdue)),
        _ => (Cell::Null, Cell::Null),
    };
    vec![
        Cell::Date(as_of),
        alert.figures.month().map_or(Cell::Null, Cell::Month),
        text(alert.kind.as_str()),
        text(alert.rule),
        opt_text(alert.citation.as_ref()),
        opt_text(alert.cell.as_ref()),
        opt_text(alert.member.as_ref()),
        opt_text(alert.meeting.as_ref()),
        opt_text(alert.task.as_ref()),
        opt_text(alert.remediation.as_ref()),
        deadline,
        days,
        text(serde_json::to_string(&alert.figures).unwrap_or_default()),
        text(&alert.message_vi),
        text(&alert.message_en),
    ]
}

pub(super) fn meetings(commune: &Commune, months: &[YearMonth]) -> Result<Vec<Row>, Error> {
    let mut rows = Vec::new();
    for (id, m) in &commune.meetings {
        let header = m.header();
        if !months.contains(&header.month) {
            continue;
        }
        let s = commune.meeting_summary(id)?;
        let draft = m.draft();
        rows.push(vec![
            text(id),
            text(&header.cell),
            Cell::Month(header.month),
            code(&header.kind),
            text(s.state.as_str()),
            text(&header.directive),
            Cell::Time(header.drafted_at),
            Cell::Time(draft.scheduled_at),
            m.held()
                .map_or(Cell::Null, |h| Cell::Time(h.record.started_at)),
            text(&draft.place),
            int(s.revisions),
            Cell::Bool(s.notice_sent),
            int(s.failed_sittings),
            int(i64::try_from(s.defects.len()).unwrap_or(i64::MAX)),
            opt_int(s.members),
            opt_int(s.present),
            opt_int(s.counted_base),
            opt_int(s.yes),
            opt_int(s.no),
            opt_int(s.abstain),
            opt_int(s.minutes),
            int(s.admissions),
            int(s.tasks),
            int(s.carried_over),
            int(s.inspections),
        ]);
    }
    Ok(rows)
}

pub(super) fn tasks(commune: &Commune, months: &[YearMonth]) -> Result<Vec<Row>, Error> {
    let mut rows = Vec::new();
    for (id, t) in &commune.tasks {
        let Some(month) = commune.meetings.get(&t.meeting).map(|m| m.header().month) else {
            continue;
        };
        if !months.contains(&month) {
            continue;
        }
        let s = commune.task_summary(id)?;
        rows.push(vec![
            text(id),
            text(&t.cell),
            Cell::Month(month),
            text(&t.meeting),
            text(&t.origin),
            text(&t.owner),
            int(t.item),
            text(&t.content),
            Cell::Time(t.assigned_at),
            Cell::Date(t.deadline),
            code(&s.state),
            opt_text(s.outcome),
            opt_text(s.carried_from.as_ref()),
        ]);
    }
    Ok(rows)
}

pub(super) fn members(commune: &Commune, months: &[YearMonth]) -> Result<Vec<Row>, Error> {
    let Some(end) = period_end(months) else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for m in commune.organisation.members.values() {
        if m.joined_on > end {
            continue;
        }
        let s = commune.member_summary(&m.id)?;
        rows.push(vec![
            text(&m.id),
            text(&m.name),
            opt_text(s.cell.as_ref()),
            code(&s.status),
            Cell::Date(m.joined_on),
            m.left_on.map_or(Cell::Null, Cell::Date),
            Cell::Bool(s.exempted),
            Cell::Bool(s.suspended),
            Cell::Bool(s.transferred),
            Cell::Bool(s.active),
        ]);
    }
    Ok(rows)
}

/// The ratings with the general-criteria points the committee entered (as the `ratings` query
/// does when none are given).
pub(super) fn ratings(commune: &Commune, year: i32) -> Vec<Row> {
    let entered = commune
        .general_points
        .get(&year)
        .cloned()
        .unwrap_or_default();
    annual_ratings(commune, year, &entered)
        .members
        .iter()
        .map(|r| {
            vec![
                int(year),
                text(&r.member),
                text(&r.name),
                text(&r.cell),
                code(&r.standing),
                opt_int(r.general_points),
                int(r.task_points),
                opt_int(r.points),
                opt_code(r.category.as_ref()),
                Cell::Bool(r.capped),
                opt_code(r.disciplined.as_ref()),
                opt_code(r.decided.as_ref()),
                int(r.tasks.total),
                int(r.tasks.exceeded),
                int(r.tasks.on_time),
                int(r.tasks.late),
                int(r.tasks.not_done),
                int(r.tasks.pending),
            ]
        })
        .collect()
}

pub(super) fn scores(commune: &Commune, months: &[YearMonth]) -> Vec<Row> {
    let mut rows = Vec::new();
    for (id, s) in &commune.scores {
        let Some(header) = commune.meetings.get(id).map(|m| m.header()) else {
            continue;
        };
        if !months.contains(&header.month) {
            continue;
        }
        let vote = s.vote.as_ref();
        rows.push(vec![
            text(id),
            text(&header.cell),
            Cell::Month(header.month),
            text(&s.rubric.id),
            int(s.total),
            code(&s.band),
            code(&s.state),
            text(&s.proposed_by),
            Cell::Time(s.proposed_at),
            opt_int(vote.map(|v| v.yes)),
            opt_int(vote.map(|v| v.no)),
            opt_int(vote.map(|v| v.abstain)),
            opt_text(s.decided_by.as_ref()),
            s.decided_at.map_or(Cell::Null, Cell::Time),
            opt_text(s.note.as_ref()),
        ]);
    }
    rows
}

pub(super) fn defects(commune: &Commune, months: &[YearMonth]) -> Vec<Row> {
    let mut rows = Vec::new();
    for (id, m) in &commune.meetings {
        let header = m.header();
        if !months.contains(&header.month) {
            continue;
        }
        for d in m.defects() {
            rows.push(vec![
                text(id),
                text(&header.cell),
                Cell::Month(header.month),
                text(d.code()),
                text(d.kind.rule()),
                Cell::Bool(d.kind.blocks_adoption()),
                text(&d.source),
                text(d.message_vi()),
                text(d.message_en()),
            ]);
        }
    }
    rows
}
