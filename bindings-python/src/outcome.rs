//! `chibo.BatchOutcome`: what `Commune.execute_many` did, command by command. It keeps the
//! core's results as they came (sequence numbers, journal lines, refusals) and makes Python
//! objects of them only when asked, once: a batch whose outcome is never read costs no object per
//! command.

use crate::commune::Commune;
use crate::error;
use pyo3::exceptions::PyIndexError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyAny, PyIterator, PyList, PyTuple, PyType};
use pyo3::PyTypeInfo;

static ACCEPTED: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static REFUSED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A command of a batch that was accepted and kept.
pub struct Accepted {
    /// Its position in the batch.
    pub index: usize,
    /// Its record's sequence number in the journal.
    pub seq: u64,
    /// Its record's journal line (without the newline).
    pub line: Line,
}

/// Where an accepted command's journal line is.
pub enum Line {
    /// Here (a journal file hands its written lines back).
    Owned(String),
    /// At this position in the lines a commune in memory keeps, copied only when read.
    Kept(usize),
}

/// The outcomes of a batch's commands, in the order they were tried.
#[derive(Default)]
pub struct Outcomes {
    /// The accepted commands, by increasing index.
    pub accepted: Vec<Accepted>,
    /// The refused commands' positions and refusals, by increasing index.
    pub refused: Vec<(usize, chibo::Error)>,
}

/// What `Commune.execute_many` did with each command it tried.
///
/// A sequence with one item per command tried, in batch order: `Accepted(index, seq, line)` or
/// `Refused(index, error)`; `accepted` and `refusals` hold each kind alone. Every command is
/// tried unless `stop_on_refusal=True`, which ends the batch at the first refusal. A refused
/// command changed nothing; its `error` is the `chibo.ChiboError` that `execute` would have raised,
/// with `error.index` set.
#[pyclass(frozen, sequence, module = "chibo._chibo")]
pub struct BatchOutcome {
    outcomes: Outcomes,
    /// The commune the batch ran on, whose lines `Line::Kept` points into.
    commune: Py<Commune>,
    accepted: PyOnceLock<Py<PyTuple>>,
    refusals: PyOnceLock<Py<PyTuple>>,
}

impl BatchOutcome {
    pub fn new(outcomes: Outcomes, commune: Py<Commune>) -> Self {
        Self {
            outcomes,
            commune,
            accepted: PyOnceLock::new(),
            refusals: PyOnceLock::new(),
        }
    }

    fn accepted_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        self.accepted
            .get_or_try_init(py, || {
                // `tuple.__new__(Accepted, (index, seq, line))`: what the named tuple's own
                // `__new__` does, without a Python frame per item.
                let class = ACCEPTED.import(py, "chibo.batch", "Accepted")?;
                let make = PyTuple::type_object(py).getattr(intern!(py, "__new__"))?;
                let accepted = &self.outcomes.accepted;
                let positions: Vec<usize> = accepted
                    .iter()
                    .filter_map(|a| match a.line {
                        Line::Kept(position) => Some(position),
                        Line::Owned(_) => None,
                    })
                    .collect();
                let kept = if positions.is_empty() {
                    Vec::new()
                } else {
                    self.commune.get().kept_lines(py, positions.into_iter())?
                };
                let mut kept = kept.iter();
                let items = accepted
                    .iter()
                    .map(|a| {
                        let line = match &a.line {
                            Line::Owned(line) => line.as_str(),
                            Line::Kept(_) => kept.next().map_or("", String::as_str),
                        };
                        make.call1((class, (a.index, a.seq, line)))
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyTuple::new(py, items)?.unbind())
            })
            .map(|tuple| tuple.bind(py))
    }

    fn refusals_tuple<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyTuple>> {
        self.refusals
            .get_or_try_init(py, || {
                let class = REFUSED.import(py, "chibo.batch", "Refused")?;
                let items = self
                    .outcomes
                    .refused
                    .iter()
                    .map(|(index, refusal)| {
                        let exception = error::refusal(refusal).into_value(py);
                        // A plain ValueError (the native module without the package) has no
                        // `index` to set; the Refused tuple still says which command it was.
                        let _ = exception.bind(py).setattr("index", *index);
                        class.call1((*index, exception))
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(PyTuple::new(py, items)?.unbind())
            })
            .map(|tuple| tuple.bind(py))
    }

    fn tried(&self) -> usize {
        self.outcomes.accepted.len() + self.outcomes.refused.len()
    }
}

#[pymethods]
impl BatchOutcome {
    /// The accepted commands, in batch order: `Accepted(index, seq, line)`.
    #[getter]
    fn accepted<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.accepted_tuple(py).cloned()
    }

    /// The refused commands, in batch order: `Refused(index, error)`.
    #[getter]
    fn refusals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.refusals_tuple(py).cloned()
    }

    /// Whether every command tried was accepted.
    #[getter]
    fn ok(&self) -> bool {
        self.outcomes.refused.is_empty()
    }

    /// Raises the first refusal (its `index` says which command), if any.
    fn raise_if_refused(&self, py: Python<'_>) -> PyResult<()> {
        match self.refusals_tuple(py)?.iter().next() {
            None => Ok(()),
            Some(first) => Err(PyErr::from_value(first.get_item(1)?)),
        }
    }

    /// How many commands were tried.
    fn __len__(&self) -> usize {
        self.tried()
    }

    /// The outcome of the command at `index` in the batch: `Accepted` or `Refused`.
    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
        let tried = self.tried();
        let position = if index < 0 {
            tried.checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs()).filter(|&i| i < tried)
        }
        .ok_or_else(|| PyIndexError::new_err("batch outcome index out of range"))?;
        let outcomes = &self.outcomes;
        match outcomes
            .accepted
            .binary_search_by_key(&position, |a| a.index)
        {
            Ok(k) => self.accepted_tuple(py)?.get_item(k),
            Err(_) => {
                let k = outcomes
                    .refused
                    .binary_search_by_key(&position, |(i, _)| *i)
                    .map_err(|_| PyIndexError::new_err("batch outcome index out of range"))?;
                self.refusals_tuple(py)?.get_item(k)
            }
        }
    }

    /// The outcomes in batch order.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let (accepted, refusals) = (self.accepted_tuple(py)?, self.refusals_tuple(py)?);
        let (mut a, mut r) = (accepted.iter().peekable(), refusals.iter().peekable());
        let mut ordered = Vec::with_capacity(self.tried());
        for (index, _) in &self.outcomes.refused {
            while a.peek().is_some() && ordered.len() < *index {
                ordered.extend(a.next());
            }
            ordered.extend(r.next());
        }
        ordered.extend(a);
        PyList::new(py, ordered)?.as_any().try_iter()
    }

    fn __repr__(&self) -> String {
        let accepted = self.outcomes.accepted.len();
        match self.outcomes.refused.first() {
            None => format!("<chibo.BatchOutcome {accepted} accepted, none refused>"),
            Some((index, refusal)) => format!(
                "<chibo.BatchOutcome {accepted} accepted, {} refused (first: command {index}, {})>",
                self.outcomes.refused.len(),
                refusal.code()
            ),
        }
    }
}
