//! The annual rating (R-72, 366-QĐ/TW): the category function at its exact edges with constructed
//! figures, and whole-commune ratings built from the scenario setup files.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // tests

mod support;

use chibo::ids::MemberId;
use chibo::report::rating::{
    annual_ratings, annual_review, categorise, task_points, within, Category, Standing, TaskCounts,
};
use chibo::rules::Threshold;
use chibo::{Command, Commune, Preset, Rules};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use support::commune;

fn assigned() -> Commune {
    commune(&["commune", "march_ready", "march_adopted", "march_assigned"])
}

/// Each owner reports their March task with the given outcome.
fn report(commune: &mut Commune, outcomes: &[(&str, Value)]) {
    for (owner, outcome) in outcomes {
        let task = format!("t-03-{}", owner.trim_start_matches("x1-"));
        let command: Command = serde_json::from_value(json!({
            "actor": owner,
            "at": "2025-04-05T08:00:00+07:00",
            "action": {"report_task": {"task": task, "outcome": outcome}}
        }))
        .unwrap();
        commune.execute(&command).unwrap();
    }
}

fn points(entries: &[(&str, u32)]) -> BTreeMap<MemberId, u32> {
    entries.iter().map(|(m, p)| ((*m).into(), *p)).collect()
}

fn counts(exceeded: u32, on_time: u32, late: u32, not_done: u32, pending: u32) -> TaskCounts {
    TaskCounts {
        total: exceeded + on_time + late + not_done + pending,
        exceeded,
        on_time,
        late,
        not_done,
        pending,
    }
}

fn rules() -> Rules {
    Rules::preset(Preset::Hd42_2025)
}

// --- the category function, with constructed figures ---

#[test]
fn exactly_90_points_all_on_time_and_exactly_30_percent_exceeding_is_excellent() {
    let a = categorise(&rules(), 90, &counts(3, 7, 0, 0, 0));
    assert_eq!(a.category, Category::Excellent);
    assert!(a.reasons[0].vi.contains("3/10 (30%)"), "{:?}", a.reasons);
    assert!(a.reasons[0].en.contains("90/100 points"));
    let params: Vec<_> = a.citations.iter().map(|c| c.param).collect();
    assert_eq!(params, ["rating_excellent", "rating_excellent_exceeding"]);
    assert_eq!(a.citations[0].citation.document, "366-QĐ/TW");
}

#[test]
fn just_below_30_percent_exceeding_is_good() {
    // 29 of 100 exceeded: below 30%.
    let a = categorise(&rules(), 95, &counts(29, 71, 0, 0, 0));
    assert_eq!(a.category, Category::Good);
    assert!(a.reasons[0].en.contains("29/100 (29%) exceeded < 30%"));
}

#[test]
fn eighty_nine_points_is_good() {
    let a = categorise(&rules(), 89, &counts(3, 7, 0, 0, 0));
    assert_eq!(a.category, Category::Good);
    assert!(
        a.reasons[0].en.contains("89 points < 90"),
        "{:?}",
        a.reasons
    );
    assert!(a.reasons[1].vi.contains("Hoàn thành tốt nhiệm vụ"));
}

#[test]
fn one_task_late_rules_out_good() {
    let a = categorise(&rules(), 95, &counts(3, 6, 1, 0, 0));
    assert_eq!(a.category, Category::Completed);
}

#[test]
fn twenty_percent_late_is_completed() {
    let a = categorise(&rules(), 60, &counts(0, 8, 2, 0, 0));
    assert_eq!(a.category, Category::Completed);
    let last = a.reasons.last().unwrap();
    assert!(last.en.contains("2/10 (20%) late (≤ 20%)"), "{last:?}");
    let params: Vec<_> = a.citations.iter().map(|c| c.param).collect();
    assert_eq!(
        params,
        [
            "rating_excellent",
            "rating_excellent_exceeding",
            "rating_good",
            "rating_completed",
            "rating_completed_late"
        ]
    );
}

