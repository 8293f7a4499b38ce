//! TypeScript declarations of the plain objects that cross the border (commands, queries,
//! summaries, reports, the error's shape). wasm-bindgen writes them into the package's `.d.ts`
//! next to the classes and functions it generates; the methods above name them with
//! `unchecked_param_type`/`unchecked_return_type`. The shapes are those of docs/json.md and
//! docs/reports.md (snake_case keys, the same JSON in every language).

use wasm_bindgen::prelude::*;

#[allow(unsafe_code)] // the ABI glue `#[wasm_bindgen]` writes; see Cargo.toml
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A lifecycle state of a meeting. */
export type MeetingStateName = "draft" | "adopted" | "assigned" | "reported" | "inspected";
/** A kind of meeting. */
export type MeetingKind = "regular" | "thematic" | "combined";
/** An RFC 3339 timestamp with its offset, or a Date (written at +07:00). */
export type Timestamp = string | Date;

/** One action: `{"<action name>": payload}` (docs/json.md lists every action and payload). */
export type Action =
  | { draft_meeting: { meeting: string; cell: string; month: string; kind: MeetingKind; directive: string;
      content: string; resolution_items: string[]; scheduled_at: Timestamp; place: string; topic?: string } }
  | { revise_draft: { meeting: string; content?: string; resolution_items?: string[];
      scheduled_at?: Timestamp; place?: string; topic?: string } }
  | { merge_communes: { commune: string; name: string; absorbed: HandedOverCommune[] } }
  | { reorganise_levels: { add?: { id: string; name: string; kind: "province" | "district" | "other";
      parent?: string }[]; abolish?: string[] } }
  | { delegate_drafting: { cell: string; month: string; member: string } }
  | { hold_preparatory_meeting: { meeting: string; attendees: string[]; agreed: string } }
  | { send_notice: { meeting: string } }
  | { publish_documents: { meeting: string; documents: string[] } }
  | { record_meeting: { meeting: string; record: MeetingRecord } }
  | { assign_tasks: { meeting: string; tasks: NewTask[];
      carried_over?: (string | { task: string; as?: string; deadline?: string })[] } }
  | { report_task: { task: string; outcome: TaskOutcome; note?: string } }
  | { assess_report: { task: string; assessment: "accepted" | { sent_back: { reason: string } } } }
  | { carry_over_task: { task: string; reason: string } }
  | { cancel_task: { task: string; reason: string } }
  | { close_reporting: { meeting: string } }
  | { open_inspection: { inspection: string; cell: string;
      kind: "regular_supervision" | "thematic_supervision" | "formal_inspection";
      meetings: string[]; inspectors: string[]; topic?: string } }
  | { record_finding: { inspection: string; criterion: string; satisfactory: boolean; text: string } }
  | { conclude_inspection: { inspection: string; conclusion: string;
      remediations?: { remediation: string; requirement: string; deadline: string }[]; referral?: string;
      open_remedies?: { remediation: string; note: string }[] } }
  | { [action: string]: Record<string, unknown> };

/** A command: who, when, what. */
export interface Command { actor: string; at: Timestamp; action: Action }

/** How a member attended. */
export type Attendance = "present" | "absent_unexcused" | { absent_excused: { reason: string } };
/** The record of a meeting as held (R-33). */
export interface MeetingRecord {
  started_at: Timestamp; ended_at: Timestamp; place: string; chair: string; recorder: string;
  roll: { member: string; attendance: Attendance }[]; guests?: string[]; agenda?: string[];
  speeches?: { member: string; gist: string }[]; conclusions?: string[];
  vote: { yes?: string[]; no?: string[]; abstain?: string[] }; dues_collected?: boolean;
}
/** A task to assign: owner, content, the resolution item it serves (from 1), deadline. */
export interface NewTask { task: string; owner: string; content: string; item: number; deadline: string }
/** A task's reported outcome. */
export type TaskOutcome = "exceeded" | "on_time" | "late" | { not_done: { reason: string } };

/** A report query (docs/reports.md). */
export type Query =
  | { alerts: { as_of: string } }
  | { dashboard: { period: { year: number } | { month: string } } }
  | { score: { meeting: string; rubric?: unknown; entered?: Record<string, number> } }
  | { recorded_score: { meeting: string } }
  | { ratings: { year: number; general?: Record<string, number> } }
  | { minutes: { meeting: string; language: "vi" | "en" } };

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

/** Where a journal ends. */
export interface Head { seq: number; hash: string }
/** What a commune hands over when merged into another (`Commune.handover()`, R-00). */
export interface HandedOverCommune {
  commune: string; name: string; journal: Head;
  cells: { cell: string; name: string; kind: string; secretary: string | null; deputy: string | null;
    committee: string[]; members: { member: string; name: string; status: "official" | "probationary";
      joined_on: string; exempted?: { reason: string; since: string }; suspended?: string;
      transferred?: { reason: string; since: string } }[] }[];
}
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
