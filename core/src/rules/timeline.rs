//! The rules in force on each date (R-00): a commune's rules are a timeline, not one preset chosen
//! when its record was founded.
//!
//! ```text
//!   national timeline    ──12-HD/BTCTW (2018), 24-QĐ/TW, 124-QĐ/TW──┬─294-QĐ/TW──┬─366-QĐ/TW─┬─42-HD/BTCTW──▶
//!                                                         01/07/2025 ┘ 30/08/2025 ┘ 28/10/2025 ┘
//!   + the commune's overrides, each from its own date (`establish_commune`, `amend_rules`)
//!   = the rules in force on a day: `RuleBook::on(day)`
//! ```
//!
//! Every event is checked under the rules in force on its own date (a sitting under those of the
//! day it started), so a journal that spans the 2025 changes replays, and each meeting's defects
//! cite the document that applied that day.

use super::{Preset, RuleOverrides, Rules};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An override a commune adopted from a date on (a province's or commune's own document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DatedOverrides {
    /// The first day it applies.
    pub from: NaiveDate,
    /// The parameters it sets, each with its document.
    pub overrides: RuleOverrides,
}

/// A change of the rules: those in force from `from` until the next change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Change {
    /// The first day.
    pub from: NaiveDate,
    /// The rules in force from then.
    pub rules: Rules,
}

/// A commune's rules by date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RuleBook {
    /// The preset the commune chose (the national timeline by default).
    pub preset: Preset,
    /// Overrides from the beginning (given at establishment).
    pub overrides: RuleOverrides,
    /// Overrides adopted later, each from its date, in the order adopted.
    pub dated: Vec<DatedOverrides>,
    /// The rules in force before the first change, worked out from the above.
    pub first: Rules,
    /// Each change after that, in order of date.
    pub changes: Vec<Change>,
}

