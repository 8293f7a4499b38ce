//! Refusals as JavaScript `Error` objects.
//!
//! Every refusal of the core arrives as an `Error` whose `name` is its concern's (`VoteError`,
//! `PermissionError`, `InputError`…: the core's `ErrorKind::type_name`), with `code` (stable, e.g.
//! `vote.not_eligible`), `kind`, `messageVi`, `messageEn` and the structured `fields`, so a page can
//! catch a failed vote specifically and show the Vietnamese message. `message` is the English one.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

/// The core's refusal as a JavaScript `Error` with `name`, `code`, `kind`, `messageVi`,
/// `messageEn` and `fields`.
pub fn to_js_error(error: &chibo::Error) -> JsValue {
    let kind = error.kind();
    let js = js_sys::Error::new(&error.message_en());
    js.set_name(kind.type_name());
    let fields = serde_json::to_string(&error.fields())
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or_else(|| js_sys::Object::new().into());
    let properties: [(&str, JsValue); 5] = [
        ("code", error.code().into()),
        ("kind", kind.name().into()),
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

/// One kind of refusal as `errorKinds()` lists it.
#[derive(serde::Serialize)]
struct KindInfo {
    /// The kind, as in a refusal's `kind` and its codes' prefix: `vote`.
    kind: &'static str,
    /// The `name` of its errors: `VoteError`.
    name: &'static str,
    /// What it means, in a sentence.
    doc: &'static str,
    /// The rules of the meeting it guards (`R-34, R-36`), or `null`.
    rules: Option<&'static str>,
    /// Its codes, in the order declared, each once.
    codes: Vec<&'static str>,
}

/// Every kind of refusal of the core, in order, with the `name` its errors carry and its codes:
/// what a page iterates to handle each kind (the core's `ErrorKind::ALL`).
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = errorKinds, unchecked_return_type = "ErrorKindInfo[]")]
pub fn error_kinds() -> Result<JsValue, JsValue> {
    let kinds: Vec<KindInfo> = chibo::ErrorKind::ALL
        .iter()
        .map(|kind| {
            let mut codes: Vec<&'static str> = Vec::new();
            for refusal in kind.refusals() {
                if !codes.contains(&refusal.code) {
                    codes.push(refusal.code);
                }
            }
            KindInfo {
                kind: kind.name(),
                name: kind.type_name(),
                doc: kind.doc(),
                rules: kind.rules(),
                codes,
            }
        })
        .collect();
    crate::convert::to_js(&kinds)
}
