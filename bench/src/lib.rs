//! Synthetic, seeded province-years for benchmarking the chibo journal.
//!
//! A province of about 150 communes × 16 cells × ~19 members: per cell 12 regular and 4 thematic
//! meetings, each through its whole lifecycle (draft, preparatory meeting, notice, documents,
//! minutes with roll and vote, a task for every member who can work, every task reported at the
//! next meeting, reporting closed), and a supervision of every cell each quarter — about a
//! million events. The same seed gives the same province, byte for byte: the generator draws from
//! its own SplitMix64 ([`rng::Rng`]), not from `rand`.
//!
//! ```text
//!   Config ──commune_year(i)──▶ CommuneYear { commands } ──execute──▶ Journal + JSONL text
//!                                     (establish_commune first)    (every command through
//!                                                                   chibo::Journal::execute)
//! ```
//!
//! The generator returns commands ([`chibo::Command`]) without running the core;
//! [`execute`] runs them through [`chibo::Journal::execute`] and fails (never panics) if the core
//! refuses one. [`paths`] holds the read and write paths the benchmarks time, and [`timing`] a
//! plain interleaved timer that prints ratios between them (docs/performance.md).

pub mod cli;
mod clock;
mod inspect;
mod meeting;
mod out;
pub mod paths;
pub mod rng;
mod roster;
pub mod store;
mod texts;
pub mod timing;
mod year;

pub use year::commune_year;

use chibo::{Command, Journal};
use std::collections::BTreeMap;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The seed: the same seed, the same province.
    pub seed: u64,
    /// How many communes (each its own journal).
    pub communes: usize,
    /// Cells per commune.
    pub cells: usize,
    /// The smallest and largest cell, in members (at least 12 are drawn).
    pub members: (u32, u32),
    /// The chance, in percent, that an elderly hamlet member is exempted from meetings.
    pub exempted_percent: u32,
    /// The year of the meetings (the organisation is entered in December of the year before).
    pub year: i32,
}

impl Config {
    /// The province of the benchmarks: 150 communes × 16 cells × 15–23 members (19 on average),
    /// the year 2025.
    pub fn province(seed: u64) -> Self {
        Self {
            seed,
            communes: 150,
            cells: 16,
            members: (15, 23),
            exempted_percent: 8,
            year: 2025,
        }
    }

    /// The same province with `communes` communes (the first ones: commune `i` does not depend
    /// on how many are generated).
    pub fn with_communes(mut self, communes: usize) -> Self {
        self.communes = communes;
        self
    }
}

/// The seed the benchmarks use unless told otherwise.
pub const DEFAULT_SEED: u64 = 2025;

/// One commune's year as commands, in time order; the first is `establish_commune`.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneYear {
    /// The commune's id (`xa-001`, …).
    pub id: String,
    /// The commands, in time order.
    pub commands: Vec<Command>,
    /// For each command, the sitting it belongs to (setup, a draft, a meeting's sitting, an
    /// inspection's findings…): consecutive commands with the same tag form one batch.
    pub sessions: Vec<u32>,
}

impl CommuneYear {
    /// The commands in batches, one per sitting (what a secretary enters at once): maximal runs
    /// of consecutive commands with the same session tag.
    pub fn batches(&self) -> Vec<&[Command]> {
        let mut batches = Vec::new();
        let mut rest = self.commands.as_slice();
        let mut tags = self.sessions.iter().peekable();
        while let Some(tag) = tags.next() {
            let mut len = 1;
            while tags.next_if(|t| *t == tag).is_some() {
                len += 1;
            }
            match rest.split_at_checked(len) {
                Some((batch, tail)) => {
                    batches.push(batch);
                    rest = tail;
                }
                None => break,
            }
        }
        batches
    }
}

