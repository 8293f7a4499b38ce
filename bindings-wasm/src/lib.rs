//! The browser and Node binding of chibo (wasm-bindgen): a thin border around the core.
//!
//! JavaScript gets a `Commune` class (its journal in memory: load, execute, query, download), a
//! `Meeting` class (a meeting with its times as `Date`s), `verify`/`verifySealed` for a journal's
//! text, Ed25519 signing (`signCommand`, `signingMessage`, `Commune.executeSigned`,
//! `verifySignedSeal`), and refusals as `Error` objects with `name`, `code`, `messageVi`, `messageEn` and
//! `fields`. Commands, queries and reports are the plain JSON of docs/json.md; no rule of the
//! domain is written here. See docs/web.md.

mod commune;
mod convert;
mod declarations;
mod error;
mod history;
mod journal;
mod meeting;
mod signing;

pub use commune::Commune;
pub use journal::{error_codes, verify, verify_sealed};
pub use meeting::Meeting;
pub use signing::{
    key_proof_message, public_key, sign_command, sign_key_proof, signing_message,
    verify_signed_seal,
};
