//! A command's times written into its record: exactly the text chrono's `Serialize` writes
//! (`YYYY-MM-DDTHH:MM:SS`, a fraction only when there is one, in 3, 6 or 9 digits, then `Z` for
//! UTC or `±HH:MM`), but from a stack buffer instead of through `core::fmt`, which was a third of
//! the cost of writing an event (issue 20). A time this writer does not cover (a year outside
//! 0–9999, an offset with seconds, a leap second: none can come from a command, which
//! [`super::parse_timestamp`] reads) is handed to chrono, so the text is always chrono's.
//!
//! A task's deadline, a date, is written the same way (`YYYY-MM-DD`, chrono's for a year outside
//! 0–9999): a plan of a dozen tasks formatted a dozen dates through `core::fmt`.

use super::Timestamp;
use chrono::{Datelike, NaiveDate, Timelike};
use serde::{Serialize, Serializer};

/// The longest text: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+HH:MM`.
const LONGEST: usize = 35;

/// A time's text in a fixed buffer.
struct Text {
    bytes: [u8; LONGEST],
    len: usize,
}

impl Text {
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    /// `value`'s last `width` decimal digits, zero-padded.
    fn digits(&mut self, value: u32, width: u32) {
        for place in (0..width).rev() {
            let digit = value / 10u32.pow(place) % 10;
            self.push(b'0' + u8::try_from(digit).unwrap_or(0));
        }
    }

    fn as_str(&self) -> &str {
        let written = self.bytes.get(..self.len).unwrap_or_default();
        std::str::from_utf8(written).unwrap_or_default()
    }

    /// `YYYY-MM-DD`.
    fn date(year: u32, month: u32, day: u32) -> Self {
        let mut text = Self {
            bytes: [0; LONGEST],
            len: 0,
        };
        text.digits(year, 4);
        text.push(b'-');
        text.digits(month, 2);
        text.push(b'-');
        text.digits(day, 2);
        text
    }

    /// The text of `day`, or `None` where chrono's own writer must be used (a year outside
    /// 0–9999).
    fn of_date(day: &NaiveDate) -> Option<Self> {
        let year = u32::try_from(day.year()).ok().filter(|y| *y <= 9999)?;
        Some(Self::date(year, day.month(), day.day()))
    }

    /// The text of `at`, or `None` where chrono's own writer must be used.
    fn of(at: &Timestamp) -> Option<Self> {
        let local = at.naive_local();
        let offset = at.offset().local_minus_utc();
        let year = u32::try_from(local.year()).ok().filter(|y| *y <= 9999)?;
        let nano = local.nanosecond();
        if offset % 60 != 0 || nano >= 1_000_000_000 {
            return None;
        }
        let mut text = Self::date(year, local.month(), local.day());
        text.push(b'T');
        text.digits(local.hour(), 2);
        text.push(b':');
        text.digits(local.minute(), 2);
        text.push(b':');
        text.digits(local.second(), 2);
        if nano != 0 {
            text.push(b'.');
            if nano % 1_000_000 == 0 {
                text.digits(nano / 1_000_000, 3);
            } else if nano % 1_000 == 0 {
                text.digits(nano / 1_000, 6);
            } else {
                text.digits(nano, 9);
            }
        }
        if offset == 0 {
            text.push(b'Z');
        } else {
            text.push(if offset < 0 { b'-' } else { b'+' });
            let minutes = offset.unsigned_abs() / 60;
            text.digits(minutes / 60, 2);
            text.push(b':');
            text.digits(minutes % 60, 2);
        }
        Some(text)
    }
}

/// A value the journal writes by hand: a time, a date.
trait HandWritten: Serialize {
    /// Its text, or `None` where chrono's own writer must be used.
    fn text(&self) -> Option<Text>;
}

impl HandWritten for Timestamp {
    fn text(&self) -> Option<Text> {
        Text::of(self)
    }
}

impl HandWritten for NaiveDate {
    fn text(&self) -> Option<Text> {
        Text::of_date(self)
    }
}

/// A time or a date serialised as the journal writes it.
struct Written<'a, T>(&'a T);

impl<T: HandWritten> Serialize for Written<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // chrono writes the same text (tested below). A serializer that is not for people gets
        // chrono's, which hands it a `Display` rather than a string: the id walk
        // (`crate::ids::walk`, one of those) skips it without formatting the value.
        if !s.is_human_readable() {
            return self.0.serialize(s);
        }
        match self.0.text() {
            Some(text) => s.serialize_str(text.as_str()),
            None => self.0.serialize(s),
        }
    }
}

/// `serialize_with` for a command's time or date.
#[allow(private_bounds)] // the bound names the two kinds this module writes; callers need not
pub(crate) fn write<T: HandWritten, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    Written(value).serialize(s)
}

