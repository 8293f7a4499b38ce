"""The same lifecycle workload three ways, side by side in one run, with the ratios:

1. through `chibo` from Python, one call per command (a dict, as a script holds it; and through
   the keyword method of each action), and the same dicts in one `execute_many`;
2. as the pure-Python model a user would otherwise write with the `transitions` library
   (bench/python/transitions_model.py: same states, the checks it can express, no journal);
3. the Rust core directly: the whole journal handed over once (`execute_many` of the commands as
   JSON text, so Rust parses, checks, encodes and hashes every command without Python in the
   loop), and `Commune.load` (parse, verify, replay).

Then the same commands with refusals mixed in (every 20th command of a meeting's or task's
lifecycle sent twice, as a script that retries does: both chibo and the model refuse the second
one): one call per command catching the refusals, one `execute_many` reporting every command's
outcome, and `execute_many(stop_on_refusal=True)` resubmitting the rest after each refusal (what
scripts had to do when a batch stopped at its first refusal).

Last, many communes alive in one process: the first commands of each of --alive communes, run one
commune at a time (each dropped before the next) and interleaved one command at a time across all
of them held at once; the cost per command should not depend on how many are alive.

The workload is the province-year: journals of the synthetic communes written by
`cargo run --release -p chibo-bench --bin province_year -- DIR --communes N` (run here when DIR
is missing), every command replayed into a new commune. Timings are the best of --rounds rounds,
the paths interleaved in each round so that the ratios hold on a noisy machine.

Steps of the binding's own cost, per command: the crossing (one call per command − the same dicts
in one `execute_many`), the dict → command conversion (`execute_many` of dicts − of JSON lines,
which Rust parses instead), the outcome's Python objects (reading `outcome.accepted` after
`execute_many`), and the smallest call (`len(commune)`).

    pip install -r bench/python/requirements.txt    # transitions (and chibo: pip install ./bindings-python)
    python bench/python/lifecycle.py --communes 3 --rounds 3
    python bench/python/lifecycle.py --smoke        # a few hundred commands, to check it runs
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import chibo

sys.path.insert(0, str(Path(__file__).resolve().parent))
from transitions_model import Refused, TransitionsCommune  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


#: Actions whose repetition both chibo and the model refuse (a step taken twice).
RETRIED = {"send_notice", "publish_documents", "record_meeting", "close_reporting", "assign_tasks"}


class Workload:
    """Journals, as text, as command dicts and as JSON command lines; and the same commands with
    retried steps mixed in."""

    def __init__(self, texts: List[str]) -> None:
        self.texts = texts
        self.commands: List[List[Dict[str, Any]]] = []
        self.lines: List[List[str]] = []
        self.mixed: List[List[Dict[str, Any]]] = []
        for text in texts:
            events = [json.loads(line)["event"] for line in text.splitlines() if line]
            self.commands.append(events)
            self.lines.append([json.dumps(event, ensure_ascii=False) for event in events])
            mixed: List[Dict[str, Any]] = []
            retried = 0
            for event in events:
                mixed.append(event)
                if next(iter(event["action"])) in RETRIED:
                    retried += 1
                    if retried % 20 == 0:
                        mixed.append(event)
            self.mixed.append(mixed)
        self.count = sum(len(c) for c in self.commands)
        self.mixed_count = sum(len(c) for c in self.mixed)


def load_workload(args: argparse.Namespace) -> Tuple[Workload, str]:
    if args.smoke:
        journal = ROOT / "target" / "nga_truong" / "journal.jsonl"
        text = "".join(journal.read_text("utf-8").splitlines(keepends=True)[:600])
        return Workload([text]), "smoke: the first 600 records of the Nga Trường journal"
    folder = Path(args.journals or ROOT / "target" / "bench-python" / f"province-{args.communes}")
    if not folder.is_dir():
        print(f"generating {args.communes} communes into {folder} (cargo, release)…", flush=True)
        subprocess.run(
            ["cargo", "run", "--quiet", "--release", "-p", "chibo-bench", "--bin", "province_year", "--",
             str(folder), "--communes", str(args.communes)],
            check=True, cwd=ROOT,
        )
    files = sorted(folder.glob("*.jsonl"))[: args.communes]
    if not files:
        raise SystemExit(f"no *.jsonl journals in {folder}")
    return Workload([f.read_text("utf-8") for f in files]), f"{len(files)} communes of the province-year in {folder}"


def transitions_model(w: Workload) -> None:
    for commands in w.commands:
        model = TransitionsCommune()
        for command in commands:
            model.execute(command)


def chibo_per_call(w: Workload) -> None:
    for commands in w.commands:
        commune = chibo.Commune()
        execute = commune.execute
        for command in commands:
            execute(command)


def chibo_methods(w: Workload) -> None:
    for commands in w.commands:
        commune = chibo.Commune()
        for command in commands:
            ((name, payload),) = command["action"].items()
            getattr(commune, name)(actor=command["actor"], at=command["at"], **payload)


def chibo_bulk_dicts(w: Workload) -> None:
    for commands in w.commands:
        chibo.Commune().execute_many(commands)


def chibo_bulk_objects(w: Workload) -> None:
    for commands in w.commands:
        chibo.Commune().execute_many(commands).accepted


def rust_core_json(w: Workload) -> None:
    for lines in w.lines:
        chibo.Commune().execute_many(lines)


def rust_core_load(w: Workload) -> None:
    for text in w.texts:
        chibo.Commune.load(text)


def transitions_mixed(w: Workload) -> None:
    for commands in w.mixed:
        model = TransitionsCommune()
        for command in commands:
            try:
                model.execute(command)
            except Refused:
                pass


def chibo_per_call_mixed(w: Workload) -> None:
    for commands in w.mixed:
        execute = chibo.Commune().execute
        for command in commands:
            try:
                execute(command)
            except chibo.ChiboError:
                pass


def chibo_bulk_mixed(w: Workload) -> None:
    for commands in w.mixed:
        chibo.Commune().execute_many(commands).refusals


def chibo_resubmit_mixed(w: Workload) -> None:
    for commands in w.mixed:
        commune = chibo.Commune()
        start = 0
        while start < len(commands):
            outcome = commune.execute_many(commands[start:], stop_on_refusal=True)
            start += len(outcome)


PATHS: List[Tuple[str, Callable[[Workload], None]]] = [
    ("transitions model (pure Python)", transitions_model),
    ("chibo, execute(dict) per command", chibo_per_call),
    ("chibo, keyword method per command", chibo_methods),
    ("chibo, execute_many(dicts), one call", chibo_bulk_dicts),
    ("chibo, execute_many + outcome.accepted read", chibo_bulk_objects),
    ("Rust core: execute_many(JSON lines)", rust_core_json),
    ("Rust core: Commune.load (parse+verify+apply)", rust_core_load),
]

MIXED: List[Tuple[str, Callable[[Workload], None]]] = [
    ("transitions model, refusals caught", transitions_mixed),
    ("chibo, execute(dict) per command, caught", chibo_per_call_mixed),
    ("chibo, execute_many, per-command outcomes", chibo_bulk_mixed),
    ("chibo, execute_many(stop), rest resubmitted", chibo_resubmit_mixed),
]


def check(w: Workload) -> None:
    """Both sides accept every command of the workload, and refuse the same retried ones (else
    the comparison would be unfair)."""
    refused = 0
    for commands in w.commands:
        model = TransitionsCommune()
        for command in commands:
            try:
                model.execute(command)
            except (Refused, KeyError):
                refused += 1
    if refused:
        raise SystemExit(f"the transitions model refused {refused} commands chibo accepts")
    for commands in w.commands:
        if not chibo.Commune().execute_many(commands).ok:
            raise SystemExit("chibo refused a command of its own journal")
    for commands in w.mixed:
        model = TransitionsCommune()
        by_model = set()
        for index, command in enumerate(commands):
            try:
                model.execute(command)
            except Refused:
                by_model.add(index)
        by_chibo = {r.index for r in chibo.Commune().execute_many(commands).refusals}
        if by_model != by_chibo:
            raise SystemExit(f"chibo and the model refuse different retried commands: "
                             f"{sorted(by_chibo ^ by_model)[:5]}")


def measure(w: Workload, rounds: int) -> Dict[str, float]:
    best = {name: float("inf") for name, _ in PATHS + MIXED}
    for _ in range(rounds):
        for name, run in PATHS + MIXED:
            gc.collect()
            started = time.perf_counter()
            run(w)
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def smallest_call_ns() -> float:
    commune = chibo.Commune()
    number = 200_000
    return min(timeit.repeat(lambda: len(commune), number=number, repeat=5)) / number * 1e9


def alive(w: Workload, communes: int, prefix: int, rounds: int) -> Tuple[float, float, int]:
    """µs per command with one commune alive at a time, and with `communes` held and their
    commands interleaved; the same commands both ways (commune k replays journal k mod N)."""
    streams = [w.commands[k % len(w.commands)][:prefix] for k in range(communes)]
    count = sum(len(s) for s in streams)

    def one_at_a_time() -> None:
        for stream in streams:
            execute = chibo.Commune().execute
            for command in stream:
                execute(command)

    def interleaved() -> None:
        held = [chibo.Commune() for _ in streams]
        executes = [c.execute for c in held]
        for step in range(max(len(s) for s in streams)):
            for execute, stream in zip(executes, streams):
                if step < len(stream):
                    execute(stream[step])

    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for k, run in enumerate((one_at_a_time, interleaved)):
            gc.collect()
            started = time.perf_counter()
            run()
            best[k] = min(best[k], time.perf_counter() - started)
    return best[0] / count * 1e6, best[1] / count * 1e6, count


def table(title: str, paths: List[Tuple[str, Callable[[Workload], None]]], best: Dict[str, float],
          count: int) -> None:
    base = best[paths[0][0]]
    print(f"\n{title}: {count} commands")
    print(f"{'path':<46} {'total s':>9} {'µs/command':>11} {'× transitions':>14}")
    for name, _ in paths:
        seconds = best[name]
        print(f"{name:<46} {seconds:9.3f} {seconds / count * 1e6:11.2f} {base / seconds:14.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=3)
    parser.add_argument("--journals", help="folder of *.jsonl journals (default target/bench-python/province-N)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--alive", type=int, default=50, help="communes held at once in the last part")
    parser.add_argument("--alive-commands", type=int, default=1500, help="commands of each of them")
    parser.add_argument("--smoke", action="store_true", help="a few hundred commands, one round")
    args = parser.parse_args()
    w, described = load_workload(args)
    rounds = 1 if args.smoke else args.rounds
    if args.smoke:
        args.alive, args.alive_commands = 5, 100
    check(w)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"workload: {described}: {w.count} commands ({w.mixed_count} with the retried steps)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"chibo {chibo.__version__}; best of {rounds} rounds, paths interleaved; load average {load:.2f}")
    best = measure(w, rounds)
    table("every command accepted", PATHS, best, w.count)
    table("retried steps mixed in (both sides refuse them)", MIXED, best, w.mixed_count)
    per = {name: best[name] / w.count for name, _ in PATHS}
    crossing = per["chibo, execute(dict) per command"] - per["chibo, execute_many(dicts), one call"]
    conversion = per["chibo, execute_many(dicts), one call"] - per["Rust core: execute_many(JSON lines)"]
    objects = per["chibo, execute_many + outcome.accepted read"] - per["chibo, execute_many(dicts), one call"]
    print("\nthe binding's own steps, per command:")
    print(f"  crossing (per call − one execute_many): {crossing * 1e6:.2f} µs")
    print(f"  dict → command (execute_many of dicts − of JSON lines Rust parses): {conversion * 1e6:.2f} µs")
    print(f"  outcome objects (Accepted(index, seq, line) built when read): {objects * 1e6:.2f} µs")
    print(f"  smallest call into chibo (len(commune)): {smallest_call_ns():.0f} ns")
    one, many, count = alive(w, args.alive, args.alive_commands, rounds)
    print(f"\nmany communes alive ({count} commands, the first {args.alive_commands} of each of {args.alive}):")
    print(f"  one commune alive at a time: {one:.2f} µs/command; {args.alive} alive, interleaved: "
          f"{many:.2f} µs/command ({many / one:.2f}×)")
    base = best[PATHS[0][0]]
    per_call = base / best["chibo, execute(dict) per command"]
    batch = base / best["chibo, execute_many(dicts), one call"]
    mixed = best[MIXED[0][0]] / best["chibo, execute_many, per-command outcomes"]
    slower = best["chibo, execute_many, per-command outcomes"] > best["chibo, execute(dict) per command, caught"]
    print(f"\ntargets: per call ≥ 30× transitions: {per_call:.1f}× {'met' if per_call >= 30 else 'NOT met'}; "
          f"execute_many ≥ 40×: {batch:.1f}× {'met' if batch >= 40 else 'NOT met'} "
          f"(with refusals {mixed:.1f}×); crossing < 1 µs: {'met' if crossing < 1e-6 else 'NOT met'}; "
          f"batch with refusals no slower than single calls: {'NOT met' if slower else 'met'}")


if __name__ == "__main__":
    main()
