//! Property tests for the journal and the command lifecycle.
//!
//! Random step sequences run on top of the setup worlds of `tests/scenarios/setup/`: template
//! commands on real and unknown ids, valid and invalid (`properties/commands.rs`), mixed with
//! guided steps that take the next step of some record's lifecycle so that sequences reach deep
//! states (`properties/guided.rs`). Each property checks what must hold whatever the commands:
//!
//! 1. a refused command changes nothing, and the accepted lines reload to the same state;
//! 2. after every accepted command, the state's invariants hold (tasks, tallies, remediations,
//!    membership and clusters, summaries; meeting states only move forward);
//! 3. every record written decodes back to the same event, seq, prev and hash;
//! 4. a device journal forked from the shared one merges back with nothing dropped;
//! 5. a damaged journal text never panics the reader, and the error names a line of it.
//!
//! Case counts are kept small so that the file runs in a few seconds in debug; set
//! `PROPTEST_CASES` to run more (and `PROPTEST_RNG_SEED` to replay a run). Failures are not
//! persisted to files: the minimal input is in the panic message.

// In tests a failed expectation is the test failing: `unwrap`/`expect`/`panic!` report it, and
// indexing is into vectors, maps and JSON the test itself built (a miss is a bug of the test).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

#[path = "properties/commands.rs"]
mod commands;
#[path = "properties/guided.rs"]
mod guided;

use chibo::error::JournalError;
use chibo::ids::MeetingId;
use chibo::journal::{decode, encode, verify, verify_sealed, Encoded, Head, VERSION};
use chibo::meeting::StateName;
use chibo::{Command, Commune, Error, Event, Journal, MeetingState};
use guided::Step;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// Setup worlds and the runner
// ---------------------------------------------------------------------------------------------

/// The setup worlds commands run on: lists of `tests/scenarios/setup/` files.
const WORLDS: &[&[&str]] = &[
    // March drafted and prepared: it can be held, assigned, reported, inspected.
    &["commune", "march_ready"],
    // March tasks open, April drafted and prepared.
    &[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
    ],
    // March reported and closed, April not drafted yet.
    &[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
    ],
    // March tasks open, April adopted: carry-over into April.
    &[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "april_ready",
        "april_adopted",
    ],
    // March closed, April adopted: April's assignment, then inspection of both.
    &[
        "commune",
        "march_ready",
        "march_adopted",
        "march_assigned",
        "march_reported",
        "april_ready",
        "april_adopted",
    ],
];

/// A setup world: its journal and its lines.
struct World {
    journal: Journal,
    lines: Vec<String>,
}

fn setup_commands(name: &str) -> Vec<Command> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/scenarios/setup")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let file: serde_json::Value = serde_json::from_str(&text).expect("a setup file is JSON");
    serde_json::from_value(file["steps"].clone()).expect("setup steps are commands")
}

fn worlds() -> &'static [World] {
    static WORLDS_BUILT: OnceLock<Vec<World>> = OnceLock::new();
    WORLDS_BUILT.get_or_init(|| {
        WORLDS
            .iter()
            .map(|files| {
                let mut journal = Journal::new();
                let mut lines = Vec::new();
                for name in *files {
                    for command in setup_commands(name) {
                        let encoded = journal
                            .execute(&command)
                            .unwrap_or_else(|e| panic!("setup {name}: {} {e}", e.code()));
                        lines.push(encoded.line);
                    }
                }
                World { journal, lines }
            })
            .collect()
    })
}

fn world() -> impl Strategy<Value = usize> {
    0..WORLDS.len()
}

/// Up to `max` random steps.
fn steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(guided::any_step(), 0..=max)
}

/// The number of cases of the command-sequence properties by default (each case runs up to 40
/// commands on a world of 30 to 50 records, replays and compares them).
const DEFAULT_CASES: u32 = 128;

