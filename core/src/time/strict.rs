//! Strict reading of the times and dates in commands: RFC 3339 exactly as the journal writes it.
//!
//! chrono's own readers forgive a space for `T`, lowercase `t` and `z`, an offset without its
//! colon, a leap second and offsets up to ±23:59. A minutes book should not: a command's time is
//! `YYYY-MM-DDTHH:MM:SS`, optionally a fraction of a second (1 to 9 digits), then `Z` or `±HH:MM`
//! within ±14:00 (the widest offset in use on Earth); a date is `YYYY-MM-DD`. Years run from
//! [`FIRST_YEAR`] to 9999.

use super::Timestamp;
use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::{Deserialize, Deserializer};

/// The first year a record can carry: the Party was founded on 03/02/1930, so no cell's minutes
/// are older. A technical bound that catches a mistyped year (`0025`, `1900`), not a rule.
pub const FIRST_YEAR: i32 = 1930;

/// The last year a record can carry: times and dates are written with four-digit years.
pub const LAST_YEAR: i32 = 9999;

/// Why a text is not a time or date as commands write them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not {expected}: {problem}")]
pub struct BadTime {
    /// The text, shortened.
    pub text: String,
    /// What was expected.
    pub expected: &'static str,
    /// What is wrong.
    pub problem: &'static str,
}

const TIMESTAMP: &str = "a time written YYYY-MM-DDTHH:MM:SS+07:00 (RFC 3339)";
const DATE: &str = "a date written YYYY-MM-DD";

fn bad(text: &str, expected: &'static str, problem: &'static str) -> BadTime {
    let mut shown: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        shown.push('…');
    }
    BadTime {
        text: shown,
        expected,
        problem,
    }
}

/// The digits of `bytes[at..at + n]` as a number, if they are all ASCII digits.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = bytes.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn year_in_range(year: u32, text: &str, expected: &'static str) -> Result<(), BadTime> {
    if i64::from(year) < i64::from(FIRST_YEAR) {
        return Err(bad(text, expected, "the year is before 1930"));
    }
    Ok(())
}

/// Reads a date written `YYYY-MM-DD`, year from [`FIRST_YEAR`].
pub fn parse_date(text: &str) -> Result<NaiveDate, BadTime> {
    let b = text.as_bytes();
    let shape = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    let (Some(y), Some(m), Some(d), true) =
        (digits(b, 0, 4), digits(b, 5, 2), digits(b, 8, 2), shape)
    else {
        return Err(bad(text, DATE, "the layout is not YYYY-MM-DD"));
    };
    year_in_range(y, text, DATE)?;
    let year = i32::try_from(y).map_err(|_| bad(text, DATE, "the year is out of range"))?;
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| bad(text, DATE, "no such day"))
}

