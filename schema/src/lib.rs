//! The JSON Schema of what a caller sends the core, derived with `schemars` from the same types
//! serde reads (`chibo::Command`, `chibo::report::query::Query`): one description of the commands and
//! queries, from which each binding's declarations are generated (the browser package's
//! TypeScript: `bindings-wasm/scripts/gen-types.mjs`).
//!
//! The schema files live next to this crate (`schema/command.schema.json`,
//! `schema/query.schema.json`); `tests/fresh.rs` fails when they are stale and rewrites them with
//! `UPDATE_DOCS=1`.

use schemars::generate::SchemaSettings;

/// The schema of a command (`{actor, at, action}`), every action and payload with it.
pub fn command() -> serde_json::Value {
    generate::<chibo::Command>(SchemaSettings::draft07())
}

/// The schema of a report query (`{"<kind>": {...}}`).
pub fn query() -> serde_json::Value {
    generate::<chibo::report::query::Query>(SchemaSettings::draft07())
}

/// What the core gives back, one field per report or record shape: the summaries, each report
/// of `Query` (the dashboard, the alerts, a meeting's score and recorded score, the annual
/// ratings, a meeting's written minutes, the labels), the organisation and the directives, a merge's result, a journal's signatures (the
/// shapes the bindings hand over as they are, snake_case keys).
#[derive(schemars::JsonSchema)]
#[allow(dead_code)] // a schema root, never built
struct Reports {
    summary: chibo::commune::Summary,
    dashboard: chibo::report::dashboard::Dashboard,
    alerts: Vec<chibo::report::alerts::Alert>,
    score: chibo::report::quality::Score,
    recorded_score: chibo::scoring::ScoreRecord,
    ratings: chibo::report::rating::AnnualRatings,
    minutes: chibo::report::query::WrittenMinutes,
    labels: chibo::labels::Labels,
    organisation: chibo::organisation::Organisation,
    directive: chibo::directive::Directive,
    merge: chibo::journal::Merge,
    signing: chibo::journal::Signing,
}

/// The schema of what the core gives back (see `Reports`).
pub fn reports() -> serde_json::Value {
    // As serialised: a field the core always writes (`null` included) is required.
    generate::<Reports>(SchemaSettings::draft07().for_serialize())
}

/// Commands and queries are described as the core reads them (a field with a default may be left
/// out); reports as it writes them.
fn generate<T: schemars::JsonSchema>(settings: SchemaSettings) -> serde_json::Value {
    let generator = settings.into_generator();
    generator.into_root_schema_for::<T>().to_value()
}
