//! A year's events cut into sittings: what is entered at one go, the batches a store appends with
//! one sync each.

use chibo::Event;

/// The lengths of the sittings of `events`: maximal runs of consecutive events dated the same day
/// (the registrar's setup, a secretary's draft, a preparatory meeting, a meeting's reports,
/// minutes, votes and tasks, an inspection's findings…). The story tells one cell's step at a
/// time, so a run never mixes two cells' meetings. The lengths add up to `events.len()`.
pub fn sittings(events: &[Event]) -> Vec<usize> {
    let mut lengths: Vec<usize> = Vec::new();
    let mut last = None;
    for Event(command) in events {
        let day = command.at.date_naive();
        match lengths.last_mut() {
            Some(length) if last == Some(day) => *length += 1,
            _ => lengths.push(1),
        }
        last = Some(day);
    }
    lengths
}
