//! The meeting quality score (R-70, R-71) on the scenario setup world: each criterion's points and
//! reasons, the edges (exactly 85% attendance is not above 85%; 90 is Good, 89 is Fair), refused
//! inputs, the presets as JSON, and the yearly verdict.

#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // tests

mod support;

use chibo::meeting::{Attendance, MeetingState, RollEntry};
use chibo::report::quality::{score, yearly_verdict, Band, Measure, Rubric, Score, Source};
use chibo::Commune;
use std::collections::BTreeMap;
use support::commune;

fn march() -> Commune {
    commune(&["commune", "march_ready", "march_adopted"])
}

fn entered(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn criterion<'a>(score: &'a Score, id: &str) -> &'a chibo::report::quality::CriterionScore {
    score.criteria.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn the_march_meeting_is_measured_from_its_record() {
    let commune = march();
    let s = score(
        &commune,
        &"m-2025-03".into(),
        &Rubric::phu_tho(),
        &BTreeMap::new(),
    )
    .unwrap();
    let points: Vec<(&str, u32)> = s
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.awarded))
        .collect();
    assert_eq!(
        points,
        vec![
            ("preparatory_meeting", 5),
            ("notice", 5),
            ("documents", 5),
            ("attendance_rate", 10),
            ("no_unexcused_absence", 10),
            ("duration", 10),
            ("speakers", 0),
            ("previous_tasks_reported", 10),
            ("content_and_order", 0),
            ("conclusions", 5),
            ("resolution", 10),
            ("minutes", 0),
        ]
    );
    assert_eq!(s.total, 70);
    assert_eq!(s.max_total, 100);
    assert_eq!(s.band, Band::Fair);
    // The exempted member who was absent is left out of the base: 6 of 6.
    let attendance = criterion(&s, "attendance_rate");
    assert!(
        attendance.reason_en.contains("100.0% (6/6"),
        "{}",
        attendance.reason_en
    );
    assert!(
        attendance.reason_vi.contains("100,0%"),
        "{}",
        attendance.reason_vi
    );
    assert_eq!(attendance.rule.as_ref().unwrap().document, "12-HD/BTCTW");
    // Only x1-03 of the six present spoke (the guest does not count).
    let speakers = criterion(&s, "speakers");
    assert_eq!(speakers.withheld, 10);
    assert!(speakers.reason_en.contains("1 of 6") && speakers.reason_en.contains("≤ 50%"));
    let duration = criterion(&s, "duration");
    assert_eq!(duration.reason_en, "105 minutes ≥ 90 minutes");
    assert_eq!(duration.rule.as_ref().unwrap().document, "42-HD/BTCTW");
    let content = criterion(&s, "content_and_order");
    assert_eq!(content.source, Source::Entered);
    assert_eq!(content.reason_en, "no points entered");
    assert!(criterion(&s, "previous_tasks_reported")
        .reason_en
        .contains("no earlier regular meeting"));
    assert!(criterion(&s, "resolution")
        .reason_en
        .contains("adopted with 5 of 5"));
    for c in &s.criteria {
        assert_eq!(c.awarded + c.withheld, c.max_points);
        assert!(!c.reason_vi.is_empty() && !c.reason_en.is_empty());
    }
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["band"], "fair");
    assert_eq!(json["criteria"][8]["source"], "entered");
}

#[test]
fn ninety_is_good_and_eighty_nine_is_fair() {
    let commune = march();
    let id = "m-2025-03".into();
    let rubric = Rubric::phu_tho();
    let ninety = score(
        &commune,
        &id,
        &rubric,
        &entered(&[("content_and_order", 15), ("minutes", 5)]),
    )
    .unwrap();
    assert_eq!(ninety.total, 90);
    assert_eq!(ninety.band, Band::Good);
    let eighty_nine = score(
        &commune,
        &id,
        &rubric,
        &entered(&[("content_and_order", 14), ("minutes", 5)]),
    )
    .unwrap();
    assert_eq!(eighty_nine.total, 89);
    assert_eq!(eighty_nine.band, Band::Fair);
    assert_eq!(
        criterion(&eighty_nine, "content_and_order").reason_en,
        "14 of 15 points entered by the committee"
    );
    let rules = commune.rules();
    for (total, band) in [
        (100, Band::Good),
        (90, Band::Good),
        (89, Band::Fair),
        (70, Band::Fair),
        (69, Band::Average),
        (50, Band::Average),
        (49, Band::Weak),
        (0, Band::Weak),
    ] {
        assert_eq!(Band::of(rules, total), band, "{total}");
    }
}

