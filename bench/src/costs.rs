//! The cost of each command by action, timed one call at a time and kept in buckets (the first
//! and second half of a year in `action_costs`, each year of a history in `history`), so that an
//! action whose checks scan something growing with the commune's history shows as a ratio between
//! an early bucket and a late one (issue 20).
//!
//! Each call's time is kept, in order, so that several rounds can keep each call's fastest
//! ([`fastest`]): on a shared machine a call preempted in one round is taken from another.
//!
//! A command is run one of three ways ([`Way`]): checked and applied in memory returning the event
//! ([`chibo::Commune::execute`]), applied as a journal's event ([`chibo::Commune::apply_owned`],
//! the event copied before the clock starts), or executed into a journal
//! ([`chibo::Journal::execute`]: check, encode, SHA-256, apply).

use crate::BenchError;
use chibo::{Command, Commune, Event, Journal};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// How each command is run while it is timed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// [`Commune::execute`]: check, apply, return the event.
    Execute,
    /// [`Commune::apply_owned`]: an event from a journal, checked and applied.
    Apply,
    /// [`Journal::execute`]: check, encode the line, hash it, apply.
    Journal,
}

/// One action's calls and time in each bucket.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// Calls per bucket.
    pub calls: Vec<u64>,
    /// Time spent per bucket.
    pub spent: Vec<Duration>,
}

impl Row {
    /// The mean µs per call in `bucket`, or `None` when the action had no call there.
    pub fn mean_us(&self, bucket: usize) -> Option<f64> {
        let calls = self.calls.get(bucket).copied().filter(|c| *c > 0)?;
        let spent = self.spent.get(bucket).copied().unwrap_or_default();
        Some(spent.as_secs_f64() * 1e6 / calls as f64)
    }

    /// Calls in every bucket.
    pub fn total_calls(&self) -> u64 {
        self.calls.iter().sum()
    }

    /// Time in every bucket.
    pub fn total_spent(&self) -> Duration {
        self.spent.iter().sum()
    }
}

/// Each action's row, in `buckets` buckets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Costs {
    buckets: usize,
    rows: BTreeMap<&'static str, Row>,
}

impl Costs {
    /// No calls yet, in `buckets` buckets.
    pub fn new(buckets: usize) -> Self {
        Self {
            buckets,
            rows: BTreeMap::new(),
        }
    }

    /// Adds one call of `action` in `bucket` (ignored past the last bucket).
    pub fn add(&mut self, action: &'static str, bucket: usize, spent: Duration) {
        let buckets = self.buckets;
        let row = self.rows.entry(action).or_insert_with(|| Row {
            calls: vec![0; buckets],
            spent: vec![Duration::ZERO; buckets],
        });
        if let (Some(calls), Some(total)) = (row.calls.get_mut(bucket), row.spent.get_mut(bucket)) {
            *calls += 1;
            *total += spent;
        }
    }

    /// The rows, the action taking the most time first.
    pub fn rows(&self) -> Vec<(&'static str, &Row)> {
        let mut rows: Vec<(&'static str, &Row)> = self.rows.iter().map(|(n, r)| (*n, r)).collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.1.total_spent()));
        rows
    }

    /// Calls and time of every action in `bucket`.
    pub fn bucket(&self, bucket: usize) -> (u64, Duration) {
        self.rows.values().fold((0, Duration::ZERO), |(c, s), row| {
            (
                c + row.calls.get(bucket).copied().unwrap_or(0),
                s + row.spent.get(bucket).copied().unwrap_or_default(),
            )
        })
    }

    /// Time of every call.
    pub fn total(&self) -> Duration {
        self.rows.values().map(Row::total_spent).sum()
    }

    /// Adds the calls of `commands` that took `times` (from [`time_commands`] or [`fastest`]),
    /// each in the bucket `bucket(index, command)` gives.
    pub fn add_calls(
        &mut self,
        commands: &[Command],
        times: &[Duration],
        bucket: impl Fn(usize, &Command) -> usize,
    ) {
        for (index, (command, spent)) in commands.iter().zip(times).enumerate() {
            self.add(command.action.name(), bucket(index, command), *spent);
        }
    }
}

/// Runs `commands` (one commune's, in order, the first establishing it) into a fresh commune or
/// journal the `way` says, timing every call alone: the time of each call, in order. Fails at the
/// first command the core refuses.
pub fn time_commands(
    commune: &str,
    commands: &[Command],
    way: Way,
) -> Result<Vec<Duration>, BenchError> {
    let mut state = Commune::new();
    let mut journal = Journal::new();
    let mut times = Vec::with_capacity(commands.len());
    for (index, command) in commands.iter().enumerate() {
        let refused = |error| BenchError::Refused {
            commune: commune.to_owned(),
            index,
            action: command.action.name(),
            error: Box::new(error),
        };
        let spent = match way {
            Way::Execute => {
                let started = Instant::now();
                let result = state.execute(command);
                let spent = started.elapsed();
                drop(result.map_err(refused)?);
                spent
            }
            Way::Apply => {
                let event = Event(command.clone());
                let started = Instant::now();
                let result = state.apply_owned(event);
                let spent = started.elapsed();
                result.map_err(refused)?;
                spent
            }
            Way::Journal => {
                let started = Instant::now();
                let result = journal.execute(command);
                let spent = started.elapsed();
                drop(result.map_err(refused)?);
                spent
            }
        };
        times.push(spent);
    }
    Ok(times)
}

/// The fastest time of each call over several runs of the same commands (`runs` of
/// [`time_commands`]): a call slowed by the machine in one round is taken from another.
pub fn fastest(runs: &[Vec<Duration>]) -> Vec<Duration> {
    let mut best: Vec<Duration> = runs.first().cloned().unwrap_or_default();
    for run in runs.iter().skip(1) {
        for (b, t) in best.iter_mut().zip(run) {
            *b = (*b).min(*t);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{commune_year, Config};

    #[test]
    fn every_call_lands_in_its_bucket_each_way() -> Result<(), BenchError> {
        let year = commune_year(&Config::province(7).with_communes(1), 0)?;
        let middle = year.commands.len() / 2;
        for way in [Way::Execute, Way::Apply, Way::Journal] {
            let mut costs = Costs::new(2);
            let times = time_commands(&year.id, &year.commands, way)?;
            assert_eq!(times.len(), year.commands.len());
            let best = fastest(&[times.clone(), times.clone()]);
            assert_eq!(best, times);
            costs.add_calls(&year.commands, &best, |i, _| usize::from(i >= middle));
            let (first, second) = (costs.bucket(0).0, costs.bucket(1).0);
            assert_eq!(first as usize, middle);
            assert_eq!((first + second) as usize, year.commands.len());
            let establish = costs.rows.get("establish_commune").map(|r| r.calls.clone());
            assert_eq!(establish, Some(vec![1, 0]));
        }
        Ok(())
    }
}
