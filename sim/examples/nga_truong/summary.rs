//! Printing: the organisation, then one aligned table per cell (a row per meeting: state,
//! attendance, vote, tasks, supervision), all read back from the commune's state.

use chibo::ids::MemberId;
use chibo::inspection::InspectionKind;
use chibo::meeting::{MeetingKind, MeetingState};
use chibo::organisation::{Cell, MemberStatus};
use chibo::report::dashboard::task_counts;
use chibo::Commune;
use chibo_sim::World;
use chrono::Datelike;

fn name(commune: &Commune, id: &MemberId) -> String {
    commune
        .organisation
        .members
        .get(id)
        .map_or_else(|| id.to_string(), |m| m.name.clone())
}

pub(crate) fn kind_vi(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::Regular => "thường kỳ",
        MeetingKind::Thematic => "chuyên đề",
        MeetingKind::Combined => "kết hợp",
    }
}

/// The organisation at the end of the year.
pub(crate) fn organisation(out: &mut String, commune: &Commune, world: &World, seed: u64) {
    let org = &commune.organisation;
    // Top level first; an abolished level with the last day it stood.
    let level_name = |l: &chibo::organisation::Level| match org.abolished_levels.get(&l.id) {
        Some(on) => format!(
            "{} (đến {})",
            l.name,
            on.pred_opt().unwrap_or(*on).format("%d/%m/%Y")
        ),
        None => l.name.clone(),
    };
    let mut levels: Vec<String> = org
        .levels
        .values()
        .filter(|l| l.parent.is_none())
        .map(level_name)
        .collect();
    levels.extend(
        org.levels
            .values()
            .filter(|l| l.parent.is_some())
            .map(level_name),
    );
    outln!(
        out,
        "{} (Nga Sơn, Thanh Hóa): sinh hoạt chi bộ năm 2025 — seed {seed}",
        org.name.to_uppercase()
    );
    outln!(out, "Cấp trên: {} › {}", levels.join(" › "), org.name);
    let c = &org.committees;
    outln!(
        out,
        "Ban chấp hành {} · Ban thường vụ {} · Ủy ban kiểm tra {} · Bí thư Đảng ủy: {}",
        c.executive.len(),
        c.standing.len(),
        c.inspection.len(),
        name(commune, &world.party_secretary)
    );
    for (cluster, lead) in &world.clusters {
        let title = world.titles.get(lead).copied().unwrap_or_default();
        outln!(
            out,
            "  {cluster:<34} phụ trách: {} ({title})",
            name(commune, lead)
        );
    }
    let active: Vec<_> = org
        .members
        .values()
        .filter(|m| m.is_active() && m.cell().is_some())
        .collect();
    let count =
        |f: &dyn Fn(&&chibo::organisation::Member) -> bool| active.iter().filter(|m| f(m)).count();
    outln!(
        out,
        "{} chi bộ, {} đảng viên cuối năm: {} chính thức, {} dự bị; miễn sinh hoạt {}, đình chỉ {}, chuyển sinh hoạt tạm thời {}; {} đồng chí cấp trên theo dõi",
        org.cells.len(),
        active.len(),
        count(&|m| m.status == MemberStatus::Official),
        count(&|m| m.status == MemberStatus::Probationary),
        count(&|m| m.exempted.is_some()),
        count(&|m| m.suspended.is_some()),
        count(&|m| m.transferred.is_some()),
        org.members.values().filter(|m| m.cell().is_none()).count()
    );
    outln!(out);
}

fn cell_header(out: &mut String, commune: &Commune, cell: &Cell) {
    let org = &commune.organisation;
    let members: Vec<_> = org.cell_members(cell).collect();
    let officials = members
        .iter()
        .filter(|m| m.status == MemberStatus::Official)
        .count();
    let lead = &cell.leadership;
    let leader = |id: &Option<MemberId>| {
        id.as_ref()
            .map_or_else(|| "—".to_owned(), |id| name(commune, id))
    };
    let followers: Vec<String> = cell.followers.iter().map(|f| name(commune, f)).collect();
    outln!(
        out,
        "■ {} — {} đảng viên ({} chính thức, {} dự bị), chi ủy {}; bí thư {}, phó bí thư {}; theo dõi: {}",
        cell.name,
        members.len(),
        officials,
        members.len() - officials,
        lead.committee.len(),
        leader(&lead.secretary),
        leader(&lead.deputy),
        followers.join(", ")
    );
}