/// Replaces the March roll with `present` of `total` synthetic members present, the rest absent
/// with a reason.
fn with_roll(present: usize, total: usize) -> Commune {
    let mut commune = march();
    let Some(MeetingState::Adopted(m)) = commune.meetings.get_mut(&"m-2025-03".into()) else {
        panic!("March is adopted");
    };
    m.stage.held.record.roll = (0..total)
        .map(|i| RollEntry {
            member: format!("s-{i:02}").as_str().into(),
            attendance: if i < present {
                Attendance::Present
            } else {
                Attendance::AbsentExcused {
                    reason: "ốm".to_owned(),
                }
            },
        })
        .collect();
    commune
}

#[test]
fn exactly_85_percent_is_not_above_85_percent() {
    let rubric = Rubric::phu_tho();
    let at = score(
        &with_roll(17, 20),
        &"m-2025-03".into(),
        &rubric,
        &BTreeMap::new(),
    )
    .unwrap();
    let c = criterion(&at, "attendance_rate");
    assert_eq!(c.awarded, 0);
    assert_eq!(c.withheld, 10);
    assert!(
        c.reason_en.starts_with("attendance 85.0% (17/20"),
        "{}",
        c.reason_en
    );
    assert!(c.reason_en.ends_with("≤ 85%"), "{}", c.reason_en);
    assert!(c.reason_vi.contains("85,0%") && c.reason_vi.ends_with("≤ 85%"));
    // Excused absences are not unexcused ones.
    assert_eq!(criterion(&at, "no_unexcused_absence").awarded, 10);

    let above = score(
        &with_roll(18, 20),
        &"m-2025-03".into(),
        &rubric,
        &BTreeMap::new(),
    )
    .unwrap();
    let c = criterion(&above, "attendance_rate");
    assert_eq!(c.awarded, 10);
    assert!(c.reason_en.contains("90.0% (18/20") && c.reason_en.ends_with("> 85%"));
}

#[test]
fn an_unexcused_absence_and_a_short_meeting_lose_points() {
    let mut commune = march();
    let Some(MeetingState::Adopted(m)) = commune.meetings.get_mut(&"m-2025-03".into()) else {
        panic!("March is adopted");
    };
    let record = &mut m.stage.held.record;
    record.ended_at = record.started_at + chrono::Duration::minutes(89);
    for entry in &mut record.roll {
        if entry.member.as_str() == "x1-05" {
            entry.attendance = Attendance::AbsentUnexcused;
        }
    }
    let s = score(
        &commune,
        &"m-2025-03".into(),
        &Rubric::phu_tho(),
        &BTreeMap::new(),
    )
    .unwrap();
    let absence = criterion(&s, "no_unexcused_absence");
    assert_eq!(absence.awarded, 0);
    assert_eq!(absence.reason_en, "1 member(s) absent without reason");
    assert_eq!(
        criterion(&s, "duration").reason_en,
        "89 minutes < 90 minutes"
    );
    assert_eq!(criterion(&s, "duration").awarded, 0);
    // 5 of 6 present: 83.3% ≤ 85%.
    let rate = criterion(&s, "attendance_rate");
    assert!(
        rate.reason_en.starts_with("attendance 83.3% (5/6"),
        "{}",
        rate.reason_en
    );
}

#[test]
fn last_months_tasks_reported_or_not() {
    let reported = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
        "april_ready",
        "april_adopted",
    ]);
    let s = score(
        &reported,
        &"m-2025-04".into(),
        &Rubric::hd42(),
        &BTreeMap::new(),
    )
    .unwrap();
    let c = criterion(&s, "previous_tasks_reported");
    assert_eq!(c.awarded, 10);
    assert_eq!(
        c.reason_en,
        "6 of 6 tasks of the previous meeting (m-2025-03) reported"
    );

    // March adopted but never assigned: nothing to review at April.
    let unassigned = commune(&[
        "commune",
        "march_ready",
        "march_adopted",
        "april_ready",
        "april_adopted",
    ]);
    let s = score(
        &unassigned,
        &"m-2025-04".into(),
        &Rubric::hd42(),
        &BTreeMap::new(),
    )
    .unwrap();
    let c = criterion(&s, "previous_tasks_reported");
    assert_eq!(c.awarded, 0);
    assert!(c.reason_en.contains("assigned no tasks"), "{}", c.reason_en);
}

