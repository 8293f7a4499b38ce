//! Writes a synthetic province-year to a folder, one JSON Lines journal per commune
//! (`xa-001.jsonl`, …, each line a record, the file ending with a newline), and prints what it
//! holds. Every command goes through `chibo::Journal::execute`, so every file loads.
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin province_year -- /tmp/province [--seed 2025] [--communes 150]
//! ```
#![allow(clippy::print_stdout)]

use chibo_bench::cli::Args;
use chibo_bench::{execute, province, BenchError, Counts};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn run() -> Result<(), BenchError> {
    let args = Args::parse(std::env::args().skip(1), 0)?;
    let folder = args.positional.first().map(PathBuf::from).ok_or_else(|| {
        BenchError::Usage("usage: province_year <folder> [--seed N] [--communes N]".to_owned())
    })?;
    let io = |path: &std::path::Path| {
        let path = path.display().to_string();
        move |error| BenchError::Io { path, error }
    };
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let config = &args.config;
    let started = Instant::now();
    let mut counts = Counts::default();
    let mut members = 0;
    for commune in province(config) {
        let commune = commune?;
        let executed = execute(&commune)?;
        members += executed.journal.commune().organisation.members.len();
        let path = folder.join(format!("{}.jsonl", commune.id));
        let mut text = executed.text;
        text.push('\n');
        std::fs::write(&path, &text).map_err(io(&path))?;
        counts.add(&commune, text.len() - 1);
    }
    let elapsed = started.elapsed();
    println!(
        "seed {}, year 2025: {} communes × 16 cells, {} members (higher-level followers included)",
        config.seed, counts.communes, members
    );
    println!(
        "{} events, {} bytes of JSONL ({:.0} bytes/event), written to {}",
        counts.events,
        counts.bytes,
        counts.bytes as f64 / counts.events.max(1) as f64,
        folder.display()
    );
    println!(
        "generated and executed (Journal::execute: check, encode, SHA-256, apply) in {elapsed:.2?}"
    );
    println!("events by action:");
    let mut by_action: Vec<_> = counts.by_action.iter().collect();
    by_action.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (action, n) in by_action {
        println!("  {action:<26} {n:>9}");
    }
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("province_year", run())
}
