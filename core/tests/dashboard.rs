//! The commune dashboard (`chibo::report::dashboard`) over the shared scenario setup files: exact
//! attendance, vote and task figures, carried-over tasks followed from March into April, the
//! inspection touching a meeting, remediations as of the end of each month, a month without a
//! meeting, the CSV header and quoting, the JSON shape, and that docs/reports.md documents every
//! CSV column.

#![allow(clippy::indexing_slicing)] // serde_json `Value[..]` by key never panics

use chibo::report::dashboard::{
    dashboard, task_counts, to_csv, totals_to_csv, AttendanceCounts, Dashboard, DashboardRow,
    MeetingsHeld, Period, RemediationCounts, TaskCounts, VoteResult, CSV_COLUMNS,
    TOTALS_CSV_COLUMNS,
};
use chibo::time::YearMonth;
use chibo::{Command, Commune};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn scenarios() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

fn load(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn execute(commune: &mut Commune, command: &Value, label: &str) -> Result<(), String> {
    let command: Command =
        serde_json::from_value(command.clone()).map_err(|e| format!("{label}: {e}"))?;
    commune
        .execute(&command)
        .map(|_| ())
        .map_err(|e| format!("{label}: refused {}", e.code()))
}

/// A commune built from setup files of `tests/scenarios/setup/`, in order.
fn setup(names: &[&str]) -> Result<Commune, String> {
    let mut commune = Commune::new();
    for name in names {
        let file = load(&scenarios().join("setup").join(format!("{name}.json")))?;
        let steps = file["steps"]
            .as_array()
            .ok_or(format!("{name}: no steps"))?;
        for (i, step) in steps.iter().enumerate() {
            execute(&mut commune, step, &format!("{name} step {i}"))?;
        }
    }
    Ok(commune)
}

/// A scenario's setup, then those of its steps that it expects to be accepted and that happen
/// before `until` (an RFC 3339 prefix compared as text; every file uses the +07:00 offset).
fn scenario(file: &str, until: &str) -> Result<Commune, String> {
    let s = load(&scenarios().join(file))?;
    let names: Vec<&str> = s["setup"]
        .as_array()
        .ok_or(format!("{file}: no setup list"))?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut commune = setup(&names)?;
    let steps = s["steps"].as_array().ok_or(format!("{file}: no steps"))?;
    for (i, step) in steps.iter().enumerate() {
        let at = step["command"]["at"].as_str().unwrap_or_default();
        if step["expect"]["ok"] == Value::Bool(true) && at < until {
            execute(&mut commune, &step["command"], &format!("{file} step {i}"))?;
        }
    }
    Ok(commune)
}

fn month(text: &str) -> Result<YearMonth, String> {
    text.parse().map_err(|e| format!("{e}"))
}

fn row<'a>(board: &'a Dashboard, cell: &str, m: &str) -> Result<&'a DashboardRow, String> {
    let m = month(m)?;
    board
        .rows
        .iter()
        .find(|r| r.cell.as_str() == cell && r.month == m)
        .ok_or(format!("no row for {cell} {m}"))
}

const MARCH_REPORTED: [&str; 5] = [
    "commune",
    "march_ready",
    "march_adopted",
    "march_assigned",
    "march_reported",
];

/// 7 on the roll, x1-06 (exempted) absent with reason: 6 of the 6 expected (R-70's base leaves
/// the exempted absentee out) = 1000 ‰; the plain headcount is 6/7 = 857 ‰.
const MARCH_ROLL: AttendanceCounts = AttendanceCounts {
    summoned: 7,
    expected: 6,
    present: 6,
    absent_excused: 1,
    absent_unexcused: 0,
    rate_per_mille: Some(1000),
    headcount_per_mille: Some(857),
};

/// 5 yes of a counted base of 5 (x1-06 absent excused and x1-07 probationary left out); 3 needed.
const MARCH_VOTE: VoteResult = VoteResult {
    yes: 5,
    no: 0,
    abstain: 0,
    counted_base: 5,
    needed: 3,
    passed: true,
};

