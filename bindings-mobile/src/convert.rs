//! Conversions at the border: the typed records of [`crate::command`] into the core's command,
//! and the core's enums into this binding's. Field by field, nothing decided here.

use crate::command::{
    Action, Assessment, Attendance, CarryOver, Command, MeetingKind, MeetingRecord, NewTask,
    Outcome, RollEntry, Speech, Vote,
};
use chibo::meeting as core;

fn ids<T: From<String>>(list: Vec<String>) -> Vec<T> {
    list.into_iter().map(T::from).collect()
}

impl From<Command> for chibo::Command {
    fn from(command: Command) -> Self {
        Self {
            actor: command.actor.into(),
            at: command.at.0,
            action: command.action.into(),
        }
    }
}

impl From<Action> for chibo::Action {
    fn from(action: Action) -> Self {
        match action {
            Action::DraftMeeting {
                meeting,
                cell,
                month,
                kind,
                directive,
                content,
                resolution_items,
                scheduled_at,
                place,
                topic,
            } => Self::DraftMeeting(core::DraftMeeting {
                meeting: meeting.into(),
                cell: cell.into(),
                month: month.0,
                kind: kind.into(),
                directive: directive.into(),
                content,
                resolution_items,
                scheduled_at: scheduled_at.0,
                place,
                topic,
            }),
            Action::HoldPreparatoryMeeting {
                meeting,
                attendees,
                agreed,
            } => Self::HoldPreparatoryMeeting(core::PreparatoryMeeting {
                meeting: meeting.into(),
                attendees: ids(attendees),
                agreed,
            }),
            Action::SendNotice { meeting } => Self::SendNotice {
                meeting: meeting.into(),
            },
            Action::PublishDocuments { meeting, documents } => Self::PublishDocuments {
                meeting: meeting.into(),
                documents,
            },
            Action::RecordMeeting { meeting, record } => Self::RecordMeeting {
                meeting: meeting.into(),
                record: record.into(),
            },
            Action::AssignTasks {
                meeting,
                tasks,
                carried_over,
            } => Self::AssignTasks(core::TaskPlan {
                meeting: meeting.into(),
                tasks: tasks.into_iter().map(Into::into).collect(),
                carried_over: carried_over.into_iter().map(Into::into).collect(),
            }),
            Action::ReportTask {
                task,
                outcome,
                note,
            } => Self::ReportTask {
                task: task.into(),
                outcome: outcome.into(),
                note,
            },
            Action::CarryOverTask { task, reason } => Self::CarryOverTask {
                task: task.into(),
                reason,
            },
            Action::AssessReport { task, assessment } => Self::AssessReport {
                task: task.into(),
                assessment: match assessment {
                    Assessment::Accepted => chibo::task::Assessment::Accepted,
                    Assessment::SentBack { reason } => chibo::task::Assessment::SentBack { reason },
                },
            },
            Action::CancelTask { task, reason } => Self::CancelTask {
                task: task.into(),
                reason,
            },
            Action::CloseReporting { meeting } => Self::CloseReporting {
                meeting: meeting.into(),
            },
        }
    }
}

impl From<MeetingKind> for core::MeetingKind {
    fn from(kind: MeetingKind) -> Self {
        match kind {
            MeetingKind::Regular => Self::Regular,
            MeetingKind::Thematic => Self::Thematic,
            MeetingKind::Combined => Self::Combined,
        }
    }
}

impl From<core::MeetingKind> for MeetingKind {
    fn from(kind: core::MeetingKind) -> Self {
        match kind {
            core::MeetingKind::Regular => Self::Regular,
            core::MeetingKind::Thematic => Self::Thematic,
            core::MeetingKind::Combined => Self::Combined,
        }
    }
}

impl From<MeetingRecord> for core::MeetingRecord {
    fn from(record: MeetingRecord) -> Self {
        Self {
            started_at: record.started_at.0,
            ended_at: record.ended_at.0,
            place: record.place,
            chair: record.chair.into(),
            recorder: record.recorder.into(),
            roll: record.roll.into_iter().map(Into::into).collect(),
            guests: ids(record.guests),
            agenda: record.agenda,
            speeches: record.speeches.into_iter().map(Into::into).collect(),
            conclusions: record.conclusions,
            vote: record.vote.into(),
            dues_collected: record.dues_collected,
        }
    }
}

impl From<RollEntry> for core::RollEntry {
    fn from(entry: RollEntry) -> Self {
        Self {
            member: entry.member.into(),
            attendance: match entry.attendance {
                Attendance::Present => core::Attendance::Present,
                Attendance::AbsentExcused { reason } => core::Attendance::AbsentExcused { reason },
                Attendance::AbsentUnexcused => core::Attendance::AbsentUnexcused,
            },
        }
    }
}

impl From<Speech> for core::Speech {
    fn from(speech: Speech) -> Self {
        Self {
            member: speech.member.into(),
            gist: speech.gist,
        }
    }
}

impl From<Vote> for core::Vote {
    fn from(vote: Vote) -> Self {
        Self {
            yes: ids(vote.yes),
            no: ids(vote.no),
            abstain: ids(vote.abstain),
        }
    }
}

impl From<NewTask> for core::NewTask {
    fn from(task: NewTask) -> Self {
        Self {
            task: task.task.into(),
            owner: task.owner.into(),
            content: task.content,
            item: task.item,
            deadline: task.deadline.0,
        }
    }
}

impl From<CarryOver> for core::CarryOver {
    fn from(c: CarryOver) -> Self {
        Self::Detailed(core::CarryOverDetails {
            task: c.task.into(),
            new_task: c.new_task.map(Into::into),
            deadline: c.deadline.map(|d| d.0),
        })
    }
}

impl From<Outcome> for chibo::task::Outcome {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Exceeded => Self::Exceeded,
            Outcome::OnTime => Self::OnTime,
            Outcome::Late => Self::Late,
            Outcome::NotDone { reason } => Self::NotDone { reason },
        }
    }
}
