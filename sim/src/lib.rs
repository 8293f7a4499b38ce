//! The simulation of a commune's years of cell meetings, from one seed.
//!
//! A [`Setting`] (a seed, a commune id, a name, how many years) is told as a history: the
//! organisation entered on 30 December 2024, then for each year from 2025 twelve months of the commune's direction, every cell's regular meeting through
//! its whole lifecycle (draft, preparatory meeting, notice, documents, minutes and vote, tasks,
//! reports), one thematic meeting a quarter, changes on the roll, quarterly supervision and the
//! remedies it asks for, and the year-end review. Every step is a command run through
//! [`chibo::Commune::execute`]: the core decides, and the story keeps what it accepted.
//!
//! ```text
//!   Setting ──tell──▶ Story (one Rng, one Commune) ──world::build──▶ World (who is who)
//!                            │                      ──year::run────▶ twelve months, the review
//!                            │                                       (once per year, 2025, 2026…)
//!                            ▼
//!                          Year { commune, events, refusals, world }
//! ```
//!
//! The rules the story plays by (majorities, the committee threshold, minimum lengths) are asked
//! of the commune's [`chibo::Rules`], never written down again here. The only source of
//! randomness is one SplitMix64 generator seeded from the setting, so the same setting gives the
//! same events, byte for byte, on every machine.
//!
//! [`Setting::nga_truong`] is the main job's year (16 cells, ~330 members, ~7,700 events);
//! [`Setting::province_commune`] is commune `i` of a synthetic province, for the benchmarks.

mod agencies;
mod changes;
mod inspect;
mod links;
mod meeting;
mod names;
mod prepare;
mod remedy;
mod review;
mod rng;
mod roll;
mod roster;
mod score;
mod setting;
mod sittings;
mod story;
mod tasks;
mod texts;
mod world;
mod year;

pub use links::{CellInfo, Cluster};
pub use setting::{Setting, NGA_TRUONG_SEED};
pub use sittings::sittings;
pub use story::{Fail, StoryRefusal};
pub use world::World;

use chibo::{Commune, Event};

/// A commune's year (or years, [`Setting::years`]) as told: the commune as its events leave it, the events in order, the
/// refusals the story expected, and who is who.
#[derive(Debug)]
pub struct Year {
    /// The commune after the last event.
    pub commune: Commune,
    /// Every accepted command, in the order the core executed it (the first establishes the
    /// commune).
    pub events: Vec<Event>,
    /// The refusals that are part of the story (closing reporting too early…), in order.
    pub refusals: Vec<StoryRefusal>,
    /// Who is who: the registrar, the party secretary, the cells and their followers.
    pub world: World,
}

/// Tells the years of `setting` (2025 and the `setting.years - 1` after it). Fails (never panics) when the core refuses a step the story did
/// not expect it to refuse, or the story cannot go on.
pub fn tell(setting: &Setting) -> Result<Year, Fail> {
    let mut story = story::Story::new(setting.seed);
    let world = world::build(&mut story, setting)?;
    let mut carried = year::Carried::default();
    for k in 0..setting.years.max(1) {
        story.year = story::FIRST_YEAR.saturating_add_unsigned(k);
        year::run(&mut story, &world, &mut carried)?;
    }
    Ok(Year {
        commune: story.commune,
        events: story.events,
        refusals: story.refusals,
        world,
    })
}
