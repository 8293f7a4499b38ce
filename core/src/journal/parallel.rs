//! Loading on several cores: every line's decoding (JSON parse, SHA-256 of its body, the check
//! of its own hash) depends on that line alone, so helper threads decode batches of lines ahead
//! while the calling thread checks the chain and replays the events, in order, exactly as
//! [`Journal::load`] does. The outcome (the journal, or the first failure and the line it names)
//! is the same for any number of threads.
//!
//! ```text
//!   helpers:  decode batch k+1 │ decode batch k+2 │ …      (any order, at most LOOKAHEAD ahead)
//!   caller:   chain + apply batch k ──▶ batch k+1 ──▶ …    (in order)
//! ```
//!
//! A signed record's Ed25519 check costs many times the rest of its decoding, and also depends on
//! the line alone once its key is known. So the helpers check it too, against the key the
//! journal's own `register_key` / `rotate_key` lines suggest for its actor at its date (a quick
//! pass over the text finds them), and hand on which key it verified under. The replay trusts that
//! only when the key the commune really gives the actor at that date (after every rule of the
//! registry) is that same key, and checks the signature itself otherwise: a wrong suggestion costs
//! time, never correctness. With signed records in the journal the caller, which then mostly
//! waits, leaves all `threads` to helpers.
//!
//! Threads are computation, not input or output: nothing here reads a clock, a file or a random
//! source. On targets without threads (wasm32) the load is sequential.

use super::record::{decode, Record};
use super::signature::PublicKey;
use super::{check_form, lines, Journal};
use crate::command::Action;
use crate::error::Error;
use crate::ids::MemberId;
use crate::time::Timestamp;
use std::collections::HashMap;
use std::num::NonZeroUsize;

/// Lines decoded as one unit of work: large enough that handing a batch over costs little per
/// line, small enough that a failure early in a journal stops the work soon.
const BATCH_LINES: usize = 256;

/// How many batches the helpers may decode ahead of the replay: bounds the decoded records held
/// at once (a few thousand events), whatever the journal's length.
const LOOKAHEAD: usize = 16;

/// A batch's records (or why each failed to decode), with their line numbers and, for a signed
/// record, the key its signature was found to verify under.
type Decoded = Vec<(u64, Result<Record, Error>, Option<PublicKey>)>;

/// The keys the journal's lines register for each member, with the date of each, in journal
/// order: suggestions for the helpers, never trusted by the replay.
#[derive(Debug, Default)]
struct Suggested(HashMap<MemberId, Vec<(Timestamp, PublicKey)>>);

impl Suggested {
    /// Finds the `register_key` and `rotate_key` lines (a byte search, then a decode of those).
    fn find(all: &[(u64, &[u8])]) -> Self {
        let mut keys = Self::default();
        for &(n, line) in all {
            let named = |name: &[u8]| memchr::memmem::find(line, name).is_some();
            if !named(b"\"register_key\"") && !named(b"\"rotate_key\"") {
                continue;
            }
            let Ok(record) = decode(n, line) else {
                continue;
            };
            let command = record.event.0;
            let (member, key) = match command.action {
                Action::RegisterKey(c) => (c.member, c.key),
                Action::RotateKey(c) => (command.actor, c.key),
                _ => continue,
            };
            keys.0.entry(member).or_default().push((command.at, key));
        }
        keys
    }

    /// The key `record`'s signature verifies under, if the suggested one for its actor at its
    /// date does.
    fn verify(&self, record: &Record) -> Option<PublicKey> {
        let sig = record.sig.as_ref()?;
        let command = &record.event.0;
        let (_, key) = self
            .0
            .get(&command.actor)?
            .iter()
            .rev()
            .find(|(from, _)| *from <= command.at)?;
        let json = serde_json::to_vec(&record.event).ok()?;
        key.verifies_event(&json, sig).then_some(*key)
    }
}

impl Journal {
    /// [`Journal::load`], with the lines decoded on up to `threads` threads (the caller's
    /// included): same result, same first failure, faster on a machine with cores to spare.
    /// `threads` of 1, or a target without threads, loads on the calling thread alone.
    pub fn load_on(text: impl AsRef<[u8]>, threads: NonZeroUsize) -> Result<Self, Error> {
        Self::load_batched(text.as_ref(), threads, BATCH_LINES)
    }

