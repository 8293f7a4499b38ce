//! The draft state (R-20..R-25): content, preparatory meeting, notice, documents.

use super::{Context, Draft, Header, Meeting, MeetingKind};
use crate::directive::Directive;
use crate::error::{Error, OrganisationError, PreparationError};
use crate::ids::{CellId, DirectiveId, MeetingId, MemberId};
use crate::organisation::Cell;
use crate::text;
use crate::time::{Timestamp, YearMonth};
use serde::{Deserialize, Serialize};

/// The command that starts a meeting: its content and draft resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DraftMeeting {
    /// The new meeting's id.
    pub meeting: MeetingId,
    /// The cell.
    pub cell: CellId,
    /// The month it is for.
    pub month: YearMonth,
    /// Regular, thematic or combined.
    pub kind: MeetingKind,
    /// The commune's direction for the month that it applies.
    pub directive: DirectiveId,
    /// The content: the month's assessment and next month's plan.
    pub content: String,
    /// The items of the draft resolution, numbered from 1 in the order given.
    pub resolution_items: Vec<String>,
    /// When the meeting is planned.
    #[serde(
        deserialize_with = "crate::time::strict_timestamp",
        serialize_with = "crate::time::write"
    )]
    pub scheduled_at: Timestamp,
    /// Where.
    pub place: String,
    /// The topic of a thematic or combined meeting, from the yearly plan.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub topic: Option<String>,
}

/// The draft as it stands (one version).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DraftContent {
    /// The content.
    pub content: String,
    /// The items of the draft resolution.
    pub resolution_items: Vec<String>,
    /// When the meeting is planned.
    pub scheduled_at: Timestamp,
    /// Where.
    pub place: String,
    /// The thematic topic, if any.
    pub topic: Option<String>,
    /// When this version was written.
    pub written_at: Timestamp,
}

/// A revision of the draft: the fields given replace the current ones; the old version is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The meeting.
    pub meeting: MeetingId,
    /// New content.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub content: Option<String>,
    /// New resolution items.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub resolution_items: Option<Vec<String>>,
    /// New time: members must then be notified again.
    #[serde(
        default,
        deserialize_with = "crate::time::strict_optional_timestamp",
        serialize_with = "crate::time::write_optional"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub scheduled_at: Option<Timestamp>,
    /// New place: members must then be notified again.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub place: Option<String>,
    /// New topic.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub topic: Option<String>,
}

/// The command recording the cell committee's preparatory meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct PreparatoryMeeting {
    /// The meeting being prepared.
    pub meeting: MeetingId,
    /// Committee members (or secretary and deputy) who took part.
    pub attendees: Vec<MemberId>,
    /// What they agreed: content, assessment, next tasks, items to vote on.
    pub agreed: String,
}

/// The preparatory meeting as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PreparatoryRecord {
    /// When.
    pub at: Timestamp,
    /// Who took part.
    pub attendees: Vec<MemberId>,
    /// What they agreed.
    pub agreed: String,
}

/// The notice of time, place and content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Notice {
    /// When it was sent.
    pub at: Timestamp,
    /// Every member of the cell, every higher-level member following it and the standing
    /// committee member in charge of its cluster.
    pub recipients: Vec<MemberId>,
}

/// The documents published to members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Publication {
    /// When they were published.
    pub at: Timestamp,
    /// Their titles or references.
    pub documents: Vec<String>,
}

/// The preparation steps taken so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Preparation {
    /// The committee's preparatory meeting.
    pub preparatory_meeting: Option<PreparatoryRecord>,
    /// The notice to members and the higher-level member.
    pub notice: Option<Notice>,
    /// The documents published.
    pub documents: Option<Publication>,
}

fn check_content(
    kind: MeetingKind,
    content: &str,
    items: &[String],
    topic: Option<&str>,
) -> Result<(), Error> {
    text::required("content", content)?;
    if items.is_empty() {
        return Err(PreparationError::NoResolutionItems.into());
    }
    text::all_required("resolution_items", items)?;
    if kind.is_thematic() {
        match topic {
            Some(t) if !t.trim().is_empty() => text::bounded("topic", t)?,
            _ => return Err(PreparationError::TopicRequired.into()),
        }
    }
    Ok(())
}

fn check_month(month: YearMonth, scheduled: Timestamp) -> Result<(), Error> {
    if YearMonth::of(scheduled.date_naive()) == month {
        Ok(())
    } else {
        Err(PreparationError::OutsideMonth { month, scheduled }.into())
    }
}

impl DraftMeeting {
    /// a cell holds one regular meeting a month; refuses a second regular draft when the
    /// cell already has `existing`, a regular (or combined) meeting for the same month.
    pub(crate) fn check_one_regular_a_month(
        &self,
        existing: Option<&MeetingId>,
    ) -> Result<(), Error> {
        if !self.kind.is_regular() {
            return Ok(());
        }
        match existing {
            Some(existing) => Err(PreparationError::DuplicateRegular {
                cell: self.cell.clone(),
                month: self.month,
                existing: existing.clone(),
            }
            .into()),
            None => Ok(()),
        }
    }
}

