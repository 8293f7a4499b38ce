//! What signed records cost (issue 19), side by side in one run on the same generated communes:
//! signing a record, checking one signature, executing and loading with and without signatures.
//! Every member's key is registered before their first command, so nearly every record is signed.
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin signing -- [--communes 10] [--rounds 5] [--seed 2025]
//! ```
#![allow(clippy::print_stdout)]

use chibo_bench::cli::Args;
use chibo_bench::paths::Corpus;
use chibo_bench::signed::SignedCorpus;
use chibo_bench::timing::{interleaved, table, Path};
use chibo_bench::BenchError;
use std::process::ExitCode;
use std::time::Instant;

fn run() -> Result<(), BenchError> {
    let args = Args::parse(std::env::args().skip(1), 5)?;
    let started = Instant::now();
    let corpus = Corpus::generate(&args.config)?;
    let signed = SignedCorpus::sign(&corpus)?;
    let steps = signed.step_count();
    let sigs = signed.signed_count();
    let unsigned_bytes: usize = signed.texts.iter().map(String::len).sum();
    println!(
        "{} communes, {steps} records ({sigs} signed, {} unsigned: the registrations and what came before a member's key), {:.0} bytes/record; prepared in {:.1?}",
        signed.texts.len(),
        steps - sigs,
        unsigned_bytes as f64 / steps.max(1) as f64,
        started.elapsed()
    );
    let unsigned = SignedCorpus {
        steps: Vec::new(),
        texts: signed.unsigned_texts()?,
    };
    println!(
        "timing {} rounds, one core; ns per record (sign and verify: per signed record):",
        args.rounds
    );
    let two = std::num::NonZeroUsize::MIN.saturating_add(1);
    let mut paths = vec![
        Path::new("execute unsigned", steps, || signed.execute_unsigned_all()),
        Path::new("execute signed", steps, || signed.execute_all()),
        Path::new("load unsigned", steps, || unsigned.load_all()),
        Path::new("load signed", steps, || signed.load_all()),
        Path::new("load signed on 2 threads", steps, || {
            signed.load_on_all(two)
        }),
        Path::new("load unsigned on 2 threads", steps, || {
            unsigned.load_on_all(two)
        }),
        Path::new("sign (event JSON + Ed25519)", sigs, || signed.sign_all()),
        Path::new("verify one signature", sigs, || {
            signed.verify_signatures_all()
        }),
    ];
    let measured = interleaved(args.rounds, &mut paths)?;
    print!("{}", table(&measured, "load unsigned"));
    let ns = |name: &str| {
        measured
            .iter()
            .find(|m| m.name == name)
            .map(chibo_bench::timing::Measured::ns_per_event)
            .unwrap_or(f64::NAN)
    };
    println!(
        "signatures cost: execute {:.2}×, load {:.2}× the unsigned path; signed load on 2 threads {:.2}× faster than on one",
        ns("execute signed") / ns("execute unsigned"),
        ns("load signed") / ns("load unsigned"),
        ns("load signed") / ns("load signed on 2 threads")
    );
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("signing", run())
}
