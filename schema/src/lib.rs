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
    generate::<chibo::Command>()
}

/// The schema of a report query (`{"<kind>": {...}}`).
pub fn query() -> serde_json::Value {
    generate::<chibo::report::query::Query>()
}

fn generate<T: schemars::JsonSchema>() -> serde_json::Value {
    let generator = SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<T>().to_value()
}
