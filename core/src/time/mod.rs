//! Time as the caller gives it. The core never reads a clock: every command carries its own
//! timestamp, and months are explicit values.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod strict;
mod written;

use std::fmt;
use std::str::FromStr;
pub use strict::{parse_date, parse_timestamp, BadTime, FIRST_YEAR, LAST_YEAR};
pub(crate) use strict::{
    strict_date, strict_optional_date, strict_optional_timestamp, strict_timestamp,
};
pub(crate) use written::{write, write_optional};

/// An instant with the offset it was recorded in, e.g. `2025-03-05T07:30:00+07:00`.
pub type Timestamp = DateTime<FixedOffset>;

/// A calendar month (tháng), written `YYYY-MM` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// Before every month: the start of a range of months.
    pub(crate) const MIN: Self = Self {
        year: i32::MIN,
        month: 1,
    };

    /// A month, or `None` when `month` is not in 1..=12.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month })
    }

    /// The month a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month number, 1..=12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The quarter (quý) the month falls in, 1..=4.
    pub fn quarter(self) -> u32 {
        (self.month - 1) / 3 + 1
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year.saturating_add(1),
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The first day of the month.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Why a `YYYY-MM` string was not a month.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a month written YYYY-MM, from 1930-01")]
pub struct BadMonth(pub String);

impl FromStr for YearMonth {
    type Err = BadMonth;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadMonth(s.to_owned());
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        if !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        if year < FIRST_YEAR {
            return Err(bad());
        }
        let month = m.parse().map_err(|_| bad())?;
        Self::new(year, month).ok_or_else(bad)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A `YYYY-MM` string.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" })
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Whole minutes from `start` to `end` (negative when `end` is earlier).
pub fn minutes_between(start: Timestamp, end: Timestamp) -> i64 {
    (end - start).num_minutes()
}

#[cfg(test)]
mod tests {
    use super::YearMonth;

    #[test]
    fn months_parse_strictly() {
        assert_eq!(
            "2025-03"
                .parse::<YearMonth>()
                .map(|m| (m.year(), m.month())),
            Ok((2025, 3))
        );
        for bad in [
            "2025-13", "2025-3", "25-03", "2025/03", "", "2025-00", "abcd-ef",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad} parsed");
        }
        let dec = YearMonth::new(2025, 12);
        assert_eq!(
            dec.map(|d| d.next().to_string()),
            Some("2026-01".to_owned())
        );
        assert_eq!(dec.map(|d| d.quarter()), Some(4));
    }
}