#[test]
fn march_reported_row_has_the_setup_files_figures() -> Result<(), String> {
    let commune = setup(&MARCH_REPORTED)?;
    let board = dashboard(&commune, Period::Year(2025));
    assert_eq!(board.commune.as_str(), "nga-truong");
    assert_eq!(board.commune_name, "Đảng bộ xã Nga Trường");
    // Two cells (co-quan, xom-1 in id order) × twelve months, cell by cell.
    assert_eq!(board.rows.len(), 24);
    assert_eq!(
        board
            .rows
            .first()
            .map(|r| (r.cell.as_str(), r.month.month())),
        Some(("co-quan", 1))
    );
    assert_eq!(
        board
            .rows
            .last()
            .map(|r| (r.cell.as_str(), r.month.month())),
        Some(("xom-1", 12))
    );

    let march = row(&board, "xom-1", "2025-03")?;
    assert_eq!(march.cell_name, "Chi bộ xóm 1");
    assert_eq!(
        march.meeting.as_ref().map(|m| m.as_str()),
        Some("m-2025-03")
    );
    assert_eq!(march.state.map(|s| s.as_str()), Some("reported"));
    assert_eq!(
        march.held,
        MeetingsHeld {
            regular: 1,
            thematic: 0,
            combined: 0
        }
    );
    assert_eq!(march.attendance, Some(MARCH_ROLL));
    assert_eq!(march.vote, Some(MARCH_VOTE));
    // march_reported: one exceeded (t-03-pbt), one late (t-03-04), four on time.
    assert_eq!(
        march.tasks,
        TaskCounts {
            new: 6,
            exceeded: 1,
            on_time: 4,
            late: 1,
            ..TaskCounts::default()
        }
    );
    assert_eq!(march.quality_band, None);
    assert!(march.inspections.is_empty());
    assert_eq!(march.inspection, None);
    assert_eq!(march.remediations, RemediationCounts::default());

    // The month's totals: one cell met, the other had no meeting.
    let totals = board
        .months
        .iter()
        .find(|t| t.month == Some(march.month))
        .ok_or("no March totals")?;
    assert_eq!(totals.rows, 2);
    assert_eq!(totals.regular_missing, 1);
    assert_eq!(totals.held.regular, 1);
    assert_eq!(totals.attendance, MARCH_ROLL);
    assert_eq!(totals.resolutions_adopted, 1);
    assert_eq!(totals.tasks, march.tasks);
    // The year: 24 rows, one regular meeting held.
    assert_eq!(board.months.len(), 12);
    assert_eq!(board.total.month, None);
    assert_eq!(board.total.rows, 24);
    assert_eq!(board.total.regular_missing, 23);
    assert_eq!(board.total.attendance, MARCH_ROLL);
    assert_eq!(board.total.tasks, march.tasks);
    Ok(())
}

#[test]
fn a_month_without_a_meeting_gives_an_empty_row() -> Result<(), String> {
    let commune = setup(&MARCH_REPORTED)?;
    let board = dashboard(&commune, Period::Year(2025));
    for (cell, m) in [
        ("xom-1", "2025-02"),
        ("xom-1", "2025-04"),
        ("co-quan", "2025-03"),
    ] {
        let r = row(&board, cell, m)?;
        assert_eq!(r.meeting, None, "{cell} {m}");
        assert_eq!(r.state, None, "{cell} {m}");
        assert_eq!(r.held, MeetingsHeld::default(), "{cell} {m}");
        assert_eq!(r.attendance, None, "{cell} {m}");
        assert_eq!(r.vote, None, "{cell} {m}");
        assert_eq!(r.tasks, TaskCounts::default(), "{cell} {m}");
        assert_eq!(r.quality_band, None, "{cell} {m}");
        assert_eq!(r.inspection, None, "{cell} {m}");
    }
    let csv = to_csv(&board);
    assert!(
        csv.contains(
            "\r\nxom-1,Chi bộ xóm 1,2025-02,,,0,0,0,,,,,,,,,,,,,,0,0,0,0,0,0,0,0,,0,,,,,,,0,0,0,0\r\n"
        ),
        "{csv}"
    );
    Ok(())
}

