"""Roll-up of a province's journals into province tables (`chibo.rollup.rollup`), three ways side
by side in one run, with the scaling ratios:

1. one process (each journal read, verified, replayed and tabulated in turn);
2. a pool of two local processes (`processes=2`);
3. a Dask `LocalCluster` of two worker processes (one thread each): each commune one task, the
   Arrow tables concatenated on a worker; the cluster's start-up is timed apart.

The workload is the province-year written by
`cargo run --release -p chibo-bench --bin province_year -- DIR --communes N` (run here when DIR
is missing). Figures: events/s (records of all journals read ÷ wall time), seconds per commune,
and each way's speed-up over one process; the three results are checked equal. Not a test: the
figures go to docs/performance.md with the command and the machine's load.

    python bench/python/rollup.py --communes 150          # target/province-150
    python bench/python/rollup.py --smoke                 # 3 communes, to check it runs
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

from chibo.rollup import rollup

ROOT = Path(__file__).resolve().parents[2]


def province(folder: Path, communes: int) -> Path:
    """The generated province in `folder`, written first when missing."""
    if not (folder / f"xa-{communes:03d}.jsonl").exists():
        subprocess.run(
            ["cargo", "run", "--quiet", "--release", "-p", "chibo-bench", "--bin", "province_year", "--",
             str(folder), "--communes", str(communes)],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )
    return folder


def timed(run: Callable[[], Any]) -> Tuple[float, Any]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def rows(tables: Dict[str, Any]) -> Dict[str, Any]:
    return {name: table.to_pylist() for name, table in tables.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--dir", type=Path, help="the province's folder (default target/province-N)")
    parser.add_argument("--period", default="2025")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="3 communes, no Dask: check that it runs")
    args = parser.parse_args()
    communes = 3 if args.smoke else args.communes
    if args.smoke:
        args.rounds = 1
    folder = province(args.dir or ROOT / "target" / f"province-{communes}", communes)
    paths = sorted(folder.glob("xa-*.jsonl"))[:communes]
    print(f"machine: {platform.machine()}, {os.cpu_count()} logical CPUs, Python {platform.python_version()}, "
          f"load average before {os.getloadavg()[0]:.2f}")
    print(f"workload: {len(paths)} journals in {folder}, period {args.period}, tables dashboard + alerts")

    ways: Dict[str, Callable[[], Any]] = {
        "1 process": lambda: rollup(paths, args.period),
        "2 local processes": lambda: rollup(paths, args.period, processes=2),
    }
    startup, cluster, client = 0.0, None, None
    if not args.smoke:
        from distributed import Client, LocalCluster

        start = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        startup = time.perf_counter() - start
        ways["Dask LocalCluster (2 workers)"] = lambda: rollup(paths, args.period, dask=client)
    best: Dict[str, float] = {}
    results: Dict[str, Any] = {}
    cpu = float("inf")
    try:
        for _ in range(args.rounds):  # the ways interleaved in each round; the best of each kept
            for name, way in ways.items():
                before = time.process_time()
                seconds, results[name] = timed(way)
                if name == "1 process":
                    cpu = min(cpu, time.process_time() - before)
                best[name] = min(best.get(name, float("inf")), seconds)
    finally:
        if client is not None:
            client.close()
            cluster.close()
    one_time, one = best["1 process"], results["1 process"]
    events = sum(one["journals"].column("events").to_pylist())
    expected = rows(one)
    for name, tables in results.items():
        if rows(tables) != expected:
            sys.exit(f"{name}: the result differs from one process's")
    print(f"events: {events:,} ({events / len(paths):,.0f} a commune); results equal in every way")
    print(f"best of {args.rounds} rounds")
    print(f"{'way':34} {'seconds':>8} {'events/s':>10} {'s/commune':>10} {'speed-up':>9}")
    for name, seconds in best.items():
        print(f"{name:34} {seconds:8.2f} {events / seconds:10,.0f} {seconds / len(paths):10.3f} {one_time / seconds:9.2f}")
    print(f"CPU time of one process: {cpu:.2f} s, {cpu / len(paths):.3f} s a commune")
    if startup:
        print(f"(Dask LocalCluster start-up, not counted above: {startup:.2f} s)")
    print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
