//! The generated communes signed, for timing what signatures cost (issue 19): every member's key
//! registered by the registrar before their first command, then each of their records signed.
//!
//! ```text
//!   sign            command ─▶ event JSON ─▶ Ed25519 sign                 (the member's device)
//!   verify sig      event JSON + signature ─▶ Ed25519 verify              (one check alone)
//!   execute signed  command + signature ─▶ verify ─▶ encode + SHA-256 ─▶ apply
//!   load signed     JSONL with sig ─▶ parse + SHA-256 + chain + verify ─▶ apply
//!   load signed on 2 threads: the same, lines decoded and signatures checked by 2 helpers
//! ```
//!
//! Keys are derived from the member's id (SHA-256 of it): a benchmark's keys, never a real one's.

use crate::paths::Corpus;
use crate::BenchError;
use chibo::command::{Action, RegisterKey};
use chibo::journal::{event_json, sign_command, sign_key_proof, PublicKey, Signature};
use chibo::{Command, Journal};
use sha2::{Digest as _, Sha256};

/// One command ready to execute, with its actor's signature when the actor had a key.
#[derive(Debug, Clone)]
pub struct Step {
    /// The command.
    pub command: Command,
    /// Its signature and the key it verifies against, if signed.
    pub signed: Option<(Signature, PublicKey)>,
}

/// Each commune's steps (the year's commands with key registrations inserted) and signed text.
#[derive(Debug, Clone, Default)]
pub struct SignedCorpus {
    /// Each commune's steps.
    pub steps: Vec<Vec<Step>>,
    /// Each commune's JSONL text, lines joined by `"\n"`.
    pub texts: Vec<String>,
}

/// The benchmark's secret key of a member.
pub fn secret_of(member: &str) -> [u8; 32] {
    Sha256::digest(member.as_bytes()).into()
}

impl SignedCorpus {
    /// Signs every commune of `corpus`, running each step through the core once.
    pub fn sign(corpus: &Corpus) -> Result<Self, BenchError> {
        let mut signed = Self::default();
        for (id, events) in corpus.ids.iter().zip(&corpus.events) {
            let refused =
                |index: usize, command: &Command, error: chibo::Error| BenchError::Refused {
                    commune: id.clone(),
                    index,
                    action: command.action.name(),
                    error: Box::new(error),
                };
            let mut journal = Journal::new();
            let mut steps = Vec::with_capacity(events.len() + 64);
            let mut lines = Vec::with_capacity(events.len() + 64);
            for (index, event) in events.iter().enumerate() {
                let command = &event.0;
                if let Some(register) = registration(&journal, command) {
                    // The registrar may not act that day (nor anyone witness): then unsigned.
                    if let Ok(encoded) = journal.execute(&register) {
                        lines.push(encoded.line);
                        steps.push(Step {
                            command: register,
                            signed: None,
                        });
                    }
                }
                let commune = journal.commune();
                let step = match commune.key_at(&command.actor, &command.at) {
                    Some(key) => {
                        let secret = secret_of(command.actor.as_str());
                        let sig = sign_command(&secret, command)
                            .map_err(|e| refused(index, command, e))?;
                        Step {
                            command: command.clone(),
                            signed: Some((sig, *key)),
                        }
                    }
                    None => Step {
                        command: command.clone(),
                        signed: None,
                    },
                };
                let encoded =
                    execute(&mut journal, &step).map_err(|e| refused(index, command, e))?;
                lines.push(encoded.line);
                steps.push(step);
            }
            signed.texts.push(lines.join("\n"));
            signed.steps.push(steps);
        }
        Ok(signed)
    }

    /// How many steps in all.
    pub fn step_count(&self) -> u64 {
        self.steps.iter().map(|s| s.len() as u64).sum()
    }

    /// How many of them are signed.
    pub fn signed_count(&self) -> u64 {
        self.steps
            .iter()
            .flatten()
            .filter(|s| s.signed.is_some())
            .count() as u64
    }

