//! The reports of the year, written to the output folder: the commune dashboard (CSV and JSON),
//! the alerts as of the last day of the year, and one meeting's minutes and resolution
//! (Markdown and printable HTML, Vietnamese and English). All computed by `chibo::report`.

use chibo::meeting::{MeetingKind, StateName};
use chibo::report::alerts::alerts;
use chibo::report::dashboard::{dashboard, to_csv, totals_to_csv, Period};
use chibo::report::minutes::{Language, Minutes};
use chibo::report::quality::{score, yearly_verdict, Score};
use chibo::report::rating::annual_review;
use chibo::scoring::ScoreState;
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

    // Confirmed scores, recomputed from their recorded rubric and points, and each cell's
    // yearly verdict.
    let mut scores: Vec<Score> = Vec::new();
    for record in commune.scores.values() {
        if record.state == ScoreState::Confirmed {
            scores.push(
                score(commune, &record.meeting, &record.rubric, &record.entered)
                    .map_err(|e| e.message_vi())?,
            );
        }
    }
    let mut bands: BTreeMap<String, usize> = BTreeMap::new();
    for s in &scores {
        *bands.entry(s.band.as_str().to_owned()).or_default() += 1;
    }
    let good_years = commune
        .organisation
        .cells
        .keys()
        .filter(|cell| yearly_verdict(commune, cell, 2025, &scores).good)
        .count();
    put(
        "scores.json",
        &serde_json::to_string_pretty(&scores).map_err(|e| format!("scores.json: {e}"))?,
    )?;
    // Annual ratings with the general points the committees entered.
    let general = commune
        .general_points
        .get(&2025)
        .cloned()
        .unwrap_or_default();
    // The year-end review is held in the second half of December: its cut-off leaves out
    // December's tasks, due on 31/12 and reported in January.
    let cut_off = chrono::NaiveDate::from_ymd_opt(2025, 12, 20).ok_or("20/12/2025")?;
    let ratings = annual_review(commune, 2025, cut_off, &general);
    let mut categories: BTreeMap<String, usize> = BTreeMap::new();
    let mut standings: BTreeMap<String, usize> = BTreeMap::new();
    for rating in &ratings.members {
        *standings
            .entry(rating.standing.as_str().to_owned())
            .or_default() += 1;
        let name = rating
            .category
            .as_ref()
            .map_or("not_rated", |c| c.as_str())
            .to_owned();
        *categories.entry(name).or_default() += 1;
    }
    let mut decided: BTreeMap<String, usize> = BTreeMap::new();
    for rating in &ratings.members {
        if let Some(c) = rating.decided {
            *decided.entry(c.as_str().to_owned()).or_default() += 1;
        }
    }
    let mut cell_categories: BTreeMap<String, usize> = BTreeMap::new();
    for cell in &ratings.cells {
        let name = cell.category.map_or("not_rated", |c| c.as_str()).to_owned();
        *cell_categories.entry(name).or_default() += 1;
    }
    put(
        "ratings.json",
        &serde_json::to_string_pretty(&ratings).map_err(|e| format!("ratings.json: {e}"))?,
    )?;

    outln!(
        out,
        "BẢNG THEO DÕI TOÀN ĐẢNG BỘ NĂM 2025 (chibo::report::dashboard)"
    );
    outln!(
        out,
        "  Tháng  Thiếu TK  Họp TK/CĐ/KH  Dự họp ‰  Vắng KLD  NQ  Thiếu sót  Giao  Vượt  Đúng  Trễ  KHT  Chờ  Giám sát  KP mở/quá hạn"
    );
    for t in year.months.iter().chain(std::iter::once(&year.total)) {
        let label = t
            .month
            .map_or_else(|| "Năm".to_owned(), |m| format!("{:02}", m.month()));
        outln!(
            out,
            "  {label:>5}  {:>8}  {:>4}/{:>2}/{:>2}   {:>8}  {:>8}  {:>3}  {:>9}  {:>4}  {:>4}  {:>4}  {:>3}  {:>3}  {:>3}  {:>8}  {:>4}/{}",
            t.regular_missing,
            t.held.regular,
            t.held.thematic,
            t.held.combined,
            t.attendance
                .rate_per_mille
                .map_or_else(|| "—".to_owned(), |r| r.to_string()),
            t.attendance.absent_unexcused,
            t.resolutions_adopted,
            t.defects,
            t.tasks.new + t.tasks.carried_in,
            t.tasks.exceeded,
            t.tasks.on_time,
            t.tasks.late,
            t.tasks.not_done,
            t.tasks.pending,
            t.inspections,
            t.remediations.open,
            t.remediations.overdue
        );
    }
    outln!(
        out,
        "  Dự họp ‰: tỷ lệ dự họp theo R-70, không tính đảng viên được miễn sinh hoạt vắng mặt (điểm danh trên toàn danh sách: cột headcount_per_mille của dashboard.csv)."
    );
    outln!(out);
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
        list(&by_kind)
    );
    outln!(
        out,
        "  Chất lượng (R-71)    {} kỳ thường kỳ được xác nhận: {}; {}/{} chi bộ đạt năm Tốt  (scores.json)",
        scores.len(),
        list(&bands),
        good_years,
        commune.organisation.cells.len()
    );
    outln!(
        out,
        "  Xếp loại (R-72)      {} đảng viên, chốt ngày {}: {}; {}  (ratings.json; nhiệm vụ có hạn sau ngày chốt thuộc kỳ đánh giá sau)",
        ratings.members.len(),
        ratings.cut_off.format("%d/%m/%Y"),
        list(&categories),
        list(&standings)
    );
    outln!(
        out,
        "                       đảng ủy quyết định (sau tự đánh giá, chi bộ biểu quyết): {}; chi bộ theo nhiệm vụ của chi bộ: {}",
        list(&decided),
        list(&cell_categories)
    );
    outln!(
        out,
        "  Biên bản, nghị quyết {} ({}): minutes.md/.html, minutes.en.md/.html, resolution.md/.html",
        minutes.meeting,
        minutes.cell
    );
    Ok(out)
}

/// `key n, key n, …`.
fn list(counts: &BTreeMap<String, usize>) -> String {
    crate::totals::list(counts, String::clone)
}
