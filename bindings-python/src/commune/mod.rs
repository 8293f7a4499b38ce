//! `chibo.Commune`: a commune and its journal, in memory or in a journal file. Every change is a
//! command checked by the core; the methods of this class only convert values and call it.
//!
//! Split by concern: this file holds the object, opening and saving, and commands given one at a
//! time (`execute`, `_act`); `batch.rs` batches (`execute_many`); `reports.rs` the reports and
//! record tables. The keyword method of
//! each command is generated in Python from the core's schema (`python/chibo/actions.py`).

mod batch;
mod reports;

use crate::backend::Backend;
use crate::convert;
use crate::depythonize;
use crate::error;
use chibo::error::InputError;
use chibo::Command;
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyString, PyType};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError, TryLockError};

/// A commune party organisation (Đảng bộ xã) and its journal (nhật ký).
///
/// `Commune()` starts an empty journal in memory; `Commune.load(text)` reads one; `Commune.open`,
/// `Commune.create` and `Commune.open_or_create` keep it in a locked journal file where every
/// accepted command is synced before the method returns. A refused command raises the
/// `chibo.ChiboError` of its kind and changes nothing.
///
/// One object may be shared between threads: calls take turns, and bulk work (loading, batches,
/// merges, reports) runs without the GIL.
#[pyclass(frozen, subclass, module = "chibo._chibo")]
pub struct Commune {
    inner: Mutex<Backend>,
    /// What opening a journal file found (torn tail, line feed added), for `opened`.
    opened: Mutex<Option<chibo_store::Opened>>,
}

impl Commune {
    fn wrap(backend: Backend) -> Self {
        Self {
            inner: Mutex::new(backend),
            opened: Mutex::new(None),
        }
    }

    /// A new object holding an opened journal file, warning (`JournalRecoveredWarning`) when
    /// opening saved and cut a torn tail or added a missing line feed.
    fn opened_file<'py>(
        cls: &Bound<'py, PyType>,
        file: chibo_store::JournalFile,
        opened: &chibo_store::Opened,
    ) -> PyResult<Bound<'py, PyAny>> {
        let object = Self::made(cls, Backend::File(file))?;
        *object
            .cast::<Self>()?
            .get()
            .opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(opened.clone());
        crate::journal::warn_recovered(cls.py(), opened)?;
        Ok(object)
    }

    /// Runs `f` on the journal: at once when it is free, else waiting without the GIL.
    fn with<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut Backend) -> R + Send) -> R {
        match self.inner.try_lock() {
            Ok(mut guard) => f(&mut guard),
            Err(TryLockError::Poisoned(poisoned)) => f(&mut poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => py.detach(|| f(&mut self.locked())),
        }
    }

    /// Runs bulk work `f` on the journal without the GIL, so other Python threads go on.
    fn detached<R: Send>(&self, py: Python<'_>, f: impl FnOnce(&mut Backend) -> R + Send) -> R {
        py.detach(|| f(&mut self.locked()))
    }

    /// A new object of `cls` (this class or a Python subclass) holding `backend`.
    fn made<'py>(cls: &Bound<'py, PyType>, backend: Backend) -> PyResult<Bound<'py, PyAny>> {
        let object = cls.call0()?;
        *object.cast::<Self>()?.get().locked() = backend;
        Ok(object)
    }

    fn locked(&self) -> MutexGuard<'_, Backend> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Copies of the journal lines at these positions (a commune in memory keeps every line it
    /// wrote, and never drops one), for a batch's outcome.
    pub(crate) fn kept_lines(
        &self,
        py: Python<'_>,
        positions: impl Iterator<Item = usize> + Send,
    ) -> PyResult<Vec<String>> {
        self.with(py, |backend| backend.kept_lines(positions))
            .ok_or_else(|| {
                pyo3::exceptions::PyRuntimeError::new_err(
                    "the commune no longer holds the lines of this batch",
                )
            })
    }

    fn keep(&self, py: Python<'_>, command: Command) -> PyResult<u64> {
        self.with(py, |backend| backend.execute(command))
            .map_err(|e| error::store(&e))
    }
}

/// Reads a command from a `dict` (the JSON shape of docs/json.md) or from its JSON text.
pub(crate) fn command_of(value: &Bound<'_, PyAny>) -> Result<Command, depythonize::Error> {
    match value.cast::<PyString>() {
        Ok(text) => {
            Command::from_json(&depythonize::text(text)?).map_err(depythonize::Error::Refused)
        }
        Err(_) => depythonize::command(value),
    }
}