impl Meeting<Draft> {
    /// Starts a meeting as a draft: by the cell's secretary or deputy (or the committee
    /// member delegated for the month), applying the
    /// commune's direction for the month. The one-regular-meeting-a-month rule spans
    /// meetings and is checked by [`crate::Commune`].
    pub fn draft(
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
        command: DraftMeeting,
        directive: &Directive,
    ) -> Result<Self, Error> {
        let cell = ctx.organisation.cell(&command.cell)?;
        ctx.organisation
            .require_drafter(cell, command.month, actor, "draft_meeting")?;
        let officials = ctx.organisation.official_count(cell);
        let required = ctx.rules.min_official_members.value;
        if officials < required {
            return Err(OrganisationError::CellTooSmall {
                cell: cell.id.clone(),
                officials,
                required,
            }
            .into());
        }
        if directive.month != command.month {
            return Err(PreparationError::DirectiveWrongMonth {
                directive: directive.id.clone(),
                directive_month: directive.month,
                meeting_month: command.month,
            }
            .into());
        }
        check_content(
            command.kind,
            &command.content,
            &command.resolution_items,
            command.topic.as_deref(),
        )?;
        text::required("place", &command.place)?;
        check_month(command.month, command.scheduled_at)?;
        Ok(Meeting {
            header: Header {
                id: command.meeting,
                cell: command.cell,
                month: command.month,
                kind: command.kind,
                directive: command.directive,
                author: actor.clone(),
                drafted_at: at,
            },
            draft: DraftContent {
                content: command.content,
                resolution_items: command.resolution_items,
                scheduled_at: command.scheduled_at,
                place: command.place,
                topic: command.topic,
                written_at: at,
            },
            revisions: Vec::new(),
            preparation: Preparation::default(),
            stage: Draft::default(),
        })
    }

    fn cell<'a>(&self, ctx: &Context<'a>) -> Result<&'a Cell, Error> {
        ctx.organisation.cell(&self.header.cell)
    }

    /// Revises the draft (by the secretary or deputy, or the committee member delegated for the
    /// month). The previous version is kept in
    /// [`Meeting::revisions`]. A new time or place clears the notice, which must be sent again.
    pub fn revise(
        &mut self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
        revision: Revision,
    ) -> Result<(), Error> {
        ctx.organisation.require_drafter(
            self.cell(ctx)?,
            self.header.month,
            actor,
            "revise_draft",
        )?;
        let mut next = self.draft.clone();
        if let Some(content) = revision.content {
            next.content = content;
        }
        if let Some(items) = revision.resolution_items {
            next.resolution_items = items;
        }
        if let Some(topic) = revision.topic {
            next.topic = Some(topic);
        }
        let moved = revision
            .scheduled_at
            .is_some_and(|t| t != next.scheduled_at)
            || revision.place.as_ref().is_some_and(|p| p != &next.place);
        if let Some(time) = revision.scheduled_at {
            next.scheduled_at = time;
        }
        if let Some(place) = revision.place {
            next.place = place;
        }
        check_content(
            self.header.kind,
            &next.content,
            &next.resolution_items,
            next.topic.as_deref(),
        )?;
        text::required("place", &next.place)?;
        check_month(self.header.month, next.scheduled_at)?;
        next.written_at = at;
        self.revisions
            .push(std::mem::replace(&mut self.draft, next));
        if moved {
            self.preparation.notice = None;
        }
        Ok(())
    }

    /// Records the cell committee's preparatory meeting, by the secretary or deputy.
    pub fn prepare(
        &mut self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
        command: PreparatoryMeeting,
    ) -> Result<(), Error> {
        let cell = self.cell(ctx)?;
        ctx.organisation
            .require_leader(cell, actor, "hold_preparatory_meeting")?;
        text::required("agreed", &command.agreed)?;
        text::non_empty("attendees", &command.attendees)?;
        if let Some(member) = command
            .attendees
            .iter()
            .find(|m| !cell.leadership.is_committee(m))
        {
            return Err(PreparationError::PreparatoryAttendee {
                member: member.clone(),
            }
            .into());
        }
        self.preparation.preparatory_meeting = Some(PreparatoryRecord {
            at,
            attendees: command.attendees,
            agreed: command.agreed,
        });
        Ok(())
    }

    /// Sends the time, place and content to every member, to the higher-level members following
    /// the cell and to the standing committee member in charge of its cluster, by the
    /// secretary or deputy.
    pub fn send_notice(
        &mut self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
    ) -> Result<(), Error> {
        let cell = self.cell(ctx)?;
        ctx.organisation
            .require_leader(cell, actor, "send_notice")?;
        let in_charge = cell
            .cluster
            .as_ref()
            .and_then(|c| ctx.organisation.clusters.get(c))
            .map(|c| c.in_charge.clone());
        // The cell's members come from a set, in id order and each once; only the followers and
        // the member in charge of the cluster may repeat one of them (or each other).
        let mut recipients: Vec<MemberId> = ctx
            .organisation
            .cell_members(cell)
            .map(|m| m.id.clone())
            .collect();
        let members = recipients.len();
        for extra in cell.followers.iter().cloned().chain(in_charge) {
            let (sorted, added) = recipients.split_at(members.min(recipients.len()));
            if sorted.binary_search(&extra).is_err() && !added.contains(&extra) {
                recipients.push(extra);
            }
        }
        self.preparation.notice = Some(Notice { at, recipients });
        Ok(())
    }

    /// Publishes the meeting's documents to members, by the secretary or deputy.
    pub fn publish_documents(
        &mut self,
        ctx: &Context<'_>,
        actor: &MemberId,
        at: Timestamp,
        documents: Vec<String>,
    ) -> Result<(), Error> {
        ctx.organisation
            .require_leader(self.cell(ctx)?, actor, "publish_documents")?;
        text::non_empty("documents", &documents)?;
        text::all_required("documents", &documents)?;
        self.preparation.documents = Some(Publication { at, documents });
        Ok(())
    }
}
