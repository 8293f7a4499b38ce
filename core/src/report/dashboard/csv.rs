//! CSV exports of a [`Dashboard`] (RFC 4180): a header row, then one record per row; fields with a
//! comma, a double quote, CR or LF are quoted, with inner quotes doubled; records end with CRLF.
//! Absent values are empty fields; booleans are `true` / `false`. Written here, without a CSV
//! dependency. Every column is documented in `docs/reports.md`.

use super::{
    AttendanceCounts, Dashboard, DashboardRow, MeetingsHeld, RemediationCounts, TaskCounts, Totals,
};
use std::fmt::Display;

/// The header of [`to_csv`]: one column per field of a [`DashboardRow`], flattened.
pub const CSV_COLUMNS: [&str; 41] = [
    "cell",
    "cell_name",
    "month",
    "meeting",
    "state",
    "regular_held",
    "thematic_held",
    "combined_held",
    "summoned",
    "expected",
    "present",
    "absent_excused",
    "absent_unexcused",
    "attendance_per_mille",
    "headcount_per_mille",
    "vote_yes",
    "vote_no",
    "vote_abstain",
    "counted_base",
    "votes_needed",
    "passed",
    "tasks_new",
    "tasks_carried_in",
    "tasks_exceeded",
    "tasks_on_time",
    "tasks_late",
    "tasks_not_done",
    "tasks_cancelled",
    "tasks_pending",
    "quality_band",
    "inspections",
    "inspection",
    "inspection_kind",
    "inspection_concluded_on",
    "inspection_conclusion",
    "inspection_remediations",
    "inspection_referred",
    "remediations_open",
    "remediations_overdue",
    "remediations_remedied",
    "defects",
];

/// The header of [`totals_to_csv`]: one column per field of [`Totals`], flattened.
pub const TOTALS_CSV_COLUMNS: [&str; 28] = [
    "scope",
    "month",
    "rows",
    "regular_missing",
    "regular_held",
    "thematic_held",
    "combined_held",
    "summoned",
    "expected",
    "present",
    "absent_excused",
    "absent_unexcused",
    "attendance_per_mille",
    "headcount_per_mille",
    "resolutions_adopted",
    "tasks_new",
    "tasks_carried_in",
    "tasks_exceeded",
    "tasks_on_time",
    "tasks_late",
    "tasks_not_done",
    "tasks_cancelled",
    "tasks_pending",
    "inspections",
    "remediations_open",
    "remediations_overdue",
    "remediations_remedied",
    "defects",
];

/// One CSV field, quoted when it has to be (RFC 4180, 2.6 and 2.7).
fn quote(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn text(value: impl Display) -> String {
    quote(&value.to_string())
}

fn opt(value: Option<impl Display>) -> String {
    value.map_or_else(String::new, text)
}

fn record(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn held(fields: &mut Vec<String>, h: &MeetingsHeld) {
    fields.extend([h.regular, h.thematic, h.combined].map(text));
}

fn attendance(fields: &mut Vec<String>, a: Option<&AttendanceCounts>) {
    fields.extend([
        opt(a.map(|a| a.summoned)),
        opt(a.map(|a| a.expected)),
        opt(a.map(|a| a.present)),
        opt(a.map(|a| a.absent_excused)),
        opt(a.map(|a| a.absent_unexcused)),
        opt(a.and_then(|a| a.rate_per_mille)),
        opt(a.and_then(|a| a.headcount_per_mille)),
    ]);
}

fn tasks(fields: &mut Vec<String>, t: &TaskCounts) {
    fields.extend(
        [
            t.new,
            t.carried_in,
            t.exceeded,
            t.on_time,
            t.late,
            t.not_done,
            t.cancelled,
            t.pending,
        ]
        .map(text),
    );
}

fn remediations(fields: &mut Vec<String>, r: &RemediationCounts) {
    fields.extend([r.open, r.overdue, r.remedied].map(text));
}

fn row_fields(row: &DashboardRow) -> Vec<String> {
    let mut f = Vec::with_capacity(CSV_COLUMNS.len());
    f.extend([
        text(&row.cell),
        text(&row.cell_name),
        text(row.month),
        opt(row.meeting.as_ref()),
        opt(row.state.map(|s| s.as_str())),
    ]);
    held(&mut f, &row.held);
    attendance(&mut f, row.attendance.as_ref());
    let v = row.vote.as_ref();
    f.extend([
        opt(v.map(|v| v.yes)),
        opt(v.map(|v| v.no)),
        opt(v.map(|v| v.abstain)),
        opt(v.map(|v| v.counted_base)),
        opt(v.map(|v| v.needed)),
        opt(v.map(|v| v.passed)),
    ]);
    tasks(&mut f, &row.tasks);
    f.push(opt(row.quality_band.as_ref()));
    f.push(text(row.inspections.len()));
    let i = row.inspection.as_ref();
    f.extend([
        opt(i.map(|i| &i.inspection)),
        opt(i.map(|i| kind_name(i.kind))),
        opt(i.map(|i| i.concluded_on)),
        opt(i.map(|i| &i.conclusion)),
        opt(i.map(|i| i.remediations)),
        opt(i.map(|i| i.referred)),
    ]);
    remediations(&mut f, &row.remediations);
    f.push(text(row.defects));
    f
}

fn kind_name(kind: crate::inspection::InspectionKind) -> &'static str {
    use crate::inspection::InspectionKind;
    match kind {
        InspectionKind::RegularSupervision => "regular_supervision",
        InspectionKind::ThematicSupervision => "thematic_supervision",
        InspectionKind::FormalInspection => "formal_inspection",
    }
}

fn totals_fields(t: &Totals) -> Vec<String> {
    let mut f = Vec::with_capacity(TOTALS_CSV_COLUMNS.len());
    f.extend([
        text(if t.month.is_some() { "month" } else { "total" }),
        opt(t.month),
        text(t.rows),
        text(t.regular_missing),
    ]);
    held(&mut f, &t.held);
    attendance(&mut f, Some(&t.attendance));
    f.push(text(t.resolutions_adopted));
    tasks(&mut f, &t.tasks);
    f.push(text(t.inspections));
    remediations(&mut f, &t.remediations);
    f.push(text(t.defects));
    f
}

/// The dashboard's rows as CSV: the header [`CSV_COLUMNS`], then one record per
/// [`DashboardRow`], in the dashboard's order.
pub fn to_csv(dashboard: &Dashboard) -> String {
    let mut out = String::new();
    record(&mut out, &CSV_COLUMNS.map(str::to_owned));
    for row in &dashboard.rows {
        record(&mut out, &row_fields(row));
    }
    out
}

/// The commune's totals as CSV: the header [`TOTALS_CSV_COLUMNS`], one record per month (scope
/// `month`), then the period's total (scope `total`, month empty).
pub fn totals_to_csv(dashboard: &Dashboard) -> String {
    let mut out = String::new();
    record(&mut out, &TOTALS_CSV_COLUMNS.map(str::to_owned));
    for t in dashboard.months.iter().chain([&dashboard.total]) {
        record(&mut out, &totals_fields(t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(quote("Chi bộ xóm 1"), "Chi bộ xóm 1");
        assert_eq!(quote("Xóm 1, Nga Trường"), "\"Xóm 1, Nga Trường\"");
        assert_eq!(quote("Chi bộ \"Đoàn Kết\""), "\"Chi bộ \"\"Đoàn Kết\"\"\"");
        assert_eq!(quote("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
        assert_eq!(quote(""), "");
    }
}
