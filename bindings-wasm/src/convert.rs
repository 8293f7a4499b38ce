//! Values across the border: JavaScript values to the core's JSON and back, and `Date`s.
//!
//! Commands, queries, summaries and reports cross as the plain JSON of docs/json.md, the same in
//! every language. A JavaScript `Date` anywhere in a command or query is written as an RFC 3339
//! timestamp at Vietnam's offset, +07:00 (the country has one time zone and no daylight saving),
//! so the month and the day the core reads are the ones a secretary in the commune sees.

use chibo::error::InputError;
use chrono::{DateTime, FixedOffset, SecondsFormat};
use js_sys::{Array, Date, Object, JSON};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Vietnam's offset from UTC, in seconds (Indochina Time, UTC+7, no daylight saving).
pub const VIETNAM_OFFSET_SECONDS: i32 = 7 * 3600;

/// How deep a command may nest before it is refused (the deepest command is far shallower).
const MAX_DEPTH: usize = 64;

/// The refusal every unreadable input gets: the core's `input.malformed` with `detail`.
pub fn malformed(detail: impl Into<String>) -> chibo::Error {
    InputError::Malformed {
        detail: detail.into(),
    }
    .into()
}

/// A JavaScript value as JSON: objects, arrays, strings, finite numbers, booleans and `null`;
/// a `Date` becomes an RFC 3339 timestamp at +07:00. Anything else (a function, a symbol, a
/// bigint, `NaN`, an invalid `Date`, a cycle) is refused as `input.malformed`.
pub fn to_json(value: &JsValue) -> Result<Value, chibo::Error> {
    to_json_at(value, 0)
}

fn to_json_at(value: &JsValue, depth: usize) -> Result<Value, chibo::Error> {
    if depth > MAX_DEPTH {
        return Err(malformed(format!("nested deeper than {MAX_DEPTH} levels")));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(number) = value.as_f64() {
        return number_to_json(number);
    }
    if let Some(date) = value.dyn_ref::<Date>() {
        return Ok(Value::String(timestamp_of(date)?));
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        return array
            .iter()
            .map(|item| to_json_at(&item, depth + 1))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array);
    }
    if value.is_object() && !value.is_function() {
        let mut map = Map::new();
        for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
            let pair: Array = entry.unchecked_into();
            let key = pair
                .get(0)
                .as_string()
                .ok_or_else(|| malformed("an object key is not a string"))?;
            let item = pair.get(1);
            if item.is_undefined() {
                continue; // as JSON.stringify does: an absent optional field
            }
            map.insert(key, to_json_at(&item, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    Err(malformed(format!(
        "a value of type {} cannot be read as JSON",
        value.js_typeof().as_string().unwrap_or_default()
    )))
}

/// A finite number as JSON: an integer when it is one, else a float.
fn number_to_json(number: f64) -> Result<Value, chibo::Error> {
    if !number.is_finite() {
        return Err(malformed(format!("the number {number} is not finite")));
    }
    // Integers up to 2^53 are exact in a double; they are written as integers, as the core's
    // counts and years are.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if number.fract() == 0.0 && number.abs() <= EXACT {
        #[allow(clippy::cast_possible_truncation)] // integral and within ±2^53, checked above
        let integer = number as i64;
        return Ok(Value::Number(Number::from(integer)));
    }
    Number::from_f64(number)
        .map(Value::Number)
        .ok_or_else(|| malformed(format!("the number {number} cannot be written as JSON")))
}

/// A `Date` as the core's timestamp, at +07:00.
pub fn datetime_of(date: &Date) -> Result<DateTime<FixedOffset>, chibo::Error> {
    let millis = date.get_time();
    if !millis.is_finite() {
        return Err(malformed("an invalid Date"));
    }
    #[allow(clippy::cast_possible_truncation)] // a valid Date is within ±8.64e15 ms
    let utc = DateTime::from_timestamp_millis(millis as i64)
        .ok_or_else(|| malformed("a Date out of range"))?;
    let offset = FixedOffset::east_opt(VIETNAM_OFFSET_SECONDS)
        .ok_or_else(|| malformed("the +07:00 offset"))?;
    Ok(utc.with_timezone(&offset))
}

/// A `Date` as an RFC 3339 timestamp at +07:00 (seconds, or milliseconds when it has them).
pub fn timestamp_of(date: &Date) -> Result<String, chibo::Error> {
    Ok(datetime_of(date)?.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

/// A day (`YYYY-MM-DD`) given as a `Date` (its day at +07:00) or as text (kept as written).
pub fn day_of(value: &JsValue) -> Result<String, chibo::Error> {
    if let Some(date) = value.dyn_ref::<Date>() {
        return Ok(datetime_of(date)?.format("%Y-%m-%d").to_string());
    }
    value
        .as_string()
        .ok_or_else(|| malformed("a day must be a Date or a YYYY-MM-DD string"))
}

/// The core's timestamp as a JavaScript `Date` (the same instant).
pub fn date_of<Tz: chrono::TimeZone>(at: &DateTime<Tz>) -> Date {
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 stay below 2^53
    let millis = at.timestamp_millis() as f64;
    Date::new(&JsValue::from_f64(millis))
}

/// A serialisable value of the core as a plain JavaScript object (through JSON text, so maps
/// become objects and the keys are the documented JSON names).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| crate::error::to_js_error(&malformed(e.to_string())))?;
    JSON::parse(&text)
}

/// A command or query given as a JavaScript object or as its JSON text.
pub fn json_input(value: &JsValue) -> Result<Value, chibo::Error> {
    match value.as_string() {
        Some(text) => serde_json::from_str(&text).map_err(|e| malformed(e.to_string())),
        None => to_json(value),
    }
}
