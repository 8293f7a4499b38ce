//! A plain interleaved timer: each path runs once per round, in turn, so that a shared, noisy
//! machine slows them all alike; the median of the rounds is kept and the paths are compared as
//! ratios measured in the same run.

use crate::BenchError;
use std::any::Any;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// One timed path.
pub struct Path<'a> {
    /// Its name.
    pub name: &'static str,
    /// The events one run processes.
    pub events: u64,
    /// What each run needs made before the clock starts (nothing for most paths).
    pub setup: Box<dyn FnMut() + 'a>,
    /// One run; what it returns is dropped after the clock stops.
    pub run: Box<dyn FnMut() -> Result<Box<dyn Any>, BenchError> + 'a>,
}

impl<'a> Path<'a> {
    /// A path named `name` that processes `events` events each time `run` runs. What `run`
    /// returns (the journals loaded, say) is dropped outside the timing.
    pub fn new<T: Any>(
        name: &'static str,
        events: u64,
        mut run: impl FnMut() -> Result<T, BenchError> + 'a,
    ) -> Self {
        Self {
            name,
            events,
            setup: Box::new(|| {}),
            run: Box::new(move || run().map(|t| Box::new(t) as Box<dyn Any>)),
        }
    }

    /// A path whose every run consumes an input that `setup` makes before the clock starts
    /// (owned events to move into a commune, say, so that copying them is not timed).
    pub fn with_setup<S: 'a, T: Any>(
        name: &'static str,
        events: u64,
        mut setup: impl FnMut() -> S + 'a,
        mut run: impl FnMut(S) -> Result<T, BenchError> + 'a,
    ) -> Self {
        let made = Rc::new(RefCell::new(None));
        let taken = Rc::clone(&made);
        Self {
            name,
            events,
            setup: Box::new(move || *made.borrow_mut() = Some(setup())),
            run: Box::new(move || {
                let input = taken
                    .borrow_mut()
                    .take()
                    .ok_or_else(|| BenchError::Usage(format!("{name}: run without its setup")))?;
                run(input).map(|t| Box::new(t) as Box<dyn Any>)
            }),
        }
    }
}

/// The timings of one path.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// The path's name.
    pub name: &'static str,
    /// Events per run.
    pub events: u64,
    /// Each round's time, in order.
    pub samples: Vec<Duration>,
}

impl Measured {
    /// The median round.
    pub fn median(&self) -> Duration {
        let mut sorted = self.samples.clone();
        sorted.sort();
        sorted.get(sorted.len() / 2).copied().unwrap_or_default()
    }

    /// The fastest round.
    pub fn best(&self) -> Duration {
        self.samples.iter().min().copied().unwrap_or_default()
    }

    /// Events per second at the median.
    pub fn events_per_sec(&self) -> f64 {
        self.events as f64 / self.median().as_secs_f64().max(f64::MIN_POSITIVE)
    }

    /// Nanoseconds per event at the median.
    pub fn ns_per_event(&self) -> f64 {
        self.median().as_nanos() as f64 / (self.events.max(1) as f64)
    }
}

/// Runs every path `rounds` times, interleaved (round 1 of each path, then round 2…).
pub fn interleaved(rounds: usize, paths: &mut [Path<'_>]) -> Result<Vec<Measured>, BenchError> {
    let mut measured: Vec<Measured> = paths
        .iter()
        .map(|p| Measured {
            name: p.name,
            events: p.events,
            samples: Vec::with_capacity(rounds),
        })
        .collect();
    for _ in 0..rounds {
        for (path, m) in paths.iter_mut().zip(measured.iter_mut()) {
            (path.setup)();
            let start = Instant::now();
            let result = (path.run)()?;
            m.samples.push(start.elapsed());
            drop(result);
        }
    }
    Ok(measured)
}

/// A table of the timings: median, best, events/s, ns/event, and each path's time as a ratio of
/// the `baseline` path's (×1.00 for the baseline itself).
pub fn table(measured: &[Measured], baseline: &str) -> String {
    let base = measured
        .iter()
        .find(|m| m.name == baseline)
        .map(Measured::ns_per_event)
        .unwrap_or(f64::NAN);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<26} {:>10} {:>10} {:>12} {:>10} {:>9}",
        "path",
        "median",
        "best",
        "events/s",
        "ns/event",
        "÷ ".to_owned() + baseline
    );
    for m in measured {
        let _ = writeln!(
            out,
            "{:<26} {:>9.1?} {:>9.1?} {:>12.0} {:>10.0} {:>8.2}×",
            m.name,
            m.median(),
            m.best(),
            m.events_per_sec(),
            m.ns_per_event(),
            m.ns_per_event() / base
        );
    }
    out
}
