//! A rating's category from its points and task figures, with reasons and citations.

use super::{Assessment, Category, CitedParam, Reason, TaskCounts};
use crate::rules::{Citation, Rules, Threshold};

/// `count/base (p%)`, the percentage rounded down.
fn share_text(count: u32, base: u32) -> String {
    let pct = u64::from(count) * 100 / u64::from(base.max(1));
    format!("{count}/{base} ({pct}%)")
}

/// `30%`, or `30,5%` / `30.5%` for a fraction.
pub(crate) fn pct_text(t: Threshold, comma: bool) -> String {
    let den = u64::from(t.denominator.max(1));
    let tenths = u64::from(t.numerator) * 1000 / den;
    if tenths % 10 == 0 {
        format!("{}%", tenths / 10)
    } else if comma {
        format!("{},{}%", tenths / 10, tenths % 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

/// Whether `count` out of `base` is within `limit` read as an upper bound: at most the share, or
/// strictly below it when the threshold is strict.
pub fn within(limit: Threshold, count: u32, base: u32) -> bool {
    let lhs = u64::from(count) * u64::from(limit.denominator.max(1));
    let rhs = u64::from(limit.numerator) * u64::from(base);
    if limit.strict {
        lhs < rhs
    } else {
        lhs <= rhs
    }
}

/// The category for `points` (0..=100) and the task `counts`, checked against the thresholds of
/// `rules` from the top (see the module documentation), with the reasons and the parameters used.
/// With no task counted, no task condition holds, so the result is Not completed (callers treat
/// that case as not rateable).
pub fn categorise(rules: &Rules, points: u32, counts: &TaskCounts) -> Assessment {
    let n = counts.total;
    let excellent = rules.rating_excellent.value;
    let good = rules.rating_good.value;
    let completed = rules.rating_completed.value;
    let exceeding = rules.rating_excellent_exceeding.value;
    let late_limit = rules.rating_completed_late.value;
    let all_in_time = n > 0 && counts.in_time() == n;
    let all_done = n > 0 && counts.undone() == 0;
    let exceeding_met = n > 0 && exceeding.is_met(counts.exceeded, n);
    let late_ok = n > 0 && within(late_limit, counts.late, n);
    let cite = |param: &'static str, citation: &Citation| CitedParam {
        param,
        citation: citation.clone(),
    };
    let mut citations = vec![cite("rating_excellent", &rules.rating_excellent.source)];
    let mut reasons = Vec::new();
    let in_time = share_text(counts.in_time(), n);
    let exceeded = share_text(counts.exceeded, n);
    let late = share_text(counts.late, n);
    let undone = share_text(counts.undone(), n);

    citations.push(cite(
        "rating_excellent_exceeding",
        &rules.rating_excellent_exceeding.source,
    ));
    if points >= excellent && all_in_time && exceeding_met {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {excellent}), {in_time} nhiệm vụ hoàn thành đúng hạn hoặc vượt mức, {exceeded} vượt mức (≥ {}): Hoàn thành xuất sắc nhiệm vụ.", pct_text(exceeding, true)),
            format!("{points}/100 points (≥ {excellent}), {in_time} of tasks on time or exceeded, {exceeded} exceeded (≥ {}): Excellent.", pct_text(exceeding, false)),
        ));
        return Assessment {
            category: Category::Excellent,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if points < excellent {
        missing_vi.push(format!("{points} điểm < {excellent}"));
        missing_en.push(format!("{points} points < {excellent}"));
    }
    if !all_in_time {
        missing_vi.push(format!("chỉ {in_time} nhiệm vụ đúng hạn hoặc vượt mức"));
        missing_en.push(format!("only {in_time} of tasks on time or exceeded"));
    }
    if !exceeding_met {
        missing_vi.push(format!(
            "{exceeded} vượt mức < {}",
            pct_text(exceeding, true)
        ));
        missing_en.push(format!(
            "{exceeded} exceeded < {}",
            pct_text(exceeding, false)
        ));
    }
    reasons.push(Reason::new(
        format!("Chưa đạt Hoàn thành xuất sắc: {}.", missing_vi.join("; ")),
        format!("Not Excellent: {}.", missing_en.join("; ")),
    ));

    citations.push(cite("rating_good", &rules.rating_good.source));
    if points >= good && all_in_time {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {good}), {in_time} nhiệm vụ đúng hạn hoặc vượt mức: Hoàn thành tốt nhiệm vụ."),
            format!("{points}/100 points (≥ {good}), {in_time} of tasks on time or exceeded: Good."),
        ));
        return Assessment {
            category: Category::Good,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if points < good {
        missing_vi.push(format!("{points} điểm < {good}"));
        missing_en.push(format!("{points} points < {good}"));
    }
    if !all_in_time {
        missing_vi.push(format!("chỉ {in_time} nhiệm vụ đúng hạn hoặc vượt mức"));
        missing_en.push(format!("only {in_time} of tasks on time or exceeded"));
    }
    reasons.push(Reason::new(
        format!("Chưa đạt Hoàn thành tốt: {}.", missing_vi.join("; ")),
        format!("Not Good: {}.", missing_en.join("; ")),
    ));

    citations.push(cite("rating_completed", &rules.rating_completed.source));
    citations.push(cite(
        "rating_completed_late",
        &rules.rating_completed_late.source,
    ));
    let limit_vi = format!(
        "{} {}",
        if late_limit.strict { "<" } else { "≤" },
        pct_text(late_limit, true)
    );
    let limit_en = format!(
        "{} {}",
        if late_limit.strict { "<" } else { "≤" },
        pct_text(late_limit, false)
    );
    if points >= completed && all_done && late_ok {
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {completed}), không có nhiệm vụ chưa hoàn thành, {late} chậm ({limit_vi}): Hoàn thành nhiệm vụ."),
            format!("{points}/100 points (≥ {completed}), no task left undone, {late} late ({limit_en}): Completed."),
        ));
        return Assessment {
            category: Category::Completed,
            reasons,
            citations,
        };
    }
    let mut missing_vi = Vec::new();
    let mut missing_en = Vec::new();
    if n > 0 && points >= completed {
        // Not completed is defined by its own test (below the Completed points): a member at or
        // above them whose tasks miss Completed's conditions is still Completed, the lowest
        // category they are not below (a library choice, said in the reasons).
        if !all_done {
            missing_vi.push(format!("{undone} nhiệm vụ chưa hoàn thành"));
            missing_en.push(format!("{undone} of tasks not done"));
        }
        if !late_ok {
            missing_vi.push(format!("{late} nhiệm vụ chậm (giới hạn {limit_vi})"));
            missing_en.push(format!("{late} of tasks late (limit {limit_en})"));
        }
        reasons.push(Reason::new(
            format!("Đạt {points}/100 điểm (≥ {completed}) nên không thuộc Không hoàn thành nhiệm vụ; còn {}: xếp Hoàn thành nhiệm vụ, cấp ủy xem xét khi quyết định.", missing_vi.join("; ")),
            format!("{points}/100 points (≥ {completed}), so not Not completed; with {}: Completed, for the committee to weigh when it decides.", missing_en.join("; ")),
        ));
        return Assessment {
            category: Category::Completed,
            reasons,
            citations,
        };
    }
    if points < completed {
        missing_vi.push(format!("{points} điểm < {completed}"));
        missing_en.push(format!("{points} points < {completed}"));
    }
    if n == 0 {
        missing_vi.push("không có nhiệm vụ nào trong năm".to_owned());
        missing_en.push("no task in the year".to_owned());
    } else {
        if !all_done {
            missing_vi.push(format!("{undone} nhiệm vụ chưa hoàn thành"));
            missing_en.push(format!("{undone} of tasks not done"));
        }
        if !late_ok {
            missing_vi.push(format!("{late} nhiệm vụ chậm (cần {limit_vi})"));
            missing_en.push(format!("{late} of tasks late (must be {limit_en})"));
        }
    }
    reasons.push(Reason::new(
        format!(
            "Chưa đạt Hoàn thành: {}. Xếp loại Không hoàn thành nhiệm vụ.",
            missing_vi.join("; ")
        ),
        format!(
            "Not Completed: {}. Rated Not completed.",
            missing_en.join("; ")
        ),
    ));
    Assessment {
        category: Category::NotCompleted,
        reasons,
        citations,
    }
}