    fn load_batched(text: &[u8], threads: NonZeroUsize, batch_lines: usize) -> Result<Self, Error> {
        if threads.get() < 2 || cfg!(target_family = "wasm") {
            return Self::load(text);
        }
        check_form(text)?;
        let all: Vec<(u64, &[u8])> = lines(text).collect();
        let signed = memchr::memmem::find(text, b",\"sig\":\"").is_some();
        let (helpers, suggested) = if signed {
            (threads.get(), Suggested::find(&all))
        } else {
            (threads.get() - 1, Suggested::default())
        };
        let batches: Vec<&[(u64, &[u8])]> = all.chunks(batch_lines.max(1)).collect();
        let board = Board::new(batches.len());
        let mut journal = Self::new();
        std::thread::scope(|scope| {
            for _ in 0..helpers {
                scope.spawn(|| board.decode_all(&batches, &suggested));
            }
            let replayed = board.replay(&mut journal, &batches, &suggested);
            board.stop();
            replayed
        })?;
        journal.shrink_to_fit();
        Ok(journal)
    }

    /// Checks a decoded record against the chain and replays it, as [`Journal::push_line`];
    /// `verified` is the key a helper found its signature to verify under.
    fn push_decoded(
        &mut self,
        line_no: u64,
        decoded: Result<Record, Error>,
        verified: Option<PublicKey>,
    ) -> Result<(), Error> {
        let record = decoded?;
        let mut chain = super::Chain::after(self.head());
        chain.accept(line_no, record.seq, record.prev, record.hash)?;
        self.push_record(line_no, record, verified.as_ref())
    }
}

/// What the helpers and the replaying thread share: the batches decoded and not yet replayed.
struct Board {
    state: std::sync::Mutex<State>,
    changed: std::sync::Condvar,
}

struct State {
    /// The next batch a helper may take.
    next: usize,
    /// The next batch the replay needs.
    replaying: usize,
    /// Decoded batches waiting for the replay, by index.
    ready: Vec<Option<Decoded>>,
    /// Set when the replay ends (done, or stopped at a failure): helpers leave.
    stopped: bool,
}

impl State {
    /// The next batch to decode, if one is left within the lookahead: taken.
    fn take_next(&mut self) -> Option<usize> {
        let within =
            self.next < self.ready.len() && self.next < self.replaying.saturating_add(LOOKAHEAD);
        within.then(|| {
            self.next += 1;
            self.next - 1
        })
    }
}

