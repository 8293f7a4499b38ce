"""Shared fixtures: the repository's scenario files, the setup world, the Nga Trường journal."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

import chibo

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "scenarios"
NGA_TRUONG = ROOT / "target" / "nga_truong" / "journal.jsonl"


def scenario_files() -> List[Path]:
    """Every scenario file, as the Rust runner reads them."""
    return sorted(SCENARIOS.glob("*.json"))


def setup_commands(names: Any) -> List[Dict[str, Any]]:
    """The commands of the named setup files (`setup/<name>.json`), in order."""
    if names is None:
        return []
    if isinstance(names, str):
        names = [names]
    commands: List[Dict[str, Any]] = []
    for name in names:
        commands.extend(json.loads((SCENARIOS / "setup" / f"{name}.json").read_text("utf-8"))["steps"])
    return commands


@pytest.fixture()
def march_assigned() -> chibo.Commune:
    """The setup world with meeting m-2025-03 held, adopted and its tasks assigned."""
    commune = chibo.Commune()
    commune.execute_many(setup_commands(["commune", "march_ready", "march_adopted", "march_assigned"])).raise_if_refused()
    return commune


@pytest.fixture()
def world() -> chibo.Commune:
    """The setup world (`commune`): Nga Trường with cells co-quan and xom-1."""
    commune = chibo.Commune()
    commune.execute_many(setup_commands("commune")).raise_if_refused()
    return commune


@pytest.fixture(scope="session")
def nga_truong_text() -> str:
    """The main job's journal (cargo run --example nga_truong), which scripts/test-python makes."""
    if not NGA_TRUONG.exists():
        if os.environ.get("CHIBO_REQUIRE_NGA_TRUONG"):
            pytest.fail(f"{NGA_TRUONG} is missing: run `cargo run --example nga_truong` first")
        pytest.skip("the Nga Trường journal is missing: run `cargo run --example nga_truong`")
    return NGA_TRUONG.read_text("utf-8")


@pytest.fixture(scope="session")
def nga_truong(nga_truong_text: str) -> chibo.Commune:
    """The Nga Trường year, loaded into memory."""
    return chibo.Commune.load(nga_truong_text)