#[test]
fn twenty_one_percent_late_at_sixty_points_is_still_completed_with_the_reason() {
    // Not completed is its own test (below 50 points); 21% late misses Completed's condition,
    // which the reasons say, but 60 points are not Not completed.
    let a = categorise(&rules(), 60, &counts(0, 79, 21, 0, 0));
    assert_eq!(a.category, Category::Completed);
    let last = a.reasons.last().unwrap();
    assert!(
        last.en.contains("21/100 (21%) of tasks late (limit ≤ 20%)"),
        "{last:?}"
    );
    assert!(
        last.vi.contains("không thuộc Không hoàn thành nhiệm vụ"),
        "{last:?}"
    );
    // Just below the points: Not completed, by its own test.
    let below = categorise(&rules(), 49, &counts(0, 79, 21, 0, 0));
    assert_eq!(below.category, Category::NotCompleted);
    assert!(below.reasons.last().unwrap().en.contains("49 points < 50"));
}

#[test]
fn a_task_not_done_or_pending_keeps_a_member_from_good_not_from_completed() {
    for undone in [counts(0, 9, 0, 1, 0), counts(0, 9, 0, 0, 1)] {
        let a = categorise(&rules(), 80, &undone);
        assert_eq!(a.category, Category::Completed);
        assert!(a.reasons.iter().any(|r| r.en.starts_with("Not Good")));
    }
    assert_eq!(
        categorise(&rules(), 45, &counts(0, 9, 0, 1, 0)).category,
        Category::NotCompleted
    );
}

#[test]
fn points_thresholds_are_inclusive() {
    let all_on_time = counts(0, 10, 0, 0, 0);
    assert_eq!(
        categorise(&rules(), 70, &all_on_time).category,
        Category::Good
    );
    assert_eq!(
        categorise(&rules(), 69, &all_on_time).category,
        Category::Completed
    );
    assert_eq!(
        categorise(&rules(), 50, &all_on_time).category,
        Category::Completed
    );
    assert_eq!(
        categorise(&rules(), 49, &all_on_time).category,
        Category::NotCompleted
    );
    assert_eq!(
        categorise(&rules(), 100, &counts(0, 0, 0, 0, 0)).category,
        Category::NotCompleted
    );
}

#[test]
fn the_thresholds_come_from_the_rules() {
    let mut r = rules();
    r.rating_excellent.value = 95;
    r.rating_excellent_exceeding.value = Threshold {
        numerator: 1,
        denominator: 2,
        strict: true,
    };
    assert_eq!(
        categorise(&r, 90, &counts(6, 4, 0, 0, 0)).category,
        Category::Good
    );
    assert_eq!(
        categorise(&r, 95, &counts(5, 5, 0, 0, 0)).category,
        Category::Good
    );
    assert_eq!(
        categorise(&r, 95, &counts(6, 4, 0, 0, 0)).category,
        Category::Excellent
    );
    r.rating_completed_late.value = Threshold {
        numerator: 1,
        denominator: 5,
        strict: true,
    };
    assert_eq!(
        categorise(&r, 60, &counts(0, 8, 2, 0, 0)).category,
        Category::Completed
    );
    assert!(categorise(&r, 60, &counts(0, 8, 2, 0, 0))
        .reasons
        .last()
        .unwrap()
        .en
        .contains("2/10 (20%) of tasks late (limit < 20%)"));
    r.rating_completed.value = 61;
    assert_eq!(
        categorise(&r, 60, &counts(0, 8, 2, 0, 0)).category,
        Category::NotCompleted
    );
}

#[test]
fn task_points_formula() {
    assert_eq!(task_points(&counts(3, 7, 0, 0, 0), 70), 70);
    assert_eq!(task_points(&counts(0, 0, 1, 0, 0), 70), 35);
    assert_eq!(task_points(&counts(0, 8, 2, 0, 0), 70), 63);
    // 70 × (2 × 2 + 0) / (2 × 3) = 46.67 → 46.
    assert_eq!(task_points(&counts(0, 2, 0, 1, 0), 70), 46);
    assert_eq!(task_points(&counts(0, 0, 0, 1, 1), 70), 0);
    assert_eq!(task_points(&counts(0, 0, 0, 0, 0), 70), 0);
}

