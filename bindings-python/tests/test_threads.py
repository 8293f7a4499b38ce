"""Threads: bulk work runs without the GIL, and one commune shared between threads stays whole."""

from __future__ import annotations

import threading
import time
from typing import List

import chibo


def test_loading_a_journal_releases_the_gil(nga_truong_text: str) -> None:
    """While another thread loads the Nga Trường year (a long call into the core), this thread
    keeps running Python. With the GIL held, it could not run at all until the call returned."""
    started = threading.Event()
    done = threading.Event()
    elapsed: List[float] = []

    def load() -> None:
        started.set()
        t0 = time.perf_counter()
        chibo.Commune.load(nga_truong_text)
        elapsed.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=load)
    worker.start()
    started.wait()
    ticks = 0
    while not done.is_set():
        ticks += 1
    worker.join()
    # A loop iteration takes well under a microsecond; with the GIL held for the load, the
    # loop would get at most a few switch intervals (5 ms) of turns before and after the call.
    assert elapsed[0] > 0.02
    assert ticks > 10_000, (ticks, elapsed)


def test_one_commune_shared_by_threads(march_assigned: chibo.Commune) -> None:
    errors: List[BaseException] = []

    def issue(prefix: str) -> None:
        try:
            for i in range(50):
                march_assigned.issue_directive(
                    actor="dy-bt", at="2025-04-20T08:00:00+07:00", directive=f"{prefix}-{i}",
                    month="2025-05", content="Chỉ đạo tháng 5.",
                )
                march_assigned.dashboard(month="2025-03")
                march_assigned.summary("meetings", "m-2025-03")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    before = len(march_assigned)
    threads = [threading.Thread(target=issue, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(march_assigned) == before + 200
    text = march_assigned.journal_text()
    assert chibo.verify(text) == march_assigned.head
    assert chibo.Commune.load(text).state_json() == march_assigned.state_json()
