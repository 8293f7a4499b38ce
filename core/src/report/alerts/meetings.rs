//! The cell's meetings: regular meetings held each month, thematic meetings each quarter
//! documents published in time, and the other defects recorded at a sitting.

use super::words::Context;
use super::{last_day, Alert, AlertKind, Figures, Scope};
use crate::defect::DefectKind;
use crate::ids::CellId;
use crate::meeting::MeetingState;
use crate::organisation::Cell;
use crate::time::Timestamp;
use crate::time::YearMonth;
use chrono::{DateTime, TimeDelta, Utc};

impl Scope<'_> {
    /// The cells that have at least one member on the roll: an empty cell has no meeting to hold.
    fn cells_with_members(&self) -> impl Iterator<Item = &Cell> + '_ {
        let org = &self.commune.organisation;
        org.cells
            .values()
            .filter(move |cell| org.cell_members(cell).next().is_some())
    }

    /// Held meetings of `cell` whose month satisfies `month` and whose kind satisfies `kind`.
    fn held_count(
        &self,
        cell: &CellId,
        month: impl Fn(YearMonth) -> bool,
        kind: impl Fn(&MeetingState) -> bool,
    ) -> u32 {
        crate::count(
            self.held
                .iter()
                .filter(|(m, _)| &m.header().cell == cell && month(m.header().month) && kind(m))
                .count(),
        )
    }
}

/// every month of the year that has ended has the cell's regular meeting(s), held.
pub(crate) fn missing_regular(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.regular_meetings_per_month;
    let required = param.value;
    for cell in scope.cells_with_members() {
        for month in scope.ended_months() {
            let held = scope.held_count(&cell.id, |m| m == month, |m| m.header().kind.is_regular());
            if held >= required {
                continue;
            }
            // A regular meeting of the month that exists but is not (yet) held, if any.
            let pending = scope
                .commune
                .meetings
                .values()
                .filter(|m| {
                    let h = m.header();
                    h.cell == cell.id && h.month == month && h.kind.is_regular()
                })
                .find(|m| {
                    !scope
                        .held
                        .iter()
                        .any(|(x, _)| x.header().id == m.header().id)
                });
            out.push(
                Alert::new(
                    AlertKind::NoRegularMeeting,
                    Some(&param.source),
                    Figures::NoRegularMeeting {
                        month,
                        held,
                        required,
                    },
                )
                .cell(&cell.id)
                .meeting(pending.map(|m| &m.header().id))
                .worded(
                    scope,
                    &pending.map_or(Context::Nothing, |m| Context::Pending(m.name())),
                ),
            );
        }
    }
}

/// every quarter of the year that has ended has the cell's thematic meeting(s), held.
pub(crate) fn thematic_quota(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    let param = &scope.rules.thematic_meetings_per_quarter;
    let required = param.value;
    for cell in scope.cells_with_members() {
        for quarter in 1..=4_u32 {
            let ended = YearMonth::new(scope.year, quarter * 3).and_then(last_day);
            if !scope.has_ended(ended) {
                continue;
            }
            let held = scope.held_count(
                &cell.id,
                |m| m.quarter() == quarter,
                |m| m.header().kind.is_thematic(),
            );
            if held >= required {
                continue;
            }
            let year = scope.year;
            out.push(
                Alert::new(
                    AlertKind::ThematicQuotaMissed,
                    Some(&param.source),
                    Figures::ThematicQuotaMissed {
                        year,
                        quarter,
                        held,
                        required,
                    },
                )
                .cell(&cell.id)
                .worded(scope, &Context::Nothing),
            );
        }
    }
}