#[test]
fn within_reads_a_threshold_as_an_upper_bound() {
    let at_most = Threshold {
        numerator: 1,
        denominator: 5,
        strict: false,
    };
    assert!(within(at_most, 2, 10));
    assert!(!within(at_most, 21, 100));
    let below = Threshold {
        strict: true,
        ..at_most
    };
    assert!(!within(below, 2, 10));
    assert!(within(below, 1, 10));
}

// --- whole-commune ratings from the scenario states ---

#[test]
fn the_march_results_rate_each_member() {
    let c = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
    ]);
    let general = points(&[
        ("x1-bt", 25),
        ("x1-pbt", 20),
        ("x1-03", 10),
        ("x1-04", 30),
        ("x1-05", 19),
    ]);
    let r = annual_ratings(&c, 2025, &general);
    assert_eq!(r.year, 2025);

    // x1-pbt: 1 of 1 exceeded, 20 + 70 = exactly 90: Excellent before the cap. But only four
    // members are Good or better (x1-07 has no points), and 20% of 4 = 0.8 leaves no room.
    let pbt = r.member(&"x1-pbt".into()).unwrap();
    assert_eq!(pbt.points, Some(90));
    assert_eq!(pbt.category, Some(Category::Good));
    assert_eq!(pbt.standing, Standing::Final);
    assert!(pbt.capped);
    assert!(pbt.reasons.iter().any(|x| x.en.contains("Excellent.")));
    assert!(pbt
        .citations
        .iter()
        .any(|c| c.param == "rating_excellent_cap"));
    assert_eq!(
        r.cell(&"xom-1".into()).unwrap().capped,
        vec![MemberId::from("x1-pbt")]
    );
    // With x1-07 rated too (Good), five are Good or better: one Excellent fits.
    let mut with_07 = general.clone();
    with_07.insert("x1-07".into(), 5);
    let r7 = annual_ratings(&c, 2025, &with_07);
    let pbt = r7.member(&"x1-pbt".into()).unwrap();
    assert_eq!(pbt.category, Some(Category::Excellent));
    assert!(!pbt.capped);
    assert!(r7.cell(&"xom-1".into()).unwrap().capped.is_empty());

    // x1-bt: on time, 95 points but nothing exceeded: Good.
    let bt = r.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.category, Some(Category::Good));
    assert_eq!(bt.task_points, 70);

    // x1-04: the one task late, 30 + 35 = 65, 100% late: Completed (65 ≥ 50), the late share
    // named in the reasons.
    let late = r.member(&"x1-04".into()).unwrap();
    assert_eq!(late.tasks.late, 1);
    assert_eq!(late.points, Some(65));
    assert_eq!(late.category, Some(Category::Completed));
    assert!(late
        .reasons
        .iter()
        .any(|x| x.en.contains("1/1 (100%) of tasks late")));

    // x1-03: 10 + 70 = 80, on time: Good; x1-05: 19 + 70 = 89: Good.
    assert_eq!(
        r.member(&"x1-03".into()).unwrap().category,
        Some(Category::Good)
    );
    assert_eq!(r.member(&"x1-05".into()).unwrap().points, Some(89));

    // x1-07 has no general points: not rateable, task figures still given.
    let none = r.member(&"x1-07".into()).unwrap();
    assert_eq!(none.standing, Standing::NotRateable);
    assert_eq!(none.category, None);
    assert_eq!(none.tasks.on_time, 1);
    assert!(none.reasons.iter().any(|x| x.en.contains("not rateable")));

    // x1-06 is exempted and had no task.
    let exempted = r.member(&"x1-06".into()).unwrap();
    assert_eq!(exempted.standing, Standing::NotRateable);

    // The cell is rated on its own tasks, not its members' pooled: the regular meeting of each
    // month since it was added (02/01/2025). On 31/12 only March's was held: 1 on time, 11 not
    // held. Cut off on 31/03: January and February missed, March held.
    let cell = r.cell(&"xom-1".into()).unwrap();
    assert_eq!(cell.tasks, counts(0, 1, 0, 11, 0));
    assert_eq!(cell.task_points, 5); // 70 × 2 / 24 = 5.8
    assert_eq!(cell.general_points, Some((25 + 20 + 10 + 30 + 19) / 5));
    assert_eq!(cell.points, Some(20 + 5));
    assert_eq!(cell.category, Some(Category::NotCompleted));
    assert!(cell.reasons[0].en.contains("12 month(s) (11 not held"));
    let march = annual_review(
        &c,
        2025,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        &points(&[("x1-03", 25)]),
    );
    let cell_march = march.cell(&"xom-1".into()).unwrap();
    assert_eq!(cell_march.tasks, counts(0, 1, 0, 2, 0));
    assert_eq!(cell.standing, Standing::Provisional); // x1-06, x1-07 not rated
    assert_eq!(cell.member_categories[&Category::Good], 4);
    assert_eq!(cell.member_categories[&Category::Completed], 1);

    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["members"][0]["standing"], "not_rateable");
    assert!(json["cells"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["member_categories"]["good"] == 4));
}