impl Board {
    fn new(batches: usize) -> Self {
        Self {
            state: std::sync::Mutex::new(State {
                next: 0,
                replaying: 0,
                ready: (0..batches).map(|_| None).collect(),
                stopped: false,
            }),
            changed: std::sync::Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A helper that panicked cannot leave the state half-changed (every change is one
        // assignment), so a poisoned lock is still sound to use.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn wait<'a>(
        &self,
        guard: std::sync::MutexGuard<'a, State>,
    ) -> std::sync::MutexGuard<'a, State> {
        self.changed
            .wait(guard)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A helper's loop: takes the next batch within the lookahead, decodes it, posts it.
    fn decode_all(&self, batches: &[&[(u64, &[u8])]], suggested: &Suggested) {
        loop {
            let index = {
                let mut state = self.lock();
                loop {
                    if state.stopped || state.next >= batches.len() {
                        return;
                    }
                    if let Some(index) = state.take_next() {
                        break index;
                    }
                    state = self.wait(state);
                }
            };
            self.decode_and_post(batches, index, suggested);
        }
    }

    /// Decodes batch `index` (each line parsed and hashed, its signature checked against the
    /// suggested key) and posts it for the replay.
    fn decode_and_post(&self, batches: &[&[(u64, &[u8])]], index: usize, suggested: &Suggested) {
        let decoded: Decoded = batches
            .get(index)
            .map(|batch| {
                batch
                    .iter()
                    .map(|&(n, line)| {
                        let record = decode(n, line);
                        let verified = record.as_ref().ok().and_then(|r| suggested.verify(r));
                        (n, record, verified)
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(slot) = self.lock().ready.get_mut(index) {
            *slot = Some(decoded);
        }
        self.changed.notify_all();
    }

    /// The replaying thread's loop: each batch in order, each record chained and applied. When
    /// the batch it needs is not decoded yet, it decodes the next one nobody has taken rather
    /// than wait (applying may be faster than decoding: then the work is shared).
    fn replay(
        &self,
        journal: &mut Journal,
        batches: &[&[(u64, &[u8])]],
        suggested: &Suggested,
    ) -> Result<(), Error> {
        for index in 0..batches.len() {
            let decoded = loop {
                let mut state = self.lock();
                if let Some(decoded) = state.ready.get_mut(index).and_then(Option::take) {
                    state.replaying = index + 1;
                    break decoded;
                }
                match state.take_next() {
                    Some(other) => {
                        drop(state);
                        self.decode_and_post(batches, other, suggested);
                    }
                    None => drop(self.wait(state)),
                }
            };
            self.changed.notify_all();
            for (line_no, record, verified) in decoded {
                journal.push_decoded(line_no, record, verified)?;
            }
        }
        Ok(())
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
    use super::*;
    use crate::error::JournalError;

    /// Loads `text` sequentially and on 2 to 4 threads in batches of 1 to 9 lines: the same
    /// journal, or the same failure.
    fn same_as_sequential(text: &[u8]) {
        let expected = Journal::load(text);
        for threads in 2..=4 {
            for batch in [1, 2, 7, 9] {
                let threads = NonZeroUsize::new(threads).unwrap();
                let got = Journal::load_batched(text, threads, batch);
                assert_eq!(got, expected, "{threads} threads, batches of {batch}");
            }
        }
    }

    #[test]
    fn any_number_of_threads_loads_the_same_journal_or_fails_at_the_same_line() {
        let text = include_bytes!("../../../tests/journal/v1.jsonl");
        same_as_sequential(text);
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        let join = |lines: &[&[u8]]| lines.join(&b'\n');
        // A byte flipped in every line in turn (a broken hash, JSON or chain), a record dropped
        // and two swapped (a broken sequence), an event refused on replay (a valid line moved).
        for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
            let mut flipped = lines.clone();
            let mut changed = line.to_vec();
            changed[line.len() / 2] ^= 1;
            flipped[i] = &changed;
            same_as_sequential(&join(&flipped));
            let mut dropped = lines.clone();
            dropped.remove(i);
            same_as_sequential(&join(&dropped));
        }
        let mut swapped = lines.clone();
        swapped.swap(20, 21);
        same_as_sequential(&join(&swapped));
    }

    fn commands(setup: &str) -> Vec<crate::Command> {
        let value: serde_json::Value = serde_json::from_str(setup).unwrap();
        serde_json::from_value(value["steps"].clone()).unwrap()
    }

    /// The Nga Trường setup, keys for the registrar and the xom-1 secretary, signatures required
    /// from 2025-02-25, the March meeting prepared with signed records; and the secretary's key
    /// replaced by a second one before the last record.
    fn signed_lines() -> Vec<String> {
        use crate::journal::{sign_command, sign_key_proof};
        let (registrar, secretary, second) = ([0x22; 32], [0x11; 32], [0x33; 32]);
        let mut journal = Journal::new();
        let mut lines = Vec::new();
        let mut run =
            |journal: &mut Journal, command: serde_json::Value, secret: Option<&[u8; 32]>| {
                let command: crate::Command = serde_json::from_value(command).unwrap();
                let encoded = match secret {
                    Some(secret) => {
                        journal.execute_signed(&command, &sign_command(secret, &command).unwrap())
                    }
                    None => journal.execute(&command),
                };
                lines.push(encoded.unwrap().line);
            };
        for c in commands(include_str!("../../../tests/scenarios/setup/commune.json")) {
            run(&mut journal, serde_json::to_value(c).unwrap(), None);
        }
        for (member, secret) in [("vp", &registrar), ("x1-bt", &secretary)] {
            let member = MemberId::from(member);
            run(
                &mut journal,
                serde_json::json!({"actor": "vp", "at": "2025-02-20T08:00:00+07:00",
                "action": {"register_key": {"member": member, "key": PublicKey::of_secret(secret),
                "proof": sign_key_proof(secret, &member)}}}),
                None,
            );
        }
        run(
            &mut journal,
            serde_json::json!({"actor": "vp", "at": "2025-02-21T08:00:00+07:00",
            "action": {"amend_rules": {"from": "2025-02-25", "overrides": {"signatures_required": {
            "value": true, "source": {"document": "Nghị quyết của Đảng ủy xã", "date": "2025-02-21",
            "provision": "R-33", "verified": true}}}}}}),
            Some(&registrar),
        );
        let ready = commands(include_str!(
            "../../../tests/scenarios/setup/march_ready.json"
        ));
        let (last, first) = ready.split_last().unwrap();
        for c in first {
            run(
                &mut journal,
                serde_json::to_value(c).unwrap(),
                Some(&secretary),
            );
        }
        let member = MemberId::from("x1-bt");
        run(
            &mut journal,
            serde_json::json!({"actor": "x1-bt", "at": "2025-03-01T08:00:00+07:00",
            "action": {"rotate_key": {"key": PublicKey::of_secret(&second),
            "proof": sign_key_proof(&second, &member)}}}),
            Some(&secretary),
        );
        run(
            &mut journal,
            serde_json::to_value(last).unwrap(),
            Some(&second),
        );
        lines
    }

    /// `lines` decoded and written again in order, each record first given to `change` with its
    /// index, the hashes and the chain remade: only what `change` did is wrong.
    fn rechained(
        lines: &[impl AsRef<str>],
        mut change: impl FnMut(usize, &mut Record),
    ) -> Vec<String> {
        let mut journal = Journal::new();
        let mut forged = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let mut record = decode(i as u64 + 1, line.as_ref().as_bytes()).unwrap();
            change(i, &mut record);
            let head = journal.head();
            let encoded = crate::journal::encode_signed(
                head.seq + 1,
                &head.hash,
                &record.event,
                None,
                record.sig.as_ref(),
            )
            .unwrap();
            forged.push(encoded.line);
            journal.hashes.push(encoded.hash);
        }
        forged
    }

    /// A signed journal, and the same with a signature made by the wrong key (the line's hash
    /// and the chain after it remade, so only the signature is wrong): on any number of threads,
    /// the same journal or the same failure, whatever key a helper suggests.
    #[test]
    fn signed_journals_load_the_same_on_any_number_of_threads() {
        let lines = signed_lines();
        let text = lines.join("\n");
        same_as_sequential(text.as_bytes());
        let loaded = Journal::load(&text).unwrap();
        assert!(loaded.signing().signed >= 5);
        for wrong in [[0x11; 32], [0x33; 32], [0x44; 32]] {
            for at in (0..lines.len()).filter(|&i| lines[i].contains(",\"sig\":\"")) {
                let forged = rechained(&lines, |i, record| {
                    if i == at {
                        record.sig =
                            Some(crate::journal::sign_command(&wrong, &record.event.0).unwrap());
                    }
                });
                same_as_sequential(forged.join("\n").as_bytes());
            }
        }
    }

    /// A line whose command names an ill-formed id, its hash and the chain after it remade: on
    /// any number of threads, the same line refused with the same `input.invalid_id`.
    #[test]
    fn an_ill_formed_id_is_refused_at_the_same_line_on_any_number_of_threads() {
        let text = std::str::from_utf8(include_bytes!("../../../tests/journal/v1.jsonl")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for at in [0, 5, lines.len() - 1] {
            let forged = rechained(&lines, |i, record| {
                if i == at {
                    record.event.0.actor = MemberId::new("v p");
                }
            });
            let text = forged.join("\n");
            same_as_sequential(text.as_bytes());
            match Journal::load(&text).unwrap_err() {
                Error::Journal(JournalError::Refused { line, refusal }) => {
                    assert_eq!(line, at as u64 + 1);
                    assert_eq!(refusal.code(), "input.invalid_id");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
