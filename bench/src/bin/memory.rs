//! Bytes held per event: loads a whole province-year (`Journal::load` of each commune's JSONL)
//! under a counting global allocator and reports the live heap of all the journals divided by
//! the events, with a breakdown by part of the commune (measured by cloning each part).
//!
//! ```sh
//! cargo run --release -p chibo-bench --bin memory -- [--communes 150] [--seed 2025]
//! ```
//!
//! "requested" is what the program asked for (`Layout::size`); "with malloc overhead" estimates
//! what glibc's malloc holds for it (16-byte aligned chunks with an 8-byte header, 32 at least).
#![allow(clippy::print_stdout)]

use chibo::{Journal, MeetingState};
use chibo_bench::cli::Args;
use chibo_bench::{execute, province, BenchError};
use std::alloc::{GlobalAlloc, Layout, System};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

static REQUESTED: AtomicUsize = AtomicUsize::new(0);
static CHUNKS: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// glibc malloc's chunk for a request: size + 8-byte header, rounded up to 16, at least 32.
fn chunk(size: usize) -> usize {
    (size.saturating_add(8 + 15) & !15).max(32)
}

fn grew(size: usize) {
    let now = REQUESTED.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
    CHUNKS.fetch_add(chunk(size), Ordering::Relaxed);
    BLOCKS.fetch_add(1, Ordering::Relaxed);
}

fn shrank(size: usize) {
    REQUESTED.fetch_sub(size, Ordering::Relaxed);
    CHUNKS.fetch_sub(chunk(size), Ordering::Relaxed);
    BLOCKS.fetch_sub(1, Ordering::Relaxed);
}