/// for a held meeting, its recorded documents defect (measured under the rules in force that
/// day); for a draft, documents published later than the lead time before the scheduled start, or
/// not published by that deadline's day.
pub(crate) fn documents_late(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    for meeting in scope.commune.meetings.values() {
        let header = meeting.header();
        if header.month.year() != scope.year {
            continue;
        }
        let Some(found) = late_documents(scope, meeting) else {
            continue;
        };
        let LateDocuments {
            start,
            deadline,
            published_at,
            lead_hours,
            held,
            source,
        } = found;
        out.push(
            Alert::new(
                AlertKind::DocumentsLate,
                Some(&source),
                Figures::DocumentsLate {
                    start,
                    deadline,
                    published_at,
                    lead_hours,
                    held,
                },
            )
            .cell(&header.cell)
            .meeting(Some(&header.id))
            .worded(scope, &Context::Nothing),
        );
    }
}

/// What a late-documents alert says.
struct LateDocuments {
    start: Timestamp,
    deadline: Timestamp,
    published_at: Option<Timestamp>,
    lead_hours: u32,
    held: bool,
    source: crate::rules::Citation,
}

/// The late or missing documents of a meeting, if they are: recorded for a sitting held by
/// `as_of`, foreseen for a draft.
fn late_documents(scope: &Scope<'_>, meeting: &MeetingState) -> Option<LateDocuments> {
    let published_at = meeting.preparation().documents.as_ref().map(|d| d.at);
    if let Some((record, _)) = meeting
        .latest_sitting()
        .filter(|(r, _)| r.started_at.date_naive() <= scope.as_of)
    {
        let start = record.started_at;
        return meeting.defects().into_iter().find_map(|d| match &d.kind {
            DefectKind::DocumentsLate {
                deadline,
                lead_hours,
                ..
            } => Some(LateDocuments {
                start,
                deadline: *deadline,
                published_at,
                lead_hours: *lead_hours,
                held: true,
                source: d.source.clone(),
            }),
            DefectKind::DocumentsMissing => Some(LateDocuments {
                start,
                deadline: start,
                published_at: None,
                lead_hours: scope.rules.document_lead_hours.value,
                held: true,
                source: d.source.clone(),
            }),
            _ => None,
        });
    }
    let param = &scope.rules.document_lead_hours;
    let start = meeting.draft().scheduled_at;
    // As when adopting: a lead time too long for the calendar puts the deadline at the start of
    // time.
    let deadline = TimeDelta::try_hours(i64::from(param.value))
        .and_then(|lead| start.checked_sub_signed(lead))
        .unwrap_or_else(|| DateTime::<Utc>::MIN_UTC.fixed_offset());
    let late = match published_at {
        Some(at) => at > deadline,
        None => deadline.date_naive() <= scope.as_of,
    };
    late.then(|| LateDocuments {
        start,
        deadline,
        published_at,
        lead_hours: param.value,
        held: false,
        source: param.source.clone(),
    })
}

/// The other defects recorded at sittings held by `as_of` in the year (R-23, R-24, R-30, R-35,
/// one alert each, so that the cell learns and the superior sees it when supervising.
/// Documents have their own alert.
pub(super) fn meeting_defects(scope: &Scope<'_>, out: &mut Vec<Alert>) {
    for meeting in scope.commune.meetings.values() {
        let header = meeting.header();
        if header.month.year() != scope.year {
            continue;
        }
        let sittings = meeting
            .failed_sittings()
            .iter()
            .map(|s| (&s.record, &s.defects[..]))
            .chain(meeting.held().map(|h| (&h.record, &h.defects[..])));
        for (record, defects) in sittings {
            if record.started_at.date_naive() > scope.as_of {
                continue;
            }
            for defect in defects.iter().filter(|d| {
                !matches!(
                    d.kind,
                    DefectKind::DocumentsLate { .. } | DefectKind::DocumentsMissing
                )
            }) {
                let revote = defect.kind.blocks_adoption() && meeting.held().is_none();
                let mut alert = Alert::new(
                    AlertKind::MeetingDefect,
                    Some(&defect.source),
                    Figures::MeetingDefect {
                        defect: defect.code(),
                        month: header.month,
                        started_at: record.started_at,
                    },
                )
                .cell(&header.cell)
                .meeting(Some(&header.id))
                .worded(scope, &Context::Defect { defect, revote });
                alert.rule = defect.kind.rule();
                out.push(alert);
            }
        }
    }
}
