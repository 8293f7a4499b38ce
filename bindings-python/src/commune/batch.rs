//! `Commune.execute_many`: many commands in one call. Commands are read from the iterable a
//! chunk at a time (so the core starts on the first ones before the last are even read, and a
//! generator is never drawn into a list), each chunk runs in the core without the GIL, and every
//! command's outcome is kept: a refusal does not end the batch unless asked to.
//!
//! A batch longer than the first chunk runs on two threads: this one reads the next chunk (with
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
        let mut read = 0;
        let (first, ending) = read_chunk(&mut items, FIRST_CHUNK, &mut read);
        let (outcomes, raised) = match ending {
            // A short batch: one chunk, run here.
            Ending::End | Ending::Raised(_) => {
                let mut outcomes = Outcomes::default();
                this.detached(py, |backend| {
                    run_chunk(backend, first, stop_on_refusal, &mut outcomes)
                })
                .map_err(|e| error::store(&e))?;
                (
                    outcomes,
                    match ending {
                        Ending::Raised(exception) => Some(exception),
                        _ => None,
                    },
                )
            }
            Ending::More => this.pipelined(py, &mut items, first, &mut read, stop_on_refusal)?,
        };
        match raised {
            Some(exception) => Err(exception),
            None => Ok(BatchOutcome::new(outcomes, slf.clone().unbind())),
        }
    }
}

impl Commune {
    /// Runs a long batch: chunks read here, run in order on a second thread.
    fn pipelined(
        &self,
        py: Python<'_>,
        items: &mut Bound<'_, PyIterator>,
        first: Chunk,
        read: &mut usize,
        stop_on_refusal: bool,
    ) -> PyResult<(Outcomes, Option<PyErr>)> {
        let stopped = AtomicBool::new(false);
        std::thread::scope(|scope| {
            // One chunk waits while one runs: reading stays at most a chunk ahead.
            let (send, receive) = sync_channel::<Chunk>(1);
            let core = scope.spawn(|| {
                let mut outcomes = Outcomes::default();
                for chunk in receive {
                    match run_chunk(&mut self.locked(), chunk, stop_on_refusal, &mut outcomes) {
                        Ok(false) => {}
                        Ok(true) => {
                            stopped.store(true, Ordering::Relaxed);
                            return (outcomes, Ok(()));
                        }
                        Err(error) => {
                            stopped.store(true, Ordering::Relaxed);
                            return (outcomes, Err(error));
                        }
                    }
                }
                (outcomes, Ok(()))
            });
            let mut raised = None;
            let mut chunk = first;
            let mut size = FIRST_CHUNK;
            loop {
                // Waiting for room in the channel, without the GIL. An error means the core's
                // thread has stopped (a refusal with `stop_on_refusal`, or a failed write).
                if py.detach(|| send.send(chunk)).is_err() || stopped.load(Ordering::Relaxed) {
                    break;
                }
                size = (size * 2).min(LARGEST_CHUNK);
                let (next, ending) = read_chunk(items, size, read);
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
            let (outcomes, result) = py.detach(|| core.join()).map_err(|_| {
                pyo3::exceptions::PyRuntimeError::new_err("the batch's thread stopped unexpectedly")
            })?;
            result.map_err(|e| error::store(&e))?;
            Ok((outcomes, raised))
        })
    }
}
