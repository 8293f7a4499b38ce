//! Identifiers chosen by the caller (mã định danh): short codes, compared exactly once their Latin
//! letters are precomposed.
//!
//! Every record in a commune is named by a short string id that the caller picks (for example
//! `"xom-1"` for a cell or `"dv-0012"` for a member). Ids are opaque to the library, but they are
//! one spelling of one thing: every Latin letter of an id is put in its precomposed (Unicode NFC)
//! form when the id is made (so `nguyễn-01` typed with a precomposed `ễ` and with `e` + two
//! combining marks is one id, not two), and a
//! command whose id is not a well-formed code is refused ([`IdProblem`], `input.invalid_id`):
//! 1 to [`MAX_ID_CHARS`] letters, digits, `-`, `_` or `.`, starting with a letter or digit.
//! Nothing invisible (spaces, control or format characters such as U+202E) can hide in one.

mod bytes;
mod check;
mod compose;
mod map;
mod walk;

pub use check::{CodePoint, IdProblem, MAX_ID_CHARS};
pub use map::IdMap;
pub(crate) use walk::{each_id, IdKind};

use compact_str::CompactString;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Reads an id's text into its precomposed, inline form: a short id read from JSON (borrowed or
/// unescaped into serde_json's scratch buffer) allocates nothing.
struct IdVisitor;

/// `text` with its Latin letters precomposed, as an id holds it.
fn composed(text: &str) -> CompactString {
    if compose::is_composed(text) {
        CompactString::new(text)
    } else {
        CompactString::new(compose::compose(text.to_owned()))
    }
}

impl Visitor<'_> for IdVisitor {
    type Value = CompactString;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(composed(v))
    }
}

/// Refuses (`input.invalid_id`) the first id in `value` (a command, a query) that is not well
/// formed.
pub(crate) fn check_all<T: Serialize + ?Sized>(value: &T) -> Result<(), crate::Error> {
    let mut refusal = None;
    each_id(value, |kind, id| match IdProblem::check(id) {
        Ok(()) => true,
        Err(problem) => {
            refusal = Some(crate::error::InputError::invalid_id(
                kind.field(),
                id,
                problem,
            ));
            false
        }
    });
    refusal.map_or(Ok(()), Err)
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Made with its Latin letters precomposed (NFC); checked by [`IdProblem::of`] when a
        /// command names it.
        ///
        /// Held inline (no heap allocation) up to 24 bytes, which every id of a commune's usual
        /// codes fits: cloning one and comparing two touch no other memory. Compared and
        /// ordered as its text's bytes, a word at a time (`ids::bytes`), and hashed as them.
        #[derive(Debug, Clone, Default)]
        pub struct $name(CompactString);

        impl PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                bytes::eq(self.0.as_bytes(), other.0.as_bytes())
            }
        }

        impl Eq for $name {}

        impl PartialOrd for $name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            #[inline]
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                bytes::cmp(self.0.as_bytes(), other.0.as_bytes())
            }
        }

        impl std::hash::Hash for $name {
            #[inline]
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                state.write(self.0.as_bytes())
            }
        }

        impl $name {
            /// Wraps a caller-chosen string as this kind of id, its Latin letters precomposed.
            pub fn new(value: impl Into<String>) -> Self {
                Self(composed(&value.into()))
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::new(value)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::new(value)
            }
        }

        /// Written as a plain JSON string; serialised as a newtype named after the kind of id so
        /// that the core can find every id a command names (see `ids::walk`).
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_newtype_struct(stringify!($name), self.0.as_str())
            }
        }

        // Crosses to Kotlin and Swift as text (see `crate::ffi`).
        #[cfg(feature = "uniffi")]
        uniffi::custom_type!($name, String, {
            lower: |id| id.0.into_string(),
            try_lift: |text| Ok(Self::new(text)),
        });

        /// A JSON string (`docs/json.md`: 1–64 letters, digits, `-`, `_`, `.`).
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "minLength": 1, "maxLength": 64 })
            }
        }

        /// Read from a plain JSON string, its Latin letters precomposed.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(IdVisitor).map(Self)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_nfd_spellings_are_one_id() {
        let composed = MemberId::new("nguy\u{1ec5}n-01");
        let decomposed = MemberId::new("nguye\u{302}\u{303}n-01");
        assert_eq!(composed, decomposed);
        let json: MemberId =
            serde_json::from_str("\"nguye\\u0302\\u0303n-01\"").unwrap_or_default();
        assert_eq!(json, composed);
        assert_eq!(
            serde_json::to_string(&composed).ok().as_deref(),
            Some("\"nguyễn-01\"")
        );
    }
}
