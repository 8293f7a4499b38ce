//! Quarterly supervision (R-60..R-62): the commune's inspection or standing committee members, or
//! the cell's follower, read the quarter's reported meetings, record findings and conclude with
//! remediations and deadlines.

use crate::remedy::{self, FollowUp};
use crate::story::{at, day_of, Fail, Story};
use crate::world::{CellInfo, World};
use chibo::ids::{InspectionId, MeetingId, MemberId, RemediationId};
use chibo::inspection::{
    ConcludeInspection, Criterion, DefectRef, InspectionKind, NewRemediation, OpenInspection,
    OpenRemedy, RecordFinding, RemediationState,
};
use chibo::meeting::{Attendance, MeetingState};
use chibo::organisation::CellKind;
use chibo::task::TaskState;
use chibo::time::{Timestamp, YearMonth};
use chibo::Action;
use chrono::{Datelike, Duration};

fn requirement(criterion: Criterion) -> (&'static str, &'static str) {
    match criterion {
        Criterion::Absences => (
            "Còn đảng viên vắng sinh hoạt không lý do",
            "Làm rõ lý do vắng, nhắc nhở và kiểm điểm đảng viên vắng không lý do",
        ),
        Criterion::MemberImplementation => (
            "Một số đảng viên không hoàn thành nhiệm vụ được giao",
            "Kiểm điểm, đôn đốc đảng viên hoàn thành nhiệm vụ chuyển sang",
        ),
        Criterion::MinutesBook => (
            "Biên bản ghi chưa đầy đủ ý kiến phát biểu",
            "Ghi biên bản đầy đủ ý kiến phát biểu, ý kiến khách mời",
        ),
        Criterion::ResolutionEachMeeting => (
            "Nghị quyết chuyên đề chưa lưu đầy đủ",
            "Bổ sung, lưu trữ đầy đủ nghị quyết chuyên đề",
        ),
        Criterion::MassOrganisations => (
            "Chưa sát sao lãnh đạo chi hội đoàn thể ở xóm",
            "Tăng cường lãnh đạo các chi hội, ban công tác Mặt trận ở khu dân cư",
        ),
        Criterion::EveryMemberAssigned | Criterion::Other => ("", ""),
    }
}

/// One quarter's supervision: about half the cells, alternating each quarter, over `months`.
pub(crate) fn supervise(
    story: &mut Story,
    world: &World,
    month: YearMonth,
    quarter: u32,
    months: (YearMonth, YearMonth),
    pending: &mut Vec<FollowUp>,
) -> Result<(), Fail> {
    for (i, cell) in world.cells.iter().enumerate() {
        if !(i as u32 + quarter).is_multiple_of(2) {
            continue;
        }
        let covered: Vec<MeetingId> = story
            .commune
            .meetings
            .values()
            .filter(|m| matches!(m, MeetingState::Reported(_) | MeetingState::Inspected(_)))
            .map(MeetingState::header)
            .filter(|h| h.cell == cell.id && h.month >= months.0 && h.month <= months.1)
            .map(|h| h.id.clone())
            .collect();
        if !covered.is_empty() {
            let opened = at(day_of(month, 15 + i as u32 % 8)?, 8, 0)?;
            inspect_cell(story, world, cell, (i, quarter), covered, opened, pending)?;
        }
    }
    Ok(())
}

