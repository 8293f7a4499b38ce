//! The paths the benchmarks time, and the corpus they run on.
//!
//! ```text
//!   apply    events ───────────────────────────────▶ Commune::apply      (in memory)
//!   execute  commands ─▶ encode + SHA-256 ─────────▶ Commune::apply      (what a writer does)
//!   load     JSONL ─▶ parse + SHA-256 + chain ─────▶ Commune::apply      (Journal::load)
//!   load on N threads: the same, lines decoded by N-1 helpers beside the replay (Journal::load_on)
//!   verify   JSONL ─▶ parse + SHA-256 + chain                            (journal::verify)
//!   parse    JSONL ─▶ serde_json into a record                           (no hash, no chain)
//!   sha256   JSONL ─▶ SHA-256 of each line's body                        (no parse)
//! ```
//!
//! `parse` and `sha256` are not paths of the library: they split `verify` into its two costs.

use crate::{execute, BenchError, CommuneYear, Config};
use chibo::journal::{Digest, Head};
use chibo::{Commune, Event, Journal};
use serde::Deserialize;
use sha2::{Digest as _, Sha256};

/// The generated communes, held as the benchmarks need them: events (for `apply` and
/// `execute`), JSONL texts (for `load`, `verify`, `parse`, `sha256`) and sitting batches.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The communes' ids.
    pub ids: Vec<String>,
    /// Each commune's events (its accepted commands), in order.
    pub events: Vec<Vec<Event>>,
    /// Each commune's JSONL text, lines joined by `"\n"`.
    pub texts: Vec<String>,
    /// Each commune's batch lengths (one batch per sitting, see [`CommuneYear::batches`]).
    pub batches: Vec<Vec<usize>>,
}

impl Corpus {
    /// Generates the communes of `config` and runs each through the core once (which checks
    /// every command and writes the text).
    pub fn generate(config: &Config) -> Result<Self, BenchError> {
        let mut corpus = Self::default();
        for commune in crate::province(config) {
            corpus.push(commune?)?;
        }
        Ok(corpus)
    }

    /// Adds one commune.
    pub fn push(&mut self, commune: CommuneYear) -> Result<(), BenchError> {
        let text = execute(&commune)?.text;
        let batches = commune.batches().iter().map(|b| b.len()).collect();
        self.ids.push(commune.id);
        self.events
            .push(commune.commands.into_iter().map(Event).collect());
        self.texts.push(text);
        self.batches.push(batches);
        Ok(())
    }

    /// How many events in all.
    pub fn event_count(&self) -> u64 {
        self.events.iter().map(|e| e.len() as u64).sum()
    }

    /// How many bytes of JSONL in all (a newline counted after each line).
    pub fn byte_count(&self) -> u64 {
        self.texts
            .iter()
            .zip(&self.events)
            .map(|(t, e)| (t.len() + usize::from(!e.is_empty())) as u64)
            .sum()
    }

    fn refused(&self, commune: usize, error: chibo::Error) -> BenchError {
        BenchError::Journal {
            commune: self.ids.get(commune).cloned().unwrap_or_default(),
            error: Box::new(error),
        }
    }

