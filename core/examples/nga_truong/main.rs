//! Nga Trường commune (Nga Sơn, Thanh Hoá), the year 2025: 16 cells, 300+ members, every monthly
//! meeting from draft to inspection, all through `chibo::Commune::execute`, from one fixed seed.
//!
//! Run with `cargo run --example nga_truong`.
#![allow(clippy::print_stdout)]

mod agencies;
mod changes;
mod inspect;
mod links;
mod meeting;
mod names;
mod prepare;
mod remedy;
mod rng;
mod roll;
mod roster;
mod story;
mod summary;
mod tasks;
mod texts;
mod totals;
mod world;
mod year;

use chibo::Commune;
use std::process::ExitCode;
use story::{Fail, Story};

/// The story's seed: the same seed, the same year.
const SEED: u64 = 2025;

fn tell() -> Result<Story, Fail> {
    let mut story = Story::new(SEED);
    let world = world::build(&mut story)?;
    year::run(&mut story, &world)?;
    summary::organisation(&story.commune, &world, SEED);
    summary::cells(&story.commune, &world);
    totals::print(&story);
    Ok(story)
}

fn main() -> ExitCode {
    let story = match tell() {
        Ok(story) => story,
        Err(fail) => {
            println!("LỖI: {fail}");
            return ExitCode::FAILURE;
        }
    };
    match Commune::replay(&story.events) {
        Ok(replayed) if replayed == story.commune => {
            println!(
                "  Phát lại {} sự kiện (Commune::replay): trùng khớp với đảng bộ đang chạy.",
                story.events.len()
            );
            ExitCode::SUCCESS
        }
        Ok(_) => {
            println!("LỖI: phát lại nhật ký cho kết quả khác với đảng bộ đang chạy.");
            ExitCode::FAILURE
        }
        Err((index, error)) => {
            println!(
                "LỖI: phát lại bị từ chối ở sự kiện {index}: {} — {}",
                error.code(),
                error.message_vi()
            );
            ExitCode::FAILURE
        }
    }
}
