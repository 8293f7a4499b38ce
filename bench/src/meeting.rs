//! One meeting of one cell through its whole lifecycle: draft, preparatory meeting,
//! notice, documents a day ahead; at the sitting, last meeting's tasks reported and
//! its reporting closed, the minutes with roll and vote (R-30..R-35), and a task for every
//! member who can work, unfinished tasks carried over at the regular meeting.

use crate::clock::{at, date, month, month_end, plus};
use crate::out::Out;
use crate::rng::Rng;
use crate::roster::CellPlan;
use crate::texts;
use crate::BenchError;
use chibo::ids::{DirectiveId, MeetingId, MemberId, TaskId};
use chibo::meeting::{
    Attendance, CarryOver, CarryOverDetails, DraftMeeting, MeetingKind, MeetingRecord, NewTask,
    PreparatoryMeeting, RollEntry, Speech, TaskPlan, Vote,
};
use chibo::task::Outcome;
use chibo::time::Timestamp;
use chibo::Action;

/// What one cell carries from meeting to meeting through the year.
#[derive(Debug, Default)]
pub(crate) struct CellYear {
    /// The last meeting held, whose tasks are reported at the next one.
    last: Option<MeetingId>,
    /// The last meeting's tasks (new and carried over) and their owners.
    open: Vec<(TaskId, MemberId)>,
    /// Tasks reported not done, waiting for the next regular meeting to carry them over.
    unfinished: Vec<(TaskId, MemberId)>,
    /// Every meeting held: id, month, and whether its reporting is closed.
    pub(crate) meetings: Vec<(MeetingId, u32, bool)>,
}

/// The meeting the year's loop asks for.
#[derive(Debug, Clone)]
pub(crate) struct Sitting {
    pub(crate) id: MeetingId,
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) kind: MeetingKind,
    pub(crate) topic: Option<&'static str>,
    /// The day of the month the draft is written.
    pub(crate) draft_day: u32,
    /// Day of the month, hour and minute it starts.
    pub(crate) when: (u32, u32, u32),
}

/// Who came, who chairs, who records, who votes.
struct Roll {
    entries: Vec<RollEntry>,
    present: Vec<MemberId>,
    chair: MemberId,
    recorder: MemberId,
    vote: Vote,
}

fn attendance(rng: &mut Rng, exempted: bool) -> Attendance {
    if exempted {
        return if rng.chance(30) {
            Attendance::Present
        } else {
            Attendance::AbsentExcused {
                reason: "Được miễn sinh hoạt: tuổi cao, sức yếu".to_owned(),
            }
        };
    }
    match rng.below(100) {
        0..=91 => Attendance::Present,
        92..=97 => Attendance::AbsentExcused {
            reason: rng.text(texts::EXCUSED).to_owned(),
        },
        _ => Attendance::AbsentUnexcused,
    }
}

/// Calls the roll and counts the hands: everyone who may vote votes for, now and then one
/// abstains. If too many are away for the resolution to pass, everyone is fetched.
fn call_roll(rng: &mut Rng, cell: &CellPlan) -> Result<Roll, BenchError> {
    let mut marks: Vec<Attendance> = cell
        .people
        .iter()
        .map(|p| {
            if p.id == cell.deputy {
                Attendance::Present
            } else {
                attendance(rng, p.exempted)
            }
        })
        .collect();
    let passes = |marks: &[Attendance]| {
        let (mut yes, mut base) = (0u32, 0u32);
        for (p, a) in cell.people.iter().zip(marks) {
            let present = a.is_present();
            yes += u32::from(p.official && present);
            base += u32::from(p.official && (present || (!a.is_excused() && !p.exempted)));
        }
        2 * yes > base + 2
    };
    if !passes(&marks) {
        marks.iter_mut().for_each(|a| *a = Attendance::Present);
    }
    let here = |id: &MemberId| {
        cell.people
            .iter()
            .zip(&marks)
            .any(|(p, a)| &p.id == id && a.is_present())
    };
    let chair = if here(&cell.secretary) {
        cell.secretary.clone()
    } else {
        cell.deputy.clone()
    };
    let helpers: Vec<&MemberId> = cell
        .committee
        .iter()
        .filter(|id| here(id) && **id != chair)
        .collect();
    let others: Vec<&MemberId> = cell
        .people
        .iter()
        .map(|p| &p.id)
        .filter(|id| here(id) && **id != chair)
        .collect();
    let recorder = rng
        .pick(&helpers)
        .or_else(|| rng.pick(&others))
        .map(|id| (*id).clone())
        .ok_or_else(|| BenchError::Generator(format!("{}: nobody to record", cell.id)))?;
    let mut vote = Vote::default();
    let mut present = Vec::new();
    let mut entries = Vec::with_capacity(cell.people.len());
    for (p, a) in cell.people.iter().zip(marks) {
        if a.is_present() {
            present.push(p.id.clone());
            if p.official {
                vote.yes.push(p.id.clone());
            }
        }
        entries.push(RollEntry {
            member: p.id.clone(),
            attendance: a,
        });
    }
    if vote.yes.len() > 6 && rng.chance(10) {
        if let Some(m) = vote.yes.pop() {
            vote.abstain.push(m);
        }
    }
    Ok(Roll {
        entries,
        present,
        chair,
        recorder,
        vote,
    })
}

