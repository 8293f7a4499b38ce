//! The few options the bins share: `--seed N`, `--communes N`, `--years N`, `--rounds N`,
//! `--only NAME`, and
//! positional arguments.

use crate::{BenchError, Config, DEFAULT_SEED};

/// Parsed command-line arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    /// The province to generate.
    pub config: Config,
    /// Rounds of timing (`--rounds`), when the bin times anything.
    pub rounds: usize,
    /// Only the paths whose name starts with this (`--only load`), when the bin times paths.
    pub only: Option<String>,
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, BenchError> {
    value
        .as_deref()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| BenchError::Usage(format!("{flag} needs a number")))
}

impl Args {
    /// Parses `args` (without the program name). Defaults: the full province
    /// ([`Config::province`]) from [`DEFAULT_SEED`], `rounds` as given.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        rounds: usize,
    ) -> Result<Self, BenchError> {
        let mut parsed = Self {
            config: Config::province(DEFAULT_SEED),
            rounds,
            only: None,
            positional: Vec::new(),
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--seed" => parsed.config.seed = number(&arg, args.next())?,
                "--communes" => parsed.config.communes = number(&arg, args.next())?,
                "--years" => parsed.config.years = number::<u32>(&arg, args.next())?.max(1),
                "--rounds" => parsed.rounds = number(&arg, args.next())?,
                "--only" => parsed.only = args.next(),
                _ => parsed.positional.push(arg),
            }
        }
        Ok(parsed)
    }
}

/// A bin's exit: success, or the error printed after the bin's name, and failure.
pub fn exit(name: &str, result: Result<(), BenchError>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{name}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
