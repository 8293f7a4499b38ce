//! The commune committee's monthly direction (chủ trương lãnh đạo của đảng ủy), which every cell's
//! draft applies.

use crate::ids::{DirectiveId, MemberId};
use crate::time::{Timestamp, YearMonth};
use serde::{Deserialize, Serialize};

/// The command issuing a month's direction, by an executive or standing committee member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct IssueDirective {
    /// The new directive's id.
    pub directive: DirectiveId,
    /// The month it directs.
    pub month: YearMonth,
    /// The direction itself.
    pub content: String,
}

/// A month's direction as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Directive {
    /// Its id.
    pub id: DirectiveId,
    /// The month.
    pub month: YearMonth,
    /// The direction.
    pub content: String,
    /// Who issued it.
    pub issued_by: MemberId,
    /// When.
    pub issued_at: Timestamp,
}