fn report(rng: &mut Rng, task: TaskId) -> (Action, bool) {
    let (outcome, note) = match rng.below(100) {
        0..=11 => (Outcome::Exceeded, Some("Hoàn thành vượt mức".to_owned())),
        12..=75 => (Outcome::OnTime, None),
        76..=91 => (Outcome::Late, Some(rng.text(texts::LATE).to_owned())),
        _ => (
            Outcome::NotDone {
                reason: rng.text(texts::NOT_DONE).to_owned(),
            },
            None,
        ),
    };
    let unfinished = matches!(outcome, Outcome::NotDone { .. });
    let action = Action::ReportTask {
        task,
        outcome,
        note,
    };
    (action, unfinished)
}

fn items(rng: &mut Rng, s: &Sitting) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(topic) = s.topic {
        items.push(format!("Quán triệt và thực hiện chuyên đề: {topic}"));
        items.push("Mỗi đảng viên xây dựng kế hoạch làm theo nội dung chuyên đề".to_owned());
    } else {
        let first = rng.below(texts::ITEMS.len());
        for k in 0..2 {
            if let Some(item) = texts::ITEMS.get((first + k) % texts::ITEMS.len()) {
                items.push((*item).to_owned());
            }
        }
    }
    items.push(texts::CLOSING_ITEM.to_owned());
    items
}

/// The draft, the preparatory meeting with the notice, and the documents: three sessions.
fn prepare(
    out: &mut Out,
    rng: &mut Rng,
    cell: &CellPlan,
    s: &Sitting,
    start: Timestamp,
) -> Result<usize, BenchError> {
    let (day, _, _) = s.when;
    let m = s.month;
    let items = items(rng, s);
    let count = items.len();
    let content = match s.topic {
        Some(_) => format!("Sinh hoạt chuyên đề tháng {m}/{} theo kế hoạch năm.", s.year),
        None => format!(
            "Đánh giá kết quả thực hiện nghị quyết tháng trước và của từng đảng viên; phương hướng nhiệm vụ tháng {m}/{} theo chủ trương của Đảng ủy.",
            s.year
        ),
    };
    let draft = DraftMeeting {
        meeting: s.id.clone(),
        cell: cell.id.clone(),
        month: month(s.year, m)?,
        kind: s.kind,
        directive: directive_id(s.year, m),
        content,
        resolution_items: items,
        scheduled_at: start,
        place: cell.place.clone(),
        topic: s.topic.map(str::to_owned),
    };
    let slot = i64::try_from(cell.index).unwrap_or(0) * 120;
    out.session();
    out.push(
        &cell.secretary,
        plus(at(date(s.year, m, s.draft_day)?, 8, 0)?, slot)?,
        Action::DraftMeeting(draft),
    );
    let prep_day = date(s.year, m, day.saturating_sub(3).max(s.draft_day + 1))?;
    let prep = PreparatoryMeeting {
        meeting: s.id.clone(),
        attendees: cell.committee.clone(),
        agreed:
            "Thống nhất nội dung, đánh giá tháng, nhiệm vụ tháng tới và các vấn đề cần biểu quyết."
                .to_owned(),
    };
    out.session();
    out.push(
        &cell.secretary,
        plus(at(prep_day, 16, 0)?, slot)?,
        Action::HoldPreparatoryMeeting(prep),
    );
    out.push(
        &cell.secretary,
        plus(at(prep_day, 17, 0)?, slot)?,
        Action::SendNotice {
            meeting: s.id.clone(),
        },
    );
    let mut documents = vec![
        format!("Dự thảo nghị quyết tháng {m}/{}", s.year),
        format!("Chủ trương của Đảng ủy tháng {m}/{}", s.year),
    ];
    if let Some(topic) = s.topic {
        documents.push(format!("Tài liệu chuyên đề: {topic}"));
    }
    out.session();
    out.push(
        &cell.secretary,
        plus(at(date(s.year, m, day.saturating_sub(2))?, 8, 0)?, slot)?,
        Action::PublishDocuments {
            meeting: s.id.clone(),
            documents,
        },
    );
    Ok(count)
}

