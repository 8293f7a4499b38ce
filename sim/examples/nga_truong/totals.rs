//! The commune-wide totals at the end of the year.

use crate::summary::{kind_vi, revisions};
use chibo::inspection::{InspectionKind, RemediationState};
use chibo::meeting::{AdmissionSubject, Attendance, MeetingKind, StateName};
use chibo::report::dashboard::{task_counts, TaskCounts};
use chibo::Commune;
use chibo_sim::StoryRefusal;
use std::collections::BTreeMap;

fn tally<K: Ord>(items: impl Iterator<Item = K>) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for k in items {
        *map.entry(k).or_insert(0) += 1;
    }
    map
}

/// `label n, label n, …` for counts by key.
pub(crate) fn list<K>(map: &BTreeMap<K, usize>, label: impl Fn(&K) -> String) -> String {
    map.iter()
        .map(|(k, n)| format!("{} {n}", label(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes the totals of the commune's year; the refusals are the story's (a refused command
/// leaves no event).
pub(crate) fn print(out: &mut String, c: &Commune, events: u64, refusals: &[StoryRefusal]) {
    outln!(out, "TỔNG HỢP TOÀN ĐẢNG BỘ NĂM 2025");
    let kinds = tally(c.meetings.values().map(|m| match m.header().kind {
        MeetingKind::Regular => 0,
        MeetingKind::Thematic => 1,
        MeetingKind::Combined => 2,
    }));
    let kind_name = |k: &i32| {
        kind_vi(
            [
                MeetingKind::Regular,
                MeetingKind::Thematic,
                MeetingKind::Combined,
            ]
            .get(*k as usize)
            .copied()
            .unwrap_or(MeetingKind::Regular),
        )
        .to_owned()
    };
    let states = tally(c.meetings.values().map(|m| m.name()));
    outln!(
        out,
        "  Kỳ sinh hoạt        {:>5}  ({}); trạng thái: {}",
        c.meetings.len(),
        list(&kinds, kind_name),
        list(&states, |s: &StateName| s.as_str().to_owned())
    );
    let defects = tally(
        c.meetings
            .values()
            .flat_map(|m| m.defects())
            .map(|d| d.code()),
    );
    let failed = c
        .meetings
        .values()
        .map(|m| m.failed_sittings().len())
        .sum::<usize>();
    outln!(
        out,
        "  Thiếu sót ghi nhận  {:>5}  ({}); buổi biểu quyết không thông qua: {failed}",
        defects.values().sum::<usize>(),
        list(&defects, |k| (*k).to_owned())
    );
    let held: Vec<_> = c.meetings.values().filter_map(|m| m.held()).collect();
    let present: u32 = held.iter().map(|h| h.tally.present).sum();
    let members: u32 = held.iter().map(|h| h.tally.members).sum();
    let absences = tally(
        held.iter()
            .flat_map(|h| h.record.roll.iter())
            .filter_map(|e| match e.attendance {
                Attendance::Present => None,
                Attendance::AbsentExcused { .. } => Some("có lý do"),
                Attendance::AbsentUnexcused => Some("không lý do"),
            }),
    );
    let guests: usize = held.iter().map(|h| h.record.guests.len()).sum();
    let expected: u32 = held.iter().map(|h| h.tally.expected).sum();
    outln!(
        out,
        "  Dự họp              {:>5.1}% ({present}/{expected} lượt, R-70: không tính đảng viên được miễn sinh hoạt vắng mặt); điểm danh {:.1}% ({present}/{members} lượt); vắng: {}; lượt khách cấp trên dự: {guests}",
        f64::from(present) * 100.0 / f64::from(expected.max(1)),
        f64::from(present) * 100.0 / f64::from(members.max(1)),
        list(&absences, |k| (*k).to_owned())
    );
    let revised = c.meetings.values().filter(|m| revisions(m) > 0).count();
    let decisions = tally(
        held.iter()
            .flat_map(|h| h.admissions.iter())
            .map(|d| match d.subject {
                AdmissionSubject::Admit { .. } => "đề nghị kết nạp",
                AdmissionSubject::RecogniseOfficial { .. } => "công nhận đảng viên chính thức",
            }),
    );
    outln!(
        out,
        "  Dự thảo sửa, họp lại {revised:>4}; biểu quyết 2/3 (R-36): {}",
        list(&decisions, |k| (*k).to_owned())
    );
    let mut t = TaskCounts::default();
    for counts in task_counts(c).values() {
        t.add(counts);
    }
    let sent_back = c
        .tasks
        .values()
        .flat_map(|task| task.history.iter())
        .filter(|e| e.is_sent_back())
        .count();
    outln!(
        out,
        "  Nhiệm vụ            {:>5}  giao mới; lượt chuyển kỳ sau {}; báo cáo: vượt {}, đúng hạn {}, trễ {}, không hoàn thành/không báo cáo {}; hủy {}; còn chờ cuối năm {}; báo cáo bị trả lại, báo cáo lại (R-51) {sent_back}",
        t.new, t.carried_in, t.exceeded, t.on_time, t.late, t.not_done, t.cancelled, t.pending
    );
    let ikinds = tally(c.inspections.values().map(|i| match i.kind {
        InspectionKind::RegularSupervision => "giám sát thường xuyên",
        InspectionKind::ThematicSupervision => "giám sát chuyên đề",
        InspectionKind::FormalInspection => "kiểm tra",
    }));
    let labels = tally(
        c.inspections
            .values()
            .filter_map(|i| i.notice.as_ref())
            .map(|n| {
                n.conclusion
                    .split('.')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            }),
    );
    let findings: usize = c.inspections.values().map(|i| i.findings.len()).sum();
    outln!(
        out,
        "  Giám sát            {:>5}  ({}); {findings} nhận xét; kết luận: {}",
        c.inspections.len(),
        list(&ikinds, |k| (*k).to_owned()),
        list(&labels, Clone::clone)
    );
    let rem = tally(c.remediations.values().map(|r| r.state.as_str()));
    let once_overdue = c
        .remediations
        .values()
        .filter(|r| {
            r.history
                .iter()
                .any(|e| matches!(e, chibo::inspection::RemediationEntry::Overdue { .. }))
        })
        .count();
    let still = |s: RemediationState| c.remediations.values().filter(|r| r.state == s).count();
    outln!(
        out,
        "  Khắc phục           {:>5}  (đã xác nhận {}, đã khắc phục chờ xác nhận {}, còn mở {}, quá hạn {}; từng quá hạn {once_overdue}) [{}]",
        c.remediations.len(),
        still(RemediationState::Verified),
        still(RemediationState::Remedied),
        still(RemediationState::Open),
        still(RemediationState::Overdue),
        list(&rem, |k| (*k).to_owned())
    );
    outln!(
        out,
        "  Sự kiện đã ghi      {events:>5}  (mỗi lệnh qua chibo::Commune::execute)"
    );
    outln!(out, "  Từ chối trong câu chuyện: {}", refusals.len());
    for r in refusals {
        outln!(out, "    - {}: {}", r.code, r.what);
    }
}
