//! The reports of the year, written to the output folder: the commune dashboard (CSV and JSON),
//! the alerts as of the last day of the year, and one meeting's minutes and resolution
//! (Markdown and printable HTML, Vietnamese and English). All computed by `chibo::report`.

use chibo::meeting::{MeetingKind, StateName};
use chibo::report::alerts::alerts;
use chibo::report::dashboard::{dashboard, to_csv, totals_to_csv, Period};
use chibo::report::minutes::{Language, Minutes};
use chibo::Commune;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// Writes the reports and returns what to print about them.
pub(crate) fn write(commune: &Commune, folder: &Path) -> Result<String, String> {
    let mut out = String::new();
    let put = |name: &str, text: &str| {
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let year = dashboard(commune, Period::Year(2025));
    put("dashboard.csv", &to_csv(&year))?;
    put("dashboard_totals.csv", &totals_to_csv(&year))?;
    put(
        "dashboard.json",
        &year.to_json().map_err(|e| format!("dashboard.json: {e}"))?,
    )?;
    let last_day = NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("ngày cuối năm")?;
    let found = alerts(commune, last_day);
    put(
        "alerts.json",
        &serde_json::to_string_pretty(&found).map_err(|e| format!("alerts.json: {e}"))?,
    )?;
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for alert in &found {
        *by_kind.entry(alert.kind.to_string()).or_default() += 1;
    }
    // The minutes of the first inspected regular meeting, in id order.
    let meeting = commune
        .meetings
        .values()
        .find(|m| m.name() == StateName::Inspected && m.header().kind == MeetingKind::Regular)
        .ok_or("không có cuộc họp nào đã được giám sát")?;
    let minutes = Minutes::of(commune, &meeting.header().id).map_err(|e| e.message_vi())?;
    put("minutes.md", &minutes.markdown(Language::Vi))?;
    put("minutes.html", &minutes.html(Language::Vi))?;
    put("minutes.en.md", &minutes.markdown(Language::En))?;
    put("minutes.en.html", &minutes.html(Language::En))?;
    put("resolution.md", &minutes.resolution_markdown(Language::Vi))?;
    put("resolution.html", &minutes.resolution_html(Language::Vi))?;

    outln!(out, "BÁO CÁO (chibo::report), ghi vào {}", folder.display());
    outln!(
        out,
        "  Bảng theo dõi        {} dòng chi bộ × tháng: dashboard.csv, dashboard_totals.csv, dashboard.json",
        year.rows.len()
    );
    outln!(
        out,
        "  Cảnh báo 31/12/2025  {}: {}  (alerts.json)",
        found.len(),
        by_kind
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    outln!(
        out,
        "  Biên bản, nghị quyết {} ({}): minutes.md/.html, minutes.en.md/.html, resolution.md/.html",
        minutes.meeting,
        minutes.cell
    );
    Ok(out)
}
