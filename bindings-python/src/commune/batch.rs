//! `Commune.execute_many`: many commands in one call. Commands are read from the iterable a
//! chunk at a time (so the core starts on the first ones before the last are even read, and a
//! generator is never drawn into a list), each chunk runs in the core without the GIL, and every
//! command's outcome is kept: a refusal does not end the batch unless asked to.
//!
//! A batch longer than a few chunks runs on two threads (unless it stops at its first refusal): this one reads the next chunk (with
//! the GIL: the commands are Python objects) while a second thread runs the previous one in the
//! core (without it), so that reading and checking overlap on two cores. The second thread takes
//! the commune's lock for one chunk at a time, so the iterable may itself look at the commune.

use super::{command_of, Commune};
use crate::backend::Backend;
use crate::depythonize;
use crate::error;
use crate::outcome::{BatchOutcome, Outcomes};
use chibo::Command;
use chibo_store::StoreError;
use pyo3::prelude::*;
use pyo3::types::{PyAny, PyIterator};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;

/// Commands in the first chunk: small, so that the core starts at once.
const FIRST_CHUNK: usize = 32;
/// Chunks double up to this many commands (a journal file syncs once per chunk, so they grow).
const LARGEST_CHUNK: usize = 4096;
/// Commands read before a batch goes on two threads (starting a thread costs tens of µs).
const PIPELINE_AFTER: usize = 200;

/// Commands read from the iterable, to run together.
#[derive(Default)]
struct Chunk {
    /// Each command's position in the batch.
    indexes: Vec<usize>,
    commands: Vec<Command>,
    /// A value after them that is not a command (refused without running), where reading stopped.
    unreadable: Option<(usize, chibo::Error)>,
}

/// Why reading a chunk stopped.
enum Ending {
    /// The chunk is full: there may be more.
    More,
    /// The iterable is exhausted.
    End,
    /// The iterable (or a value in it) raised: run what was read, then raise this.
    Raised(PyErr),
}

/// Reads up to `size` commands; `read` counts the values taken from the iterable.
fn read_chunk(items: &mut Bound<'_, PyIterator>, size: usize, read: &mut usize) -> (Chunk, Ending) {
    let mut chunk = Chunk {
        indexes: Vec::with_capacity(size),
        commands: Vec::with_capacity(size),
        unreadable: None,
    };
    while chunk.commands.len() < size {
        let Some(item) = items.next() else {
            return (chunk, Ending::End);
        };
        let index = *read;
        *read += 1;
        match item
            .map_err(depythonize::Error::Raised)
            .and_then(|c| command_of(&c))
        {
            Ok(command) => {
                chunk.indexes.push(index);
                chunk.commands.push(command);
            }
            Err(depythonize::Error::Refused(refusal)) => {
                chunk.unreadable = Some((index, refusal));
                break;
            }
            Err(depythonize::Error::Raised(exception)) => {
                return (chunk, Ending::Raised(exception))
            }
        }
    }
    (chunk, Ending::More)
}

/// Runs a chunk and notes its outcomes; returns whether the batch stops here.
fn run_chunk(
    backend: &mut Backend,
    chunk: Chunk,
    stop_on_refusal: bool,
    outcomes: &mut Outcomes,
) -> Result<bool, StoreError> {
    if !chunk.commands.is_empty() {
        backend.execute_each(&chunk.indexes, &chunk.commands, stop_on_refusal, outcomes)?;
    }
    if stop_on_refusal && !outcomes.refused.is_empty() {
        return Ok(true);
    }
    if let Some(refusal) = chunk.unreadable {
        outcomes.refused.push(refusal);
    }
    Ok(stop_on_refusal && !outcomes.refused.is_empty())
}

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
        let mut read = 0;
        let mut size = FIRST_CHUNK;
        loop {
            let (chunk, ending) = read_chunk(&mut items, size, &mut read);
            // A long batch goes on two threads; one that stops at its first refusal does not,
            // as what was read ahead would be thrown away.
            if matches!(ending, Ending::More) && !stop_on_refusal && read >= PIPELINE_AFTER {
                let next = (size * 2).min(LARGEST_CHUNK);
                match this.pipelined(py, &mut items, chunk, next, &mut read, &mut outcomes)? {
                    Some(exception) => return Err(exception),
                    None => break,
                }
            }
            let stop = this
                .detached(py, |backend| {
                    run_chunk(backend, chunk, stop_on_refusal, &mut outcomes)
                })
                .map_err(|e| error::store(&e))?;
            match ending {
                Ending::Raised(exception) => return Err(exception),
                Ending::End => break,
                Ending::More if stop => break,
                Ending::More => size = (size * 2).min(LARGEST_CHUNK),
            }
        }
        Ok(BatchOutcome::new(outcomes, slf.clone().unbind()))
    }
}

impl Commune {
    /// Runs the rest of a long batch: chunks read here (`first` already read; the next of
    /// `size` commands), run in order on a second thread. Returns the exception the iterable
    /// raised, if any, once what was read before it has run.
    fn pipelined(
        &self,
        py: Python<'_>,
        items: &mut Bound<'_, PyIterator>,
        first: Chunk,
        mut size: usize,
        read: &mut usize,
        outcomes: &mut Outcomes,
    ) -> PyResult<Option<PyErr>> {
        let failed = AtomicBool::new(false);
        std::thread::scope(|scope| {
            // One chunk waits while one runs: reading stays at most a chunk ahead.
            let (send, receive) = sync_channel::<Chunk>(1);
            let core = scope.spawn(|| {
                for chunk in receive {
                    if let Err(error) = run_chunk(&mut self.locked(), chunk, false, outcomes) {
                        failed.store(true, Ordering::Relaxed);
                        return Err(error);
                    }
                }
                Ok(())
            });
            let mut raised = None;
            let mut chunk = first;
            loop {
                // Waiting for room in the channel, without the GIL. An error means the core's
                // thread has stopped (a failed write to the journal file).
                if py.detach(|| send.send(chunk)).is_err() || failed.load(Ordering::Relaxed) {
                    break;
                }
                let (next, ending) = read_chunk(items, size, read);
                size = (size * 2).min(LARGEST_CHUNK);
                chunk = next;
                match ending {
                    Ending::More => {}
                    Ending::End => {
                        let _ = py.detach(|| send.send(chunk));
                        break;
                    }
                    Ending::Raised(exception) => {
                        raised = Some(exception);
                        let _ = py.detach(|| send.send(chunk));
                        break;
                    }
                }
            }
            drop(send);
            py.detach(|| core.join())
                .map_err(|_| {
                    pyo3::exceptions::PyRuntimeError::new_err(
                        "the batch's thread stopped unexpectedly",
                    )
                })?
                .map_err(|e| error::store(&e))?;
            Ok(raised)
        })
    }
}
