//! [`SharedRubric`]: the rubric a score record keeps, shared rather than copied.

use super::Rubric;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// The rubric a score was proposed under, kept whole (so the score stays reproducible if the
/// presets change) but by reference: every score proposed under the default rubric shares one
/// copy of it (a copy per score, criteria and their labels in two languages, was about an
/// eighth of the memory a loaded commune holds). Reads as the [`Rubric`] it holds; written and
/// read as that rubric's JSON, and crosses to Kotlin and Swift as a `Rubric`.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRubric(Arc<Rubric>);

impl SharedRubric {
    /// Keeps `rubric`.
    pub fn new(rubric: Rubric) -> Self {
        Self(Arc::new(rubric))
    }

    /// The default rubric ([`Rubric::phu_tho`]), one copy for every score that uses it.
    pub fn phu_tho() -> Self {
        Self(Arc::clone(preset()))
    }

    /// Whether this is the library's own default rubric, the one copy [`SharedRubric::phu_tho`]
    /// hands out (a rubric whose checks its tests run, so a proposal need not run them again).
    pub(crate) fn is_preset(&self) -> bool {
        Arc::ptr_eq(&self.0, preset())
    }
}

/// The default rubric, made once.
fn preset() -> &'static Arc<Rubric> {
    static PRESET: OnceLock<Arc<Rubric>> = OnceLock::new();
    PRESET.get_or_init(|| Arc::new(Rubric::phu_tho()))
}

impl Deref for SharedRubric {
    type Target = Rubric;

    fn deref(&self) -> &Rubric {
        &self.0
    }
}

impl From<Rubric> for SharedRubric {
    fn from(rubric: Rubric) -> Self {
        Self::new(rubric)
    }
}

impl Serialize for SharedRubric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for SharedRubric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Rubric::deserialize(deserializer).map(Self::new)
    }
}

/// The schema of the [`Rubric`] it holds (the same definition, referred to by the same name).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for SharedRubric {
    fn inline_schema() -> bool {
        Rubric::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        Rubric::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        Rubric::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Rubric::json_schema(generator)
    }
}

#[cfg(feature = "uniffi")]
uniffi::custom_type!(SharedRubric, Rubric, {
    lower: |shared| Rubric::clone(&shared),
    try_lift: |rubric| Ok(SharedRubric::new(rubric)),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preset_is_one_copy_and_reads_as_the_rubric() {
        let (a, b) = (SharedRubric::phu_tho(), SharedRubric::phu_tho());
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(*a, Rubric::phu_tho());
        let json = serde_json::to_string(&a).unwrap_or_default();
        assert_eq!(
            json,
            serde_json::to_string(&Rubric::phu_tho()).unwrap_or_default()
        );
        let back: Option<SharedRubric> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&a));
        // A copy read back is not the preset, even when equal to it: its checks run again.
        assert!(a.is_preset() && !back.is_some_and(|b| b.is_preset()));
        assert!(!SharedRubric::new(Rubric::phu_tho()).is_preset());
    }

    /// What lets a proposal under the default rubric skip the rubric's checks.
    #[test]
    fn the_preset_passes_the_rubric_checks() {
        assert!(SharedRubric::phu_tho().check().is_ok());
    }
}
