//! The cap on Excellent (`rating_excellent_cap`, R-72), one rule for the two places it applies:
//! among a cell's members rated Good or better, and among the commune's cells rated Good or
//! better. At most the share keep Excellent, the highest totals first (ties by id); the others
//! become Good, with the reason and the parameter cited.

use super::category::within;
use super::words::pct_text;
use super::{Category, CellRating, CitedParam, MemberRating, Reason};
use crate::ids::{CellId, MemberId};
use crate::rules::Rules;

/// A rating the cap applies to.
pub(super) trait Capped {
    /// The rated member's or cell's id.
    type Id: Ord + Clone;
    fn id(&self) -> &Self::Id;
    fn category(&self) -> Option<Category>;
    fn points(&self) -> u32;
    /// Moves the rating down to Good for the cap, with `reason`.
    fn move_down(&mut self, reason: Reason);
    fn cite(&mut self, param: CitedParam);
}

/// How a reason names the rated and their group: (vi, en) each.
pub(super) struct Wording {
    /// Those counted: `đảng viên` / `members`.
    pub whom: (&'static str, &'static str),
    /// Their group: `chi bộ` / `cell`.
    pub group: (&'static str, &'static str),
    /// One of them, for the choice: `người` / (unused in English).
    pub one_vi: &'static str,
    /// Whose id breaks ties: `đảng viên` / `member`.
    pub tie: (&'static str, &'static str),
}

/// A cell's members.
pub(super) const MEMBERS: Wording = Wording {
    whom: ("đảng viên", "members"),
    group: ("chi bộ", "cell"),
    one_vi: "người",
    tie: ("đảng viên", "member"),
};

/// The commune's cells.
pub(super) const CELLS: Wording = Wording {
    whom: ("chi bộ", "cells"),
    group: ("đảng bộ", "commune"),
    one_vi: "chi bộ",
    tie: ("chi bộ", "cell"),
};

fn good_or_better(category: Option<Category>) -> bool {
    matches!(category, Some(Category::Excellent | Category::Good))
}

/// Applies the cap of `rules` to `ratings`; returns the ids moved down, sorted.
pub(super) fn apply<R: Capped>(rules: &Rules, ratings: &mut [R], words: &Wording) -> Vec<R::Id> {
    let Some(cap) = rules.rating_excellent_cap.value else {
        return Vec::new();
    };
    let base = crate::count(
        ratings
            .iter()
            .filter(|r| good_or_better(r.category()))
            .count(),
    );
    let mut excellent: Vec<(u32, R::Id)> = ratings
        .iter()
        .filter(|r| r.category() == Some(Category::Excellent))
        .map(|r| (r.points(), r.id().clone()))
        .collect();
    // Highest total first, then id ascending.
    excellent.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut allowed = 0u32;
    while allowed < base && within(cap, allowed + 1, base) {
        allowed += 1;
    }
    let mut moved: Vec<R::Id> = excellent
        .into_iter()
        .skip(usize::try_from(allowed).unwrap_or(usize::MAX))
        .map(|(_, id)| id)
        .collect();
    let citation = CitedParam {
        param: "rating_excellent_cap",
        citation: rules.rating_excellent_cap.source.clone(),
    };
    let (cap_vi, cap_en) = (pct_text(cap, true), pct_text(cap, false));
    let op = if cap.strict { "<" } else { "≤" };
    let Wording {
        whom: (whom_vi, whom_en),
        group: (group_vi, group_en),
        one_vi,
        tie: (tie_vi, tie_en),
    } = words;
    for r in ratings.iter_mut() {
        if !good_or_better(r.category()) {
            continue;
        }
        r.cite(citation.clone());
        if moved.contains(r.id()) {
            r.move_down(Reason::new(
                format!("Giới hạn Hoàn thành xuất sắc {op} {cap_vi} số {whom_vi} Hoàn thành tốt trở lên của {group_vi} ({allowed}/{base}); đã chọn {one_vi} điểm cao hơn (bằng điểm thì theo mã {tie_vi}): chuyển xuống Hoàn thành tốt nhiệm vụ."),
                format!("Excellent is capped at {op} {cap_en} of the {group_en}'s {whom_en} rated Good or better ({allowed}/{base}); higher totals were kept (ties by {tie_en} id): moved down to Good."),
            ));
        }
    }
    moved.sort();
    moved
}

impl Capped for MemberRating {
    type Id = MemberId;
    fn id(&self) -> &MemberId {
        &self.member
    }
    fn category(&self) -> Option<Category> {
        self.category
    }
    fn points(&self) -> u32 {
        self.points.unwrap_or(0)
    }
    fn move_down(&mut self, reason: Reason) {
        self.category = Some(Category::Good);
        self.capped = true;
        self.reasons.push(reason);
    }
    fn cite(&mut self, param: CitedParam) {
        self.citations.push(param);
    }
}

impl Capped for CellRating {
    type Id = CellId;
    fn id(&self) -> &CellId {
        &self.cell
    }
    fn category(&self) -> Option<Category> {
        self.category
    }
    fn points(&self) -> u32 {
        self.points.unwrap_or(0)
    }
    fn move_down(&mut self, reason: Reason) {
        self.category = Some(Category::Good);
        self.cell_capped = true;
        self.reasons.push(reason);
    }
    fn cite(&mut self, param: CitedParam) {
        self.citations.push(param);
    }
}