const HEADER: [&str; 14] = [
    "Tháng",
    "Kỳ",
    "Trạng thái",
    "Có mặt",
    "Tỷ lệ",
    "Tán thành",
    "Giao",
    "Vượt",
    "Đúng",
    "Trễ",
    "KHT",
    "Hủy",
    "Chờ",
    "Giám sát",
];

/// One aligned row of a cell's table.
fn line(out: &mut String, cols: [String; 14]) {
    let [month, kind, state, present, pct, vote, given, exceeded, on_time, late, not_done, cancelled, pending, supervision] =
        cols;
    outln!(
        out,
        "  {month:<5} {kind:<9} {state:<10} {present:>6} {pct:>6} {vote:>9}  {given:>5} {exceeded:>4} {on_time:>4} {late:>4} {not_done:>4} {cancelled:>4} {pending:>4}  {supervision}"
    );
}

/// One table per cell: a row per meeting.
pub(crate) fn cells(out: &mut String, commune: &Commune, world: &World) {
    let counts = task_counts(commune);
    for info in &world.cells {
        let Some(cell) = commune.organisation.cells.get(&info.id) else {
            continue;
        };
        cell_header(out, commune, cell);
        line(out, HEADER.map(str::to_owned));
        for m in commune
            .meetings
            .values()
            .filter(|m| m.header().cell == info.id)
        {
            let h = m.header();
            let c = counts.get(&h.id).copied().unwrap_or_default();
            let (present, pct, vote) = match m.held() {
                Some(held) => {
                    let t = held.tally;
                    let pct = f64::from(t.present) * 100.0 / f64::from(t.members.max(1));
                    let mark = if revisions(m) > 0 { "*" } else { "" };
                    (
                        format!("{}/{}", t.present, t.members),
                        format!("{pct:.1}"),
                        format!("{mark}{}/{}", t.yes, t.counted_base),
                    )
                }
                None => ("—".to_owned(), "—".to_owned(), "—".to_owned()),
            };
            let given = if c.carried_in > 0 {
                format!("{}+{}", c.new, c.carried_in)
            } else {
                c.new.to_string()
            };
            line(
                out,
                [
                    format!("{:02}", h.month.month()),
                    kind_vi(h.kind).to_owned(),
                    m.name().as_str().to_owned(),
                    present,
                    pct,
                    vote,
                    given,
                    c.exceeded.to_string(),
                    c.on_time.to_string(),
                    c.late.to_string(),
                    c.not_done.to_string(),
                    c.cancelled.to_string(),
                    c.pending.to_string(),
                    supervision(commune, m),
                ],
            );
        }
        outln!(out);
    }
    outln!(out, "  * biểu quyết lần đầu không đạt quá nửa (vote.failed): dự thảo được sửa, chi bộ họp lại và thông qua.");
    outln!(out, "  Giao = mới + chuyển sang (R-41); KHT = không hoàn thành hoặc vắng không báo cáo, chuyển kỳ sau; Chờ = chưa đến kỳ báo cáo; KP = yêu cầu khắc phục; T4 = thông báo kết luận tháng 4.");
    outln!(out);
}

pub(crate) fn revisions(m: &MeetingState) -> usize {
    match m {
        MeetingState::Draft(d) => d.revisions.len(),
        MeetingState::Adopted(d) => d.revisions.len(),
        MeetingState::Assigned(d) => d.revisions.len(),
        MeetingState::Reported(d) => d.revisions.len(),
        MeetingState::Inspected(d) => d.revisions.len(),
    }
}

/// "T4 Khá, 1 KP": the month of the notice, its assessment and the remediations required.
fn supervision(commune: &Commune, m: &MeetingState) -> String {
    let parts: Vec<String> = m
        .inspections()
        .iter()
        .filter_map(|id| commune.inspections.get(id))
        .filter_map(|i| i.notice.as_ref().map(|n| (i.kind, n)))
        .map(|(kind, n)| {
            let label = n.conclusion.split('.').next().unwrap_or_default();
            let fixes = n.remediations.len();
            let month = n.at.month();
            let theme = if kind == InspectionKind::ThematicSupervision {
                " (chuyên đề)"
            } else {
                ""
            };
            if fixes == 0 {
                format!("T{month} {label}{theme}")
            } else {
                format!("T{month} {label}, {fixes} KP{theme}")
            }
        })
        .collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join("; ")
    }
}
