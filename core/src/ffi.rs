//! How the core's own types cross to Kotlin and Swift (feature `uniffi`, turned on by
//! `bindings-mobile/`): the records and enums derive `uniffi::Record` / `uniffi::Enum` where
//! they are declared; this module gives the few that are not plain records their foreign form.
//!
//! | Rust                      | crosses as | Kotlin (bindings-mobile's uniffi.toml)  |
//! |---------------------------|------------|-----------------------------------------|
//! | [`Timestamp`]             | RFC 3339   | `java.time.OffsetDateTime`              |
//! | [`NaiveDate`]             | `YYYY-MM-DD` | `java.time.LocalDate`                 |
//! | [`YearMonth`]             | `YYYY-MM`  | `java.time.YearMonth`                   |
//! | [`Digest`]                | 64 hex     | `String`                                |
//! | [`PublicKey`], [`Signature`] | 64 / 128 hex | `String`                              |
//! | ids (`MemberId`…)         | text       | `String`                                |
//! | `BTreeMap<K, V>` fields   | a map      | `Map<K, V>` (named below, one per map)  |
//!
//! Text that is not a date or a digest is refused when it crosses (uniffi's lift error); ids
//! cross as they are and are checked by the core with the command that names them.

use crate::ids::{CellId, ClusterId, CodePoint, IdMap, LevelId, MemberId};
use crate::journal::{Digest, PublicKey, Signature};
use crate::organisation::{Cell, Cluster, Level, Member};
use crate::report::rating::Category;
use crate::time::{Timestamp, YearMonth};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

uniffi::custom_type!(Timestamp, String, {
    remote,
    lower: |t| t.to_rfc3339(),
    try_lift: |text| Ok(Timestamp::parse_from_rfc3339(&text)?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |text| Ok(NaiveDate::parse_from_str(&text, "%Y-%m-%d")?),
});

uniffi::custom_type!(YearMonth, String, {
    lower: |m| m.to_string(),
    try_lift: |text| Ok(text.parse::<YearMonth>()?),
});

uniffi::custom_type!(Digest, String, {
    lower: |d| d.to_hex(),
    try_lift: |text| Digest::from_hex(&text)
        .ok_or_else(|| uniffi::deps::anyhow::anyhow!("`{text}` is not 64 hexadecimal characters")),
});

uniffi::custom_type!(PublicKey, String, {
    lower: |k| k.to_hex(),
    try_lift: |text| PublicKey::from_hex(&text)
        .ok_or_else(|| uniffi::deps::anyhow::anyhow!("`{text}` is not 64 hexadecimal characters")),
});

uniffi::custom_type!(Signature, String, {
    lower: |s| s.to_hex(),
    try_lift: |text| Signature::from_hex(&text)
        .ok_or_else(|| uniffi::deps::anyhow::anyhow!("`{text}` is not 128 hexadecimal characters")),
});

/// Declares a map field's foreign form: a named alias of the `BTreeMap`, crossing as a map.
macro_rules! map_type {
    ($($(#[$doc:meta])* $alias:ident = $key:ty => $value:ty;)*) => {$(
        $(#[$doc])*
        pub type $alias = BTreeMap<$key, $value>;

        uniffi::custom_type!($alias, HashMap<$key, $value>, {
            remote,
            lower: |map| map.into_iter().collect(),
            try_lift: |map| Ok(map.into_iter().collect()),
        });
    )*};
}

map_type! {
    /// Members rated in each category (a cell's rating).
    CategoryCounts = Category => u32;
    /// The organisation's levels by id.
    LevelMap = LevelId => Level;
    /// When each abolished level was abolished.
    AbolishedLevels = LevelId => NaiveDate;
    /// The organisation's cells by id.
    CellMap = CellId => Cell;
    /// The organisation's clusters by id.
    ClusterMap = ClusterId => Cluster;
    /// Who drafts a cell's content, by month.
    DraftingDelegates = YearMonth => MemberId;
    /// Points entered by people, by criterion id.
    EnteredPoints = String => u32;
    /// General-criteria points, by member.
    GeneralPoints = MemberId => u32;
}

/// The organisation's members by id.
pub type MemberMap = IdMap<MemberId, Member>;

uniffi::custom_type!(MemberMap, HashMap<MemberId, Member>, {
    lower: |map| map.into_iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    try_lift: |map| Ok(map.into_iter().collect()),
});

/// Declares a set field's foreign form: a named alias of the `BTreeSet`, crossing as a list in
/// the set's order.
macro_rules! set_type {
    ($($(#[$doc:meta])* $alias:ident = $item:ty;)*) => {$(
        $(#[$doc])*
        pub type $alias = BTreeSet<$item>;

        uniffi::custom_type!($alias, Vec<$item>, {
            remote,
            lower: |set| set.into_iter().collect(),
            try_lift: |list| Ok(list.into_iter().collect()),
        });
    )*};
}

set_type! {
    /// Members, each once (a committee).
    MemberSet = MemberId;
    /// Cells, each once (a cluster).
    CellSet = CellId;
}

/// A code or a fixed wording the core writes into a report (`"meeting.short"`, a rule id).
pub type StaticText = &'static str;

// Reports only travel from the core to the app; a fixed wording is never read back.
uniffi::custom_type!(StaticText, String, {
    remote,
    lower: |text| text.to_owned(),
    try_lift: |text| Err(uniffi::deps::anyhow::anyhow!(
        "`{text}` is a wording of the core's reports, which an app does not send back"
    )),
});

/// Declares a type that crosses as its JSON text (docs/json.md), for the rule book's values:
/// [`Rules`](crate::Rules) holds each parameter as a generic [`Param`](crate::rules::Param),
/// which uniffi's records cannot carry. Text that does not read as the type is refused.
macro_rules! json_type {
    ($($ty:ident),*) => {$(
        uniffi::custom_type!($ty, String, {
            lower: |value| serde_json::to_string(&value).unwrap_or_default(),
            try_lift: |text| Ok(serde_json::from_str(&text)?),
        });
    )*};
}

use crate::rules::{RuleOverrides, Rules};
json_type!(Rules, RuleOverrides);

// The labels query's vocabularies, `{vocabulary: {code: label}}`, cross as maps of text.
use crate::labels::Labels;

uniffi::custom_type!(Labels, HashMap<String, HashMap<String, String>>, {
    lower: |labels| labels
        .0
        .into_iter()
        .map(|(vocabulary, names)| {
            let names = names.into_iter().map(|(c, l)| (c.to_owned(), l.to_owned())).collect();
            (vocabulary.to_owned(), names)
        })
        .collect(),
    try_lift: |vocabularies| Err(uniffi::deps::anyhow::anyhow!(
        "the labels are the core's wording, which an app does not send back ({} vocabularies)",
        vocabularies.len()
    )),
});

// A character named in a refusal crosses as itself, in a string.
uniffi::custom_type!(CodePoint, String, {
    lower: |point| point.0.to_string(),
    try_lift: |text| {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(CodePoint(c)),
            _ => Err(uniffi::deps::anyhow::anyhow!("`{text}` is not one character")),
        }
    },
});
