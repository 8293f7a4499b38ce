//! Defects (thiếu sót): a fact that happened and broke a rule, recorded with the fact.
//!
//! The core refuses what cannot be (an actor without the right, a step out of order, a
//! probationary member's vote counted): a refusal changes nothing. What *happened* and broke a
//! rule is different: a meeting that lasted 80 minutes, documents published 20 hours ahead, a
//! meeting held without the preparatory committee meeting, a vote that failed. The minutes book
//! must hold it, so the fact is recorded and carries a [`Defect`]: a stable code, the rule it
//! breaks (RULES.md), the citation of the rule in force on the day, the figures, and a message in
//! Vietnamese and English. Defects are worked out by the core from the record and the rules in
//! force (never entered by hand), so a replayed journal gives the same defects; they flow into
//! the meeting's summary, its minutes, the quality score, the alerts, the dashboard and the
//! inspection's findings.
//!
//! ```text
//!   record_meeting ─▶ refusals? (roll, chair, ballots…) ─ yes ─▶ refused, nothing changes
//!                            │ no
//!                            ▼
//!                     defects of the sitting (preparation R-23..R-25, length R-30,
//!                     attendance R-70, quorum R-37, vote R-35)
//!                            │
//!              vote passed ──┴── vote failed or quorum missed
//!                  ▼                      ▼
//!              adopted, with its      still a draft, the sitting kept with its roll, tally
//!              defects                and defects; revise and vote again at a later sitting
//! ```

