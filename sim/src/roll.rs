//! The meeting as held: the roll (with absences drawn from the seed), chair, recorder, speakers
//! and the show of hands (R-31..R-35).

use crate::rng::Rng;
use crate::story::{Fail, Story};
use crate::texts;
use chibo::ids::{CellId, MemberId};
use chibo::meeting::{Attendance, MeetingRecord, RollEntry, Speech, Vote};
use chibo::time::Timestamp;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Who came, who chairs, who votes.
#[derive(Debug, Clone)]
pub(crate) struct Roll {
    pub(crate) entries: Vec<RollEntry>,
    pub(crate) attendance: BTreeMap<MemberId, Attendance>,
    pub(crate) chair: MemberId,
    pub(crate) recorder: MemberId,
    /// Official members present who may vote.
    pub(crate) voters: Vec<MemberId>,
    /// The votes for that pass a resolution out of the counted base of R-35 (counted as the core
    /// counts it), by the rules in force on the day (the core's `resolution_majority`).
    pub(crate) needed: u32,
}

impl Roll {
    pub(crate) fn is_present(&self, member: &MemberId) -> bool {
        self.attendance
            .get(member)
            .is_some_and(Attendance::is_present)
    }

    pub(crate) fn present(&self) -> impl Iterator<Item = &MemberId> {
        self.entries
            .iter()
            .filter(|e| e.attendance.is_present())
            .map(|e| &e.member)
    }
}

/// Calls the roll of a cell meeting on `on`. `full`: a reconvened session everyone who can come
/// attends.
pub(crate) fn call(
    story: &mut Story,
    cell: &CellId,
    on: NaiveDate,
    full: bool,
) -> Result<Roll, Fail> {
    let Story { commune, rng, .. } = story;
    let org = &commune.organisation;
    let cell = org.cell(cell).map_err(|e| Fail::Story(e.message_vi()))?;
    let lead = &cell.leadership;
    let mut entries = Vec::new();
    let mut base = 0;
    let mut voters = Vec::new();
    let leader_present = |rng: &mut Rng| full || rng.chance(96);
    let secretary_here = leader_present(rng);
    for m in org.cell_members(cell) {
        let attendance = if m.transferred.is_some() {
            Attendance::AbsentExcused {
                reason: "Chuyển sinh hoạt tạm thời".to_owned(),
            }
        } else if m.suspended.is_some() {
            Attendance::AbsentExcused {
                reason: "Đang bị đình chỉ sinh hoạt".to_owned(),
            }
        } else if let Some(ex) = &m.exempted {
            if rng.chance(if full { 45 } else { 30 }) {
                Attendance::Present
            } else {
                Attendance::AbsentExcused {
                    reason: format!("Được miễn sinh hoạt: {}", ex.reason),
                }
            }
        } else if lead.secretary.as_ref() == Some(&m.id) {
            if secretary_here {
                Attendance::Present
            } else {
                Attendance::AbsentExcused {
                    reason: "Đi công tác theo quyết định".to_owned(),
                }
            }
        } else if full || (lead.deputy.as_ref() == Some(&m.id) && !secretary_here) {
            Attendance::Present
        } else {
            match rng.below(100) {
                0..=93 => Attendance::Present,
                94..=98 => Attendance::AbsentExcused {
                    reason: rng.text(texts::EXCUSED).to_owned(),
                },
                _ => Attendance::AbsentUnexcused,
            }
        };
        let present = attendance.is_present();
        if m.in_counted_base(present, attendance.is_excused()) {
            base += 1;
        }
        if m.may_vote(&cell.id, present).is_ok() {
            voters.push(m.id.clone());
        }
        entries.push(RollEntry {
            member: m.id.clone(),
            attendance,
        });
    }
    let attendance: BTreeMap<MemberId, Attendance> = entries
        .iter()
        .map(|e| (e.member.clone(), e.attendance.clone()))
        .collect();
    let here = |id: &MemberId| attendance.get(id).is_some_and(Attendance::is_present);
    let chair = [&lead.secretary, &lead.deputy]
        .into_iter()
        .flatten()
        .find(|id| here(id))
        .cloned()
        .ok_or_else(|| Fail::Story(format!("{}: bí thư và phó bí thư đều vắng", cell.name)))?;
    let helpers: Vec<&MemberId> = lead
        .committee
        .iter()
        .chain(lead.deputy.iter())
        .filter(|id| here(id) && **id != chair)
        .collect();
    let others: Vec<&MemberId> = entries
        .iter()
        .map(|e| &e.member)
        .filter(|id| here(id) && **id != chair)
        .collect();
    let recorder = rng
        .pick(&helpers)
        .or_else(|| rng.pick(&others))
        .map(|id| (*id).clone())
        .ok_or_else(|| Fail::Story(format!("{}: không có thư ký", cell.name)))?;
    let needed = commune.rules_on(on).resolution_majority.value.needed(base);
    Ok(Roll {
        entries,
        attendance,
        chair,
        recorder,
        voters,
        needed,
    })
}

