//! Whether a command costs more as the commune's history grows: a commune told over ten years
//! (`chibo-sim`, `Setting::with_years`) is run through the core, every call timed alone, and the
//! mean cost per action is printed for the first year and the last, with their ratio, and the
//! mean cost per command for each year — applied as a journal's event
//! ([`chibo::Commune::apply_owned`]) and executed into a journal ([`chibo::Journal::execute`]:
//! check, encode, SHA-256, apply), in the same run. Issue 20's target: the last month of a 10-year
//! commune costs the same per command as the first; a ratio well above 1 names an action whose
//! checks scan something that grows with history.
//!
//! A command belongs to the calendar year of its time (Vietnam time); the organisation entered on
//! 30 December before the first year is a row of its own ("setup"), left out of year 1. Each round runs the whole history
//! once each way, in turn, and each call keeps its fastest round (a call the shared machine
//! preempted in one round is taken from another): the means are of those fastest calls.
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin history -- [--years 10] [--communes 1] [--rounds 3] [--seed 2025]
//! ```
#![allow(clippy::print_stdout)]

use chibo::Command;
use chibo_bench::cli::Args;
use chibo_bench::costs::{fastest, time_commands, Costs, Way};
use chibo_bench::{commune_year, BenchError, CommuneYear};
use chrono::Datelike;
use std::process::ExitCode;
use std::time::Duration;

/// An action is said to grow with history when its last year costs this much more than its first.
const GROWS: f64 = 1.2;

/// The mean µs per call of `action` in `year` (a bucket).
fn action_us(costs: &Costs, action: &str, year: usize) -> Option<f64> {
    costs
        .rows()
        .into_iter()
        .find(|(n, _)| *n == action)
        .and_then(|(_, r)| r.mean_us(year))
}

/// The mean µs per command in `year`.
fn year_us(costs: &Costs, year: usize) -> Option<f64> {
    let (calls, spent) = costs.bucket(year);
    (calls > 0).then(|| spent.as_secs_f64() * 1e6 / calls as f64)
}

fn ratio(last: Option<f64>, first: Option<f64>) -> Option<f64> {
    Some(last? / first?)
}

fn show(value: Option<f64>, precision: usize) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.precision$}"))
}

fn run() -> Result<(), BenchError> {
    let mut args = Args::parse(std::env::args().skip(1), 3)?;
    let given = |flag: &str| std::env::args().any(|a| a == flag);
    if !given("--communes") {
        args.config.communes = 1;
    }
    if !given("--years") {
        args.config.years = 10;
    }
    let communes = (0..args.config.communes)
        .map(|i| commune_year(&args.config, i))
        .collect::<Result<Vec<CommuneYear>, _>>()?;
    let years = args.config.years as usize;
    let first = communes
        .iter()
        .flat_map(|c| c.commands.iter())
        .find(|c| c.action.name() == "issue_directive")
        .map_or(2025, |c| c.at.year());
    // Bucket 0: the organisation entered before the first year; bucket k: year k (from 1).
    let year_of = |_: usize, command: &Command| {
        let offset = command.at.year().saturating_sub(first);
        usize::try_from(offset.saturating_add(1)).map_or(0, |k| k.min(years))
    };
    let last_year = years;
    let commands: usize = communes.iter().map(|c| c.commands.len()).sum();
    println!(
        "seed {}, {} commune(s) told over {} years ({}–{}), {} commands, {} rounds; each call timed alone",
        args.config.seed,
        communes.len(),
        years,
        first,
        first.saturating_add(i32::try_from(years).unwrap_or(0)) - 1,
        commands,
        args.rounds
    );
    // Each round runs every commune's history once each way, in turn; each call keeps its
    // fastest round.
    let ways = [Way::Apply, Way::Journal];
    let mut runs: Vec<Vec<Vec<Vec<Duration>>>> = vec![vec![Vec::new(); communes.len()]; 2];
    for _ in 0..args.rounds.max(1) {
        for (way, by_commune) in ways.iter().zip(runs.iter_mut()) {
            for (commune, rounds) in communes.iter().zip(by_commune.iter_mut()) {
                rounds.push(time_commands(&commune.id, &commune.commands, *way)?);
            }
        }
    }
    let costs: Vec<Costs> = runs
        .iter()
        .map(|by_commune| {
            let mut costs = Costs::new(years + 1);
            for (commune, rounds) in communes.iter().zip(by_commune) {
                costs.add_calls(&commune.commands, &fastest(rounds), year_of);
            }
            costs
        })
        .collect();
    let (Some(apply), Some(execute)) = (costs.first(), costs.get(1)) else {
        return Ok(());
    };

    println!();
    println!("per command, each year (µs, each call its fastest round; history = events before the year)");
    println!(
        "{:<6} {:>9} {:>10} {:>9} {:>8} {:>10} {:>8}",
        "year", "commands", "history", "apply", "÷ y1", "execute", "÷ y1"
    );
    let mut before = 0;
    for year in 0..=years {
        let calls = apply.bucket(year).0;
        let (a, e) = (year_us(apply, year), year_us(execute, year));
        let label = match year {
            0 => "setup".to_owned(),
            _ => (first + i32::try_from(year).unwrap_or(1) - 1).to_string(),
        };
        println!(
            "{:<6} {:>9} {:>10} {:>9} {:>7}× {:>10} {:>7}×",
            label,
            calls,
            before,
            show(a, 2),
            show(ratio(a, year_us(apply, 1)), 2),
            show(e, 2),
            show(ratio(e, year_us(execute, 1)), 2),
        );
        before += calls;
    }

    println!();
    println!(
        "per action, year 1 against year {years} (µs per call, each its fastest round; the most time first)"
    );
    println!(
        "{:<24} {:>7} {:>7} {:>9} {:>9} {:>7} {:>9} {:>9} {:>7}",
        "action", "calls 1", "calls N", "apply 1", "apply N", "N÷1", "exec 1", "exec N", "N÷1"
    );
    let mut growing = Vec::new();
    for (name, row) in execute.rows() {
        let (a1, an) = (action_us(apply, name, 1), action_us(apply, name, last_year));
        let (e1, en) = (
            action_us(execute, name, 1),
            action_us(execute, name, last_year),
        );
        let (ra, re) = (ratio(an, a1), ratio(en, e1));
        println!(
            "{:<24} {:>7} {:>7} {:>9} {:>9} {:>6}× {:>9} {:>9} {:>6}×",
            name,
            row.calls.get(1).copied().unwrap_or(0),
            row.calls.get(last_year).copied().unwrap_or(0),
            show(a1, 2),
            show(an, 2),
            show(ra, 2),
            show(e1, 2),
            show(en, 2),
            show(re, 2),
        );
        if ra.is_some_and(|r| r > GROWS) || re.is_some_and(|r| r > GROWS) {
            growing.push(format!(
                "{name} (apply {}×, execute {}×)",
                show(ra, 2),
                show(re, 2)
            ));
        }
    }
    println!();
    if growing.is_empty() {
        println!("no action grows by more than {GROWS}× from year 1 to year {years}");
    } else {
        println!(
            "growing by more than {GROWS}× from year 1 to year {years}: {}",
            growing.join(", ")
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("history", run())
}
