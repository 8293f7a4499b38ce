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

use chibo_bench::cli::Args;
use chibo_bench::commune_year;
use chibo_bench::costs::{time_commands, Costs, Way};
use chibo_bench::BenchError;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
    let mut costs = Costs::new(2);
    let mut total = Duration::ZERO;
    for _ in 0..args.rounds {
        let started = Instant::now();
        for year in &years {
            let middle = year.commands.len() / 2;
            let half = |index: usize, _: &chibo::Command| usize::from(index >= middle);
            let times = time_commands(&year.id, &year.commands, Way::Execute)?;
            costs.add_calls(&year.commands, &times, half);
        }
        total += started.elapsed();
    }
    let all = costs.total();
    println!(
        "{:<26} {:>8} {:>10} {:>10} {:>10} {:>7} {:>7}",
        "action", "calls", "mean µs", "1st half", "2nd half", "2nd÷1st", "% time"
    );
    for (name, h) in costs.rows() {
        let calls = h.total_calls();
        let spent = h.total_spent();
        let mean = spent.as_secs_f64() * 1e6 / calls.max(1) as f64;
        let (first, second) = (h.mean_us(0), h.mean_us(1));
        let growth = match (first, second) {
            (Some(first), Some(second)) => format!("{:.2}", second / first),
            _ => "—".to_owned(),
        };
        println!(
            "{:<26} {:>8} {:>10.2} {:>10.2} {:>10.2} {:>7} {:>6.1}%",
            name,
            calls / args.rounds.max(1) as u64,
            mean,
            first.unwrap_or(0.0),
            second.unwrap_or(0.0),
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
