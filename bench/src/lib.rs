//! Benchmarks of the chibo journal on a synthetic province-year told by `chibo-sim`.
//!
//! A province of 150 communes, each a year like Nga Trường's (16 cells, ~330 members, every
//! regular and thematic meeting through its whole lifecycle, changes on the roll, quarterly
//! supervision and remedies, the year-end review): commune `i` is
//! [`chibo_sim::Setting::province_commune`] — its own seed, id and name — told by
//! [`chibo_sim::tell`]. The same seed gives the same province, byte for byte.
//!
//! ```text
//!   Config ──commune_year(i)──▶ chibo_sim::tell ──▶ CommuneYear { commands, sittings }
//!                                                          │ execute (chibo::Journal::execute)
//!                                                          ▼
//!                                                   Journal + JSONL text
//! ```
//!
//! [`execute`] runs a commune's commands through [`chibo::Journal::execute`] and fails (never
//! panics) if the core refuses one. [`paths`] holds the read and write paths the benchmarks time,
//! and [`timing`] a plain interleaved timer that prints ratios between them
//! (docs/performance.md). [`costs`] times each command alone, by action, in buckets (halves of
//! a year, years of a history).

pub mod cli;
pub mod costs;
pub mod paths;
pub mod signed;
pub mod store;
pub mod timing;

use chibo::{Command, Journal};
use chibo_sim::Setting;
use std::collections::BTreeMap;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The seed: the same seed, the same province.
    pub seed: u64,
    /// How many communes (each its own journal).
    pub communes: usize,
    /// How many consecutive years each commune is told over (1: the province-year).
    pub years: u32,
}

impl Config {
    /// The province of the benchmarks: 150 communes.
    pub fn province(seed: u64) -> Self {
        Self {
            seed,
            communes: 150,
            years: 1,
        }
    }

    /// The same province, each commune told over `years` consecutive years from 2025.
    pub fn with_years(mut self, years: u32) -> Self {
        self.years = years.max(1);
        self
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

/// One commune's year as commands, in the order the core accepted them; the first is
/// `establish_commune`.
#[derive(Debug, Clone, PartialEq)]
pub struct CommuneYear {
    /// The commune's id (`xa-001`, …).
    pub id: String,
    /// The commands, in order.
    pub commands: Vec<Command>,
    /// The lengths of its sittings (what is entered at one go, see
    /// [`chibo_sim::sittings`]), adding up to the number of commands.
    pub sittings: Vec<usize>,
}

impl CommuneYear {
    /// The commands in batches, one per sitting (what a secretary enters at once).
    pub fn batches(&self) -> Vec<&[Command]> {
        let mut batches = Vec::with_capacity(self.sittings.len());
        let mut rest = self.commands.as_slice();
        for &length in &self.sittings {
            match rest.split_at_checked(length) {
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

/// Tells commune number `index` (from 0) of the province described by `config`, over
/// `config.years` years.
pub fn commune_year(config: &Config, index: usize) -> Result<CommuneYear, BenchError> {
    let setting = Setting::province_commune(config.seed, index).with_years(config.years);
    let year = chibo_sim::tell(&setting).map_err(|fail| BenchError::Generator(fail.to_string()))?;
    let sittings = chibo_sim::sittings(&year.events);
    Ok(CommuneYear {
        id: setting.commune.to_string(),
        commands: year.events.into_iter().map(|event| event.0).collect(),
        sittings,
    })
}

/// Why generating, running or timing a province failed.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The simulation could not tell a commune's year (the core refused a step it did not
    /// expect, or the story could not go on).
    #[error("simulation: {0}")]
    Generator(String),
    /// The command line was wrong.
    #[error("{0}")]
    Usage(String),
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
        Config::province(7).with_communes(2)
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
            let batches = commune.batches();
            let batched: usize = batches.iter().map(|b| b.len()).sum();
            assert_eq!(batched, commune.commands.len());
            assert!(
                batches.len() > 100,
                "{}: {} sittings",
                commune.id,
                batches.len()
            );
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
