//! Reports: what a commune office, an inspector and a cell secretary need out of the record,
//! computed from the state (pure queries; nothing here changes the commune).
//!
//! - [`dashboard`]: per cell × month, the lifecycle state, attendance, vote, tasks, inspection
//!   and remediations, as data, with CSV and JSON exports.
//! - [`minutes`]: the minutes of a meeting (biên bản, R-33) and the cell's resolution, as
//!   Markdown or printable HTML, in Vietnamese or English.
//! - [`alerts`]: the rule breaches and membership alerts as of a date (R-21, R-25, R-62, R-70,
//!   ), each naming its rule and citation.
//! - [`quality`]: the meeting quality score under a rubric held as data, its band, and the cell's
//!   yearly verdict.
//! - [`rating`]: the annual rating of members and cells (R-72, 366-QĐ/TW), with its reasons.
//! - [`query`]: every report as one JSON query value, for scenario files and bindings.

pub mod alerts;
pub mod dashboard;
pub mod minutes;
pub mod quality;
pub mod query;
pub mod rating;
pub mod table;