#[pymethods]
impl Commune {
    /// An empty commune in memory: its first command must be `establish_commune`.
    #[new]
    fn new() -> Self {
        Self::wrap(Backend::memory())
    }

    /// Loads a journal (JSON Lines, as `str` or `bytes`) into memory: decodes each record,
    /// verifies the hash chain and replays every event through the rules. Raises `JournalError`
    /// naming the first bad line (CR LF line endings and a byte-order mark included: see
    /// `chibo.repair`).
    #[classmethod]
    fn load<'py>(
        cls: &Bound<'py, PyType>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let bytes = convert::journal_bytes(text)?;
        let backend = py
            .detach(|| Backend::load(&bytes))
            .map_err(|e| error::refusal(&e))?;
        Self::made(cls, backend)
    }

    /// Opens an existing journal file of the default store: locks it, verifies and replays it.
    /// Nothing that might be a record is lost: a whole last record without its line feed is
    /// kept (the line feed added); a torn last line (a write interrupted by a crash) is saved to
    /// `<journal>.torn-<line>` and cut. Either is reported in `opened` and by a
    /// `chibo.JournalRecoveredWarning`. Raises `StoreError` (`store.locked`, `store.io`…) or
    /// `JournalError` (the file is then unchanged).
    #[classmethod]
    fn open<'py>(cls: &Bound<'py, PyType>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let (file, opened) = py
            .detach(|| chibo_store::JournalFile::open(&path))
            .map_err(|e| error::store(&e))?;
        Self::opened_file(cls, file, &opened)
    }

    /// Creates a new, empty journal file and locks it (`store.exists` if a file is there).
    #[classmethod]
    fn create<'py>(cls: &Bound<'py, PyType>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let file = py
            .detach(|| chibo_store::JournalFile::create(&path))
            .map_err(|e| error::store(&e))?;
        Self::made(cls, Backend::File(file))
    }

    /// Opens the journal file if it exists, or creates it.
    #[classmethod]
    fn open_or_create<'py>(cls: &Bound<'py, PyType>, path: PathBuf) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let (file, opened) = py
            .detach(|| chibo_store::JournalFile::open_or_create(&path))
            .map_err(|e| error::store(&e))?;
        Self::opened_file(cls, file, &opened)
    }

    /// What opening the journal file found and did: `{"records", "head": [seq, hash], "torn":
    /// None or {"line", "offset", "bytes", "saved_to"}, "newline_added"}`; `None` in memory or for
    /// a created file.
    #[getter]
    fn opened<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &*self.opened.lock().unwrap_or_else(PoisonError::into_inner) {
            Some(opened) => convert::serialised(py, opened),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Executes one command given as its parts: the action's name, the actor, the time and the
    /// payload (`dict`). What the generated keyword methods call (`chibo/actions.py`), so that a
    /// command crosses into Rust without being wrapped in two more dicts first.
    fn _act(
        &self,
        py: Python<'_>,
        action: &str,
        actor: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        payload: &Bound<'_, PyAny>,
    ) -> PyResult<u64> {
        let command = depythonize::command_of_parts(action, actor, at, payload)
            .map_err(depythonize::Error::into_py)?;
        self.keep(py, command)
    }

    /// Executes one command: a `dict` in the JSON shape of docs/json.md, or its JSON text.
    /// Returns the sequence number of the record kept.
    fn execute(&self, py: Python<'_>, command: &Bound<'_, PyAny>) -> PyResult<u64> {
        let command = command_of(command).map_err(depythonize::Error::into_py)?;
        self.keep(py, command)
    }

    /// Executes one command signed by its actor: `signature` is `chibo.sign_command(secret,
    /// command)` (128 lowercase hex characters), or 64 raw bytes signed elsewhere over
    /// `chibo.signing_message(command)`. The record carries the signature, which must verify
    /// against the key the actor has at the command's date (`journal.signature_invalid`
    /// otherwise). Returns the sequence number of the record kept (in a journal file, synced).
    fn execute_signed(
        &self,
        py: Python<'_>,
        command: &Bound<'_, PyAny>,
        signature: &Bound<'_, PyAny>,
    ) -> PyResult<u64> {
        let command = command_of(command).map_err(depythonize::Error::into_py)?;
        let signature = crate::signing::signature_of(signature)?;
        self.with(py, |backend| backend.execute_signed(&command, &signature))
            .map_err(|e| error::store(&e))
    }

    /// Merges a device's journal that forked from this one (offline work brought back): each
    /// later device record is checked again on top of this journal; those that hold are kept.
    /// Returns `{"fork", "appended": [{"device_seq", "seq"}], "conflicts": [{"device_seq",
    /// "action", "event", "reason"}], "already_merged"}`.
    fn merge<'py>(
        &self,
        py: Python<'py>,
        device: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let device = convert::journal_bytes(device)?;
        let merge = self
            .detached(py, |backend| backend.merge(&device))
            .map_err(|e| error::store(&e))?;
        convert::serialised(py, &merge)
    }

    /// The journal as text: JSON Lines, one record a line.
    fn journal_text(&self, py: Python<'_>) -> PyResult<String> {
        self.detached(py, |backend| backend.text())
            .map_err(|e| error::store(&e))
    }

    /// Writes the journal to a new file and syncs it (`store.exists` if a file is there).
    /// `Commune.open(path)` goes on from it.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.detached(py, |backend| backend.save(&path))
            .map_err(|e| error::store(&e))
    }

    /// Releases a journal file's lock; later calls raise `StoreError`. Nothing to do in memory.
    fn close(&self, py: Python<'_>) {
        self.with(py, Backend::close);
    }

    /// The journal file's path, or `None` in memory.
    #[getter]
    fn path(&self, py: Python<'_>) -> Option<PathBuf> {
        self.with(py, |backend| backend.path().map(PathBuf::from))
    }

    /// Where the journal ends, its seal: `(last sequence number, last hash as hex)`.
    #[getter]
    fn head(&self, py: Python<'_>) -> PyResult<(u64, String)> {
        self.with(py, |backend| {
            backend.journal().map(|journal| {
                let head = journal.head();
                (head.seq, head.hash.to_hex())
            })
        })
        .map_err(|e| error::store(&e))
    }

    /// How the journal stands with signatures (docs/journal.md, *Signatures*): `signed` and
    /// `unsigned` record counts, `required_from` (the first day the commune's rules require
    /// signatures, or `None`) and `last_signed_seal` (its record number, or `None`).
    #[getter]
    fn signing<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let signing = self
            .with(py, |backend| backend.journal().map(chibo::Journal::signing))
            .map_err(|e| error::store(&e))?;
        let value =
            serde_json::to_value(signing).map_err(|e| error::refusal(&InputError::malformed(e)))?;
        convert::to_py(py, &value)
    }

    /// How many records the journal holds.
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.with(py, |backend| backend.journal().map(|j| j.len()))
            .map_err(|e| error::store(&e))
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// The whole state as canonical JSON text (maps in id order): two communes with the same
    /// history give the same text.
    fn state_json(&self, py: Python<'_>) -> PyResult<String> {
        self.detached(py, |backend| {
            let journal = backend.journal()?;
            serde_json::to_string(journal.commune())
                .map_err(|e| chibo_store::StoreError::Core(InputError::malformed(e)))
        })
        .map_err(|e| error::store(&e))
    }

    /// The summary of one record as scenario files check it: `kind` is one of `meetings`,
    /// `tasks`, `inspections`, `remediations`, `members`.
    fn summary<'py>(&self, py: Python<'py>, kind: &str, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let summary = self
            .with(py, |backend| {
                let summary = backend.journal()?.commune().summary(kind, id)?;
                serde_json::to_value(summary)
                    .map_err(|e| chibo_store::StoreError::Core(InputError::malformed(e)))
            })
            .map_err(|e| error::store(&e))?;
        convert::to_py(py, &summary)
    }

    /// What this commune hands over when it is merged into another: its cells with their
    /// members and leadership, and the end of this journal; pass it in `absorbed` of the other
    /// commune's `merge_communes`.
    fn handover<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let handover = self
            .with(py, |backend| {
                serde_json::to_value(backend.journal()?.handover())
                    .map_err(|e| chibo_store::StoreError::Core(InputError::malformed(e)))
            })
            .map_err(|e| error::store(&e))?;
        convert::to_py(py, &handover)
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __exit__(
        &self,
        py: Python<'_>,
        _kind: Option<&Bound<'_, PyAny>>,
        _value: Option<&Bound<'_, PyAny>>,
        _traceback: Option<&Bound<'_, PyAny>>,
    ) -> bool {
        self.close(py);
        false
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        self.with(py, |backend| match (backend.path(), backend.journal()) {
            (_, Err(_)) => "<chibo.Commune closed>".to_owned(),
            (None, Ok(j)) => format!("<chibo.Commune in memory, {} records>", j.len()),
            (Some(p), Ok(j)) => format!("<chibo.Commune {}, {} records>", p.display(), j.len()),
        })
    }
}
