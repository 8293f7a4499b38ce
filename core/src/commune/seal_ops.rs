//! Seals of the journal (docs/journal.md, *Signed seals*): who may seal, and the seals the
//! commune keeps so that a meeting's minutes can print the one made at its close. That a seal
//! names the journal's head, and whether its signature verifies, is the journal's business.

use super::Commune;
use crate::command::SealJournal;
use crate::error::{denied, Error, Needed, TransitionError};
use crate::ids::{MeetingId, MemberId};
use crate::journal::{Digest, Signature};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A seal of the journal: the head it names, who made it and when, the meeting it closes, and the
/// signature of its record when it was signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Seal {
    /// The sequence number of the last record it covers.
    pub seq: u64,
    /// That record's hash.
    pub hash: Digest,
    /// Who sealed.
    pub actor: MemberId,
    /// When.
    pub at: Timestamp,
    /// The meeting whose close it marks, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingId>,
    /// The seal record's signature, when it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
}

impl Seal {
    /// The seal as the command that made it, from which its journal line is rebuilt.
    pub fn command(&self) -> crate::command::Command {
        crate::command::Command {
            actor: self.actor.clone(),
            at: self.at,
            action: crate::command::Action::SealJournal(SealJournal {
                seq: self.seq,
                hash: self.hash,
                meeting: self.meeting.clone(),
            }),
        }
    }
}

impl Commune {
    /// Who may seal: the registrar (or a standing committee member) or a cell secretary; a seal
    /// closing a meeting, only the registrar or that meeting's cell secretary, once the meeting
    /// has sat (its minutes exist).
    pub(super) fn seal_journal(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        c: SealJournal,
    ) -> Result<(), Error> {
        let registrar = self.organisation.is_registrar(actor);
        match &c.meeting {
            Some(id) => {
                let meeting = self.meeting(id)?;
                let cell = self.organisation.cell(&meeting.header().cell)?;
                if !registrar && cell.leadership.secretary.as_ref() != Some(actor) {
                    return Err(denied(actor, "seal_journal", Needed::CellSecretary));
                }
                if meeting.latest_sitting().is_none() {
                    return Err(TransitionError::out_of_order(
                        "meeting",
                        id.as_str(),
                        meeting.name().as_str(),
                        "seal_journal",
                        "adopted",
                    )
                    .into());
                }
            }
            None => {
                let secretary = self
                    .organisation
                    .cells
                    .values()
                    .any(|cell| cell.leadership.secretary.as_ref() == Some(actor));
                if !registrar && !secretary {
                    return Err(denied(actor, "seal_journal", Needed::CellSecretary));
                }
            }
        }
        self.seals.push(Seal {
            seq: c.seq,
            hash: c.hash,
            actor: actor.clone(),
            at,
            meeting: c.meeting,
            signature: None,
        });
        Ok(())
    }

    /// Records the signature of the seal just applied (the journal calls this after applying a
    /// signed `seal_journal` record, which the commune alone never sees signed).
    pub(crate) fn sign_last_seal(&mut self, signature: Signature) {
        if let Some(seal) = self.seals.last_mut() {
            seal.signature = Some(signature);
        }
    }
}
