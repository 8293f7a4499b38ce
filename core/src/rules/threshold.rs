use serde::{Deserialize, Serialize};

/// A share that a count must reach: `numerator / denominator`, either strictly exceeded
/// ("more than half") or at least met ("at least two thirds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Top of the fraction.
    pub numerator: u32,
    /// Bottom of the fraction; zero is read as one.
    pub denominator: u32,
    /// `true`: the count must be strictly above the share; `false`: at least the share.
    pub strict: bool,
}

impl Threshold {
    /// More than half (quá nửa).
    pub const MORE_THAN_HALF: Self = Self {
        numerator: 1,
        denominator: 2,
        strict: true,
    };

    /// Whether `count` out of `base` meets the threshold. With an empty base nothing passes a
    /// strict threshold, and a non-strict one passes only at zero share.
    pub fn is_met(self, count: u32, base: u32) -> bool {
        let lhs = u64::from(count) * u64::from(self.denominator.max(1));
        let rhs = u64::from(self.numerator) * u64::from(base);
        if self.strict {
            lhs > rhs
        } else {
            lhs >= rhs
        }
    }

    /// The smallest count out of `base` that meets the threshold.
    pub fn needed(self, base: u32) -> u32 {
        let den = u64::from(self.denominator.max(1));
        let product = u64::from(self.numerator) * u64::from(base);
        let needed = if self.strict {
            product / den + 1
        } else {
            product.div_ceil(den)
        };
        u32::try_from(needed).unwrap_or(u32::MAX)
    }

    /// The threshold as a percentage, for messages.
    pub fn percent(self) -> f64 {
        f64::from(self.numerator) * 100.0 / f64::from(self.denominator.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::Threshold;

    #[test]
    fn more_than_half() {
        let t = Threshold::MORE_THAN_HALF;
        assert!(!t.is_met(5, 10));
        assert!(t.is_met(6, 10));
        assert_eq!(t.needed(10), 6);
        assert_eq!(t.needed(9), 5);
        assert!(!t.is_met(0, 0));
    }

    #[test]
    fn at_least_two_thirds() {
        let t = Threshold {
            numerator: 2,
            denominator: 3,
            strict: false,
        };
        assert!(t.is_met(6, 9));
        assert!(!t.is_met(5, 9));
        assert_eq!(t.needed(9), 6);
        assert_eq!(t.needed(10), 7);
        assert!(t.is_met(7, 10));
    }
}
