//! One label per code, in Vietnamese and English: the names a person reads for the states, kinds,
//! outcomes, bands and categories whose codes the library writes (`draft`, `on_time`, `good`…).
//!
//! Every report, message and document of the core words a code through this table, and the
//! bindings get the same table through the `labels` query (`{"labels": {"language": "vi"}}`), so a
//! page, a script and the minutes say the same thing. Vietnamese is the official wording.

use crate::report::minutes::Language;
use serde::Serialize;
use std::collections::BTreeMap;

/// A code's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The stable snake_case code.
    pub code: &'static str,
    /// In Vietnamese.
    pub vi: &'static str,
    /// In English.
    pub en: &'static str,
}

const fn l(code: &'static str, vi: &'static str, en: &'static str) -> Label {
    Label { code, vi, en }
}

/// The vocabularies labelled, each with its codes.
pub const VOCABULARIES: &[(&str, &[Label])] = &[
    (
        "meeting_state",
        &[
            l("draft", "Dự thảo", "Draft"),
            l("adopted", "Đã thông qua nghị quyết", "Adopted"),
            l("assigned", "Đã phân công nhiệm vụ", "Tasks assigned"),
            l("reported", "Đã báo cáo kết quả", "Reported"),
            l("inspected", "Đã kiểm tra, giám sát", "Inspected"),
        ],
    ),
    (
        "meeting_kind",
        &[
            l("regular", "Thường kỳ", "Regular"),
            l("thematic", "Chuyên đề", "Thematic"),
            l("combined", "Chuyên đề kết hợp thường kỳ", "Combined"),
        ],
    ),
    (
        "task_state",
        &[
            l("assigned", "Đang thực hiện", "Assigned"),
            l("done", "Đã hoàn thành", "Done"),
            l("unfinished", "Chưa hoàn thành", "Unfinished"),
            l("cancelled", "Đã hủy", "Cancelled"),
            l("carried_over", "Đã chuyển kỳ sau", "Carried over"),
        ],
    ),
    (
        "outcome",
        &[
            l("exceeded", "Hoàn thành vượt mức", "Exceeded"),
            l("on_time", "Hoàn thành đúng hạn", "On time"),
            l("late", "Hoàn thành chậm", "Late"),
            l("not_done", "Không hoàn thành", "Not done"),
        ],
    ),
    (
        "attendance",
        &[
            l("present", "Có mặt", "Present"),
            l("absent_excused", "Vắng có lý do", "Absent with reason"),
            l(
                "absent_unexcused",
                "Vắng không lý do",
                "Absent without reason",
            ),
        ],
    ),
    (
        "ballot",
        &[
            l("yes", "Tán thành", "For"),
            l("no", "Không tán thành", "Against"),
            l("abstain", "Không biểu quyết", "Abstained"),
        ],
    ),
    (
        "band",
        &[
            l("good", "Tốt", "Good"),
            l("fair", "Khá", "Fair"),
            l("average", "Trung bình", "Average"),
            l("weak", "Yếu", "Weak"),
        ],
    ),
    (
        "category",
        &[
            l("excellent", "Hoàn thành xuất sắc nhiệm vụ", "Excellent"),
            l("good", "Hoàn thành tốt nhiệm vụ", "Good"),
            l("completed", "Hoàn thành nhiệm vụ", "Completed"),
            l(
                "not_completed",
                "Không hoàn thành nhiệm vụ",
                "Not completed",
            ),
        ],
    ),
    (
        "inspection_state",
        &[
            l("open", "Đang tiến hành", "Open"),
            l("concluded", "Đã kết luận", "Concluded"),
        ],
    ),
    (
        "remediation_state",
        &[
            l("open", "Đang khắc phục", "Open"),
            l("remedied", "Đã báo cáo khắc phục", "Remedied"),
            l("verified", "Đã xác nhận khắc phục", "Verified"),
            l("overdue", "Quá hạn khắc phục", "Overdue"),
        ],
    ),
    (
        "score_state",
        &[
            l("proposed", "Chi ủy đã đề xuất", "Proposed"),
            l("voted", "Chi bộ đã biểu quyết", "Voted"),
            l("not_approved", "Chi bộ không thông qua", "Not approved"),
            l("confirmed", "Cấp trên đã xác nhận", "Confirmed"),
            l("returned", "Cấp trên trả lại", "Returned"),
        ],
    ),
    (
        "review_stage",
        &[
            l("not_started", "Chưa tự đánh giá", "Not started"),
            l("self_assessed", "Đã tự đánh giá", "Self-assessed"),
            l(
                "proposed",
                "Chi bộ đã biểu quyết đề nghị",
                "Proposed by the cell",
            ),
            l("decided", "Đảng ủy đã quyết định", "Decided"),
        ],
    ),
    (
        "member_status",
        &[
            l("official", "Đảng viên chính thức", "Official member"),
            l("probationary", "Đảng viên dự bị", "Probationary member"),
        ],
    ),
    (
        "discipline",
        &[
            l("reprimand", "Khiển trách", "Reprimand"),
            l("warning", "Cảnh cáo", "Warning"),
        ],
    ),
];

/// The label of `code` in `vocabulary`, if both are known.
pub fn label(vocabulary: &str, code: &str) -> Option<&'static Label> {
    VOCABULARIES
        .iter()
        .find(|(name, _)| *name == vocabulary)
        .and_then(|(_, labels)| labels.iter().find(|l| l.code == code))
}

/// [`word`] with its first letter in lower case, for use inside a sentence.
pub fn in_sentence(vocabulary: &str, code: &str, language: Language) -> String {
    let text = word(vocabulary, code, language);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The label of `code` in `vocabulary` in `language`, or the code itself when unknown.
pub fn word<'a>(vocabulary: &str, code: &'a str, language: Language) -> &'a str {
    match (label(vocabulary, code), language) {
        (Some(l), Language::Vi) => l.vi,
        (Some(l), Language::En) => l.en,
        (None, _) => code,
    }
}

/// Every vocabulary in `language`: `{vocabulary: {code: label}}`, what the `labels` query returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Labels(pub BTreeMap<&'static str, BTreeMap<&'static str, &'static str>>);

impl Labels {
    /// Every vocabulary, worded in `language`.
    pub fn of(language: Language) -> Self {
        Self(
            VOCABULARIES
                .iter()
                .map(|(name, labels)| {
                    let words = labels
                        .iter()
                        .map(|l| (l.code, word(name, l.code, language)))
                        .collect();
                    (*name, words)
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_labelled_once_in_both_languages() {
        for (name, labels) in VOCABULARIES {
            let mut codes: Vec<&str> = labels.iter().map(|l| l.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), labels.len(), "{name}: a code twice");
            for l in *labels {
                assert!(!l.vi.is_empty() && !l.en.is_empty(), "{name}.{}", l.code);
            }
        }
    }

    #[test]
    fn the_codes_are_the_ones_the_core_writes() {
        use crate::meeting::StateName;
        use crate::report::rating::Category;
        for state in [
            StateName::Draft,
            StateName::Adopted,
            StateName::Assigned,
            StateName::Reported,
            StateName::Inspected,
        ] {
            assert!(label("meeting_state", state.as_str()).is_some());
        }
        for c in [
            Category::Excellent,
            Category::Good,
            Category::Completed,
            Category::NotCompleted,
        ] {
            assert_eq!(
                label("category", c.as_str()).map(|l| l.vi),
                Some(c.name_vi())
            );
        }
        assert_eq!(word("band", "average", Language::Vi), "Trung bình");
        assert_eq!(word("band", "nothing", Language::En), "nothing");
    }
}
