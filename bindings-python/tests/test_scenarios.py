"""Every tests/scenarios/*.json file replayed through the Python API, as the Rust runner
(core/tests/scenarios.rs) replays them: twice, once with whole commands (`Commune.execute`) and
once through the keyword-argument method of each action (`Commune.draft_meeting(actor=…, …)`),
with `at` and dates given as Python `datetime`/`date`. A step with `"sign_with"` (a test secret
key, 64 hex) is signed with `chibo.sign_command` and executed with `Commune.execute_signed` in
both modes."""

from __future__ import annotations

import inspect
import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, Set

import pytest

import chibo
from conftest import scenario_files, setup_commands

STRICT_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)")

CODES_SEEN: Dict[str, Set[str]] = {"execute": set(), "methods": set()}
METHOD_STEPS = {"count": 0}
SIGNED_STEPS = {"count": 0}
FILES_RUN: Dict[str, int] = {"execute": 0, "methods": 0}


def subset(expected: Any, actual: Any) -> bool:
    """The runner's subset match: objects recursively, arrays element by element and of the same
    length, numbers as numbers, anything else by equality."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and subset(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(subset(e, a) for e, a in zip(expected, actual))
        )
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(actual, (int, float)) and not isinstance(actual, bool) and expected == actual
    return bool(expected == actual)


def pythonic(value: Any, key: str = "") -> Any:
    """Timestamps as aware datetimes and `*_on`/`deadline` dates as dates, recursively."""
    if isinstance(value, dict):
        return {k: pythonic(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [pythonic(v) for v in value]
    if isinstance(value, str) and (key == "at" or key.endswith("_at")):
        # Only times in the journal's strict form become datetimes; a loose one stays text, so
        # that the core refuses it in this mode too.
        if not STRICT_TIME.fullmatch(value):
            return value
        try:
            return datetime.fromisoformat(value)
        except ValueError:  # no such time (a leap second, 24:00): the core refuses the text
            return value
    if isinstance(value, str) and (key.endswith("_on") or key == "deadline"):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def by_method(commune: chibo.Commune, command: Any) -> Any:
    """Runs a command through its keyword method when it has that shape; else None (a malformed
    command goes to `execute` and must be refused as input.malformed)."""
    if not isinstance(command, dict) or set(command) != {"actor", "at", "action"}:
        return None
    action = command["action"]
    if not isinstance(action, dict) or len(action) != 1:
        return None
    (name, payload), = action.items()
    method = getattr(commune, name, None) if isinstance(name, str) else None
    if method is None or not isinstance(payload, dict):
        return None
    params = inspect.signature(method).parameters
    if not set(payload) <= set(params) - {"actor", "at"}:
        return None
    METHOD_STEPS["count"] += 1
    kwargs = {k: pythonic(v, k) for k, v in payload.items()}
    return lambda: method(actor=command["actor"], at=pythonic(command["at"], "at"), **kwargs)


def run(commune: chibo.Commune, command: Any, mode: str, sign_with: Any = None) -> None:
    if sign_with is not None:
        # Signed with the binding's own signing function, then executed signed (as the Rust
        # runner does with the core's `sign_command` and `execute_signed`).
        secret = bytes.fromhex(sign_with)
        SIGNED_STEPS["count"] += 1
        commune.execute_signed(command, chibo.sign_command(secret, command))
        return
    call = by_method(commune, command) if mode == "methods" else None
    if call is None:
        commune.execute(command)
    else:
        call()


@pytest.mark.parametrize("mode", ["execute", "methods"])
@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.stem)
def test_scenario(path: Path, mode: str) -> None:
    scenario = json.loads(path.read_text("utf-8"))
    commune = chibo.Commune()
    for command in setup_commands(scenario.get("setup")):
        run(commune, command, mode)
    for i, step in enumerate(scenario["steps"]):
        label = f"{path.name} step {i}"
        expect = step["expect"]
        if "query" in step:
            check_query(commune, step["query"], expect, label, mode)
            continue
        before = commune.state_json()
        try:
            run(commune, step["command"], mode, step.get("sign_with"))
        except chibo.ChiboError as refusal:
            assert "error" in expect, f"{label}: refused {refusal.code}: {refusal}"
            assert refusal.code == expect["error"], f"{label}: {refusal.code} is not {expect['error']}"
            assert refusal.message_vi and refusal.message_en, label
            assert isinstance(refusal, chibo.errors.ChiboError) and isinstance(refusal, ValueError)
            assert commune.state_json() == before, f"{label}: a refused command changed the state"
            assert subset(expect.get("fields", {}), refusal.fields), f"{label}: {refusal.fields}"
            CODES_SEEN[mode].add(refusal.code)
        else:
            assert "error" not in expect, f"{label}: expected {expect['error']}, but it was accepted"
        for kind in chibo.SUMMARY_KINDS:
            for record, wanted in expect.get(kind, {}).items():
                actual = commune.summary(kind, record)
                assert subset(wanted, actual), f"{label}: {kind} {record} is {actual}, expected {wanted}"
    FILES_RUN[mode] += 1


def check_query(commune: chibo.Commune, query: Any, expect: Dict[str, Any], label: str, mode: str) -> None:
    before = commune.state_json()
    try:
        result = commune.query(query)
    except chibo.ChiboError as refusal:
        assert refusal.code == expect.get("error"), f"{label}: refused {refusal.code}"
        CODES_SEEN[mode].add(refusal.code)
    else:
        assert "error" not in expect, f"{label}: expected {expect['error']}, got a result"
        assert subset(expect["result"], result), f"{label}: {result} does not contain {expect['result']}"
    assert commune.state_json() == before, f"{label}: a query changed the state"


def test_at_least_60_scenarios() -> None:
    assert len(scenario_files()) >= 60


@pytest.mark.parametrize("mode", ["execute", "methods"])
def test_every_refusal_code_is_raised_by_some_scenario(mode: str) -> None:
    """Runs after the scenarios (pytest keeps file order): each command refusal code of the core
    reached Python as an exception with that code."""
    if FILES_RUN[mode] < len(scenario_files()):
        pytest.skip("needs every scenario of this mode to have run first (run the whole file)")
    expected = {code for code in chibo.CODES if not code.startswith("journal.")}
    missing = expected - CODES_SEEN[mode]
    assert not missing, f"codes never raised in mode {mode}: {sorted(missing)}"


def test_signed_steps_were_signed() -> None:
    """The scenario files' `sign_with` steps went through `execute_signed` (a runner that ignored
    them would fail the signature scenarios: their signed steps after the policy date would be
    refused as `journal.signature_missing`)."""
    if FILES_RUN["execute"] < len(scenario_files()) or FILES_RUN["methods"] < len(scenario_files()):
        pytest.skip("needs every scenario to have run first (run the whole file)")
    signed = sum(
        1
        for path in scenario_files()
        for step in json.loads(path.read_text("utf-8"))["steps"]
        if "sign_with" in step
    )
    assert signed > 0
    assert SIGNED_STEPS["count"] == 2 * signed, SIGNED_STEPS


def test_most_steps_went_through_keyword_methods() -> None:
    if FILES_RUN["methods"] < len(scenario_files()):
        pytest.skip("needs every scenario to have run first (run the whole file)")
    assert METHOD_STEPS["count"] > 500, METHOD_STEPS
