//! The minutes and the resolution, rendered from the scenario setup world's March
//! meeting: every item the rule lists is there, in both languages and both formats.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)] // tests

mod support;

use chibo::report::minutes::{Language, Minutes};
use chibo::Commune;
use support::commune;

fn march() -> (Commune, Minutes) {
    let commune = commune(&["commune", "march_ready", "march_adopted", "march_assigned"]);
    let minutes = Minutes::of(&commune, &"m-2025-03".into()).unwrap();
    (commune, minutes)
}

#[test]
fn the_minutes_gather_what_r33_lists() {
    let (commune, m) = march();
    let meeting = commune.meeting(&"m-2025-03".into()).unwrap();
    let held = meeting.held().unwrap();
    let record = &held.record;
    assert_eq!(m.members as usize, record.roll.len());
    assert_eq!(m.present as usize + m.absent.len(), record.roll.len());
    assert_eq!(m.tally, held.tally);
    assert_eq!(
        m.tasks.len(),
        meeting.assignment().unwrap().all_tasks().count()
    );
    let chair = &commune
        .organisation
        .members
        .get(&record.chair)
        .unwrap()
        .name;
    assert_eq!(&m.chair, chair);
    assert_eq!(m.speeches.len(), record.speeches.len());
}

#[test]
fn markdown_in_both_languages_carries_every_part() {
    let (_, m) = march();
    let vi = m.markdown(Language::Vi);
    for part in [
        "BIÊN BẢN SINH HOẠT CHI BỘ THÁNG 3 NĂM 2025",
        "Số 1-BB/CB",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "(Điều lệ Đảng, Điều 9, khoản 5)",
        // 6 present, x1-07 probationary: 5 counted.
        "Có mặt 6, trong đó 1 đồng chí không thuộc số được tính (đảng viên dự bị, không biểu quyết). Số đảng viên được tính: 5",
        // x1-06 is exempted: apart from those absent with a reason; the chair's position named.
        "vắng 1 (được miễn sinh hoạt 1, có lý do 0, không lý do 0)",
        "| Hoàng Văn Nam | Được miễn sinh hoạt (",
        ", bí thư chi bộ. Thư ký: đồng chí Trịnh Thị Lan, phó bí thư chi bộ.",
        "I. Thời gian, địa điểm",
        "Tổng số đảng viên",
        "V. Kết luận của chủ trì",
        "Số đảng viên được tính",
        "VII. Phân công nhiệm vụ",
        "THƯ KÝ",
        "CHỦ TRÌ",
        &m.chair,
        &m.place,
    ] {
        assert!(vi.contains(part), "missing {part:?} in:\n{vi}");
    }
    for absent in &m.absent {
        assert!(vi.contains(&absent.name));
        if let Some(reason) = &absent.reason {
            assert!(vi.contains(reason.as_str()));
        }
    }
    for task in &m.tasks {
        assert!(vi.contains(&task.owner) && vi.contains(&task.content));
    }
    let en = m.markdown(Language::En);
    assert!(en.contains("MINUTES OF THE CELL MEETING 2025-03"));
    assert!(en.contains("No. 1-BB/CB"));
    assert!(en.contains(&format!("Counted base: {}", m.tally.counted_base)));
    assert!(!en.contains("Tổng số đảng viên"));
}

#[test]
fn the_html_page_is_self_contained_prints_on_a4_and_escapes() {
    let (_, mut m) = march();
    m.place = "Nhà <văn hóa> & \"sân\"".to_owned();
    let html = m.html(Language::Vi);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("size: A4"));
    // Printed: page numbers, the table header repeated, the signatures kept with the text before,
    // and a viewport for phones.
    assert!(html.contains("counter(page)"));
    assert!(html.contains("<thead><tr><th>"));
    assert!(html.contains("break-before: avoid"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("Nhà &lt;văn hóa&gt; &amp; &quot;sân&quot;"));
    assert!(!html.contains("<script") && !html.contains("http"));
    assert!(m.html(Language::En).contains("<html lang=\"en\">"));
}

