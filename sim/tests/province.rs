//! The communes of a synthetic province are told through the core like Nga Trường, each its own,
//! and the same setting gives the same year.

use chibo_sim::{sittings, tell, Fail, Setting};

/// How many communes to tell (`CHIBO_SIM_COMMUNES`, 3 by default: a debug build tells one in
/// a few seconds).
fn communes() -> usize {
    std::env::var("CHIBO_SIM_COMMUNES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

#[test]
fn every_commune_is_told_and_labelled_as_its_own() -> Result<(), Fail> {
    let mut ids = std::collections::BTreeSet::new();
    for i in 0..communes() {
        let setting = Setting::province_commune(2025, i);
        let year = tell(&setting)?;
        assert_eq!(year.commune.organisation.id, setting.commune);
        assert_eq!(year.commune.organisation.name, setting.party_committee());
        assert_eq!(year.world.cells.len(), 16);
        assert!(year.events.len() > 5_000, "{}: {}", i, year.events.len());
        let lengths = sittings(&year.events);
        assert_eq!(lengths.iter().sum::<usize>(), year.events.len());
        assert!(lengths.iter().all(|n| *n > 0));
        ids.insert(setting.commune);
    }
    assert_eq!(ids.len(), communes());
    Ok(())
}

#[test]
fn the_same_setting_gives_the_same_events() -> Result<(), Fail> {
    let setting = Setting::province_commune(7, 1);
    let a = tell(&setting)?;
    let b = tell(&setting)?;
    assert_eq!(a.events, b.events);
    let other = tell(&Setting::province_commune(7, 2))?;
    assert_ne!(a.events, other.events);
    Ok(())
}