#[test]
fn a_draft_and_bad_entries_are_refused() {
    let draft = commune(&["commune", "march_ready"]);
    let error = score(
        &draft,
        &"m-2025-03".into(),
        &Rubric::phu_tho(),
        &BTreeMap::new(),
    )
    .unwrap_err();
    assert_eq!(error.code(), "transition.out_of_order");
    assert!(error.message_en().contains("score"));

    let commune = march();
    let id = "m-2025-03".into();
    let rubric = Rubric::phu_tho();
    let unknown_meeting = score(&commune, &"nope".into(), &rubric, &BTreeMap::new()).unwrap_err();
    assert_eq!(unknown_meeting.code(), "lookup.unknown");
    let unknown = score(&commune, &id, &rubric, &entered(&[("charm", 3)])).unwrap_err();
    assert_eq!(unknown.code(), "lookup.unknown");
    let automatic = score(&commune, &id, &rubric, &entered(&[("duration", 10)])).unwrap_err();
    assert_eq!(automatic.code(), "input.malformed");
    let too_many = score(&commune, &id, &rubric, &entered(&[("minutes", 6)])).unwrap_err();
    assert_eq!(too_many.code(), "input.malformed");
    assert!(too_many.message_en().contains("maximum is 5"));
}

fn group_totals(rubric: &Rubric) -> BTreeMap<String, u32> {
    let mut totals = BTreeMap::new();
    for c in &rubric.criteria {
        *totals.entry(c.group.clone()).or_insert(0) += c.max_points;
    }
    totals
}

#[test]
fn the_presets_add_up_and_round_trip_as_json() {
    let phu_tho = Rubric::phu_tho();
    assert_eq!(phu_tho.max_points(), 100);
    let expected: BTreeMap<String, u32> = [
        ("preparation", 15),
        ("attendance", 20),
        ("conduct", 45),
        ("closing", 20),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(group_totals(&phu_tho), expected);
    assert!(!phu_tho.source.verified);

    let hd42 = Rubric::hd42();
    assert_eq!(hd42.max_points(), 100);
    let expected: BTreeMap<String, u32> = [
        ("duration", 5),
        ("attendance", 5),
        ("preparation", 10),
        ("conduct", 30),
        ("chairing", 10),
        ("principles", 5),
        ("last_resolution", 30),
        ("closing", 5),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(group_totals(&hd42), expected);
    assert_eq!(hd42.source.document, "42-HD/BTCTW");

    for rubric in [phu_tho, hd42] {
        let text = serde_json::to_string_pretty(&rubric).unwrap();
        let back: Rubric = serde_json::from_str(&text).unwrap();
        assert_eq!(back, rubric);
        let ids: std::collections::BTreeSet<&str> =
            rubric.criteria.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), rubric.criteria.len(), "criterion ids are unique");
    }
    let json = serde_json::to_value(Rubric::hd42()).unwrap();
    let speakers = json["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "speakers")
        .unwrap();
    assert_eq!(speakers["measure"]["kind"], "speakers");
    assert_eq!(speakers["measure"]["share"]["numerator"], 1);
    assert_eq!(speakers["measure"]["share"]["strict"], true);
}

#[test]
fn a_province_loads_its_own_rubric() {
    let text = r#"{
      "id": "thu_nghiem", "name_vi": "Thử", "name_en": "Trial",
      "source": {"document": "01-HD/TU", "date": "2024-01-15", "provision": "§2", "verified": true},
      "criteria": [
        {"id": "attendance_rate", "group": "attendance", "label_vi": "Dự họp", "label_en": "Attendance",
         "max_points": 60, "measure": {"kind": "attendance_rate"}},
        {"id": "speakers", "group": "conduct", "label_vi": "Phát biểu", "label_en": "Speakers",
         "max_points": 30, "measure": {"kind": "speakers", "share": {"numerator": 1, "denominator": 6, "strict": false}}},
        {"id": "spirit", "group": "conduct", "label_vi": "Tinh thần", "label_en": "Spirit",
         "max_points": 10, "measure": {"kind": "entered"}}
      ]
    }"#;
    let rubric: Rubric = serde_json::from_str(text).unwrap();
    let s = score(
        &march(),
        &"m-2025-03".into(),
        &rubric,
        &entered(&[("spirit", 7)]),
    )
    .unwrap();
    // 1 of 6 spoke ≥ 16.7%.
    assert_eq!(criterion(&s, "speakers").awarded, 30);
    assert!(criterion(&s, "speakers").reason_en.ends_with("≥ 16.7%"));
    assert_eq!(s.total, 97);
    assert_eq!(s.band, Band::Good);
    // An unknown measure is refused when loading.
    assert!(serde_json::from_str::<Rubric>(&text.replace("\"entered\"", "\"vibes\"")).is_err());
}