fn inspect_cell(
    story: &mut Story,
    world: &World,
    cell: &CellInfo,
    (i, quarter): (usize, u32),
    covered: Vec<MeetingId>,
    opened: Timestamp,
    pending: &mut Vec<FollowUp>,
) -> Result<(), Fail> {
    let in_cell = |m: &MemberId| {
        story
            .commune
            .organisation
            .cells
            .get(&cell.id)
            .is_some_and(|c| c.members.contains(m))
    };
    let inspectors_pool: Vec<&MemberId> = world.inspection.iter().filter(|m| !in_cell(m)).collect();
    let follower = cell
        .followers
        .first()
        .cloned()
        .ok_or_else(|| Fail::Story(format!("{} không có người theo dõi", cell.name)))?;
    let lead = match (i + quarter as usize) % 3 {
        0 => story.rng.pick(&inspectors_pool).map(|m| (*m).clone()),
        1 if !in_cell(&cell.in_charge) => Some(cell.in_charge.clone()),
        _ => None,
    }
    .unwrap_or_else(|| follower.clone());
    let mut inspectors = vec![lead.clone()];
    if follower != lead {
        inspectors.push(follower);
    }
    let thematic = quarter == 3 && i % 3 == 0;
    let year = opened.year();
    let id = InspectionId::new(format!("gs-{year}-q{quarter}-{}", cell.id));
    let open = OpenInspection {
        inspection: id.clone(),
        cell: cell.id.clone(),
        kind: if thematic {
            InspectionKind::ThematicSupervision
        } else {
            InspectionKind::RegularSupervision
        },
        meetings: covered.clone(),
        inspectors,
        topic: thematic.then(|| {
            "Việc phân công nhiệm vụ cho đảng viên và kiểm tra kết quả thực hiện".to_owned()
        }),
    };
    story.run(&lead, opened, Action::OpenInspection(open))?;
    let (unexcused, not_done) = shortcomings(story, &covered);
    let extra = match story.rng.below(3) {
        0 => Criterion::MinutesBook,
        1 if cell.kind == CellKind::Residential => Criterion::MassOrganisations,
        _ => Criterion::ResolutionEachMeeting,
    };
    let checks = [
        (Criterion::EveryMemberAssigned, true),
        (Criterion::Absences, unexcused == 0 || story.rng.chance(55)),
        (
            Criterion::MemberImplementation,
            not_done == 0 || story.rng.chance(62),
        ),
        (extra, story.rng.chance(85)),
    ];
    let mut remediations = Vec::new();
    let concluded = opened + Duration::days(3);
    // What the minutes book shows against the rules: the inspector cites each defect.
    let cited: Vec<DefectRef> = covered
        .iter()
        .filter_map(|id| story.commune.meetings.get(id).map(|m| (id, m)))
        .flat_map(|(id, m)| {
            m.defects().into_iter().map(move |d| DefectRef {
                meeting: id.clone(),
                code: d.code().to_owned(),
            })
        })
        .collect();
    if !cited.is_empty() {
        let text = format!(
            "Sổ biên bản ghi {} điểm chưa đúng quy định ({}): chi ủy cần rút kinh nghiệm.",
            cited.len(),
            cited
                .iter()
                .map(|c| format!("{} {}", c.meeting, c.code))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let finding = RecordFinding {
            inspection: id.clone(),
            criterion: Criterion::MinutesBook,
            satisfactory: false,
            text,
            defects: cited,
        };
        story.run(
            &lead,
            opened + Duration::days(1) - Duration::minutes(30),
            Action::RecordFinding(finding),
        )?;
    }
    for (n, (criterion, fine)) in checks.into_iter().enumerate() {
        let (problem, remedy) = requirement(criterion);
        let text = match (fine, criterion) {
            (true, Criterion::EveryMemberAssigned) => {
                "Mỗi đảng viên đều được phân công nhiệm vụ cụ thể, có thời hạn".to_owned()
            }
            (true, _) => "Đạt yêu cầu".to_owned(),
            (false, _) => problem.to_owned(),
        };
        let finding = RecordFinding {
            inspection: id.clone(),
            criterion,
            satisfactory: fine,
            text,
            defects: Vec::new(),
        };
        story.run(
            &lead,
            opened + Duration::days(1) + Duration::minutes(n as i64 * 20),
            Action::RecordFinding(finding),
        )?;
        if !fine {
            remediations.push(NewRemediation {
                remediation: RemediationId::new(format!(
                    "kp-{year}-q{quarter}-{}-{}",
                    cell.id,
                    remediations.len() + 1
                )),
                requirement: remedy.to_owned(),
                deadline: concluded.date_naive() + Duration::days(21),
            });
        }
    }
    // The cell's earlier remedies not yet verified: the conclusion faces each.
    let open_remedies: Vec<OpenRemedy> = story
        .commune
        .remediations
        .values()
        .filter(|r| r.cell == cell.id && r.state != RemediationState::Verified)
        .map(|r| {
            let deadline = r.deadline.format("%d/%m/%Y");
            let note = match r.state {
                RemediationState::Overdue => format!(
                    "Quá hạn {deadline} chưa khắc phục: đề nghị chi bộ hoàn thành ngay và báo cáo."
                ),
                RemediationState::Remedied => {
                    "Chi bộ đã báo cáo khắc phục; đoàn sẽ xác nhận.".to_owned()
                }
                _ => format!("Đang khắc phục, hạn {deadline}."),
            };
            OpenRemedy {
                remediation: r.id.clone(),
                note,
            }
        })
        .collect();
    let overdue = story
        .commune
        .remediations
        .values()
        .filter(|r| r.cell == cell.id && r.state == RemediationState::Overdue)
        .count();
    // An overdue earlier remedy keeps the cell from "Tốt".
    let label = match remediations.len() + usize::from(overdue > 0) {
        0 => "Tốt",
        1 => "Khá",
        _ => "Trung bình",
    };
    let earlier = match open_remedies.len() {
        0 => String::new(),
        n => format!(
            " Còn {n} yêu cầu khắc phục của lần trước chưa được xác nhận ({overdue} quá hạn)."
        ),
    };
    let conclusion = format!(
        "{label}. Chi bộ duy trì sinh hoạt nền nếp, nghị quyết sát thực tế; {} yêu cầu khắc phục mới.{earlier}",
        remediations.len()
    );
    for (k, r) in remediations.iter().enumerate() {
        let fate = story.commune.remediations.len() + k;
        remedy::schedule(story, cell, &lead, r, concluded, fate, pending)?;
    }
    let conclude = ConcludeInspection {
        inspection: id,
        conclusion,
        remediations,
        referral: None,
        open_remedies,
    };
    story.run(&lead, concluded, Action::ConcludeInspection(conclude))
}

/// Unexcused absences and tasks not done in the covered meetings.
fn shortcomings(story: &Story, covered: &[MeetingId]) -> (usize, usize) {
    let c = &story.commune;
    let unexcused = covered
        .iter()
        .filter_map(|id| c.meetings.get(id).and_then(MeetingState::held))
        .map(|h| {
            h.record
                .roll
                .iter()
                .filter(|e| e.attendance == Attendance::AbsentUnexcused)
                .count()
        })
        .sum();
    let not_done = c
        .tasks
        .values()
        .filter(|t| covered.contains(&t.origin) && t.state != TaskState::Done)
        .count();
    (unexcused, not_done)
}
