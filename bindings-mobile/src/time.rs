//! Dates as each platform's own date types (uniffi custom types, carried as ISO 8601 text):
//!
//! | Rust (core)                    | here           | Kotlin                     | Swift    |
//! |--------------------------------|----------------|----------------------------|----------|
//! | `DateTime<FixedOffset>`        | [`Timestamp`]  | `java.time.OffsetDateTime` | `Date`   |
//! | `NaiveDate`                    | [`CalendarDate`] | `java.time.LocalDate`    | `String` |
//! | `chibo::time::YearMonth`       | [`YearMonth`]  | `java.time.YearMonth`      | `String` |
//!
//! The mapping on the foreign side is in `uniffi.toml`. Foundation has no date without a time,
//! so Swift keeps days (`2025-03-31`) and months (`2025-03`) as ISO text; text that is not a date
//! is refused as `input.malformed`.

use crate::error::{malformed, ChiboError};
use chrono::NaiveDate;

/// An instant with the offset it was recorded in (`2025-03-05T07:30:00+07:00`). The offset
/// matters: the core reads the local day and month from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub chibo::time::Timestamp);

/// A calendar day without a time (a task's deadline, a date of joining).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDate(pub NaiveDate);

/// A calendar month (tháng), `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonth(pub chibo::time::YearMonth);

uniffi::custom_type!(Timestamp, String, {
    lower: |t| t.0.to_rfc3339(),
    try_lift: |text| parse_timestamp(&text).map_err(Into::into),
});

uniffi::custom_type!(CalendarDate, String, {
    lower: |d| d.0.format("%Y-%m-%d").to_string(),
    try_lift: |text| parse_date(&text).map_err(Into::into),
});

uniffi::custom_type!(YearMonth, String, {
    lower: |m| m.0.to_string(),
    try_lift: |text| parse_month(&text).map_err(Into::into),
});

/// An RFC 3339 timestamp with its offset.
pub(crate) fn parse_timestamp(text: &str) -> Result<Timestamp, ChiboError> {
    chibo::time::Timestamp::parse_from_rfc3339(text)
        .map(Timestamp)
        .map_err(|e| malformed(format!("`{text}` is not an RFC 3339 timestamp: {e}")))
}

/// A `YYYY-MM-DD` day.
pub(crate) fn parse_date(text: &str) -> Result<CalendarDate, ChiboError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(CalendarDate)
        .map_err(|e| malformed(format!("`{text}` is not a date written YYYY-MM-DD: {e}")))
}

/// A `YYYY-MM` month.
pub(crate) fn parse_month(text: &str) -> Result<YearMonth, ChiboError> {
    text.parse::<chibo::time::YearMonth>()
        .map(YearMonth)
        .map_err(malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(result: Result<impl std::fmt::Debug, ChiboError>) -> String {
        match result {
            Err(ChiboError::Input { code, .. }) => code,
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn dates_read_back_as_written() {
        let t = parse_timestamp("2025-03-05T07:30:00+07:00").map(|t| t.0.to_rfc3339());
        assert_eq!(t.ok().as_deref(), Some("2025-03-05T07:30:00+07:00"));
        let d = parse_date("2025-03-31").map(|d| d.0.to_string());
        assert_eq!(d.ok().as_deref(), Some("2025-03-31"));
        let m = parse_month("2025-03").map(|m| m.0.to_string());
        assert_eq!(m.ok().as_deref(), Some("2025-03"));
    }

    #[test]
    fn text_that_is_not_a_date_is_input_malformed() {
        assert_eq!(
            code(parse_timestamp("2025-03-05T07:30:00")),
            "input.malformed"
        );
        assert_eq!(code(parse_date("2025-02-30")), "input.malformed");
        assert_eq!(code(parse_month("2025-13")), "input.malformed");
    }
}