    /// Signs every signed step's command again (event JSON, then Ed25519).
    pub fn sign_all(&self) -> Result<u64, BenchError> {
        let mut n = 0u64;
        for step in self.steps.iter().flatten() {
            if step.signed.is_some() {
                let secret = secret_of(step.command.actor.as_str());
                let sig = sign_command(&secret, &step.command).map_err(journal_error)?;
                n += u64::from(sig.0[0] & 1);
            }
        }
        Ok(n)
    }

    /// Checks every signature alone against its key, the event's JSON made each time as the
    /// journal makes it.
    pub fn verify_signatures_all(&self) -> Result<u64, BenchError> {
        let mut n = 0u64;
        for step in self.steps.iter().flatten() {
            if let Some((sig, key)) = &step.signed {
                let json = event_json(&step.command).map_err(journal_error)?;
                n += u64::from(key.verifies_event(json.as_bytes(), sig));
            }
        }
        Ok(n)
    }

    /// Executes every step, signed ones with their signature.
    pub fn execute_all(&self) -> Result<Vec<Journal>, BenchError> {
        self.steps
            .iter()
            .map(|steps| {
                let mut journal = Journal::new();
                for step in steps {
                    execute(&mut journal, step).map_err(journal_error)?;
                }
                Ok(journal)
            })
            .collect()
    }

    /// Executes every step unsigned (the same commands, key registrations included).
    pub fn execute_unsigned_all(&self) -> Result<Vec<Journal>, BenchError> {
        self.steps
            .iter()
            .map(|steps| {
                let mut journal = Journal::new();
                for step in steps {
                    journal.execute(&step.command).map_err(journal_error)?;
                }
                Ok(journal)
            })
            .collect()
    }

    /// The same steps executed unsigned, as JSONL texts: what `load` is compared with.
    pub fn unsigned_texts(&self) -> Result<Vec<String>, BenchError> {
        self.steps
            .iter()
            .map(|steps| {
                let mut journal = Journal::new();
                let mut lines = Vec::with_capacity(steps.len());
                for step in steps {
                    lines.push(journal.execute(&step.command).map_err(journal_error)?.line);
                }
                Ok(lines.join("\n"))
            })
            .collect()
    }

    /// Loads every signed text.
    pub fn load_all(&self) -> Result<Vec<Journal>, BenchError> {
        self.texts
            .iter()
            .map(|text| Journal::load(text).map_err(journal_error))
            .collect()
    }

    /// Loads every signed text on `threads` threads ([`Journal::load_on`]: signatures checked
    /// by the helpers).
    pub fn load_on_all(&self, threads: std::num::NonZeroUsize) -> Result<Vec<Journal>, BenchError> {
        self.texts
            .iter()
            .map(|text| Journal::load_on(text, threads).map_err(journal_error))
            .collect()
    }
}

/// The registrar's `register_key` for a command's actor who is a member without a key yet.
fn registration(journal: &Journal, command: &Command) -> Option<Command> {
    let commune = journal.commune();
    let org = &commune.organisation;
    let actor = &command.actor;
    if !commune.established
        || !org.members.contains_key(actor)
        || commune.key_at(actor, &command.at).is_some()
    {
        return None;
    }
    let secret = secret_of(actor.as_str());
    Some(Command {
        actor: org.registrar.clone(),
        at: command.at,
        action: Action::RegisterKey(RegisterKey {
            member: actor.clone(),
            key: PublicKey::of_secret(&secret),
            proof: sign_key_proof(&secret, actor),
        }),
    })
}

fn execute(journal: &mut Journal, step: &Step) -> Result<chibo::journal::Encoded, chibo::Error> {
    match &step.signed {
        Some((sig, _)) => journal.execute_signed(&step.command, sig),
        None => journal.execute(&step.command),
    }
}

fn journal_error(error: chibo::Error) -> BenchError {
    BenchError::Journal {
        commune: "signed corpus".to_owned(),
        error: Box::new(error),
    }
}
