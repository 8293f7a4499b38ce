//! `Meeting`: one meeting of a cell as it stands, with its times as `Date`s.

use crate::convert::{date_of, to_js};
use chibo::meeting::MeetingState;
use js_sys::Date;
use wasm_bindgen::prelude::*;

/// A meeting of a cell (cuộc sinh hoạt chi bộ) as it stood when read from the commune: its
/// lifecycle state (`draft` `adopted` `assigned` `reported` `inspected`), header and current
/// draft. A snapshot: read it again from `Commune.meeting` after a command.
#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen]
pub struct Meeting {
    state: MeetingState,
}

impl Meeting {
    /// A snapshot of the core's meeting.
    pub fn of(state: &MeetingState) -> Meeting {
        Meeting {
            state: state.clone(),
        }
    }
}

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen]
impl Meeting {
    /// Its id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.state.header().id.as_str().to_owned()
    }

    /// Its lifecycle state: `draft`, `adopted`, `assigned`, `reported` or `inspected`.
    #[wasm_bindgen(getter, unchecked_return_type = "MeetingStateName")]
    pub fn state(&self) -> String {
        self.state.name().as_str().to_owned()
    }

    /// The cell that holds it.
    #[wasm_bindgen(getter)]
    pub fn cell(&self) -> String {
        self.state.header().cell.as_str().to_owned()
    }

    /// The month it is for, `YYYY-MM`.
    #[wasm_bindgen(getter)]
    pub fn month(&self) -> Result<String, JsValue> {
        text_of(&self.state.header().month)
    }

    /// `regular`, `thematic` or `combined`.
    #[wasm_bindgen(getter, unchecked_return_type = "MeetingKind")]
    pub fn kind(&self) -> Result<String, JsValue> {
        text_of(&self.state.header().kind)
    }

    /// The commune committee's directive it follows.
    #[wasm_bindgen(getter)]
    pub fn directive(&self) -> String {
        self.state.header().directive.as_str().to_owned()
    }

    /// Who drafted it (the cell's secretary or deputy).
    #[wasm_bindgen(getter)]
    pub fn author(&self) -> String {
        self.state.header().author.as_str().to_owned()
    }

    /// When it was drafted.
    #[wasm_bindgen(getter, js_name = draftedAt)]
    pub fn drafted_at(&self) -> Date {
        date_of(&self.state.header().drafted_at)
    }

    /// When it is planned (the current draft).
    #[wasm_bindgen(getter, js_name = scheduledAt)]
    pub fn scheduled_at(&self) -> Date {
        date_of(&self.state.draft().scheduled_at)
    }

    /// Where it is planned.
    #[wasm_bindgen(getter)]
    pub fn place(&self) -> String {
        self.state.draft().place.clone()
    }

    /// The content of the current draft.
    #[wasm_bindgen(getter)]
    pub fn content(&self) -> String {
        self.state.draft().content.clone()
    }

    /// The items of the (draft) resolution.
    #[wasm_bindgen(getter, js_name = resolutionItems)]
    pub fn resolution_items(&self) -> Vec<String> {
        self.state.draft().resolution_items.clone()
    }

    /// When it began, once held.
    #[wasm_bindgen(getter, js_name = startedAt)]
    pub fn started_at(&self) -> Option<Date> {
        self.state.held().map(|h| date_of(&h.record.started_at))
    }

    /// When it ended, once held.
    #[wasm_bindgen(getter, js_name = endedAt)]
    pub fn ended_at(&self) -> Option<Date> {
        self.state.held().map(|h| date_of(&h.record.ended_at))
    }

    /// The tasks assigned at it (new ones, then those carried over into it), once assigned.
    #[wasm_bindgen(getter)]
    pub fn tasks(&self) -> Vec<String> {
        self.state
            .assignment()
            .map(|a| a.all_tasks().map(|t| t.as_str().to_owned()).collect())
            .unwrap_or_default()
    }

    /// The inspections concluded on it.
    #[wasm_bindgen(getter)]
    pub fn inspections(&self) -> Vec<String> {
        self.state
            .inspections()
            .iter()
            .map(|i| i.as_str().to_owned())
            .collect()
    }

    /// The meeting's whole record as a plain object (the core's JSON: draft, revisions,
    /// preparation, the meeting as held, the assignment…).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "unknown")]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(&self.state)
    }
}

/// A value the core writes as a JSON string (a month, a kind), as that string.
fn text_of<T: serde::Serialize>(value: &T) -> Result<String, JsValue> {
    let js = to_js(value)?;
    js.as_string()
        .ok_or_else(|| JsValue::from_str("expected a JSON string"))
}