#[test]
fn the_cap_moves_excellent_down_keeping_the_highest_then_by_id() {
    let mut c = assigned();
    let exceeded = json!("exceeded");
    let on_time = json!("on_time");
    report(
        &mut c,
        &[
            ("x1-bt", exceeded.clone()),
            ("x1-pbt", exceeded.clone()),
            ("x1-03", exceeded.clone()),
            ("x1-04", on_time.clone()),
            ("x1-05", on_time.clone()),
            ("x1-07", on_time),
        ],
    );
    let general = points(&[
        ("x1-bt", 25),
        ("x1-pbt", 25),
        ("x1-03", 25),
        ("x1-04", 25),
        ("x1-05", 25),
        ("x1-07", 25),
    ]);
    // Six Good or better; 20% of 6 = 1.2: one keeps Excellent. All tie at 95: by id, x1-03.
    let r = annual_ratings(&c, 2025, &general);
    let cat = |id: &str| r.member(&id.into()).unwrap().category;
    assert_eq!(cat("x1-03"), Some(Category::Excellent));
    assert_eq!(cat("x1-bt"), Some(Category::Good));
    assert_eq!(cat("x1-pbt"), Some(Category::Good));
    let bt = r.member(&"x1-bt".into()).unwrap();
    assert!(bt.capped);
    assert!(bt.reasons.last().unwrap().en.contains("moved down to Good"));
    assert!(bt.reasons.last().unwrap().en.contains("(1/6)"));
    let cell = r.cell(&"xom-1".into()).unwrap();
    assert_eq!(
        cell.capped,
        vec![MemberId::from("x1-bt"), MemberId::from("x1-pbt")]
    );
    assert_eq!(cell.member_categories[&Category::Excellent], 1);
    assert_eq!(cell.member_categories[&Category::Good], 5);

    // Higher points win over the id order.
    let general = points(&[
        ("x1-bt", 25),
        ("x1-pbt", 30),
        ("x1-03", 25),
        ("x1-04", 25),
        ("x1-05", 25),
        ("x1-07", 25),
    ]);
    let r = annual_ratings(&c, 2025, &general);
    let cell = r.cell(&"xom-1".into()).unwrap();
    assert_eq!(
        cell.capped,
        vec![MemberId::from("x1-03"), MemberId::from("x1-bt")]
    );
    assert_eq!(
        r.member(&"x1-pbt".into()).unwrap().category,
        Some(Category::Excellent)
    );

    // Without a cap nobody moves.
    let no_cap = chibo::rules::RuleOverrides {
        rating_excellent_cap: Some(chibo::rules::Param {
            value: None,
            source: c.rules().rating_excellent_cap.source.clone(),
        }),
        ..Default::default()
    };
    c.rule_book
        .amend(chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(), no_cap);
    let r = annual_ratings(&c, 2025, &general);
    assert!(r.cell(&"xom-1".into()).unwrap().capped.is_empty());
    assert!(r.members.iter().all(|m| !m.capped));
    assert_eq!(
        r.cell(&"xom-1".into()).unwrap().member_categories[&Category::Excellent],
        3
    );
}

