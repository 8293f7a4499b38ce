//! TypeScript declarations of the plain objects that cross the border. Commands and queries (and
//! every payload in them) are generated from the core's types (`generated.d.ts`, written by
//! `scripts/gen-types.mjs` from `schema/*.schema.json`); the summaries, reports and the error's
//! shape below are still written here. wasm-bindgen puts both into the package's `.d.ts` next to
//! the classes and functions it generates; the methods name them with
//! `unchecked_param_type`/`unchecked_return_type`.

use wasm_bindgen::prelude::*;

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(typescript_custom_section)]
const GENERATED: &str = include_str!("generated.d.ts");

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A lifecycle state of a meeting. */
export type MeetingStateName = "draft" | "adopted" | "assigned" | "reported" | "inspected";
/** A task's reported outcome (the core's `Outcome`). */
export type TaskOutcome = Outcome;

/** A meeting at a glance (numbers are null before it is held). */
export interface MeetingSummary {
  state: MeetingStateName; cell: string; month: string; kind: MeetingKind; revisions: number;
  notice_sent: boolean; members: number | null; present: number | null; counted_base: number | null;
  yes: number | null; no: number | null; abstain: number | null; minutes: number | null;
  admissions: number; tasks: number; carried_over: number; inspections: number;
}
/** A task at a glance. */
export interface TaskSummary {
  state: "assigned" | "done" | "unfinished" | "cancelled" | "carried_over"; owner: string;
  meeting: string; outcome: "exceeded" | "on_time" | "late" | "not_done" | null;
  carried_from: string | null;
}
/** An inspection at a glance. */
export interface InspectionSummary { state: "open" | "concluded"; findings: number; remediations: number; referred: boolean }
/** A remediation at a glance. */
export interface RemediationSummary { state: "open" | "remedied" | "verified" | "overdue" }
/** A member at a glance. */
export interface MemberSummary {
  status: "official" | "probationary"; cell: string | null; exempted: boolean; suspended: boolean;
  transferred: boolean; active: boolean;
}
/** Any summary, as `Commune.summary(kind, id)` returns it. */
export type Summary = MeetingSummary | TaskSummary | InspectionSummary | RemediationSummary | MemberSummary;

/** What `Commune.loadRecovering` recovered: a torn last line left out (its text handed back to
 * keep), or a missing last line feed added. */
export interface Recovered {
  torn: { line: number; offset: number; bytes: number; text: string } | null;
  newlineAdded: boolean;
}
/** The outcome of merging a device's journal. */
export interface Merge {
  fork: number; appended: { device_seq: number; seq: number }[];
  conflicts: { device_seq: number; action: string; event: Command; reason: unknown }[]; already_merged: number[];
}

/** Task counts of a dashboard row or total. */
export interface TaskCounts {
  new: number; carried_in: number; exceeded: number; on_time: number; late: number;
  not_done: number; cancelled: number; pending: number;
}
/** Attendance counts (rates in per mille, rounded half up): `rate_per_mille` on R-70's base
 * (`expected`: exempted absentees left out), `headcount_per_mille` over everyone summoned. */
export interface AttendanceCounts {
  summoned: number; expected: number; present: number; absent_excused: number; absent_unexcused: number;
  rate_per_mille: number | null; headcount_per_mille: number | null;
}
/** One cell × month of the dashboard. */
export interface DashboardRow {
  cell: string; cell_name: string; month: string; meeting: string | null; state: MeetingStateName | null;
  held: { regular: number; thematic: number; combined: number }; attendance: AttendanceCounts | null;
  vote: { yes: number; no: number; abstain: number; counted_base: number; needed: number; passed: boolean } | null;
  tasks: TaskCounts; quality_band: "good" | "fair" | "average" | "weak" | null; inspections: string[];
  inspection: { inspection: string; kind: string; concluded_on: string; conclusion: string; remediations: number; referred: boolean } | null;
  remediations: { open: number; overdue: number; remedied: number };
}
/** The commune's totals for a month (or the period when `month` is null). */
export interface Totals {
  month: string | null; rows: number; regular_missing: number; held: { regular: number; thematic: number; combined: number };
  attendance: AttendanceCounts; resolutions_adopted: number; tasks: TaskCounts; inspections: number;
  remediations: { open: number; overdue: number; remedied: number };
}
/** The commune dashboard (docs/reports.md, Dashboard). */
export interface Dashboard {
  commune: string; commune_name: string; period: { year: number } | { month: string };
  rows: DashboardRow[]; months: Totals[]; total: Totals;
}
/** One alert: its kind, rule, citation, the ids concerned, figures and messages. */
export interface Alert {
  kind: string; rule: string; citation: unknown; cell: string | null; member: string | null;
  meeting: string | null; task: string | null; remediation: string | null;
  figures: Record<string, unknown>; message_vi: string; message_en: string;
}
/** The alerts as of a day. */
export type Alerts = Alert[];

/** A cell of the commune. */
export interface Cell {
  id: string; name: string; kind: string; members: string[];
  leadership: { secretary: string | null; deputy: string | null; committee: string[] } & Record<string, unknown>;
  followers: string[]; cluster: string | null;
  /** The committee member the secretary delegated each month's drafting to (R-22), by `YYYY-MM`. */
  drafting_delegates?: Record<string, string>;
  /** For a cell handed over in a merger: its former commune and the end of that commune's journal. */
  origin?: { commune: string; name: string; journal: Head };
}
/** A member of the commune. */
export interface Member {
  id: string; name: string; home: { cell: string } | { level: string }; status: "official" | "probationary";
  exempted: unknown; suspended: string | null; transferred: unknown; joined_on: string; left_on: string | null;
}
/** The organisation: cells and members keyed by id. */
export interface Organisation {
  id: string; name: string; registrar: string; levels: Record<string, unknown>;
  abolished_levels?: Record<string, string>; former?: { commune: string; name: string; until: string }[];
  committees: Record<string, string[]>;
  cells: Record<string, Cell>; clusters: Record<string, unknown>; members: Record<string, Member>;
}
/** A monthly directive of the commune committee. */
export interface Directive { id: string; month: string; content: string; issued_by: string; issued_at: string }

/**
 * A refusal of the library: an `Error` whose `name` is its concern (`VoteError`, `PermissionError`,
 * `TransitionError`, `InputError`, `JournalError`…), with the stable `code`, both messages and the
 * structured fields (docs/errors.md).
 */
export interface ChiboError extends Error {
  code: string; kind: string; messageVi: string; messageEn: string; fields: Record<string, unknown>;
}
"#;
