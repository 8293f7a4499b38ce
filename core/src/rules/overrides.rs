use super::{Preset, RuleOverrides, Rules};
use serde::{Deserialize, Serialize};

/// Which rules a commune keeps: a preset and its overrides. This is what a journal records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RuleChoice {
    /// The preset to start from.
    #[serde(default)]
    pub preset: Preset,
    /// The parameters changed from the preset.
    #[serde(default)]
    pub overrides: RuleOverrides,
}

impl RuleChoice {
    /// The rules this choice gives.
    pub fn resolve(&self) -> Rules {
        Rules::with_overrides(self.preset, &self.overrides)
    }

    /// The rules this choice gives, by date (the national timeline unless a fixed preset was
    /// chosen).
    pub fn book(&self) -> super::RuleBook {
        super::RuleBook::new(self.preset, self.overrides.clone())
    }
}