#[test]
fn unreported_tasks_make_the_rating_provisional_and_not_done_counts() {
    let mut c = assigned();
    report(&mut c, &[("x1-04", json!({"not_done": {"reason": "Ốm"}}))]);
    let general = points(&[("x1-bt", 30), ("x1-04", 30)]);
    let r = annual_ratings(&c, 2025, &general);
    let bt = r.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.tasks.pending, 1);
    assert_eq!(bt.standing, Standing::Provisional);
    assert_eq!(bt.category, Some(Category::NotCompleted));
    assert!(bt.reasons.iter().any(|x| x.en.contains("provisional")));
    let x4 = r.member(&"x1-04".into()).unwrap();
    assert_eq!(x4.tasks.not_done, 1);
    assert_eq!(x4.task_points, 0);
    assert_eq!(x4.standing, Standing::Final);
    assert_eq!(x4.category, Some(Category::NotCompleted));
}

#[test]
fn only_tasks_due_in_the_year_count() {
    let c = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
    ]);
    let r = annual_ratings(&c, 2024, &points(&[("x1-bt", 30)]));
    let bt = r.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.tasks.total, 0);
    assert_eq!(bt.standing, Standing::NotRateable);
    assert_eq!(bt.category, None);
    let cell = r.cell(&"xom-1".into()).unwrap();
    assert_eq!(cell.standing, Standing::NotRateable);
}

#[test]
fn general_points_above_30_are_not_rateable() {
    let c = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
    ]);
    let r = annual_ratings(&c, 2025, &points(&[("x1-bt", 31)]));
    let bt = r.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.standing, Standing::NotRateable);
    assert_eq!(bt.points, None);
    assert!(bt.reasons.iter().any(|x| x.vi.contains("vượt quá 30")));
}

#[test]
fn a_review_counts_the_tasks_due_by_its_cut_off_and_names_the_others() {
    let c = assigned();
    let general = points(&[("x1-bt", 25)]);
    // March's tasks are due 31/03: a review cut off on 15/03 has none of them yet.
    let early = annual_review(&c, 2025, "2025-03-15".parse().unwrap(), &general);
    assert_eq!(early.cut_off.to_string(), "2025-03-15");
    let bt = early.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.tasks.total, 0);
    assert_eq!(bt.standing, Standing::NotRateable);
    assert!(
        bt.reasons.iter().any(|r| r
            .en
            .contains("1 task(s) due after the review's cut-off (2025-03-15)")),
        "{:?}",
        bt.reasons
    );
    // Cut off on 31/03, the day they are due: counted, still pending, so provisional.
    let on_time = annual_review(&c, 2025, "2025-03-31".parse().unwrap(), &general);
    let bt = on_time.member(&"x1-bt".into()).unwrap();
    assert_eq!(bt.tasks.pending, 1);
    assert_eq!(bt.standing, Standing::Provisional);
    // The query takes the cut-off, within the year only.
    let query = |cut_off: &str| {
        chibo::report::query::Query::from_value(
            json!({"ratings": {"year": 2025, "cut_off": cut_off}}),
        )
        .and_then(|q| chibo::report::query::run(&c, &q))
    };
    let answer = query("2025-03-15").unwrap();
    assert_eq!(answer["cut_off"], "2025-03-15");
    assert_eq!(
        query("2026-01-05").unwrap_err().code(),
        "input.out_of_range"
    );
}

