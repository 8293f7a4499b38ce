//! A rating's category from its points and task figures, with reasons and citations.

use super::finding::{Finding, Share, Shortfall};
use super::{words, Assessment, Category, CitedParam, TaskCounts};
use crate::rules::{Citation, Rules, Threshold};

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
    let cite = |param: &'static str, citation: &Citation| CitedParam {
        param,
        citation: citation.clone(),
    };
    let facts = Facts::new(rules, points, counts);
    let mut findings = Vec::new();
    let mut citations = vec![
        cite("rating_excellent", &rules.rating_excellent.source),
        cite(
            "rating_excellent_exceeding",
            &rules.rating_excellent_exceeding.source,
        ),
    ];
    let category = 'decided: {
        match facts.excellent() {
            Ok(found) => {
                findings.push(found);
                break 'decided Category::Excellent;
            }
            Err(short) => findings.push(Finding::NotExcellent(short)),
        }
        citations.push(cite("rating_good", &rules.rating_good.source));
        match facts.good() {
            Ok(found) => {
                findings.push(found);
                break 'decided Category::Good;
            }
            Err(short) => findings.push(Finding::NotGood(short)),
        }
        citations.push(cite("rating_completed", &rules.rating_completed.source));
        citations.push(cite(
            "rating_completed_late",
            &rules.rating_completed_late.source,
        ));
        let (category, found) = facts.completed();
        findings.push(found);
        category
    };
    Assessment {
        category,
        reasons: findings.iter().map(words::finding).collect(),
        citations,
    }
}

/// The figures a category is decided on, with the thresholds in force.
struct Facts {
    points: u32,
    n: u32,
    excellent: u32,
    good: u32,
    completed: u32,
    exceeding: Threshold,
    late_limit: Threshold,
    all_in_time: bool,
    all_done: bool,
    exceeding_met: bool,
    late_ok: bool,
    in_time: Share,
    exceeded: Share,
    late: Share,
    undone: Share,
}

impl Facts {
    fn new(rules: &Rules, points: u32, counts: &TaskCounts) -> Self {
        let n = counts.total;
        let share = |count| Share { count, base: n };
        let exceeding = rules.rating_excellent_exceeding.value;
        let late_limit = rules.rating_completed_late.value;
        Self {
            points,
            n,
            excellent: rules.rating_excellent.value,
            good: rules.rating_good.value,
            completed: rules.rating_completed.value,
            exceeding,
            late_limit,
            all_in_time: n > 0 && counts.in_time() == n,
            all_done: n > 0 && counts.undone() == 0,
            exceeding_met: n > 0 && exceeding.is_met(counts.exceeded, n),
            late_ok: n > 0 && within(late_limit, counts.late, n),
            in_time: share(counts.in_time()),
            exceeded: share(counts.exceeded),
            late: share(counts.late),
            undone: share(counts.undone()),
        }
    }

    /// Excellent, or what it misses.
    fn excellent(&self) -> Result<Finding, Vec<Shortfall>> {
        if self.points >= self.excellent && self.all_in_time && self.exceeding_met {
            return Ok(Finding::Excellent {
                points: self.points,
                excellent: self.excellent,
                in_time: self.in_time,
                exceeded: self.exceeded,
                exceeding: self.exceeding,
            });
        }
        let mut short = self.below(self.excellent);
        if !self.all_in_time {
            short.push(Shortfall::NotAllInTime(self.in_time));
        }
        if !self.exceeding_met {
            short.push(Shortfall::Exceeded {
                exceeded: self.exceeded,
                needed: self.exceeding,
            });
        }
        Err(short)
    }

    /// Good, or what it misses.
    fn good(&self) -> Result<Finding, Vec<Shortfall>> {
        if self.points >= self.good && self.all_in_time {
            return Ok(Finding::Good {
                points: self.points,
                good: self.good,
                in_time: self.in_time,
            });
        }
        let mut short = self.below(self.good);
        if !self.all_in_time {
            short.push(Shortfall::NotAllInTime(self.in_time));
        }
        Err(short)
    }

    /// Completed (on its conditions, or on the points alone) or Not completed.
    fn completed(&self) -> (Category, Finding) {
        if self.points >= self.completed && self.all_done && self.late_ok {
            let found = Finding::Completed {
                points: self.points,
                completed: self.completed,
                late: self.late,
                limit: self.late_limit,
            };
            return (Category::Completed, found);
        }
        if self.n > 0 && self.points >= self.completed {
            let shortfalls =
                self.task_shortfalls(|late, limit| Shortfall::LateBeyondLimit { late, limit });
            let found = Finding::CompletedOnPoints {
                points: self.points,
                completed: self.completed,
                shortfalls,
            };
            return (Category::Completed, found);
        }
        let mut short = self.below(self.completed);
        if self.n == 0 {
            short.push(Shortfall::NoTask);
        } else {
            short.extend(
                self.task_shortfalls(|late, limit| Shortfall::LateBeyondNeeded { late, limit }),
            );
        }
        (Category::NotCompleted, Finding::NotCompleted(short))
    }

    /// The points below `needed`, if they are.
    fn below(&self, needed: u32) -> Vec<Shortfall> {
        if self.points < needed {
            vec![Shortfall::Points {
                points: self.points,
                needed,
            }]
        } else {
            Vec::new()
        }
    }

    /// Tasks not done, and too many late (said by `late`), as Completed's conditions miss them.
    fn task_shortfalls(&self, late: impl Fn(Share, Threshold) -> Shortfall) -> Vec<Shortfall> {
        let mut short = Vec::new();
        if !self.all_done {
            short.push(Shortfall::Undone(self.undone));
        }
        if !self.late_ok {
            short.push(late(self.late, self.late_limit));
        }
        short
    }
}
