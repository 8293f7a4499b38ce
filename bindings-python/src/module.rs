//! The native module `chibo._chibo`: what it holds. The `chibo` package re-exports it.

use crate::{commune, journal, views};
use pyo3::prelude::*;

/// chibo's core, compiled: the commune, its journal, its reports. Import `chibo`, not this.
#[pymodule]
fn _chibo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<commune::Commune>()?;
    m.add_function(wrap_pyfunction!(journal::verify, m)?)?;
    m.add_function(wrap_pyfunction!(journal::verify_file, m)?)?;
    m.add_function(wrap_pyfunction!(journal::repair, m)?)?;
    m.add_function(wrap_pyfunction!(journal::repair_file, m)?)?;
    m.add("CODES", chibo::error::CODES.to_vec())?;
    m.add("STORE_CODES", chibo_store::STORE_CODES.to_vec())?;
    m.add("SUMMARY_KINDS", chibo::Commune::SUMMARY_KINDS.to_vec())?;
    m.add("RECORD_KINDS", views::RECORD_KINDS.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
