//! A requirement to remedy a shortcoming (yêu cầu khắc phục), with its own small lifecycle (R-62).
//!
//! ```text
//!   ┌──────┐ report_remedy ┌──────────┐ verify_remedy (accepted) ┌──────────┐
//!   │ Open │ ────────────▶ │ Remedied │ ───────────────────────▶ │ Verified │
//!   └──────┘               └──────────┘                          └──────────┘
//!     │  ▲                   │ verify_remedy (not accepted): back to open, or overdue
//!     │  └───────────────────┘
//!     │ mark_overdue (after the deadline)
//!     ▼
//!   ┌─────────┐ report_remedy ─▶ Remedied
//!   │ Overdue │
//!   └─────────┘
//! ```

use crate::error::{require_state, Error, RemediationError};
use crate::ids::{CellId, InspectionId, MemberId, RemediationId};
use crate::text;
use crate::time::Timestamp;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One requirement in a notice of results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct NewRemediation {
    /// The new remediation's id.
    pub remediation: RemediationId,
    /// What the cell must remedy.
    pub requirement: String,
    /// By when (set per notice; R-62 gives no central default).
    #[serde(deserialize_with = "crate::time::strict_date")]
    pub deadline: NaiveDate,
}

/// A remediation of an earlier inspection that is still not verified when a new one concludes:
/// the new conclusion faces it (R-62), saying where it stands and why it stays open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OpenRemedy {
    /// The remediation.
    pub remediation: RemediationId,
    /// What the inspectors found of it.
    pub note: String,
}

/// The state of a remediation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RemediationState {
    /// Required, not yet remedied.
    Open,
    /// The cell reports it remedied.
    Remedied,
    /// The supervisor verified the remedy.
    Verified,
    /// Past its deadline and not remedied.
    Overdue,
}

impl RemediationState {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RemediationState::Open => "open",
            RemediationState::Remedied => "remedied",
            RemediationState::Verified => "verified",
            RemediationState::Overdue => "overdue",
        }
    }
}

/// One entry of a remediation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "entry", rename_all = "snake_case")]
pub enum RemediationEntry {
    /// The cell reported its remedy.
    Remedied {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
        /// What was done.
        note: String,
    },
    /// The supervisor checked the remedy.
    Checked {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
        /// Whether it was accepted.
        accepted: bool,
        /// Remarks.
        note: Option<String>,
    },
    /// Marked overdue.
    Overdue {
        /// When.
        at: Timestamp,
        /// By whom.
        by: MemberId,
    },
}

/// A requirement to remedy, with its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Remediation {
    /// Its id.
    pub id: RemediationId,
    /// The inspection that required it.
    pub inspection: InspectionId,
    /// The cell.
    pub cell: CellId,
    /// What to remedy.
    pub requirement: String,
    /// By when.
    pub deadline: NaiveDate,
    /// Its state.
    pub state: RemediationState,
    /// What happened, oldest first.
    pub history: Vec<RemediationEntry>,
}

impl Remediation {
    pub(crate) fn new(new: NewRemediation, inspection: InspectionId, cell: CellId) -> Self {
        Self {
            id: new.remediation,
            inspection,
            cell,
            requirement: new.requirement,
            deadline: new.deadline,
            state: RemediationState::Open,
            history: Vec::new(),
        }
    }

    fn require(&self, allowed: &[RemediationState], action: &str) -> Result<(), Error> {
        Ok(require_state(
            "remediation",
            &self.id,
            self.state,
            allowed,
            action,
            RemediationState::as_str,
        )?)
    }

    /// Whether the deadline has passed on `day`.
    pub fn is_past_deadline(&self, day: NaiveDate) -> bool {
        day > self.deadline
    }

    /// The cell reports its remedy: open or overdue → remedied. The caller checks that `by` leads
    /// the cell.
    pub fn report_remedy(
        &mut self,
        by: &MemberId,
        at: Timestamp,
        note: String,
    ) -> Result<(), Error> {
        self.require(
            &[RemediationState::Open, RemediationState::Overdue],
            "report_remedy",
        )?;
        text::required("note", &note)?;
        self.state = RemediationState::Remedied;
        self.history.push(RemediationEntry::Remedied {
            at,
            by: by.clone(),
            note,
        });
        Ok(())
    }

    /// The supervisor checks the remedy: remedied → verified, or, not accepted, back to open (or
    /// overdue when past the deadline). The caller checks that `by` is a supervisor.
    pub fn verify(
        &mut self,
        by: &MemberId,
        at: Timestamp,
        accepted: bool,
        note: Option<String>,
    ) -> Result<(), Error> {
        self.require(&[RemediationState::Remedied], "verify_remedy")?;
        if let Some(note) = &note {
            text::bounded("note", note)?;
        }
        self.state = if accepted {
            RemediationState::Verified
        } else if self.is_past_deadline(at.date_naive()) {
            RemediationState::Overdue
        } else {
            RemediationState::Open
        };
        self.history.push(RemediationEntry::Checked {
            at,
            by: by.clone(),
            accepted,
            note,
        });
        Ok(())
    }

    /// Marks an open remediation overdue once its deadline has passed.
    pub fn mark_overdue(&mut self, by: &MemberId, at: Timestamp) -> Result<(), Error> {
        self.require(&[RemediationState::Open], "mark_overdue")?;
        if !self.is_past_deadline(at.date_naive()) {
            return Err(RemediationError::NotDue {
                remediation: self.id.clone(),
                deadline: self.deadline,
            }
            .into());
        }
        self.state = RemediationState::Overdue;
        self.history
            .push(RemediationEntry::Overdue { at, by: by.clone() });
        Ok(())
    }
}
