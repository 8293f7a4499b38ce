//! Criterion benchmarks of the journal paths, in events per second, over a measured subset of a
//! synthetic province-year told by `chibo-sim` (`CHIBO_BENCH_COMMUNES` communes, 10 by default,
//! ≈77,000 events):
//!
//! - `journal/apply`: events applied to fresh communes in memory (`Commune::apply`, no clone);
//! - `journal/execute`: commands checked, encoded, hashed and applied (`Journal::execute`);
//! - `journal/load`: JSONL decoded, chain verified, events applied (`Journal::load`);
//! - `journal/verify`: the chain only (`chibo::journal::verify`);
//! - `journal/parse` and `journal/sha256`: verify's two costs apart (not library paths);
//! - `store/*`: appending to a `chibo-store` file, fsync per command (the first
//!   `CHIBO_BENCH_FSYNC_COMMANDS` commands of the first commune, 1,000 by default) and one fsync
//!   per sitting (the whole first commune), and opening that file (read, verify, replay).
//!
//! After criterion, a plain interleaved run prints every path as a ratio of `load`, measured in
//! the same run (the machine is shared and noisy). Full-province figures: the `throughput` bin.
//!
//! ```sh
//! cargo bench -p chibo-bench --bench journal
//! ```
#![allow(clippy::print_stdout)]

use chibo::Command;
use chibo_bench::paths::Corpus;
use chibo_bench::store::{append_batches, append_each, open, Scratch};
use chibo_bench::timing::{interleaved, table, Path};
use chibo_bench::{BenchError, Config, DEFAULT_SEED};
use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use std::process::ExitCode;
use std::time::Duration;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the store benchmarks write: a sample for fsync per command, and a whole commune with its
/// sittings for fsync per batch.
struct StoreInput {
    each: Vec<Command>,
    commune: Vec<Command>,
    batches: Vec<usize>,
}

impl StoreInput {
    fn new(corpus: &Corpus, sample: usize) -> Self {
        let commune: Vec<Command> = corpus
            .events
            .first()
            .map(|events| events.iter().map(|e| e.0.clone()).collect())
            .unwrap_or_default();
        Self {
            each: commune.iter().take(sample).cloned().collect(),
            batches: corpus.batches.first().cloned().unwrap_or_default(),
            commune,
        }
    }
}

fn journal_group(c: &mut Criterion, corpus: &Corpus) {
    let mut group = c.benchmark_group("journal");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Elements(corpus.event_count()));
    group.bench_function("apply", |b| b.iter_with_large_drop(|| corpus.apply_all()));
    group.bench_function("execute", |b| {
        b.iter_with_large_drop(|| corpus.execute_all())
    });
    group.bench_function("load", |b| b.iter_with_large_drop(|| corpus.load_all()));
    group.bench_function("verify", |b| b.iter(|| corpus.verify_all()));
    group.bench_function("parse", |b| b.iter(|| corpus.parse_all()));
    group.bench_function("sha256", |b| b.iter(|| corpus.sha256_all()));
    group.finish();
}

fn store_group(c: &mut Criterion, input: &StoreInput, scratch: &mut Scratch) {
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(input.each.len() as u64));
    group.bench_function("append_fsync_each", |b| {
        b.iter_batched(
            || scratch.fresh(),
            |path| append_each(&path?, &input.each),
            BatchSize::PerIteration,
        )
    });
    group.throughput(Throughput::Elements(input.commune.len() as u64));
    group.bench_function("append_fsync_per_sitting", |b| {
        b.iter_batched(
            || scratch.fresh(),
            |path| append_batches(&path?, &input.commune, &input.batches),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn open_group(
    c: &mut Criterion,
    input: &StoreInput,
    scratch: &mut Scratch,
) -> Result<(), BenchError> {
    let path = scratch.fresh()?;
    append_batches(&path, &input.commune, &input.batches)?;
    let mut group = c.benchmark_group("store");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(input.commune.len() as u64));
    group.bench_function("open", |b| b.iter(|| open(&path)));
    group.finish();
    Ok(())
}

/// Every path once per round, in turn, and the table of ratios.
fn ratios(corpus: &Corpus, input: &StoreInput, base: &std::path::Path) -> Result<(), BenchError> {
    let events = corpus.event_count();
    let each = input.each.len() as u64;
    let whole = input.commune.len() as u64;
    let mut scratch = Scratch::new(base)?;
    let opened = scratch.fresh()?;
    append_batches(&opened, &input.commune, &input.batches)?;
    let mut scratch_each = Scratch::new(base)?;
    let mut scratch_batch = Scratch::new(base)?;
    let mut paths = [
        Path::new("apply (in memory)", events, || corpus.apply_all()),
        Path::new("execute (encode+hash+apply)", events, || {
            corpus.execute_all()
        }),
        Path::new("load (parse+verify+apply)", events, || corpus.load_all()),
        Path::new("verify (parse+hash+chain)", events, || corpus.verify_all()),
        Path::new("parse (serde_json only)", events, || corpus.parse_all()),
        Path::new("sha256 (hash only)", events, || Ok(corpus.sha256_all())),
        Path::new("store open (read+load)", whole, || open(&opened)),
        Path::new("store append, fsync/sitting", whole, || {
            append_batches(&scratch_batch.fresh()?, &input.commune, &input.batches)
        }),
        Path::new("store append, fsync/command", each, || {
            append_each(&scratch_each.fresh()?, &input.each)
        }),
    ];
    let measured = interleaved(5, &mut paths)?;
    println!(
        "\nratios, one run, 5 interleaved rounds ({} communes, {events} events; store: {whole} events in {} sittings, {each} fsynced one by one):",
        corpus.texts.len(),
        input.batches.len()
    );
    print!("{}", table(&measured, "load (parse+verify+apply)"));
    Ok(())
}

fn run() -> Result<(), BenchError> {
    let communes = env_number("CHIBO_BENCH_COMMUNES", 10);
    let seed = env_number("CHIBO_BENCH_SEED", DEFAULT_SEED as usize) as u64;
    let corpus = Corpus::generate(&Config::province(seed).with_communes(communes))?;
    let input = StoreInput::new(&corpus, env_number("CHIBO_BENCH_FSYNC_COMMANDS", 1000));
    // Scratch files go where the disk is (not a RAM disk): the system's temporary folder unless
    // CHIBO_BENCH_DIR says otherwise.
    let base = std::env::var_os("CHIBO_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let mut scratch = Scratch::new(&base)?;
    let mut c = Criterion::default().configure_from_args();
    journal_group(&mut c, &corpus);
    store_group(&mut c, &input, &mut scratch);
    open_group(&mut c, &input, &mut scratch)?;
    c.final_summary();
    // `cargo bench` passes `--bench`; without it (cargo test --benches) criterion only checks
    // that each benchmark runs, and so do we.
    if std::env::args().any(|a| a == "--bench") {
        ratios(&corpus, &input, &base)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("journal bench", run())
}
