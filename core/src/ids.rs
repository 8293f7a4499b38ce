//! Identifiers chosen by the caller (mã định danh): plain strings, compared exactly.
//!
//! Every record in a commune is named by a short string id that the caller picks (for example
//! `"xom-1"` for a cell or `"dv-0012"` for a member). Ids are opaque to the library; they only have
//! to be unique within their kind and non-empty.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a caller-chosen string as this kind of id.
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }
    };
}

string_id!(
    /// A commune party organisation (Đảng bộ xã / phường).
    CommuneId
);
string_id!(
    /// A level of the party above the commune (tỉnh, huyện…), kept as data.
    LevelId
);
string_id!(
    /// A party cell (chi bộ).
    CellId
);
string_id!(
    /// A cluster of cells (cụm chi bộ) in the charge of one standing committee member.
    ClusterId
);
string_id!(
    /// A party member (đảng viên), at any level.
    MemberId
);
string_id!(
    /// The commune committee's monthly direction (chủ trương lãnh đạo của đảng ủy).
    DirectiveId
);
string_id!(
    /// One meeting of a cell (kỳ sinh hoạt chi bộ).
    MeetingId
);
string_id!(
    /// A task assigned to a member (nhiệm vụ được phân công).
    TaskId
);
string_id!(
    /// A supervision or inspection of a cell (kiểm tra, giám sát).
    InspectionId
);
string_id!(
    /// One requirement to remedy a shortcoming (yêu cầu khắc phục).
    RemediationId
);
