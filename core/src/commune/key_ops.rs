//! The key registry (docs/journal.md, *Signatures*): who may register, replace and revoke a
//! member's signing key, and which key a member had on a date. Whether a record's signature
//! verifies is the journal's business ([`crate::journal::Journal`]); the commune keeps the dated
//! keys it is checked against.

use super::Commune;
use crate::command::{RegisterKey, RevokeKey, RotateKey};
use crate::error::{denied, Error, JournalError, Needed};
use crate::ids::MemberId;
use crate::journal::PublicKey;
use crate::organisation::Home;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// One key of a member and when it was valid: from `from` (included) until `until` (excluded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KeyPeriod {
    /// The Ed25519 public key.
    pub key: PublicKey,
    /// When it was registered.
    pub from: Timestamp,
    /// When it was replaced or revoked, if it was.
    pub until: Option<Timestamp>,
}

impl KeyPeriod {
    fn valid_at(&self, at: &Timestamp) -> bool {
        let before_end = match &self.until {
            Some(until) => at < until,
            None => true,
        };
        self.from <= *at && before_end
    }
}

impl Commune {
    /// The key `member` had at `at`, if any.
    pub fn key_at(&self, member: &MemberId, at: &Timestamp) -> Option<&PublicKey> {
        self.keys
            .get(member)?
            .iter()
            .rev()
            .find(|period| period.valid_at(at))
            .map(|period| &period.key)
    }

    /// Whether `actor` is the secretary of `member`'s cell.
    fn is_secretary_of(&self, actor: &MemberId, member: &MemberId) -> bool {
        let Ok(member) = self.organisation.member(member) else {
            return false;
        };
        match &member.home {
            Home::Cell(cell) => self
                .organisation
                .cell(cell)
                .is_ok_and(|cell| cell.leadership.secretary.as_ref() == Some(actor)),
            Home::Level(_) => false,
        }
    }

    pub(super) fn register_key(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &RegisterKey,
    ) -> Result<(), Error> {
        self.organisation.member(&c.member)?;
        if !self.organisation.is_registrar(actor) && !self.is_secretary_of(actor, &c.member) {
            return Err(denied(actor, "register_key", Needed::CellSecretary));
        }
        if self.key_at(&c.member, &at).is_some() {
            return Err(JournalError::KeyExists {
                member: c.member.clone(),
            }
            .into());
        }
        self.add_key(&c.member, c.key, &c.proof, at)
    }

    pub(super) fn rotate_key(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &RotateKey,
    ) -> Result<(), Error> {
        self.require_key(actor, &at)?;
        if !c.key.verifies_proof(actor, &c.proof) {
            return Err(JournalError::KeyProofInvalid {
                member: actor.clone(),
            }
            .into());
        }
        self.end_key(actor, at);
        self.add_key(actor, c.key, &c.proof, at)
    }

    pub(super) fn revoke_key(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: &RevokeKey,
    ) -> Result<(), Error> {
        self.organisation.member(&c.member)?;
        let allowed = actor == &c.member
            || self.organisation.is_registrar(actor)
            || self.is_secretary_of(actor, &c.member);
        if !allowed {
            return Err(denied(actor, "revoke_key", Needed::CellSecretary));
        }
        crate::text::required("reason", &c.reason)?;
        self.require_key(&c.member, &at)?;
        self.end_key(&c.member, at);
        Ok(())
    }

    fn require_key(&self, member: &MemberId, at: &Timestamp) -> Result<(), Error> {
        match self.key_at(member, at) {
            Some(_) => Ok(()),
            None => Err(JournalError::NoKey {
                member: member.clone(),
            }
            .into()),
        }
    }

    fn add_key(
        &mut self,
        member: &MemberId,
        key: PublicKey,
        proof: &crate::journal::Signature,
        at: Timestamp,
    ) -> Result<(), Error> {
        if !key.verifies_proof(member, proof) {
            return Err(JournalError::KeyProofInvalid {
                member: member.clone(),
            }
            .into());
        }
        self.keys
            .entry(member.clone())
            .or_default()
            .push(KeyPeriod {
                key,
                from: at,
                until: None,
            });
        Ok(())
    }

    fn end_key(&mut self, member: &MemberId, at: Timestamp) {
        if let Some(period) = self
            .keys
            .get_mut(member)
            .and_then(|periods| periods.iter_mut().find(|p| p.until.is_none()))
        {
            period.until = Some(at);
        }
    }
}
