"""The same lifecycle workload three ways, side by side in one run, with the ratios:

1. through `chibo` from Python, one call per command (a dict, as a script holds it; and through
   the keyword method of each action);
2. as the pure-Python model a user would otherwise write with the `transitions` library
   (bench/python/transitions_model.py: same states, the checks it can express, no journal);
3. the Rust core directly: the whole journal handed over once (`execute_many` of the commands as
   JSON text, so Rust parses, checks, encodes and hashes every command without Python in the
   loop), and `Commune.load` (parse, verify, replay).

The workload is the province-year: journals of the synthetic communes written by
`cargo run --release -p chibo-bench --bin province_year -- DIR --communes N` (run here when DIR
is missing), every command replayed into a new commune. Timings are the best of --rounds rounds,
the paths interleaved in each round so that the ratios hold on a noisy machine.

Per-call overhead: what crossing into the core costs per command, measured as (one call per
command) − (the same dicts in one `execute_many`) divided by the commands, and the cost of the
smallest call (`len(commune)`).

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


class Workload:
    """Journals, as text, as command dicts and as JSON command lines."""

    def __init__(self, texts: List[str]) -> None:
        self.texts = texts
        self.commands: List[List[Dict[str, Any]]] = []
        self.lines: List[List[str]] = []
        for text in texts:
            events = [json.loads(line)["event"] for line in text.splitlines() if line]
            self.commands.append(events)
            self.lines.append([json.dumps(event, ensure_ascii=False) for event in events])
        self.count = sum(len(c) for c in self.commands)


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


def rust_core_json(w: Workload) -> None:
    for lines in w.lines:
        chibo.Commune().execute_many(lines)


def rust_core_load(w: Workload) -> None:
    for text in w.texts:
        chibo.Commune.load(text)


PATHS: List[Tuple[str, Callable[[Workload], None]]] = [
    ("transitions model (pure Python)", transitions_model),
    ("chibo, execute(dict) per command", chibo_per_call),
    ("chibo, keyword method per command", chibo_methods),
    ("chibo, execute_many(dicts), one call", chibo_bulk_dicts),
    ("Rust core: execute_many(JSON lines)", rust_core_json),
    ("Rust core: Commune.load (parse+verify+apply)", rust_core_load),
]


def check(w: Workload) -> None:
    """Both sides accept every command of the workload (else the comparison would be unfair)."""
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
        chibo.Commune().execute_many(commands)


def measure(w: Workload, rounds: int) -> Dict[str, float]:
    best = {name: float("inf") for name, _ in PATHS}
    for _ in range(rounds):
        for name, run in PATHS:
            gc.collect()
            started = time.perf_counter()
            run(w)
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def smallest_call_ns() -> float:
    commune = chibo.Commune()
    number = 200_000
    return min(timeit.repeat(lambda: len(commune), number=number, repeat=5)) / number * 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=3)
    parser.add_argument("--journals", help="folder of *.jsonl journals (default target/bench-python/province-N)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="a few hundred commands, one round")
    args = parser.parse_args()
    w, described = load_workload(args)
    rounds = 1 if args.smoke else args.rounds
    check(w)
    print(f"workload: {described}: {w.count} commands")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"chibo {chibo.__version__}; best of {rounds} rounds, paths interleaved")
    best = measure(w, rounds)
    base = best[PATHS[0][0]]
    print(f"\n{'path':<46} {'total s':>9} {'µs/command':>11} {'× transitions':>14}")
    for name, _ in PATHS:
        seconds = best[name]
        print(f"{name:<46} {seconds:9.3f} {seconds / w.count * 1e6:11.2f} {base / seconds:14.1f}")
    crossing = (best["chibo, execute(dict) per command"] - best["chibo, execute_many(dicts), one call"]) / w.count
    conversion = (best["chibo, execute_many(dicts), one call"] - best["Rust core: execute_many(JSON lines)"]) / w.count
    print(f"\nper-call overhead of a command (per call − one execute_many, per command): {crossing * 1e6:.2f} µs")
    print(f"dict → core value conversion (execute_many(dicts) − execute_many(JSON lines)): {conversion * 1e6:.2f} µs")
    print(f"smallest call into chibo (len(commune)): {smallest_call_ns():.0f} ns")
    per_call_ratio = base / best["chibo, execute(dict) per command"]
    print(f"\ntarget chibo ≥ 50× transitions (per-call path): {per_call_ratio:.1f}× "
          f"{'met' if per_call_ratio >= 50 else 'NOT met'}; "
          f"per-call overhead < 2 µs: {'met' if crossing < 2e-6 else 'NOT met'}")


if __name__ == "__main__":
    main()
