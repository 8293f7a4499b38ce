//! A year's events cut into sittings: what one person enters at one go, the batches a store
//! appends with one sync each.

use chibo::Event;

/// The lengths of the sittings of `events`: maximal runs of consecutive events by the same actor
/// on the same day (the registrar's setup, a secretary's draft and notice, a meeting's minutes,
/// votes and tasks, an inspection's findings…). The lengths add up to `events.len()`.
pub fn sittings(events: &[Event]) -> Vec<usize> {
    let mut lengths: Vec<usize> = Vec::new();
    let mut last = None;
    for Event(command) in events {
        let key = (&command.actor, command.at.date_naive());
        match lengths.last_mut() {
            Some(length) if last == Some(key) => *length += 1,
            _ => lengths.push(1),
        }
        last = Some(key);
    }
    lengths
}