/// `System`, counting the bytes live.
struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments unchanged and returns
// its pointer unchanged, so `System`'s guarantees are the caller's; the counters are relaxed
// atomics that never touch the memory or the pointers.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged (the caller guarantees a non-zero size).
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged (the caller guarantees `ptr` came from this allocator
        // with `layout`, and every pointer this allocator hands out is `System`'s).
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Live bytes: requested, with malloc overhead, and blocks.
#[derive(Debug, Clone, Copy, Default)]
struct Live {
    requested: usize,
    chunks: usize,
    blocks: usize,
}

impl Live {
    fn now() -> Self {
        Self {
            requested: REQUESTED.load(Ordering::Relaxed),
            chunks: CHUNKS.load(Ordering::Relaxed),
            blocks: BLOCKS.load(Ordering::Relaxed),
        }
    }

    fn since(self, before: Self) -> Self {
        Self {
            requested: self.requested.saturating_sub(before.requested),
            chunks: self.chunks.saturating_sub(before.chunks),
            blocks: self.blocks.saturating_sub(before.blocks),
        }
    }

    fn add(&mut self, other: Self) {
        self.requested += other.requested;
        self.chunks += other.chunks;
        self.blocks += other.blocks;
    }
}

/// The heap a value's clone takes (clones have no spare capacity, so this is a lower bound of
/// what the original holds).
fn heap_of<T: Clone>(value: &T) -> Live {
    let before = Live::now();
    let copy = value.clone();
    let after = Live::now();
    drop(copy);
    after.since(before)
}

/// The parts of a commune measured, in the order [`commune_parts`] gives them.
const COMMUNE_PARTS: [&str; 10] = [
    "organisation",
    "directives",
    "meetings",
    "tasks",
    "inspections",
    "remediations",
    "scores",
    "annual review (points, reviews)",
    "commune (the above and the rest)",
    "journal (commune + hashes)",
];

/// The heap of each part of a journal's commune, in the order of [`COMMUNE_PARTS`].
fn commune_parts(journal: &Journal) -> [Live; 10] {
    let c = journal.commune();
    let mut review = heap_of(&c.general_points);
    review.add(heap_of(&c.reviews));
    [
        heap_of(&c.organisation),
        heap_of(&c.directives),
        heap_of(&c.meetings),
        heap_of(&c.tasks),
        heap_of(&c.inspections),
        heap_of(&c.remediations),
        heap_of(&c.scores),
        review,
        heap_of(c),
        heap_of(journal),
    ]
}

/// The parts of a meeting measured, in the order [`meeting_parts`] gives them.
const MEETING_PARTS: [&str; 9] = [
    "draft (content, items, place)",
    "revisions",
    "preparation (notice, documents, preparatory)",
    "minutes: roll",
    "minutes: speeches",
    "minutes: agenda, conclusions",
    "minutes: the rest (vote, guests, place)",
    "defects, earlier sittings, admissions",
    "assignment (task ids)",
];

/// The heap of each part of a meeting, in the order of [`MEETING_PARTS`] (nothing for the
/// minutes and the assignment of a meeting not yet held or assigned).
fn meeting_parts(meeting: &MeetingState) -> [Live; 9] {
    let (mut roll, mut speeches, mut texts, mut rest, mut held_rest) = Default::default();
    if let Some(held) = meeting.held() {
        let record = &held.record;
        roll = heap_of(&record.roll);
        speeches = heap_of(&record.speeches);
        texts = heap_of(&(record.agenda.clone(), record.conclusions.clone()));
        let mut listed = roll;
        listed.add(speeches);
        listed.add(texts);
        rest = heap_of(record).since(listed);
        held_rest = heap_of(&(
            held.defects.clone(),
            held.earlier_sittings.clone(),
            held.admissions.clone(),
        ));
    }
    [
        heap_of(meeting.draft()),
        heap_of(&meeting.revisions().to_vec()),
        heap_of(meeting.preparation()),
        roll,
        speeches,
        texts,
        rest,
        held_rest,
        meeting.assignment().map(heap_of).unwrap_or_default(),
    ]
}

/// Part by part, the sum of the measurements of many values.
fn sum_parts<const N: usize>(measured: impl IntoIterator<Item = [Live; N]>) -> [Live; N] {
    measured
        .into_iter()
        .fold([Live::default(); N], |mut totals, parts| {
            for (total, part) in totals.iter_mut().zip(parts) {
                total.add(part);
            }
            totals
        })
}

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn per_event(bytes: usize, events: usize) -> f64 {
    bytes as f64 / events.max(1) as f64
}

fn run() -> Result<(), BenchError> {
    let args = Args::parse(std::env::args().skip(1), 0)?;
    let config = &args.config;
    let mut journals: Vec<Journal> = Vec::with_capacity(config.communes);
    let mut held = Live::default();
    let mut events = 0usize;
    let mut text_bytes = 0usize;
    let mut transient = 0usize;
    for commune in province(config) {
        let commune = commune?;
        let text = execute(&commune)?.text;
        let id = commune.id.clone();
        drop(commune);
        let before = Live::now();
        PEAK.store(before.requested, Ordering::Relaxed);
        let journal = Journal::load(&text).map_err(|error| BenchError::Journal {
            commune: id,
            error: Box::new(error),
        })?;
        transient = transient.max(PEAK.load(Ordering::Relaxed) - before.requested);
        held.add(Live::now().since(before));
        events += usize::try_from(journal.len()).unwrap_or(usize::MAX);
        text_bytes += text.len() + 1;
        journals.push(journal);
    }
    let inline = journals.capacity() * std::mem::size_of::<Journal>();
    println!(
        "province: seed {}, {} communes, {events} events, {text_bytes} bytes of JSONL ({:.0} bytes/event)",
        config.seed,
        journals.len(),
        per_event(text_bytes, events)
    );
    println!("held after Journal::load of every commune (all journals alive):");
    println!(
        "  requested            {:>12} bytes  {:>7.1} bytes/event",
        held.requested + inline,
        per_event(held.requested + inline, events)
    );
    println!(
        "  with malloc overhead {:>12} bytes  {:>7.1} bytes/event",
        held.chunks + inline,
        per_event(held.chunks + inline, events)
    );
    println!(
        "  heap blocks          {:>12}        {:>7.2} blocks/event",
        held.blocks,
        per_event(held.blocks, events)
    );
    println!(
        "  process RSS          {:>12} KiB (text and generator freed; includes allocator slack)",
        rss_kib().unwrap_or(0)
    );
    println!(
        "  largest transient while loading one commune: {transient} bytes above what it keeps"
    );
    let parts = sum_parts(journals.iter().map(commune_parts));
    let tasks: usize = journals.iter().map(|j| j.commune().tasks.len()).sum();
    let meetings: usize = journals.iter().map(|j| j.commune().meetings.len()).sum();
    println!("by part (heap of an exact-capacity clone, so spare capacity is left out):");
    for (name, live) in COMMUNE_PARTS.iter().zip(&parts) {
        println!(
            "  {name:<28} {:>12} bytes  {:>7.1} bytes/event  {:>6.2} blocks/event",
            live.requested,
            per_event(live.requested, events),
            per_event(live.blocks, events)
        );
    }
    println!(
        "  ({meetings} meetings: {:.0} bytes each; {tasks} tasks: {:.0} bytes each)",
        per_event(parts[2].requested, meetings),
        per_event(parts[3].requested, tasks)
    );
    let by_meeting = sum_parts(
        journals
            .iter()
            .flat_map(|j| j.commune().meetings.values())
            .map(meeting_parts),
    );
    println!("a meeting's heap, by part (bytes per meeting, exact-capacity clones):");
    for (name, live) in MEETING_PARTS.iter().zip(&by_meeting) {
        println!(
            "  {name:<46} {:>8.0} bytes  {:>5.1} blocks",
            per_event(live.requested, meetings),
            per_event(live.blocks, meetings)
        );
    }
    println!(
        "inline sizes: Journal {} · Commune {} · MeetingState {} · Task {} · TaskEntry {} · MeetingRecord {} · RollEntry {} · MemberId {} · Event {}",
        std::mem::size_of::<Journal>(),
        std::mem::size_of::<chibo::Commune>(),
        std::mem::size_of::<chibo::MeetingState>(),
        std::mem::size_of::<chibo::task::Task>(),
        std::mem::size_of::<chibo::task::TaskEntry>(),
        std::mem::size_of::<chibo::meeting::MeetingRecord>(),
        std::mem::size_of::<chibo::meeting::RollEntry>(),
        std::mem::size_of::<chibo::ids::MemberId>(),
        std::mem::size_of::<chibo::Event>(),
    );
    Ok(())
}

fn main() -> ExitCode {
    chibo_bench::cli::exit("memory", run())
}