/// The March meeting copied into every month of 2025 (ids `y-2025-MM`).
fn a_year() -> Commune {
    let mut commune = march();
    let march = commune.meetings.remove(&"m-2025-03".into()).unwrap();
    for month in 1..=12 {
        let mut copy = march.clone();
        let MeetingState::Adopted(m) = &mut copy else {
            panic!("adopted");
        };
        m.header.id = format!("y-2025-{month:02}").as_str().into();
        m.header.month = chibo::time::YearMonth::new(2025, month).unwrap();
        commune.meetings.insert(m.header.id.clone(), copy);
    }
    commune
}

/// Phú Thọ's rubric with last month's tasks entered: the copied meetings assigned no tasks.
fn year_rubric() -> Rubric {
    let mut rubric = Rubric::phu_tho();
    for c in &mut rubric.criteria {
        if c.id == "previous_tasks_reported" {
            c.measure = Measure::Entered;
        }
    }
    rubric
}

fn scores(commune: &Commune, good: u32, months: u32) -> Vec<Score> {
    (1..=months)
        .map(|month| {
            let content = if month <= good { 15 } else { 10 };
            score(
                commune,
                &format!("y-2025-{month:02}").as_str().into(),
                &year_rubric(),
                &entered(&[
                    ("content_and_order", content),
                    ("minutes", 5),
                    ("previous_tasks_reported", 10),
                ]),
            )
            .unwrap()
        })
        .collect()
}

#[test]
fn the_year_is_good_with_seven_good_and_none_below_fair() {
    let commune = a_year();
    let cell = "xom-1".into();
    let verdict = yearly_verdict(&commune, &cell, 2025, &scores(&commune, 7, 12));
    assert!(verdict.good, "{:?}", verdict.reasons_en);
    assert_eq!(verdict.good_meetings, 7);
    assert_eq!(verdict.good_needed, 7);
    assert_eq!(verdict.meetings.len(), 12);
    assert_eq!(verdict.reasons_en[0], "7 Good meeting(s) ≥ the 7 needed");

    let six = yearly_verdict(&commune, &cell, 2025, &scores(&commune, 6, 12));
    assert!(!six.good);
    assert_eq!(six.reasons_en[0], "6 Good meeting(s) < the 7 needed");

    // One meeting Average blocks the year (the last score given for a meeting counts).
    let mut with_average = scores(&commune, 8, 12);
    with_average.push(
        score(
            &commune,
            &"y-2025-12".into(),
            &Rubric::phu_tho(),
            &BTreeMap::new(),
        )
        .map(|mut s| {
            s.total = 65;
            s.band = Band::of(commune.rules(), 65);
            s
        })
        .unwrap(),
    );
    let verdict = yearly_verdict(&commune, &cell, 2025, &with_average);
    assert!(!verdict.good);
    assert_eq!(verdict.below_fair, vec!["y-2025-12".into()]);
    assert!(verdict
        .reasons_vi
        .iter()
        .any(|r| r.contains("dưới mức Khá: y-2025-12")));

    // Unscored meetings block it too, and other cells' scores are ignored.
    let partial = yearly_verdict(&commune, &cell, 2025, &scores(&commune, 7, 11));
    assert!(!partial.good);
    assert_eq!(partial.unscored, vec!["y-2025-12".into()]);
    let other = yearly_verdict(&commune, &"co-quan".into(), 2025, &scores(&commune, 7, 12));
    assert!(!other.good);
    assert_eq!(other.months_without_meeting.len(), 12);
    let json = serde_json::to_value(&verdict).unwrap();
    assert_eq!(json["meetings"][11]["band"], "average");
}