/// `serialize_with` for a command's optional time or date.
#[allow(clippy::ref_option, private_bounds)] // the signature serde's `serialize_with` calls
pub(crate) fn write_optional<T: HandWritten, S: Serializer>(
    value: &Option<T>,
    s: S,
) -> Result<S::Ok, S::Error> {
    value.as_ref().map(Written).serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate, TimeZone};
    use proptest::prelude::*;

    fn chrono_text(at: &Timestamp) -> String {
        serde_json::to_string(at).unwrap_or_default()
    }

    fn written(at: &Timestamp) -> String {
        serde_json::to_string(&Written(at)).unwrap_or_default()
    }

    fn at(
        (y, mo, d): (i32, u32, u32),
        (h, mi, s, nano): (u32, u32, u32, u32),
        offset: i32,
    ) -> Option<Timestamp> {
        let naive = NaiveDate::from_ymd_opt(y, mo, d)?.and_hms_nano_opt(h, mi, s, nano)?;
        FixedOffset::east_opt(offset)?
            .from_local_datetime(&naive)
            .single()
    }

    #[test]
    fn the_usual_times_are_written_as_chrono_writes_them() {
        let cases = [
            ((2025, 3, 5), (7, 30, 0, 0), 7 * 3600),
            ((2025, 12, 31), (23, 59, 59, 0), 0),
            ((1930, 2, 3), (0, 0, 0, 1), -(5 * 3600 + 30 * 60)),
            ((9999, 1, 1), (12, 0, 0, 120_000_000), 14 * 3600),
            ((2025, 6, 1), (8, 0, 0, 123_456_000), 7 * 3600),
            ((2025, 6, 1), (8, 0, 0, 123_456_789), 7 * 3600),
            // Outside what a command can carry: chrono's own text.
            ((12_000, 1, 1), (0, 0, 0, 0), 0),
            ((-5, 1, 1), (0, 0, 0, 0), 0),
            ((2016, 12, 31), (23, 59, 59, 1_500_000_000), 0),
            ((2025, 1, 1), (0, 0, 0, 0), 7 * 3600 + 1),
        ];
        for (date, time, offset) in cases {
            let at = at(date, time, offset);
            assert!(at.is_some(), "no such time: {date:?} {time:?} {offset}");
            if let Some(at) = at {
                assert_eq!(written(&at), chrono_text(&at), "{at:?}");
            }
        }
        let usual = at((2025, 3, 5), (7, 30, 0, 0), 7 * 3600);
        assert_eq!(
            usual.map(|at| written(&at)).as_deref(),
            Some("\"2025-03-05T07:30:00+07:00\"")
        );
    }

    #[test]
    fn an_optional_time_is_written_as_chrono_writes_it() {
        let at = at((2025, 3, 5), (7, 30, 0, 0), 7 * 3600);
        let mut ours = serde_json::Serializer::new(Vec::new());
        let mut none = serde_json::Serializer::new(Vec::new());
        assert!(write_optional(&at, &mut ours).is_ok());
        assert!(write_optional::<Timestamp, _>(&None, &mut none).is_ok());
        assert_eq!(
            String::from_utf8(ours.into_inner()).ok(),
            serde_json::to_string(&at).ok()
        );
        assert_eq!(
            String::from_utf8(none.into_inner()).ok().as_deref(),
            Some("null")
        );
    }

    proptest! {
        #[test]
        fn any_time_is_written_as_chrono_writes_it(
            y in 0..=10_500i32, mo in 1..=12u32, d in 1..=31u32,
            h in 0..=23u32, mi in 0..=59u32, s in 0..=59u32,
            nano in prop_oneof![Just(0u32), 0..1_000u32, (0..1_000u32).prop_map(|n| n * 1_000_000),
                                (0..1_000_000u32).prop_map(|n| n * 1_000), 0..2_000_000_000u32],
            offset in prop_oneof![Just(0i32), (-14 * 60..=14 * 60i32).prop_map(|m| m * 60),
                                  -86_399..=86_399i32],
        ) {
            if let Some(at) = at((y, mo, d), (h, mi, s, nano), offset) {
                prop_assert_eq!(written(&at), chrono_text(&at));
            }
        }

        #[test]
        fn any_date_is_written_as_chrono_writes_it(
            y in -500..=10_500i32, mo in 1..=12u32, d in 1..=31u32,
        ) {
            if let Some(day) = NaiveDate::from_ymd_opt(y, mo, d) {
                let ours = serde_json::to_string(&Written(&day)).unwrap_or_default();
                prop_assert_eq!(ours, serde_json::to_string(&day).unwrap_or_default());
                let some = serde_json::to_string(&Some(Written(&day))).unwrap_or_default();
                prop_assert_eq!(some, serde_json::to_string(&Some(day)).unwrap_or_default());
            }
        }
    }
}
