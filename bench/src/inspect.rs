//! Quarterly supervision by the commune (R-60..R-62): an inspection committee member and the
//! cell's follower read the quarter's reported meetings, record findings and conclude; each
//! shortcoming asks for a remedy, which the cell reports and the inspector verifies.

use crate::clock::{at, plus, plus_days};
use crate::meeting::CellYear;
use crate::out::Out;
use crate::rng::Rng;
use crate::roster::{CellPlan, CommunePlan};
use crate::texts;
use crate::BenchError;
use chibo::ids::{InspectionId, MeetingId, MemberId, RemediationId};
use chibo::inspection::{
    ConcludeInspection, Criterion, InspectionKind, NewRemediation, OpenInspection, RecordFinding,
};
use chibo::Action;
use chrono::NaiveDate;

/// The quarter a supervision covers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quarter {
    pub(crate) year: i32,
    pub(crate) number: u32,
    /// The first and last month covered.
    pub(crate) months: (u32, u32),
    /// The day it opens.
    pub(crate) opened: NaiveDate,
}

/// Supervises one cell over one quarter (nothing when none of its meetings there is reported).
pub(crate) fn supervise(
    out: &mut Out,
    rng: &mut Rng,
    commune: &CommunePlan,
    cell: &CellPlan,
    state: &CellYear,
    q: Quarter,
) -> Result<(), BenchError> {
    let covered: Vec<MeetingId> = state
        .meetings
        .iter()
        .filter(|(_, m, reported)| *reported && (q.months.0..=q.months.1).contains(m))
        .map(|(id, _, _)| id.clone())
        .collect();
    if covered.is_empty() {
        return Ok(());
    }
    let outsiders: Vec<&MemberId> = commune
        .inspection
        .iter()
        .filter(|m| !cell.people.iter().any(|p| &p.id == *m))
        .collect();
    let lead = rng
        .pick(&outsiders)
        .map(|m| (*m).clone())
        .unwrap_or_else(|| cell.follower.clone());
    let mut inspectors = vec![lead.clone()];
    if cell.follower != lead {
        inspectors.push(cell.follower.clone());
    }
    let slot = i64::try_from(cell.index).unwrap_or(0);
    let id = InspectionId::new(format!("gs-{}-q{}-{}", q.year, q.number, cell.id));
    let open = OpenInspection {
        inspection: id.clone(),
        cell: cell.id.clone(),
        kind: InspectionKind::RegularSupervision,
        meetings: covered,
        inspectors,
        topic: None,
    };
    out.session();
    out.push(
        &lead,
        plus(at(q.opened, 8, 0)?, slot * 600)?,
        Action::OpenInspection(open),
    );
    let findings_at = plus(at(plus_days(q.opened, 1)?, 8, 0)?, slot * 900)?;
    let concluded_day = plus_days(q.opened, 2)?;
    let mut checks = vec![(
        Criterion::EveryMemberAssigned,
        "Mỗi đảng viên đều được phân công nhiệm vụ cụ thể, có thời hạn",
        None,
    )];
    for (criterion, (problem, remedy)) in [
        Criterion::MinutesBook,
        Criterion::Absences,
        Criterion::MemberImplementation,
    ]
    .into_iter()
    .zip(texts::SHORTCOMINGS.iter())
    {
        if rng.chance(12) {
            checks.push((criterion, *problem, Some(*remedy)));
        } else {
            checks.push((criterion, "Đạt yêu cầu", None));
        }
    }
    out.session();
    let mut remediations = Vec::new();
    for (n, (criterion, text, remedy)) in checks.into_iter().enumerate() {
        let finding = RecordFinding {
            inspection: id.clone(),
            criterion,
            satisfactory: remedy.is_none(),
            text: text.to_owned(),
            defects: Vec::new(),
        };
        let when = plus(findings_at, 120 * i64::try_from(n).unwrap_or(0))?;
        out.push(&lead, when, Action::RecordFinding(finding));
        if let Some(requirement) = remedy {
            remediations.push(NewRemediation {
                remediation: RemediationId::new(format!(
                    "kp-{}-q{}-{}-{}",
                    q.year,
                    q.number,
                    cell.id,
                    remediations.len() + 1
                )),
                requirement: requirement.to_owned(),
                deadline: plus_days(concluded_day, 21)?,
            });
        }
    }
    let label = match remediations.len() {
        0 => "Tốt",
        1 => "Khá",
        _ => "Trung bình",
    };
    let conclude = ConcludeInspection {
        inspection: id,
        conclusion: format!(
            "{label}. Chi bộ duy trì sinh hoạt nền nếp, nghị quyết sát thực tế; {} yêu cầu khắc phục.",
            remediations.len()
        ),
        remediations: remediations.clone(),
        referral: None,
        // Every remedy is verified within nine days of its notice (below), before the next
        // quarter's supervision: none is still open here.
        open_remedies: Vec::new(),
    };
    out.session();
    out.push(
        &lead,
        plus(at(concluded_day, 8, 0)?, slot * 300)?,
        Action::ConcludeInspection(conclude),
    );
    if remediations.is_empty() {
        return Ok(());
    }
    out.session();
    let reported = plus(at(plus_days(q.opened, 6)?, 9, 0)?, slot * 300)?;
    for (k, r) in remediations.iter().enumerate() {
        out.push(
            &cell.secretary,
            plus(reported, 60 * i64::try_from(k).unwrap_or(0))?,
            Action::ReportRemedy {
                remediation: r.remediation.clone(),
                note: "Chi bộ đã họp, quán triệt và khắc phục theo yêu cầu".to_owned(),
            },
        );
    }
    out.session();
    let verified = plus(at(plus_days(q.opened, 9)?, 9, 0)?, slot * 300)?;
    for (k, r) in remediations.iter().enumerate() {
        out.push(
            &lead,
            plus(verified, 60 * i64::try_from(k).unwrap_or(0))?,
            Action::VerifyRemedy {
                remediation: r.remediation.clone(),
                accepted: true,
                note: Some("Đã khắc phục".to_owned()),
            },
        );
    }
    Ok(())
}
