//! A commune told over several consecutive years: the organisation entered once, then each year
//! its months, supervision and review, its ids and texts carrying that year; the first year is
//! the one-year story unchanged.

use chibo::ids::{DirectiveId, MeetingId};
use chibo_sim::{tell, Fail, Setting};

/// How many years (`CHIBO_SIM_YEARS`, 3 by default: a debug build tells a year in a few seconds).
fn years() -> u32 {
    std::env::var("CHIBO_SIM_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

fn active(commune: &chibo::Commune) -> usize {
    commune
        .organisation
        .members
        .values()
        .filter(|m| m.is_active())
        .count()
}

#[test]
fn each_year_has_its_months_and_review_and_the_first_is_unchanged() -> Result<(), Fail> {
    let n = years();
    let setting = Setting::province_commune(2025, 4);
    let one = tell(&setting)?;
    let many = tell(&setting.clone().with_years(n))?;
    // The first year is told exactly as when it is the only one.
    assert!(many.events.len() > one.events.len() * (n as usize) * 9 / 10);
    assert_eq!(
        many.events.get(..one.events.len()),
        Some(one.events.as_slice())
    );
    let establish = many
        .events
        .iter()
        .filter(|e| e.0.action.name() == "establish_commune")
        .count();
    let abolished = many
        .events
        .iter()
        .filter(|e| e.0.action.name() == "reorganise_levels")
        .count();
    assert_eq!((establish, abolished), (1, 1));
    let first_cell = many.world.cells.first().map(|c| c.id.to_string());
    let cell = first_cell.unwrap_or_default();
    for year in 2025..2025 + n as i32 {
        for m in 1..=12 {
            let directive = DirectiveId::new(format!("cd-{year}-{m:02}"));
            assert!(
                many.commune.directives.contains_key(&directive),
                "{directive}"
            );
        }
        let review = MeetingId::new(format!("{cell}-{year}-12-kd"));
        assert!(many.commune.meetings.contains_key(&review), "{review}");
        let decided = many.commune.reviews.get(&year).map_or(0, |r| r.len());
        assert!(decided > 200, "{year}: {decided} ratings");
        let in_year = many
            .events
            .iter()
            .filter(|e| chrono::Datelike::year(&e.0.at) == year)
            .count();
        assert!(in_year > one.events.len() * 9 / 10, "{year}: {in_year}");
    }
    // The commune lives on: members join and leave, the roll stays about its size.
    let (start, end) = (active(&one.commune), active(&many.commune));
    assert!(
        end * 10 >= start * 9 && end * 10 <= start * 12,
        "{start} → {end}"
    );
    let joined = many.events.len() - one.events.len();
    assert!(joined > 0);
    Ok(())
}
