//! Nga Trường commune (Nga Sơn, Thanh Hoá), the year 2025: 16 cells, 300+ members, every monthly
//! meeting from draft to inspection, all through `chibo::Commune::execute`, from one fixed seed
//! (the year is told by `chibo-sim`; this example prints it, stores it and writes the reports).
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

mod reports;
mod summary;
mod totals;

use chibo::{Commune, Refusal};
use chibo_sim::{Setting, StoryRefusal, World, Year};
use chibo_store::{verify_file, JournalFile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The printed summary of the year, from a commune's state.
fn render(commune: &Commune, world: &World, events: u64, refusals: &[StoryRefusal]) -> String {
    let mut out = String::new();
    summary::organisation(&mut out, commune, world, chibo_sim::NGA_TRUONG_SEED);
    summary::cells(&mut out, commune, world);
    totals::print(&mut out, commune, events, refusals);
    out
}

/// Writes the year to a new journal file in one batch (one fsync), then reopens it: lock, read,
/// verify the hash chain, replay every event through the rules.
fn write_and_read_back(year: &Year, path: &Path) -> Result<JournalFile, String> {
    let explain = |e: chibo_store::StoreError| format!("{} — {}", e.code(), e.message_vi());
    if path.exists() {
        std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let commands: Vec<_> = year.events.iter().map(|e| e.0.clone()).collect();
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
    let year = match chibo_sim::tell(&Setting::nga_truong()) {
        Ok(year) => year,
        Err(fail) => {
            println!("LỖI: {fail}");
            return ExitCode::FAILURE;
        }
    };
    let events = u64::try_from(year.events.len()).unwrap_or(u64::MAX);
    let live = render(&year.commune, &year.world, events, &year.refusals);
    print!("{live}");

    if let Err(e) = std::fs::create_dir_all(&folder) {
        println!("LỖI: không tạo được thư mục {}: {e}", folder.display());
        return ExitCode::FAILURE;
    }
    let path = folder.join("journal.jsonl");
    let file = match write_and_read_back(&year, &path) {
        Ok(file) => file,
        Err(e) => {
            println!("LỖI: {e}");
            return ExitCode::FAILURE;
        }
    };
    let head = file.head();
    let again = render(file.commune(), &year.world, head.seq, &year.refusals);
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let verified = verify_file(&path).map(|v| v.head == head).unwrap_or(false);
    println!("SỔ GHI (NHẬT KÝ) CỦA ĐẢNG BỘ");
    println!("  Tệp                {}", path.display());
    println!("  Bản ghi            {:>5}  ({bytes} byte)", head.seq);
    println!(
        "  Niêm phong         bản ghi {} · SHA-256 {}",
        head.seq, head.hash
    );
    if !verified || file.commune() != &year.commune || again != live {
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