    /// Runs `path` on each commune's input, in order; the first refusal names its commune.
    fn each<I, T>(
        &self,
        inputs: impl IntoIterator<Item = I>,
        path: impl Fn(I) -> Result<T, chibo::Error>,
    ) -> Result<Vec<T>, BenchError> {
        inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| path(input).map_err(|e| self.refused(i, e)))
            .collect()
    }

    /// `apply` over every commune: fresh communes, every event applied in memory.
    pub fn apply_all(&self) -> Result<Vec<Commune>, BenchError> {
        self.each(&self.events, |events| apply(events))
    }

    /// Every commune's events, copied: the input of [`Corpus::apply_owned_all`] and
    /// [`Corpus::execute_owned_all`], made before the clock starts.
    pub fn owned_events(&self) -> Vec<Vec<Event>> {
        self.events.clone()
    }

    /// `apply` over every commune, moving each event into the commune (as loading and executing
    /// do): the state machine's steps alone, without copying the events first.
    pub fn apply_owned_all(&self, events: Vec<Vec<Event>>) -> Result<Vec<Commune>, BenchError> {
        self.each(events, apply_owned)
    }

    /// `execute` over every commune, each command given by value (as the bindings give theirs):
    /// `events` from [`Corpus::owned_events`], made before the clock starts.
    pub fn execute_owned_all(&self, events: Vec<Vec<Event>>) -> Result<Vec<Journal>, BenchError> {
        self.each(events, execute_owned)
    }

    /// `execute` over every commune: fresh journals, every command encoded, hashed and applied.
    pub fn execute_all(&self) -> Result<Vec<Journal>, BenchError> {
        self.each(&self.events, |events| execute_events(events))
    }

    /// `load` over every commune.
    pub fn load_all(&self) -> Result<Vec<Journal>, BenchError> {
        self.each(&self.texts, Journal::load)
    }

    /// `load` over every commune, each on `threads` threads ([`Journal::load_on`]).
    pub fn load_on_all(&self, threads: std::num::NonZeroUsize) -> Result<Vec<Journal>, BenchError> {
        self.each(&self.texts, |text| Journal::load_on(text, threads))
    }

    /// `verify` over every commune; returns the heads.
    pub fn verify_all(&self) -> Result<Vec<Head>, BenchError> {
        self.each(&self.texts, chibo::journal::verify)
    }

    /// `parse` over every commune; returns the records parsed.
    pub fn parse_all(&self) -> Result<u64, BenchError> {
        let mut n = 0;
        for (i, text) in self.texts.iter().enumerate() {
            n += parse(text).map_err(|e| BenchError::Journal {
                commune: self.ids.get(i).cloned().unwrap_or_default(),
                error: Box::new(chibo::Error::from(chibo::error::InputError::Malformed {
                    detail: e.to_string(),
                })),
            })?;
        }
        Ok(n)
    }

    /// `sha256` over every commune; returns the digests folded together.
    pub fn sha256_all(&self) -> [u8; 32] {
        let mut folded = [0u8; 32];
        for text in &self.texts {
            for (slot, byte) in folded.iter_mut().zip(sha256_lines(text)) {
                *slot ^= byte;
            }
        }
        folded
    }
}

/// Applies events to a fresh commune, in memory (the same checks as a live command, no encoding
/// and no hashing).
pub fn apply(events: &[Event]) -> Result<Commune, chibo::Error> {
    let mut commune = Commune::new();
    for event in events {
        commune.apply(event)?;
    }
    Ok(commune)
}

/// Applies events by value to a fresh commune, moving each into it.
pub fn apply_owned(events: Vec<Event>) -> Result<Commune, chibo::Error> {
    let mut commune = Commune::new();
    for event in events {
        commune.apply_owned(event)?;
    }
    Ok(commune)
}

/// Executes commands (taken from events) into a fresh journal: each is checked, encoded as a
/// record, hashed and applied; the lines are dropped.
pub fn execute_events(events: &[Event]) -> Result<Journal, chibo::Error> {
    let mut journal = Journal::new();
    for event in events {
        journal.execute(&event.0)?;
    }
    Ok(journal)
}

/// Executes commands by value into a fresh journal, moving each into the commune.
pub fn execute_owned(events: Vec<Event>) -> Result<Journal, chibo::Error> {
    let mut journal = Journal::new();
    for event in events {
        journal.execute(event.0)?;
    }
    Ok(journal)
}

/// A journal line as `chibo::journal::decode` reads it, for timing the JSON parse alone (and
/// for comparing JSON parsers on the same target type, `bin/parsers.rs`).
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line<'a> {
    v: u64,
    /// The record's sequence number.
    pub seq: u64,
    prev: Digest,
    /// The event, as the core reads it.
    pub event: Event,
    #[serde(borrow)]
    hash: &'a str,
}

/// Parses every line of a journal into a record (serde_json), without hashing or chaining.
pub fn parse(text: &str) -> Result<u64, serde_json::Error> {
    let mut n = 0;
    for line in text.split('\n') {
        let line: Line<'_> = serde_json::from_str(line)?;
        n += line.seq.min(1);
    }
    Ok(n)
}

/// `,"hash":"` + 64 hex + `"}`: what follows a record's body on every line.
const SUFFIX_LEN: usize = 75;

/// The SHA-256 of every line's body (the line without its hash, closed with `}`), as
/// `chibo::journal::verify` computes it, folded together.
pub fn sha256_lines(text: &str) -> [u8; 32] {
    let mut folded = [0u8; 32];
    for line in text.split('\n') {
        let body = line
            .as_bytes()
            .get(..line.len().saturating_sub(SUFFIX_LEN))
            .unwrap_or_default();
        let mut hasher = Sha256::new();
        hasher.update(body);
        hasher.update(b"}");
        for (slot, byte) in folded.iter_mut().zip(hasher.finalize()) {
            *slot ^= byte;
        }
    }
    folded
}
