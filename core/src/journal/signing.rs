//! Where the journal checks signatures and seals (docs/journal.md, *Signatures*): every record
//! read, executed or merged passes [`Journal::check_signed`] before the commune applies it, and
//! [`verify_signed_seal`] checks a journal against a signed seal.

use super::record::decode;
use super::signature::{PublicKey, Signature};
use super::{Head, Journal};
use crate::command::{Action, Event};
use crate::error::{Error, InputError, JournalError};
use chrono::NaiveDate;
use serde::Serialize;

/// How a journal stands with signatures, for a summary beside its head: how many records are
/// signed and how many are not (records before the policy date may be unsigned; from it, none
/// is), from when the commune requires signatures, and its last signed seal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Signing {
    /// Records carrying their actor's signature.
    pub signed: u64,
    /// Records without one.
    pub unsigned: u64,
    /// The first day signatures are required (`signatures_required`, R-33), if they ever are.
    pub required_from: Option<NaiveDate>,
    /// The record number of the last signed seal, if any.
    pub last_signed_seal: Option<u64>,
}

impl Journal {
    /// How the journal stands with signatures.
    pub fn signing(&self) -> Signing {
        let commune = &self.commune;
        let book = &commune.rule_book;
        let required_from = if book.first.signatures_required.value {
            commune.established_at.map(|at| at.date_naive())
        } else {
            book.changes
                .iter()
                .find(|change| change.rules.signatures_required.value)
                .map(|change| change.from)
        };
        let last_signed_seal = commune
            .seals
            .iter()
            .rev()
            .find(|seal| seal.signature.is_some())
            .and_then(|seal| seal.seq.checked_add(1));
        Signing {
            signed: self.signed,
            unsigned: self.len().saturating_sub(self.signed),
            required_from,
            last_signed_seal,
        }
    }

    /// Checks a record about to become record `line`, before the commune applies it: a signature,
    /// if present, verifies against the key its actor had at the record's date (taken as checked
    /// when that key is `verified_under`, a key another thread verified it under); from the date the
    /// rules require signatures (the record's own, or the journal's latest if later), one is
    /// present; a seal names the head.
    pub(crate) fn check_signed(
        &self,
        line: u64,
        event: &Event,
        sig: Option<&Signature>,
        verified_under: Option<&PublicKey>,
    ) -> Result<(), Error> {
        let command = &event.0;
        match sig {
            Some(sig) => {
                let verified = match self.commune.key_at(&command.actor, &command.at) {
                    Some(key) if verified_under == Some(key) => true,
                    Some(key) => {
                        let json = serde_json::to_string(event).map_err(InputError::malformed)?;
                        key.verifies_event(json.as_bytes(), sig)
                    }
                    None => false,
                };
                if !verified {
                    return Err(JournalError::SignatureInvalid {
                        line,
                        actor: command.actor.clone(),
                    }
                    .into());
                }
            }
            None => {
                // The rules of the record's date, or of the latest date already in the journal if
                // that is later: once the policy is in force, a record dated back before it is
                // still added now, and needs a signature like any other.
                let on = self
                    .latest
                    .map_or(command.at, |latest| latest.max(command.at));
                let required = self.commune.established
                    && self
                        .commune
                        .rules_on(on.date_naive())
                        .signatures_required
                        .value;
                if required {
                    return Err(JournalError::SignatureMissing {
                        line,
                        actor: command.actor.clone(),
                    }
                    .into());
                }
            }
        }
        if let Action::SealJournal(seal) = &command.action {
            let head = self.head();
            if seal.seq != head.seq || seal.hash != head.hash {
                return Err(JournalError::SealMismatch {
                    line,
                    seq: seal.seq,
                    head_seq: head.seq,
                }
                .into());
            }
        }
        Ok(())
    }
}

/// Loads a journal (every signature checked) and checks it against a signed seal: `seal_line` is
/// a signed `seal_journal` record (as printed in the minutes, or kept anywhere), and the journal
/// must hold it, at its sequence number with its hash. A journal whose end was cut — the seal
/// among what was cut — fails with `journal.seal_missing`. Returns the journal's head.
pub fn verify_signed_seal(text: impl AsRef<[u8]>, seal_line: &[u8]) -> Result<Head, Error> {
    let seal_line = seal_line.strip_suffix(b"\n").unwrap_or(seal_line);
    let seal = decode(0, seal_line)?;
    if !matches!(seal.event.0.action, Action::SealJournal(_)) || seal.sig.is_none() {
        return Err(JournalError::NotASignedSeal { seq: seal.seq }.into());
    }
    let journal = Journal::load(text)?;
    if journal.hash_at(seal.seq) != Some(seal.hash) {
        return Err(JournalError::SealMissing {
            seq: seal.seq,
            hash: seal.hash.to_hex(),
            found_seq: journal.len(),
        }
        .into());
    }
    Ok(journal.head())
}
