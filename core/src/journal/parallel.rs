//! Loading on several cores: every line's decoding (JSON parse, SHA-256 of its body, the check
//! of its own hash) depends on that line alone, so helper threads decode batches of lines ahead
//! while the calling thread checks the chain and replays the events, in order, exactly as
//! [`Journal::load`] does. The outcome (the journal, or the first failure and the line it names)
//! is the same for any number of threads.
//!
//! ```text
//!   helpers:  decode batch k+1 │ decode batch k+2 │ …      (any order, at most LOOKAHEAD ahead)
//!   caller:   chain + apply batch k ──▶ batch k+1 ──▶ …    (in order)
//! ```
//!
//! Threads are computation, not input or output: nothing here reads a clock, a file or a random
//! source. On targets without threads (wasm32) the load is sequential.

use super::record::{decode, Record};
use super::{check_form, lines, Journal};
use crate::error::Error;
use std::num::NonZeroUsize;

/// Lines decoded as one unit of work: large enough that handing a batch over costs little per
/// line, small enough that a failure early in a journal stops the work soon.
const BATCH_LINES: usize = 256;

/// How many batches the helpers may decode ahead of the replay: bounds the decoded records held
/// at once (a few thousand events), whatever the journal's length.
const LOOKAHEAD: usize = 16;

/// A batch's records (or why each failed to decode), with their line numbers.
type Decoded = Vec<(u64, Result<Record, Error>)>;

impl Journal {
    /// [`Journal::load`], with the lines decoded on up to `threads` threads (the caller's
    /// included): same result, same first failure, faster on a machine with cores to spare.
    /// `threads` of 1, or a target without threads, loads on the calling thread alone.
    pub fn load_on(text: impl AsRef<[u8]>, threads: NonZeroUsize) -> Result<Self, Error> {
        Self::load_batched(text.as_ref(), threads, BATCH_LINES)
    }

    fn load_batched(text: &[u8], threads: NonZeroUsize, batch_lines: usize) -> Result<Self, Error> {
        let helpers = threads.get().saturating_sub(1);
        if helpers == 0 || cfg!(target_family = "wasm") {
            return Self::load(text);
        }
        check_form(text)?;
        let all: Vec<(u64, &[u8])> = lines(text).collect();
        let batches: Vec<&[(u64, &[u8])]> = all.chunks(batch_lines.max(1)).collect();
        let board = Board::new(batches.len());
        let mut journal = Self::new();
        std::thread::scope(|scope| {
            for _ in 0..helpers {
                scope.spawn(|| board.decode_all(&batches));
            }
            let replayed = board.replay(&mut journal, batches.len());
            board.stop();
            replayed
        })?;
        Ok(journal)
    }

    /// Checks a decoded record against the chain and replays it, as [`Journal::push_line`].
    fn push_decoded(&mut self, line_no: u64, decoded: Result<Record, Error>) -> Result<(), Error> {
        let record = decoded?;
        let mut chain = super::Chain::after(self.head());
        chain.accept(line_no, record.seq, record.prev, record.hash)?;
        self.push_record(line_no, record)
    }
}

/// What the helpers and the replaying thread share: the batches decoded and not yet replayed.
struct Board {
    state: std::sync::Mutex<State>,
    changed: std::sync::Condvar,
}

struct State {
    /// The next batch a helper may take.
    next: usize,
    /// The next batch the replay needs.
    replaying: usize,
    /// Decoded batches waiting for the replay, by index.
    ready: Vec<Option<Decoded>>,
    /// Set when the replay ends (done, or stopped at a failure): helpers leave.
    stopped: bool,
}

impl Board {
    fn new(batches: usize) -> Self {
        Self {
            state: std::sync::Mutex::new(State {
                next: 0,
                replaying: 0,
                ready: (0..batches).map(|_| None).collect(),
                stopped: false,
            }),
            changed: std::sync::Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A helper that panicked cannot leave the state half-changed (every change is one
        // assignment), so a poisoned lock is still sound to use.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn wait<'a>(
        &self,
        guard: std::sync::MutexGuard<'a, State>,
    ) -> std::sync::MutexGuard<'a, State> {
        self.changed
            .wait(guard)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A helper's loop: takes the next batch within the lookahead, decodes it, posts it.
    fn decode_all(&self, batches: &[&[(u64, &[u8])]]) {
        loop {
            let index = {
                let mut state = self.lock();
                loop {
                    if state.stopped || state.next >= batches.len() {
                        return;
                    }
                    if state.next < state.replaying.saturating_add(LOOKAHEAD) {
                        break;
                    }
                    state = self.wait(state);
                }
                state.next += 1;
                state.next - 1
            };
            let decoded: Decoded = batches
                .get(index)
                .map(|batch| {
                    batch
                        .iter()
                        .map(|&(n, line)| (n, decode(n, line)))
                        .collect()
                })
                .unwrap_or_default();
            if let Some(slot) = self.lock().ready.get_mut(index) {
                *slot = Some(decoded);
            }
            self.changed.notify_all();
        }
    }

    /// The replaying thread's loop: each batch in order, each record chained and applied.
    fn replay(&self, journal: &mut Journal, batches: usize) -> Result<(), Error> {
        for index in 0..batches {
            let decoded = {
                let mut state = self.lock();
                loop {
                    if let Some(decoded) = state.ready.get_mut(index).and_then(Option::take) {
                        state.replaying = index + 1;
                        break decoded;
                    }
                    state = self.wait(state);
                }
            };
            self.changed.notify_all();
            for (line_no, record) in decoded {
                journal.push_decoded(line_no, record)?;
            }
        }
        Ok(())
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Loads `text` sequentially and on 2 to 4 threads in batches of 1 to 9 lines: the same
    /// journal, or the same failure.
    fn same_as_sequential(text: &[u8]) {
        let expected = Journal::load(text);
        for threads in 2..=4 {
            for batch in [1, 2, 7, 9] {
                let threads = NonZeroUsize::new(threads).unwrap();
                let got = Journal::load_batched(text, threads, batch);
                assert_eq!(got, expected, "{threads} threads, batches of {batch}");
            }
        }
    }

    #[test]
    fn any_number_of_threads_loads_the_same_journal_or_fails_at_the_same_line() {
        let text = include_bytes!("../../../tests/journal/v1.jsonl");
        same_as_sequential(text);
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        let join = |lines: &[&[u8]]| lines.join(&b'\n');
        // A byte flipped in every line in turn (a broken hash, JSON or chain), a record dropped
        // and two swapped (a broken sequence), an event refused on replay (a valid line moved).
        for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            let mut flipped = lines.clone();
            let mut changed = line.to_vec();
            changed[line.len() / 2] ^= 1;
            flipped[i] = &changed;
            same_as_sequential(&join(&flipped));
            let mut dropped = lines.clone();
            dropped.remove(i);
            same_as_sequential(&join(&dropped));
        }
        let mut swapped = lines.clone();
        swapped.swap(20, 21);
        same_as_sequential(&join(&swapped));
    }
}