use crate::rules::{Citation, Threshold};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What went against the rules, with its figures. Serialised with its stable `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DefectKind {
    /// R-23: the committee did not meet to prepare the meeting.
    NoPreparatoryMeeting,
    /// R-23: the preparatory meeting is dated after the meeting started.
    PreparatoryAfterStart {
        /// When it was recorded as held.
        at: Timestamp,
    },
    /// R-24: no notice of time, place and content was sent.
    NoticeMissing,
    /// R-24: the notice was sent after the meeting started.
    NoticeAfterStart {
        /// When it was sent.
        at: Timestamp,
    },
    /// R-25: no documents were published to members.
    DocumentsMissing,
    /// R-25: documents published later than the lead time before the start.
    DocumentsLate {
        /// When they were published.
        published_at: Timestamp,
        /// The latest time the rule allowed.
        deadline: Timestamp,
        /// The lead time, in hours.
        lead_hours: u32,
    },
    /// R-30: shorter than the minimum length.
    TooShort {
        /// Its length in minutes.
        minutes: i64,
        /// The minimum for its kind.
        required: u32,
    },
    /// R-70: attendance not above the target share.
    AttendanceLow {
        /// Members present (of those summoned).
        present: u32,
        /// Members summoned: the roll less exempted members who were absent.
        summoned: u32,
        /// The target share.
        target: Threshold,
    },
    /// R-37: a commune's quorum rule was not met, so the vote could not adopt anything.
    QuorumNotMet {
        /// Members of the counted base present.
        present: u32,
        /// The counted base of R-35.
        counted_base: u32,
        /// Present members the quorum needed.
        needed: u32,
    },
    /// R-35: the resolution did not get the majority of the counted base.
    ResolutionFailed {
        /// Tán thành.
        yes: u32,
        /// Không tán thành.
        no: u32,
        /// Không biểu quyết.
        abstain: u32,
        /// The counted base.
        counted_base: u32,
        /// Votes for that were needed.
        needed: u32,
    },
}

/// A defect as recorded: what went against which rule, and the rule's source as in force that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Defect {
    /// What, with its figures (and its `code`).
    #[serde(flatten)]
    pub kind: DefectKind,
    /// The document and provision of the rule in force on the day.
    pub source: Citation,
}

/// Every defect code, in the order of [`DefectKind`].
pub const DEFECT_CODES: &[&str] = &[
    "no_preparatory_meeting",
    "preparatory_after_start",
    "notice_missing",
    "notice_after_start",
    "documents_missing",
    "documents_late",
    "too_short",
    "attendance_low",
    "quorum_not_met",
    "resolution_failed",
];

/// A time as a Vietnamese office writes it.
fn when(at: &Timestamp) -> String {
    at.format("%H:%M %d/%m/%Y").to_string()
}

fn share(t: Threshold) -> String {
    if t.denominator == 100 {
        format!("{}%", t.numerator)
    } else {
        format!("{}/{}", t.numerator, t.denominator.max(1))
    }
}

impl DefectKind {
    /// The stable code, e.g. `too_short`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoPreparatoryMeeting => "no_preparatory_meeting",
            Self::PreparatoryAfterStart { .. } => "preparatory_after_start",
            Self::NoticeMissing => "notice_missing",
            Self::NoticeAfterStart { .. } => "notice_after_start",
            Self::DocumentsMissing => "documents_missing",
            Self::DocumentsLate { .. } => "documents_late",
            Self::TooShort { .. } => "too_short",
            Self::AttendanceLow { .. } => "attendance_low",
            Self::QuorumNotMet { .. } => "quorum_not_met",
            Self::ResolutionFailed { .. } => "resolution_failed",
        }
    }

    /// The rule of RULES.md it goes against, e.g. `R-30`.
    pub fn rule(&self) -> &'static str {
        match self {
            Self::NoPreparatoryMeeting | Self::PreparatoryAfterStart { .. } => "R-23",
            Self::NoticeMissing | Self::NoticeAfterStart { .. } => "R-24",
            Self::DocumentsMissing | Self::DocumentsLate { .. } => "R-25",
            Self::TooShort { .. } => "R-30",
            Self::AttendanceLow { .. } => "R-70",
            Self::QuorumNotMet { .. } => "R-37",
            Self::ResolutionFailed { .. } => "R-35",
        }
    }

    /// Whether the resolution could not be adopted at the sitting (a failed vote, no quorum).
    pub fn blocks_adoption(&self) -> bool {
        matches!(
            self,
            Self::QuorumNotMet { .. } | Self::ResolutionFailed { .. }
        )
    }

    /// What happened, in Vietnamese, with the figures and the rule.
    pub fn message_vi(&self) -> String {
        match self {
            Self::NoPreparatoryMeeting => "Chi ủy (hoặc bí thư, phó bí thư) không họp chuẩn bị trước kỳ sinh hoạt (R-23).".to_owned(),
            Self::PreparatoryAfterStart { at } => format!(
                "Cuộc họp chuẩn bị của chi ủy ghi lúc {}, sau khi kỳ sinh hoạt đã bắt đầu (R-23).",
                when(at)
            ),
            Self::NoticeMissing => "Không gửi thông báo thời gian, địa điểm, nội dung cho đảng viên và đồng chí cấp trên theo dõi (R-24).".to_owned(),
            Self::NoticeAfterStart { at } => format!(
                "Thông báo gửi lúc {}, sau khi kỳ sinh hoạt đã bắt đầu (R-24).",
                when(at)
            ),
            Self::DocumentsMissing => "Không gửi tài liệu cho đảng viên trước kỳ sinh hoạt (R-25).".to_owned(),
            Self::DocumentsLate {
                published_at,
                deadline,
                lead_hours,
            } => format!(
                "Tài liệu gửi lúc {}, muộn hơn hạn {} (trước giờ họp {lead_hours} giờ, R-25).",
                when(published_at),
                when(deadline)
            ),
            Self::TooShort { minutes, required } => {
                format!("Kỳ sinh hoạt kéo dài {minutes} phút, dưới mức tối thiểu {required} phút (R-30).")
            }
            Self::AttendanceLow {
                present,
                summoned,
                target,
            } => format!(
                "Chỉ {present}/{summoned} đảng viên dự họp, không đạt trên {} (R-70).",
                share(*target)
            ),
            Self::QuorumNotMet {
                present,
                counted_base,
                needed,
            } => format!(
                "Chỉ {present}/{counted_base} đảng viên trong tổng số tính biểu quyết có mặt, cần {needed}: không đủ điều kiện biểu quyết (R-37)."
            ),
            Self::ResolutionFailed {
                yes,
                no,
                abstain,
                counted_base,
                needed,
            } => format!(
                "Nghị quyết không được thông qua: {yes} tán thành, {no} không tán thành, {abstain} không biểu quyết trên {counted_base} đảng viên tính biểu quyết, cần {needed} (R-35). Dự thảo được giữ để sửa và biểu quyết lại."
            ),
        }
    }

    /// What happened, in English, with the figures and the rule.
    pub fn message_en(&self) -> String {
        match self {
            Self::NoPreparatoryMeeting => "The cell committee (or the secretary and deputy) did not meet to prepare the meeting (R-23).".to_owned(),
            Self::PreparatoryAfterStart { at } => format!(
                "The committee's preparatory meeting is dated {}, after the meeting started (R-23).",
                when(at)
            ),
            Self::NoticeMissing => "No notice of time, place and content was sent to the members and the higher-level member following the cell (R-24).".to_owned(),
            Self::NoticeAfterStart { at } => format!(
                "The notice was sent at {}, after the meeting started (R-24).",
                when(at)
            ),
            Self::DocumentsMissing => "No documents were published to the members before the meeting (R-25).".to_owned(),
            Self::DocumentsLate {
                published_at,
                deadline,
                lead_hours,
            } => format!(
                "The documents were published at {}, later than {} ({lead_hours} hours before the start, R-25).",
                when(published_at),
                when(deadline)
            ),
            Self::TooShort { minutes, required } => format!(
                "The meeting lasted {minutes} minutes, under the minimum of {required} (R-30)."
            ),
            Self::AttendanceLow {
                present,
                summoned,
                target,
            } => format!(
                "Only {present} of {summoned} members attended, not above {} (R-70).",
                share(*target)
            ),
            Self::QuorumNotMet {
                present,
                counted_base,
                needed,
            } => format!(
                "Only {present} of the {counted_base} members of the counted base were present, {needed} needed: the vote could not be held (R-37)."
            ),
            Self::ResolutionFailed {
                yes,
                no,
                abstain,
                counted_base,
                needed,
            } => format!(
                "The resolution was not adopted: {yes} for, {no} against, {abstain} abstaining of a counted base of {counted_base}, {needed} needed (R-35). The draft is kept, to be revised and voted again."
            ),
        }
    }
}

impl Defect {
    /// The stable code, e.g. `too_short`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// What happened, in Vietnamese.
    pub fn message_vi(&self) -> String {
        self.kind.message_vi()
    }

    /// What happened, in English.
    pub fn message_en(&self) -> String {
        self.kind.message_en()
    }
}

/// A defect as reports show it: code, rule, citation, figures and both messages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DefectView<'a> {
    /// The defect, flattened: `code` and its figures, and `source`.
    #[serde(flatten)]
    pub defect: &'a Defect,
    /// The rule of RULES.md.
    pub rule: &'static str,
    /// What happened, in Vietnamese.
    pub message_vi: String,
    /// What happened, in English.
    pub message_en: String,
}

impl<'a> From<&'a Defect> for DefectView<'a> {
    fn from(defect: &'a Defect) -> Self {
        Self {
            defect,
            rule: defect.kind.rule(),
            message_vi: defect.message_vi(),
            message_en: defect.message_en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_listed_once_in_order() {
        let mut sorted = DEFECT_CODES.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), DEFECT_CODES.len());
        let short = DefectKind::TooShort {
            minutes: 80,
            required: 90,
        };
        assert!(DEFECT_CODES.contains(&short.code()));
        assert_eq!(short.rule(), "R-30");
        assert!(short.message_vi().contains("80 phút"));
        let json = serde_json::to_value(Defect {
            kind: short,
            source: Citation::new("42-HD/BTCTW", (2025, 10, 28), "R-30"),
        })
        .unwrap_or_default();
        assert_eq!(json["code"], "too_short");
        assert_eq!(json["minutes"], 80);
        assert_eq!(json["source"]["document"], "42-HD/BTCTW");
    }
}