#[test]
fn drafted_and_assigned_meetings_show_their_state() -> Result<(), String> {
    let ready = setup(&["commune", "march_ready"])?;
    let r = dashboard(&ready, Period::Year(2025));
    let march = row(&r, "xom-1", "2025-03")?;
    assert_eq!(march.state.map(|s| s.as_str()), Some("draft"));
    // Drafted, not held: no roll, no vote, not counted as held, counted as missing.
    assert_eq!(march.held, MeetingsHeld::default());
    assert_eq!((march.attendance, march.vote), (None, None));
    assert_eq!(r.total.regular_missing, 24);

    let assigned = setup(&["commune", "march_ready", "march_adopted", "march_assigned"])?;
    let a = dashboard(&assigned, Period::Year(2025));
    let march = row(&a, "xom-1", "2025-03")?;
    assert_eq!(march.state.map(|s| s.as_str()), Some("assigned"));
    assert_eq!(march.attendance, Some(MARCH_ROLL));
    assert_eq!(
        march.tasks,
        TaskCounts {
            new: 6,
            pending: 6,
            ..TaskCounts::default()
        }
    );
    Ok(())
}

const TWO_MONTHS: &str = "two_months_with_carry_over_and_supervision.json";

#[test]
fn carried_over_task_is_followed_into_april_and_the_supervision_touches_both() -> Result<(), String>
{
    let commune = scenario(TWO_MONTHS, "9999")?;
    let board = dashboard(&commune, Period::Year(2025));
    let march = row(&board, "xom-1", "2025-03")?;
    let april = row(&board, "xom-1", "2025-04")?;
    // t-03-07 reported not done in March, carried into April and reported late there.
    assert_eq!(
        march.tasks,
        TaskCounts {
            new: 6,
            exceeded: 1,
            on_time: 4,
            not_done: 1,
            ..TaskCounts::default()
        }
    );
    assert_eq!(
        april.tasks,
        TaskCounts {
            new: 6,
            carried_in: 1,
            on_time: 6,
            late: 1,
            ..TaskCounts::default()
        }
    );
    // April: 120 minutes, same roll and vote as March.
    assert_eq!(
        april.meeting.as_ref().map(|m| m.as_str()),
        Some("m-2025-04")
    );
    assert_eq!(april.attendance, Some(MARCH_ROLL));
    assert_eq!(april.vote, Some(MARCH_VOTE));
    // gs-2025-q2 covers both meetings, concluded on 2025-05-12 without remediations.
    for r in [march, april] {
        assert_eq!(r.state.map(|s| s.as_str()), Some("inspected"));
        assert_eq!(
            r.inspections.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
            ["gs-2025-q2"]
        );
        let i = r.inspection.as_ref().ok_or("no inspection")?;
        assert_eq!(i.inspection.as_str(), "gs-2025-q2");
        assert_eq!(i.concluded_on.to_string(), "2025-05-12");
        assert_eq!(
            i.conclusion,
            "Chi bộ thực hiện tốt việc phân công và kiểm tra nhiệm vụ đảng viên."
        );
        assert_eq!((i.remediations, i.referred), (0, false));
    }
    // The year counts the inspection once; the task counts add up.
    assert_eq!(board.total.inspections, 1);
    assert_eq!(board.total.resolutions_adopted, 2);
    assert_eq!(board.total.tasks.carried_in, 1);
    assert_eq!(board.total.tasks.new, 12);
    // The same counts by meeting id.
    let counts = task_counts(&commune);
    assert_eq!(counts.get(&"m-2025-04".into()), Some(&april.tasks));
    Ok(())
}

const OVERDUE: &str = "remediation_overdue.json";

fn remediations(commune: &Commune, m: &str) -> Result<RemediationCounts, String> {
    let board = dashboard(commune, Period::Year(2025));
    Ok(row(&board, "xom-1", m)?.remediations)
}

