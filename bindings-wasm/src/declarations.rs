//! TypeScript declarations of the plain objects that cross the border. Every shape of the core
//! (commands, queries, summaries, reports, the organisation, a merge's result and a refusal) is
//! generated from the core's types (`generated.d.ts`, written by `scripts/gen-types.mjs` from
//! `schema/*.schema.json`); nothing here mirrors one. What is written below is the binding's own:
//! short names for generated types, what `loadRecovering` returns (the binding builds it), the
//! JavaScript error object it throws, and `Symbol.dispose` for older `lib`s. wasm-bindgen puts
//! both into the package's `.d.ts` next to the classes and functions it generates; the methods
//! name them with `unchecked_param_type`/`unchecked_return_type`.

use wasm_bindgen::prelude::*;

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(typescript_custom_section)]
const GENERATED: &str = include_str!("generated.d.ts");

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A lifecycle state of a meeting (the core's `StateName`). */
export type MeetingStateName = StateName;
/** A task's reported outcome (the core's `Outcome`). */
export type TaskOutcome = Outcome;
/** The alerts as of a day. */
export type Alerts = Alert[];
/** The `minutes` query's result: the minutes gathered, with both documents in the language asked. */
export type MinutesDocuments = WrittenMinutes;

/** One record of a meeting's history (`Commune.history`). */
export interface HistoryStep {
  seq: number; at: string; actor: string; action: string; subject: string | null;
}

/** What `Commune.loadRecovering` recovered: a torn last line left out (its text handed back to
 * keep), or a missing last line feed added. */
export interface Recovered {
  torn: { line: number; offset: number; bytes: number; text: string } | null;
  newlineAdded: boolean;
}

/** `Symbol.dispose` (explicit resource management, ES2024+), declared so that a page compiled
 * against an older `lib` (es2022) still type-checks: wasm-bindgen gives each class a
 * `[Symbol.dispose]()` that calls `free()`. Identical to TypeScript's own declaration. */
declare global {
  interface SymbolConstructor { readonly dispose: unique symbol }
}

/**
 * A refusal of the library: an `Error` whose `name` is its concern (`VoteError`, `PermissionError`,
 * `TransitionError`, `InputError`, `JournalError`…), with the stable `code`, both messages and the
 * structured fields (docs/errors.md).
 */
export interface ChiboError extends Error {
  code: string; kind: ErrorKind; messageVi: string; messageEn: string; fields: Record<string, unknown>;
}
/** A kind of refusal as `errorKinds()` lists it: the `kind` of its errors and their `name`, what
 * it means, the meeting's rules it guards (or `null`), and its codes. */
export interface ErrorKindInfo {
  kind: string; name: string; doc: string; rules: string | null; codes: string[];
}
"#;