#[test]
fn the_resolution_lists_its_items_and_the_vote() {
    let (_, m) = march();
    let vi = m.resolution_markdown(Language::Vi);
    // In the form of a party document (Hướng dẫn 36-HD/VPTW): number, title and summary,
    // grounds, what the cell resolves, recipients, signed for the cell by its secretary.
    for part in [
        "Số 1-NQ/CB",
        "# NGHỊ QUYẾT",
        "về nhiệm vụ tháng 3 năm 2025",
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "Căn cứ chủ trương của Đảng ủy xã Nga Trường tháng 3 năm 2025;",
        "**CHI BỘ QUYẾT NGHỊ:**",
        "Nơi nhận:",
        "- Lưu chi bộ.",
        "**T/M CHI BỘ — BÍ THƯ**",
        m.secretary.as_str(),
    ] {
        assert!(vi.contains(part), "missing {part:?} in:\n{vi}");
    }
    assert!(
        vi.contains("Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 06/07/2018;"),
        "{vi}"
    );
    for item in &m.resolution_items {
        assert!(vi.contains(item.as_str()));
    }
    assert!(vi.contains(&format!(
        "{}/{} đảng viên được tính tán thành",
        m.tally.yes, m.tally.counted_base
    )));
    assert!(m
        .resolution_html(Language::En)
        .contains("THE CELL RESOLVES:"));
}

#[test]
fn a_draft_has_no_minutes() {
    let commune = commune(&["commune", "march_ready"]);
    let error = Minutes::of(&commune, &"m-2025-03".into()).unwrap_err();
    assert_eq!(error.code(), "transition.out_of_order");
    let unknown = Minutes::of(&commune, &"nope".into()).unwrap_err();
    assert_eq!(unknown.code(), "lookup.unknown");
}

#[test]
fn an_admission_vote_is_in_the_minutes() {
    let mut c = commune(&["commune", "march_ready", "march_adopted"]);
    let command: chibo::Command = serde_json::from_value(serde_json::json!({
        "actor": "x1-bt", "at": "2025-03-05T09:20:00+07:00",
        "action": {"resolve_admission": {"meeting": "m-2025-03",
            "subject": {"recognise_official": {"member": "x1-07"}},
            "vote": {"yes": ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]}}}}))
    .unwrap();
    c.execute(&command).unwrap();
    let m = Minutes::of(&c, &"m-2025-03".into()).unwrap();
    assert_eq!(m.admissions.len(), 1);
    let vi = m.markdown(Language::Vi);
    assert!(
        vi.contains("Công nhận đảng viên chính thức đối với đồng chí Vũ Thị Mai: tán thành 5/6 đảng viên chính thức"),
        "{vi}"
    );
    assert!(m
        .markdown(Language::En)
        .contains("Recognition as an official member of Vũ Thị Mai"));
}

#[test]
fn the_secretary_reports_the_previous_meetings_results() {
    let c = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
        "april_adopted",
        "march_reported",
    ]);
    let april = Minutes::of(&c, &"m-2025-04".into()).unwrap();
    let r = april
        .previous_results
        .as_ref()
        .expect("March assigned tasks");
    assert_eq!(r.meeting.as_str(), "m-2025-03");
    assert_eq!(r.tasks, 6);
    assert_eq!(
        r.exceeded + r.on_time + r.late + r.not_done + r.unreported,
        6
    );
    let vi = april.markdown(Language::Vi);
    assert!(
        vi.contains("Bí thư báo cáo kết quả thực hiện nhiệm vụ được giao tại kỳ sinh hoạt trước (m-2025-03): 6 nhiệm vụ"),
        "{vi}"
    );
    // March itself had no earlier meeting.
    assert_eq!(march().1.previous_results, None);
}
