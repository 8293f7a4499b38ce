//! Checking a journal's text without replaying it: the hash chain and the seal.

use crate::convert::to_js;
use crate::error::js_result;
use chibo::journal::Head;
use wasm_bindgen::prelude::*;

/// Checks a journal's hash chain (every line's encoding, sequence number and hash) and returns
/// where it ends, `{seq, hash}`. Throws a `JournalError` naming the first bad line. A downloaded
/// journal passes this and `Commune.load`.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(unchecked_return_type = "Head")]
pub fn verify(text: &str) -> Result<JsValue, JsValue> {
    to_js(&js_result(chibo::journal::verify(text))?)
}

/// [`verify`], and checks that the journal ends at `seal` (a `Head` handed over with it): a
/// record removed from or added to the end is a `journal.head_mismatch`.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = verifySealed, unchecked_return_type = "Head")]
pub fn verify_sealed(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Head")] seal: JsValue,
) -> Result<JsValue, JsValue> {
    let seal: Head = js_result(crate::convert::to_json(&seal).and_then(|v| {
        serde_json::from_value(v).map_err(|e| chibo::error::InputError::malformed(e.to_string()))
    }))?;
    to_js(&js_result(chibo::journal::verify_sealed(text, &seal))?)
}

/// Rewrites a journal saved with CR LF or CR line endings, or a byte-order mark, in the journal's
/// own form, after checking every record's hash; returns the text. Throws a `JournalError` naming
/// the first record that does not verify.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen]
pub fn repair(text: &str) -> Result<String, JsValue> {
    js_result(chibo::journal::repair(text.as_bytes())).map(|(text, _)| text)
}

/// Every refusal code the core can give (`vote.not_eligible`, `permission.denied`…), sorted.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> Vec<String> {
    chibo::error::CODES
        .iter()
        .map(|c| (*c).to_owned())
        .collect()
}
