use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a rule comes from: a document number and its date (số hiệu và ngày ban hành).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The document number, e.g. `42-HD/BTCTW`.
    pub document: String,
    /// The date the document was issued.
    pub date: NaiveDate,
    /// The part of the document, e.g. `§2.3`, and the rule id of RULES.md.
    pub provision: String,
    /// `false` when the rule was seen only in secondary sources (RULES.md marks it *unverified*).
    pub verified: bool,
}

impl Citation {
    pub(crate) fn new(document: &str, date: (i32, u32, u32), provision: &str) -> Self {
        Self {
            document: document.to_owned(),
            // Preset dates are written by hand; a wrong one falls back to the epoch rather than
            // panicking, and the presets' unit test catches it.
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap_or_default(),
            provision: provision.to_owned(),
            verified: true,
        }
    }

    /// The same citation, marked as seen only in secondary sources.
    pub(crate) fn unverified(mut self) -> Self {
        self.verified = false;
        self
    }
}

impl std::fmt::Display for Citation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({}), {}",
            self.document,
            self.date.format("%d/%m/%Y"),
            self.provision
        )?;
        if !self.verified {
            f.write_str(" (unverified)")?;
        }
        Ok(())
    }
}

/// A rule's value together with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    /// The value in force.
    pub value: T,
    /// The document that sets it.
    pub source: Citation,
}

impl<T> Param<T> {
    pub(crate) fn new(value: T, source: Citation) -> Self {
        Self { value, source }
    }
}