/// Reads a time in the strict RFC 3339 form described in this module.
pub fn parse_timestamp(text: &str) -> Result<Timestamp, BadTime> {
    let b = text.as_bytes();
    let layout = || {
        bad(
            text,
            TIMESTAMP,
            "the layout is not YYYY-MM-DDTHH:MM:SS+HH:MM",
        )
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if b.len() < 20 || separators.iter().any(|&(i, c)| b.get(i) != Some(&c)) {
        return Err(layout());
    }
    let fields = [(0, 4), (5, 2), (8, 2), (11, 2), (14, 2), (17, 2)].map(|(i, n)| digits(b, i, n));
    let [Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)] = fields
    else {
        return Err(layout());
    };
    year_in_range(year, text, TIMESTAMP)?;
    if hour > 23 || minute > 59 {
        return Err(bad(text, TIMESTAMP, "no such hour or minute"));
    }
    if second > 59 {
        return Err(bad(
            text,
            TIMESTAMP,
            "seconds run from 00 to 59 (no leap second)",
        ));
    }
    let mut at = 19;
    let mut nano = 0;
    if b.get(at) == Some(&b'.') {
        let fraction = b.get(at + 1..).map_or(0, |rest| {
            rest.iter().take_while(|c| c.is_ascii_digit()).count()
        });
        if !(1..=9).contains(&fraction) {
            return Err(bad(
                text,
                TIMESTAMP,
                "a fraction of a second has 1 to 9 digits",
            ));
        }
        // 1 to 9 digits, so the exponent is 0 to 8 and the value below 10^9.
        let scale = 10u32.pow(u32::try_from(9 - fraction).unwrap_or(0));
        nano = digits(b, at + 1, fraction).unwrap_or(0) * scale;
        at += 1 + fraction;
    }
    let offset = match b.get(at..) {
        Some(b"Z") => 0,
        Some(&[sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]) => {
            let zone = [h1, h2, m1, m2];
            let (Some(h), Some(m)) = (digits(&zone, 0, 2), digits(&zone, 2, 2)) else {
                return Err(layout());
            };
            if m > 59 || h * 60 + m > 14 * 60 {
                return Err(bad(text, TIMESTAMP, "the offset is beyond ±14:00"));
            }
            // At most 14 × 3600: fits.
            let seconds = i32::try_from(h * 3600 + m * 60).unwrap_or(0);
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => {
            return Err(bad(
                text,
                TIMESTAMP,
                "the time must end with its offset, `Z` or `±HH:MM` such as `+07:00`",
            ))
        }
    };
    // Built from the fields just read (chrono's RFC 3339 reader would read them all again).
    let no_such_day = || bad(text, TIMESTAMP, "no such day");
    let date = i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        .ok_or_else(no_such_day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or_else(no_such_day)?;
    FixedOffset::east_opt(offset)
        .and_then(|zone| zone.from_local_datetime(&date.and_time(time)).single())
        .ok_or_else(no_such_day)
}

/// `deserialize_with` for a command's time.
pub(crate) fn strict_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse_timestamp(&text).map_err(serde::de::Error::custom)
}

/// `deserialize_with` for a command's optional time (with `#[serde(default)]`).
pub(crate) fn strict_optional_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Timestamp>, D::Error> {
    let text = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
    text.map(|t| parse_timestamp(&t).map_err(serde::de::Error::custom))
        .transpose()
}

/// `deserialize_with` for a command's optional date (with `#[serde(default)]`).
pub(crate) fn strict_optional_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<NaiveDate>, D::Error> {
    let text = Option::<std::borrow::Cow<'de, str>>::deserialize(d)?;
    text.map(|t| parse_date(&t).map_err(serde::de::Error::custom))
        .transpose()
}

/// `deserialize_with` for a command's date.
pub(crate) fn strict_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse_date(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_strictly() {
        for good in [
            "2025-03-05T07:30:00+07:00",
            "2025-03-05T00:30:00Z",
            "2025-03-05T07:30:00.5+07:00",
            "2025-03-05T07:30:00.123456789-03:30",
            "1930-02-03T00:00:00+14:00",
        ] {
            assert!(parse_timestamp(good).is_ok(), "{good}");
        }
        for bad in [
            "2025-03-05 07:30:00+07:00",
            "2025-03-05t07:30:00+07:00",
            "2025-03-05T07:30:00z",
            "2025-03-05T07:30:00+0700",
            "2025-03-05T07:30:60+07:00",
            "2025-03-05T07:30:00+23:59",
            "2025-03-05T07:30:00+14:01",
            "2025-03-05T07:30:00",
            "2025-02-30T07:30:00+07:00",
            "1900-03-05T07:30:00+07:00",
            "0000-03-05T07:30:00+07:00",
            "+99999-03-05T07:30:00+07:00",
            "2025-03-05T07:30:00.+07:00",
            "2025-03-05T07:30:00.1234567890+07:00",
            "2025-03-05T24:00:00+07:00",
            "2025-03-05T07:30:00+07:00 ",
            "",
        ] {
            assert!(parse_timestamp(bad).is_err(), "{bad} was read");
        }
    }

    proptest::proptest! {
        /// Every time this reader accepts is the instant, at the offset, that chrono's RFC 3339
        /// reader makes of the same text (this reader builds it from the fields it has checked
        /// instead of reading them twice); it refuses only what chrono refuses or an offset
        /// beyond ±14:00.
        #[test]
        fn a_time_read_is_the_instant_chrono_reads(
            y in 1930..=9999u32, mo in 0..=13u32, d in 0..=32u32,
            h in 0..=23u32, mi in 0..=59u32, s in 0..=59u32,
            fraction in proptest::option::of("[0-9]{1,9}"),
            zone in proptest::option::of((proptest::bool::ANY, 0..=15u32, 0..=59u32)),
        ) {
            let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
            let (written, beyond) = match zone {
                None => ("Z".to_owned(), false),
                Some((minus, zh, zm)) => (
                    format!("{}{zh:02}:{zm:02}", if minus { '-' } else { '+' }),
                    zh * 60 + zm > 14 * 60,
                ),
            };
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}{written}");
            let chrono = chrono::DateTime::parse_from_rfc3339(&text);
            match (parse_timestamp(&text), chrono) {
                (Ok(ours), Ok(theirs)) => {
                    proptest::prop_assert_eq!(ours, theirs);
                    proptest::prop_assert_eq!(ours.offset(), theirs.offset());
                }
                (Ok(ours), Err(_)) => proptest::prop_assert!(false, "{} read as {}", text, ours),
                (Err(_), theirs) => proptest::prop_assert!(theirs.is_err() || beyond, "{} refused", text),
            }
        }
    }

    #[test]
    fn dates_are_read_strictly() {
        assert!(parse_date("2025-03-31").is_ok());
        for bad in [
            "2025-3-31",
            "2025-03-32",
            "1929-12-31",
            "+12025-03-01",
            "2025/03/31",
            "20250331",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} was read");
        }
    }
}
