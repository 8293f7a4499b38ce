//! Dates and times of the generated year, all in Vietnam's time (UTC+7). Every helper returns a
//! `Result`: a bad date is a generator error, never a panic.

use crate::BenchError;
use chibo::time::{Timestamp, YearMonth};
use chrono::{Duration, FixedOffset, NaiveDate, TimeZone};

/// A calendar date.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, BenchError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| BenchError::Generator(format!("no date {year}-{month:02}-{day:02}")))
}

/// A moment on a day, Vietnam time.
pub(crate) fn at(day: NaiveDate, hour: u32, minute: u32) -> Result<Timestamp, BenchError> {
    let zone = FixedOffset::east_opt(7 * 3600)
        .ok_or_else(|| BenchError::Generator("offset +07:00".to_owned()))?;
    let naive = day
        .and_hms_opt(hour, minute, 0)
        .ok_or_else(|| BenchError::Generator(format!("no time {hour}:{minute}")))?;
    zone.from_local_datetime(&naive)
        .single()
        .ok_or_else(|| BenchError::Generator(format!("no moment {naive}")))
}

/// `at` moved on by `seconds` (which may be negative).
pub(crate) fn plus(at: Timestamp, seconds: i64) -> Result<Timestamp, BenchError> {
    Duration::try_seconds(seconds)
        .and_then(|d| at.checked_add_signed(d))
        .ok_or_else(|| BenchError::Generator(format!("{at} + {seconds}s")))
}

/// `day` moved on by `days`.
pub(crate) fn plus_days(day: NaiveDate, days: i64) -> Result<NaiveDate, BenchError> {
    Duration::try_days(days)
        .and_then(|d| day.checked_add_signed(d))
        .ok_or_else(|| BenchError::Generator(format!("{day} + {days} days")))
}

/// A month of a year.
pub(crate) fn month(year: i32, month: u32) -> Result<YearMonth, BenchError> {
    YearMonth::new(year, month).ok_or_else(|| BenchError::Generator(format!("month {month}")))
}

/// The last day of a month.
pub(crate) fn month_end(year: i32, month: u32) -> Result<NaiveDate, BenchError> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    plus_days(date(y, m, 1)?, -1)
}
