//! Every report as one query value, so that the scenario files, and the bindings, ask for a
//! report the same way in every language: `{"alerts": {"as_of": "2025-12-31"}}` in, JSON out.
//!
//! The reports themselves live in their modules; this only names them and serialises results.

use super::alerts::{alerts, Alert};
use super::dashboard::{dashboard, Dashboard, Period};
use super::minutes::{Language, Minutes};
use super::quality::{score, Rubric, Score};
use super::rating::{annual_ratings, annual_review, AnnualRatings};
use crate::commune::Commune;
use crate::error::{Error, InputError, LookupError};
use crate::ids::{MeetingId, MemberId};
use crate::labels::Labels;
use crate::scoring::ScoreRecord;
use chrono::Datelike;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A report to compute. In JSON, externally tagged: `{"<kind>": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Query {
    /// The alerts as of a date ([`super::alerts`]).
    Alerts {
        /// The day the alerts are for.
        #[serde(deserialize_with = "crate::time::strict_date")]
        as_of: NaiveDate,
    },
    /// The commune dashboard ([`super::dashboard`]).
    Dashboard {
        /// `{"year": 2025}` or `{"month": "2025-03"}`.
        period: Period,
    },
    /// A meeting's quality score ([`super::quality`]).
    Score {
        /// The meeting.
        meeting: MeetingId,
        /// The rubric; the default (Phú Thọ) preset when absent.
        #[serde(default)]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        rubric: Option<Rubric>,
        /// Points entered by people, by criterion id.
        #[serde(default)]
        entered: BTreeMap<String, u32>,
    },
    /// A meeting's recorded score: proposed, voted, confirmed or returned ([`crate::scoring`]).
    RecordedScore {
        /// The meeting.
        meeting: MeetingId,
    },
    /// The annual ratings of members and cells ([`super::rating`]).
    Ratings {
        /// The year.
        year: i32,
        /// General-criteria points by member (0..=30); when absent, the points the committee
        /// entered with `enter_general_points`.
        #[serde(default)]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        general: Option<BTreeMap<MemberId, u32>>,
        /// The review's cut-off (`YYYY-MM-DD`, within the year): tasks due after it are outside
        /// the review. Default: 31 December.
        #[serde(default, deserialize_with = "crate::time::strict_optional_date")]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        cut_off: Option<chrono::NaiveDate>,
    },
    /// A meeting's minutes ([`super::minutes`]), gathered; `markdown` and `html` hold the
    /// minutes and `resolution_markdown` and `resolution_html` the resolution, in the language
    /// asked for.
    Minutes {
        /// The meeting.
        meeting: MeetingId,
        /// `vi` (the default) or `en`.
        #[serde(default)]
        language: Language,
    },
    /// The names of every code the library writes (states, kinds, outcomes, bands,
    /// categories…), `{vocabulary: {code: label}}` ([`crate::labels`]).
    Labels {
        /// `vi` (the default) or `en`.
        #[serde(default)]
        language: Language,
    },
}

impl Query {
    /// Reads a query from its JSON text, as bindings receive it; anything else is refused as
    /// `input.malformed`.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        serde_json::from_str(text).map_err(crate::error::InputError::malformed_query)
    }

    /// Reads a query from an already parsed JSON value (see [`Query::from_json`]).
    pub fn from_value(value: serde_json::Value) -> Result<Self, Error> {
        serde_json::from_value(value).map_err(crate::error::InputError::malformed_query)
    }

    /// Refuses a year outside the calendar records can have (`input.out_of_range`), the ids a
    /// query names that are not well formed (`input.invalid_id`), and a rubric that cannot be
    /// scored.
    pub fn check(&self) -> Result<(), Error> {
        crate::ids::check_all(self)?;
        if let Query::Ratings {
            year,
            cut_off: Some(day),
            ..
        } = self
        {
            if day.year() != *year {
                return Err(InputError::out_of_range(
                    "cut_off",
                    day.year(),
                    i64::from(*year),
                    i64::from(*year),
                ));
            }
        }
        let year = match self {
            Query::Dashboard { period } => Some(period.year()),
            Query::Ratings { year, .. } => Some(*year),
            Query::Score {
                rubric: Some(rubric),
                ..
            } => {
                rubric.check()?;
                None
            }
            _ => None,
        };
        match year {
            Some(year) if !(crate::time::FIRST_YEAR..=crate::time::LAST_YEAR).contains(&year) => {
                Err(InputError::out_of_range(
                    "year",
                    year,
                    i64::from(crate::time::FIRST_YEAR),
                    i64::from(crate::time::LAST_YEAR),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// A report's result, typed: what [`report`] gives back and [`run`] writes as JSON (each
/// variant serialises as the report itself, without a tag).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum Report {
    /// The alerts as of the day asked, most urgent first.
    Alerts(Vec<Alert>),
    /// The commune dashboard.
    Dashboard(Dashboard),
    /// A meeting's quality score.
    Score(Score),
    /// A meeting's recorded score.
    RecordedScore(ScoreRecord),
    /// The annual ratings.
    Ratings(AnnualRatings),
    /// A meeting's minutes, gathered and written out.
    Minutes(Box<WrittenMinutes>),
    /// The names of every code, in the language asked.
    Labels(Labels),
}

/// A meeting's minutes as gathered, with the minutes and the resolution written out in one
/// language (Markdown for a document, HTML for a page).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WrittenMinutes {
    /// What the minutes record.
    #[serde(flatten)]
    pub minutes: Minutes,
    /// The minutes (biên bản), Markdown.
    pub markdown: String,
    /// The minutes, HTML.
    pub html: String,
    /// The resolution (nghị quyết), Markdown.
    pub resolution_markdown: String,
    /// The resolution, HTML.
    pub resolution_html: String,
}

/// Computes a report. A refused query (an unknown meeting, a draft with no minutes…) is the
/// core's refusal, as for a command.
pub fn report(commune: &Commune, query: &Query) -> Result<Report, Error> {
    query.check()?;
    Ok(match query {
        Query::Alerts { as_of } => Report::Alerts(alerts(commune, *as_of)),
        Query::Dashboard { period } => Report::Dashboard(dashboard(commune, *period)),
        Query::Score {
            meeting,
            rubric,
            entered,
        } => {
            let preset;
            let rubric = match rubric {
                Some(rubric) => rubric,
                None => {
                    preset = Rubric::phu_tho();
                    &preset
                }
            };
            Report::Score(score(commune, meeting, rubric, entered)?)
        }
        Query::RecordedScore { meeting } => Report::RecordedScore(
            commune
                .scores
                .get(meeting)
                .ok_or_else(|| LookupError::unknown("score", meeting))?
                .clone(),
        ),
        Query::Ratings {
            year,
            general,
            cut_off,
        } => {
            let entered = commune
                .general_points
                .get(year)
                .cloned()
                .unwrap_or_default();
            let general = general.as_ref().unwrap_or(&entered);
            Report::Ratings(match cut_off {
                Some(day) => annual_review(commune, *year, *day, general),
                None => annual_ratings(commune, *year, general),
            })
        }
        Query::Labels { language } => Report::Labels(crate::labels::Labels::of(*language)),
        Query::Minutes { meeting, language } => {
            let minutes = Minutes::of(commune, meeting)?;
            Report::Minutes(Box::new(WrittenMinutes {
                markdown: minutes.markdown(*language),
                html: minutes.html(*language),
                resolution_markdown: minutes.resolution_markdown(*language),
                resolution_html: minutes.resolution_html(*language),
                minutes,
            }))
        }
    })
}

/// Computes a report and returns it as JSON (see [`report`]).
pub fn run(commune: &Commune, query: &Query) -> Result<serde_json::Value, Error> {
    serde_json::to_value(report(commune, query)?).map_err(InputError::malformed_query)
}
