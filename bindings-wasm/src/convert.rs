//! Values across the border: JavaScript values to the core's JSON and back, and `Date`s.
//!
//! Commands, queries, summaries and reports cross as the plain JSON of docs/json.md, the same in
//! every language. A command or query given as an object is written as JSON text in one
//! `JSON.stringify` (`json_text.js`), where a `Date` becomes an RFC 3339 timestamp at Vietnam's
//! offset, +07:00 (the country has one time zone and no daylight saving), so the month and the
//! day the core reads are the ones a secretary in the commune sees.

use chibo::error::InputError;
use js_sys::{Date, JSON};
use serde_json::Value;
use wasm_bindgen::{prelude::*, JsCast};

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(module = "/src/json_text.js")]
extern "C" {
    /// The JSON text of a value, Dates at +07:00; throws a `TypeError` for what JSON cannot hold.
    #[wasm_bindgen(js_name = jsonText, catch)]
    fn json_text(value: &JsValue) -> Result<JsValue, JsValue>;

    /// A `Date` as an RFC 3339 timestamp at +07:00; throws a `TypeError` for an invalid Date.
    #[wasm_bindgen(js_name = vietnamTime, catch)]
    fn vietnam_time(date: &Date) -> Result<JsValue, JsValue>;
}

/// What a JavaScript exception says, for `input.malformed`'s detail.
fn detail_of(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "the value cannot be read as JSON".to_owned())
}

/// A command or query (a plain object, or its JSON text) as JSON text for the core.
pub fn input_text(value: &JsValue) -> Result<String, chibo::Error> {
    json_text(value)
        .map_err(|thrown| InputError::malformed(detail_of(&thrown)))?
        .as_string()
        .ok_or_else(|| InputError::malformed("no value was given"))
}

/// A command or query (a plain object, or its JSON text) as a JSON value.
pub fn to_json(value: &JsValue) -> Result<Value, chibo::Error> {
    serde_json::from_str(&input_text(value)?).map_err(|e| InputError::malformed(e.to_string()))
}

/// A day (`YYYY-MM-DD`) given as a `Date` (its day at +07:00) or as text (kept as written).
pub fn day_of(value: &JsValue) -> Result<String, chibo::Error> {
    if let Some(date) = value.dyn_ref::<Date>() {
        let stamp = vietnam_time(date)
            .map_err(|thrown| InputError::malformed(detail_of(&thrown)))?
            .as_string()
            .unwrap_or_default();
        return Ok(stamp.chars().take(10).collect());
    }
    value
        .as_string()
        .ok_or_else(|| InputError::malformed("a day must be a Date or a YYYY-MM-DD string"))
}

/// The core's timestamp as a JavaScript `Date` (the same instant).
pub fn date_of(at: &chibo::time::Timestamp) -> Date {
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 stay below 2^53
    let millis = at.timestamp_millis() as f64;
    Date::new(&JsValue::from_f64(millis))
}

/// A serialisable value of the core as a plain JavaScript object (through JSON text, so maps
/// become objects and the keys are the documented JSON names).
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| crate::error::to_js_error(&InputError::malformed(e.to_string())))?;
    JSON::parse(&text)
}