fn run(commune: &mut Commune, actor: &str, at: &str, action: Value) {
    let command: Command =
        serde_json::from_value(json!({"actor": actor, "at": at, "action": action})).unwrap();
    commune
        .execute(&command)
        .unwrap_or_else(|e| panic!("{}: {e}", e.code()));
}

#[test]
fn discipline_caps_the_computed_category_and_the_review_steps_are_given_with_reasons() {
    let mut c = assigned();
    report(
        &mut c,
        &[("x1-03", json!("exceeded")), ("x1-04", json!("on_time"))],
    );
    // x1-03 at 30 + 70 = 100 with every task exceeded would be Excellent; disciplined, the
    // rules' highest for them is Completed. x1-04 at 90 without exceeding: Good, unchanged.
    run(
        &mut c,
        "x1-bt",
        "2025-03-05T09:40:00+07:00",
        json!({"record_discipline": {"meeting": "m-2025-03", "member": "x1-03", "form": "warning", "reason": "Vi phạm quy chế"}}),
    );
    let r = annual_ratings(&c, 2025, &points(&[("x1-03", 30), ("x1-04", 20)]));
    let x3 = r.member(&"x1-03".into()).unwrap();
    assert_eq!(x3.points, Some(100));
    assert_eq!(x3.disciplined, Some(chibo::review::DisciplineForm::Warning));
    assert_eq!(
        x3.category,
        Some(c.rules().rating_disciplined_highest.value)
    );
    assert!(x3
        .reasons
        .iter()
        .any(|x| x.en.contains("Disciplined (warning)")));
    assert!(x3
        .citations
        .iter()
        .any(|p| p.param == "rating_disciplined_highest"));
    let x4 = r.member(&"x1-04".into()).unwrap();
    assert_eq!(x4.disciplined, None);
    assert_eq!(x4.category, Some(Category::Good));

    // The review's steps: the self-assessment, the cell's vote (one that failed, then one that
    // passed), the decision; each shown among the reasons.
    run(
        &mut c,
        "x1-04",
        "2025-12-20T08:00:00+07:00",
        json!({"self_assess": {"year": 2025, "member": "x1-04", "category": "excellent", "summary": "Hoàn thành tốt"}}),
    );
    let vote = |yes: &[&str]| json!({"propose_rating": {"meeting": "m-2025-03", "year": 2025, "member": "x1-04", "category": "good", "vote": {"yes": yes}}});
    run(
        &mut c,
        "x1-bt",
        "2025-12-20T09:00:00+07:00",
        vote(&["x1-bt", "x1-pbt"]),
    );
    run(
        &mut c,
        "x1-bt",
        "2025-12-20T09:05:00+07:00",
        vote(&["x1-bt", "x1-pbt", "x1-03", "x1-04"]),
    );
    run(
        &mut c,
        "dy-bt",
        "2025-12-28T08:00:00+07:00",
        json!({"decide_rating": {"year": 2025, "member": "x1-04", "category": "good"}}),
    );
    let r = annual_ratings(&c, 2025, &points(&[("x1-04", 20)]));
    let x4 = r.member(&"x1-04".into()).unwrap();
    assert_eq!(x4.decided, Some(Category::Good));
    assert_eq!(x4.review.proposals.len(), 2);
    assert_eq!(x4.review.stage(), "decided");
    let text: Vec<&str> = x4.reasons.iter().map(|x| x.en.as_str()).collect();
    assert!(text
        .iter()
        .any(|t| t.starts_with("Self-assessment on 2025-12-20: Excellent")));
    assert!(text.iter().any(|t| t.contains("2/5 for, did not pass")));
    assert!(text.iter().any(|t| t.contains("4/5 for, passed")));
    assert!(text
        .iter()
        .any(|t| t.starts_with("Decided by the commune committee on 2025-12-28 (dy-bt): Good")));
}
