//! serde_json against the two SIMD JSON parsers issue 20 names (sonic-rs, simd-json), each
//! reading every journal line of the same generated communes into the same typed record
//! ([`chibo_bench::paths::Line`], what `chibo::journal::decode` builds), side by side in one run.
//!
//! Before timing, every line is read by all three and the records compared: a parser that reads
//! one line differently fails the run. Then a few malformed lines show what each parser says
//! (the library's typed errors carry that text as their detail) and which ones it wrongly accepts.
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin parsers -- [--communes 10] [--rounds 5] [--seed 2025]
//! RUSTFLAGS="-C target-cpu=native" cargo run --release -p chibo-bench --bin parsers   # SIMD on
//! ```
#![allow(clippy::print_stdout)]

use chibo_bench::cli::Args;
use chibo_bench::paths::{Corpus, Line};
use chibo_bench::timing::{interleaved, table, Path};
use chibo_bench::BenchError;
use std::process::ExitCode;

/// Which parser.
#[derive(Debug, Clone, Copy)]
enum Parser {
    SerdeJson,
    SonicRs,
    SimdJson,
}

impl Parser {
    const ALL: [Self; 3] = [Self::SerdeJson, Self::SonicRs, Self::SimdJson];

    fn name(self) -> &'static str {
        match self {
            Self::SerdeJson => "serde_json::from_str",
            Self::SonicRs => "sonic_rs::from_str",
            Self::SimdJson => "simd_json::serde::from_slice",
        }
    }

    /// Reads one line; simd-json parses in place, so it is given its own copy (`scratch`), as
    /// the library would have to: the line's bytes are also hashed and kept.
    fn read<'a>(self, line: &'a str, scratch: &'a mut Vec<u8>) -> Result<Line<'a>, String> {
        match self {
            Self::SerdeJson => serde_json::from_str(line).map_err(|e| e.to_string()),
            Self::SonicRs => sonic_rs::from_str(line).map_err(|e| e.to_string()),
            Self::SimdJson => {
                scratch.clear();
                scratch.extend_from_slice(line.as_bytes());
                simd_json::serde::from_slice(scratch).map_err(|e| e.to_string())
            }
        }
    }

    /// Reads every line of every commune; returns the records read.
    fn read_all(self, corpus: &Corpus) -> Result<u64, BenchError> {
        let mut scratch = Vec::new();
        let mut n = 0;
        for (i, text) in corpus.texts.iter().enumerate() {
            for line in text.split('\n') {
                let record = self
                    .read(line, &mut scratch)
                    .map_err(|detail| malformed(corpus, i, detail))?;
                n += record.seq.min(1);
            }
        }
        Ok(n)
    }
}

fn malformed(corpus: &Corpus, commune: usize, detail: String) -> BenchError {
    BenchError::Journal {
        commune: corpus.ids.get(commune).cloned().unwrap_or_default(),
        error: Box::new(chibo::Error::from(chibo::error::InputError::Malformed {
            detail,
        })),
    }
}

/// Every line read by every parser gives the same record as serde_json's.
fn check_agreement(corpus: &Corpus) -> Result<u64, BenchError> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut lines = 0;
    for (i, text) in corpus.texts.iter().enumerate() {
        for line in text.split('\n') {
            let reference = Parser::SerdeJson
                .read(line, &mut a)
                .map_err(|d| malformed(corpus, i, d))?;
            for parser in [Parser::SonicRs, Parser::SimdJson] {
                let other = parser
                    .read(line, &mut b)
                    .map_err(|d| malformed(corpus, i, format!("{}: {d}", parser.name())))?;
                if other != reference {
                    return Err(malformed(
                        corpus,
                        i,
                        format!("{} reads line {} differently", parser.name(), reference.seq),
                    ));
                }
            }
            lines += 1;
        }
    }
    Ok(lines)
}

/// Malformed variants of a real line, each with what a reader must do with it.
fn malformed_lines(line: &str) -> Vec<(&'static str, String)> {
    let body = line.strip_suffix('}').unwrap_or(line);
    vec![
        (
            "cut short",
            line.get(..line.len() / 2).unwrap_or("").to_owned(),
        ),
        ("an unknown key", format!("{body},\"extra\":1}}")),
        (
            "a duplicate key",
            line.replacen("{\"v\":", "{\"v\":1,\"v\":", 1),
        ),
        ("text after the record", format!("{line} x")),
        (
            "a raw tab inside a string",
            line.replacen("\"hash\":\"", "\"hash\":\"\t", 1),
        ),
        (
            "a sequence number past u64",
            line.replacen("\"seq\":", "\"seq\":99999999999999999999", 1),
        ),
    ]
}

fn show_errors(corpus: &Corpus) {
    let Some(line) = corpus.texts.first().and_then(|t| t.split('\n').nth(1)) else {
        return;
    };
    println!("malformed lines (must all be refused; the message is the typed error's detail):");
    let mut scratch = Vec::new();
    for (what, bad) in malformed_lines(line) {
        println!("  {what}:");
        for parser in Parser::ALL {
            let said = match parser.read(&bad, &mut scratch) {
                Ok(_) => "ACCEPTED".to_owned(),
                // sonic-rs adds lines quoting the place; the first line is the message.
                Err(e) => e.lines().next().unwrap_or("").chars().take(110).collect(),
            };
            println!("    {:<30} {said}", parser.name());
        }
    }
}

fn run() -> Result<(), BenchError> {
    let args = Args::parse(std::env::args().skip(1), 5)?;
    let corpus = Corpus::generate(&args.config)?;
    let events = corpus.event_count();
    let lines = check_agreement(&corpus)?;
    println!(
        "{} communes, {lines} lines ({:.0} bytes/line): the three parsers read every line to the same record",
        corpus.texts.len(),
        corpus.byte_count() as f64 / events.max(1) as f64
    );
    show_errors(&corpus);
    println!(
        "timing {} rounds, one core; ns per line, into chibo's typed record:",
        args.rounds
    );
    let corpus = &corpus;
    let mut paths: Vec<Path<'_>> = Parser::ALL
        .into_iter()
        .map(|parser| Path::new(parser.name(), events, move || parser.read_all(corpus)))
        .collect();
    let measured = interleaved(args.rounds, &mut paths)?;
    print!("{}", table(&measured, Parser::SerdeJson.name()));
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("parsers", run())
}