/// Why generating, running or timing a province failed.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The generator could not go on (a date that does not exist, nobody to record…).
    #[error("generator: {0}")]
    Generator(String),
    /// The core refused a generated command: the generator broke a rule.
    #[error("{commune}: command {index} ({action}) refused: {} — {}", error.code(), error.message_en())]
    Refused {
        /// The commune.
        commune: String,
        /// The command's index (from 0).
        index: usize,
        /// The action's name.
        action: &'static str,
        /// The core's refusal.
        error: Box<chibo::Error>,
    },
    /// A journal did not load or verify.
    #[error("{commune}: journal refused: {} — {}", error.code(), error.message_en())]
    Journal {
        /// The commune.
        commune: String,
        /// The core's error (it names the line).
        error: Box<chibo::Error>,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {error}")]
    Io {
        /// The file or folder.
        path: String,
        /// The error.
        error: std::io::Error,
    },
    /// The file store refused or failed.
    #[error("store: {0}")]
    Store(String),
}

/// A commune's year run through the core: the journal and its JSONL text.
#[derive(Debug, Clone)]
pub struct Executed {
    /// The journal as the commands leave it.
    pub journal: Journal,
    /// Its lines joined by `"\n"` (no final newline).
    pub text: String,
}

/// Runs every command of a commune's year through [`chibo::Journal::execute`]. Fails with
/// [`BenchError::Refused`] at the first command the core refuses.
pub fn execute(commune: &CommuneYear) -> Result<Executed, BenchError> {
    let mut journal = Journal::new();
    let mut text = String::with_capacity(commune.commands.len() * 600);
    for (index, command) in commune.commands.iter().enumerate() {
        let encoded = journal
            .execute(command)
            .map_err(|error| BenchError::Refused {
                commune: commune.id.clone(),
                index,
                action: command.action.name(),
                error: Box::new(error),
            })?;
        if index > 0 {
            text.push('\n');
        }
        text.push_str(&encoded.line);
    }
    Ok(Executed { journal, text })
}

/// The JSONL text of a commune's year (lines joined by `"\n"`), every command checked by the
/// core.
pub fn journal_text(commune: &CommuneYear) -> Result<String, BenchError> {
    execute(commune).map(|e| e.text)
}

/// The communes of a province, generated one by one (each independent of the others).
pub fn province(config: &Config) -> impl Iterator<Item = Result<CommuneYear, BenchError>> + '_ {
    (0..config.communes).map(move |i| commune_year(config, i))
}

/// What a province holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Communes (journals).
    pub communes: usize,
    /// Events (journal lines).
    pub events: usize,
    /// Bytes of JSONL text (newlines included).
    pub bytes: usize,
    /// Events by action name.
    pub by_action: BTreeMap<&'static str, usize>,
}

impl Counts {
    /// Adds one commune's commands and the length of its text.
    pub fn add(&mut self, commune: &CommuneYear, text_bytes: usize) {
        self.communes += 1;
        self.events += commune.commands.len();
        self.bytes += text_bytes + 1;
        for command in &commune.commands {
            *self.by_action.entry(command.action.name()).or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Config {
        Config {
            cells: 3,
            ..Config::province(7)
        }
        .with_communes(2)
    }

    #[test]
    fn a_small_province_runs_through_the_core_and_reloads() -> Result<(), BenchError> {
        let config = small();
        for commune in province(&config) {
            let commune = commune?;
            let first = commune.commands.first().map(|c| c.action.name());
            assert_eq!(first, Some("establish_commune"));
            let executed = execute(&commune)?;
            assert_eq!(executed.text.lines().count(), commune.commands.len());
            let loaded = Journal::load(&executed.text).map_err(|error| BenchError::Journal {
                commune: commune.id.clone(),
                error: Box::new(error),
            })?;
            assert_eq!(loaded, executed.journal);
            let batched: usize = commune.batches().iter().map(|b| b.len()).sum();
            assert_eq!(batched, commune.commands.len());
        }
        Ok(())
    }

    #[test]
    fn the_same_seed_gives_the_same_commune() -> Result<(), BenchError> {
        let config = small();
        let a = commune_year(&config, 1)?;
        let b = commune_year(&config.clone().with_communes(5), 1)?;
        assert_eq!(a, b);
        let c = commune_year(&Config::province(8), 1)?;
        assert_ne!(a.commands, c.commands);
        Ok(())
    }
}
