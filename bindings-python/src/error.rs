//! Refusals as Python exceptions: the core's (and the file store's) refusal keeps its stable code,
//! both messages and its structured fields, and is raised as the `chibo.errors` class of its kind
//! (`chibo.errors.from_core` picks it; the classes are made in Python from the core's kinds, which
//! the native module exports as `ERROR_KINDS`).

use crate::convert;
use chibo::Refusal;
use chibo_store::StoreError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyAny;

static FROM_CORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The parts of a refusal, as `chibo.errors.from_core` takes them.
struct Parts {
    code: &'static str,
    kind: &'static str,
    message_vi: String,
    message_en: String,
    fields: serde_json::Value,
}

/// A refusal of the core as the Python exception of its kind.
pub fn refusal(error: &chibo::Error) -> PyErr {
    raise(Parts {
        code: error.code(),
        kind: error.kind().name(),
        message_vi: error.message_vi(),
        message_en: error.message_en(),
        fields: serde_json::to_value(error.fields()).unwrap_or_default(),
    })
}

/// A refusal of the file store (`store.*`, or the core's own) as a Python exception.
pub fn store(error: &StoreError) -> PyErr {
    match error {
        StoreError::Core(core) => refusal(core),
        other => raise(Parts {
            code: other.code(),
            kind: "store",
            message_vi: other.message_vi(),
            message_en: other.message_en(),
            fields: serde_json::to_value(other).unwrap_or_default(),
        }),
    }
}

/// `input.malformed` (an `InputError`) for a value the binding itself reads (a secret key, a
/// signature), saying in both languages what to give; `field` names the argument.
pub fn input(field: &str, message_vi: &str, message_en: &str) -> PyErr {
    raise(Parts {
        code: "input.malformed",
        kind: "input",
        message_vi: message_vi.to_owned(),
        message_en: message_en.to_owned(),
        fields: serde_json::json!({"field": field, "detail": message_en}),
    })
}

fn raise(parts: Parts) -> PyErr {
    Python::attach(|py| match build(py, &parts) {
        Ok(exception) => PyErr::from_value(exception),
        // The `chibo` package is missing (the native module imported on its own): the refusal
        // still arrives, as a ValueError naming its code.
        Err(_) => PyValueError::new_err(format!("{}: {}", parts.code, parts.message_en)),
    })
}

fn build<'py>(py: Python<'py>, parts: &Parts) -> PyResult<Bound<'py, PyAny>> {
    let from_core = FROM_CORE.import(py, "chibo.errors", "from_core")?;
    from_core.call1((
        parts.code,
        parts.kind,
        parts.message_vi.as_str(),
        parts.message_en.as_str(),
        convert::to_py(py, &parts.fields)?,
    ))
}
