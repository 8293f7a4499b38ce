//! Plain timing of the journal paths over a whole province-year, single-threaded, interleaved
//! (each path once per round, in turn) so that the ratios between paths hold on a noisy machine.
//! The full-province counterpart of `cargo bench -p chibo-bench --bench journal`, which measures
//! a subset of communes with criterion.
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin throughput -- [--communes 150] [--rounds 3] [--seed 2025] [--only load]
//! ```
//!
//! `--only NAME` times only the paths whose name starts with NAME (for a profiler).
#![allow(clippy::print_stdout)]

use chibo_bench::cli::Args;
use chibo_bench::paths::Corpus;
use chibo_bench::timing::{interleaved, table, Measured, Path};
use chibo_bench::BenchError;
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::time::Instant;

fn run() -> Result<(), BenchError> {
    let args = Args::parse(std::env::args().skip(1), 3)?;
    let started = Instant::now();
    let corpus = Corpus::generate(&args.config)?;
    let events = corpus.event_count();
    println!(
        "province: seed {}, {} communes, {} events, {} bytes of JSONL ({:.0} bytes/event); generated in {:.1?}",
        args.config.seed,
        corpus.texts.len(),
        events,
        corpus.byte_count(),
        corpus.byte_count() as f64 / events.max(1) as f64,
        started.elapsed()
    );
    println!(
        "timing {} rounds, one core (but `load on 2 threads`), results dropped outside the clock:",
        args.rounds
    );
    let two = NonZeroUsize::MIN.saturating_add(1);
    let paths = [
        Path::new("apply (in memory)", events, || corpus.apply_all()),
        Path::with_setup(
            "apply owned events",
            events,
            || corpus.owned_events(),
            |owned| corpus.apply_owned_all(owned),
        ),
        Path::new("execute (encode+hash+apply)", events, || {
            corpus.execute_all()
        }),
        Path::with_setup(
            "execute owned commands",
            events,
            || corpus.owned_events(),
            |owned| corpus.execute_owned_all(owned),
        ),
        Path::new("load (parse+verify+apply)", events, || corpus.load_all()),
        Path::new("load on 2 threads", events, || corpus.load_on_all(two)),
        Path::new("verify (parse+hash+chain)", events, || corpus.verify_all()),
        Path::new("parse (serde_json only)", events, || corpus.parse_all()),
        Path::new("sha256 (hash only)", events, || Ok(corpus.sha256_all())),
    ];
    let mut paths: Vec<Path<'_>> = paths
        .into_iter()
        .filter(|p| args.only.as_deref().is_none_or(|o| p.name.starts_with(o)))
        .collect();
    let measured = interleaved(args.rounds, &mut paths)?;
    print!("{}", table(&measured, "load (parse+verify+apply)"));
    print!("{}", load_ratios(&measured));
    Ok(())
}

/// The ratios issue 20's targets are stated in: load against its floor (parse + SHA-256, the
/// same run's figures), and load on two threads against one.
fn load_ratios(measured: &[Measured]) -> String {
    let ns = |name: &str| {
        measured
            .iter()
            .find(|m| m.name == name)
            .map(Measured::ns_per_event)
    };
    let mut out = String::new();
    if let (Some(load), Some(parse), Some(hash)) = (
        ns("load (parse+verify+apply)"),
        ns("parse (serde_json only)"),
        ns("sha256 (hash only)"),
    ) {
        out += &format!(
            "load ÷ floor (parse + sha256 = {:.0} ns/event): {:.2}× (target ≤ 1.5×)\n",
            parse + hash,
            load / (parse + hash)
        );
    }
    if let (Some(one), Some(two)) = (ns("load (parse+verify+apply)"), ns("load on 2 threads")) {
        out += &format!(
            "load on 2 threads: {:.2}× faster than on one (target ≥ 1.7×)\n",
            one / two
        );
    }
    out
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("throughput", run())
}
