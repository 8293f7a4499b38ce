use super::declare::refusals;
use super::labels::kind_vi;
use crate::time::Timestamp;

/// A time as a Vietnamese office writes it, `07:30 05/03/2025 (+07:00)`.
fn when(at: &Timestamp) -> String {
    at.format("%H:%M %d/%m/%Y (%:z)").to_string()
}

refusals! {
    /// The step does not fit the record's current state (`transition.*`).
    pub enum TransitionError {
        /// E.g. assigning tasks on a meeting that is still a draft.
        "transition.out_of_order" OutOfOrder {
            /// The kind of record: `meeting`, `task`, `inspection`, `remediation`.
            kind: String,
            /// Its id.
            id: String,
            /// Its current state.
            state: String,
            /// The command refused.
            action: String,
            /// The state(s) the command needs.
            expected: String,
        } => en("Cannot {action} {kind} {id} while it is {state}: it must be {expected} first."),
           vi("Không thể thực hiện `{action}` với {kind} {id} đang ở trạng thái \"{state}\": cần ở trạng thái \"{expected}\" trước.",
              kind = kind_vi(kind),
              state = state_vi(kind, state),
              expected = expected
                  .split(" or ")
                  .map(|s| state_vi(kind, s))
                  .collect::<Vec<_>>()
                  .join("\" hoặc \""));
        /// The command is dated before the step it follows (a report before its task was
        /// assigned, a record before its draft).
        "transition.dated_before" DatedBefore {
            /// The kind of record it follows: `commune`, `meeting`, `task`…
            kind: String,
            /// Its id.
            id: String,
            /// The command refused.
            action: String,
            /// When the command says it happened.
            at: Timestamp,
            /// The step it follows.
            step: String,
            /// When that step happened.
            earlier: Timestamp,
            /// How many minutes of clock difference are accepted.
            skew_minutes: i64,
        } => en("This {action} is dated {at}, before {step} of {kind} {id} at {earlier}: a step cannot come before the one it follows. Check the date typed and the device's clock (up to {skew_minutes} minutes of difference are accepted).",
              at = when(at), earlier = when(earlier)),
           vi("Lệnh `{action}` ghi thời điểm {at}, trước bước `{step}` của {kind} {id} lúc {earlier}: một bước không thể diễn ra trước bước nó tiếp nối. Hãy kiểm tra ngày giờ đã nhập và đồng hồ của thiết bị (chấp nhận lệch tối đa {skew_minutes} phút).",
              at = when(at), kind = kind_vi(kind), earlier = when(earlier));
        /// A rule override may not apply to days before it is recorded (events already recorded
        /// were checked under the rules of their day).
        "transition.retroactive_rule" RetroactiveRule {
            /// The first day asked for.
            from: chrono::NaiveDate,
            /// When the override was recorded.
            at: Timestamp,
        } => en("A rule cannot apply from {from} when it is recorded on {at}: what was recorded before was checked under the rules of its day. Set the first day to today or later.",
              from = from.format("%d/%m/%Y"), at = when(at)),
           vi("Quy định không thể áp dụng từ ngày {from} khi được ghi nhận lúc {at}: những gì đã ghi trước đó được kiểm tra theo quy định của ngày đó. Hãy đặt ngày bắt đầu từ hôm nay trở đi.",
              from = from.format("%d/%m/%Y"), at = when(at));
    }
}

impl TransitionError {
    pub(crate) fn out_of_order(
        kind: &str,
        id: impl std::fmt::Display,
        state: &str,
        action: &str,
        expected: &str,
    ) -> Self {
        Self::OutOfOrder {
            kind: kind.to_owned(),
            id: id.to_string(),
            state: state.to_owned(),
            action: action.to_owned(),
            expected: expected.to_owned(),
        }
    }
}

/// Refuses `action` on record `id` of `kind` unless its `state` is one of `allowed`; `name` gives
/// each state's snake_case name.
pub(crate) fn require_state<S: Copy + PartialEq>(
    kind: &str,
    id: impl std::fmt::Display,
    state: S,
    allowed: &[S],
    action: &str,
    name: fn(S) -> &'static str,
) -> Result<(), TransitionError> {
    if allowed.contains(&state) {
        return Ok(());
    }
    let expected: Vec<&str> = allowed.iter().map(|s| name(*s)).collect();
    Err(TransitionError::out_of_order(
        kind,
        id,
        name(state),
        action,
        &expected.join(" or "),
    ))
}

/// A record's state in Vietnamese, inside a sentence ([`crate::labels`]).
fn state_vi(kind: &str, state: &str) -> String {
    let vocabulary = match kind {
        "meeting" => "meeting_state",
        "task" => "task_state",
        "inspection" => "inspection_state",
        "remediation" => "remediation_state",
        "score" => "score_state",
        "review" => "review_stage",
        _ => "",
    };
    crate::labels::in_sentence(vocabulary, state, crate::report::minutes::Language::Vi)
}
