//! The cost of each command by action, and whether it grows with the history already recorded:
//! each commune's year (told by `chibo-sim`) is executed through `chibo::Commune::execute` into a
//! fresh commune, timing every call alone, and the mean per action is printed for the first half
//! of the year's commands and for the second half. A ratio well above 1 for an action means its
//! checks scan something that grows with the commune's history (issue 20).
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin action_costs -- [--communes 10] [--rounds 3] [--seed 2025]
//! ```
#![allow(clippy::print_stdout)]

use chibo::Commune;
use chibo_bench::cli::Args;
use chibo_bench::{commune_year, BenchError, CommuneYear};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Calls and time spent, in the first and the second half of a year's commands.
#[derive(Debug, Default, Clone, Copy)]
struct Halves {
    calls: [u64; 2],
    spent: [Duration; 2],
}

impl Halves {
    fn mean_us(&self, half: usize) -> f64 {
        let calls = self.calls.get(half).copied().unwrap_or(0).max(1);
        let spent = self.spent.get(half).copied().unwrap_or_default();
        spent.as_secs_f64() * 1e6 / calls as f64
    }
}

/// Executes one commune's year once, adding each call's time to its action's row.
fn time_year(
    year: &CommuneYear,
    costs: &mut BTreeMap<&'static str, Halves>,
) -> Result<(), BenchError> {
    let mut commune = Commune::new();
    let middle = year.commands.len() / 2;
    for (index, command) in year.commands.iter().enumerate() {
        let started = Instant::now();
        let result = commune.execute(command);
        let spent = started.elapsed();
        let event = result.map_err(|error| BenchError::Refused {
            commune: year.id.clone(),
            index,
            action: command.action.name(),
            error: Box::new(error),
        })?;
        drop(event);
        let half = usize::from(index >= middle);
        let row = costs.entry(command.action.name()).or_default();
        if let (Some(calls), Some(total)) = (row.calls.get_mut(half), row.spent.get_mut(half)) {
            *calls += 1;
            *total += spent;
        }
    }
    Ok(())
}

fn run() -> Result<(), BenchError> {
    let mut args = Args::parse(std::env::args().skip(1), 3)?;
    if !std::env::args().any(|a| a == "--communes") {
        args.config.communes = 10;
    }
    let years = (0..args.config.communes)
        .map(|i| commune_year(&args.config, i))
        .collect::<Result<Vec<_>, _>>()?;
    let commands: usize = years.iter().map(|y| y.commands.len()).sum();
    println!(
        "seed {}, {} communes, {} commands, {} rounds; each execute timed alone",
        args.config.seed,
        years.len(),
        commands,
        args.rounds
    );
    let mut costs: BTreeMap<&'static str, Halves> = BTreeMap::new();
    let mut total = Duration::ZERO;
    for _ in 0..args.rounds {
        let started = Instant::now();
        for year in &years {
            time_year(year, &mut costs)?;
        }
        total += started.elapsed();
    }
    let mut rows: Vec<(&str, Halves)> = costs.into_iter().collect();
    rows.sort_by(|a, b| {
        let spent = |h: &Halves| h.spent.iter().sum::<Duration>();
        spent(&b.1).cmp(&spent(&a.1))
    });
    let all: Duration = rows.iter().flat_map(|(_, h)| h.spent).sum();
    println!(
        "{:<26} {:>8} {:>10} {:>10} {:>10} {:>7} {:>7}",
        "action", "calls", "mean µs", "1st half", "2nd half", "2nd÷1st", "% time"
    );
    for (name, h) in &rows {
        let calls: u64 = h.calls.iter().sum();
        let spent: Duration = h.spent.iter().sum();
        let mean = spent.as_secs_f64() * 1e6 / calls.max(1) as f64;
        let (first, second) = (h.mean_us(0), h.mean_us(1));
        let growth = if h.calls.contains(&0) {
            "—".to_owned()
        } else {
            format!("{:.2}", second / first)
        };
        println!(
            "{:<26} {:>8} {:>10.2} {:>10.2} {:>10.2} {:>7} {:>6.1}%",
            name,
            calls / args.rounds.max(1) as u64,
            mean,
            first,
            second,
            growth,
            100.0 * spent.as_secs_f64() / all.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "all: {:.3} s per round, {:.2} µs per command (timed calls only)",
        total.as_secs_f64() / args.rounds.max(1) as f64,
        all.as_secs_f64() * 1e6 / (commands * args.rounds.max(1)).max(1) as f64
    );
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("action_costs", run())
}
