//! The native module `chibo._chibo`: what it holds. The `chibo` package re-exports it.

use crate::{commune, journal, outcome, signing, views};
use pyo3::prelude::*;

/// chibo's core, compiled: the commune, its journal, its reports. Import `chibo`, not this.
#[pymodule]
fn _chibo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<commune::Commune>()?;
    m.add_class::<outcome::BatchOutcome>()?;
    m.add_function(wrap_pyfunction!(journal::verify, m)?)?;
    m.add_function(wrap_pyfunction!(journal::verify_file, m)?)?;
    m.add_function(wrap_pyfunction!(journal::repair, m)?)?;
    m.add_function(wrap_pyfunction!(journal::repair_file, m)?)?;
    m.add_function(wrap_pyfunction!(signing::generate_secret_key, m)?)?;
    m.add_function(wrap_pyfunction!(signing::public_key, m)?)?;
    m.add_function(wrap_pyfunction!(signing::sign_command, m)?)?;
    m.add_function(wrap_pyfunction!(signing::sign_key_proof, m)?)?;
    m.add_function(wrap_pyfunction!(signing::signing_message, m)?)?;
    m.add_function(wrap_pyfunction!(signing::verify_signed_seal, m)?)?;
    m.add_function(wrap_pyfunction!(signing::create_key_file, m)?)?;
    m.add_function(wrap_pyfunction!(signing::write_key_file, m)?)?;
    m.add_function(wrap_pyfunction!(signing::read_key_file, m)?)?;
    m.add("CODES", chibo::error::CODES.to_vec())?;
    m.add("STORE_CODES", chibo_store::STORE_CODES.to_vec())?;
    m.add("ERROR_KINDS", error_kinds())?;
    m.add("SUMMARY_KINDS", chibo::Commune::SUMMARY_KINDS.to_vec())?;
    m.add("RECORD_KINDS", views::RECORD_KINDS.to_vec())?;
    m.add(
        "TABLE_SCHEMAS",
        crate::convert::to_py(
            m.py(),
            &serde_json::to_value(chibo::report::table::SCHEMAS)
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?,
        )?,
    )?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// A kind of refusal as `(name, type_name, doc, rules)`:
/// `("vote", "VoteError", "The vote cannot be counted as given .", "R-34, R-36")`.
type KindRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// The core's kinds of refusal, in order; `chibo.errors` makes its exception classes from them.
fn error_kinds() -> Vec<KindRow> {
    chibo::ErrorKind::ALL
        .iter()
        .map(|k| (k.name(), k.type_name(), k.doc(), k.rules()))
        .collect()
}
