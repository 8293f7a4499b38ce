//! `Commune`: one commune's journal in memory, the class a page or a Node script works with.

use crate::convert::{day_of, input_text, to_js, to_json};
use crate::error::{js_result, to_js_error};
use crate::meeting::Meeting;
use chibo::error::InputError;
use chibo::report::query::{self, Query};
use chibo::Journal;
use wasm_bindgen::prelude::*;

/// A commune (Đảng bộ xã) as its journal leaves it: the journal's text, kept in memory, and the
/// state it replays to. Every change is a command checked by the core; an accepted one appends
/// its record to the text, a refused one throws and changes nothing.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen]
pub struct Commune {
    journal: Journal,
    text: String,
    /// What [`Commune::load_recovering`] recovered: the torn tail it left out, a line feed it
    /// added.
    recovered: Option<serde_json::Value>,
}

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen]
impl Commune {
    /// An empty commune: its first command must be `establish_commune`.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Commune {
        Commune {
            journal: Journal::new(),
            text: String::new(),
            recovered: None,
        }
    }

    /// Loads a commune from its journal (JSON Lines): every line decoded, the hash chain checked
    /// and every event replayed through the same rules. Throws a `JournalError` naming the first
    /// bad line.
    pub fn load(text: &str) -> Result<Commune, JsValue> {
        let journal = js_result(Journal::load(text))?;
        let mut kept = text.trim_end_matches(['\n', '\r']).to_owned();
        if !kept.is_empty() {
            kept.push('\n');
        }
        Ok(Commune {
            journal,
            text: kept,
            recovered: None,
        })
    }

    /// Loads a journal as the file store opens one, losing no record: a whole last record
    /// without its line feed is kept (the line feed added); an unterminated last line that is not
    /// a record (a write cut short) is left out of the commune and handed back in
    /// [`Commune::recovered`] (`torn.text`), for the caller to keep. CR LF line endings, a
    /// byte-order mark or any other damage throw a `JournalError` naming the line (see
    /// `repair`).
    #[wasm_bindgen(js_name = loadRecovering)]
    pub fn load_recovering(text: &str) -> Result<Commune, JsValue> {
        let layout = js_result(chibo::journal::layout(text.as_bytes()))?;
        let (records, rest) = text.split_at(layout.records_end.min(text.len()));
        let mut commune = Self::load(records)?;
        let torn = match &layout.tail {
            chibo::journal::Tail::Torn(t) => serde_json::json!({
                "line": t.line, "offset": t.offset, "bytes": t.bytes, "text": rest,
            }),
            _ => serde_json::Value::Null,
        };
        commune.recovered = Some(serde_json::json!({
            "torn": torn,
            "newlineAdded": layout.tail == chibo::journal::Tail::MissingNewline,
        }));
        Ok(commune)
    }

    /// What `loadRecovering` recovered, `{torn: {line, offset, bytes, text} | null,
    /// newlineAdded}`; `null` for a commune made otherwise.
    #[wasm_bindgen(getter, unchecked_return_type = "Recovered | null")]
    pub fn recovered(&self) -> Result<JsValue, JsValue> {
        match &self.recovered {
            Some(value) => to_js(value),
            None => Ok(JsValue::NULL),
        }
    }

    /// Checks a command (a plain object as in docs/json.md, or its JSON text; `at` may be a
    /// `Date`) and, if accepted, applies it and appends its record. Returns the appended journal
    /// line. A refusal throws the core's error (`name`, `code`, `messageVi`, `messageEn`,
    /// `fields`) and changes nothing.
    pub fn execute(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Command | string")] command: JsValue,
    ) -> Result<String, JsValue> {
        let command = js_result(crate::signing::command_of(&command))?;
        let record = js_result(self.journal.execute(command))?;
        Ok(self.append(record.line))
    }

    /// [`Commune::execute`] for a command signed by its actor: `signature` is 128 hex characters,
    /// the actor's Ed25519 signature over `signingMessage(command)` (made by WebCrypto, by
    /// `signWith` of the package's `signing.js`, or by `signCommand`). The record carries it;
    /// a signature that does not verify against the key the actor has at the command's date is
    /// a `journal.signature_invalid`, and nothing changes. Returns the appended journal line.
    #[wasm_bindgen(js_name = executeSigned)]
    pub fn execute_signed(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Command | string")] command: JsValue,
        signature: &str,
    ) -> Result<String, JsValue> {
        let command = js_result(crate::signing::command_of(&command))?;
        let signature = js_result(chibo::journal::Signature::parse_hex(signature))?;
        let record = js_result(self.journal.execute_signed(command, &signature))?;
        Ok(self.append(record.line))
    }

    /// Runs a report query (docs/reports.md: `{alerts: {as_of}}`, `{dashboard: {period}}`,
    /// `{score: {meeting}}`, `{recorded_score: {meeting}}`, `{ratings: {year}}`,
    /// `{minutes: {meeting, language}}`) and returns its result as a plain object. Nothing changes.
    #[wasm_bindgen(unchecked_return_type = "unknown")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Query | string")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query = js_result(input_text(&query).and_then(|text| Query::from_json(&text)))?;
        let result = js_result(query::run(self.journal.commune(), &query))?;
        to_js(&result)
    }

    /// The commune dashboard for a year (`2025`) or a month (`"2025-03"`): one row per cell ×
    /// month and the totals, as the core computes them (docs/reports.md, Dashboard).
    #[wasm_bindgen(unchecked_return_type = "Dashboard")]
    pub fn dashboard(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number | string")] period: JsValue,
    ) -> Result<JsValue, JsValue> {
        let period = match period.as_string() {
            Some(month) => serde_json::json!({ "month": month }),
            None => match js_result(to_json(&period))? {
                year @ serde_json::Value::Number(_) => serde_json::json!({ "year": year }),
                _ => {
                    return Err(to_js_error(&InputError::malformed(
                        "a period is a year (number) or a month (\"YYYY-MM\")",
                    )))
                }
            },
        };
        self.query(to_js(
            &serde_json::json!({ "dashboard": { "period": period } }),
        )?)
    }

    /// The open alerts as of a day (a `Date`, read at +07:00, or `"YYYY-MM-DD"`).
    #[wasm_bindgen(unchecked_return_type = "Alerts")]
    pub fn alerts(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "Date | string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let day = js_result(day_of(&as_of))?;
        self.query(to_js(&serde_json::json!({ "alerts": { "as_of": day } }))?)
    }

    /// A record at a glance, as scenario files check it: `kind` is one of `meetings`, `tasks`,
    /// `inspections`, `remediations`, `members`. Throws a `LookupError` for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(&self, kind: &str, id: &str) -> Result<JsValue, JsValue> {
        let summary = js_result(self.journal.commune().summary(kind, id))?;
        to_js(&summary)
    }

    /// The remediations of `cell` not yet verified, each `{id, requirement, deadline, state}`:
    /// those a new inspection's conclusion must face in `open_remedies`.
    #[wasm_bindgen(js_name = openRemedies, unchecked_return_type = "Array<{ id: string; requirement: string; deadline: string; state: string }>")]
    pub fn open_remedies(&self, cell: &str) -> Result<JsValue, JsValue> {
        let commune = self.journal.commune();
        let rows: Vec<serde_json::Value> = commune
            .open_remedies(&cell.into())
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id, "requirement": r.requirement,
                    "deadline": r.deadline, "state": r.state,
                })
            })
            .collect();
        to_js(&rows)
    }

    /// A meeting, with its lifecycle state and draft, as it stands now (a snapshot).
    pub fn meeting(&self, id: &str) -> Result<Meeting, JsValue> {
        let meeting = js_result(self.journal.commune().meeting(&id.into()))?;
        Ok(Meeting::of(meeting))
    }

    /// A meeting's history: every journal record that names it, one of its tasks or an inspection
    /// opened on it, oldest first, each `{seq, at, actor, action, subject}` (`subject`: the task
    /// or inspection, if the record is about one). Throws a `LookupError` for an unknown meeting.
    #[wasm_bindgen(unchecked_return_type = "HistoryStep[]")]
    pub fn history(&self, meeting: &str) -> Result<JsValue, JsValue> {
        js_result(self.journal.commune().meeting(&meeting.into()))?;
        to_js(&crate::history::of(&self.text, meeting))
    }

    /// The ids of the meetings, in id order; only those of `cell` when given.
    #[wasm_bindgen(js_name = meetingIds)]
    pub fn meeting_ids(&self, cell: Option<String>) -> Vec<String> {
        self.journal
            .commune()
            .meetings
            .iter()
            .filter(|(_, m)| {
                cell.as_deref()
                    .map_or(true, |c| m.header().cell.as_str() == c)
            })
            .map(|(id, _)| id.as_str().to_owned())
            .collect()
    }

    /// The organisation: the commune's name, levels, committees, cells (with their members and
    /// leadership) and every member, as plain objects keyed by id.
    #[wasm_bindgen(unchecked_return_type = "Organisation")]
    pub fn organisation(&self) -> Result<JsValue, JsValue> {
        to_js(&self.journal.commune().organisation)
    }

    /// What this commune hands over when it is merged into another: its cells with their
    /// members and leadership, and the end of this journal; pass it in `absorbed` of the other
    /// commune's `merge_communes`.
    #[wasm_bindgen(unchecked_return_type = "HandedOverCommune")]
    pub fn handover(&self) -> Result<JsValue, JsValue> {
        to_js(&self.journal.handover())
    }

    /// The commune committee's monthly directives, keyed by id.
    #[wasm_bindgen(unchecked_return_type = "Record<string, Directive>")]
    pub fn directives(&self) -> Result<JsValue, JsValue> {
        to_js(&self.journal.commune().directives)
    }

    /// The whole state as canonical JSON text (maps in id order): two communes with the same
    /// history give the same text, and a refused command leaves it byte for byte unchanged.
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> Result<String, JsValue> {
        serde_json::to_string(self.journal.commune())
            .map_err(|e| to_js_error(&InputError::malformed(e.to_string())))
    }

    /// The journal as JSON Lines, ready to download: every record, one per line.
    #[wasm_bindgen(js_name = journalText)]
    pub fn journal_text(&self) -> String {
        self.text.clone()
    }

    /// Where the journal ends: `{seq, hash}` (hash in hex). Hand it over with the journal to seal
    /// its end (`verifySealed`).
    #[wasm_bindgen(getter, unchecked_return_type = "Head")]
    pub fn head(&self) -> Result<JsValue, JsValue> {
        to_js(&self.journal.head())
    }

    /// How the journal stands with signatures: `{signed, unsigned, required_from,
    /// last_signed_seal}` (docs/journal.md, *Signatures*).
    #[wasm_bindgen(getter, unchecked_return_type = "Signing")]
    pub fn signing(&self) -> Result<JsValue, JsValue> {
        to_js(&self.journal.signing())
    }

    /// How many records the journal holds.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> f64 {
        #[allow(clippy::cast_precision_loss)] // a journal never holds 2^53 records
        let length = self.journal.len() as f64;
        length
    }

    /// Merges a device's journal that forked from this one (docs/journal.md): the device's
    /// records that still hold are appended, the others come back as conflicts with their reason.
    /// Returns `{fork, appended: [{device_seq, seq}], conflicts, already_merged}`.
    #[wasm_bindgen(unchecked_return_type = "Merge")]
    pub fn merge(&mut self, device: &str) -> Result<JsValue, JsValue> {
        let merge = js_result(self.journal.merge(device))?;
        for merged in &merge.appended {
            self.text.push_str(&merged.line);
            self.text.push('\n');
        }
        to_js(&merge)
    }
}

impl Commune {
    /// Appends an accepted record's line to the text; returns the line.
    fn append(&mut self, line: String) -> String {
        self.text.push_str(&line);
        self.text.push('\n');
        line
    }
}

impl Default for Commune {
    fn default() -> Self {
        Self::new()
    }
}