const fn counts(open: u32, overdue: u32, remedied: u32) -> RemediationCounts {
    RemediationCounts {
        open,
        overdue,
        remedied,
    }
}

#[test]
fn remediations_as_they_stood_at_the_end_of_each_month() -> Result<(), String> {
    // kp-1 required on 2025-04-12, due 2025-04-30.
    let required = scenario(OVERDUE, "2025-05-01")?;
    assert_eq!(remediations(&required, "2025-03")?, counts(0, 0, 0));
    assert_eq!(remediations(&required, "2025-04")?, counts(1, 0, 0));
    // Past its deadline at the end of May, whether or not marked overdue.
    assert_eq!(remediations(&required, "2025-05")?, counts(0, 1, 0));
    let marked = scenario(OVERDUE, "2025-05-03")?;
    assert_eq!(remediations(&marked, "2025-05")?, counts(0, 1, 0));
    // Remedied on 2025-05-06, not yet verified.
    let remedied = scenario(OVERDUE, "2025-05-07")?;
    assert_eq!(remediations(&remedied, "2025-04")?, counts(1, 0, 0));
    assert_eq!(remediations(&remedied, "2025-05")?, counts(0, 0, 1));
    // Verified on 2025-05-08: nothing left in May, and April still shows it open.
    let verified = scenario(OVERDUE, "9999")?;
    assert_eq!(remediations(&verified, "2025-04")?, counts(1, 0, 0));
    assert_eq!(remediations(&verified, "2025-05")?, counts(0, 0, 0));
    let board = dashboard(&verified, Period::Year(2025));
    let march = row(&board, "xom-1", "2025-03")?;
    let i = march.inspection.as_ref().ok_or("no inspection")?;
    assert_eq!((i.inspection.as_str(), i.remediations), ("gs-q1", 1));
    // The year's figure is December's: verified, so nothing.
    assert_eq!(board.total.remediations, counts(0, 0, 0));
    let april = dashboard(&verified, Period::Month(month("2025-04")?));
    assert_eq!(april.total.remediations, counts(1, 0, 0));
    Ok(())
}

#[test]
fn one_month_as_a_filter() -> Result<(), String> {
    let commune = setup(&MARCH_REPORTED)?;
    let board = dashboard(&commune, Period::Month(month("2025-03")?));
    assert_eq!(board.rows.len(), 2);
    assert!(board.rows.iter().all(|r| r.month.to_string() == "2025-03"));
    assert_eq!(board.months.len(), 1);
    let mut total = board.total.clone();
    total.month = board.months.first().and_then(|t| t.month);
    assert_eq!(board.months.first(), Some(&total));
    assert_eq!(commune.dashboard(Period::Month(month("2025-03")?)), board);
    Ok(())
}