/// The number of cases: `default`, unless `PROPTEST_CASES` says otherwise.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs a property over `cases` generated inputs; on failure, panics with the minimal input.
/// No failure persistence: this test target owns no files outside its source.
fn check<S: Strategy>(default_cases: u32, strategy: S, test: impl Fn(S::Value) -> TestCaseResult)
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: cases(default_cases),
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("{failure}");
    }
}

fn text(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn state(commune: &Commune) -> String {
    serde_json::to_string(commune).expect("a commune serialises")
}

/// Executes one command on `journal`. A refused command must change neither the commune (byte
/// for byte) nor the head; an accepted one's line is returned.
fn step(journal: &mut Journal, command: &Command) -> Result<Option<Encoded>, TestCaseError> {
    let before = state(journal.commune());
    let head = journal.head();
    match journal.execute(command) {
        Ok(encoded) => Ok(Some(encoded)),
        Err(refusal) => {
            prop_assert_eq!(
                &state(journal.commune()),
                &before,
                "refused ({}) but the commune changed",
                refusal.code()
            );
            prop_assert_eq!(journal.head(), head);
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Refusals change nothing; accepted lines reload to the same state
// ---------------------------------------------------------------------------------------------

#[test]
fn refused_commands_change_nothing_and_accepted_lines_reload_to_the_same_state() {
    let accepted = Cell::new(0usize);
    let refused = Cell::new(0usize);
    let kinds = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let defects = std::cell::RefCell::new(std::collections::BTreeSet::new());
    let failed_sittings = Cell::new(0usize);
    check(
        DEFAULT_CASES,
        (world(), steps(40)),
        |(w, steps): (usize, Vec<Step>)| {
            let world = &worlds()[w];
            let mut journal = world.journal.clone();
            let mut lines = world.lines.clone();
            for s in &steps {
                let command = s.resolve(journal.commune());
                match step(&mut journal, &command)? {
                    Some(encoded) => {
                        accepted.set(accepted.get() + 1);
                        kinds.borrow_mut().insert(command.action.name());
                        lines.push(encoded.line);
                    }
                    None => refused.set(refused.get() + 1),
                }
            }
            let reloaded = Journal::load(text(&lines));
            prop_assert!(
                reloaded.is_ok(),
                "the accepted lines do not reload: {:?}",
                reloaded.err()
            );
            let reloaded = reloaded.unwrap();
            // The whole state is compared, so every defect and failed sitting recorded is
            // reproduced by the replay; they are counted to show the runs reach them.
            for m in journal.commune().meetings.values() {
                defects
                    .borrow_mut()
                    .extend(m.defects().iter().map(|d| d.code()));
                failed_sittings.set(failed_sittings.get() + m.failed_sittings().len());
            }
            prop_assert_eq!(state(reloaded.commune()), state(journal.commune()));
            prop_assert_eq!(reloaded.head(), journal.head());
            prop_assert_eq!(verify(text(&lines)).unwrap(), journal.head());
            // The state as a whole survives JSON, as bindings hand it over.
            let json = state(journal.commune());
            let back: Commune = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, journal.commune());
            Ok(())
        },
    );
    // Not vacuous: the templates reach both sides, and the whole lifecycle.
    assert!(accepted.get() > 0, "no generated command was accepted");
    assert!(refused.get() > 0, "no generated command was refused");
    if cases(DEFAULT_CASES) >= DEFAULT_CASES {
        let kinds = kinds.borrow();
        for kind in [
            "report_task",
            "assess_report",
            "close_reporting",
            "record_meeting",
            "assign_tasks",
            "open_inspection",
            "conclude_inspection",
        ] {
            assert!(
                kinds.contains(kind),
                "no {kind} was ever accepted: {kinds:?}"
            );
        }
        let defects = defects.borrow();
        assert!(
            defects.len() >= 3,
            "too few kinds of defect recorded and replayed: {defects:?}"
        );
        assert!(failed_sittings.get() > 0, "no failed sitting was recorded");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Invariants after every accepted command
// ---------------------------------------------------------------------------------------------

fn states(commune: &Commune) -> BTreeMap<MeetingId, StateName> {
    commune
        .meetings
        .iter()
        .map(|(id, m)| (id.clone(), m.name()))
        .collect()
}

fn invariants(commune: &Commune) -> TestCaseResult {
    let after_assignment = [
        StateName::Assigned,
        StateName::Reported,
        StateName::Inspected,
    ];
    for (id, task) in &commune.tasks {
        for meeting in [&task.meeting, &task.origin] {
            let state = commune.meetings.get(meeting).map(MeetingState::name);
            prop_assert!(
                state.is_some_and(|s| after_assignment.contains(&s)),
                "task {} refers to meeting {} in state {:?}",
                id,
                meeting,
                state
            );
        }
    }
    for (id, meeting) in &commune.meetings {
        if let Some(held) = meeting.held() {
            let t = held.tally;
            let ballots = u64::from(t.yes) + u64::from(t.no) + u64::from(t.abstain);
            prop_assert!(
                ballots <= u64::from(t.counted_base),
                "meeting {}: {} ballots for a counted base of {}",
                id,
                ballots,
                t.counted_base
            );
            prop_assert!(ballots <= u64::from(t.present), "meeting {}: {:?}", id, t);
            prop_assert!(t.counted_base <= t.officials, "meeting {}: {:?}", id, t);
            prop_assert!(t.officials <= t.members, "meeting {}: {:?}", id, t);
            prop_assert!(t.passed && t.yes >= t.needed, "meeting {}: {:?}", id, t);
            for a in &held.admissions {
                let ballots = u64::from(a.yes) + u64::from(a.no) + u64::from(a.abstain);
                prop_assert!(
                    ballots <= u64::from(a.officials) && a.passed == (a.yes >= a.needed),
                    "meeting {}: admission {:?}",
                    id,
                    a
                );
            }
        }
        if let Some(assignment) = meeting.assignment() {
            for task in &assignment.tasks {
                let origin = commune.tasks.get(task).map(|t| &t.origin);
                prop_assert_eq!(origin, Some(id), "meeting {} lists task {}", id, task);
            }
        }
        for inspection in meeting.inspections() {
            let covers = commune
                .inspections
                .get(inspection)
                .is_some_and(|i| i.notice.is_some() && i.meetings.contains(id));
            prop_assert!(covers, "meeting {} inspected by {}", id, inspection);
        }
    }
    let org = &commune.organisation;
    for (id, cell) in &org.cells {
        // The two views of membership agree: a cell lists exactly the members whose home it is.
        for member in &cell.members {
            let home = org.members.get(member).and_then(|m| m.cell());
            prop_assert_eq!(home, Some(id), "cell {} lists member {}", id, member);
        }
        if commune.rules().follower_not_own_cell.value {
            let own = cell.followers.iter().find(|f| cell.members.contains(*f));
            prop_assert!(
                own.is_none(),
                "cell {} is followed by its member {:?}",
                id,
                own
            );
        }
        let lead = &cell.leadership;
        for leader in lead.secretary.iter().chain(&lead.deputy) {
            let active = org.members.get(leader).is_some_and(|m| m.is_active());
            prop_assert!(
                active && cell.members.contains(leader),
                "cell {} is led by {}, not an active member of it",
                id,
                leader
            );
        }
    }
    for (id, cell) in &org.cells {
        if let Some(cluster) = &cell.cluster {
            let listed = org
                .clusters
                .get(cluster)
                .is_some_and(|k| k.cells.contains(id));
            prop_assert!(
                listed,
                "cell {} in cluster {} is not on its list",
                id,
                cluster
            );
        }
    }
    for (id, cluster) in &org.clusters {
        for cell in &cluster.cells {
            let back = org.cells.get(cell).and_then(|c| c.cluster.as_ref());
            prop_assert_eq!(back, Some(id), "cluster {} lists cell {}", id, cell);
        }
    }
    for (id, member) in &org.members {
        if let Some(cell) = member.cell() {
            let listed = org.cells.get(cell).is_some_and(|c| c.members.contains(id));
            prop_assert!(listed, "member {} of cell {} is not on its list", id, cell);
        }
    }
    // Every record has a summary (what bindings and scenarios read).
    let kinds: [(&str, Vec<String>); 5] = [
        (
            "meetings",
            commune.meetings.keys().map(|k| k.to_string()).collect(),
        ),
        (
            "tasks",
            commune.tasks.keys().map(|k| k.to_string()).collect(),
        ),
        (
            "inspections",
            commune.inspections.keys().map(|k| k.to_string()).collect(),
        ),
        (
            "remediations",
            commune.remediations.keys().map(|k| k.to_string()).collect(),
        ),
        (
            "members",
            org.members.keys().map(|k| k.to_string()).collect(),
        ),
    ];
    for (kind, ids) in &kinds {
        for id in ids {
            let summary = commune.summary(kind, id);
            prop_assert!(summary.is_ok(), "{} {}: {:?}", kind, id, summary.err());
        }
    }
    for (id, remediation) in &commune.remediations {
        let inspection = commune.inspections.get(&remediation.inspection);
        prop_assert!(
            inspection.is_some_and(|i| i.cell == remediation.cell
                && i.notice
                    .as_ref()
                    .is_some_and(|n| n.remediations.contains(id))),
            "remediation {} refers to inspection {} that does not require it",
            id,
            remediation.inspection
        );
    }
    Ok(())
}

#[test]
fn invariants_hold_after_every_accepted_command() {
    let accepted = Cell::new(0usize);
    check(
        DEFAULT_CASES,
        (world(), steps(40)),
        |(w, steps): (usize, Vec<Step>)| {
            let mut journal = worlds()[w].journal.clone();
            invariants(journal.commune())?;
            for s in &steps {
                let command = s.resolve(journal.commune());
                let before = states(journal.commune());
                if journal.execute(&command).is_err() {
                    continue;
                }
                accepted.set(accepted.get() + 1);
                invariants(journal.commune())?;
                let after = states(journal.commune());
                for (id, was) in &before {
                    let now = after.get(id);
                    prop_assert!(
                        now.is_some_and(|now| now >= was),
                        "{} moved meeting {} from {:?} back to {:?}",
                        command.action.name(),
                        id,
                        was,
                        now
                    );
                }
            }
            Ok(())
        },
    );
    assert!(accepted.get() > 0, "no generated command was accepted");
}

// ---------------------------------------------------------------------------------------------
// 3. Encoding round trip
// ---------------------------------------------------------------------------------------------

#[test]
fn every_record_decodes_to_what_was_encoded() {
    check(
        64,
        (world(), steps(40)),
        |(w, steps): (usize, Vec<Step>)| {
            let mut journal = worlds()[w].journal.clone();
            for s in &steps {
                let command = s.resolve(journal.commune());
                let head = journal.head();
                let Ok(encoded) = journal.execute(&command) else {
                    continue;
                };
                prop_assert_eq!(encoded.seq, head.seq + 1);
                prop_assert_eq!(
                    journal.head(),
                    Head {
                        seq: encoded.seq,
                        hash: encoded.hash
                    }
                );
                let event = Event(command.clone());
                prop_assert_eq!(&encode(encoded.seq, &head.hash, &event).unwrap(), &encoded);
                let record = decode(encoded.seq, encoded.line.as_bytes());
                prop_assert!(record.is_ok(), "{:?}", record.err());
                let record = record.unwrap();
                // An unsigned record is still written in version 1, as before signatures.
                prop_assert_eq!(record.version, 1);
                prop_assert!(VERSION >= record.version);
                prop_assert_eq!(record.seq, encoded.seq);
                prop_assert_eq!(record.prev, head.hash);
                prop_assert_eq!(record.hash, encoded.hash);
                prop_assert_eq!(&record.event, &event);
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Merge
// ---------------------------------------------------------------------------------------------

/// A world, the steps run on it before the fork, the fork point, and the device's own steps.
type Fork = (usize, Vec<Step>, Index, Vec<Step>);

/// A shared journal's lines (a world and random commands) and a fork point in `1..=len`.
fn forked() -> impl Strategy<Value = Fork> {
    (world(), steps(16), any::<Index>(), steps(16))
}

/// Runs `steps` on `journal`, returning the accepted lines.
fn run(journal: &mut Journal, steps: &[Step]) -> Vec<String> {
    steps
        .iter()
        .filter_map(|s| {
            let command = s.resolve(journal.commune());
            journal.execute(&command).ok().map(|e| e.line)
        })
        .collect()
}

/// The world's lines and `shared` commands run on it; `fork` picks the shared prefix.
fn shared_history(w: usize, shared: &[Step], fork: &Index) -> (Vec<String>, usize) {
    let world = &worlds()[w];
    let mut journal = world.journal.clone();
    let mut lines = world.lines.clone();
    lines.extend(run(&mut journal, shared));
    let n = 1 + fork.index(lines.len());
    (lines, n)
}

#[test]
fn merging_into_an_unchanged_shared_journal_appends_every_device_record() {
    let appended_some = Cell::new(false);
    check(64, forked(), |(w, before, fork, device_steps): Fork| {
        let (lines, n) = shared_history(w, &before, &fork);
        let prefix = &lines[..n];
        let mut shared = Journal::load(text(prefix)).unwrap();
        let mut device = shared.clone();
        let device_lines = run(&mut device, &device_steps);
        let mut device_text = prefix.to_vec();
        device_text.extend(device_lines.iter().cloned());

        let merge = shared.merge(text(&device_text)).unwrap();
        prop_assert_eq!(merge.fork, n as u64);
        prop_assert!(merge.conflicts.is_empty(), "{:?}", merge.conflicts);
        prop_assert_eq!(merge.appended.len(), device_lines.len());
        for (i, (merged, line)) in merge.appended.iter().zip(&device_lines).enumerate() {
            let seq = (n + i + 1) as u64;
            prop_assert_eq!(merged.device_seq, seq);
            prop_assert_eq!(merged.seq, seq);
            // Same seq, same prev, same event: the very same line.
            prop_assert_eq!(&merged.line, line);
        }
        prop_assert_eq!(state(shared.commune()), state(device.commune()));
        prop_assert_eq!(shared.head(), device.head());
        // Merged into an empty journal (fork 0), every record is appended as it is.
        let mut empty = Journal::new();
        let merge = empty.merge(text(&device_text)).unwrap();
        prop_assert_eq!(merge.fork, 0);
        prop_assert!(merge.conflicts.is_empty(), "{:?}", merge.conflicts);
        let appended: Vec<&String> = merge.appended.iter().map(|a| &a.line).collect();
        prop_assert_eq!(appended, device_text.iter().collect::<Vec<_>>());
        prop_assert_eq!(state(empty.commune()), state(device.commune()));
        if !device_lines.is_empty() {
            appended_some.set(true);
        }
        Ok(())
    });
    assert!(appended_some.get(), "no device record was ever merged");
}

#[test]
fn merging_loses_no_device_record_and_the_result_reloads() {
    let conflicted = Cell::new(0usize);
    let appended = Cell::new(0usize);
    check(
        DEFAULT_CASES,
        (forked(), steps(16)),
        |((w, before, fork, device_steps), after): (Fork, Vec<Step>)| {
            let (lines, n) = shared_history(w, &before, &fork);
            // The device: the first n lines, then its own commands.
            let mut device = Journal::load(text(&lines[..n])).unwrap();
            let mut device_text = lines[..n].to_vec();
            device_text.extend(run(&mut device, &device_steps));
            // The shared journal: every line, then more commands of its own.
            let mut shared = Journal::load(text(&lines)).unwrap();
            let mut shared_lines = lines.clone();
            shared_lines.extend(run(&mut shared, &after));
            let shared_head = shared.head();

            let merge = shared.merge(text(&device_text)).unwrap();
            // The fork is at least n; further only where the device wrote the very records the
            // shared journal holds (the same command at the same place gives the same hash).
            prop_assert!(merge.fork >= n as u64, "fork {} before {}", merge.fork, n);
            let mut seen: Vec<u64> = merge
                .appended
                .iter()
                .map(|a| a.device_seq)
                .chain(merge.conflicts.iter().map(|c| c.device_seq))
                .collect();
            seen.sort_unstable();
            let expected: Vec<u64> = (merge.fork + 1..=device.head().seq).collect();
            prop_assert_eq!(seen, expected, "a device record was dropped or repeated");
            for (i, merged) in merge.appended.iter().enumerate() {
                prop_assert_eq!(merged.seq, shared_head.seq + 1 + i as u64);
            }
            let conflicting: Vec<u64> = merge.conflicts.iter().map(|c| c.device_seq).collect();
            for conflict in &merge.conflicts {
                prop_assert_eq!(conflict.action, conflict.event.0.action.name());
                match &conflict.reason {
                    // A record depending on an earlier conflict names that conflict.
                    Error::Journal(JournalError::DependsOnConflict { depends_on, .. }) => {
                        prop_assert!(*depends_on < conflict.device_seq);
                        prop_assert!(conflicting.contains(depends_on));
                    }
                    other => prop_assert!(
                        !matches!(other, Error::Journal(_)),
                        "a conflict is a rules refusal: {:?}",
                        other
                    ),
                }
            }
            appended.set(appended.get() + merge.appended.len());
            conflicted.set(conflicted.get() + merge.conflicts.len());

            shared_lines.extend(merge.appended.iter().map(|a| a.line.clone()));
            let reloaded = Journal::load(text(&shared_lines));
            prop_assert!(reloaded.is_ok(), "{:?}", reloaded.err());
            let reloaded = reloaded.unwrap();
            prop_assert_eq!(state(reloaded.commune()), state(shared.commune()));
            prop_assert_eq!(reloaded.head(), shared.head());
            Ok(())
        },
    );
    assert!(appended.get() > 0, "no device record was ever appended");
    assert!(
        conflicted.get() > 0,
        "no device record was ever in conflict"
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Damaged journals
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: Index, mask: u8 },
    Delete { at: Index, len: usize },
    Insert { at: Index, bytes: Vec<u8> },
    Truncate { at: Index },
    DuplicateLine { line: Index },
    SwapLines { a: Index, b: Index },
    DropFinalLines { keep: Index, newline: bool },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        4 => any::<u8>(),
        1 => Just(b'\n'),
        1 => Just(b' '),
        1 => Just(b'"'),
        1 => Just(b'}'),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1..=255u8).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        2 => (any::<Index>(), 1..8usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        2 => (any::<Index>(), prop::collection::vec(byte, 1..4))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        1 => any::<Index>().prop_map(|line| Mutation::DuplicateLine { line }),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
        1 => (any::<Index>(), any::<bool>())
            .prop_map(|(keep, newline)| Mutation::DropFinalLines { keep, newline }),
    ]
}

/// The lines of a text that ends with a newline (or is empty).
fn split_lines(text: &[u8]) -> Vec<Vec<u8>> {
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    if text.is_empty() {
        return vec![];
    }
    body.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect()
}

fn join_lines(lines: &[Vec<u8>], newline: bool) -> Vec<u8> {
    let mut text = lines.join(&b'\n');
    if newline && !lines.is_empty() {
        text.push(b'\n');
    }
    text
}

fn mutate(text: &mut Vec<u8>, mutation: &Mutation) {
    match mutation {
        Mutation::Flip { at, mask } => {
            if !text.is_empty() {
                let i = at.index(text.len());
                text[i] ^= mask;
            }
        }
        Mutation::Delete { at, len } => {
            if !text.is_empty() {
                let i = at.index(text.len());
                let end = (i + len).min(text.len());
                text.drain(i..end);
            }
        }
        Mutation::Insert { at, bytes } => {
            let i = at.index(text.len() + 1);
            text.splice(i..i, bytes.iter().copied());
        }
        Mutation::Truncate { at } => {
            let i = at.index(text.len() + 1);
            text.truncate(i);
        }
        Mutation::DuplicateLine { line } => {
            let mut lines = split_lines(text);
            if !lines.is_empty() {
                let i = line.index(lines.len());
                lines.insert(i, lines[i].clone());
                *text = join_lines(&lines, true);
            }
        }
        Mutation::SwapLines { a, b } => {
            let mut lines = split_lines(text);
            if !lines.is_empty() {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                *text = join_lines(&lines, true);
            }
        }
        Mutation::DropFinalLines { keep, newline } => {
            let mut lines = split_lines(text);
            lines.truncate(keep.index(lines.len() + 1));
            *text = join_lines(&lines, *newline);
        }
    }
}

/// How many lines a text has, counted independently of the library: pieces between newlines, a
/// final newline ending the last line rather than starting an empty one.
fn line_count(text: &[u8]) -> u64 {
    if text.is_empty() {
        return 0;
    }
    let newlines = text.iter().filter(|b| **b == b'\n').count() as u64;
    if text.ends_with(b"\n") {
        newlines
    } else {
        newlines + 1
    }
}

/// Whether `text` is the start of `original` cut at the end of a line (whole lines kept, with or
/// without the last newline).
fn is_line_prefix(text: &[u8], original: &[u8]) -> bool {
    original.starts_with(text)
        && (text.is_empty() || text.ends_with(b"\n") || original.get(text.len()) == Some(&b'\n'))
}

fn journal_line(error: &Error) -> Option<u64> {
    match error {
        Error::Journal(e) => e.line(),
        _ => None,
    }
}

#[test]
fn damaged_journals_are_refused_naming_a_line_of_them() {
    let refused = Cell::new(0usize);
    let prefixes = Cell::new(0usize);
    check(
        1024,
        (world(), prop::collection::vec(mutation(), 1..=3)),
        |(w, mutations): (usize, Vec<Mutation>)| {
            let world = &worlds()[w];
            let original = text(&world.lines).into_bytes();
            let mut damaged = original.clone();
            for m in &mutations {
                mutate(&mut damaged, m);
            }
            // Neither reader may panic, whatever the bytes (a panic fails the case).
            let verified = verify(&damaged);
            let loaded = Journal::load(&damaged);
            if damaged == original {
                prop_assert_eq!(verified.unwrap(), world.journal.head());
                prop_assert_eq!(loaded.unwrap().head(), world.journal.head());
            } else if is_line_prefix(&damaged, &original) {
                // Whole records removed from the end: every record left is intact and follows
                // the one before it, so the chain verifies. Nothing inside the text can tell
                // that more records followed; only a seal (the head handed over with the
                // journal, `verify_sealed`) catches removal at the end.
                prefixes.set(prefixes.get() + 1);
                let kept = line_count(&damaged);
                let head = verified.unwrap();
                prop_assert_eq!(head.seq, kept);
                let loaded = loaded.unwrap();
                prop_assert_eq!(loaded.head(), head);
                prop_assert_eq!(
                    Some(head.hash),
                    world
                        .journal
                        .hash_at(kept)
                        .or(Some(chibo::journal::GENESIS))
                );
                let sealed = verify_sealed(&damaged, &world.journal.head());
                if kept < world.journal.len() {
                    prop_assert_eq!(sealed.unwrap_err().code(), "journal.head_mismatch");
                } else {
                    prop_assert!(sealed.is_ok());
                }
                // Merged as a device journal, a prefix is all shared: nothing to do.
                let mut shared = world.journal.clone();
                let merge = shared.merge(&damaged).unwrap();
                prop_assert_eq!(merge.fork, kept);
                prop_assert!(merge.appended.is_empty() && merge.conflicts.is_empty());
                prop_assert_eq!(&shared, &world.journal);
            } else {
                refused.set(refused.get() + 1);
                let lines = line_count(&damaged);
                let verify_error = verified.err();
                prop_assert!(verify_error.is_some(), "a damaged journal verifies");
                let verify_error = verify_error.unwrap();
                let load_error = loaded.err();
                prop_assert!(load_error.is_some(), "a damaged journal loads");
                let load_error = load_error.unwrap();
                let line = journal_line(&verify_error);
                prop_assert!(
                    line.is_some_and(|l| (1..=lines).contains(&l)),
                    "{} names line {:?} of {}",
                    verify_error.code(),
                    line,
                    lines
                );
                // Lines before the damaged one are the original records, which replay: loading
                // fails on the same line for the same reason.
                prop_assert_eq!(load_error.code(), verify_error.code());
                prop_assert_eq!(journal_line(&load_error), line);
                // Merged as a device journal, it is refused whole and nothing changes.
                let mut shared = world.journal.clone();
                let merge = shared.merge(&damaged);
                prop_assert!(merge.is_err(), "a damaged device journal merges");
                prop_assert_eq!(&shared, &world.journal);
            }
            Ok(())
        },
    );
    assert!(refused.get() > 0, "no mutation was refused");
    assert!(
        prefixes.get() > 0,
        "no mutation kept a prefix of whole lines"
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions of findings
// ---------------------------------------------------------------------------------------------

/// Found by a property: merging the same device journal twice (a sync retried after a lost
/// acknowledgement) used to execute its records again once the shared journal had moved on.
/// Merged records now carry the device record's hash as `origin`, and a repeated merge skips them
/// (`already_merged`), also after the shared journal is reloaded from its lines.
#[test]
fn merging_the_same_device_journal_twice_appends_nothing_the_second_time() {
    let world = &worlds()[0]; // commune + march_ready: m-2025-03 is a prepared draft
    let revise = commands::command(
        "x1-bt",
        "2025-03-02T09:00:00+07:00",
        serde_json::json!({"revise_draft": {"meeting": "m-2025-03", "content": "Nội dung sửa"}}),
    );
    let mut device = world.journal.clone();
    let mut device_lines = world.lines.clone();
    device_lines.push(device.execute(&revise).unwrap().line);

    // Meanwhile the shared journal records something else.
    let mut shared = world.journal.clone();
    let other = commands::command(
        "vp",
        "2025-03-02T10:00:00+07:00",
        serde_json::json!({"add_member": {"member": "new-1", "name": "Nguyễn Văn Mới",
            "home": {"cell": "xom-1"}, "status": "official", "joined_on": "2024-12-01"}}),
    );

    let mut shared_lines = world.lines.clone();
    shared_lines.push(shared.execute(&other).unwrap().line);
    let first = shared.merge(text(&device_lines)).unwrap();
    assert_eq!(first.appended.len(), 1);
    shared_lines.extend(first.appended.iter().map(|m| m.line.clone()));
    let mut reloaded = Journal::load(text(&shared_lines)).unwrap();
    let again = reloaded.merge(text(&device_lines)).unwrap();
    assert!(again.appended.is_empty() && again.conflicts.is_empty());
    assert_eq!(again.already_merged, vec![world.lines.len() as u64 + 1]);
    let second = shared.merge(text(&device_lines)).unwrap();
    let revisions = shared
        .commune()
        .meetings
        .get(&MeetingId::from("m-2025-03"))
        .unwrap()
        .revisions()
        .len();
    assert!(
        second.appended.is_empty(),
        "the second merge appended {} record(s) again; m-2025-03 now has {revisions} revisions",
        second.appended.len()
    );
}