impl Default for RuleBook {
    fn default() -> Self {
        Self::new(Preset::default(), RuleOverrides::default())
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The dates the national documents changed the rules (R-00).
fn national_changes() -> [NaiveDate; 3] {
    [
        // Quy định 294-QĐ/TW (26/5/2025) in force.
        day(2025, 7, 1),
        // Quy định 366-QĐ/TW (30/8/2025) on annual rating, in force from its signing.
        day(2025, 8, 30),
        // Hướng dẫn 42-HD/BTCTW (28/10/2025).
        day(2025, 10, 28),
    ]
}

/// The national rules in force on `date`.
fn national_on(date: NaiveDate) -> Rules {
    let [qd294, qd366, hd42] = national_changes();
    if date >= hd42 {
        return Rules::hd42_2025();
    }
    let mut rules = Rules::hd12_2018();
    let current = Rules::hd42_2025();
    if date >= qd294 {
        // The organisation and vote rules under Quy định 294-QĐ/TW; 12-HD/BTCTW still guides the
        // meeting itself until 42-HD/BTCTW.
        rules.min_official_members = current.min_official_members.clone();
        rules.committee_threshold = current.committee_threshold.clone();
        rules.max_committee_size = current.max_committee_size.clone();
        rules.resolution_majority = current.resolution_majority.clone();
        rules.admission_majority = current.admission_majority.clone();
        rules.removal_absence_months = current.removal_absence_months.clone();
    }
    if date >= qd366 {
        rules.rating_general_max = current.rating_general_max.clone();
        rules.rating_task_max = current.rating_task_max.clone();
        rules.rating_excellent = current.rating_excellent.clone();
        rules.rating_good = current.rating_good.clone();
        rules.rating_completed = current.rating_completed.clone();
        rules.rating_excellent_exceeding = current.rating_excellent_exceeding.clone();
        rules.rating_completed_late = current.rating_completed_late.clone();
        rules.rating_excellent_cap = current.rating_excellent_cap.clone();
        rules.rating_disciplined_highest = current.rating_disciplined_highest.clone();
    }
    rules
}

impl RuleBook {
    /// The rules of a preset (the national timeline, or one rule set for every date) with a
    /// commune's overrides from the beginning.
    pub fn new(preset: Preset, overrides: RuleOverrides) -> Self {
        let mut book = Self {
            preset,
            overrides,
            dated: Vec::new(),
            first: Rules::preset(preset),
            changes: Vec::new(),
        };
        book.rebuild();
        book
    }

    /// Adds an override from `from` on (later periods keep it; earlier ones are untouched).
    pub fn amend(&mut self, from: NaiveDate, overrides: RuleOverrides) {
        self.dated.push(DatedOverrides { from, overrides });
        self.rebuild();
    }

    /// The rules in force on `date`.
    pub fn on(&self, date: NaiveDate) -> &Rules {
        self.changes
            .iter()
            .rev()
            .find(|c| c.from <= date)
            .map_or(&self.first, |c| &c.rules)
    }

    /// The rules of the latest period: those in force from the last change on.
    pub fn latest(&self) -> &Rules {
        self.on(NaiveDate::MAX)
    }

    fn base_on(&self, date: NaiveDate) -> Rules {
        match self.preset {
            Preset::National => national_on(date),
            fixed => Rules::preset(fixed),
        }
    }

    fn rebuild(&mut self) {
        let mut starts: Vec<NaiveDate> = self.dated.iter().map(|d| d.from).collect();
        if self.preset == Preset::National {
            starts.extend(national_changes());
        }
        starts.sort_unstable();
        starts.dedup();
        self.first = self.rules_from(NaiveDate::MIN);
        self.changes = starts
            .into_iter()
            .map(|from| Change {
                from,
                rules: self.rules_from(from),
            })
            .collect();
    }

    /// The rules from `date` on: the base of that day with every override in force that day.
    fn rules_from(&self, date: NaiveDate) -> Rules {
        let mut rules = self.base_on(date);
        self.overrides.apply_to(&mut rules);
        for dated in self.dated.iter().filter(|d| d.from <= date) {
            dated.overrides.apply_to(&mut rules);
        }
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_timeline_follows_the_documents() {
        let book = RuleBook::default();
        let june = book.on(day(2025, 6, 30));
        assert_eq!(june.document_lead_hours.value, 0);
        assert_eq!(june.resolution_majority.source.document, "24-QĐ/TW");
        let july = book.on(day(2025, 7, 1));
        assert_eq!(july.resolution_majority.source.document, "294-QĐ/TW");
        assert_eq!(july.document_lead_hours.value, 0);
        assert_eq!(july.rating_good.source.document, "124-QĐ/TW");
        let september = book.on(day(2025, 9, 1));
        assert_eq!(september.rating_good.source.document, "366-QĐ/TW");
        assert_eq!(september.min_combined_minutes.value, 90);
        let november = book.on(day(2025, 11, 1));
        assert_eq!(november, &Rules::hd42_2025());
        assert_eq!(book.latest(), &Rules::hd42_2025());
        assert_eq!(book.on(day(1990, 1, 1)), &Rules::hd12_2018());
    }

    #[test]
    fn a_dated_override_applies_from_its_day_and_survives_national_changes() {
        let mut book = RuleBook::new(Preset::National, RuleOverrides::default());
        let local = RuleOverrides {
            min_meeting_minutes: Some(super::super::Param::new(
                60,
                super::super::Citation::new("QĐ của Tỉnh ủy", (2025, 9, 1), "R-30"),
            )),
            ..RuleOverrides::default()
        };
        book.amend(day(2025, 9, 15), local);
        assert_eq!(book.on(day(2025, 9, 14)).min_meeting_minutes.value, 90);
        assert_eq!(book.on(day(2025, 9, 15)).min_meeting_minutes.value, 60);
        // 42-HD/BTCTW from 28/10/2025 does not undo the province's own rule.
        assert_eq!(book.on(day(2025, 11, 1)).min_meeting_minutes.value, 60);
        assert_eq!(book.on(day(2025, 11, 1)).document_lead_hours.value, 24);
        let fixed = RuleBook::new(Preset::Hd42_2025, RuleOverrides::default());
        assert_eq!(fixed.on(day(2019, 3, 1)), &Rules::hd42_2025());
    }
}
