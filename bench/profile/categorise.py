#!/usr/bin/env python3
"""Sorts `perf script` samples of the load path into costs (docs/performance.md, "Profile").

    perf record -e cpu-clock -F 1000 --call-graph dwarf,16384 -o perf.data \
        target/release/throughput --communes 3 --rounds 40 --only load
    perf script -i perf.data -F comm,tid,time,ip,sym > perf.txt
    python3 bench/profile/categorise.py perf.txt [root-function]

Only samples under the root function (default `chibo::journal::Journal::load`) count. Each is
put in one phase (decode: UTF-8 / JSON / hash checks / SHA-256; chain; apply: the command's
operation; drop of the decoded record), and separately in one mechanism by its innermost frames
(allocator, memcpy, memcmp, clone, BTreeMap search, drop).
"""
import collections
import sys

OPS = [
    "assign_tasks", "record_meeting", "report_task", "close_reporting", "draft_meeting",
    "hold_preparatory_meeting", "send_notice", "publish_documents", "revise_draft",
    "open_inspection", "record_finding", "conclude_inspection", "report_remedy", "verify_remedy",
    "issue_directive", "add_member", "elect_cell_leadership", "assign_follower", "add_cell",
    "set_member_flag", "appoint_committee", "form_cluster", "establish",
]


def samples(path):
    block = []
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if block:
                    yield block
                block = []
            elif line.startswith("\t") or line.startswith(" "):
                parts = line.strip().split(" ", 1)
                block.append(parts[1] if len(parts) > 1 else parts[0])
    if block:
        yield block


def has(frames, *needles):
    return any(n in f for f in frames for n in needles)


# Functions that belong to one operation when the unwinder lost the frames above them.
OWNERS = [
    ("MeetingRecord::check", "record_meeting"), ("count_resolution", "record_meeting"),
    ("check_ballots", "record_meeting"), ("check_adoption", "record_meeting"),
    ("check_preparation", "record_meeting"), ("adopt", "record_meeting"),
    ("check_assignment", "assign_tasks"), ("Meeting<chibo::meeting::Adopted>>::assign",
                                           "assign_tasks"),
    ("check_closing", "close_reporting"), ("Task::report", "report_task"),
    ("Task>::report", "report_task"), ("on_draft", "draft steps (prepare/notice/documents)"),
    ("Meeting::draft", "draft_meeting"),
]
APPLY = ("Commune::run", "Commune::apply", "chibo::meeting::", "chibo::commune::",
         "chibo::organisation::", "chibo::task::", "chibo::inspection::", "meeting_ops",
         "official_count", "cell_members")


def phase(frames):
    if has(frames, "sha2::"):
        return "decode: SHA-256 of the body"
    if has(frames, "record::decode", "decode (inlined)"):
        if has(frames, "check_hash", "has_hash_suffix", "from_hex", "Digest"):
            return "decode: hash layout and hex"
        if has(frames, "from_utf8", "run_utf8_validation"):
            return "decode: UTF-8 validation"
        return "decode: JSON parse into Event"
    if has(frames, "chain::lines"):
        return "decode: splitting lines"
    if has(frames, *APPLY):
        for f in reversed(frames):  # from the root: the first operation below Commune::run
            for op in OPS:
                if op in f:
                    return "apply: " + op
        for f in frames:
            for needle, op in OWNERS:
                if needle in f:
                    return "apply: " + op
        return "apply: (operation not resolved)"
    if has(frames, "Chain"):
        return "chain"
    if has(frames, "drop_in_place"):
        return "drop of the decoded record"
    return "other (stack not resolved)"


def detail(frames, phase_name):
    """What an assign_tasks or record_meeting sample was doing, or None."""
    if phase_name == "apply: assign_tasks":
        if has(frames, "btree::map::Values<chibo::ids::TaskId", "check_assignment::{closure_env#2}") or (
            has(frames[:3], "memcmp") and has(frames[:3], "Iterator::try_fold")
        ):
            return "assign_tasks: scan of every task of the commune (carry-over check)"
        if has(frames, "to_vec", "Clone>::clone", "clone (inlined)"):
            return "assign_tasks: clones (plan.clone(), ids)"
        if has(frames, "BTreeMap<K,V,A>::insert", "insert<chibo::ids::TaskId", "extend<chibo::ids::TaskId",
               "Task::new", "Mut, chibo::ids::TaskId"):
            return "assign_tasks: building and inserting the tasks"
        if has(frames, "contains_key", "Immut, chibo::ids::TaskId"):
            return "assign_tasks: task id lookups"
        if has(frames, "check_owner"):
            return "assign_tasks: check_owner (member lookups)"
        return "assign_tasks: other"
    if phase_name == "apply: record_meeting":
        if has(frames, "check_ballots"):
            return "record_meeting: check_ballots (is_present scans)"
        if has(frames, "count_resolution"):
            return "record_meeting: count_resolution (attendance map, cell_members)"
        if has(frames, "MeetingRecord::check"):
            return "record_meeting: MeetingRecord::check (roll against the cell)"
        if has(frames, "to_vec", "Clone>::clone", "clone (inlined)"):
            return "record_meeting: record.clone()"
        return "record_meeting: other (transition, map remove/insert)"
    return None


def mechanism(frames):
    leaf = frames[0]
    if any(k in leaf for k in ("malloc", "free", "realloc", "tcache", "_int_", "cfree")):
        return "allocator (malloc/free)"
    if any(k in leaf for k in ("memcpy", "memmove")):
        return "memcpy"
    if any(k in leaf for k in ("memcmp", "bcmp")):
        return "memcmp (string compare)"
    if has(frames[:12], "sha2::"):
        return "SHA-256 compression"
    if has(frames[:12], "btree::search", "search_tree", "search_node"):
        return "BTreeMap search"
    if has(frames[:12], "drop_in_place"):
        return "drop"
    if has(frames[:12], "as core::clone::Clone>::clone", "clone (inlined)"):
        return "clone"
    if has(frames[:12], "serde_json"):
        return "serde_json scanning"
    return "other compute"


def main():
    path = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else "chibo::journal::Journal::load"
    phases, mechanisms = collections.Counter(), collections.Counter()
    details = collections.Counter()
    clones_in_apply = 0
    total = 0
    for frames in samples(path):
        if not has(frames, root):
            continue
        total += 1
        p = phase(frames)
        phases[p] += 1
        mechanisms[mechanism(frames)] += 1
        d = detail(frames, p)
        if d:
            details[d] += 1
        if p.startswith("apply") and has(frames, "as core::clone::Clone>::clone", "clone (inlined)"):
            clones_in_apply += 1
    print(f"{total} samples under {root}")
    print("by phase:")
    for name, n in phases.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    groups = collections.Counter()
    for name, n in phases.items():
        groups[name.split(":")[0]] += n
    print("phases grouped:")
    for name, n in groups.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("inside the two costliest operations:")
    for name, n in sorted(details.items()):
        print(f"  {100 * n / total:5.1f}%  {name}")
    print("by mechanism (innermost frames):")
    for name, n in mechanisms.most_common():
        print(f"  {100 * n / total:5.1f}%  {name}")
    print(f"clones anywhere under apply: {100 * clones_in_apply / max(total, 1):.1f}%")


if __name__ == "__main__":
    main()
