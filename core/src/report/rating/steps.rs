//! The annual review's recorded steps (self-assessment, the cell's votes, the decision) told as
//! reasons on a member's rating, in vi and en.

use super::{MemberRating, Reason};

/// The review's steps as reasons: what the member proposed, what the cell voted, what was decided.
pub(super) fn review_reasons(rating: &mut MemberRating) {
    let review = &rating.review;
    let mut reasons = Vec::new();
    if let Some(s) = &review.self_assessment {
        reasons.push(Reason::new(
            format!(
                "Tự đánh giá ngày {}: {}.",
                s.at.format("%d/%m/%Y"),
                s.category.name_vi()
            ),
            format!(
                "Self-assessment on {}: {}.",
                s.at.format("%Y-%m-%d"),
                s.category.name_en()
            ),
        ));
    }
    reasons.extend(review.proposals.iter().map(proposal));
    if let Some(d) = &review.decision {
        reasons.push(Reason::new(
            format!(
                "Đảng ủy quyết định ngày {} ({}): {}.",
                d.at.format("%d/%m/%Y"),
                d.by,
                d.category.name_vi()
            ),
            format!(
                "Decided by the commune committee on {} ({}): {}.",
                d.at.format("%Y-%m-%d"),
                d.by,
                d.category.name_en()
            ),
        ));
    }
    rating.reasons.extend(reasons);
}

/// The cell's vote on a proposed category, as a reason.
fn proposal(p: &crate::review::Proposal) -> Reason {
    let t = &p.tally;
    let (vi, en) = if t.passed {
        ("được thông qua", "passed")
    } else {
        ("không được thông qua", "did not pass")
    };
    Reason::new(
        format!(
            "Chi bộ biểu quyết đề nghị {} ngày {} ({}): {}/{} tán thành, {vi}.",
            p.category.name_vi(),
            p.at.format("%d/%m/%Y"),
            p.meeting,
            t.yes,
            t.counted_base
        ),
        format!(
            "The cell voted to propose {} on {} ({}): {}/{} for, {en}.",
            p.category.name_en(),
            p.at.format("%Y-%m-%d"),
            p.meeting,
            t.yes,
            t.counted_base
        ),
    )
}
