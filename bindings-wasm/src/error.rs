//! Refusals as JavaScript `Error` objects.
//!
//! Every refusal of the core arrives as an `Error` whose `name` is its concern (`VoteError`,
//! `PermissionError`, `InputError`…, from the core's `kind`), with `code` (stable, e.g.
//! `vote.not_eligible`), `kind`, `messageVi`, `messageEn` and the structured `fields`, so a page can
//! catch a failed vote specifically and show the Vietnamese message. `message` is the English one.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The `name` of the JavaScript error for a concern (`vote` → `VoteError`).
pub fn error_name(kind: &str) -> String {
    let mut chars = kind.chars();
    match chars.next() {
        Some(first) => format!("{}{}Error", first.to_uppercase(), chars.as_str()),
        None => "ChiboError".to_owned(),
    }
}

/// The core's refusal as a JavaScript `Error` with `name`, `code`, `kind`, `messageVi`,
/// `messageEn` and `fields`.
pub fn to_js_error(error: &chibo::Error) -> JsValue {
    let kind = serde_json::to_value(error.kind())
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let js = js_sys::Error::new(&error.message_en());
    js.set_name(&error_name(&kind));
    let fields = serde_json::to_string(&error.fields())
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or_else(|| js_sys::Object::new().into());
    let properties: [(&str, JsValue); 5] = [
        ("code", error.code().into()),
        ("kind", kind.into()),
        ("messageVi", error.message_vi().into()),
        ("messageEn", error.message_en().into()),
        ("fields", fields),
    ];
    for (key, value) in properties {
        // Setting a property on a fresh Error object cannot fail (it is not frozen).
        let _ = Reflect::set(&js, &key.into(), &value);
    }
    js.into()
}

/// The core's result with its refusal as a JavaScript error.
pub fn js_result<T>(result: Result<T, chibo::Error>) -> Result<T, JsValue> {
    result.map_err(|e| to_js_error(&e))
}
