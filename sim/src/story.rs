//! The story's engine: every command goes through `Commune::execute`; accepted events are kept,
//! refusals the story expects are logged, anything else stops the story.

use crate::names::NameGen;
use crate::rng::Rng;
use chibo::ids::MemberId;
use chibo::time::{Timestamp, YearMonth};
use chibo::{Action, Command, Commune, Error, Event};
use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};
use std::fmt;

/// Why the story stopped.
#[derive(Debug)]
pub enum Fail {
    /// The core refused a step the story did not expect it to refuse.
    Refused {
        /// The action's name.
        action: &'static str,
        /// Who tried it.
        actor: MemberId,
        /// When.
        at: Timestamp,
        /// The core's refusal.
        error: Box<Error>,
    },
    /// The core refused a step, but not with the code the story expected.
    WrongRefusal {
        /// The action's name.
        action: &'static str,
        /// The code the story expected.
        expected: &'static str,
        /// The core's refusal with another code, or `None` when it accepted the step.
        got: Option<Box<Error>>,
    },
    /// The story itself could not go on (a bad date, nobody to chair…).
    Story(String),
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fail::Refused {
                action,
                actor,
                at,
                error,
            } => write!(
                f,
                "lệnh `{action}` của {actor} lúc {at} bị từ chối\n  mã: {}\n  {}\n  ({})",
                error.code(),
                error.message_vi(),
                error.message_en()
            ),
            Fail::WrongRefusal {
                action,
                expected,
                got: Some(error),
            } => write!(
                f,
                "lệnh `{action}`: chờ mã {expected}, nhận mã {}\n  {}",
                error.code(),
                error.message_vi()
            ),
            Fail::WrongRefusal {
                action,
                expected,
                got: None,
            } => write!(
                f,
                "lệnh `{action}`: chờ bị từ chối với mã {expected}, nhưng được chấp nhận"
            ),
            Fail::Story(text) => write!(f, "câu chuyện dừng: {text}"),
        }
    }
}

/// A refusal that is part of the story (a failed vote, closing too early…).
#[derive(Debug, Clone)]
pub struct StoryRefusal {
    /// The core's error code.
    pub code: &'static str,
    /// What happened, in Vietnamese.
    pub what: String,
}

/// The commune, its journal and the dice.
#[derive(Debug)]
pub(crate) struct Story {
    pub(crate) commune: Commune,
    pub(crate) events: Vec<Event>,
    pub(crate) refusals: Vec<StoryRefusal>,
    pub(crate) rng: Rng,
    pub(crate) names: NameGen,
    /// The calendar year being told (2025, 2026, …).
    pub(crate) year: i32,
}

impl Story {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            commune: Commune::new(),
            events: Vec::new(),
            refusals: Vec::new(),
            rng: Rng::new(seed),
            names: NameGen::default(),
            year: FIRST_YEAR,
        }
    }

    /// Month `number` of the year being told.
    pub(crate) fn month(&self, number: u32) -> Result<YearMonth, Fail> {
        YearMonth::new(self.year, number)
            .ok_or_else(|| Fail::Story(format!("tháng {number}/{}", self.year)))
    }

    /// Runs a command that must be accepted.
    pub(crate) fn run(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        action: Action,
    ) -> Result<(), Fail> {
        let name = action.name();
        self.try_run(actor, at, action)
            .map_err(|error| Fail::Refused {
                action: name,
                actor: actor.clone(),
                at,
                error,
            })
    }

    /// Runs a command the story may see refused; the caller decides what a refusal means.
    /// Accepted commands are kept as events.
    pub(crate) fn try_run(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        action: Action,
    ) -> Result<(), Box<Error>> {
        let command = Command {
            actor: actor.clone(),
            at,
            action,
        };
        let event = self.commune.execute(&command).map_err(Box::new)?;
        self.events.push(event);
        Ok(())
    }

    /// Runs a command the story expects the core to refuse with `code`; logs the refusal.
    pub(crate) fn refused(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        action: Action,
        code: &'static str,
        what: String,
    ) -> Result<(), Fail> {
        let name = action.name();
        match self.try_run(actor, at, action) {
            Err(error) if error.code() == code => {
                self.refusals.push(StoryRefusal { code, what });
                Ok(())
            }
            Err(error) => Err(Fail::WrongRefusal {
                action: name,
                expected: code,
                got: Some(error),
            }),
            Ok(_) => Err(Fail::WrongRefusal {
                action: name,
                expected: code,
                got: None,
            }),
        }
    }
}

/// The first year told: the organisation is entered on 30 December of the year before.
pub(crate) const FIRST_YEAR: i32 = 2025;

/// Nga Sơn keeps Vietnam's time, UTC+7.
fn ict() -> Result<FixedOffset, Fail> {
    FixedOffset::east_opt(7 * 3600).ok_or_else(|| Fail::Story("múi giờ +07:00".to_owned()))
}

/// A calendar date.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, Fail> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| Fail::Story(format!("ngày không hợp lệ {day}/{month}/{year}")))
}

/// A date in a month of the story.
pub(crate) fn day_of(month: YearMonth, day: u32) -> Result<NaiveDate, Fail> {
    date(month.year(), month.month(), day)
}

/// The last day of a month.
pub(crate) fn month_end(month: YearMonth) -> Result<NaiveDate, Fail> {
    let next = month
        .next()
        .first_day()
        .ok_or_else(|| Fail::Story(format!("tháng {month}")))?;
    Ok(next - Duration::days(1))
}

/// A moment on a day, Vietnam time.
pub(crate) fn at(day: NaiveDate, hour: u32, minute: u32) -> Result<Timestamp, Fail> {
    let naive = day
        .and_hms_opt(hour, minute, 0)
        .ok_or_else(|| Fail::Story(format!("giờ {hour}:{minute}")))?;
    ict()?
        .from_local_datetime(&naive)
        .single()
        .ok_or_else(|| Fail::Story(format!("thời điểm {naive}")))
}
