//! Values at the border: Python objects to the core's JSON and back.
//!
//! Into the core: `dict` (string keys), `list`/`tuple`, `str`, `int`, `float`, `bool`, `None`,
//! `datetime.datetime` (with its offset: a naive one is refused), `datetime.date` (`YYYY-MM-DD`)
//! and any `enum.Enum` (its value). Anything else is the refusal `input.malformed`, never a crash.
//! Out of the core: JSON objects, arrays and scalars become `dict`, `list`, `str`, `int`, `float`,
//! `bool` and `None`; the `chibo` package turns dates and enums into Python's own types.

use chibo::error::InputError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

/// How deep nested lists and dicts may go (a command is a few levels deep): deeper input is
/// refused instead of exhausting the stack.
pub(crate) const MAX_DEPTH: usize = 64;

static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ENUM: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A Python `str` as Rust text. A lone surrogate (half of a UTF-16 pair, which Python allows in a
/// `str` but no text file can hold) is the refusal `input.malformed`, naming it.
pub fn text_of<'a>(text: &'a Bound<'_, PyString>) -> PyResult<std::borrow::Cow<'a, str>> {
    text.to_cow()
        .map_err(|_| crate::error::refusal(&lone_surrogate(text)))
}

/// The refusal of a `str` holding a lone surrogate, naming where it is.
pub fn lone_surrogate(text: &Bound<'_, PyString>) -> chibo::Error {
    let surrogate = text
        .to_string_lossy()
        .chars()
        .position(|c| c == char::REPLACEMENT_CHARACTER)
        .map_or_else(String::new, |i| format!(" at position {}", i + 1));
    InputError::malformed(format!(
        "a text holds a lone surrogate{surrogate} (half of a UTF-16 pair), which is not a character: correct the text"
    ))
}

/// A journal's content given as `str` or `bytes` (a file read in binary), as bytes.
pub fn journal_bytes<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(match text_of(text)? {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
        });
    }
    if let Ok(bytes) = value.cast::<pyo3::types::PyBytes>() {
        return Ok(std::borrow::Cow::Borrowed(bytes.as_bytes()));
    }
    let kind = value.get_type().name()?;
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "a journal is given as str or bytes, not {kind}"
    )))
}

/// A Python value as JSON, for the core to read.
pub fn to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_json_at(value, 0)
}

fn to_json_at(value: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(crate::error::refusal(&InputError::malformed(format!(
            "the value is nested more than {MAX_DEPTH} levels deep"
        ))));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text_of(text)?.into_owned()));
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if let Ok(int) = value.cast::<PyInt>() {
        return int_to_json(int);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| {
                crate::error::refusal(&InputError::malformed("a number is not finite"))
            });
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let key = key.cast::<PyString>().map_err(|_| {
                crate::error::refusal(&InputError::malformed("a dict key is not a string"))
            })?;
            map.insert(text_of(key)?.into_owned(), to_json_at(&item, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = value.cast::<PyList>() {
        return list
            .iter()
            .map(|item| to_json_at(&item, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    if let Ok(tuple) = value.cast::<PyTuple>() {
        return tuple
            .iter()
            .map(|item| to_json_at(&item, depth + 1))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array);
    }
    other_to_json(value, depth)
}

fn int_to_json(int: &Bound<'_, PyInt>) -> PyResult<Value> {
    if let Ok(n) = int.extract::<i64>() {
        return Ok(Value::Number(n.into()));
    }
    if let Ok(n) = int.extract::<u64>() {
        return Ok(Value::Number(n.into()));
    }
    Err(crate::error::refusal(&InputError::malformed(
        "an integer is too large for the journal",
    )))
}

/// What a value of a rarer type stands for.
pub enum Other<'py> {
    /// A `datetime` (with its offset) or a `date`, as ISO 8601 text.
    Text(String),
    /// An enum member: its value.
    Value(Bound<'py, PyAny>),
    /// A type chibo does not read: the refusal naming it.
    Unsupported(chibo::Error),
}

/// Dates, times and enums (checked after the common types, as they are rarer). A naive
/// `datetime` is refused.
pub fn other<'py>(value: &Bound<'py, PyAny>) -> PyResult<Other<'py>> {
    let py = value.py();
    // `datetime` is a subclass of `date`: it is checked first.
    if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        if value.call_method0("utcoffset")?.is_none() {
            return Ok(Other::Unsupported(InputError::malformed(
                "a datetime has no time zone: give it one (e.g. tzinfo=timezone(timedelta(hours=7)))",
            )));
        }
        return Ok(Other::Text(
            value.call_method0("isoformat")?.extract::<String>()?,
        ));
    }
    if value.is_instance(DATE.import(py, "datetime", "date")?)? {
        return Ok(Other::Text(
            value.call_method0("isoformat")?.extract::<String>()?,
        ));
    }
    if value.is_instance(ENUM.import(py, "enum", "Enum")?)? {
        return Ok(Other::Value(value.getattr("value")?));
    }
    let kind = value.get_type().name()?;
    Ok(Other::Unsupported(InputError::malformed(format!(
        "a value of type {kind} cannot be sent to chibo"
    ))))
}

fn other_to_json(value: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    match other(value)? {
        Other::Text(text) => Ok(Value::String(text)),
        Other::Value(inner) => to_json_at(&inner, depth + 1),
        Other::Unsupported(refusal) => Err(crate::error::refusal(&refusal)),
    }
}

/// A JSON value as a Python object.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(n) => number_to_py(py, n)?,
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_py<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(i) = n.as_i64() {
        return Ok(i.into_pyobject(py)?.into_any());
    }
    if let Some(u) = n.as_u64() {
        return Ok(u.into_pyobject(py)?.into_any());
    }
    Ok(n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any())
}

/// Any serialisable core value as a Python object.
pub fn serialised<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| crate::error::refusal(&InputError::malformed(e)))?;
    to_py(py, &json)
}

/// A month argument: `"YYYY-MM"` as given, or the month of a `date` (not a `datetime`).
pub fn month<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    let is_date = value.is_instance(DATE.import(py, "datetime", "date")?)?
        && !value.is_instance(DATETIME.import(py, "datetime", "datetime")?)?;
    if is_date {
        return value.call_method1("strftime", ("%Y-%m",));
    }
    Ok(value.clone())
}