fn minutes(
    rng: &mut Rng,
    cell: &CellPlan,
    s: &Sitting,
    roll: Roll,
    start: Timestamp,
    end: Timestamp,
) -> MeetingRecord {
    let m = s.month;
    let mut agenda = vec![format!(
        "Thông tin thời sự, chủ trương của Đảng ủy tháng {m}/{}",
        s.year
    )];
    if let Some(topic) = s.topic {
        agenda.push(format!("Sinh hoạt chuyên đề: {topic}"));
    } else {
        agenda.push(
            "Đánh giá thực hiện nghị quyết tháng trước và kết quả của từng đảng viên".to_owned(),
        );
    }
    agenda.push("Thảo luận, biểu quyết thông qua nghị quyết; phân công đảng viên".to_owned());
    let mut speeches = vec![Speech {
        member: roll.chair.clone(),
        gist: format!("Quán triệt chủ trương của Đảng ủy tháng {m}/{}", s.year),
    }];
    let others: Vec<&MemberId> = roll.present.iter().filter(|p| **p != roll.chair).collect();
    for _ in 0..rng.range(2, 4) {
        if let Some(member) = rng.pick(&others) {
            speeches.push(Speech {
                member: (*member).clone(),
                gist: rng.text(texts::SPEECHES).to_owned(),
            });
        }
    }
    let mut guests = Vec::new();
    if rng.chance(30) {
        guests.push(cell.follower.clone());
        speeches.push(Speech {
            member: cell.follower.clone(),
            gist: rng.text(texts::GUEST_REMARKS).to_owned(),
        });
    }
    let conclusions = agenda.iter().map(|a| format!("Thống nhất: {a}")).collect();
    MeetingRecord {
        started_at: start,
        ended_at: end,
        place: cell.place.clone(),
        chair: roll.chair,
        recorder: roll.recorder,
        roll: roll.entries,
        guests,
        agenda,
        speeches,
        conclusions,
        vote: roll.vote,
        dues_collected: true,
    }
}

/// The id of the commune's direction for a month.
pub(crate) fn directive_id(year: i32, month: u32) -> DirectiveId {
    DirectiveId::new(format!("cd-{year}-{month:02}"))
}

/// Prepares and holds one meeting and assigns its tasks.
pub(crate) fn hold(
    out: &mut Out,
    rng: &mut Rng,
    cell: &CellPlan,
    state: &mut CellYear,
    s: &Sitting,
) -> Result<(), BenchError> {
    let (day, hour, minute) = s.when;
    let start = at(date(s.year, s.month, day)?, hour, minute)?;
    let items = prepare(out, rng, cell, s, start)?;
    let roll = call_roll(rng, cell)?;
    let chair = roll.chair.clone();
    out.session();
    // Last meeting's tasks: every owner reports; reporting on that meeting is then closed.
    if let Some(last) = state.last.take() {
        for (k, (task, owner)) in std::mem::take(&mut state.open).into_iter().enumerate() {
            let (action, unfinished) = report(rng, task.clone());
            if unfinished {
                state.unfinished.push((task, owner.clone()));
            }
            let when = plus(start, 20 * 60 + 20 * i64::try_from(k).unwrap_or(0))?;
            out.push(&owner, when, action);
        }
        out.push(
            &chair,
            plus(start, 40 * 60)?,
            Action::CloseReporting {
                meeting: last.clone(),
            },
        );
        if let Some(entry) = state.meetings.iter_mut().find(|(id, _, _)| *id == last) {
            entry.2 = true;
        }
    }
    let length = i64::from(match s.kind {
        MeetingKind::Combined => rng.range(125, 170),
        _ => rng.range(95, 150),
    });
    let end = plus(start, length * 60)?;
    let record = minutes(rng, cell, s, roll, start, end);
    out.push(
        &chair,
        end,
        Action::RecordMeeting {
            meeting: s.id.clone(),
            record,
        },
    );
    let deadline = month_end(s.year, s.month)?;
    let mut tasks = Vec::new();
    let workers = cell.people.iter().filter(|p| !p.exempted);
    for (n, p) in workers.enumerate() {
        let item = if cell.committee.contains(&p.id) {
            u32::try_from(items).unwrap_or(1)
        } else {
            rng.range(
                1,
                u32::try_from(items.saturating_sub(1).max(1)).unwrap_or(1),
            )
        };
        tasks.push(NewTask {
            task: TaskId::new(format!("{}-t{:02}", s.id, n + 1)),
            owner: p.id.clone(),
            content: rng.text(texts::TASKS).to_owned(),
            item,
            deadline,
        });
    }
    // The regular meeting carries every unfinished task of the cell over; a thematic
    // meeting leaves them for the next regular one.
    let carried = if s.kind.is_regular() {
        std::mem::take(&mut state.unfinished)
    } else {
        Vec::new()
    };
    // Each goes on as a new task of this meeting, named here so that ids stay short however many
    // times a task is carried; it is due at the month's end (the default).
    let carried: Vec<(CarryOver, MemberId)> = carried
        .into_iter()
        .enumerate()
        .map(|(n, (task, owner))| {
            let detail = CarryOverDetails {
                task,
                new_task: Some(TaskId::new(format!("{}-c{:02}", s.id, n + 1))),
                deadline: None,
            };
            (CarryOver::Detailed(detail), owner)
        })
        .collect();
    state.open = tasks
        .iter()
        .map(|t| (t.task.clone(), t.owner.clone()))
        .chain(
            carried
                .iter()
                .map(|(c, owner)| (c.new_task(&s.id), owner.clone())),
        )
        .collect();
    let carried_over = carried.into_iter().map(|(c, _)| c).collect();
    let plan = TaskPlan {
        meeting: s.id.clone(),
        tasks,
        carried_over,
    };
    out.push(&chair, plus(end, 5 * 60)?, Action::AssignTasks(plan));
    state.last = Some(s.id.clone());
    state.meetings.push((s.id.clone(), s.month, false));
    Ok(())
}
