//! The two languages of the documents, and the words they need.

use crate::meeting::MeetingKind;
use chrono::{Datelike, Timelike};
use serde::Serialize;

/// The language a document is rendered in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Vietnamese: the official form, and the default.
    #[default]
    Vi,
    /// English: a translation for readers who do not read Vietnamese.
    En,
}

impl Language {
    /// The text in this language.
    pub(super) fn pick(self, vi: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::Vi => vi,
            Language::En => en,
        }
    }

    /// The HTML `lang` attribute.
    pub(super) fn code(self) -> &'static str {
        self.pick("vi", "en")
    }
}

/// "sinh hoạt thường kỳ" / "regular meeting", and so on.
pub(super) fn kind(kind: MeetingKind, language: Language) -> &'static str {
    match kind {
        MeetingKind::Regular => language.pick("sinh hoạt thường kỳ", "regular meeting"),
        MeetingKind::Thematic => language.pick("sinh hoạt chuyên đề", "thematic meeting"),
        MeetingKind::Combined => language.pick(
            "sinh hoạt thường kỳ kết hợp chuyên đề",
            "regular and thematic meeting",
        ),
    }
}

/// "ngày 05 tháng 3 năm 2025" / "5 March 2025".
pub(super) fn date(day: &impl Datelike, language: Language) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match language {
        Language::Vi => format!(
            "ngày {:02} tháng {} năm {}",
            day.day(),
            month_vi(day.month()),
            day.year()
        ),
        Language::En => {
            let month = day
                .month0()
                .try_into()
                .ok()
                .and_then(|i: usize| MONTHS.get(i))
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", day.day(), day.year())
        }
    }
}

/// A month as party documents write it (Hướng dẫn 36-HD/VPTW): `01` and `02` with their zero,
/// the others without (`tháng 01`, `tháng 3`, `tháng 12`).
pub(super) fn month_vi(month: u32) -> String {
    if month < 3 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// "7 giờ 30" / "07:30".
pub(super) fn time(at: &impl Timelike, language: Language) -> String {
    match language {
        Language::Vi => format!("{} giờ {:02}", at.hour(), at.minute()),
        Language::En => format!("{:02}:{:02}", at.hour(), at.minute()),
    }
}