/// A minimal RFC 4180 reader, to check what `to_csv` writes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn csv_has_the_documented_header_and_quotes_names() -> Result<(), String> {
    let mut commune = setup(&MARCH_REPORTED)?;
    let add = serde_json::json!({"actor": "vp", "at": "2025-01-05T08:00:00+07:00",
        "action": {"add_cell": {"cell": "xom-3", "name": "Chi bộ xóm 3, \"Đoàn Kết\"", "kind": "residential"}}});
    execute(&mut commune, &add, "add xom-3")?;
    let board = dashboard(&commune, Period::Year(2025));
    let csv = to_csv(&board);
    let header = "cell,cell_name,month,meeting,state,regular_held,thematic_held,combined_held,\
summoned,expected,present,absent_excused,absent_unexcused,attendance_per_mille,headcount_per_mille,vote_yes,vote_no,\
vote_abstain,counted_base,votes_needed,passed,tasks_new,tasks_carried_in,tasks_exceeded,\
tasks_on_time,tasks_late,tasks_not_done,tasks_cancelled,tasks_pending,quality_band,inspections,\
inspection,inspection_kind,inspection_concluded_on,inspection_conclusion,inspection_remediations,\
inspection_referred,remediations_open,remediations_overdue,remediations_remedied,defects\r\n";
    assert!(csv.starts_with(header), "{csv}");
    assert_eq!(CSV_COLUMNS.join(",") + "\r\n", header);
    assert!(csv.contains(
        "\r\nxom-1,Chi bộ xóm 1,2025-03,m-2025-03,reported,1,0,0,7,6,6,1,0,1000,857,5,0,0,5,3,true,6,0,1,4,1,0,0,0,,0,,,,,,,0,0,0,0\r\n"
    ));
    // A name with a comma and quotes is quoted, inner quotes doubled (RFC 4180).
    assert!(csv.contains("\r\nxom-3,\"Chi bộ xóm 3, \"\"Đoàn Kết\"\"\",2025-01,,"));
    // Read back: one header and 36 records, every one with every column, the name intact.
    let records = parse_csv(&csv);
    assert_eq!(records.len(), 1 + 3 * 12);
    assert!(records.iter().all(|r| r.len() == CSV_COLUMNS.len()));
    assert!(records
        .iter()
        .any(|r| r.get(1).map(String::as_str) == Some("Chi bộ xóm 3, \"Đoàn Kết\"")));

    let totals = parse_csv(&totals_to_csv(&board));
    assert_eq!(
        totals.first().map(|r| r.join(",")),
        Some(TOTALS_CSV_COLUMNS.join(","))
    );
    assert_eq!(totals.len(), 1 + 12 + 1);
    assert!(totals.iter().all(|r| r.len() == TOTALS_CSV_COLUMNS.len()));
    assert_eq!(
        totals.get(3).map(|r| r.join(",")),
        Some("month,2025-03,3,2,1,0,0,7,6,6,1,0,1000,857,1,6,0,1,4,1,0,0,0,0,0,0,0,0".to_owned())
    );
    assert_eq!(
        totals.last().map(|r| r.join(",")),
        Some("total,,36,35,1,0,0,7,6,6,1,0,1000,857,1,6,0,1,4,1,0,0,0,0,0,0,0,0".to_owned())
    );
    Ok(())
}

#[test]
fn json_is_snake_case_with_nulls() -> Result<(), String> {
    let commune = scenario(TWO_MONTHS, "9999")?;
    let board = dashboard(&commune, Period::Year(2025));
    let json: Value = serde_json::from_str(&board.to_json().map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    assert_eq!(json["period"], serde_json::json!({"year": 2025}));
    let rows = json["rows"].as_array().ok_or("no rows")?;
    let april = rows
        .iter()
        .find(|r| r["cell"] == "xom-1" && r["month"] == "2025-04")
        .ok_or("no April row")?;
    assert_eq!(april["meeting"], "m-2025-04");
    assert_eq!(april["state"], "inspected");
    assert_eq!(april["attendance"]["rate_per_mille"], 1000);
    assert_eq!(april["attendance"]["headcount_per_mille"], 857);
    assert_eq!(april["vote"]["counted_base"], 5);
    assert_eq!(april["tasks"]["carried_in"], 1);
    assert_eq!(april["quality_band"], Value::Null);
    assert_eq!(april["inspection"]["kind"], "regular_supervision");
    assert_eq!(april["inspection"]["concluded_on"], "2025-05-12");
    let february = rows
        .iter()
        .find(|r| r["cell"] == "xom-1" && r["month"] == "2025-02")
        .ok_or("no February row")?;
    for key in ["meeting", "state", "attendance", "vote", "inspection"] {
        assert_eq!(february[key], Value::Null, "{key}");
    }
    assert_eq!(json["total"]["month"], Value::Null);
    assert_eq!(json["months"].as_array().map(Vec::len), Some(12));
    Ok(())
}

#[test]
fn docs_reports_documents_every_csv_column() -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/reports.md");
    let doc = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for column in CSV_COLUMNS.iter().chain(TOTALS_CSV_COLUMNS.iter()) {
        assert!(
            doc.contains(&format!("| `{column}` |")),
            "docs/reports.md does not document the CSV column `{column}`"
        );
    }
    Ok(())
}
