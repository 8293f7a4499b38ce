//! Nga Trường commune (Nga Sơn, Thanh Hoá), the year 2025: 16 cells, 300+ members, every monthly
//! meeting from draft to inspection, all through `chibo::Commune::execute`, from one fixed seed.
//! The year is then written to the commune's journal file (`chibo-store`), read back, verified
//! and replayed, and the summary is produced again from what was read: the two must be the same.
//!
//! Run with `cargo run --example nga_truong [-- OUTPUT_FOLDER]` (default `target/nga_truong`).
#![allow(clippy::print_stdout)]

/// `writeln!` into the summary being built (writing to a `String` cannot fail).
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

mod agencies;
mod changes;
mod inspect;
mod links;
mod meeting;
mod names;
mod prepare;
mod remedy;
mod reports;
mod review;
mod rng;
mod roll;
mod roster;
mod score;
mod story;
mod summary;
mod tasks;
mod texts;
mod totals;
mod world;
mod year;

use chibo::{Commune, Refusal};
use chibo_store::{verify_file, JournalFile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use story::{Fail, Story, StoryRefusal};
use world::World;

/// The story's seed: the same seed, the same year.
const SEED: u64 = 2025;

/// The printed summary of the year, from a commune's state.
fn render(commune: &Commune, world: &World, events: u64, refusals: &[StoryRefusal]) -> String {
    let mut out = String::new();
    summary::organisation(&mut out, commune, world, SEED);
    summary::cells(&mut out, commune, world);
    totals::print(&mut out, commune, events, refusals);
    out
}

fn tell() -> Result<(Story, World), Fail> {
    let mut story = Story::new(SEED);
    let world = world::build(&mut story)?;
    year::run(&mut story, &world)?;
    Ok((story, world))
}

/// Writes the year to a new journal file in one batch (one fsync), then reopens it: lock, read,
/// verify the hash chain, replay every event through the rules.
fn write_and_read_back(story: &Story, path: &Path) -> Result<JournalFile, String> {
    let explain = |e: chibo_store::StoreError| format!("{} — {}", e.code(), e.message_vi());
    if path.exists() {
        std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let commands: Vec<_> = story.events.iter().map(|e| e.0.clone()).collect();
    let mut file = JournalFile::create(path).map_err(explain)?;
    let batch = file.execute_batch(&commands).map_err(explain)?;
    if let Some((index, error)) = batch.refused {
        return Err(format!(
            "sự kiện {index} bị từ chối khi ghi sổ: {} — {}",
            error.code(),
            error.message_vi()
        ));
    }
    drop(file);
    let (file, opened) = JournalFile::open(path).map_err(explain)?;
    if opened.torn.is_some() {
        return Err("sổ ghi vừa viết có dòng cuối ghi dở".to_owned());
    }
    Ok(file)
}

fn main() -> ExitCode {
    let folder = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/nga_truong"), PathBuf::from);
    let (story, world) = match tell() {
        Ok(told) => told,
        Err(fail) => {
            println!("LỖI: {fail}");
            return ExitCode::FAILURE;
        }
    };
    let events = u64::try_from(story.events.len()).unwrap_or(u64::MAX);
    let live = render(&story.commune, &world, events, &story.refusals);
    print!("{live}");

    if let Err(e) = std::fs::create_dir_all(&folder) {
        println!("LỖI: không tạo được thư mục {}: {e}", folder.display());
        return ExitCode::FAILURE;
    }
    let path = folder.join("journal.jsonl");
    let file = match write_and_read_back(&story, &path) {
        Ok(file) => file,
        Err(e) => {
            println!("LỖI: {e}");
            return ExitCode::FAILURE;
        }
    };
    let head = file.head();
    let again = render(file.commune(), &world, head.seq, &story.refusals);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let verified = verify_file(&path).map(|v| v.head == head).unwrap_or(false);
    println!("SỔ GHI (NHẬT KÝ) CỦA ĐẢNG BỘ");
    println!("  Tệp                {}", path.display());
    println!("  Bản ghi            {:>5}  ({bytes} byte)", head.seq);
    println!(
        "  Niêm phong         bản ghi {} · SHA-256 {}",
        head.seq, head.hash
    );
    if !verified || file.commune() != &story.commune || again != live {
        println!("LỖI: đọc lại sổ ghi không cho cùng trạng thái và bản tổng hợp.");
        return ExitCode::FAILURE;
    }
    println!(
        "  Đọc lại, kiểm chuỗi băm, phát lại {} sự kiện: trạng thái và bản tổng hợp trùng khớp từng byte.",
        head.seq
    );
    match reports::write(file.commune(), &folder) {
        Ok(text) => print!("{text}"),
        Err(e) => {
            println!("LỖI: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