/// A show of hands that passes: everyone votes for, now and then one abstains or objects.
pub(crate) fn passing_vote(rng: &mut Rng, roll: &Roll) -> Vote {
    let mut vote = Vote {
        yes: roll.voters.clone(),
        ..Vote::default()
    };
    let spare = (vote.yes.len() as u32).saturating_sub(roll.needed);
    if spare >= 2 && rng.chance(8) {
        if let Some(m) = vote.yes.pop() {
            vote.abstain.push(m);
        }
    }
    if spare >= 3 && rng.chance(4) {
        if let Some(m) = vote.yes.pop() {
            vote.no.push(m);
        }
    }
    vote
}

/// A show of hands on a contested draft: one or two votes short of the majority.
pub(crate) fn failing_vote(rng: &mut Rng, roll: &Roll) -> Vote {
    let yes = (roll.needed as usize)
        .saturating_sub(1 + rng.below(2))
        .min(roll.voters.len());
    let mut vote = Vote::default();
    for (i, m) in roll.voters.iter().enumerate() {
        if i < yes {
            vote.yes.push(m.clone());
        } else if i % 3 == 0 {
            vote.abstain.push(m.clone());
        } else {
            vote.no.push(m.clone());
        }
    }
    vote
}

/// What the minutes say about one sitting.
pub(crate) struct Sitting<'a> {
    pub(crate) start: Timestamp,
    pub(crate) end: Timestamp,
    pub(crate) place: &'a str,
    pub(crate) guests: Vec<MemberId>,
    pub(crate) agenda: Vec<String>,
    pub(crate) opening: String,
}

/// The minutes' facts: roll, chair, recorder, speakers, conclusions and the vote.
pub(crate) fn minutes(
    rng: &mut Rng,
    roll: &Roll,
    sitting: Sitting<'_>,
    vote: Vote,
) -> MeetingRecord {
    let mut speeches = vec![Speech {
        member: roll.chair.clone(),
        gist: sitting.opening,
    }];
    // Members give their results and views in turn: usually half to three quarters of those
    // present speak (R-70's "many speakers"; the 42-HD rubric wants more than half).
    let mut present: Vec<&MemberId> = roll.present().filter(|m| **m != roll.chair).collect();
    rng.shuffle(&mut present);
    let share = usize::try_from(rng.range(40, 75)).unwrap_or(50);
    let speakers = (present.len() * share).div_ceil(100).max(2);
    for m in present.into_iter().take(speakers) {
        speeches.push(Speech {
            member: m.clone(),
            gist: rng.text(texts::SPEECHES).to_owned(),
        });
    }
    for guest in &sitting.guests {
        speeches.push(Speech {
            member: guest.clone(),
            gist: rng.text(texts::GUEST_REMARKS).to_owned(),
        });
    }
    let conclusions = sitting
        .agenda
        .iter()
        .map(|item| format!("Thống nhất: {item}"))
        .collect();
    MeetingRecord {
        started_at: sitting.start,
        ended_at: sitting.end,
        place: sitting.place.to_owned(),
        chair: roll.chair.clone(),
        recorder: roll.recorder.clone(),
        roll: roll.entries.clone(),
        guests: sitting.guests,
        agenda: sitting.agenda,
        speeches,
        conclusions,
        vote,
        dues_collected: true,
    }
}
