"""Roll-ups over generated commune journals (the benchmark's province generator, 20 communes):
the Dask LocalCluster (two worker processes) gives exactly the single-process result, as does a
pool of two local processes; a damaged journal and a journal not matching its seal are reported
by name and do not stop the others; the `chibo rollup` command writes the tables."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

import chibo
from chibo.rollup import rollup, rollup_schema

from conftest import ROOT

pa = pytest.importorskip("pyarrow")
PROVINCE = Path(os.environ.get("CHIBO_PROVINCE_20", ROOT / "target" / "province-20"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 20 generated journals, a damaged copy of one and a seals file (one seal wrong)."""
    journals = sorted(PROVINCE.glob("*.jsonl"))
    if len(journals) < 20:
        if os.environ.get("CHIBO_REQUIRE_NGA_TRUONG"):
            pytest.fail(f"{PROVINCE} has {len(journals)} journals: scripts/test-python generates 20")
        pytest.skip(f"{PROVINCE} has no generated province (scripts/test-python makes it)")
    here = tmp_path_factory.mktemp("province")
    for path in journals:
        os.symlink(path, here / path.name)
    lines = journals[0].read_text("utf-8").splitlines(keepends=True)
    lines[100] = lines[100].replace('"actor":"', '"actor":"x', 1)
    (here / "xa-damaged.jsonl").write_text("".join(lines), "utf-8")
    seals = [f"{p.name} {' '.join(map(str, chibo.verify(p.read_bytes())))}" for p in journals[:3]]
    seals[1] = seals[1].rsplit(" ", 1)[0] + " " + "0" * 64
    (here.parent / "seals.txt").write_text("# name seq hash\n" + "\n".join(seals) + "\n", "utf-8")
    return here


def rows(tables: Dict[str, "pa.Table"]) -> Dict[str, List[Dict[str, object]]]:
    return {name: t.to_pylist() for name, t in tables.items()}


def test_local_processes_and_dask_give_the_single_process_result(folder: Path) -> None:
    pytest.importorskip("distributed")
    seals = chibo.rollup.read_seals(folder.parent / "seals.txt")
    seen: List[str] = []
    one = rollup(folder, "2025", seals=seals, progress=lambda done, total, name: seen.append(name))
    assert len(seen) == 21 and seen[-1] == "xa-damaged.jsonl"
    journals = one["journals"].to_pylist()
    assert len(journals) == 21 and sum(j["ok"] for j in journals) == 19
    bad = {j["journal"]: j for j in journals if not j["ok"]}
    assert set(bad) == {"xa-002.jsonl", "xa-damaged.jsonl"}
    assert bad["xa-002.jsonl"]["error_code"] == "journal.head_mismatch" and bad["xa-002.jsonl"]["sealed"]
    assert bad["xa-damaged.jsonl"]["error_code"].startswith("journal.")
    assert one["dashboard"].schema.equals(rollup_schema("dashboard"), check_metadata=True)
    assert len(set(one["dashboard"].column("commune").to_pylist())) == 19
    assert one["dashboard"].num_rows > 19 * 12 and one["alerts"].num_rows > 0
    two = rollup(folder, "2025", seals=seals, processes=2)
    on_dask = rollup(folder, "2025", seals=seals, dask="local")
    from distributed import LocalCluster

    # A cluster reached by its scheduler's address, as a real one is (`dask="tcp://…"`).
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        by_address = rollup(folder, "2025", seals=seals, dask=cluster.scheduler_address)
    for other in (two, on_dask, by_address):
        assert rows(other) == rows(one)
        for name in one:
            assert other[name].equals(one[name]) and other[name].schema.equals(one[name].schema, check_metadata=True)


def test_a_month_on_a_list_of_journals(folder: Path) -> None:
    paths = sorted(folder.glob("xa-0*.jsonl"))[:4]
    month = rollup(paths, "03/2025", tables=("dashboard", "meetings"))
    assert month["journals"].column("journal").to_pylist() == [p.name for p in paths]
    assert set(month["dashboard"].column("month").to_pylist()) == {"2025-03"}
    with pytest.raises(KeyError, match="the tables are"):
        rollup(paths, "03/2025", tables=("dashbord",))


def test_the_rollup_command(folder: Path, tmp_path: Path) -> None:
    script = shutil.which("chibo", path=os.path.dirname(sys.executable))
    assert script
    out = tmp_path / "tong-hop"
    done = subprocess.run(
        [script, "rollup", str(folder), "--period", "Q1/2025", "--format", "parquet", "--out", str(out), "--processes", "2"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 1, done.stderr  # one journal damaged: reported, the others written
    assert "xa-damaged.jsonl" in done.stdout and "[21/21]" in done.stderr
    import pyarrow.parquet as pq

    journals = pq.read_table(out / "journals.parquet")
    assert journals.num_rows == 21 and sum(journals.column("ok").to_pylist()) == 20
    assert set(pq.read_table(out / "dashboard.parquet").column("month").to_pylist()) == {"2025-01", "2025-02", "2025-03"}
