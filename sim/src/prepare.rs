//! Before a meeting: what the story wants of it (the plan), the draft, the committee's
//! preparatory meeting, the notice and the documents a day ahead.

use crate::story::{at, day_of, Fail, Story};
use crate::texts;
use crate::world::CellInfo;
use chibo::ids::{DirectiveId, MeetingId, MemberId};
use chibo::meeting::{DraftMeeting, MeetingKind, PreparatoryMeeting};
use chibo::time::{Timestamp, YearMonth};
use chibo::Action;
use chrono::Duration;

/// What the story wants of a meeting.
pub(crate) struct Plan<'a> {
    pub(crate) cell: &'a CellInfo,
    pub(crate) id: MeetingId,
    pub(crate) month: YearMonth,
    pub(crate) kind: MeetingKind,
    pub(crate) topic: Option<String>,
    pub(crate) day: u32,
    pub(crate) length: i64,
    /// The first vote fails on a contested item: revise and meet again.
    pub(crate) fail_first: bool,
    /// The secretary tries to close last month's reporting too early.
    pub(crate) early_close: bool,
    /// The committee does not meet to prepare: recorded as a defect.
    pub(crate) skip_preparation: bool,
    /// The documents go out the evening before: late under 42-HD/BTCTW's 24 hours.
    pub(crate) late_documents: bool,
}

impl Plan<'_> {
    pub(crate) fn start(&self, day: u32) -> Result<Timestamp, Fail> {
        at(day_of(self.month, day)?, self.cell.hour, self.cell.minute)
    }

    pub(crate) fn secretary(&self, story: &Story) -> Result<MemberId, Fail> {
        story
            .commune
            .organisation
            .cell(&self.cell.id)
            .ok()
            .and_then(|c| c.leadership.secretary.clone())
            .ok_or_else(|| Fail::Story(format!("{} không có bí thư", self.cell.name)))
    }

    fn items(&self, story: &mut Story) -> Vec<String> {
        let mut items = Vec::new();
        if let Some(topic) = &self.topic {
            items.push(format!("Quán triệt và thực hiện chuyên đề: {topic}"));
        }
        if self.kind.is_regular() {
            items.push(texts::month_item(self.month.year(), self.month.month()));
            items.push(story.rng.text(texts::kind_items(self.cell.kind)).to_owned());
            if self.fail_first {
                items.push(texts::contested(self.cell.kind).0.to_owned());
            }
        } else {
            items.push("Mỗi đảng viên xây dựng kế hoạch làm theo nội dung chuyên đề".to_owned());
        }
        items.push(texts::CLOSING_ITEM.to_owned());
        items
    }
}

/// Drafts the meeting, holds the preparatory meeting, sends the notice and
/// publishes the documents a day ahead.
pub(crate) fn prepare(
    story: &mut Story,
    plan: &Plan<'_>,
    draft_day: u32,
    slot: i64,
) -> Result<(), Fail> {
    let secretary = plan.secretary(story)?;
    let (year, m) = (plan.month.year(), plan.month.month());
    let content = match plan.kind {
        MeetingKind::Thematic => format!("Sinh hoạt chuyên đề quý {}/{year} theo kế hoạch năm của chi bộ.", plan.month.quarter()),
        _ => format!(
            "Đánh giá kết quả thực hiện nghị quyết tháng trước và của từng đảng viên; phương hướng nhiệm vụ tháng {m}/{year} theo chủ trương của Đảng ủy."
        ),
    };
    let draft = DraftMeeting {
        meeting: plan.id.clone(),
        cell: plan.cell.id.clone(),
        month: plan.month,
        kind: plan.kind,
        directive: DirectiveId::new(format!("cd-{year}-{m:02}")),
        content,
        resolution_items: plan.items(story),
        scheduled_at: plan.start(plan.day)?,
        place: plan.cell.place.clone(),
        topic: plan.topic.clone(),
    };
    let drafted = at(day_of(plan.month, draft_day)?, 9, 0)? + Duration::minutes(slot);
    let lead = story
        .commune
        .organisation
        .cell(&plan.cell.id)
        .map(|c| c.leadership.clone())
        .map_err(|e| Fail::Story(e.message_vi()))?;
    // Where the cell has a committee, the secretary hands a thematic meeting's draft to a
    // committee member; everything else the secretary drafts.
    let delegate = lead
        .committee
        .iter()
        .find(|m| !lead.is_leader(m))
        .filter(|_| plan.kind == MeetingKind::Thematic)
        .cloned();
    let author = match delegate {
        Some(member) => {
            let delegation = Action::DelegateDrafting {
                cell: plan.cell.id.clone(),
                month: plan.month,
                member: member.clone(),
            };
            story.run(&secretary, drafted - Duration::hours(1), delegation)?;
            member
        }
        None => secretary.clone(),
    };
    story.run(&author, drafted, Action::DraftMeeting(draft))?;
    let attendees: Vec<MemberId> = if lead.committee.is_empty() {
        lead.secretary
            .iter()
            .chain(lead.deputy.iter())
            .cloned()
            .collect()
    } else {
        lead.committee.iter().cloned().collect()
    };
    let prep_day = day_of(plan.month, plan.day.saturating_sub(3).max(draft_day))?;
    let agreed =
        "Thống nhất nội dung, đánh giá tháng, nhiệm vụ tháng tới và các vấn đề cần biểu quyết."
            .to_owned();
    let prep = PreparatoryMeeting {
        meeting: plan.id.clone(),
        attendees,
        agreed,
    };
    if !plan.skip_preparation {
        story.run(
            &secretary,
            at(prep_day, 16, 0)?,
            Action::HoldPreparatoryMeeting(prep),
        )?;
    }
    story.run(
        &secretary,
        at(prep_day, 17, 0)?,
        Action::SendNotice {
            meeting: plan.id.clone(),
        },
    )?;
    let mut documents = vec![
        format!("Dự thảo nghị quyết tháng {m}/{year}"),
        format!("Chủ trương của Đảng ủy tháng {m}/{year}"),
    ];
    if let Some(topic) = &plan.topic {
        documents.push(format!("Tài liệu chuyên đề: {topic}"));
    }
    let published = if plan.late_documents {
        // The evening before: late under the 24 hours of R-25.
        at(day_of(plan.month, plan.day.saturating_sub(1))?, 20, 0)?
    } else {
        // Two days ahead at 08:00, or earlier still if the rules in force ask for a longer lead
        // (R-25, `document_lead_hours`).
        let start = plan.start(plan.day)?;
        let lead = story
            .commune
            .rules_on(start.date_naive())
            .document_lead_hours
            .value;
        let latest = start - Duration::hours(i64::from(lead) + 1);
        at(day_of(plan.month, plan.day.saturating_sub(2))?, 8, 0)?.min(latest)
    };
    story.run(
        &secretary,
        published,
        Action::PublishDocuments {
            meeting: plan.id.clone(),
            documents,
        },
    )
}
