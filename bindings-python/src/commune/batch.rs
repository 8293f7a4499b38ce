//! `Commune.execute_many`: many commands in one call. Commands are read from the iterable a
//! chunk at a time (so the core starts on the first ones before the last are even read, and a
//! generator is never drawn into a list), each chunk runs in the core without the GIL, and every
//! command's outcome is kept: a refusal does not end the batch unless asked to.

use super::{command_of, Commune};
use crate::depythonize;
use crate::error;
use crate::outcome::{BatchOutcome, Outcomes};
use chibo::Command;
use pyo3::prelude::*;
use pyo3::types::PyAny;

/// Commands in the first chunk: small, so that the core starts at once.
const FIRST_CHUNK: usize = 32;
/// Chunks double up to this many commands (a journal file syncs once per chunk, so they grow).
const LARGEST_CHUNK: usize = 4096;

#[pymethods]
impl Commune {
    /// Executes many commands in order (each a `dict` in the JSON shape of docs/json.md, or its
    /// JSON text), reading the iterable a chunk at a time and running each chunk in the core
    /// without the GIL; a journal file syncs once per chunk. Every command is tried: a refused
    /// one changes nothing and the next is tried, unless `stop_on_refusal=True`, which ends the
    /// batch at the first refusal. Returns a `BatchOutcome` (per command: `Accepted(index, seq,
    /// line)` or `Refused(index, error)`); refusals are not raised (`outcome.raise_if_refused()`
    /// does). An exception that is not a refusal (raised by the iterable, or a `StoreError`)
    /// propagates; the commands before it are kept.
    #[pyo3(signature = (commands, *, stop_on_refusal=false))]
    fn execute_many(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        commands: &Bound<'_, PyAny>,
        stop_on_refusal: bool,
    ) -> PyResult<BatchOutcome> {
        let this = slf.get();
        let mut items = commands.try_iter()?;
        let mut outcomes = Outcomes::default();
        let mut indexes: Vec<usize> = Vec::with_capacity(FIRST_CHUNK);
        let mut chunk: Vec<Command> = Vec::with_capacity(FIRST_CHUNK);
        let mut size = FIRST_CHUNK;
        let mut read = 0;
        loop {
            indexes.clear();
            chunk.clear();
            // Why reading stopped before the chunk was full: the end, a command that is not
            // one (refused without running), or an exception to raise after the chunk runs.
            let mut end = false;
            let mut unreadable = None;
            let mut raised = None;
            while chunk.len() < size {
                let Some(item) = items.next() else {
                    end = true;
                    break;
                };
                let index = read;
                read += 1;
                match item
                    .map_err(depythonize::Error::Raised)
                    .and_then(|c| command_of(&c))
                {
                    Ok(command) => {
                        indexes.push(index);
                        chunk.push(command);
                    }
                    Err(depythonize::Error::Refused(refusal)) => {
                        unreadable = Some((index, refusal));
                        break;
                    }
                    Err(depythonize::Error::Raised(exception)) => {
                        raised = Some(exception);
                        break;
                    }
                }
            }
            if !chunk.is_empty() {
                this.detached(py, |backend| {
                    backend.execute_each(&indexes, &chunk, stop_on_refusal, &mut outcomes)
                })
                .map_err(|e| error::store(&e))?;
            }
            if let Some(exception) = raised {
                return Err(exception);
            }
            let stopped = stop_on_refusal && !outcomes.refused.is_empty();
            if let (Some(refusal), false) = (unreadable, stopped) {
                outcomes.refused.push(refusal);
            }
            if end || (stop_on_refusal && !outcomes.refused.is_empty()) {
                return Ok(BatchOutcome::new(outcomes, slf.clone().unbind()));
            }
            size = (size * 2).min(LARGEST_CHUNK);
        }
    }
}
